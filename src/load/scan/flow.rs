//! The fast reader's flow collections (`{id: x, tags: [a, b]}`), on one line or several:
//! later lines indented deeper than the block that holds the collection, no blank line inside.

use std::borrow::Cow;

use granit_parser::ScalarStyle;

use super::{Ctx, Scan, indicator, repeated};
use crate::load::events::{self, GiveUp};
use crate::model::node::{Key, Node, Value};

impl Scan<'_> {
    /// Inside a flow collection where a line may end (after its opening bracket, after a
    /// comma): spaces, a comment, and line breaks to the next entry, on a line indented deeper
    /// than the block holding the collection.
    pub(super) fn flow_gap(&mut self) -> Result<(), GiveUp> {
        loop {
            let start = self.i;
            self.skip_spaces();
            if self.eof() {
                return Err(GiveUp);
            }
            match self.peek() {
                b'#' if self.i > start => self.skip_to_line_end(),
                b'\n' => {}
                _ => return Ok(()),
            }
            if self.eof() {
                return Err(GiveUp);
            }
            self.newline();
            // Blank lines inside a flow collection are left to the parser.
            let m = self.indent();
            if m <= self.flow_floor || matches!(self.at(self.i + m), b'\n' | b'#') {
                return Err(GiveUp);
            }
        }
    }

    pub(super) fn skip_spaces_in_flow(&mut self) -> Result<(), GiveUp> {
        self.skip_spaces();
        if self.eof() || matches!(self.peek(), b'\n' | b'#') {
            return Err(GiveUp);
        }
        Ok(())
    }

    pub(super) fn flow_node(&mut self) -> Result<Node, GiveUp> {
        match self.peek() {
            b'{' => self.flow_map(),
            b'[' => self.flow_seq(),
            _ => self.scalar(Ctx::Flow),
        }
    }

    /// After a flow entry: `,` and the next entry, or the closing bracket. Returns whether the
    /// collection goes on.
    pub(super) fn flow_next(&mut self, close: u8) -> Result<bool, GiveUp> {
        self.skip_spaces_in_flow()?;
        match self.peek() {
            b',' => {
                self.i += 1;
                self.flow_gap()?;
                // A trailing comma is left to the parser.
                if self.peek() == close {
                    return Err(GiveUp);
                }
                Ok(true)
            }
            c if c == close => {
                self.i += 1;
                Ok(false)
            }
            _ => Err(GiveUp),
        }
    }

    pub(super) fn flow_seq(&mut self) -> Result<Node, GiveUp> {
        self.open()?;
        let pos = self.pos(self.i);
        self.i += 1;
        let mut items = Vec::new();
        self.flow_gap()?;
        if self.peek() == b']' {
            self.i += 1;
        } else {
            loop {
                items.push(self.flow_node()?);
                if !self.flow_next(b']')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(Node {
            value: Value::Seq(items),
            pos,
        })
    }

    pub(super) fn flow_map(&mut self) -> Result<Node, GiveUp> {
        self.open()?;
        let pos = self.pos(self.i);
        self.i += 1;
        let mut entries: Vec<(Key, Node)> = Vec::with_capacity(self.map_len);
        let (mut seen, mut shapes) = (None, 0u64);
        self.flow_gap()?;
        if self.peek() == b'}' {
            self.i += 1;
        } else {
            loop {
                let key = self.flow_key()?;
                if repeated(&entries, &mut seen, &mut shapes, &key.name) {
                    return Err(GiveUp);
                }
                self.skip_spaces_in_flow()?;
                if matches!(self.peek(), b',' | b'}') {
                    return Err(GiveUp);
                }
                let value = self.flow_node()?;
                entries.push((key, value));
                if !self.flow_next(b'}')? {
                    break;
                }
            }
        }
        Ok(self.close_map(entries, pos))
    }

    /// A flow mapping key at the cursor, through its `: `.
    pub(super) fn flow_key(&mut self) -> Result<Key, GiveUp> {
        let start = self.i;
        let pos = self.pos(start);
        let (name, style) = match self.peek() {
            b'"' | b'\'' => (self.quoted()?, ScalarStyle::DoubleQuoted),
            c if indicator(c) => return Err(GiveUp),
            _ => {
                let mut k = start;
                while !(self.at(k) == b':' && self.at(k + 1) == b' ') {
                    let stop = matches!(self.at(k), b'\n' | b'#' | b'[' | b']' | b'{' | b'}' | b',');
                    let colon_ends = self.at(k) == b':' && matches!(self.at(k + 1), b'\n' | b',' | b'[' | b']' | b'{' | b'}');
                    if stop || colon_ends || k >= self.b.len() {
                        return Err(GiveUp);
                    }
                    k += 1;
                }
                self.i = k;
                (Cow::Borrowed(self.text[start..k].trim_end_matches(' ')), ScalarStyle::Plain)
            }
        };
        if self.peek() != b':' || self.at(self.i + 1) != b' ' {
            return Err(GiveUp);
        }
        self.i += 2;
        self.count(false, name.len())?;
        Ok(Key {
            name: events::key_text(name, style)?,
            pos,
        })
    }
}
