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
mod criterion;
pub mod explain;
mod gaps;
pub mod portfolio;
pub mod progress;
pub mod publish;
pub mod reconcile;
mod result;
pub mod round;
pub mod scoring;
pub mod waivers;

use std::collections::HashMap;

use crate::location::Location;
use crate::model::inventory::Inventory;
use crate::model::questionnaire::Agency;
use crate::model::questionnaire::{Answer, Questionnaire};
use crate::model::rubric::LoadedRubric;
use crate::model::rubric::{Criterion, Method, Overall, Rubric};
use crate::model::waivers::Waivers;
use checks::Evaluator;
pub use checks::{AgencyField, Counts, Issue, Shortfall};
pub use completeness::completeness;
use criterion::{evaluate, not_applicable};
pub use result::*;
use scoring::{Pointed, Rated, Scored};

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
