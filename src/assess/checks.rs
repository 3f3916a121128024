//! Inventory checks (`check:` and `verify:`) and record rules, evaluated with CEL.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::location::Location;
use crate::model::inventory::{Inventory, Record};
use crate::model::rubric::{Check, Rubric, WhenEmpty};
use crate::rules::Expr;

use super::{RecordRef, Status};

/// What an inventory check counted; with the check itself (its collection, whether it has a
/// `require`), reports phrase it as "10 of 13 selected systems pass (77%); 3 fail, 100% needed".
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// Records selected by `where`, and how many of them satisfy `require`.
    pub selected: usize,
    /// Selected records that satisfy `require`.
    pub passing: usize,
    /// The thresholds the counts did not reach.
    pub shortfall: Shortfall,
}

/// The thresholds of a check that its counts did not reach; none when it is met.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Shortfall {
    /// The share of passing records needed, when the share fell short.
    pub ratio: Option<f64>,
    /// The number of passing records needed, when the count fell short.
    pub count: Option<u64>,
}

/// The outcome of one inventory check.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    /// met, not_met or not_applicable.
    pub status: Status,
    /// What it counted.
    pub counts: Counts,
    /// The selected records that fail `require`.
    pub failing: Vec<RecordRef>,
}

/// Something about the inputs that the assessment found and a report states as a finding:
/// a record breaking a rubric rule, a contradicted answer, missing evidence.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A yes answer that the criterion's `verify` check contradicts.
    Contradicted {
        /// The criterion's dimension, by index in the rubric.
        dimension: usize,
        /// The criterion, by index in its dimension.
        criterion: usize,
        /// Where the answer is written.
        at: Location,
        /// What the check counted.
        counts: Counts,
        /// The records that fail it.
        failing: Vec<RecordRef>,
    },
    /// A claim needing evidence that cites none.
    EvidenceMissing {
        /// The criterion's id.
        criterion: String,
        /// Where the answer is written.
        at: Location,
    },
    /// A claim whose evidence is all older than the rubric accepts.
    EvidenceStale {
        /// The criterion's id.
        criterion: String,
        /// Where the answer is written.
        at: Location,
        /// The rubric's `evidence_max_age_days`.
        days: u32,
        /// The assessment date.
        assessed_on: chrono::NaiveDate,
    },
    /// An answer citing evidence dated after the assessment date, which is not counted.
    EvidenceFuture {
        /// The criterion's id.
        criterion: String,
        /// Where the answer is written.
        at: Location,
        /// The latest date cited.
        date: chrono::NaiveDate,
        /// The assessment date.
        assessed_on: chrono::NaiveDate,
    },
    /// The inventory names another agency than the questionnaire.
    AgencyMismatch {
        /// The inventory's agency id.
        inventory: String,
        /// The questionnaire's agency id.
        questionnaire: String,
        /// Where the inventory names it.
        at: Location,
    },
    /// A record that breaks one of the rubric's record rules.
    RecordRule {
        /// The collection's index in the rubric.
        collection: usize,
        /// The rule's index in the collection.
        rule: usize,
        /// The record's key.
        key: String,
        /// Where the record starts.
        at: Location,
        /// The waiver that exempts this breach, if one is in force.
        waiver: Option<Box<crate::model::waivers::Waiver>>,
    },
    /// A waiver whose `expires` is before the assessment date: set aside as if absent.
    WaiverExpired {
        /// The waiver.
        waiver: Box<crate::model::waivers::Waiver>,
        /// The assessment date.
        assessed_on: chrono::NaiveDate,
    },
    /// A waiver in force that exempted nothing.
    WaiverUnused {
        /// The waiver.
        waiver: Box<crate::model::waivers::Waiver>,
        /// Why it matched nothing.
        why: super::waivers::Unused,
    },
    /// A questionnaire submitted without an inventory, against a rubric that checks one.
    NoInventory {
        /// How many criteria are computed from the inventory (and so left unanswered).
        computed: usize,
        /// How many answers the inventory would have verified (and so were not).
        verified: usize,
        /// The questionnaire.
        at: Location,
    },
    /// Questions of one dimension left unanswered (`check` only).
    Unanswered {
        /// The dimension, by index in the rubric.
        dimension: usize,
        /// The criteria, by id, in rubric order.
        criteria: Vec<String>,
        /// Where the first of them is listed blank, else the questionnaire.
        at: Location,
    },
    /// An agency id or name that is empty or a template's placeholder (`check` only).
    PlaceholderAgency {
        /// Which of the two.
        field: AgencyField,
        /// What it says.
        value: String,
        /// Where.
        at: Location,
    },
    /// The evaluation that would have overdrawn the submission's rule budget; the rules that
    /// needed more were not evaluated, so the assessment is not to be trusted.
    RuleBudget {
        /// The collection.
        collection: String,
        /// The record's key.
        key: String,
        /// What would have been spent, and the budget.
        error: String,
        /// Where the record starts.
        at: Location,
    },
    /// An answer to a question whose `applies_when` condition is false: not counted.
    AnswerNotApplicable {
        /// The criterion's id.
        criterion: String,
        /// The condition.
        condition: String,
        /// Where the answer is written.
        at: Location,
    },
    /// An `applies_when` condition that could not be evaluated: the criterion applies.
    ConditionError {
        /// The criterion's id.
        criterion: String,
        /// What the interpreter said.
        error: String,
        /// The questionnaire.
        at: Location,
    },
    /// A rubric expression that could not be evaluated on a record.
    RuleError {
        /// The collection.
        collection: String,
        /// The record's key.
        key: String,
        /// What the interpreter said.
        error: String,
        /// Where the record starts.
        at: Location,
    },
}

/// The agency's id or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyField {
    /// `agency.id`.
    Id,
    /// `agency.name`.
    Name,
}

/// Per record of a collection: whether a filter selects it, or why it could not tell.
pub type Selection = Rc<[Result<bool, String>]>;

/// The CEL context and inputs shared by every evaluation of one assessment.
pub struct Evaluator<'a> {
    /// The rubric.
    pub rubric: &'a Rubric,
    /// The inventory.
    pub inventory: &'a Inventory,
    /// The CEL environment and `assessed_on`.
    pub scope: crate::rules::Scope<'a>,
    /// Results of `where` filters by (collection, expression text): rubrics reuse the same
    /// selection (`status == "production"`) in many checks, so each is evaluated once per record.
    pub selections: RefCell<HashMap<(usize, &'a str), Selection>>,
    /// Whether the rule budget's overdraft was reported (once: every later evaluation that
    /// needs steps fails the same way).
    budget_reported: std::cell::Cell<bool>,
}

impl<'a> Evaluator<'a> {
    /// An evaluator of `rubric`'s expressions over `inventory`.
    pub fn new(rubric: &'a Rubric, inventory: &'a Inventory, scope: crate::rules::Scope<'a>) -> Self {
        Evaluator {
            rubric,
            inventory,
            scope,
            selections: RefCell::default(),
            budget_reported: std::cell::Cell::new(false),
        }
    }

    /// Which records of collection `i` the filter `expr` selects (or why it could not tell).
    fn selection(&self, i: usize, expr: &'a Expr, records: &[Record]) -> Selection {
        let key = (i, expr.source.as_str());
        if let Some(done) = self.selections.borrow().get(&key) {
            return done.clone();
        }
        let results: Selection = records.iter().map(|r| expr.eval(&self.scope, &r.values)).collect();
        self.selections.borrow_mut().insert(key, results.clone());
        results
    }

    fn records(&self, collection: &str) -> (usize, &[Record]) {
        let i = self
            .rubric
            .inventory
            .0
            .iter()
            .position(|(k, _)| k.value == collection)
            .unwrap_or(usize::MAX);
        (i, self.inventory.collections.get(i).map_or(&[][..], Vec::as_slice))
    }

    /// Runs a check over its collection.
    pub fn check(&self, check: &'a Check, issues: &mut Vec<Issue>) -> CheckOutcome {
        let name = check.collection.value.as_str();
        let (i, records) = self.records(name);
        let selection = check.filter.as_ref().map(|f| self.selection(i, f, records));
        let mut selected = 0;
        let mut passing = 0;
        let mut failing = Vec::new();
        for (n, r) in records.iter().enumerate() {
            if let Some(selection) = &selection {
                match &selection[n] {
                    Ok(true) => {}
                    Ok(false) => continue,
                    Err(e) => {
                        issues.extend(self.eval_error(name, r, e));
                        continue;
                    }
                }
            }
            selected += 1;
            let ok = match &check.require {
                None => true,
                Some(req) => req.eval(&self.scope, &r.values).unwrap_or_else(|e| {
                    issues.extend(self.eval_error(name, r, &e));
                    false
                }),
            };
            if ok {
                passing += 1;
            } else {
                failing.push(RecordRef::of(name, r));
            }
        }
        let (status, counts) = judge(check, selected, passing);
        CheckOutcome { status, counts, failing }
    }

    /// The issue of an expression that failed on record `r`: a rule error, or the first
    /// overdraft of the rule budget (later overdrafts add nothing).
    fn eval_error(&self, collection: &str, r: &Record, e: &str) -> Option<Issue> {
        let (collection, key, error, at) = (collection.to_string(), r.key.clone(), e.to_string(), r.location.clone());
        if !self.scope.steps.overdrawn() {
            return Some(Issue::RuleError {
                collection,
                key,
                error,
                at,
            });
        }
        if self.budget_reported.replace(true) {
            return None;
        }
        Some(Issue::RuleBudget {
            collection,
            key,
            error,
            at,
        })
    }

    /// Runs every record rule of the rubric; each failing record is an issue.
    pub fn record_rules(&self, issues: &mut Vec<Issue>) {
        for (ci, (name, coll)) in self.rubric.inventory.0.iter().enumerate() {
            let (_, records) = self.records(&name.value);
            for (ri, rule) in coll.rules.iter().enumerate() {
                for r in records {
                    let applies = match &rule.when {
                        None => Ok(true),
                        Some(when) => when.eval(&self.scope, &r.values),
                    };
                    let outcome = applies.and_then(|a| if a { rule.require.eval(&self.scope, &r.values) } else { Ok(true) });
                    match outcome {
                        Ok(true) => {}
                        Ok(false) => issues.push(Issue::RecordRule {
                            collection: ci,
                            rule: ri,
                            key: r.key.clone(),
                            at: r.location.clone(),
                            waiver: None,
                        }),
                        Err(e) => issues.extend(self.eval_error(&name.value, r, &e)),
                    }
                }
            }
        }
    }
}

/// The status of a check from its counts, and what fell short.
fn judge(check: &Check, selected: usize, passing: usize) -> (Status, Counts) {
    let mut counts = Counts {
        selected,
        passing,
        shortfall: Shortfall::default(),
    };
    if selected == 0 {
        let status = match check.when_empty {
            WhenEmpty::Met => Status::Met,
            WhenEmpty::NotMet => Status::NotMet,
            WhenEmpty::NotApplicable => Status::NotApplicable,
        };
        return (status, counts);
    }
    let min_ratio = match (check.min_ratio, check.min_count) {
        (None, None) => Some(1.0),
        (r, _) => r,
    };
    let ratio = passing as f64 / selected as f64;
    counts.shortfall = Shortfall {
        ratio: min_ratio.filter(|m| ratio + 1e-9 < *m),
        count: check.min_count.filter(|n| (passing as u64) < *n),
    };
    let met = counts.shortfall == Shortfall::default();
    (if met { Status::Met } else { Status::NotMet }, counts)
}

impl RecordRef {
    fn of(collection: &str, r: &Record) -> Self {
        RecordRef {
            collection: collection.to_string(),
            key: r.key.clone(),
            location: r.location.clone(),
        }
    }
}
