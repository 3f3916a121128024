//! The versioned JSON report (SPEC section 5). Deterministic: arrays in rubric order, no
//! timestamps, the same bytes for the same inputs.

use serde::Serialize;

use super::{ReportInput, index2};
use crate::assess::{RecordRef, Status, TargetResult};
use crate::finding::Finding;
use crate::load::questionnaire::Evidence;
use crate::load::submission::InputFile;
use crate::model::questionnaire::Agency;

/// The report document, for `dgmat schema report`.
pub type ReportSchema = Report<'static>;

/// The report format version.
pub const REPORT_VERSION: u32 = 1;

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Report")]
pub struct Report<'a> {
    dgmat_report: u32,
    tool: Tool,
    rubric: RubricRef<'a>,
    inputs: &'a [InputFile],
    agency: &'a Agency,
    assessed_on: String,
    overall: Overall<'a>,
    target: &'a TargetResult,
    dimensions: Vec<Dimension<'a>>,
    gaps: Vec<Gap<'a>>,
    findings: &'a [Finding],
}

#[derive(Serialize, schemars::JsonSchema)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize, schemars::JsonSchema)]
struct RubricRef<'a> {
    id: &'a str,
    version: &'a str,
    sha256: &'a str,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Overall<'a> {
    level: u8,
    name: &'a str,
    index: f64,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Dimension<'a> {
    id: &'a str,
    name: &'a str,
    weight: f64,
    level: u8,
    index: f64,
    criteria: Vec<Criterion<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Criterion<'a> {
    id: &'a str,
    level: u8,
    title: &'a str,
    kind: &'static str,
    status: Status,
    credit: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    /// Inventory checks: records selected by `where`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    selected: Option<usize>,
    /// Inventory checks: selected records that satisfy `require`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    passing: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    evidence: &'a [Evidence],
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    records: &'a [RecordRef],
}

#[derive(Serialize, schemars::JsonSchema)]
struct Gap<'a> {
    dimension: &'a str,
    criterion: &'a str,
    level: u8,
    status: Status,
    title: &'a str,
    action: &'a str,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<&'a str>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    records: &'a [RecordRef],
}

/// Renders the JSON report, pretty-printed, with a final newline.
pub fn render(input: &ReportInput<'_>) -> String {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    let lang = input.lang;
    let level_name = |l: u8| rubric.levels.iter().find(|d| d.level.value == l).map_or("", |d| d.name.get(lang));
    let dimensions = rubric
        .dimensions
        .iter()
        .zip(&a.dimensions)
        .map(|(d, r)| Dimension {
            id: &d.id.value,
            name: d.name.get(lang),
            weight: d.weight,
            level: r.level,
            index: index2(r.index),
            criteria: d
                .criteria
                .iter()
                .zip(&r.criteria)
                .map(|(c, cr)| Criterion {
                    id: &c.id.value,
                    level: c.level.as_ref().map_or(0, |l| l.value),
                    title: c.title.get(lang),
                    kind: if c.check.is_some() { "check" } else { "question" },
                    status: cr.status,
                    credit: cr.credit,
                    detail: cr.detail.as_deref(),
                    selected: cr.counts.map(|c| c.0),
                    passing: cr.counts.map(|c| c.1),
                    note: cr.answer.as_ref().and_then(|x| x.note.as_deref()),
                    evidence: cr.answer.as_ref().map_or(&[], |x| x.evidence.as_slice()),
                    records: &cr.records,
                })
                .collect(),
        })
        .collect();
    let gaps = a
        .gaps
        .iter()
        .map(|g| {
            let d = &rubric.dimensions[g.dimension];
            let c = &d.criteria[g.criterion];
            let cr = &a.dimensions[g.dimension].criteria[g.criterion];
            Gap {
                dimension: &d.id.value,
                criterion: &c.id.value,
                level: c.level.as_ref().map_or(0, |l| l.value),
                status: cr.status,
                title: c.title.get(lang),
                action: c.action.get(lang),
                detail: cr.detail.as_deref(),
                records: &cr.records,
            }
        })
        .collect();
    let report = Report {
        dgmat_report: REPORT_VERSION,
        tool: Tool {
            name: "dgmat",
            version: env!("CARGO_PKG_VERSION"),
        },
        rubric: RubricRef {
            id: &rubric.id.value,
            version: &rubric.version,
            sha256: &input.rubric.sha256,
        },
        inputs: input.inputs,
        agency: &a.agency,
        assessed_on: a.assessed_on.to_string(),
        overall: Overall {
            level: a.level,
            name: level_name(a.level),
            index: index2(a.index),
        },
        target: &a.target,
        dimensions,
        gaps,
        findings: input.findings,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
