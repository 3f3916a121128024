//! The waivers of one assessment as every report lists them: each waived criterion and each
//! waived finding with its reason, approver, decision and expiry, and whether waivers were
//! ignored (`--no-waivers`). Shared by the table, Markdown, HTML and JSON reports.

use serde::Serialize;

use crate::assess::Assessment;
use crate::finding::{Finding, WaivedBy};
use crate::lang::Lang;
use crate::model::rubric::Rubric;

/// One thing waived.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct WaiverView {
    /// What: a criterion id, or a rubric rule id.
    pub id: String,
    /// `criterion` or `rule`.
    pub kind: &'static str,
    /// The criterion's dimension id (criteria only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dimension: Option<String>,
    /// The criterion's title, or the finding's message.
    pub title: String,
    /// The waiver.
    #[serde(flatten)]
    pub waiver: WaivedBy,
}

/// Everything waived in `a` (criteria in rubric order, then findings in their order).
pub fn list(rubric: &Rubric, a: &Assessment, findings: &[Finding], lang: Lang) -> Vec<WaiverView> {
    let criteria = rubric.dimensions.iter().zip(&a.dimensions).flat_map(|(d, r)| {
        d.criteria.iter().zip(&r.criteria).filter_map(move |(c, cr)| {
            let w = cr.waiver.as_ref()?.waived_by();
            Some(WaiverView {
                id: c.id.value.clone(),
                kind: "criterion",
                dimension: Some(d.id.value.clone()),
                title: c.title.get(lang).to_string(),
                waiver: w,
            })
        })
    });
    let rules = findings.iter().filter_map(|f| {
        let w = f.waived.clone()?;
        Some(WaiverView {
            id: f.rule.to_string(),
            kind: "rule",
            dimension: None,
            title: f.message.clone(),
            waiver: *w,
        })
    });
    criteria.chain(rules).collect()
}

/// The JSON report's `waivers` object, when anything was waived or waivers were ignored.
#[derive(Serialize, schemars::JsonSchema)]
pub struct WaiversJson {
    /// `--no-waivers`: every waiver was ignored.
    pub ignored: bool,
    /// Everything waived.
    pub waived: Vec<WaiverView>,
}

/// The `waivers` object of the JSON report, or `None` when there is nothing to say.
pub fn json(rubric: &Rubric, a: &Assessment, findings: &[Finding], lang: Lang) -> Option<WaiversJson> {
    let waived = list(rubric, a, findings, lang);
    (a.waivers_ignored || !waived.is_empty()).then_some(WaiversJson {
        ignored: a.waivers_ignored,
        waived,
    })
}
