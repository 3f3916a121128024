//! Assessment: criteria statuses from answers and inventory checks, levels, target and gaps;
//! `portfolio` turns many assessments into a batch's rows, shares and targets; `reconcile`
//! compares a self-assessment with an inspector's.
//!
//! Pure evaluation over loaded inputs: nothing here reads files, prints or phrases. Results
//! carry facts ([`Detail`], [`Issue`]) that `report` puts into words in the reader's language.
//! May import: `model`, `rules`, `location`. Never `load`, `report` or `batch`.

pub mod agency_id;
pub mod checks;
mod completeness;
pub mod conditions;
pub mod explain;
mod gaps;
pub mod portfolio;
pub mod progress;
pub mod publish;
pub mod reconcile;
pub mod round;
pub mod scoring;
pub mod waivers;

use std::collections::HashMap;

use serde::Serialize;

use crate::location::Location;
use crate::model::inventory::Inventory;
use crate::model::questionnaire::Agency;
use crate::model::questionnaire::{Answer, AnswerValue, Evidence, Questionnaire};
use crate::model::rubric::LoadedRubric;
use crate::model::rubric::{AnswerKind, AnswerType, Criterion, EvidenceRule, Method, Overall, Rubric};
use crate::model::waivers::{Waiver, Waivers};
pub use checks::{AgencyField, Counts, Issue, Shortfall};
use checks::{CheckOutcome, Evaluator};
pub use completeness::completeness;
use scoring::{Pointed, Rated, Scored};

/// The status of a criterion (SPEC section 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fully met.
    Met,
    /// Partly met: partial credit.
    Partial,
    /// Not met.
    NotMet,
    /// The question was not answered.
    Unanswered,
    /// A claim that needs evidence cites none.
    EvidenceMissing,
    /// The evidence cited is older than the rubric accepts.
    EvidenceStale,
    /// A `yes` that the inventory contradicts.
    Contradicted,
    /// Does not apply; leaves the denominator.
    NotApplicable,
    /// Exempted by a waiver in force; leaves the denominator like `not_applicable` and is
    /// never a gap.
    Waived,
}

impl Status {
    /// The snake_case name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::NotMet => "not_met",
            Status::Unanswered => "unanswered",
            Status::EvidenceMissing => "evidence_missing",
            Status::EvidenceStale => "evidence_stale",
            Status::Contradicted => "contradicted",
            Status::NotApplicable => "not_applicable",
            Status::Waived => "waived",
        }
    }

    /// Whether the criterion counts in its level's or dimension's denominator: not when it
    /// does not apply or is waived.
    pub fn is_scored(self) -> bool {
        !matches!(self, Status::NotApplicable | Status::Waived)
    }
}

/// A record named by a check result, with where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// Its collection.
    pub collection: String,
    /// Its key.
    pub key: String,
    /// Where the record starts.
    pub location: Location,
}

impl RecordRef {
    /// `systems mont-mining`: how a record is named beside its place.
    pub fn label(&self) -> String {
        format!("{} {}", self.collection, self.key)
    }
}

/// The JSON shape of a record reference, unchanged since the first release.
mod record_json {
    /// A record named by a check result, with where it is written.
    #[derive(serde::Serialize, schemars::JsonSchema)]
    pub(super) struct RecordRef<'a> {
        /// Its collection.
        pub(super) collection: &'a str,
        /// Its key.
        pub(super) key: &'a str,
        /// Its file (`book.xlsx!Sheet` for a sheet's row).
        pub(super) file: String,
        /// Its line (a sheet's row).
        pub(super) line: u32,
    }
}

impl Serialize for RecordRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        record_json::RecordRef {
            collection: &self.collection,
            key: &self.key,
            file: self.location.origin.to_string(),
            line: self.location.line,
        }
        .serialize(s)
    }
}

impl schemars::JsonSchema for RecordRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <record_json::RecordRef<'static> as schemars::JsonSchema>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <record_json::RecordRef<'static> as schemars::JsonSchema>::json_schema(generator)
    }
}

/// One criterion's result.
#[derive(Clone, Debug)]
pub struct CriterionResult {
    /// Index of the dimension in the rubric.
    pub dimension: usize,
    /// Index of the criterion in its dimension.
    pub index: usize,
    /// Status.
    pub status: Status,
    /// Credit earned, 0..1.
    pub credit: f64,
    /// Why it has its status (the answer given, the check's counts, the contradiction);
    /// reports phrase it.
    pub detail: Option<Detail>,
    /// Records that fail the check (or contradict the answer).
    pub records: Vec<RecordRef>,
    /// The answer, for question criteria that were answered.
    pub answer: Option<Answer>,
    /// Rated rubrics: the level the answer gave.
    pub answered_level: Option<u8>,
    /// The waiver that exempts it (status `waived`); `detail` still says what was found.
    pub waiver: Option<Waiver>,
    /// The most its dimension reaches with this answer (an option's `level`).
    pub cap: Option<u8>,
    /// Whether the criterion counts towards levels and gaps (see [`Criterion::counts`]).
    pub counts: bool,
}

impl CriterionResult {
    /// The level a rated rubric counts for this criterion: the answered level; the floor (1)
    /// when it is unanswered or its claim does not stand (missing or stale evidence,
    /// contradicted); `None` when it does not apply.
    pub fn rated_level(&self) -> Option<u8> {
        if !self.counts {
            return None;
        }
        match self.status {
            Status::NotApplicable | Status::Waived => None,
            Status::Met | Status::Partial | Status::NotMet => Some(self.answered_level.unwrap_or(1)),
            _ => Some(1),
        }
    }
}

/// Why a criterion has its status, as facts; every report phrases them in its language.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    /// The answer given; an n/a answer carries its note.
    Answered(AnswerValue, Option<String>),
    /// What an inventory check counted.
    Check(Counts),
    /// A yes that the criterion's `verify` check contradicts, with what it counted.
    Contradicted(Counts),
    /// A claim needing evidence cites none.
    EvidenceMissing,
    /// The criterion's `applies_when` condition (its text) is false for this submission.
    Condition(String),
    /// A criterion computed from the inventory, in a submission without one.
    NoInventory,
    /// A claim needing evidence cites only evidence dated after the assessment date.
    EvidenceFuture {
        /// The assessment date.
        assessed_on: chrono::NaiveDate,
    },
    /// Every piece of evidence cited is older than `days` before the assessment date.
    EvidenceStale {
        /// The rubric's `evidence_max_age_days`.
        days: u32,
        /// The assessment date.
        assessed_on: chrono::NaiveDate,
    },
}

impl Detail {
    /// What an inventory check behind this detail counted.
    pub fn counts(&self) -> Option<&Counts> {
        match self {
            Detail::Check(c) | Detail::Contradicted(c) => Some(c),
            _ => None,
        }
    }
}

/// One dimension's result.
#[derive(Clone, Debug)]
pub struct DimensionResult {
    /// Level 1..5.
    pub level: u8,
    /// Index in [1, 5] (staged: in [level, level+1)).
    pub index: f64,
    /// Its criteria, in rubric order.
    pub criteria: Vec<CriterionResult>,
    /// Points rubrics: (earned, possible).
    pub points: Option<(f64, f64)>,
    /// Rated rubrics: the share of applicable criteria at or above each level 1..=5.
    pub coverage: Option<[f64; 5]>,
}

/// The target an assessment is measured against.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct TargetResult {
    /// Target id, when it is one of the rubric's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Level required.
    pub level: u8,
    /// The date it is due (`YYYY-MM-DD`), when the rubric's target gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Whether the overall level reaches it.
    pub met: bool,
}

/// A criterion that blocks the target level (or, in [`explain::Explanation`], a first step).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Index of the dimension.
    pub dimension: usize,
    /// Index of the criterion in the dimension.
    pub criterion: usize,
}

/// How the target was chosen.
#[derive(Clone, Debug)]
pub enum TargetChoice {
    /// A rubric target id.
    Id(String),
    /// A bare level.
    Level(u8),
    /// The rubric's default target, else the next level.
    Default,
}

/// The complete result of assessing one submission.
#[derive(Debug)]
pub struct Assessment {
    /// The agency assessed.
    pub agency: Agency,
    /// The date the assessment is as of.
    pub assessed_on: chrono::NaiveDate,
    /// Per dimension, in rubric order.
    pub dimensions: Vec<DimensionResult>,
    /// Overall level.
    pub level: u8,
    /// Overall index.
    pub index: f64,
    /// Points rubrics: (earned, possible) over all dimensions.
    pub points: Option<(f64, f64)>,
    /// Rated rubrics: the share of all applicable criteria at or above each level 1..=5.
    pub coverage: Option<[f64; 5]>,
    /// The target.
    pub target: TargetResult,
    /// Criteria blocking the target, in priority order.
    pub gaps: Vec<Gap>,
    /// Why the overall level is where it is, and the first steps to the next one.
    pub explanation: explain::Explanation,
    /// Record-rule breaches, contradictions and other issues, in the order found; reports
    /// state them as findings.
    pub issues: Vec<Issue>,
    /// Whether every waiver was ignored (`--no-waivers`), which reports state.
    pub waivers_ignored: bool,
    /// The rubric's groups of dimensions, in rubric order: (score, most possible).
    pub groups: Vec<(f64, f64)>,
}

impl Assessment {
    /// The dimensions below `level`, as `ID at L`, for gate messages.
    pub fn dimensions_below(&self, rubric: &Rubric, level: u8) -> Vec<String> {
        rubric
            .dimensions
            .iter()
            .zip(&self.dimensions)
            .filter(|(_, r)| r.level < level)
            .map(|(d, r)| format!("{} at {}", d.id.value, r.level))
            .collect()
    }
}

/// Resolves `--target` against the rubric: a target id or a level 1-5.
pub fn parse_target(rubric: &Rubric, spec: &str) -> Result<TargetChoice, String> {
    if let Ok(level) = spec.parse::<u8>() {
        return if (1..=5).contains(&level) {
            Ok(TargetChoice::Level(level))
        } else {
            Err(format!("target level {level} is not a level 1-5"))
        };
    }
    if rubric.targets.iter().any(|t| t.id.value == spec) {
        return Ok(TargetChoice::Id(spec.to_string()));
    }
    let ids: Vec<&str> = rubric.targets.iter().map(|t| t.id.value.as_str()).collect();
    Err(format!(
        "`{spec}` is neither a level 1-5 nor a target of rubric `{}` (targets: {})",
        rubric.id.value,
        if ids.is_empty() { "none".to_string() } else { ids.join(", ") }
    ))
}

/// Assesses a submission, applying the waivers in force. `today` is used when the
/// questionnaire gives no date.
pub fn assess(
    loaded: &LoadedRubric,
    (questionnaire, inventory, waivers): (Option<&Questionnaire>, &Inventory, &Waivers),
    target: &TargetChoice,
    today: chrono::NaiveDate,
) -> Assessment {
    let rubric = &loaded.rubric;
    let assessed_on = questionnaire.and_then(|q| q.assessed_on).unwrap_or(today);
    let assessed_on_val = crate::rules::to_val(crate::rules::date_value(assessed_on));
    let eval = Evaluator::new(
        rubric,
        inventory,
        crate::rules::Scope {
            env: &loaded.env,
            assessed_on: &assessed_on_val,
            steps: crate::rules::Steps::new(crate::rules::steps()),
        },
    );
    let mut issues = Vec::new();
    let mut ledger = waivers::Ledger::new(waivers, assessed_on, &mut issues);
    eval.record_rules(&mut issues);
    ledger.record_rules(rubric, &mut issues);
    let empty = HashMap::new();
    let answers = questionnaire.map_or(&empty, |q| &q.answers);
    let who = agency(questionnaire, inventory);
    let applies = conditions::applicability(rubric, answers, &who, &eval.scope);
    for (id, a) in &applies {
        if let conditions::Applies::Error(error) = a {
            issues.push(Issue::ConditionError {
                criterion: id.clone(),
                error: error.clone(),
                at: Location::file(questionnaire.map_or("", |q| q.file.as_str()), 1, 1),
            });
        }
    }
    let dimensions = evaluate_dimensions(&eval, answers, &applies, assessed_on, &mut ledger, &mut issues);
    let waivers_ignored = ledger.ignored;
    let status_of = |id: &str| {
        rubric
            .dimensions
            .iter()
            .zip(&dimensions)
            .find_map(|(d, r)| d.criteria.iter().position(|c| c.id.value == id).map(|i| r.criteria[i].status))
    };
    ledger.finish(rubric, status_of, &mut issues);
    let overall = score_overall(rubric, &dimensions);
    let target = resolve_target(rubric, target, overall.level);
    let gaps = gaps::gaps(rubric, &dimensions, target.level);
    // A rubric without an overall level has nothing to hold or raise: no holding dimensions,
    // no first steps (its summary names the dimensions below the target instead).
    let explanation = if rubric.scoring.overall == Overall::None {
        explain::Explanation::default()
    } else {
        explain::explain(rubric, &dimensions, overall.level)
    };
    let groups = rubric.groups.iter().map(|g| scoring::group(rubric, g, &dimensions)).collect();
    issues.extend(agency_mismatch(questionnaire, inventory));
    issues.extend(no_inventory(rubric, questionnaire, inventory));
    Assessment {
        agency: who,
        assessed_on,
        dimensions,
        level: overall.level,
        index: overall.index,
        points: overall.points,
        coverage: overall.coverage,
        target,
        groups,
        gaps,
        explanation,
        issues,
        waivers_ignored,
    }
}

/// Evaluates and scores every dimension of the evaluator's rubric, in rubric order.
fn evaluate_dimensions<'a>(
    eval: &Evaluator<'a>,
    answers: &HashMap<String, Answer>,
    applies: &HashMap<String, conditions::Applies>,
    assessed_on: chrono::NaiveDate,
    ledger: &mut waivers::Ledger,
    issues: &mut Vec<Issue>,
) -> Vec<DimensionResult> {
    let rubric = eval.rubric;
    let mut dimensions = Vec::with_capacity(rubric.dimensions.len());
    for (di, d) in rubric.dimensions.iter().enumerate() {
        let criteria: Vec<CriterionResult> = d
            .criteria
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let answer = answers.get(&c.id.value);
                let mut r = if applies.get(&c.id.value) == Some(&conditions::Applies::No) {
                    not_applicable((di, ci), c, answer, issues)
                } else {
                    evaluate(eval, (di, ci), c, answer, assessed_on, issues)
                };
                if let Some(w) = ledger.criterion(&c.id.value, r.status) {
                    r.status = Status::Waived;
                    r.credit = 0.0;
                    r.waiver = Some(w);
                }
                r
            })
            .collect();
        dimensions.push(score_dimension(rubric, &d.criteria, criteria));
    }
    dimensions
}

/// The overall result of a submission, before the target.
struct OverallScore {
    /// Overall level.
    level: u8,
    /// Overall index.
    index: f64,
    /// Points rubrics: (earned, possible) over all dimensions.
    points: Option<(f64, f64)>,
    /// Rated rubrics: the share of all applicable criteria at or above each level 1..=5.
    coverage: Option<[f64; 5]>,
}

/// Combines the dimension results into the overall level and index by the rubric's method.
fn score_overall(rubric: &Rubric, dimensions: &[DimensionResult]) -> OverallScore {
    let triples: Vec<(u8, f64, f64)> = dimensions
        .iter()
        .zip(&rubric.dimensions)
        .map(|(r, d)| (r.level, r.index, d.weight))
        .collect();
    let (level, index) = scoring::overall(&triples, rubric.scoring.overall == Overall::Mean);
    let mut score = OverallScore {
        level,
        index,
        points: None,
        coverage: None,
    };
    match rubric.scoring.method.value {
        Method::Staged => {}
        Method::Rated => {
            let all = dimensions.iter().flat_map(|d| &d.criteria).map(CriterionResult::rated_level);
            score.coverage = Some(scoring::coverage(all));
        }
        Method::Points => {
            // The overall level comes from the total share, not from the dimension levels.
            let total = dimensions
                .iter()
                .filter_map(|d| d.points)
                .fold((0.0, 0.0), |(e, p), (de, dp)| (e + de, p + dp));
            let cap = dimensions.iter().flat_map(|d| &d.criteria).filter_map(|r| r.cap).min();
            score.level = scoring::band_level(scoring::share(total.0, total.1), &bands(rubric)).min(cap.unwrap_or(5));
            score.points = Some(total);
        }
    }
    score
}

/// The issue raised when the inventory names another agency than the questionnaire.
fn agency_mismatch(questionnaire: Option<&Questionnaire>, inventory: &Inventory) -> Option<Issue> {
    let (q, (inv_agency, loc)) = (questionnaire?, inventory.agency.as_ref()?);
    (*inv_agency != q.agency.id).then(|| Issue::AgencyMismatch {
        inventory: inv_agency.clone(),
        questionnaire: q.agency.id.clone(),
        at: loc.clone(),
    })
}

/// The issue raised when a questionnaire comes without an inventory and the rubric checks one.
fn no_inventory(rubric: &Rubric, questionnaire: Option<&Questionnaire>, inventory: &Inventory) -> Option<Issue> {
    let q = questionnaire.filter(|_| !inventory.submitted)?;
    let criteria = || rubric.dimensions.iter().flat_map(|d| &d.criteria);
    let computed = criteria().filter(|c| c.check.is_some()).count();
    let verified = criteria()
        .filter(|c| c.verify.is_some() && q.answers.contains_key(&c.id.value))
        .count();
    (computed + verified > 0).then(|| Issue::NoInventory {
        computed,
        verified,
        at: Location::file(q.file.clone(), 1, 1),
    })
}

/// The agency assessed: the questionnaire's, else the inventory's id, else `unknown`.
fn agency(questionnaire: Option<&Questionnaire>, inventory: &Inventory) -> Agency {
    match (questionnaire, &inventory.agency) {
        (Some(q), _) => q.agency.clone(),
        (None, Some((id, _))) => Agency {
            id: id.clone(),
            name: None,
            tier: None,
            region: None,
        },
        (None, None) => Agency {
            id: "unknown".into(),
            name: None,
            tier: None,
            region: None,
        },
    }
}

/// The rubric's points bands as (level, least share).
fn bands(rubric: &Rubric) -> Vec<(u8, f64)> {
    rubric.scoring.bands.iter().map(|b| (b.level.value, b.min)).collect()
}

/// Scores one dimension's evaluated criteria by the rubric's method.
fn score_dimension(rubric: &Rubric, defs: &[Criterion], criteria: Vec<CriterionResult>) -> DimensionResult {
    let mut points = None;
    let mut coverage = None;
    let (level, index) = match rubric.scoring.method.value {
        Method::Staged => {
            let scored: Vec<Scored> = defs.iter().zip(&criteria).map(|(c, r)| scored(c, r)).collect();
            scoring::staged(&scored, rubric.scoring.level_threshold)
        }
        Method::Rated => {
            let rated: Vec<Rated> = defs.iter().zip(&criteria).map(|(c, r)| rated(c, r)).collect();
            coverage = Some(scoring::coverage(rated.iter().map(|r| r.level)));
            scoring::rated(&rated, rubric.scoring.rated == Overall::Mean)
        }
        Method::Points => {
            let pointed: Vec<Pointed> = defs.iter().zip(&criteria).map(|(c, r)| pointed(c, r)).collect();
            let (earned, possible) = scoring::points(&pointed);
            points = Some((earned, possible));
            scoring::points_level(scoring::share(earned, possible), &bands(rubric))
        }
    };
    let (level, index) = match criteria.iter().filter_map(|r| r.cap).min() {
        Some(cap) if cap < level => (cap, f64::from(cap)),
        _ => (level, index),
    };
    DimensionResult {
        level,
        index,
        criteria,
        points,
        coverage,
    }
}

/// A criterion of a staged rubric as scoring sees it.
fn scored(c: &Criterion, r: &CriterionResult) -> Scored {
    Scored {
        level: c.level.as_ref().map_or(2, |l| l.value),
        weight: c.weight,
        credit: r.credit,
        applicable: r.status.is_scored() && r.counts,
    }
}

/// A criterion of a rated rubric as scoring sees it.
fn rated(c: &Criterion, r: &CriterionResult) -> Rated {
    Rated {
        level: r.rated_level(),
        weight: c.weight,
    }
}

/// A criterion of a points rubric as scoring sees it.
fn pointed(c: &Criterion, r: &CriterionResult) -> Pointed {
    Pointed {
        points: c.points.unwrap_or(0.0),
        credit: r.credit,
        applicable: r.status.is_scored() && r.counts,
    }
}

fn resolve_target(rubric: &Rubric, choice: &TargetChoice, overall: u8) -> TargetResult {
    let by_id = |id: &str| {
        rubric
            .targets
            .iter()
            .find(|t| t.id.value == id)
            .map(|t| (Some(id.to_string()), t.level.value, t.due_date().map(|d| d.to_string())))
    };
    let (id, level, due) = match choice {
        TargetChoice::Id(id) => by_id(id).unwrap_or((None, (overall + 1).min(5), None)),
        TargetChoice::Level(l) => (None, *l, None),
        TargetChoice::Default => rubric
            .default_target
            .as_ref()
            .and_then(|d| by_id(&d.value))
            .unwrap_or((None, (overall + 1).min(5), None)),
    };
    TargetResult {
        id,
        level,
        due,
        met: overall >= level,
    }
}

/// Criterion `index` of dimension `dimension`, whose condition is false; an answer given
/// anyway is reported and not counted.
fn not_applicable((dimension, index): (usize, usize), c: &Criterion, answer: Option<&Answer>, issues: &mut Vec<Issue>) -> CriterionResult {
    let condition = c.applies_when.as_ref().map(|e| e.source.clone()).unwrap_or_default();
    if let Some(a) = answer.filter(|a| a.value != AnswerValue::NotApplicable) {
        issues.push(Issue::AnswerNotApplicable {
            criterion: c.id.value.clone(),
            condition: condition.clone(),
            at: a.location.clone(),
        });
    }
    CriterionResult {
        dimension,
        index,
        status: Status::NotApplicable,
        credit: 0.0,
        detail: Some(Detail::Condition(condition)),
        records: Vec::new(),
        answer: answer.cloned(),
        answered_level: None,
        waiver: None,
        cap: None,
        counts: c.counts(),
    }
}

/// The most the dimension reaches with the options picked: the lowest `level` among them.
fn cap(c: &Criterion, value: &AnswerValue) -> Option<u8> {
    let AnswerValue::Choice(picked) = value else { return None };
    picked.iter().filter_map(|p| c.option(p).and_then(|o| o.level)).min()
}

/// Evaluates criterion `index` of dimension `dimension`.
fn evaluate<'a>(
    eval: &Evaluator<'a>,
    (dimension, index): (usize, usize),
    c: &'a Criterion,
    answer: Option<&Answer>,
    assessed_on: chrono::NaiveDate,
    issues: &mut Vec<Issue>,
) -> CriterionResult {
    let mut r = CriterionResult {
        dimension,
        index,
        status: Status::Unanswered,
        credit: 0.0,
        detail: None,
        records: Vec::new(),
        answer: answer.cloned(),
        answered_level: None,
        waiver: None,
        cap: None,
        counts: c.counts(),
    };
    if c.check.is_some() && !eval.inventory.submitted {
        r.detail = Some(Detail::NoInventory);
        return r;
    }
    if let Some(check) = &c.check {
        let outcome = eval.check(check, issues);
        r.status = outcome.status;
        r.credit = if outcome.status == Status::Met { 1.0 } else { 0.0 };
        r.detail = Some(Detail::Check(outcome.counts));
        r.records = outcome.failing;
        return r;
    }
    let (Some(a), Some(kind)) = (answer, c.answer.as_ref()) else {
        return r;
    };
    let scoring = &eval.rubric.scoring;
    let (status, credit) = answer_status(&a.value, &kind.value, scoring.partial_credit);
    r.status = status;
    r.credit = credit;
    r.detail = Some(Detail::Answered(a.value.clone(), a.note.clone()));
    r.cap = cap(c, &a.value);
    if let Some(date) = a.evidence.iter().filter_map(|e| e.date).filter(|d| *d > assessed_on).max() {
        issues.push(Issue::EvidenceFuture {
            criterion: c.id.value.clone(),
            at: a.location.clone(),
            date,
            assessed_on,
        });
    }
    if let AnswerValue::Level(level) = a.value {
        r.answered_level = Some(level);
    }
    if !matches!(status, Status::Met | Status::Partial) {
        return r;
    }
    if status == Status::Met
        && let Some(outcome) = contradiction(eval, (dimension, index), c, a, issues)
    {
        r.status = Status::Contradicted;
        r.credit = 0.0;
        r.detail = Some(Detail::Contradicted(outcome.counts));
        r.records = outcome.failing;
        return r;
    }
    if let Some((status, detail, issue)) = evidence_problem(c, a, scoring.evidence_max_age_days, assessed_on) {
        issues.extend(issue);
        r.status = status;
        r.credit = 0.0;
        r.detail = Some(detail);
    }
    r
}

/// The status and credit an answer earns by the criterion's answer type.
fn answer_status(value: &AnswerValue, kind: &AnswerType, partial_credit: f64) -> (Status, f64) {
    match value {
        AnswerValue::Yes => (Status::Met, 1.0),
        AnswerValue::Partial => (Status::Partial, partial_credit),
        AnswerValue::No => (Status::NotMet, 0.0),
        AnswerValue::NotApplicable => (Status::NotApplicable, 0.0),
        // Free text is informational: answering is all there is to it.
        AnswerValue::Text(_) => (Status::Met, 1.0),
        AnswerValue::Number(n) => {
            let pass = kind.pass.unwrap_or(if kind.kind == AnswerKind::Percent { 100.0 } else { 1.0 });
            if *n >= pass {
                (Status::Met, 1.0)
            } else if kind.partial.is_some_and(|p| *n >= p) {
                (Status::Partial, partial_credit)
            } else {
                (Status::NotMet, 0.0)
            }
        }
        AnswerValue::Level(level) => {
            // A level answer's credit is how far up the scale it is; it matters to reports and
            // `diff`, not to rated scoring, which uses the level itself.
            let status = match level {
                5 => Status::Met,
                1 => Status::NotMet,
                _ => Status::Partial,
            };
            (status, f64::from(level - 1) / 4.0)
        }
        AnswerValue::Choice(picked) => choice_status(picked, kind),
    }
}

/// The status and credit of the options picked: their credits summed, at most 1.
fn choice_status(picked: &[String], kind: &AnswerType) -> (Status, f64) {
    let credit: f64 = picked
        .iter()
        .filter_map(|p| kind.options.iter().find(|o| o.value == *p))
        .map(|o| o.credit)
        .sum::<f64>()
        .min(1.0);
    let status = if credit >= 1.0 {
        Status::Met
    } else if credit > 0.0 {
        Status::Partial
    } else {
        Status::NotMet
    };
    (status, credit)
}

/// Runs the criterion's `verify` check on a met answer; a failing check is recorded as a contradiction and returned.
fn contradiction<'a>(
    eval: &Evaluator<'a>,
    (dimension, criterion): (usize, usize),
    c: &'a Criterion,
    a: &Answer,
    issues: &mut Vec<Issue>,
) -> Option<CheckOutcome> {
    // Without an inventory there is nothing to verify the answer against.
    let verify = c.verify.as_ref().filter(|_| eval.inventory.submitted)?;
    let outcome = eval.check(verify, issues);
    if outcome.status != Status::NotMet {
        return None;
    }
    issues.push(Issue::Contradicted {
        dimension,
        criterion,
        at: a.location.clone(),
        counts: outcome.counts.clone(),
        failing: outcome.failing.clone(),
    });
    Some(outcome)
}

/// What is wrong with the evidence of a claim that requires it (missing, else stale), if anything.
fn evidence_problem(
    c: &Criterion,
    a: &Answer,
    max_age: Option<u32>,
    assessed_on: chrono::NaiveDate,
) -> Option<(Status, Detail, Option<Issue>)> {
    if c.evidence != EvidenceRule::Required {
        return None;
    }
    let criterion = c.id.value.clone();
    let at = a.location.clone();
    // Evidence dated after the assessment cannot support it (a typo, or 9999-12-31 to dodge
    // the age limit): it is left out, and reported on its own ([`Issue::EvidenceFuture`]).
    let current: Vec<Evidence> = a
        .evidence
        .iter()
        .filter(|e| e.date.is_none_or(|d| d <= assessed_on))
        .cloned()
        .collect();
    if a.evidence.is_empty() {
        Some((
            Status::EvidenceMissing,
            Detail::EvidenceMissing,
            Some(Issue::EvidenceMissing { criterion, at }),
        ))
    } else if current.is_empty() {
        // The EvidenceFuture issue already says why; the status says the claim has no support.
        Some((Status::EvidenceMissing, Detail::EvidenceFuture { assessed_on }, None))
    } else if let Some(days) = max_age
        && is_stale(&current, assessed_on, days)
    {
        Some((
            Status::EvidenceStale,
            Detail::EvidenceStale { days, assessed_on },
            Some(Issue::EvidenceStale {
                criterion,
                at,
                days,
                assessed_on,
            }),
        ))
    } else {
        None
    }
}

/// Evidence is stale when every item is dated and the newest is older than `days`.
fn is_stale(evidence: &[Evidence], assessed_on: chrono::NaiveDate, days: u32) -> bool {
    let newest = evidence
        .iter()
        .map(|e| e.date)
        .collect::<Option<Vec<_>>>()
        .and_then(|d| d.into_iter().max());
    newest.is_some_and(|d| (assessed_on - d).num_days() > i64::from(days))
}
