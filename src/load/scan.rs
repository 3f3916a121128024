//! Reading the everyday shape of YAML straight into the [`Node`] tree, without a general parser.
//!
//! Submissions are written by people and by tools in a small part of YAML: block mappings and
//! sequences indented with spaces, flow collections (`{id: x, tags: [a, b]}`) on one line or
//! several, plain and quoted one-line scalars, comments, LF or CRLF line ends. This module reads exactly that part, byte by byte, and
//! builds the nodes with the positions the parser gives them; it reads the generated national
//! round several times faster than the parser's events alone.
//!
//! Guarantees: the result is exactly what [`super::events::parse`] (and so the serde path) gives
//! for the same text. It holds by refusal: at the first byte outside that part (a tab, a
//! carriage return not ending a line, a control character, an anchor, an alias, a tag, a block
//! scalar, a document marker past the first line, a directive, a complex key, a scalar over
//! several lines, a blank line or a shallow line inside a flow collection, an empty sequence
//! item, a key YAML would type, a repeated key, a budget close), it gives up and the event path
//! reads the file from the start. Scalars are typed by the event path's own
//! code. `tests/integration/loader.rs` compares the three paths on every YAML file in the
//! repository, on the generated round and on generated hostile snippets.
//!
//! This file holds the cursor and the block structure; `scan/scalar.rs` reads scalars and `scan/flow.rs`
//! flow collections, as further methods of the same reader.

use std::borrow::Cow;

use granit_parser::ScalarStyle;

use super::events::{self, Caps, GiveUp};
use crate::location::Pos;
use crate::model::node::{Key, Node, Value};

mod flow;
mod scalar;

/// Builds the node tree of `text`, or gives up (see the module documentation).
pub fn parse(text: &str) -> Result<Node, GiveUp> {
    // Files written on Windows end their lines with CRLF. A carriage return before a line feed
    // moves no node and ends every scalar this reader takes, so such a text is read with its
    // line feeds alone; a carriage return anywhere else is left to the parser.
    if text.as_bytes().contains(&b'\r') {
        let b = text.as_bytes();
        if b.iter().enumerate().any(|(k, &c)| c == b'\r' && b.get(k + 1) != Some(&b'\n')) {
            return Err(GiveUp);
        }
        return parse_lf(&text.replace("\r\n", "\n"));
    }
    parse_lf(text)
}

/// [`parse`] of a text whose lines end with a line feed alone.
fn parse_lf(text: &str) -> Result<Node, GiveUp> {
    plain_bytes(text.as_bytes())?;
    let mut s = Scan {
        text,
        b: text.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
        col_cache: (0, 0),
        caps: Caps::for_len(text.len()),
        nodes: 0,
        events: 4,
        depth: 0,
        flow_floor: 0,
        map_len: 0,
    };
    s.skip_blank_lines()?;
    if s.eof() {
        return Err(GiveUp);
    }
    // A document start on a line of its own opens the one document; any other marker, and
    // directives, are read by the parser.
    if s.b[s.i..].starts_with(b"---") && matches!(s.at(s.i + 3), b' ' | b'\n') {
        s.i += 3;
        s.finish_line()?;
    }
    let rest = &s.b[s.i..];
    if s.eof() || rest.starts_with(b"---") || rest.starts_with(b"...") || rest.starts_with(b"%") {
        return Err(GiveUp);
    }
    let indent = s.indent();
    s.i += indent;
    let root = s.block_node(indent)?;
    if !s.eof() {
        return Err(GiveUp);
    }
    Ok(root)
}

/// Refuses text holding a byte the fast path does not read: tabs, carriage returns and other
/// control characters, the C1 controls, the byte-order mark, U+FFFE/U+FFFF and the Unicode line
/// and paragraph separators (which YAML treats specially or refuses).
fn plain_bytes(b: &[u8]) -> Result<(), GiveUp> {
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if c < 0x20 && c != b'\n' || c == 0x7f {
            return Err(GiveUp);
        }
        if c >= 0x80 {
            let next = b.get(k + 1).copied().unwrap_or(0);
            let after = b.get(k + 2).copied().unwrap_or(0);
            let refused = (c == 0xC2 && (0x80..=0x9F).contains(&next))
                || (c == 0xEF && next == 0xBB && after == 0xBF)
                || (c == 0xEF && next == 0xBF && (after == 0xBE || after == 0xBF))
                || (c == 0xE2 && next == 0x80 && (after == 0xA8 || after == 0xA9));
            if refused {
                return Err(GiveUp);
            }
        }
        k += 1;
    }
    Ok(())
}

/// Bytes that may not start a plain scalar (YAML's indicators), apart from `-` before a
/// character that is not a space.
fn indicator(c: u8) -> bool {
    matches!(
        c,
        b'-' | b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|' | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`'
    )
}

/// The reader: a cursor over the text and the counts the budgets are kept on.
struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
    /// The cursor, a byte offset.
    i: usize,
    /// The cursor's line, from 1.
    line: u32,
    /// Where the cursor's line starts.
    line_start: usize,
    /// A byte offset on the current line and its column in characters from 0, so that columns
    /// are counted once per line however many nodes it holds.
    col_cache: (usize, u32),
    caps: Caps,
    nodes: usize,
    events: usize,
    depth: usize,
    /// The indentation of the block holding the flow collection being read.
    flow_floor: usize,
    /// The length of the mapping read last: records of a collection share a shape, so the next
    /// one is given that room at once rather than grown to it.
    map_len: usize,
}

/// Which part of a line a scalar stands in.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    Block,
    Flow,
}

impl<'a> Scan<'a> {
    fn eof(&self) -> bool {
        self.i >= self.b.len()
    }

    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(b'\n')
    }

    fn at(&self, k: usize) -> u8 {
        self.b.get(k).copied().unwrap_or(b'\n')
    }

    /// Where byte `at` of the current line is, as the parser reports it (1-based, in characters).
    fn pos(&mut self, at: usize) -> Pos {
        let (from, mut col) = self.col_cache;
        let from = from.max(self.line_start);
        if from > at {
            // Never asked backwards on a line; counted afresh if it were.
            self.col_cache = (self.line_start, 0);
            return self.pos(at);
        }
        col += self.b[from..at].iter().filter(|&&c| c & 0xC0 != 0x80).count() as u32;
        self.col_cache = (at, col);
        Pos {
            line: self.line,
            column: col + 1,
        }
    }

    /// Moves past the newline at the cursor to the start of the next line.
    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
        self.line_start = self.i;
        self.col_cache = (self.i, 0);
    }

    /// From the start of a line, skips lines holding only spaces and a comment; stops at the
    /// start of the next line with content, or at the end of the text.
    fn skip_blank_lines(&mut self) -> Result<(), GiveUp> {
        while !self.eof() {
            let start = self.i;
            let mut k = start;
            while self.at(k) == b' ' && k < self.b.len() {
                k += 1;
            }
            match self.b.get(k) {
                None => {
                    self.i = k;
                    return Ok(());
                }
                Some(b'\n') => {
                    self.i = k;
                    self.newline();
                }
                Some(b'#') => {
                    self.i = k;
                    self.skip_to_line_end();
                    if !self.eof() {
                        self.newline();
                    }
                }
                Some(_) => {
                    self.i = start;
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    /// Where the current line ends: its newline, or the end of the text.
    fn line_end(&self) -> usize {
        self.b[self.i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |p| self.i + p)
    }

    /// Moves the cursor to the newline ending the current line (or the end of the text).
    fn skip_to_line_end(&mut self) {
        self.i = self.line_end();
    }

    /// Moves past the rest of the current line (spaces and a comment, as the caller has seen)
    /// and past blank lines, to the start of the next line with content.
    fn skip_past_line(&mut self) -> Result<(), GiveUp> {
        self.skip_to_line_end();
        if !self.eof() {
            self.newline();
        }
        self.skip_blank_lines()
    }

    /// Moves the cursor past spaces.
    fn skip_spaces(&mut self) {
        while self.peek() == b' ' && !self.eof() {
            self.i += 1;
        }
    }

    /// The indentation of the line the cursor starts.
    fn indent(&self) -> usize {
        self.b[self.i..].iter().take_while(|&&c| c == b' ').count()
    }

    /// After a value: spaces, an optional comment, the newline; then past blank lines.
    fn finish_line(&mut self) -> Result<(), GiveUp> {
        let start = self.i;
        self.skip_spaces();
        if self.eof() {
            return Ok(());
        }
        // A comment needs a space before it.
        match self.peek() {
            b'\n' => self.skip_past_line(),
            b'#' if self.i > start => self.skip_past_line(),
            _ => Err(GiveUp),
        }
    }

    /// At the start of a line after a block collection's entry: whether the collection's next
    /// entry (a `-` item when `dash`) starts there, at `indent`, and if so moves to it. A line
    /// indented deeper than the collection would continue the entry: left to the parser.
    fn next_entry(&mut self, indent: usize, dash: bool) -> Result<bool, GiveUp> {
        if self.eof() {
            return Ok(false);
        }
        let m = self.indent();
        if m == indent && (!dash || self.dash_at(self.i + m)) {
            self.i += m;
            return Ok(true);
        }
        if m > indent {
            return Err(GiveUp);
        }
        Ok(false)
    }

    /// A mapping read to its end: one level up, and its length remembered for the next.
    fn close_map(&mut self, entries: Vec<(Key, Node)>, pos: Pos) -> Node {
        self.depth -= 1;
        self.map_len = entries.len();
        Node {
            value: Value::Map(entries),
            pos,
        }
    }

    /// Whether a `-` at `k` starts a block sequence item.
    fn dash_at(&self, k: usize) -> bool {
        self.at(k) == b'-' && matches!(self.at(k + 1), b' ' | b'\n')
    }

    /// Counts one more node (and its events) against the budgets.
    fn count(&mut self, collection: bool, scalar_bytes: usize) -> Result<(), GiveUp> {
        self.nodes += 1;
        self.events += if collection { 2 } else { 1 };
        self.caps.scalar_bytes = self.caps.scalar_bytes.checked_sub(scalar_bytes).ok_or(GiveUp)?;
        if self.nodes > self.caps.nodes || self.events > self.caps.events {
            return Err(GiveUp);
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), GiveUp> {
        self.count(true, 0)?;
        self.depth += 1;
        if self.depth > self.caps.depth {
            return Err(GiveUp);
        }
        Ok(())
    }

    /// A block collection whose first byte is at the cursor, in column `indent`.
    fn block_node(&mut self, indent: usize) -> Result<Node, GiveUp> {
        if self.dash_at(self.i) {
            self.block_seq(indent, false)
        } else {
            self.block_map(indent)
        }
    }

    /// A block sequence from the `-` at the cursor. A sequence written at its parent key's
    /// indentation (`indentless`) starts at its first item's content, as the parser reports it.
    fn block_seq(&mut self, indent: usize, indentless: bool) -> Result<Node, GiveUp> {
        self.open()?;
        let own = self.pos(self.i);
        let mut items = Vec::new();
        let mut first_content = None;
        loop {
            // At the `-`.
            self.i += 1;
            self.skip_spaces();
            if self.dash_at(self.i) {
                // `- - x` is left to the parser.
                return Err(GiveUp);
            }
            let bare = matches!(self.peek(), b'\n' | b'#');
            if first_content.is_none() && indentless {
                // The parser starts such a sequence where its first item's content does, or at
                // the end of a bare `-`'s line.
                let at = if bare { self.line_end() } else { self.i };
                first_content = Some(self.pos(at));
            }
            let column = self.i - self.line_start;
            let item = if bare {
                // A bare `-` with a block under it; an empty item is left to the parser. (A `#`
                // here follows the space a `-` needs.)
                self.skip_past_line()?;
                let m = if self.eof() { 0 } else { self.indent() };
                if self.eof() || m <= indent {
                    return Err(GiveUp);
                }
                self.i += m;
                self.block_node(m)?
            } else if self.is_block_key() {
                self.block_map(column)?
            } else {
                let item = self.inline_value(indent)?;
                self.finish_line()?;
                item
            };
            items.push(item);
            if !self.next_entry(indent, true)? {
                break;
            }
        }
        self.depth -= 1;
        let pos = if indentless { first_content.ok_or(GiveUp)? } else { own };
        Ok(Node {
            value: Value::Seq(items),
            pos,
        })
    }

    /// Whether the line from the cursor reads `key: ...` (a plain or quoted key on this line).
    fn is_block_key(&self) -> bool {
        let line = &self.b[self.i..self.line_end()];
        match line.first() {
            Some(b'"' | b'\'' | b'{' | b'[') => {
                // A quoted key is followed by `:`; a quoted or flow value is not a key. The quote
                // is found again by the key reader, which refuses what it cannot read.
                let q = line[0];
                if q == b'{' || q == b'[' {
                    return false;
                }
                let Some(end) = line[1..].iter().position(|&c| c == q) else {
                    return false;
                };
                let after = &line[end + 2..];
                let after = &after[after.iter().take_while(|&&c| c == b' ').count()..];
                after.first() == Some(&b':')
            }
            _ => line.windows(2).any(|w| w[0] == b':' && w[1] == b' ') || line.last() == Some(&b':'),
        }
    }

    fn block_map(&mut self, indent: usize) -> Result<Node, GiveUp> {
        self.open()?;
        let pos = self.pos(self.i);
        let mut entries: Vec<(Key, Node)> = Vec::with_capacity(self.map_len);
        let (mut seen, mut shapes) = (None, 0u64);
        loop {
            let (key, colon) = self.block_key()?;
            if repeated(&entries, &mut seen, &mut shapes, &key.name) {
                return Err(GiveUp);
            }
            self.skip_spaces();
            let value = if self.eof() || matches!(self.peek(), b'\n' | b'#') {
                let null_pos = self.pos(colon);
                self.skip_past_line()?;
                let m = if self.eof() { 0 } else { self.indent() };
                if !self.eof() && m > indent {
                    self.i += m;
                    self.block_node(m)?
                } else if !self.eof() && m == indent && self.dash_at(self.i + m) {
                    self.i += m;
                    self.block_seq(m, true)?
                } else {
                    self.count(false, 1)?;
                    Node {
                        value: Value::Null,
                        pos: null_pos,
                    }
                }
            } else {
                let v = self.inline_value(indent)?;
                self.finish_line()?;
                v
            };
            entries.push((key, value));
            if !self.next_entry(indent, false)? {
                break;
            }
        }
        Ok(self.close_map(entries, pos))
    }

    /// A block mapping key at the cursor, through its `:`; returns the key and where the colon is.
    fn block_key(&mut self) -> Result<(Key, usize), GiveUp> {
        let start = self.i;
        let pos = self.pos(start);
        let (name, style) = match self.peek() {
            b'"' | b'\'' => {
                let name = self.quoted()?;
                self.skip_spaces();
                (name, ScalarStyle::DoubleQuoted)
            }
            c if indicator(c) || c == b' ' || c == b'\n' => return Err(GiveUp),
            _ => {
                let mut k = start;
                loop {
                    match self.at(k) {
                        b':' if matches!(self.at(k + 1), b' ' | b'\n') => break,
                        b'\n' | b'#' | b'[' | b']' | b'{' | b'}' | b',' => return Err(GiveUp),
                        _ => k += 1,
                    }
                }
                if k >= self.b.len() {
                    return Err(GiveUp);
                }
                self.i = k;
                let raw = self.text[start..k].trim_end_matches(' ');
                (Cow::Borrowed(raw), ScalarStyle::Plain)
            }
        };
        if self.peek() != b':' || !matches!(self.at(self.i + 1), b' ' | b'\n') || self.eof() {
            return Err(GiveUp);
        }
        let colon = self.i;
        self.i += 1;
        self.count(false, name.len())?;
        Ok((
            Key {
                name: events::key_text(name, style)?,
                pos,
            },
            colon,
        ))
    }

    /// A value written on the key's or the dash's line: a flow collection or a scalar.
    /// `floor` is the indentation of the block holding it: a flow collection's later lines must
    /// be indented deeper.
    fn inline_value(&mut self, floor: usize) -> Result<Node, GiveUp> {
        self.flow_floor = floor;
        match self.peek() {
            b'{' => self.flow_map(),
            b'[' => self.flow_seq(),
            _ => self.scalar(Ctx::Block),
        }
    }
}

/// Whether `name` is already a key of `entries` (see [`events::repeated`]). While the mapping is
/// small, a mask of its keys' shapes (length and last byte) answers most keys without looking
/// through the others: a key whose shape is new cannot be there.
fn repeated(entries: &[(Key, Node)], seen: &mut Option<std::collections::HashSet<String>>, shapes: &mut u64, name: &str) -> bool {
    if entries.len() < 32 {
        let last = name.as_bytes().last().copied().unwrap_or(0);
        let bit = 1u64 << ((name.len().wrapping_mul(7) ^ usize::from(last)) & 63);
        let new_shape = *shapes & bit == 0;
        *shapes |= bit;
        if new_shape {
            return false;
        }
    }
    events::repeated(entries, seen, name)
}
