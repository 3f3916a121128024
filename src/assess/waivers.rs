//! Applying waivers: which are in force on the assessment date, which criteria and record-rule
//! breaches they exempt, and which matched nothing.
//!
//! A waiver in force on `assessed_on` (its `expires` is that day or later) turns a criterion that
//! is not met into `waived` (it leaves the denominator like `not_applicable` and is never a gap),
//! and marks the record-rule breaches it names as waived (kept, shown, failing no gate). An
//! expired waiver is set aside as if absent, with a `waiver-expired` issue; a waiver in force
//! that exempts nothing (its criterion is met, does not apply or is not in the rubric; its
//! records break no such rule) raises `waiver-unused`, so that stale waivers surface at once.

use crate::model::rubric::Rubric;
use crate::model::waivers::{Waived, Waiver, Waivers};

use super::{Issue, Status};

/// Why a waiver in force exempted nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unused {
    /// The rubric has no criterion of that id.
    NoCriterion,
    /// The criterion has a status that needs no waiver (met, not applicable).
    NotNeeded(Status),
    /// The rubric has no record rule of that id.
    NoRule,
    /// These records break no such rule (or are not in the inventory).
    Records(Vec<String>),
}

/// The waivers of one assessment, and which of them were used.
pub(super) struct Ledger {
    /// The waivers in force on the assessment date.
    active: Vec<Waiver>,
    /// Per active waiver: whether it exempted a criterion; for a rule waiver, which of its
    /// records it exempted.
    used: Vec<Vec<bool>>,
    /// Whether every waiver was ignored (`--no-waivers`).
    pub(super) ignored: bool,
}

impl Ledger {
    /// Sets aside the waivers expired on `assessed_on`, each with a `waiver-expired` issue.
    pub(super) fn new(waivers: &Waivers, assessed_on: chrono::NaiveDate, issues: &mut Vec<Issue>) -> Self {
        let mut active = Vec::new();
        for w in waivers.in_force() {
            if w.expires < assessed_on {
                issues.push(Issue::WaiverExpired {
                    waiver: Box::new(w.clone()),
                    assessed_on,
                });
            } else {
                active.push(w.clone());
            }
        }
        let used = active
            .iter()
            .map(|w| match &w.waived {
                Waived::Criterion(_) => vec![false],
                Waived::Rule { records, .. } => vec![false; records.len()],
            })
            .collect();
        Ledger {
            active,
            used,
            ignored: waivers.ignored,
        }
    }

    /// The waiver that exempts criterion `id` with `status`, if any (marking it used).
    pub(super) fn criterion(&mut self, id: &str, status: Status) -> Option<Waiver> {
        if matches!(status, Status::Met | Status::NotApplicable) {
            return None;
        }
        let i = self
            .active
            .iter()
            .position(|w| matches!(&w.waived, Waived::Criterion(c) if c == id))?;
        self.used[i][0] = true;
        Some(self.active[i].clone())
    }

    /// Marks the record-rule breaches among `issues` that a waiver names.
    pub(super) fn record_rules(&mut self, rubric: &Rubric, issues: &mut [Issue]) {
        for issue in issues {
            let Issue::RecordRule {
                collection,
                rule,
                key,
                waiver,
                ..
            } = issue
            else {
                continue;
            };
            let id = &rubric.inventory.0[*collection].1.rules[*rule].id.value;
            for (i, w) in self.active.iter().enumerate() {
                if let Waived::Rule { rule: r, records } = &w.waived
                    && r == id
                    && let Some(k) = records.iter().position(|k| k == key)
                {
                    self.used[i][k] = true;
                    *waiver = Some(Box::new(w.clone()));
                    break;
                }
            }
        }
    }

    /// A `waiver-unused` issue for every waiver in force that exempted nothing (or, for a rule
    /// waiver, for the records it exempted no breach of). `statuses` gives a criterion id's
    /// status, when the rubric has it.
    pub(super) fn finish(self, rubric: &Rubric, status_of: impl Fn(&str) -> Option<Status>, issues: &mut Vec<Issue>) {
        let rule_exists = |id: &str| rubric.inventory.0.iter().any(|(_, c)| c.rules.iter().any(|r| r.id.value == id));
        for (w, used) in self.active.into_iter().zip(self.used) {
            let why = match &w.waived {
                Waived::Criterion(_) if used[0] => continue,
                Waived::Criterion(id) => match status_of(id) {
                    Some(status) => Unused::NotNeeded(status),
                    None => Unused::NoCriterion,
                },
                Waived::Rule { rule, .. } if !rule_exists(rule) => Unused::NoRule,
                Waived::Rule { records, .. } => {
                    let idle: Vec<String> = records.iter().zip(&used).filter(|(_, u)| !**u).map(|(k, _)| k.clone()).collect();
                    if idle.is_empty() {
                        continue;
                    }
                    Unused::Records(idle)
                }
            };
            issues.push(Issue::WaiverUnused { waiver: Box::new(w), why });
        }
    }
}
