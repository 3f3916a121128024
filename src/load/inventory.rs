//! Inventories: records typed by the rubric's field declarations.
//!
//! Guarantees of a loaded [`Inventory`]: every record's fields are declared and of their
//! declared type, required fields are present and non-empty, keys are unique per collection,
//! and every `refers_to` value names an existing record. Values are held as CEL values in
//! declaration order, ready for the rubric's expressions. All problems are reported together.

use std::collections::HashMap;

use super::node::{Node, Pos, Value};
use super::{at, check_header_nodes, parse_date, yaml};
use crate::finding::{Finding, Location, did_you_mean};
use crate::model::rubric::{Collection, FieldDef, FieldType, Rubric};

/// One inventory record.
#[derive(Debug)]
pub struct Record {
    /// Its key value.
    pub key: String,
    /// Where the record starts (its file is the inventory it came from).
    pub location: Location,
    /// Field values in the collection's declaration order; `Null` where absent.
    pub values: Vec<cel::Value>,
    /// The same values as the CEL interpreter holds them, converted once for every evaluation.
    pub vals: Vec<crate::rules::Val>,
}

/// An agency's inventory: one record list per collection the rubric declares, in its order.
#[derive(Debug, Default)]
pub struct Inventory {
    /// The agency id the inventory names, with where it says so.
    pub agency: Option<(String, Location)>,
    /// Records per rubric collection (same order as `rubric.inventory`).
    pub collections: Vec<Vec<Record>>,
}

impl Inventory {
    /// An inventory with no records, shaped for `rubric`.
    pub fn empty(rubric: &Rubric) -> Self {
        Inventory {
            agency: None,
            collections: rubric.inventory.0.iter().map(|_| Vec::new()).collect(),
        }
    }
}

/// Reads the YAML inventory `text` (file `file`) into `inv`, returning every problem found.
pub fn load_yaml(file: &str, text: &str, rubric: &Rubric, inv: &mut Inventory) -> Vec<Finding> {
    let root: Node = match yaml::parse(file, text) {
        Ok(root) => root,
        Err(f) => return vec![f],
    };
    let Value::Map(entries) = &root.value else {
        return vec![Finding::error(
            "invalid-value",
            format!("{file} must be a mapping, found {}", root.value.kind()),
            at(file, root.pos),
        )];
    };
    if let Err(f) = check_header_nodes(file, root.get("dgmat"), root.get("kind"), "inventory") {
        return vec![f];
    }
    let mut errors = Vec::new();
    for (key, node) in entries {
        match key.name.as_str() {
            "dgmat" | "kind" => {}
            "agency" => match &node.value {
                Value::Str(id) => inv.agency = Some((id.clone(), loc(file, node.pos))),
                other => errors.push(Finding::error(
                    "invalid-value",
                    format!("`agency` must be the agency id, found {}", other.kind()),
                    at(file, node.pos),
                )),
            },
            name => match rubric.inventory.0.iter().position(|(k, _)| k.value == name) {
                Some(i) => {
                    let coll = &rubric.inventory.0[i].1;
                    read_collection(file, name, node, coll, &mut inv.collections[i], &mut errors);
                }
                None => {
                    let mut allowed = vec!["dgmat", "kind", "agency"];
                    allowed.extend(rubric.inventory.keys());
                    let help = match did_you_mean(name, allowed.iter().copied()) {
                        Some(c) => format!("did you mean `{c}`?"),
                        None => format!(
                            "the rubric declares these collections: {}",
                            rubric.inventory.keys().collect::<Vec<_>>().join(", ")
                        ),
                    };
                    errors.push(Finding::error("unknown-key", format!("unknown collection `{name}`"), at(file, key.pos)).with_help(help));
                }
            },
        }
    }
    errors
}

fn loc(file: &str, pos: Pos) -> Location {
    Location {
        file: file.to_string(),
        line: pos.line.max(1),
        column: pos.column.max(1),
    }
}

fn read_collection(file: &str, name: &str, node: &Node, coll: &Collection, out: &mut Vec<Record>, errors: &mut Vec<Finding>) {
    let items = match &node.value {
        Value::Seq(items) => items,
        Value::Null => return,
        other => {
            errors.push(Finding::error(
                "invalid-value",
                format!("`{name}` must be a list of records, found {}", other.kind()),
                at(file, node.pos),
            ));
            return;
        }
    };
    let field_names: Vec<&str> = coll.fields.keys().collect();
    let key_index = field_names.iter().position(|f| *f == coll.key.value);
    for item in items {
        let Value::Map(entries) = &item.value else {
            errors.push(Finding::error(
                "invalid-value",
                format!("a record of `{name}` must be a mapping, found {}", item.value.kind()),
                at(file, item.pos),
            ));
            continue;
        };
        let mut values = vec![cel::Value::Null; field_names.len()];
        let mut present = vec![false; field_names.len()];
        // A field whose value was wrong is not also reported as missing.
        let mut reported = vec![false; field_names.len()];
        for (k, v) in entries {
            let Some(i) = field_names.iter().position(|f| *f == k.name) else {
                let help = match did_you_mean(&k.name, field_names.iter().copied()) {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("declared fields of `{name}`: {}", field_names.join(", ")),
                };
                errors.push(
                    Finding::error(
                        "unknown-key",
                        format!("unknown field `{}` in a record of `{name}`", k.name),
                        at(file, k.pos),
                    )
                    .with_help(help),
                );
                continue;
            };
            let def = &coll.fields.0[i].1;
            match typed(v, def) {
                Ok(value) => {
                    present[i] = !is_empty(&value);
                    values[i] = value;
                }
                Err(msg) => {
                    reported[i] = true;
                    errors.push(
                        Finding::error("invalid-value", format!("field `{}`: {msg}", k.name), at(file, v.pos)).with_help(format!(
                            "`{}` is declared as {}",
                            k.name,
                            describe(def)
                        )),
                    );
                }
            }
        }
        for (i, (fname, _, def)) in coll.fields.iter().enumerate() {
            if def.required && !present[i] && !reported[i] {
                errors.push(
                    Finding::error(
                        "missing-field",
                        format!("a record of `{name}` lacks the required field `{fname}`"),
                        at(file, item.pos),
                    )
                    .with_help(format!("add `{fname}` ({})", describe(def))),
                );
            }
        }
        let key = key_index.and_then(|i| match &values[i] {
            cel::Value::String(s) => Some(s.to_string()),
            cel::Value::Int(n) => Some(n.to_string()),
            _ => None,
        });
        match key {
            Some(key) => out.push(Record {
                key,
                location: loc(file, item.pos),
                vals: values.iter().cloned().map(crate::rules::to_val).collect(),
                values,
            }),
            // A required key was already reported missing above.
            None if !key_index.is_some_and(|i| coll.fields.0[i].1.required || reported[i]) => errors.push(
                Finding::error(
                    "missing-field",
                    format!("a record of `{name}` has no key `{}`", coll.key.value),
                    at(file, item.pos),
                )
                .with_help(format!("every record needs a unique `{}`", coll.key.value)),
            ),
            None => {}
        }
    }
}

/// Checks unique keys and `refers_to` integrity across the whole inventory.
pub fn check_integrity(rubric: &Rubric, inv: &Inventory) -> Vec<Finding> {
    let mut errors = Vec::new();
    let mut keys: Vec<HashMap<&str, &Location>> = Vec::new();
    for ((name, coll), records) in rubric.inventory.0.iter().zip(&inv.collections) {
        let mut seen: HashMap<&str, &Location> = HashMap::with_capacity(records.len());
        for r in records {
            if let Some(first) = seen.get(r.key.as_str()) {
                errors.push(
                    Finding::error(
                        "duplicate-record",
                        format!("`{}` {} `{}` appears twice in `{}`", name.value, coll.key.value, r.key, name.value),
                        Some(r.location.clone()),
                    )
                    .with_help(format!("first defined at {first}; keys must be unique")),
                );
            } else {
                seen.insert(&r.key, &r.location);
            }
        }
        keys.push(seen);
    }
    for ((name, coll), records) in rubric.inventory.0.iter().zip(&inv.collections) {
        for (i, (fname, _, def)) in coll.fields.iter().enumerate() {
            let Some(target) = &def.refers_to else { continue };
            let Some(t) = rubric.inventory.0.iter().position(|(k, _)| k.value == target.value) else {
                continue;
            };
            for r in records {
                let refs: Vec<String> = match &r.values[i] {
                    cel::Value::String(s) => vec![s.to_string()],
                    cel::Value::List(items) => items
                        .iter()
                        .filter_map(|v| if let cel::Value::String(s) = v { Some(s.to_string()) } else { None })
                        .collect(),
                    _ => Vec::new(),
                };
                for reference in refs {
                    if !keys[t].contains_key(reference.as_str()) {
                        errors.push(
                            Finding::error(
                                "dangling-reference",
                                format!(
                                    "`{}` `{}`: {fname} refers to `{reference}`, which is not in `{}`",
                                    name.value, r.key, target.value
                                ),
                                Some(r.location.clone()),
                            )
                            .with_help(format!("add `{reference}` to `{}` or correct the reference", target.value)),
                        );
                    }
                }
            }
        }
    }
    errors
}

fn is_empty(v: &cel::Value) -> bool {
    match v {
        cel::Value::Null => true,
        cel::Value::String(s) => s.trim().is_empty(),
        cel::Value::List(l) => l.is_empty(),
        _ => false,
    }
}

/// How a field is declared, in words.
pub fn describe(def: &FieldDef) -> String {
    match def.kind.value {
        FieldType::Enum => format!("one of: {}", def.values.as_deref().unwrap_or_default().join(", ")),
        FieldType::List => format!("a list of {}", def.of.unwrap_or(FieldType::String).as_str()),
        FieldType::Date => "a date YYYY-MM-DD".into(),
        FieldType::Integer | FieldType::Number => {
            let kind = def.kind.value.as_str();
            match (def.min, def.max) {
                (Some(lo), Some(hi)) => format!("{kind} from {lo} to {hi}"),
                (Some(lo), None) => format!("{kind} of at least {lo}"),
                (None, Some(hi)) => format!("{kind} of at most {hi}"),
                (None, None) => kind.into(),
            }
        }
        other => other.as_str().into(),
    }
}

/// A date as a CEL timestamp at midnight UTC.
pub fn date_value(d: chrono::NaiveDate) -> cel::Value {
    let dt = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().fixed_offset();
    cel::Value::Timestamp(dt)
}

/// Types one YAML value by its field declaration.
fn typed(node: &Node, def: &FieldDef) -> Result<cel::Value, String> {
    if node.value == Value::Null {
        return Ok(cel::Value::Null);
    }
    match def.kind.value {
        FieldType::List => {
            let Value::Seq(items) = &node.value else {
                return Err(format!("expected a list, found {}", node.value.kind()));
            };
            let item_kind = def.of.unwrap_or(FieldType::String);
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(scalar(item, item_kind, def).map_err(|e| format!("list item: {e}"))?);
            }
            Ok(cel::Value::List(std::sync::Arc::new(out)))
        }
        kind => scalar(node, kind, def),
    }
}

/// Types a scalar given as YAML (already typed) or as text (CSV cells, quoted YAML).
pub fn scalar(node: &Node, kind: FieldType, def: &FieldDef) -> Result<cel::Value, String> {
    let text = node
        .as_scalar_text()
        .ok_or_else(|| format!("expected {}, found {}", kind.as_str(), node.value.kind()))?;
    let shown = || {
        let t: String = text.chars().take(40).collect();
        if text.chars().count() > 40 { format!("{t}…") } else { t }
    };
    match kind {
        FieldType::String => Ok(cel::Value::String(text.into())),
        FieldType::Enum => {
            let values = def.values.as_deref().unwrap_or_default();
            if values.contains(&text) {
                Ok(cel::Value::String(text.into()))
            } else {
                let hint = did_you_mean(&text, values.iter().map(String::as_str))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                Err(format!("`{}` is not one of {}{hint}", shown(), values.join(", ")))
            }
        }
        FieldType::Boolean => match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Ok(cel::Value::Bool(true)),
            "false" | "no" | "n" | "0" => Ok(cel::Value::Bool(false)),
            _ => Err(format!("`{}` is not a boolean (true/false, yes/no)", shown())),
        },
        FieldType::Date => parse_date(&text)
            .map(date_value)
            .ok_or_else(|| format!("`{}` is not a valid date YYYY-MM-DD", shown())),
        FieldType::Integer => {
            let n: i64 = match node.value {
                Value::Int(n) => n,
                _ => text.trim().parse().map_err(|_| format!("`{}` is not an integer", shown()))?,
            };
            bounds(n as f64, def)?;
            Ok(cel::Value::Int(n))
        }
        FieldType::Number => {
            let n: f64 = match node.value {
                Value::Int(n) => n as f64,
                Value::Float(f) => f,
                _ => text.trim().parse().map_err(|_| format!("`{}` is not a number", shown()))?,
            };
            if !n.is_finite() {
                return Err(format!("`{}` is not a finite number", shown()));
            }
            bounds(n, def)?;
            Ok(cel::Value::Float(n))
        }
        FieldType::List => Err("lists cannot be nested".into()),
    }
}

fn bounds(n: f64, def: &FieldDef) -> Result<(), String> {
    if def.min.is_some_and(|lo| n < lo) || def.max.is_some_and(|hi| n > hi) {
        return Err(format!("{n} is out of range ({})", describe(def)));
    }
    Ok(())
}
