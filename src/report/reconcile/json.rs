//! The versioned JSON of a reconciliation (`dgmat_reconcile: 1`). Deterministic: arrays in
//! rubric order, no timestamps.

use serde::Serialize;
use serde_json::Value;

use super::ReconcileInput;
use crate::assess::reconcile::{Agreement, Category, Direction};
use crate::assess::{CriterionResult, Status};
use crate::model::questionnaire::{Agency, AnswerValue, Evidence};
use crate::model::rubric::Criterion;
use crate::model::submission::InputFile;
use crate::report::index2;

/// The reconciliation format version.
pub const RECONCILE_VERSION: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    dgmat_reconcile: u32,
    tool: Value,
    rubric: Value,
    agency: &'a Agency,
    assessed_on: String,
    inspected_on: Option<String>,
    inputs: Inputs<'a>,
    #[serde(rename = "self")]
    own: Level<'a>,
    verified: Verified<'a>,
    dimensions: Vec<Dimension<'a>>,
    agreement: AgreementJson,
    disagreements: Vec<Disagreement<'a>>,
}

#[derive(Serialize)]
struct Inputs<'a> {
    #[serde(rename = "self")]
    own: &'a [InputFile],
    inspector: &'a [InputFile],
}

#[derive(Serialize)]
struct Level<'a> {
    level: u8,
    name: &'a str,
    index: f64,
}

#[derive(Serialize)]
struct Verified<'a> {
    level: u8,
    name: &'a str,
    index: f64,
    /// Criteria the inspector assessed.
    inspected: usize,
    /// Criteria that keep the agency's answer, by id.
    unverified: Vec<&'a str>,
}

#[derive(Serialize)]
struct Dimension<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "self")]
    own: LevelIndex,
    verified: LevelIndex,
    /// Self level minus verified level.
    overclaim: i16,
    agreement: AgreementJson,
}

#[derive(Serialize)]
struct LevelIndex {
    level: u8,
    index: f64,
}

#[derive(Serialize)]
struct AgreementJson {
    criteria: u64,
    agree: u64,
    disagree: u64,
    /// agree / criteria (p_o).
    rate: Option<f64>,
    /// Agreement expected by chance (p_e).
    expected: Option<f64>,
    /// Cohen's kappa; null without criteria or when p_e = 1.
    kappa: Option<f64>,
    /// The categories, in the order of `matrix`'s rows (self) and columns (verified).
    categories: [Category; 4],
    matrix: [[u64; 4]; 4],
}

#[derive(Serialize)]
struct Disagreement<'a> {
    dimension: &'a str,
    criterion: &'a str,
    level: Option<u8>,
    title: &'a str,
    #[serde(rename = "self")]
    own: Side<'a>,
    inspector: Side<'a>,
    direction: Direction,
    /// Whether the inspector assessed the criterion.
    inspected: bool,
}

#[derive(Serialize)]
struct Side<'a> {
    answer: Value,
    status: Status,
    credit: f64,
    note: Option<&'a str>,
    evidence: &'a [Evidence],
}

/// Rounded to 4 decimals, so that shares print cleanly.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn agreement(a: &Agreement) -> AgreementJson {
    AgreementJson {
        criteria: a.criteria(),
        agree: a.agree(),
        disagree: a.disagree(),
        rate: a.rate().map(round4),
        expected: a.expected().map(round4),
        kappa: a.kappa().map(round4),
        categories: Category::ALL,
        matrix: a.matrix,
    }
}

/// An answer as JSON: `"yes"`, `"partial"`, `"no"`, `"n/a"`, a number, an option (a list for
/// multiple choices), a level.
fn answer(c: &Criterion, value: &AnswerValue) -> Value {
    match value {
        AnswerValue::Yes => "yes".into(),
        AnswerValue::Partial => "partial".into(),
        AnswerValue::No => "no".into(),
        AnswerValue::NotApplicable => "n/a".into(),
        AnswerValue::Number(n) => serde_json::json!(n),
        AnswerValue::Level(l) => serde_json::json!(l),
        AnswerValue::Text(t) => t.as_str().into(),
        AnswerValue::Choice(picked) => {
            let multiple = c.answer.as_ref().is_some_and(|a| a.value.multiple);
            match picked.as_slice() {
                [one] if !multiple => one.clone().into(),
                _ => serde_json::json!(picked),
            }
        }
    }
}

fn side<'a>(c: &Criterion, r: &'a CriterionResult, answered: bool) -> Side<'a> {
    let given = r.answer.as_ref().filter(|_| answered);
    Side {
        answer: given.map_or(Value::Null, |a| answer(c, &a.value)),
        status: r.status,
        credit: round4(r.credit),
        note: given.and_then(|a| a.note.as_deref()),
        evidence: given.map_or(&[], |a| a.evidence.as_slice()),
    }
}

/// Renders the reconciliation as pretty JSON with a final newline.
pub fn render(input: &ReconcileInput<'_>) -> String {
    let rubric = &input.rubric.rubric;
    let lang = input.lang;
    let level_name = |l: u8| rubric.levels.iter().find(|d| d.level.value == l).map_or("", |d| d.name.get(lang));
    let c = input.comparison;
    let (own, ver) = (input.own, input.verified);
    let unverified = rubric
        .dimensions
        .iter()
        .zip(&c.inspected)
        .flat_map(|(d, inspected)| {
            d.criteria
                .iter()
                .zip(inspected)
                .filter(|(_, i)| !**i)
                .map(|(c, _)| c.id.value.as_str())
        })
        .collect();
    let doc = Doc {
        dgmat_reconcile: RECONCILE_VERSION,
        tool: serde_json::json!({"name": "dgmat", "version": env!("CARGO_PKG_VERSION")}),
        rubric: serde_json::json!({"id": rubric.id.value, "version": rubric.version, "sha256": input.rubric.sha256}),
        agency: &own.agency,
        assessed_on: own.assessed_on.to_string(),
        inspected_on: input.inspected_on.map(|d| d.to_string()),
        inputs: Inputs {
            own: input.own_inputs,
            inspector: input.inspector_inputs,
        },
        own: Level {
            level: own.level,
            name: level_name(own.level),
            index: index2(own.index),
        },
        verified: Verified {
            level: ver.level,
            name: level_name(ver.level),
            index: index2(ver.index),
            inspected: c.inspected.iter().flatten().filter(|i| **i).count(),
            unverified,
        },
        dimensions: rubric
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let (o, v) = (&own.dimensions[i], &ver.dimensions[i]);
                Dimension {
                    id: &d.id.value,
                    name: d.name.get(lang),
                    own: LevelIndex {
                        level: o.level,
                        index: index2(o.index),
                    },
                    verified: LevelIndex {
                        level: v.level,
                        index: index2(v.index),
                    },
                    overclaim: i16::from(o.level) - i16::from(v.level),
                    agreement: agreement(&c.dimensions[i]),
                }
            })
            .collect(),
        agreement: agreement(&c.agreement),
        disagreements: c
            .disagreements
            .iter()
            .map(|d| {
                let dim = &rubric.dimensions[d.dimension];
                let crit = &dim.criteria[d.criterion];
                Disagreement {
                    dimension: &dim.id.value,
                    criterion: &crit.id.value,
                    level: crit.level.as_ref().map(|l| l.value),
                    title: crit.title.get(lang),
                    own: side(crit, &own.dimensions[d.dimension].criteria[d.criterion], true),
                    inspector: side(crit, &ver.dimensions[d.dimension].criteria[d.criterion], d.inspected),
                    direction: d.direction,
                    inspected: d.inspected,
                }
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
