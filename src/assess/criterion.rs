//! One criterion's status from its answer: not applicable by its condition, the answer's
//! credit, a cap from the option picked, a contradiction with the inventory, missing or stale
//! evidence. Facts only ([`Detail`], [`Issue`]); `report` phrases them.

use super::checks::{CheckOutcome, Evaluator, Issue};
use super::{CriterionResult, Detail, Status};

use crate::model::questionnaire::{Answer, AnswerValue, Evidence};
use crate::model::rubric::{AnswerKind, AnswerType, Criterion, EvidenceRule};

/// Criterion `index` of dimension `dimension`, whose condition is false; an answer given
/// anyway is reported and not counted.
pub(super) fn not_applicable(
    (dimension, index): (usize, usize),
    c: &Criterion,
    answer: Option<&Answer>,
    issues: &mut Vec<Issue>,
) -> CriterionResult {
    let condition = c.applies_when.as_ref().map(|e| e.source.clone()).unwrap_or_default();
    if let Some(a) = answer.filter(|a| a.value != AnswerValue::NotApplicable) {
        issues.push(Issue::AnswerNotApplicable {
            criterion: c.id.value.clone(),
            condition: condition.clone(),
            at: a.location.clone(),
        });
    }
    CriterionResult {
        status: Status::NotApplicable,
        detail: Some(Detail::Condition(condition)),
        ..unanswered((dimension, index), c, answer)
    }
}

/// Criterion `index` of dimension `dimension` before its answer is judged: unanswered, no
/// credit, no detail.
fn unanswered((dimension, index): (usize, usize), c: &Criterion, answer: Option<&Answer>) -> CriterionResult {
    CriterionResult {
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
    }
}

/// The most the dimension reaches with the options picked: the lowest `level` among them.
fn cap(c: &Criterion, value: &AnswerValue) -> Option<u8> {
    let AnswerValue::Choice(picked) = value else { return None };
    picked.iter().filter_map(|p| c.option(p).and_then(|o| o.level)).min()
}

/// Evaluates criterion `index` of dimension `dimension`.
pub(super) fn evaluate<'a>(
    eval: &Evaluator<'a>,
    (dimension, index): (usize, usize),
    c: &'a Criterion,
    answer: Option<&Answer>,
    assessed_on: chrono::NaiveDate,
    issues: &mut Vec<Issue>,
) -> CriterionResult {
    let mut r = unanswered((dimension, index), c, answer);
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
