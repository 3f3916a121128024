//! The versioned JSON report (SPEC section 5). Deterministic: arrays in rubric order, no
//! timestamps, the same bytes for the same inputs.

use serde::Serialize;

use crate::report::ReportInput;
use std::collections::BTreeMap;

use crate::assess::{CriterionResult, DimensionResult, RecordRef, Status, TargetResult};
use crate::finding::Finding;
use crate::model::questionnaire::Agency;
use crate::model::questionnaire::Evidence;
use crate::model::rubric::{BaseRubric, Criterion as RubricCriterion, Dimension as RubricDimension, Method};
use crate::model::submission::InputFile;
use crate::report::phrase;

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
    /// Absent when the rubric's `scoring.overall` is `none`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    overall: Option<Overall<'a>>,
    target: &'a TargetResult,
    dimensions: Vec<Dimension<'a>>,
    /// The smallest set of criteria whose fulfilment raises the overall level by one (README,
    /// *Why this level*): their ids, by dimension and level; empty at level 5, or when no
    /// fulfilment can raise it.
    first_steps: Vec<&'a str>,
    /// The rubric's groups of dimensions, with their scores.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    groups: Vec<Group<'a>>,
    gaps: Vec<Gap<'a>>,
    /// Advice on answers that meet their criterion (an option's `action`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion<'a>>,
    findings: &'a [Finding],
    /// What waivers exempted (or that they were ignored, `--no-waivers`); absent when no
    /// waiver applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    waivers: Option<super::waivers::WaiversJson>,
}

/// A group of dimensions and its score.
#[derive(Serialize, schemars::JsonSchema)]
struct Group<'a> {
    id: &'a str,
    name: &'a str,
    /// The sum or mean of its dimensions' levels (points earned in points rubrics), exact.
    score: f64,
    /// The most the score can be.
    max: f64,
}

/// Advice on an answer that meets its criterion.
#[derive(Serialize, schemars::JsonSchema)]
struct Suggestion<'a> {
    dimension: &'a str,
    criterion: &'a str,
    title: &'a str,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    action: &'a str,
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
    /// The scoring method, `rated` or `points`; absent for `staged`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    method: Option<Method>,
    /// An overlay's base rubric (`extends:`), with its own hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    extends: Option<&'a BaseRubric>,
}

/// Shares of criteria answered at or above each level 1..5 (rated rubrics).
type Coverage = BTreeMap<u8, f64>;

#[derive(Serialize, schemars::JsonSchema)]
struct Overall<'a> {
    level: u8,
    name: &'a str,
    index: f64,
    /// Points rubrics: points earned over all dimensions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<f64>,
    /// Points rubrics: points possible (not-applicable criteria excluded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_points: Option<f64>,
    /// Rated rubrics: share of all applicable criteria at or above each level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    coverage: Option<Coverage>,
    /// The ids of the dimensions holding the overall level where it is: those at or below it
    /// (empty at level 5).
    limited_by: Vec<&'a str>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Dimension<'a> {
    id: &'a str,
    name: &'a str,
    weight: f64,
    level: u8,
    index: f64,
    /// Points rubrics: points earned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<f64>,
    /// Points rubrics: points possible (not-applicable criteria excluded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_points: Option<f64>,
    /// Rated rubrics: share of applicable criteria at or above each level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    coverage: Option<Coverage>,
    criteria: Vec<Criterion<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Criterion<'a> {
    id: &'a str,
    /// Staged rubrics: the level the criterion belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    title: &'a str,
    kind: &'static str,
    status: Status,
    credit: f64,
    /// `false` for an informational criterion (`scored: false`, `points: 0`, free text):
    /// shown, never counted.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    scored: bool,
    /// The most its dimension reaches with this answer (an option's `level`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    caps_level: Option<u8>,
    /// Rated rubrics: the level answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered_level: Option<u8>,
    /// Points rubrics: points earned (credit × points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<f64>,
    /// Points rubrics: the points the criterion is worth (absent when not applicable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_points: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
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
    /// The waiver that exempts it (status `waived`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    waiver: Option<crate::finding::WaivedBy>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Gap<'a> {
    dimension: &'a str,
    criterion: &'a str,
    /// Staged rubrics: the criterion's level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    level: Option<u8>,
    status: Status,
    /// Rated rubrics: the level counted for the criterion (1 when unanswered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answered_level: Option<u8>,
    /// Points rubrics: points earned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    points: Option<f64>,
    /// Points rubrics: the points the criterion is worth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max_points: Option<f64>,
    title: &'a str,
    action: &'a str,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    records: &'a [RecordRef],
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn coverage(c: Option<[f64; 5]>) -> Option<Coverage> {
    c.map(|c| (1..=5u8).zip(c).collect())
}

/// A criterion's (earned, worth) points in a points rubric; `None` otherwise or when it does not
/// apply.
pub(crate) fn criterion_points(method: Method, c: &RubricCriterion, cr: &CriterionResult) -> Option<(f64, f64)> {
    let worth = c.points.filter(|_| method == Method::Points && cr.status.is_scored())?;
    Some((worth * cr.credit, worth))
}

/// Renders the JSON report, pretty-printed, with a final newline.
pub fn render(input: &ReportInput<'_>) -> String {
    let rubric = &input.rubric.rubric;
    let method = rubric.scoring.method.value;
    let a = input.assessment;
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
            method: (method != Method::Staged).then_some(method),
            extends: input.rubric.base.as_ref(),
        },
        inputs: input.inputs,
        agency: &a.agency,
        assessed_on: a.assessed_on.to_string(),
        overall: (rubric.scoring.overall != crate::model::rubric::Overall::None).then(|| overall(input)),
        target: &a.target,
        dimensions: rubric
            .dimensions
            .iter()
            .zip(&a.dimensions)
            .map(|(d, r)| dimension(input, d, r))
            .collect(),
        first_steps: a
            .explanation
            .first_steps
            .iter()
            .map(|g| rubric.dimensions[g.dimension].criteria[g.criterion].id.value.as_str())
            .collect(),
        groups: rubric
            .groups
            .iter()
            .zip(&a.groups)
            .map(|(g, (score, max))| Group {
                id: &g.id.value,
                name: g.name.get(input.lang),
                score: *score,
                max: *max,
            })
            .collect(),
        gaps: a.gaps.iter().map(|g| gap(input, g)).collect(),
        suggestions: suggestions(input),
        findings: input.findings,
        waivers: super::waivers::json(rubric, a, input.findings, input.lang),
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The overall level, index, points and coverage.
fn overall<'a>(input: &ReportInput<'a>) -> Overall<'a> {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    Overall {
        level: a.level,
        name: rubric
            .levels
            .iter()
            .find(|d| d.level.value == a.level)
            .map_or("", |d| d.name.get(input.lang)),
        index: a.index,
        points: a.points.map(|p| p.0),
        max_points: a.points.map(|p| p.1),
        coverage: coverage(a.coverage),
        limited_by: a
            .explanation
            .limited_by
            .iter()
            .map(|&di| rubric.dimensions[di].id.value.as_str())
            .collect(),
    }
}

/// One dimension's result with its criteria.
fn dimension<'a>(input: &ReportInput<'a>, d: &'a RubricDimension, r: &'a DimensionResult) -> Dimension<'a> {
    Dimension {
        id: &d.id.value,
        name: d.name.get(input.lang),
        weight: d.weight,
        level: r.level,
        index: r.index,
        points: r.points.map(|p| p.0),
        max_points: r.points.map(|p| p.1),
        coverage: coverage(r.coverage),
        criteria: d.criteria.iter().zip(&r.criteria).map(|(c, cr)| criterion(input, c, cr)).collect(),
    }
}

/// One criterion's result.
fn criterion<'a>(input: &ReportInput<'a>, c: &'a RubricCriterion, cr: &'a CriterionResult) -> Criterion<'a> {
    let rubric = &input.rubric.rubric;
    let method = rubric.scoring.method.value;
    let lang = input.lang;
    Criterion {
        id: &c.id.value,
        level: c.level.as_ref().map(|l| l.value),
        title: c.title.get(lang),
        kind: if c.check.is_some() { "check" } else { "question" },
        status: cr.status,
        credit: cr.credit,
        scored: cr.counts,
        caps_level: cr.cap,
        answered_level: if method == Method::Rated { cr.answered_level } else { None },
        points: criterion_points(method, c, cr).map(|p| p.0),
        max_points: criterion_points(method, c, cr).map(|p| p.1),
        detail: cr.detail.as_ref().map(|d| phrase::detail(rubric, c, d, lang)),
        selected: check_counts(cr).map(|c| c.selected),
        passing: check_counts(cr).map(|c| c.passing),
        note: cr.answer.as_ref().and_then(|x| x.note.as_deref()),
        evidence: cr.answer.as_ref().map_or(&[], |x| x.evidence.as_slice()),
        records: &cr.records,
        waiver: cr.waiver.as_ref().map(crate::model::waivers::Waiver::waived_by),
    }
}

/// A criterion that blocks the target.
fn gap<'a>(input: &ReportInput<'a>, g: &crate::assess::Gap) -> Gap<'a> {
    let rubric = &input.rubric.rubric;
    let method = rubric.scoring.method.value;
    let lang = input.lang;
    let d = &rubric.dimensions[g.dimension];
    let c = &d.criteria[g.criterion];
    let cr = &input.assessment.dimensions[g.dimension].criteria[g.criterion];
    Gap {
        dimension: &d.id.value,
        criterion: &c.id.value,
        level: c.level.as_ref().map(|l| l.value),
        status: cr.status,
        answered_level: if method == Method::Rated { cr.rated_level() } else { None },
        points: criterion_points(method, c, cr).map(|p| p.0),
        max_points: criterion_points(method, c, cr).map(|p| p.1),
        title: c.title.get(lang),
        action: c.advice(cr.answer.as_ref().map(|a| &a.value)).get(lang),
        detail: cr.detail.as_ref().map(|d| phrase::detail(rubric, c, d, lang)),
        records: &cr.records,
    }
}

/// Advice on answers that meet their criterion, in rubric order.
fn suggestions<'a>(input: &ReportInput<'a>) -> Vec<Suggestion<'a>> {
    let rubric = &input.rubric.rubric;
    let lang = input.lang;
    super::outcomes::suggested(input)
        .into_iter()
        .map(|(di, ci, action)| {
            let (d, c) = (&rubric.dimensions[di], &rubric.dimensions[di].criteria[ci]);
            let cr = &input.assessment.dimensions[di].criteria[ci];
            Suggestion {
                dimension: &d.id.value,
                criterion: &c.id.value,
                title: c.title.get(lang),
                detail: cr.detail.as_ref().map(|x| phrase::detail(rubric, c, x, lang)),
                action: action.get(lang),
            }
        })
        .collect()
}

/// The counts of a computed criterion's check (not those of a contradicted answer).
fn check_counts(cr: &CriterionResult) -> Option<&crate::assess::Counts> {
    match &cr.detail {
        Some(crate::assess::Detail::Check(c)) => Some(c),
        _ => None,
    }
}
