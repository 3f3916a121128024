//! Inventory checks (`check:` and `verify:`) and record rules, evaluated with CEL.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::finding::{Finding, Rule, RuleId};
use crate::model::inventory::{Inventory, Record};
use crate::model::rubric::{Check, Rubric, WhenEmpty};
use crate::rules::Expr;

use super::{RecordRef, Status};

/// The outcome of one inventory check.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    /// met, not_met or not_applicable.
    pub status: Status,
    /// Records selected by `where`.
    pub selected: usize,
    /// Selected records that satisfy `require`.
    pub passing: usize,
    /// The check's result in words.
    pub detail: String,
    /// The selected records that fail `require`.
    pub failing: Vec<RecordRef>,
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
    /// The language of the details it writes (`vi`, else English).
    pub lang: &'a str,
}

impl<'a> Evaluator<'a> {
    /// An evaluator of `rubric`'s expressions over `inventory`.
    pub fn new(rubric: &'a Rubric, inventory: &'a Inventory, scope: crate::rules::Scope<'a>) -> Self {
        Evaluator {
            rubric,
            inventory,
            scope,
            selections: RefCell::default(),
            lang: "en",
        }
    }

    /// The same evaluator, writing its details in `lang` (`vi`, else English).
    pub fn in_lang(mut self, lang: &'a str) -> Self {
        self.lang = lang;
        self
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
    pub fn check(&self, check: &'a Check, findings: &mut Vec<Finding>) -> CheckOutcome {
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
                        findings.push(eval_error(name, r, e));
                        continue;
                    }
                }
            }
            selected += 1;
            let ok = match &check.require {
                None => true,
                Some(req) => req.eval(&self.scope, &r.values).unwrap_or_else(|e| {
                    findings.push(eval_error(name, r, &e));
                    false
                }),
            };
            if ok {
                passing += 1;
            } else {
                failing.push(RecordRef::of(name, r));
            }
        }
        let (status, detail) = if self.lang == "vi" {
            // Vietnamese readers see the collection's title, not its key.
            let (i, _) = self.records(name);
            let title = self
                .rubric
                .inventory
                .0
                .get(i)
                .and_then(|(_, c)| c.title.as_ref())
                .map(|t| t.get("vi").to_lowercase());
            judge(check, title.as_deref().unwrap_or(name), selected, passing, true)
        } else {
            judge(check, name, selected, passing, false)
        };
        CheckOutcome {
            status,
            selected,
            passing,
            detail,
            failing,
        }
    }

    /// Runs every record rule of the rubric; each failing record is a finding.
    pub fn record_rules(&self, lang: &str, findings: &mut Vec<Finding>) {
        for (name, coll) in &self.rubric.inventory.0 {
            let (_, records) = self.records(&name.value);
            for rule in &coll.rules {
                for r in records {
                    let applies = match &rule.when {
                        None => Ok(true),
                        Some(when) => when.eval(&self.scope, &r.values),
                    };
                    let outcome = applies.and_then(|a| if a { rule.require.eval(&self.scope, &r.values) } else { Ok(true) });
                    match outcome {
                        Ok(true) => {}
                        Ok(false) => {
                            let mut f = Finding::error(
                                RuleId::Rubric(rule.id.value.clone()),
                                format!("{} `{}`: {}", name.value, r.key, rule.message.get(lang)),
                                Some(r.location.clone()),
                            );
                            f.severity = rule.severity;
                            f.help = rule.help.as_ref().map(|h| h.get(lang).to_string());
                            findings.push(f);
                        }
                        Err(e) => findings.push(eval_error(&name.value, r, &e)),
                    }
                }
            }
        }
    }
}

fn eval_error(collection: &str, r: &Record, e: &str) -> Finding {
    Finding::warning(Rule::RuleError, format!("{collection} `{}`: {e}", r.key), Some(r.location.clone()))
        .with_help("the record is counted as failing; guard optional fields with `field != null && ...` in the rubric")
}

/// The status and wording of a check's counts.
fn judge(check: &Check, collection: &str, selected: usize, passing: usize, vi: bool) -> (Status, String) {
    if selected == 0 {
        let status = match check.when_empty {
            WhenEmpty::Met => Status::Met,
            WhenEmpty::NotMet => Status::NotMet,
            WhenEmpty::NotApplicable => Status::NotApplicable,
        };
        return (
            status,
            if vi {
                format!("không có {collection} nào được chọn")
            } else {
                format!("no {collection} selected")
            },
        );
    }
    let min_ratio = match (check.min_ratio, check.min_count) {
        (None, None) => Some(1.0),
        (r, _) => r,
    };
    let ratio = passing as f64 / selected as f64;
    let ratio_ok = min_ratio.is_none_or(|m| ratio + 1e-9 >= m);
    let count_ok = check.min_count.is_none_or(|n| passing as u64 >= n);
    let failing = selected - passing;
    let pct = ratio * 100.0;
    let mut detail = match (check.require.is_some(), vi) {
        (true, false) => format!("{passing} of {selected} selected {collection} pass ({pct:.0}%)"),
        (true, true) => format!("{passing}/{selected} {collection} được chọn đạt ({pct:.0}%)"),
        (false, false) => format!("{selected} {collection} selected"),
        (false, true) => format!("{selected} {collection} được chọn"),
    };
    if !ratio_ok && let Some(m) = min_ratio {
        let need = m * 100.0;
        detail.push_str(&if vi {
            format!("; {failing} không đạt, cần {need:.0}%")
        } else {
            format!("; {failing} fail, {need:.0}% needed")
        });
    }
    if !count_ok && let Some(n) = check.min_count {
        detail.push_str(&if vi {
            format!("; cần ít nhất {n}")
        } else {
            format!("; at least {n} needed")
        });
    }
    let status = if ratio_ok && count_ok { Status::Met } else { Status::NotMet };
    (status, detail)
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
