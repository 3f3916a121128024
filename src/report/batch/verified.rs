//! The verification section of a verified batch (`batch --verified`): how many agencies an
//! inspector verified, how many over-claimed overall and per dimension, the pooled kappa, and
//! the inspections not used. For `index.html` and the terminal summary.

use serde::Serialize;

use crate::assess::portfolio::{AgreementKpi, VerificationKpi};
use crate::lang::Lang;
use crate::model::rubric::Rubric;
use crate::report::i18n::texts;
use crate::report::locale::percent;

/// The verification figures, formatted.
#[derive(Serialize)]
pub struct VerificationView {
    /// Inspector submissions found.
    pub inspections: usize,
    /// Counted agencies verified.
    pub agencies: usize,
    /// Over-claimed overall.
    pub overclaimed: usize,
    /// Their share, percent.
    pub overclaim_share: String,
    /// Under-claimed overall.
    pub underclaimed: usize,
    /// Criteria compared, pooled.
    pub criteria: u64,
    /// Of them, in the same category.
    pub agree: u64,
    /// Pooled kappa, two decimals, or why undefined.
    pub kappa: String,
    /// Per dimension.
    pub dimensions: Vec<DimensionView>,
    /// Inspections matching no agency, sharing an agency, or unusable (with why).
    pub not_used: Vec<String>,
}

/// One dimension's verification figures.
#[derive(Serialize)]
pub struct DimensionView {
    /// `ID name`.
    pub label: String,
    /// Over-claimed agencies.
    pub overclaimed: usize,
    /// Their share, percent.
    pub share: String,
    /// Kappa, two decimals, or a dash.
    pub kappa: String,
}

fn kappa(a: &AgreementKpi) -> String {
    a.kappa.map_or_else(|| "–".to_string(), |k| format!("{k:.2}"))
}

/// Builds the section from the batch's figures.
pub fn build(rubric: &Rubric, v: &VerificationKpi, lang: Lang) -> VerificationView {
    VerificationView {
        inspections: v.inspections,
        agencies: v.agencies,
        overclaimed: v.overclaimed,
        overclaim_share: percent(v.overclaim_share, lang),
        underclaimed: v.underclaimed,
        criteria: v.agreement.criteria,
        agree: v.agreement.agree,
        kappa: v.agreement.kappa.map_or_else(
            || crate::report::reconcile::kappa_text(None, lang),
            |k| crate::report::locale::decimal(k, 2, lang),
        ),
        dimensions: rubric
            .dimensions
            .iter()
            .zip(&v.dimensions)
            .map(|(d, x)| DimensionView {
                label: format!("{} {}", d.id.value, d.name.get(lang)),
                overclaimed: x.overclaimed,
                share: percent(x.overclaim_share, lang),
                kappa: crate::report::locale::comma(kappa(&x.agreement), lang),
            })
            .collect(),
        not_used: v.unmatched.iter().chain(&v.ambiguous).chain(&v.invalid).cloned().collect(),
    }
}

/// The terminal lines of the verification figures.
pub fn text(v: &VerificationKpi, counted: usize, lang: Lang) -> String {
    let (r, w) = (texts(lang).reconcile, crate::report::words::words(lang));
    let pct = |x: f64| percent(x, lang);
    let kappa = |a| crate::report::locale::comma(kappa(a), lang);
    let mut out = (w.batch_verified)(
        v.agencies,
        counted,
        v.inspections,
        v.overclaimed,
        &pct(v.overclaim_share),
        v.underclaimed,
        &kappa(&v.agreement),
        v.agreement.criteria,
    );
    out.push('\n');
    let dims: Vec<String> = v
        .dimensions
        .iter()
        .map(|d| format!("{} {}", d.id, pct(d.overclaim_share)))
        .collect();
    out.push_str(&format!("{}{}\n", w.batch_overclaimed, dims.join("  ")));
    let unused = v.unmatched.len() + v.ambiguous.len() + v.invalid.len();
    if unused > 0 {
        out.push_str(&(w.batch_not_used)(v.unmatched.len(), v.ambiguous.len(), v.invalid.len()));
        out.push('\n');
    }
    out.push_str(r.shares_on_verified);
    out.push('\n');
    out
}
