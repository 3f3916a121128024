//! Overlays: a rubric that `extends` another and lists only its changes (`override`, `add`,
//! `remove`, and any top-level key it replaces), so that a ministry tailors `vn-dgmm` without
//! copying it.
//!
//! The base and the overlay are read as YAML trees and merged; the merged tree is written out
//! as YAML (what `rubric show --resolved` prints) and loaded like any rubric. Every node keeps
//! where it was written, so each problem of the merged rubric is reported in the file that
//! caused it: the overlay for what it overrides or adds, the base for the rest.

use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::{at, suggestion, yaml};
use crate::finding::{Finding, Rule};
use crate::location::{Location, Pos};
use crate::model::node::{Key, Node, Value};
use crate::model::rubric::{BaseRubric, LoadedRubric};

/// Overlay positions are moved this many lines down while merged, to tell them from the base's.
const OVERLAY_LINES: u32 = 100_000_000;

/// The name the merged text is loaded under, before its findings are put back in place.
const MERGED: &str = "<merged rubric>";

/// Whether the rubric text `text` is an overlay: a mapping with `extends:`.
pub fn is_overlay(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("extends:"))
}

/// Where the base named by `extends` in the overlay `file` is: a file beside the overlay (or
/// as given), else a shipped rubric id.
fn base_spec(file: &str, extends: &str) -> String {
    let beside = Path::new(file).parent().map(|d| d.join(extends));
    match beside {
        Some(p) if p.is_file() => p.to_string_lossy().into_owned(),
        _ => extends.to_string(),
    }
}

/// The base's name and text, as the overlay `file` with text `text` names it.
pub fn base_source(file: &str, text: &str) -> Option<(String, Arc<str>)> {
    let root: Node = yaml::parse_node(file, text).ok()?;
    let Value::Str(extends) = &root.get("extends")?.value else {
        return None;
    };
    super::rubric::source_text(&base_spec(file, extends))
}

/// Loads the overlay `file` (text `text`) onto its base.
pub fn load(file: &str, text: Arc<str>) -> Result<LoadedRubric, Vec<Finding>> {
    let root: Node = yaml::parse_node(file, &text).map_err(|f| vec![f])?;
    let err = |msg: String, pos: Pos, help: Option<&str>| {
        let mut f = Finding::error(Rule::RubricOverlay, msg, at(file, pos));
        f.help = help.map(str::to_string);
        f
    };
    let Value::Map(entries) = root.value else {
        return Err(vec![err(format!("{file} must be a mapping"), root.pos, None)]);
    };
    let get = |k: &str| entries.iter().find(|(key, _)| key.name == k).map(|(_, v)| v);
    super::check_header_nodes(file, get("dgmat"), get("kind"), "rubric").map_err(|f| vec![f])?;
    let extends = get("extends").expect("an overlay has `extends`");
    let Value::Str(base_name) = &extends.value else {
        return Err(vec![err("`extends` names a shipped rubric id or a path".into(), extends.pos, None)]);
    };
    let (base_file, base_text) = super::rubric::source_text(&base_spec(file, base_name)).ok_or_else(|| {
        vec![err(
            format!("`extends: {base_name}` names neither a rubric file nor a shipped rubric"),
            extends.pos,
            Some("give a shipped rubric id (`dgmat rubric list`) or a path relative to this file"),
        )]
    })?;
    if is_overlay(&base_text) {
        return Err(vec![err(
            format!("`{base_name}` is itself an overlay; extend its base instead"),
            extends.pos,
            None,
        )]);
    }
    let base = super::rubric::from_text(&base_file, base_text.clone())?;
    let mut merged: Node = yaml::parse_node(&base_file, &base_text).map_err(|f| vec![f])?;
    let mut errors = Vec::new();
    let mut removed = Vec::new();
    for (key, value) in entries {
        if key.name == "remove"
            && let Value::Seq(items) = &value.value
        {
            removed.extend(items.iter().filter_map(|n| n.as_scalar_text()));
        }
        let mut value = value.clone();
        shift(&mut value);
        apply(&mut merged, &key, value, &mut errors, file);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = Emitter {
        base: &base_text,
        overlay: &text,
        text: String::new(),
        marks: Vec::new(),
        line: 1,
    };
    out.node(&merged, 0);
    let resolved: Arc<str> = Arc::from(out.text.as_str());
    let place = |f: Finding| relocate(f, &out.marks, &base_file, file);
    let mut loaded =
        super::rubric::from_text(MERGED, resolved.clone()).map_err(|findings| findings.into_iter().map(place).collect::<Vec<_>>())?;
    loaded.warnings = loaded.warnings.into_iter().map(place).filter(|f| in_file(f, file)).collect();
    // A removed dimension takes its criteria with it.
    let removed: Vec<String> = base
        .rubric
        .dimensions
        .iter()
        .flat_map(|d| {
            let whole = removed.contains(&d.id.value);
            let removed = &removed;
            d.criteria.iter().filter(move |c| whole || removed.contains(&c.id.value))
        })
        .map(|c| c.id.value.clone())
        .collect();
    loaded.rubric.tailors = Some(crate::model::rubric::Tailoring {
        base_id: base.rubric.id.value.clone(),
        base_version: base.rubric.version.clone(),
        removed,
    });
    loaded.base = Some(BaseRubric {
        id: base.rubric.id.value.clone(),
        version: base.rubric.version.clone(),
        sha256: base.sha256.clone(),
    });
    loaded.sha256 = super::rubric::hex(&Sha256::digest(text.as_bytes()));
    loaded.file = file.to_string();
    loaded.text = text;
    loaded.resolved = Some(resolved);
    Ok(loaded)
}

fn in_file(f: &Finding, file: &str) -> bool {
    f.location.as_ref().is_some_and(|l| l.origin.to_string() == file)
}

/// Moves every position of an overlay node below the base's.
fn shift(n: &mut Node) {
    n.pos.line += OVERLAY_LINES;
    match &mut n.value {
        Value::Seq(items) => items.iter_mut().for_each(shift),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            k.pos.line += OVERLAY_LINES;
            shift(v);
        }),
        _ => {}
    }
}

/// The overlay position `pos` (shifted) as it is in the overlay file.
fn unshift(pos: Pos) -> Pos {
    Pos {
        line: pos.line - OVERLAY_LINES,
        column: pos.column,
    }
}

fn entries_mut(n: &mut Node) -> Option<&mut Vec<(Key, Node)>> {
    match &mut n.value {
        Value::Map(e) => Some(e),
        _ => None,
    }
}

fn items_mut<'a>(n: &'a mut Node, key: &str) -> Option<&'a mut Vec<Node>> {
    let (_, v) = entries_mut(n)?.iter_mut().find(|(k, _)| k.name == key)?;
    match &mut v.value {
        Value::Seq(items) => Some(items),
        _ => None,
    }
}

fn id_of(n: &Node) -> Option<&str> {
    match &n.get("id")?.value {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

/// Every criterion id of the merged tree.
fn criterion_ids(root: &mut Node) -> Vec<String> {
    let mut ids = Vec::new();
    for d in items_mut(root, "dimensions").into_iter().flatten() {
        for c in items_mut(d, "criteria").into_iter().flatten() {
            ids.extend(id_of(c).map(str::to_string));
        }
    }
    ids
}

/// Applies the overlay's top-level `key: value` to the base tree `root`.
fn apply(root: &mut Node, key: &Key, value: Node, errors: &mut Vec<Finding>, file: &str) {
    let err = |msg: String, pos: Pos| Finding::error(Rule::RubricOverlay, msg, at(file, unshift(pos)));
    match key.name.as_str() {
        "dgmat" | "kind" | "extends" => {}
        "dimensions" => errors.push(
            err(
                "an overlay changes dimensions with `override`, `add` and `remove`, not `dimensions`".into(),
                key_pos(key),
            )
            .with_help("e.g. `add: {SEC: [{id: SEC-3.9, ...}]}`"),
        ),
        "override" => over(root, value, errors, file),
        "add" => add(root, value, errors, file),
        "remove" => remove(root, value, errors, file),
        _ => {
            let Some(entries) = entries_mut(root) else { return };
            match entries.iter_mut().find(|(k, _)| k.name == key.name) {
                Some((_, v)) => *v = value,
                None => entries.push((key.clone(), value)),
            }
        }
    }
}

fn key_pos(k: &Key) -> Pos {
    k.pos
}

/// `override: {ID: {key: value}}`: the keys replace those of the dimension or criterion ID.
fn over(root: &mut Node, value: Node, errors: &mut Vec<Finding>, file: &str) {
    let err = |msg: String, pos: Pos| Finding::error(Rule::RubricOverlay, msg, at(file, unshift(pos)));
    let Value::Map(targets) = value.value else {
        errors.push(err(
            "`override` maps dimension or criterion ids to the keys they replace".into(),
            value.pos,
        ));
        return;
    };
    let ids = criterion_ids(root);
    let dims: Vec<String> = items_mut(root, "dimensions")
        .into_iter()
        .flatten()
        .filter_map(|d| id_of(d).map(str::to_string))
        .collect();
    for (id, patch) in targets {
        let Value::Map(keys) = patch.value else {
            errors.push(err(format!("override of `{}` must be a mapping of keys", id.name), patch.pos));
            continue;
        };
        if let Some((k, _)) = keys.iter().find(|(k, _)| k.name == "id" || k.name == "criteria") {
            errors.push(err(
                format!("override of `{}` cannot replace `{}`; remove and add instead", id.name, k.name),
                k.pos,
            ));
            continue;
        }
        let Some(target) = find(root, &id.name) else {
            let known = dims.iter().chain(&ids).map(String::as_str);
            let mut f = err(
                format!(
                    "`override` names `{}`, which is neither a dimension nor a criterion of the base",
                    id.name
                ),
                id.pos,
            );
            f.help = suggestion(&id.name, known);
            errors.push(f);
            continue;
        };
        // The overridden item is reported where the overlay names it.
        if let Some((k, _)) = entries_mut(target).and_then(|e| e.iter_mut().find(|(k, _)| k.name == "id")) {
            k.pos = id.pos;
        }
        if let Some((_, v)) = entries_mut(target).and_then(|e| e.iter_mut().find(|(k, _)| k.name == "id")) {
            v.pos = id.pos;
        }
        let entries = entries_mut(target).expect("a dimension or criterion is a mapping");
        for (k, v) in keys {
            match entries.iter_mut().find(|(old, _)| old.name == k.name) {
                Some((_, old)) => *old = v,
                None => entries.push((k, v)),
            }
        }
    }
}

/// The dimension or criterion `id` of the merged tree.
fn find<'a>(root: &'a mut Node, id: &str) -> Option<&'a mut Node> {
    let dims = items_mut(root, "dimensions")?;
    if let Some(i) = dims.iter().position(|d| id_of(d) == Some(id)) {
        return dims.get_mut(i);
    }
    dims.iter_mut()
        .find_map(|d| items_mut(d, "criteria")?.iter_mut().find(|c| id_of(c) == Some(id)))
}

/// `add: {DIM: [criteria]}`: criteria appended to a dimension of the base.
fn add(root: &mut Node, value: Node, errors: &mut Vec<Finding>, file: &str) {
    let err = |msg: String, pos: Pos| Finding::error(Rule::RubricOverlay, msg, at(file, unshift(pos)));
    let Value::Map(targets) = value.value else {
        errors.push(err("`add` maps dimension ids to the criteria appended to them".into(), value.pos));
        return;
    };
    let dims: Vec<String> = items_mut(root, "dimensions")
        .into_iter()
        .flatten()
        .filter_map(|d| id_of(d).map(str::to_string))
        .collect();
    for (dim, list) in targets {
        let Value::Seq(new) = list.value else {
            errors.push(err(format!("`add.{}` must be a list of criteria", dim.name), list.pos));
            continue;
        };
        let Some(criteria) = find(root, &dim.name)
            .filter(|_| dims.contains(&dim.name))
            .and_then(|d| items_mut(d, "criteria"))
        else {
            let mut f = err(format!("`add` names `{}`, which is not a dimension of the base", dim.name), dim.pos);
            f.help = suggestion(&dim.name, dims.iter().map(String::as_str));
            errors.push(f);
            continue;
        };
        criteria.extend(new);
    }
}

/// `remove: [ids]`: dimensions or criteria left out; a dimension leaves its groups too.
fn remove(root: &mut Node, value: Node, errors: &mut Vec<Finding>, file: &str) {
    let err = |msg: String, pos: Pos| Finding::error(Rule::RubricOverlay, msg, at(file, unshift(pos)));
    let Value::Seq(ids) = value.value else {
        errors.push(err("`remove` is a list of dimension or criterion ids".into(), value.pos));
        return;
    };
    for item in ids {
        let Value::Str(id) = &item.value else {
            errors.push(err("`remove` lists ids".into(), item.pos));
            continue;
        };
        let known = criterion_ids(root);
        let Some(dims) = items_mut(root, "dimensions") else { return };
        let before = dims.len();
        dims.retain(|d| id_of(d) != Some(id.as_str()));
        let mut removed = dims.len() < before;
        if removed {
            for g in items_mut(root, "groups").into_iter().flatten() {
                if let Some(members) = items_mut(g, "dimensions") {
                    members.retain(|m| m.value != Value::Str(id.clone()));
                }
            }
        } else {
            for d in dims.iter_mut() {
                if let Some(criteria) = items_mut(d, "criteria") {
                    let n = criteria.len();
                    criteria.retain(|c| id_of(c) != Some(id.as_str()));
                    removed |= criteria.len() < n;
                }
            }
        }
        if !removed {
            let mut f = err(
                format!("`remove` names `{id}`, which is neither a dimension nor a criterion of the base"),
                item.pos,
            );
            f.help = suggestion(id, known.iter().map(String::as_str));
            errors.push(f);
        } else if let Some(user) = reader_of(root, id) {
            errors.push(err(
                format!("`{id}` cannot be removed: the `applies_when` of `{user}` reads it"),
                item.pos,
            ));
        }
    }
}

/// A criterion whose condition names `id` as a quoted key.
fn reader_of(root: &mut Node, id: &str) -> Option<String> {
    let quoted = [format!("\"{id}\""), format!("'{id}'")];
    for d in items_mut(root, "dimensions")?.iter_mut() {
        for c in items_mut(d, "criteria").into_iter().flatten() {
            if let Some(Value::Str(cond)) = c.get("applies_when").map(|n| &n.value)
                && quoted.iter().any(|q| cond.contains(q.as_str()))
            {
                return id_of(c).map(str::to_string);
            }
        }
    }
    None
}

/// Writes a merged tree as block YAML, marking where each key and scalar came from.
struct Emitter<'a> {
    base: &'a str,
    overlay: &'a str,
    text: String,
    /// (line, column) in the merged text -> the position in the base or overlay it came from.
    marks: Vec<(Pos, Pos)>,
    line: u32,
}

impl Emitter<'_> {
    fn column(&self) -> u32 {
        self.text.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1
    }

    fn mark(&mut self, from: Pos) {
        let here = Pos {
            line: self.line,
            column: self.column(),
        };
        self.marks.push((here, from));
    }

    fn newline(&mut self) {
        self.text.push('\n');
        self.line += 1;
    }

    /// A scalar as written: strings quoted as JSON (valid YAML), others as in their source.
    fn scalar(&mut self, n: &Node) {
        self.mark(n.pos);
        let s = match &n.value {
            Value::Str(s) => serde_json::to_string(s).unwrap_or_default(),
            Value::Null => "null".into(),
            Value::Seq(_) => "[]".into(),
            Value::Map(_) => "{}".into(),
            Value::Bool(b) => self.raw(n.pos).unwrap_or_else(|| b.to_string()),
            Value::Int(i) => self.raw(n.pos).unwrap_or_else(|| i.to_string()),
            Value::Float(f) => self.raw(n.pos).unwrap_or_else(|| format!("{f:?}")),
        };
        self.text.push_str(&s);
    }

    /// The plain scalar at `pos` as written in its file (`no` stays `no`, `2026.1` stays text).
    fn raw(&self, pos: Pos) -> Option<String> {
        let (src, line) = if pos.line > OVERLAY_LINES {
            (self.overlay, pos.line - OVERLAY_LINES)
        } else {
            (self.base, pos.line)
        };
        let l = src.lines().nth(line.checked_sub(1)? as usize)?;
        let rest: String = l.chars().skip(pos.column.saturating_sub(1) as usize).collect();
        let end = rest.find([',', ']', '}', '#']).unwrap_or(rest.len());
        let word = rest[..end].trim().to_string();
        (!word.is_empty() && !word.starts_with(['"', '\''])).then_some(word)
    }

    fn is_block(n: &Node) -> bool {
        matches!(&n.value, Value::Seq(v) if !v.is_empty()) || matches!(&n.value, Value::Map(v) if !v.is_empty())
    }

    fn node(&mut self, n: &Node, indent: usize) {
        match &n.value {
            Value::Map(entries) if !entries.is_empty() => {
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.text.push_str(&" ".repeat(indent));
                    }
                    self.entry(k, v, indent);
                }
            }
            Value::Seq(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.text.push_str(&" ".repeat(indent));
                    }
                    self.text.push_str("- ");
                    if matches!(item.value, Value::Seq(ref v) if !v.is_empty()) {
                        self.newline();
                        self.text.push_str(&" ".repeat(indent + 2));
                    }
                    if Self::is_block(item) {
                        self.node(item, indent + 2);
                    } else {
                        self.scalar(item);
                        self.newline();
                    }
                }
            }
            _ => {
                self.scalar(n);
                self.newline();
            }
        }
    }

    fn entry(&mut self, k: &Key, v: &Node, indent: usize) {
        self.mark(k.pos);
        self.text.push_str(&serde_json::to_string(&k.name).unwrap_or_default());
        self.text.push(':');
        if Self::is_block(v) {
            self.newline();
            self.text.push_str(&" ".repeat(indent + 2));
            self.node(v, indent + 2);
        } else {
            self.text.push(' ');
            self.scalar(v);
            self.newline();
        }
    }
}

/// A finding on the merged text, put back in the base or the overlay.
fn relocate(mut f: Finding, marks: &[(Pos, Pos)], base: &str, overlay: &str) -> Finding {
    let place = |l: &mut Location| {
        if l.origin.to_string() != MERGED {
            return;
        }
        let here = Pos {
            line: l.line,
            column: l.column,
        };
        let Some((at, from)) = marks.iter().rev().find(|(m, _)| (m.line, m.column) <= (here.line, here.column)) else {
            return;
        };
        let same_line = at.line == here.line;
        let column = if same_line {
            from.column + (here.column - at.column)
        } else {
            from.column
        };
        *l = if from.line > OVERLAY_LINES {
            Location::file(overlay, from.line - OVERLAY_LINES, column)
        } else {
            Location::file(base, from.line, column)
        };
    };
    if let Some(l) = &mut f.location {
        place(l);
    }
    for r in &mut f.related {
        place(&mut r.location);
    }
    f
}
