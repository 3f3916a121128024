//! Inventories: records typed by the rubric's field declarations.
//!
//! Guarantees of a loaded [`Inventory`]: every record's fields are declared and of their
//! declared type, required fields are present and non-empty, keys are unique per collection,
//! and every `refers_to` value names an existing record. Values are held as CEL values in
//! declaration order, ready for the rubric's expressions. All problems are reported together.

use std::collections::HashMap;

use super::{check_header_nodes, parse_date, suggestion, yaml};
use crate::finding::{Finding, Rule, Severity, did_you_mean};
use crate::location::{Location, Origin};
use crate::model::inventory::{Inventory, Record};
use crate::model::node::{Key, Node, Value};
use crate::model::rubric::{Collection, FieldDef, FieldType, InvalidRecords, Rubric};
use crate::rules::{Val, to_val};
use cel::common::types::{CelBool, CelDouble, CelInt, CelList, CelNull, CelString};

/// Reads the YAML inventory `text` (file `file`) into `inv`, returning every problem found.
pub fn load_yaml(file: &str, text: &str, rubric: &Rubric, inv: &mut Inventory) -> Vec<Finding> {
    let origin = Origin::file(file);
    let mut root: Node = match yaml::parse_node(file, text) {
        Ok(root) => root,
        Err(f) => return vec![f],
    };
    if let Err(f) = check_header_nodes(file, root.get("dgmat"), root.get("kind"), "inventory")
        && matches!(root.value, Value::Map(_))
    {
        return vec![f];
    }
    let Value::Map(entries) = &mut root.value else {
        return vec![Finding::error(
            Rule::InvalidValue,
            format!("{file} must be a mapping, found {}", root.value.kind()),
            Some(origin.at(root.pos)),
        )];
    };
    let mut errors = Vec::new();
    for (key, node) in entries {
        match key.name.as_str() {
            "dgmat" | "kind" => {}
            "agency" => match &node.value {
                Value::Str(id) => match super::limits::id_problem("the agency id", id) {
                    Some(problem) => errors.push(
                        Finding::error(Rule::InvalidValue, problem, Some(origin.at(node.pos)))
                            .with_help("an agency id is a short identifier such as `so-tttt-hanoi`"),
                    ),
                    None => inv.agency = Some((id.clone(), origin.at(node.pos))),
                },
                other => errors.push(Finding::error(
                    Rule::InvalidValue,
                    format!("`agency` must be the agency id, found {}", other.kind()),
                    Some(origin.at(node.pos)),
                )),
            },
            name => match rubric.inventory.0.iter().position(|(k, _)| k.value == name) {
                Some(i) => {
                    let coll = &rubric.inventory.0[i].1;
                    read_collection(&origin, name, node, coll, &mut inv.collections[i], &mut errors);
                }
                None => {
                    let mut allowed = vec!["dgmat", "kind", "agency"];
                    allowed.extend(rubric.inventory.keys());
                    let help = suggestion(name, allowed.iter().copied()).unwrap_or_else(|| {
                        format!(
                            "the rubric declares these collections: {}",
                            rubric.inventory.keys().collect::<Vec<_>>().join(", ")
                        )
                    });
                    errors.push(
                        Finding::error(Rule::UnknownKey, format!("unknown collection `{name}`"), Some(origin.at(key.pos))).with_help(help),
                    );
                }
            },
        }
    }
    errors
}

fn read_collection(origin: &Origin, name: &str, node: &mut Node, coll: &Collection, out: &mut Vec<Record>, errors: &mut Vec<Finding>) {
    let items = match &mut node.value {
        Value::Seq(items) => items,
        Value::Null => return,
        other => {
            errors.push(Finding::error(
                Rule::InvalidValue,
                format!("`{name}` must be a list of records, found {}", other.kind()),
                Some(origin.at(node.pos)),
            ));
            return;
        }
    };
    for item in items {
        push_record(origin, name, item, coll, out, errors);
    }
}

/// Types one record (a YAML mapping, or a CSV row turned into one) and adds it to `out`.
pub fn push_record(origin: &Origin, name: &str, item: &mut Node, coll: &Collection, out: &mut Vec<Record>, errors: &mut Vec<Finding>) {
    let (before, records) = (errors.len(), out.len());
    push_record_strict(origin, name, item, coll, out, errors);
    if coll.invalid_records == InvalidRecords::Warn {
        tolerate(&mut errors[before..]);
    }
    reject_if_invalid(out, records, &errors[before..]);
}

/// Marks the record pushed after `records` (if one was) as rejected when `found` holds an
/// error about it: a record with a wrong value is reported, and the checks run on the others
/// rather than on a record whose values are not what its author meant.
pub(crate) fn reject_if_invalid(out: &mut [Record], records: usize, found: &[Finding]) {
    if found.iter().any(Finding::is_error)
        && let Some(r) = out.get_mut(records)
    {
        r.rejected = true;
    }
}

/// Turns the errors of a collection with `invalid_records: warn` into warnings.
pub(crate) fn tolerate(findings: &mut [Finding]) {
    for f in findings {
        f.severity = Severity::Warning;
        f.help = Some(match f.help.take() {
            Some(h) => format!("{h} (the record still counts: `invalid_records: warn`)"),
            None => "the record still counts: `invalid_records: warn`".into(),
        });
    }
}

fn push_record_strict(origin: &Origin, name: &str, item: &mut Node, coll: &Collection, out: &mut Vec<Record>, errors: &mut Vec<Finding>) {
    let Value::Map(entries) = &mut item.value else {
        errors.push(Finding::error(
            Rule::InvalidValue,
            format!("a record of `{name}` must be a mapping, found {}", item.value.kind()),
            Some(origin.at(item.pos)),
        ));
        return;
    };
    let Fields { values, present, reported } = type_fields(origin, name, entries, coll, errors);
    for (i, (fname, _, def)) in coll.fields.iter().enumerate() {
        if def.required && !present[i] && !reported[i] {
            errors.push(
                Finding::error(
                    Rule::MissingField,
                    format!("a record of `{name}` lacks the required field `{fname}`"),
                    Some(origin.at(item.pos)),
                )
                .with_help(format!("add `{fname}` ({})", def.describe())),
            );
        }
    }
    let key_index = coll.fields.keys().position(|f| f == coll.key.value);
    let key = key_index.and_then(|i| key_text(&values[i]));
    let key_problem = key
        .as_deref()
        .and_then(|k| super::limits::id_problem(&format!("the key `{}`", coll.key.value), k));
    if let Some(problem) = key_problem {
        errors.push(
            Finding::error(
                Rule::InvalidValue,
                format!("a record of `{name}`: {problem}"),
                Some(origin.at(item.pos)),
            )
            .with_help("a key is a short identifier: letters, digits and punctuation, no control characters"),
        );
        return;
    }
    match key {
        Some(key) => out.push(Record {
            key,
            location: origin.at(item.pos),
            values,
            rejected: false,
        }),
        // A required key was already reported missing above.
        None => {
            if !key_index.is_some_and(|i| coll.fields.0[i].1.required || reported[i]) {
                errors.push(
                    Finding::error(
                        Rule::MissingField,
                        format!("a record of `{name}` has no key `{}`", coll.key.value),
                        Some(origin.at(item.pos)),
                    )
                    .with_help(format!("every record needs a unique `{}`", coll.key.value)),
                );
            }
            if coll.invalid_records == InvalidRecords::Warn {
                out.push(Record {
                    key: format!("(line {})", item.pos.line),
                    location: origin.at(item.pos),
                    values,
                    rejected: false,
                });
            }
        }
    }
}

/// A record's fields typed by their declarations, in declaration order.
struct Fields {
    /// The values (null where absent or wrong).
    values: Vec<Val>,
    /// Which fields hold a value that is not empty.
    present: Vec<bool>,
    /// Which fields had a wrong value, already reported (so not also reported as missing).
    reported: Vec<bool>,
}

/// Types the `entries` of a record of `name`, reporting unknown fields and wrong values.
fn type_fields(origin: &Origin, name: &str, entries: &mut [(Key, Node)], coll: &Collection, errors: &mut Vec<Finding>) -> Fields {
    let field_names: Vec<&str> = coll.fields.keys().collect();
    let mut fields = Fields {
        values: field_names.iter().map(|_| null()).collect(),
        present: vec![false; field_names.len()],
        reported: vec![false; field_names.len()],
    };
    let mut next = 0;
    for (k, v) in entries {
        // Records usually list fields in declaration order: try the next one first.
        let found = if field_names.get(next) == Some(&k.name.as_str()) {
            Some(next)
        } else {
            field_names.iter().position(|f| *f == k.name)
        };
        let Some(i) = found else {
            errors.push(unknown_field(origin, name, k, &field_names));
            continue;
        };
        next = i + 1;
        let def = &coll.fields.0[i].1;
        match typed(v, def) {
            Ok(value) => {
                fields.present[i] = !is_empty(&value);
                fields.values[i] = value;
            }
            Err(msg) => {
                fields.reported[i] = true;
                errors.push(
                    Finding::error(Rule::InvalidValue, format!("field `{}`: {msg}", k.name), Some(origin.at(v.pos))).with_help(format!(
                        "`{}` is declared as {}",
                        k.name,
                        def.describe()
                    )),
                );
            }
        }
    }
    fields
}

/// The error for the key `k` of a record of `name`, which is none of its `field_names`.
fn unknown_field(origin: &Origin, name: &str, k: &Key, field_names: &[&str]) -> Finding {
    let help = suggestion(&k.name, field_names.iter().copied())
        .unwrap_or_else(|| format!("declared fields of `{name}`: {}", field_names.join(", ")));
    Finding::error(
        Rule::UnknownKey,
        format!("unknown field `{}` in a record of `{name}`", k.name),
        Some(origin.at(k.pos)),
    )
    .with_help(help)
}

/// The record key a value holds: a string, or an integer as text.
fn key_text(v: &Val) -> Option<String> {
    let v = v.as_ref();
    <&str>::try_from(v)
        .map(str::to_string)
        .ok()
        .or_else(|| <&i64>::try_from(v).ok().map(i64::to_string))
}

/// Checks unique keys and `refers_to` integrity across the whole inventory.
pub fn check_integrity(rubric: &Rubric, inv: &Inventory) -> Vec<Finding> {
    let mut errors = Vec::new();
    let mut keys: Vec<HashMap<&str, &Location>> = Vec::new();
    for ((name, coll), records) in rubric.inventory.0.iter().zip(&inv.collections) {
        let before = errors.len();
        let mut seen: HashMap<&str, &Location> = HashMap::with_capacity(records.len());
        for r in records {
            if let Some(first) = seen.get(r.key.as_str()) {
                errors.push(
                    Finding::error(
                        Rule::DuplicateRecord,
                        format!("{} `{}` appears twice in `{}`", coll.key.value, r.key, name.value),
                        Some(r.location.clone()),
                    )
                    .with_help(format!("first defined at {first}; keys must be unique")),
                );
            } else {
                seen.insert(&r.key, &r.location);
            }
        }
        if coll.invalid_records == InvalidRecords::Warn {
            tolerate(&mut errors[before..]);
        }
        keys.push(seen);
    }
    for ((name, coll), records) in rubric.inventory.0.iter().zip(&inv.collections) {
        let before = errors.len();
        for (i, (fname, _, def)) in coll.fields.iter().enumerate() {
            let Some(target) = &def.refers_to else { continue };
            let Some(t) = rubric.inventory.0.iter().position(|(k, _)| k.value == target.value) else {
                continue;
            };
            for r in records {
                let refs = strings(&r.values[i]);
                for reference in refs {
                    if !keys[t].contains_key(reference) {
                        errors.push(
                            Finding::error(
                                Rule::DanglingReference,
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
        if coll.invalid_records == InvalidRecords::Warn {
            tolerate(&mut errors[before..]);
        }
    }
    errors
}

fn is_empty(v: &Val) -> bool {
    let v = v.as_ref();
    v.downcast_ref::<CelNull>().is_some()
        || <&str>::try_from(v).is_ok_and(|s| s.trim().is_empty())
        || v.downcast_ref::<CelList>().is_some_and(|l| l.inner().is_empty())
}

fn null() -> Val {
    Box::new(CelNull)
}

/// The strings a string or list value holds (the references of a `refers_to` field).
fn strings(v: &Val) -> Vec<&str> {
    let v = v.as_ref();
    if let Ok(s) = <&str>::try_from(v) {
        return vec![s];
    }
    v.downcast_ref::<CelList>().map_or_else(Vec::new, |l| {
        l.inner().iter().filter_map(|x| <&str>::try_from(x.as_ref()).ok()).collect()
    })
}

/// Types one YAML value by its field declaration.
fn typed(node: &mut Node, def: &FieldDef) -> Result<Val, String> {
    if node.value == Value::Null {
        return Ok(null());
    }
    match def.kind.value {
        FieldType::List => {
            let Value::Seq(items) = &mut node.value else {
                return Err(format!("expected a list, found {}", node.value.kind()));
            };
            let item_kind = def.of.unwrap_or(FieldType::String);
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(scalar(item, item_kind, def).map_err(|e| format!("list item: {e}"))?);
            }
            Ok(Box::new(CelList::from(out)))
        }
        kind => scalar(node, kind, def),
    }
}

/// Types a scalar given as YAML (already typed) or as text (CSV cells, quoted YAML).
pub fn scalar(node: &mut Node, kind: FieldType, def: &FieldDef) -> Result<Val, String> {
    // Typed YAML scalars take the short way (a string moves out of the tree, which is dropped
    // after typing); text is only built where it is needed.
    match (&mut node.value, kind) {
        (Value::Bool(b), FieldType::Boolean) => return Ok(Box::new(CelBool::from(*b))),
        (Value::Str(s), FieldType::String) => {
            if let Some(problem) = super::limits::text_problem("the text", s) {
                return Err(problem);
            }
            return Ok(Box::new(CelString::from(std::mem::take(s))));
        }
        _ => {}
    }
    let text = if let Value::Str(s) = &mut node.value {
        std::mem::take(s)
    } else {
        node.as_scalar_text()
            .ok_or_else(|| format!("expected {}, found {}", kind.as_str(), node.value.kind()))?
    };
    let shown = || {
        let t: String = text.chars().take(40).collect();
        if text.chars().count() > 40 { format!("{t}…") } else { t }
    };
    match kind {
        FieldType::String => match super::limits::text_problem("the text", &text) {
            Some(problem) => Err(problem),
            None => Ok(Box::new(CelString::from(text))),
        },
        FieldType::Enum => {
            let values = def.values.as_deref().unwrap_or_default();
            if values.contains(&text) {
                Ok(Box::new(CelString::from(text)))
            } else if let Some(value) = def.value_labelled(&text) {
                // A value written as its label (`Đang vận hành` for `production`).
                Ok(Box::new(CelString::from(value.to_string())))
            } else {
                let hint = did_you_mean(&text, values.iter().map(String::as_str))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                Err(format!("`{}` is not one of {}{hint}", shown(), values.join(", ")))
            }
        }
        FieldType::Boolean => match crate::model::words::boolean_word(&text) {
            Some(b) => Ok(Box::new(CelBool::from(b))),
            None => Err(format!("`{}` is not a boolean (true/false, yes/no)", shown())),
        },
        FieldType::Date => parse_date(&text)
            .map(|d| to_val(crate::rules::date_value(d)))
            .ok_or_else(|| format!("`{}` is not a valid date YYYY-MM-DD", shown())),
        FieldType::Integer => {
            let n: i64 = match node.value {
                Value::Int(n) => n,
                _ => text.trim().parse().map_err(|_| format!("`{}` is not an integer", shown()))?,
            };
            bounds(n as f64, def)?;
            Ok(Box::new(CelInt::from(n)))
        }
        FieldType::Number => {
            let n: f64 = match node.value {
                Value::Int(n) => n as f64,
                Value::Float(f) => f,
                // `85%` reads as 85, as a percent answer does.
                _ => text
                    .trim()
                    .trim_end_matches('%')
                    .trim_end()
                    .parse()
                    .map_err(|_| format!("`{}` is not a number", shown()))?,
            };
            if !n.is_finite() {
                return Err(format!("`{}` is not a finite number", shown()));
            }
            bounds(n, def)?;
            Ok(Box::new(CelDouble::from(n)))
        }
        FieldType::List => Err("lists cannot be nested".into()),
    }
}

fn bounds(n: f64, def: &FieldDef) -> Result<(), String> {
    if def.min.is_some_and(|lo| n < lo) || def.max.is_some_and(|hi| n > hi) {
        return Err(format!("{n} is out of range ({})", def.describe()));
    }
    Ok(())
}
