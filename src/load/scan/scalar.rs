//! The fast reader's scalars: plain and quoted one-line scalars, typed by the event path's
//! code, and the escapes of double-quoted ones.

use std::borrow::Cow;

use granit_parser::ScalarStyle;

use super::{Ctx, Scan, indicator};
use crate::load::events::{self, GiveUp};
use crate::model::node::Node;

impl<'a> Scan<'a> {
    /// A one-line quoted scalar at the cursor (either quote), its content unescaped.
    pub(super) fn quoted(&mut self) -> Result<Cow<'a, str>, GiveUp> {
        let q = self.peek();
        let start = self.i + 1;
        let mut k = start;
        let mut owned: Option<String> = None;
        let mut from = start;
        loop {
            let c = self.at(k);
            if k >= self.b.len() || c == b'\n' {
                return Err(GiveUp);
            }
            if c == q {
                if q == b'\'' && self.at(k + 1) == b'\'' {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[from..=k]);
                    k += 2;
                    from = k;
                    continue;
                }
                break;
            }
            if q == b'"' && c == b'\\' {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(&self.text[from..k]);
                let (ch, used) = self.escape(k + 1)?;
                s.push(ch);
                k += 1 + used;
                from = k;
                continue;
            }
            k += 1;
        }
        self.i = k + 1;
        Ok(match owned {
            None => Cow::Borrowed(&self.text[start..k]),
            Some(mut s) => {
                s.push_str(&self.text[from..k]);
                Cow::Owned(s)
            }
        })
    }

    /// The escape after a backslash at `k`: the character and how many bytes it takes. Escapes
    /// outside the everyday set are left to the parser.
    pub(super) fn escape(&self, k: usize) -> Result<(char, usize), GiveUp> {
        Ok(match self.at(k) {
            b'\\' => ('\\', 1),
            b'"' => ('"', 1),
            b'/' => ('/', 1),
            b'n' => ('\n', 1),
            b't' => ('\t', 1),
            b'r' => ('\r', 1),
            b'0' => ('\0', 1),
            b'u' => {
                let hex = self.text.get(k + 1..k + 5).ok_or(GiveUp)?;
                if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
                    return Err(GiveUp);
                }
                let code = u32::from_str_radix(hex, 16).map_err(|_| GiveUp)?;
                (char::from_u32(code).ok_or(GiveUp)?, 5)
            }
            _ => return Err(GiveUp),
        })
    }

    /// A scalar at the cursor: quoted, or plain up to what ends it in `ctx`.
    pub(super) fn scalar(&mut self, ctx: Ctx) -> Result<Node, GiveUp> {
        let start = self.i;
        let pos = self.pos(start);
        let c = self.peek();
        let (text, style) = if c == b'"' || c == b'\'' {
            let style = if c == b'"' {
                ScalarStyle::DoubleQuoted
            } else {
                ScalarStyle::SingleQuoted
            };
            (self.quoted()?, style)
        } else {
            if c == b' ' || c == b'\n' || (indicator(c) && (c != b'-' || indicator_or_space(self.at(start + 1)))) {
                return Err(GiveUp);
            }
            let mut k = start;
            let mut end = start;
            loop {
                let c = self.at(k);
                if k >= self.b.len() || c == b'\n' {
                    break;
                }
                match (ctx, c) {
                    // `:` belongs to a plain scalar before a character that could go on one
                    // (`http://x`); before a space or, in flow, an indicator, it ends a key.
                    (_, b':') if matches!(self.at(k + 1), b' ' | b'\n') => return Err(GiveUp),
                    (Ctx::Flow, b':') if matches!(self.at(k + 1), b',' | b'[' | b']' | b'{' | b'}') => return Err(GiveUp),
                    (_, b'#') if self.at(k - 1) == b' ' => break,
                    (Ctx::Flow, b',' | b']' | b'}') => break,
                    (Ctx::Flow, b'[' | b'{') => return Err(GiveUp),
                    _ => {}
                }
                k += 1;
                if c != b' ' {
                    end = k;
                }
            }
            if ctx == Ctx::Flow && (k >= self.b.len() || matches!(self.at(k), b'\n' | b'#')) {
                // A flow collection going on to the next line.
                return Err(GiveUp);
            }
            self.i = end;
            (Cow::Borrowed(&self.text[start..end]), ScalarStyle::Plain)
        };
        self.count(false, text.len())?;
        Ok(Node {
            value: events::scalar(text, style)?,
            pos,
        })
    }
}

/// Whether `c` ends a `-` as a plain scalar's first character (`- x`, `-,`, `-]`).
fn indicator_or_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b',' | b'[' | b']' | b'{' | b'}')
}
