//! What the rubric language adds to a report besides levels and gaps: the groups of dimensions
//! with their scores, advice on answers that meet their criterion (suggestions), and the base
//! of an overlay rubric. Shared by the table, Markdown and HTML reports.

use serde::Serialize;

use crate::assess::Status;
use crate::model::text::Text;
use crate::report::{ReportInput, fmt_points, phrase};

/// A group of dimensions and its score, as shown.
#[derive(Serialize)]
pub struct GroupView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Its score, for display: at most 2 decimals.
    pub score: String,
    /// The most it can be.
    pub max: String,
}

/// Advice on an answer that meets its criterion.
#[derive(Serialize)]
pub struct SuggestionView {
    /// The dimension's id.
    pub dimension: String,
    /// The criterion's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The answer given.
    pub detail: Option<String>,
    /// The advice.
    pub action: String,
}

/// The groups of the rubric with their scores, in rubric order.
pub fn groups(input: &ReportInput<'_>) -> Vec<GroupView> {
    let rubric = &input.rubric.rubric;
    rubric
        .groups
        .iter()
        .zip(&input.assessment.groups)
        .map(|(g, (score, max))| GroupView {
            id: g.id.value.clone(),
            name: g.name.get(input.lang).to_string(),
            score: fmt_points(*score),
            max: fmt_points(*max),
        })
        .collect()
}

/// Criteria met by an answer whose option carries advice, in rubric order: (dimension index,
/// criterion index, the advice).
pub fn suggested<'a>(input: &ReportInput<'a>) -> Vec<(usize, usize, &'a Text)> {
    let rubric = &input.rubric.rubric;
    let mut out = Vec::new();
    for (di, (d, r)) in rubric.dimensions.iter().zip(&input.assessment.dimensions).enumerate() {
        for (ci, (c, cr)) in d.criteria.iter().zip(&r.criteria).enumerate() {
            if cr.status == Status::Met
                && let Some(action) = c.option_advice(cr.answer.as_ref().map(|a| &a.value))
            {
                out.push((di, ci, action));
            }
        }
    }
    out
}

/// The suggestions as shown.
pub fn suggestions(input: &ReportInput<'_>) -> Vec<SuggestionView> {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    suggested(input)
        .into_iter()
        .map(|(di, ci, action)| {
            let c = &rubric.dimensions[di].criteria[ci];
            let cr = &a.dimensions[di].criteria[ci];
            SuggestionView {
                dimension: rubric.dimensions[di].id.value.clone(),
                id: c.id.value.clone(),
                title: c.title.get(input.lang).to_string(),
                detail: cr.detail.as_ref().map(|d| phrase::detail(rubric, c, d, input.lang)),
                action: action.get(input.lang).to_string(),
            }
        })
        .collect()
}

/// An overlay's base as shown: `vn-dgmm@2026.1`, with its hash.
pub fn extends(input: &ReportInput<'_>) -> Option<(String, String)> {
    input
        .rubric
        .base
        .as_ref()
        .map(|b| (format!("{}@{}", b.id, b.version), b.sha256.clone()))
}
