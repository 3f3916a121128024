//! JSON Schemas (2020-12) of dgmat's formats, generated from the model types.
//!
//! The inventory schema is built from a rubric's declared collections and fields, so an editor
//! validates an agency's inventory against the rubric it will be assessed with.

use schemars::{Schema, SchemaGenerator, generate::SchemaSettings};
use serde_json::{Map, Value, json};

use crate::model::questionnaire::QuestionnaireFile;
use crate::model::rubric::{AnswerKind, AnswerType, Criterion, FieldDef, FieldType, Rubric};

fn generator() -> SchemaGenerator {
    SchemaGenerator::new(SchemaSettings::draft2020_12())
}

/// Pins `dgmat: 1` and `kind: <kind>` and names the schema.
fn envelope(mut schema: Schema, kind: &str, title: &str) -> Value {
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert("dgmat".into(), json!({"const": 1, "description": "Format version"}));
        props.insert("kind".into(), json!({"const": kind}));
    }
    let mut value = schema.to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("title".into(), json!(title));
    }
    value
}

/// The schema of a rubric file: a whole rubric, or an overlay (`extends:`) of one.
pub fn rubric() -> Value {
    let whole = envelope(generator().into_root_schema_for::<Rubric>(), "rubric", "dgmat rubric");
    let overlay = envelope(
        generator().into_root_schema_for::<crate::model::overlay::Overlay>(),
        "rubric",
        "dgmat rubric overlay",
    );
    let mut defs = serde_json::Map::new();
    let mut body = |mut v: Value, name: &str| {
        if let Some(obj) = v.as_object_mut() {
            if let Some(Value::Object(d)) = obj.remove("$defs") {
                defs.extend(d);
            }
            let schema = obj.remove("$schema");
            obj.remove("title");
            defs.insert(name.into(), v);
            return schema;
        }
        None
    };
    let schema = body(whole, "Rubric");
    body(overlay, "Overlay");
    json!({
        "$schema": schema,
        "title": "dgmat rubric",
        "description": "A maturity rubric, or an overlay that `extends` one",
        "anyOf": [{"$ref": "#/$defs/Rubric"}, {"$ref": "#/$defs/Overlay"}],
        "$defs": defs,
    })
}

/// The schema of a waivers file.
pub fn waivers() -> Value {
    envelope(
        generator().into_root_schema_for::<crate::model::waivers::WaiversFile>(),
        "waivers",
        "dgmat waivers",
    )
}

/// The schema of a questionnaire file.
pub fn questionnaire() -> Value {
    envelope(
        generator().into_root_schema_for::<QuestionnaireFile>(),
        "questionnaire",
        "dgmat questionnaire",
    )
}

/// The schema of a questionnaire answering `rubric`: `answers` lists the rubric's question
/// criteria, each with the values its answer type accepts (`n/a` only where allowed), so an
/// editor flags `GOV-4.1: maybe`, an answer to an unknown id and an answer to a computed
/// criterion, as `dgmat check` does.
pub fn questionnaire_for(rubric: &Rubric) -> Value {
    let mut value = questionnaire();
    let mut answers = Map::new();
    for d in &rubric.dimensions {
        for c in d.criteria.iter().filter(|c| c.check.is_none()) {
            if let Some(kind) = &c.answer {
                answers.insert(c.id.value.clone(), answer(c, &kind.value));
            }
        }
    }
    if let Some(props) = value.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "answers".into(),
            json!({
                "description": format!("Answers to the questions of rubric {}@{}, by criterion id", rubric.id.value, rubric.version),
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": answers,
            }),
        );
        props.insert(
            "rubric".into(),
            json!({"description": "The rubric answered: `id` or `id@version`", "type": ["string", "null"], "pattern": format!("^{}(@.+)?$", rubric.id.value)}),
        );
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "title".into(),
            json!(format!("dgmat questionnaire for rubric {}@{}", rubric.id.value, rubric.version)),
        );
    }
    value
}

/// The values criterion `c` accepts, in the short form or as the long form's `answer`, and the
/// long form itself.
fn answer(c: &Criterion, kind: &AnswerType) -> Value {
    let words = |w: &[&str]| -> Vec<String> {
        w.iter()
            .flat_map(|w| {
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                [w.to_string(), cap, w.to_uppercase()]
            })
            .collect()
    };
    let mut accepted = match kind.kind {
        AnswerKind::YesNo => vec![json!({"enum": words(&["yes", "no"])}), json!({"type": "boolean"})],
        AnswerKind::YesPartialNo => vec![json!({"enum": words(&["yes", "partial", "no"])}), json!({"type": "boolean"})],
        AnswerKind::Percent => vec![
            json!({"type": "number", "minimum": 0, "maximum": 100}),
            json!({"type": "string", "pattern": "^\\s*(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)\\s*%?\\s*$"}),
        ],
        AnswerKind::Number => vec![json!({"type": "number"})],
        AnswerKind::Choice => {
            // An option named by a number (SAMM's `0.25`) may be written as that YAML number,
            // which the loader reads by its text.
            let values: Vec<Value> = kind
                .options
                .iter()
                .flat_map(|o| {
                    let number = o.value.parse::<f64>().ok().filter(|n| n.is_finite() && n.to_string() == o.value);
                    std::iter::once(json!(o.value)).chain(number.map(|n| json!(n)))
                })
                .collect();
            let mut v = vec![json!({"enum": values})];
            if kind.multiple {
                v.push(json!({"type": "array", "minItems": 1, "items": {"enum": values}}));
            }
            v
        }
        AnswerKind::Level => vec![
            json!({"type": "integer", "minimum": 1, "maximum": 5}),
            json!({"enum": ["1", "2", "3", "4", "5"]}),
        ],
        AnswerKind::Text => vec![json!({"type": ["string", "number", "boolean"]})],
    };
    if c.allow_na {
        accepted.push(json!({"enum": ["n/a", "N/A"]}));
    }
    let value = json!({"anyOf": accepted});
    let mut blank_or_value = accepted.clone();
    blank_or_value.push(json!({"type": "null"}));
    let mut description = format!("{}: {}", c.title.get(crate::lang::Lang::En), kind.describe());
    if c.allow_na {
        description.push_str(" | n/a (with a note)");
    }
    if let Some(q) = &c.question {
        description = format!("{} — {description}", q.get(crate::lang::Lang::En));
    }
    blank_or_value.push(json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["answer"],
        "properties": {
            "answer": {"anyOf": [value, {"type": "null"}]},
            "note": {"type": ["string", "null"]},
            "evidence": {"anyOf": [{"type": "array", "items": crate::model::node::evidence_schema()}, {"type": "null"}]}
        }
    }));
    json!({"description": description, "anyOf": blank_or_value})
}

/// The schema of the JSON report of `assess --format json`.
pub fn report() -> Value {
    let mut value = generator()
        .into_root_schema_for::<crate::report::assessment::json::ReportSchema>()
        .to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("title".into(), json!("dgmat assessment report"));
    }
    value
}

/// The schema of the JSON comparison of `diff --format json`.
pub fn diff() -> Value {
    let mut value = generator().into_root_schema_for::<crate::diff::Diff>().to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("title".into(), json!("dgmat assessment comparison"));
    }
    value
}

/// The schema of the `summary.json` that `batch` writes. Made for the output (the serialize
/// contract): a key always written is required, even where its value may be null.
pub fn summary() -> Value {
    let mut value = SchemaGenerator::new(SchemaSettings::draft2020_12().for_serialize())
        .into_root_schema_for::<crate::report::batch::summary::SummarySchema>()
        .to_value();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("title".into(), json!("dgmat batch summary"));
    }
    value
}

/// The schema of an inventory for `rubric`: one array per declared collection, records typed
/// by the field declarations.
pub fn inventory(rubric: &Rubric) -> Value {
    let mut props = Map::new();
    props.insert("dgmat".into(), json!({"const": 1, "description": "Format version"}));
    props.insert("kind".into(), json!({"const": "inventory"}));
    props.insert("agency".into(), json!({"type": "string", "description": "The agency id"}));
    for (name, _, coll) in rubric.inventory.iter() {
        let mut fields = Map::new();
        let mut required = Vec::new();
        for (fname, _, def) in coll.fields.iter() {
            fields.insert(fname.into(), field(def));
            if def.required {
                required.push(json!(fname));
            }
        }
        let mut record = json!({"type": "object", "additionalProperties": false, "properties": fields, "required": required});
        if let Some(title) = &coll.title {
            record["description"] = json!(title.get(crate::lang::Lang::En));
        }
        props.insert(name.into(), json!({"type": ["array", "null"], "items": record}));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("dgmat inventory for rubric {}@{}", rubric.id.value, rubric.version),
        "type": "object",
        "additionalProperties": false,
        "required": ["dgmat", "kind"],
        "properties": props,
    })
}

fn scalar(kind: FieldType, def: &FieldDef) -> Value {
    match kind {
        FieldType::String | FieldType::List => json!({"type": ["string", "number", "boolean"]}),
        FieldType::Integer | FieldType::Number => {
            let mut v = json!({"type": if kind == FieldType::Integer { "integer" } else { "number" }});
            if let Some(min) = def.min {
                v["minimum"] = json!(min);
            }
            if let Some(max) = def.max {
                v["maximum"] = json!(max);
            }
            v
        }
        FieldType::Boolean => json!({"anyOf": [{"type": "boolean"}, {"enum": ["yes", "no", "y", "n", "true", "false", "1", "0", 1, 0]}]}),
        FieldType::Date => json!({"type": "string", "format": "date"}),
        FieldType::Enum => json!({"enum": def.values.clone().unwrap_or_default()}),
    }
}

fn field(def: &FieldDef) -> Value {
    let mut v = match def.kind.value {
        FieldType::List => json!({"type": "array", "items": scalar(def.of.unwrap_or(FieldType::String), def)}),
        kind => scalar(kind, def),
    };
    if let Some(d) = &def.description {
        v["description"] = json!(d.get(crate::lang::Lang::En));
    }
    if def.required { v } else { json!({"anyOf": [v, {"type": "null"}]}) }
}
