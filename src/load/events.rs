//! Reading YAML into the generic [`Node`] tree straight from the parser's events.
//!
//! serde-saphyr reads through `granit-parser`; going through serde costs more than twice the
//! parse itself (a spanned visitor per value, a budget and alias machinery per event). This module
//! walks the same parser's events with the same parser options and builds the nodes directly.
//!
//! Guarantees: the result is exactly what [`super::yaml::parse_serde`] gives for the same text:
//! the same values, typed by the same YAML rules, and the same positions; and every refusal is the
//! same finding with the same message and location. The second holds by construction: this path
//! handles only the plain case (one document; no anchors, aliases, tags or merge keys; string
//! keys, none repeated; well inside every budget) and, at the first sign of anything else (a
//! parse error, a budget close, a duplicate key, a number that does not fit), it gives up and the
//! serde path reads the file again, with its alias expansion, budgets and messages. So a file
//! that fails pays for two parses, and a file that succeeds for one. `tests/integration/loader.rs`
//! compares both paths on every example and fixture.

use std::borrow::Cow;
use std::collections::HashSet;

use granit_parser::{Event, Parser, ScalarStyle, Span};

use crate::location::Pos;
use crate::model::node::{Key, Node, Value};

/// Why the fast path stopped: the serde path decides what the file is.
#[derive(Debug)]
pub struct GiveUp;

/// The limits the fast path keeps well inside: the serde path's budgets for an input of `len`
/// bytes (see [`super::yaml`]), less a margin, so that a file near a limit is judged by the serde
/// path and its exact accounting.
pub(super) struct Caps {
    pub(super) depth: usize,
    pub(super) nodes: usize,
    pub(super) events: usize,
    pub(super) scalar_bytes: usize,
}

impl Caps {
    pub(super) fn for_len(len: usize) -> Caps {
        let budget = super::limits::yaml_budget(len);
        Caps {
            depth: budget.max_depth.saturating_sub(4),
            nodes: budget.max_nodes.saturating_sub(16),
            events: budget.max_events.saturating_sub(16),
            scalar_bytes: budget.max_total_scalar_bytes.saturating_sub(16),
        }
    }
}

/// The parser options serde-saphyr uses for the same budget (its `Budget::parser_options`), so
/// that both paths scan the text identically.
fn parser_options(len: usize) -> granit_parser::Options {
    let budget = super::limits::yaml_budget(len);
    let mut options = granit_parser::Options::default();
    options.simple_key_max_lookahead = budget.simple_key_max_lookahead;
    options.flow_nesting_limit = budget.flow_nesting_limit;
    options.block_nesting_limit = options.block_nesting_limit.max(budget.max_depth.saturating_add(1));
    options.emit_comments = false;
    options.strict_indentation = false;
    options.bom_inside_document_as_content = false;
    options
}

/// A collection being built.
enum Open {
    Seq(Pos, Vec<Node>),
    /// A mapping, its entries, the key read whose value comes next, and the keys seen once the
    /// mapping is large enough that looking through its entries would make it quadratic.
    Map(Pos, Vec<(Key, Node)>, Option<Key>, Option<HashSet<String>>),
}

/// Builds the node tree of `text`, or gives up (see the module documentation).
pub fn parse(text: &str) -> Result<Node, GiveUp> {
    let caps = Caps::for_len(text.len());
    let mut parser = Parser::new_from_str_with_options(text, parser_options(text.len()));
    let mut stack: Vec<Open> = Vec::new();
    let (mut nodes, mut events, mut scalar_bytes, mut documents) = (0usize, 0usize, 0usize, 0usize);
    let mut root: Option<Node> = None;
    for item in &mut parser {
        let (event, span) = item.map_err(|_| GiveUp)?;
        events += 1;
        if events > caps.events {
            return Err(GiveUp);
        }
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return Err(GiveUp);
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return Err(GiveUp);
                }
                nodes += 1;
                scalar_bytes += value.len();
                if nodes > caps.nodes || scalar_bytes > caps.scalar_bytes {
                    return Err(GiveUp);
                }
                let pos = pos(&span);
                // A scalar in key position becomes the pending key.
                if let Some(Open::Map(_, _, pending @ None, _)) = stack.last_mut() {
                    *pending = Some(Key {
                        name: key_text(value, style)?,
                        pos,
                    });
                    continue;
                }
                Node {
                    value: scalar(value, style)?,
                    pos,
                }
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() {
                    return Err(GiveUp);
                }
                // A collection as a mapping key: rare, and the serde path says what it means.
                if let Some(Open::Map(_, _, None, _)) = stack.last() {
                    return Err(GiveUp);
                }
                nodes += 1;
                if nodes > caps.nodes || stack.len() + 1 > caps.depth {
                    return Err(GiveUp);
                }
                let pos = pos(&span);
                stack.push(match event {
                    Event::SequenceStart(..) => Open::Seq(pos, Vec::new()),
                    _ => Open::Map(pos, Vec::new(), None, None),
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Open::Seq(pos, items)) => Node {
                    value: Value::Seq(items),
                    pos,
                },
                _ => return Err(GiveUp),
            },
            Event::MappingEnd => match stack.pop() {
                Some(Open::Map(pos, entries, None, _)) => Node {
                    value: Value::Map(entries),
                    pos,
                },
                _ => return Err(GiveUp),
            },
            // Aliases, and any event this path does not know.
            _ => return Err(GiveUp),
        };
        match stack.last_mut() {
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, entries, pending, seen)) => {
                let key = pending.take().ok_or(GiveUp)?;
                // Repeated keys are refused; the serde path words the error.
                if repeated(entries, seen, &key.name) {
                    return Err(GiveUp);
                }
                entries.push((key, node));
            }
            None => {
                if root.is_some() {
                    return Err(GiveUp);
                }
                root = Some(node);
            }
        }
    }
    // An empty stream (no document) is left to the serde path.
    if !stack.is_empty() {
        return Err(GiveUp);
    }
    root.ok_or(GiveUp)
}

/// Whether `name` is already a key of `entries`: a look through them while the mapping is
/// small, a set of its keys once it is not (a questionnaire of 100,000 answers stays linear).
pub(super) fn repeated(entries: &[(Key, Node)], seen: &mut Option<HashSet<String>>, name: &str) -> bool {
    const SMALL: usize = 32;
    if entries.len() < SMALL {
        return entries.iter().any(|(k, _)| k.name == name);
    }
    let seen = seen.get_or_insert_with(|| entries.iter().map(|(k, _)| k.name.clone()).collect());
    !seen.insert(name.to_string())
}

/// Where the event at `span` starts, as serde-saphyr reports it (1-based line and column).
fn pos(span: &Span) -> Pos {
    Pos {
        line: u32::try_from(span.start.line()).unwrap_or(u32::MAX),
        column: u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
    }
}

/// A mapping key's text: only keys that are plainly strings; a key YAML would type (`2024`,
/// `yes`, `~`) or a merge key is read by the serde path, which turns it into text its own way.
pub(super) fn key_text(value: Cow<'_, str>, style: ScalarStyle) -> Result<String, GiveUp> {
    // A merge key, even one merging a mapping written in place (`<<: {a: 1}`), is the serde
    // path's to expand.
    if style == ScalarStyle::Plain && value == "<<" {
        return Err(GiveUp);
    }
    match scalar(value, style)? {
        Value::Str(s) => Ok(s),
        _ => Err(GiveUp),
    }
}

/// Trims what serde-saphyr trims before typing a scalar.
fn yaml_trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

/// Types an untagged scalar the way serde-saphyr's `deserialize_any` does with dgmat's options:
/// quoted and block scalars are strings; plain ones are null, a YAML 1.1 boolean, an integer or a
/// finite float, else a string. A non-finite float is an error there, so it gives up here.
pub(super) fn scalar(value: Cow<'_, str>, style: ScalarStyle) -> Result<Value, GiveUp> {
    if style != ScalarStyle::Plain {
        return Ok(Value::Str(value.into_owned()));
    }
    if matches!(&*value, "" | "~" | "null" | "Null" | "NULL") {
        return Ok(Value::Null);
    }
    let t = yaml_trim(&value);
    // Most strings start with a letter that no number does: decide those at once.
    let first = t.as_bytes().first().copied().unwrap_or(b' ');
    if first.is_ascii_alphabetic() || !first.is_ascii() {
        return Ok(match yaml11_bool(t) {
            Some(b) => Value::Bool(b),
            None => Value::Str(value.into_owned()),
        });
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    let uppercase_radix = matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..]);
    let signed_nan = t.len() > unsigned.len() && matches!(unsigned, ".nan" | ".NaN" | ".NAN");
    if uppercase_radix || signed_nan {
        return Ok(Value::Str(value.into_owned()));
    }
    if let Some(int) = integer(t) {
        return Ok(int);
    }
    if matches!(unsigned, ".nan" | ".NaN" | ".NAN" | ".inf" | ".Inf" | ".INF") {
        return Err(GiveUp);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Value::Float(v)),
        // `1e999`: serde-saphyr refuses it as not finite; `inf`, `nan` stay strings there.
        Ok(_) if unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit) => Err(GiveUp),
        _ => Ok(Value::Str(value.into_owned())),
    }
}

/// `y`, `yes`, `true`, `on` and their negatives, in any case (serde-saphyr's default).
fn yaml11_bool(t: &str) -> Option<bool> {
    let is = |w: &str| t.eq_ignore_ascii_case(w);
    if is("true") || is("yes") || is("y") || is("on") {
        Some(true)
    } else if is("false") || is("no") || is("n") || is("off") {
        Some(false)
    } else {
        None
    }
}

/// The integer `t` spells, as serde-saphyr reads it untyped: decimal without leading zeros, or
/// `0x`, `0o`, `0b`, with single underscores between digits; a negative one must fit in i64, a
/// positive one in u64 (beyond i64 it becomes a float, as serde's `visit_u64` does in the tree).
fn integer(t: &str) -> Option<Value> {
    let (negative, rest) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (radix, digits) = if let Some(r) = rest.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = rest.strip_prefix("0o") {
        (8, r)
    } else if let Some(r) = rest.strip_prefix("0b") {
        (2, r)
    } else {
        if rest.starts_with('0') && rest != "0" {
            return None;
        }
        (10, rest)
    };
    let magnitude = digits_u128(digits, radix)?;
    if negative {
        // i64::MIN's magnitude is one more than i64::MAX.
        let m = i128::try_from(magnitude).ok()?;
        i64::try_from(-m).ok().map(Value::Int)
    } else {
        let v = u64::try_from(magnitude).ok()?;
        Some(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
}

/// Digits in `radix` with single underscores between them, as u128.
fn digits_u128(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut value: u128 = 0;
    let mut saw = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let prev_ok = i > 0 && bytes[i - 1] != b'_';
            let next_ok = i + 1 < bytes.len() && bytes[i + 1] != b'_';
            if !prev_ok || !next_ok {
                return None;
            }
            continue;
        }
        let d = char::from(b).to_digit(radix)?;
        value = value.checked_mul(u128::from(radix))?.checked_add(u128::from(d))?;
        saw = true;
    }
    saw.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Option<Value> {
        scalar(Cow::Borrowed(s), ScalarStyle::Plain).ok()
    }

    #[test]
    fn plain_scalars_are_typed_like_serde_saphyr() {
        assert_eq!(typed("yes"), Some(Value::Bool(true)));
        assert_eq!(typed("Off"), Some(Value::Bool(false)));
        assert_eq!(typed("~"), Some(Value::Null));
        assert_eq!(typed("0x1F"), Some(Value::Int(31)));
        assert_eq!(typed("0X1F"), Some(Value::Str("0X1F".into())));
        assert_eq!(typed("1_000"), Some(Value::Int(1000)));
        assert_eq!(typed("007"), Some(Value::Float(7.0)));
        assert_eq!(typed("-9223372036854775808"), Some(Value::Int(i64::MIN)));
        assert_eq!(typed("2024-01-05"), Some(Value::Str("2024-01-05".into())));
        assert_eq!(typed("-.nan"), Some(Value::Str("-.nan".into())));
        assert!(typed(".inf").is_none() && typed("1e999").is_none());
        assert_eq!(typed("inf"), Some(Value::Str("inf".into())));
    }
}
