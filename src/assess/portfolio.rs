//! National indicators over a batch: level distribution, shares at or above each level
//! (overall, per dimension, per tier), and each target's and portfolio goal's result.
//!
//! Every share is over the rows that count (see [`RowStatus::counts`]): one per agency. An
//! invalid submission has shown no level, so it counts as reaching none; so does an agency whose
//! latest submissions conflict (counted once). Superseded and stale submissions are listed but
//! not counted: the agency is counted through its latest submission, or not at all when that is
//! too old to say anything about the round. The figures are what the submissions demonstrate,
//! or, for an agency an inspector verified (`batch --verified`), what the verification found.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::questionnaire::Tier;
use crate::model::rubric::{LoadedRubric, Target};

/// Whether a submission could be assessed, and whether it counts in the round's shares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowStatus {
    /// Assessed and counted.
    Ok,
    /// Could not be assessed (or could not be read); `error` says why. Counted as reaching no level.
    Invalid,
    /// Assessed and counted, but without a questionnaire: its questions are unanswered.
    Incomplete,
    /// Assessed, not counted: a later submission claims the same agency.
    Superseded,
    /// Assessed, not counted: another submission claims the same agency with the same date.
    /// The agency counts once, as reaching no level.
    Conflict,
    /// Assessed, not counted: older than the rubric's `scoring.max_age_days` before the round.
    Stale,
}

impl RowStatus {
    /// Whether the submission was assessed (has levels).
    pub fn is_assessed(self) -> bool {
        self != RowStatus::Invalid
    }

    /// Whether the row itself counts in the shares (conflicts count once per agency, apart).
    pub fn counts(self) -> bool {
        matches!(self, RowStatus::Ok | RowStatus::Incomplete | RowStatus::Invalid)
    }

    /// The name the outputs use.
    pub fn name(self) -> &'static str {
        match self {
            RowStatus::Ok => "ok",
            RowStatus::Invalid => "invalid",
            RowStatus::Incomplete => "incomplete",
            RowStatus::Superseded => "superseded",
            RowStatus::Conflict => "conflict",
            RowStatus::Stale => "stale",
        }
    }
}

/// One submission's line in the summary.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Row {
    /// The submission directory, relative to the batch root.
    pub path: String,
    /// Agency id, when known.
    pub agency_id: Option<String>,
    /// Agency name, when known.
    pub agency_name: Option<String>,
    /// Tier, when known.
    pub tier: Option<Tier>,
    /// Whether it was assessed, and whether it counts in the shares.
    pub status: RowStatus,
    /// Overall level.
    pub level: Option<u8>,
    /// Overall index (rounded down to 2 decimals).
    pub index: Option<f64>,
    /// Whether the target is met.
    pub target_met: Option<bool>,
    /// Level of each dimension, in rubric order.
    pub dimensions: Vec<Option<u8>>,
    /// The ids of the dimensions holding the overall level where it is (the assessment's
    /// `overall.limited_by`); empty when not assessed or at level 5.
    pub limited_by: Vec<String>,
    /// Error findings (invalid) or record-rule errors (ok).
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Below `--fail-below`.
    pub below_gate: bool,
    /// The agency report, relative to the output directory.
    pub report: Option<String>,
    /// Why the submission is invalid: the first error, located, and how many more.
    pub error: Option<String>,
    /// The questionnaire's `assessed_on` (else the round's date), when assessed.
    pub assessed_on: Option<String>,
    /// Why the row is incomplete, superseded, in conflict or stale.
    pub note: Option<String>,
    /// The agency's region (`agency.region`), when given.
    pub region: Option<String>,
    /// Criteria exempted by a waiver in force (0 when not assessed).
    pub waived: usize,
    /// The verified overall level, when an inspector's submission verified this one
    /// (`batch --verified`).
    pub verified_level: Option<u8>,
    /// The self-assessed overall level minus the verified one, when verified.
    pub overclaim: Option<i16>,
    /// The inspector's submission that verified it, relative to the `--verified` folder.
    pub verified_by: Option<String>,
    /// What the verification found, for the batch's figures; `summary.json` carries the
    /// verified dimension levels (`verification.dimensions`), which `publish` counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<Box<RowVerification>>,
}

/// What an inspector's verification of a submission found.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct RowVerification {
    /// Each dimension's verified level, in rubric order.
    pub dimensions: Vec<u8>,
    /// Agreement per dimension over the criteria the inspector assessed.
    #[serde(skip)]
    pub agreement: Vec<super::reconcile::Agreement>,
}

impl Row {
    /// The row as the shares count it: with its verified levels when an inspector verified it.
    fn into_counted(mut self) -> Row {
        if let (Some(level), Some(v)) = (self.verified_level, &self.verification) {
            self.level = Some(level);
            self.dimensions = v.dimensions.iter().map(|l| Some(*l)).collect();
        }
        self
    }
}

/// Counts of submissions.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Totals {
    /// All submissions found.
    pub submissions: usize,
    /// Assessed (every status but invalid).
    pub assessed: usize,
    /// Could not be assessed.
    pub invalid: usize,
    /// Assessed but below `--fail-below`.
    pub below_gate: usize,
    /// The agencies the shares are over: ok, incomplete and invalid rows, and each agency in
    /// conflict once.
    pub counted: usize,
    /// Assessed without a questionnaire.
    pub incomplete: usize,
    /// Not counted: a later submission claims the agency.
    pub superseded: usize,
    /// Not counted: the latest submissions of an agency share one date.
    pub conflict: usize,
    /// Not counted: too old for the round.
    pub stale: usize,
}

/// Shares of submissions at or above each level 1..5.
pub type Shares = BTreeMap<u8, f64>;

/// One tier's figures.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct TierKpi {
    /// Submissions of the tier.
    pub submissions: usize,
    /// Shares at or above each level.
    pub at_or_above: Shares,
}

/// Shares at or above each level.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AtOrAbove {
    /// By overall level.
    pub overall: Shares,
    /// By each dimension's level.
    pub dimensions: BTreeMap<String, Shares>,
    /// By overall level within each tier (`unknown` when the tier is not known).
    pub tiers: BTreeMap<String, TierKpi>,
}

/// One goal of a portfolio: a share of agencies at or above a level.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Goal {
    /// The level.
    pub level: u8,
    /// The share required.
    pub required: f64,
    /// The share reached.
    pub actual: f64,
    /// Whether it is reached.
    pub met: bool,
}

/// A rubric target over the batch.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct TargetKpi {
    /// Target id.
    pub id: String,
    /// Its level.
    pub level: u8,
    /// The date by which it is due, when the rubric says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The share of agencies that must reach its level (its portfolio goal for that level, else 1).
    pub required_share: f64,
    /// Submissions at or above it.
    pub met_count: usize,
    /// Their share.
    pub share: f64,
    /// The portfolio goals, when the target has them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub portfolio: Vec<Goal>,
    /// Whether every portfolio goal is met (absent without goals).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portfolio_met: Option<bool>,
}

/// All indicators of a batch.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Kpis {
    /// Counts.
    pub totals: Totals,
    /// Number of assessed submissions at each overall level.
    pub distribution: BTreeMap<u8, usize>,
    /// Shares at or above each level.
    pub at_or_above: AtOrAbove,
    /// Each rubric target.
    pub targets: Vec<TargetKpi>,
    /// With `batch --verified`: what the inspectors' verifications found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verification: Option<VerificationKpi>,
}

/// The verification figures of a batch: over the counted agencies an inspector verified.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct VerificationKpi {
    /// What the shares are computed on: `verified levels where verified`.
    #[schemars(extend("const" = "verified levels where verified"))]
    pub shares_on: &'static str,
    /// Inspector submissions found below `--verified`.
    pub inspections: usize,
    /// Counted agencies verified.
    pub agencies: usize,
    /// Of them, those whose self-assessed overall level is above the verified one.
    pub overclaimed: usize,
    /// Their share.
    pub overclaim_share: f64,
    /// Those whose self-assessed overall level is below the verified one.
    pub underclaimed: usize,
    /// Agreement over every criterion the inspectors assessed, pooled.
    pub agreement: AgreementKpi,
    /// Per dimension, in rubric order.
    pub dimensions: Vec<DimensionVerification>,
    /// Inspector submissions that matched no agency (paths below `--verified`).
    pub unmatched: Vec<String>,
    /// Inspector submissions of an agency verified by another one too: none of them is used.
    pub ambiguous: Vec<String>,
    /// Inspector submissions that could not be used (invalid, or of another rubric), with why.
    pub invalid: Vec<String>,
}

/// Pooled agreement figures.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AgreementKpi {
    /// Criteria compared.
    pub criteria: u64,
    /// In the same category.
    pub agree: u64,
    /// In different categories.
    pub disagree: u64,
    /// Cohen's kappa (null without criteria or when p_e = 1).
    pub kappa: Option<f64>,
}

impl AgreementKpi {
    fn of(a: &super::reconcile::Agreement) -> Self {
        AgreementKpi {
            criteria: a.criteria(),
            agree: a.agree(),
            disagree: a.disagree(),
            kappa: a.kappa().map(|k| (k * 10_000.0).round() / 10_000.0),
        }
    }
}

/// One dimension's verification figures.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct DimensionVerification {
    /// Dimension id.
    pub id: String,
    /// Verified agencies whose self-assessed level of the dimension is above the verified one.
    pub overclaimed: usize,
    /// Their share of the verified agencies.
    pub overclaim_share: f64,
    /// Agreement over the dimension's criteria the inspectors assessed, pooled.
    pub agreement: AgreementKpi,
}

/// The verification figures of the counted rows an inspector verified; the lists of unusable
/// inspector submissions are left empty for the batch to fill.
pub fn verification(rubric: &LoadedRubric, rows: &[Row], inspections: usize) -> VerificationKpi {
    let counted = counted(rows);
    let verified: Vec<(&Row, &RowVerification)> = counted.iter().filter_map(|r| r.verification.as_deref().map(|v| (r, v))).collect();
    let n = verified.len();
    let overclaimed = verified.iter().filter(|(r, _)| r.overclaim.is_some_and(|o| o > 0)).count();
    let mut pooled = super::reconcile::Agreement::default();
    let dimensions = rubric
        .rubric
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut agreement = super::reconcile::Agreement::default();
            let mut over = 0;
            for (r, v) in &verified {
                if let Some(a) = v.agreement.get(i) {
                    agreement.merge(a);
                }
                if let (Some(Some(own)), Some(ver)) = (r.dimensions.get(i), v.dimensions.get(i))
                    && own > ver
                {
                    over += 1;
                }
            }
            pooled.merge(&agreement);
            DimensionVerification {
                id: d.id.value.clone(),
                overclaimed: over,
                overclaim_share: share(over, n),
                agreement: AgreementKpi::of(&agreement),
            }
        })
        .collect();
    VerificationKpi {
        shares_on: "verified levels where verified",
        inspections,
        agencies: n,
        overclaimed,
        overclaim_share: share(overclaimed, n),
        underclaimed: verified.iter().filter(|(r, _)| r.overclaim.is_some_and(|o| o < 0)).count(),
        agreement: AgreementKpi::of(&pooled),
        dimensions,
        unmatched: Vec::new(),
        ambiguous: Vec::new(),
        invalid: Vec::new(),
    }
}

fn share(count: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        ((count as f64 / of as f64) * 10_000.0).round() / 10_000.0
    }
}

fn shares<'a>(levels: impl Iterator<Item = Option<u8>> + Clone + 'a, of: usize) -> Shares {
    (1..=5u8)
        .map(|l| (l, share(levels.clone().filter(|x| x.is_some_and(|v| v >= l)).count(), of)))
        .collect()
}

/// Computes the indicators of `rows` assessed against `rubric`.
pub fn compute(rubric: &LoadedRubric, rows: &[Row]) -> Kpis {
    let all = rows;
    // An agency an inspector verified counts by its verified levels.
    let counted: Vec<Row> = counted(rows).into_iter().map(Row::into_counted).collect();
    let rows = &counted[..];
    let n = rows.len();
    let overall = shares(rows.iter().map(|r| r.level), n);
    let targets = rubric.rubric.targets.iter().map(|t| target_kpi(t, rows, &overall)).collect();
    Kpis {
        totals: totals(all, n),
        distribution: distribution(rows),
        at_or_above: AtOrAbove {
            dimensions: dimension_shares(rubric, rows),
            tiers: tier_shares(rows),
            overall,
        },
        targets,
        verification: None,
    }
}

/// The rows the shares are over: those that count, and one row reaching no level for each
/// agency whose latest submissions conflict.
fn counted(rows: &[Row]) -> Vec<Row> {
    let mut out: Vec<Row> = rows.iter().filter(|r| r.status.counts()).cloned().collect();
    let mut seen = std::collections::BTreeSet::new();
    for r in rows.iter().filter(|r| r.status == RowStatus::Conflict) {
        let key = r.agency_id.as_deref().map(super::agency_id::agency_key);
        if seen.insert(key) {
            out.push(Row {
                level: None,
                index: None,
                target_met: None,
                dimensions: vec![None; r.dimensions.len()],
                verified_level: None,
                verification: None,
                limited_by: Vec::new(),
                ..r.clone()
            });
        }
    }
    out
}

/// Counts the submissions by status; `counted` is how many the shares are over.
fn totals(rows: &[Row], counted: usize) -> Totals {
    let n = rows.len();
    let of = |s: RowStatus| rows.iter().filter(|r| r.status == s).count();
    let invalid = of(RowStatus::Invalid);
    Totals {
        submissions: n,
        assessed: n - invalid,
        invalid,
        below_gate: rows.iter().filter(|r| r.below_gate && r.status.counts()).count(),
        counted,
        incomplete: of(RowStatus::Incomplete),
        superseded: of(RowStatus::Superseded),
        conflict: of(RowStatus::Conflict),
        stale: of(RowStatus::Stale),
    }
}

/// The number of assessed submissions at each overall level 1..5.
fn distribution(rows: &[Row]) -> BTreeMap<u8, usize> {
    let mut distribution: BTreeMap<u8, usize> = (1..=5).map(|l| (l, 0)).collect();
    for r in rows {
        if let Some(l) = r.level {
            *distribution.entry(l).or_default() += 1;
        }
    }
    distribution
}

/// Shares at or above each level by each dimension's level, keyed by dimension id.
fn dimension_shares(rubric: &LoadedRubric, rows: &[Row]) -> BTreeMap<String, Shares> {
    let n = rows.len();
    rubric
        .rubric
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                d.id.value.clone(),
                shares(rows.iter().map(move |r| r.dimensions.get(i).copied().flatten()), n),
            )
        })
        .collect()
}

/// Shares at or above each overall level within each tier (`unknown` when not known).
fn tier_shares(rows: &[Row]) -> BTreeMap<String, TierKpi> {
    let mut by_tier: BTreeMap<String, Vec<Option<u8>>> = BTreeMap::new();
    for r in rows {
        let tier = r.tier.map_or_else(|| "unknown".to_string(), |t| format!("{t:?}").to_lowercase());
        by_tier.entry(tier).or_default().push(r.level);
    }
    by_tier
        .into_iter()
        .map(|(t, levels)| {
            let count = levels.len();
            (
                t,
                TierKpi {
                    submissions: count,
                    at_or_above: shares(levels.into_iter(), count),
                },
            )
        })
        .collect()
}

/// A rubric target over the batch, with its portfolio goals measured on the `overall` shares.
fn target_kpi(t: &Target, rows: &[Row], overall: &Shares) -> TargetKpi {
    let level = t.level.value;
    let met_count = rows.iter().filter(|r| r.level.is_some_and(|l| l >= level)).count();
    let portfolio: Vec<Goal> = t
        .portfolio
        .iter()
        .flat_map(|p| &p.at_least)
        .map(|(l, required)| {
            let actual = overall.get(l).copied().unwrap_or(0.0);
            Goal {
                level: *l,
                required: *required,
                actual,
                met: actual + 1e-9 >= *required,
            }
        })
        .collect();
    let portfolio_met = (!portfolio.is_empty()).then(|| portfolio.iter().all(|g| g.met));
    TargetKpi {
        id: t.id.value.clone(),
        level,
        due: t.due_date().map(|d| d.to_string()),
        required_share: t.required_share(),
        met_count,
        share: share(met_count, rows.len()),
        portfolio,
        portfolio_met,
    }
}
