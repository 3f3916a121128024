//! Reconciliation of a self-assessment with an inspector's: the verified questionnaire (the
//! inspector's answer wherever the inspector answered, the agency's elsewhere), which criteria the
//! inspector assessed, the criteria where the two differ with the direction of each difference,
//! and the agreement between the two as a rate and Cohen's kappa.
//!
//! Pure: the two assessments come in, facts go out. Kappa is computed exactly from integer
//! counts; see [`Agreement::kappa`].

use std::collections::HashMap;

use serde::Serialize;

use super::{Assessment, CriterionResult, Status};
use crate::model::inventory::Inventory;
use crate::model::questionnaire::{Answer, Questionnaire, rubric_id};
use crate::model::rubric::Rubric;
use crate::model::submission::Submission;

/// The categories agreement and kappa are computed over: a criterion's status collapsed by the
/// credit it earns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// `met`: full credit.
    Met,
    /// `partial`: some credit.
    Partial,
    /// No credit: `not_met`, `unanswered`, `evidence_missing`, `evidence_stale`, `contradicted`.
    NotMet,
    /// `not_applicable`: out of the denominator.
    NotApplicable,
}

impl Category {
    /// Every category, in the order of an [`Agreement`]'s matrix.
    pub const ALL: [Category; 4] = [Category::Met, Category::Partial, Category::NotMet, Category::NotApplicable];

    /// The category of a status.
    pub fn of(status: Status) -> Self {
        match status {
            Status::Met => Category::Met,
            Status::Partial => Category::Partial,
            // A waiver takes a criterion out of the denominator, as n/a does.
            Status::NotApplicable | Status::Waived => Category::NotApplicable,
            Status::NotMet | Status::Unanswered | Status::EvidenceMissing | Status::EvidenceStale | Status::Contradicted => {
                Category::NotMet
            }
        }
    }

    fn position(self) -> usize {
        self as usize
    }
}

/// Which way the agency's claim differs from the verified result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The agency claimed more credit than verified: it over-claimed.
    Over,
    /// The agency claimed less credit than verified: it under-claimed.
    Under,
    /// Same credit (a different answer or status earning the same).
    None,
}

/// Agreement between the agency and the inspector over the criteria the inspector assessed:
/// `matrix[a][i]` counts the criteria the agency's assessment puts in category `a` and the
/// verified one in category `i` (in [`Category::ALL`] order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Agency category (row) by verified category (column).
    pub matrix: [[u64; 4]; 4],
}

impl Agreement {
    /// Counts one criterion.
    pub fn add(&mut self, own: Status, verified: Status) {
        self.matrix[Category::of(own).position()][Category::of(verified).position()] += 1;
    }

    /// Adds another agreement's counts (pooling agencies or dimensions).
    pub fn merge(&mut self, other: &Agreement) {
        for (row, other) in self.matrix.iter_mut().zip(&other.matrix) {
            for (cell, o) in row.iter_mut().zip(other) {
                *cell += o;
            }
        }
    }

    /// Criteria compared.
    pub fn criteria(&self) -> u64 {
        self.matrix.iter().flatten().sum()
    }

    /// Criteria in the same category on both sides.
    pub fn agree(&self) -> u64 {
        (0..4).map(|k| self.matrix[k][k]).sum()
    }

    /// Criteria in different categories.
    pub fn disagree(&self) -> u64 {
        self.criteria() - self.agree()
    }

    /// The observed agreement p_o = agree / criteria; `None` without criteria.
    pub fn rate(&self) -> Option<f64> {
        let n = self.criteria();
        (n > 0).then(|| self.agree() as f64 / n as f64)
    }

    /// The agreement expected by chance, p_e = Σ_k (row_k / n) (col_k / n); `None` without criteria.
    pub fn expected(&self) -> Option<f64> {
        let n = self.criteria();
        (n > 0).then(|| self.chance() as f64 / (n * n) as f64)
    }

    /// Σ_k row_k × col_k: n² × p_e, an integer.
    fn chance(&self) -> u64 {
        (0..4)
            .map(|k| {
                let row: u64 = self.matrix[k].iter().sum();
                let col: u64 = self.matrix.iter().map(|r| r[k]).sum();
                row * col
            })
            .sum()
    }

    /// Cohen's kappa, (p_o − p_e) / (1 − p_e), computed from the integer counts as
    /// (n × agree − Σ row_k col_k) / (n² − Σ row_k col_k) so that only the last division rounds.
    /// `None` without criteria, and when p_e = 1: both sides put every criterion in one and the
    /// same category, the agreement is perfect but chance alone explains it, and kappa is 0 / 0.
    pub fn kappa(&self) -> Option<f64> {
        let n = self.criteria();
        let chance = self.chance();
        if n == 0 || chance == n * n {
            return None;
        }
        let num = (n * self.agree()) as f64 - chance as f64;
        let den = (n * n - chance) as f64;
        Some(num / den)
    }
}

/// A criterion where the agency's result and the verified one differ in answer or status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// Index of the dimension.
    pub dimension: usize,
    /// Index of the criterion in the dimension.
    pub criterion: usize,
    /// Which way the agency's claim differs.
    pub direction: Direction,
    /// Whether the inspector assessed the criterion (answered it, or, for a criterion computed
    /// from the inventory, gave an inventory); when not, the agency's answer was re-evaluated on
    /// the inspector's inventory.
    pub inspected: bool,
}

/// What a reconciliation found, beside the two assessments.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// Per dimension and criterion, in rubric order: whether the inspector assessed it.
    pub inspected: Vec<Vec<bool>>,
    /// Agreement over every criterion the inspector assessed.
    pub agreement: Agreement,
    /// Agreement per dimension, in rubric order.
    pub dimensions: Vec<Agreement>,
    /// Every criterion whose answer or status differs, in rubric order.
    pub disagreements: Vec<Disagreement>,
}

impl Comparison {
    /// How many criteria the inspector did not assess (the agency's answer is kept).
    pub fn unverified(&self) -> usize {
        self.inspected.iter().flatten().filter(|i| !**i).count()
    }
}

/// Why two submissions cannot be reconciled: each side's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// They are of different agencies (ids compared NFC-normalised and trimmed).
    Agency {
        /// The agency's submission's agency id.
        own: String,
        /// The inspector's.
        inspector: String,
    },
    /// They answer different rubrics (`id@version`, as loaded or as the questionnaires name them).
    Rubric {
        /// The agency's submission's rubric.
        own: String,
        /// The inspector's.
        inspector: String,
    },
}

/// Whether `own` and `inspector` cannot be reconciled: they name different agencies, were
/// loaded against different rubrics, or their questionnaires name different rubrics.
pub fn mismatch(own: &Submission, inspector: &Submission) -> Option<Mismatch> {
    let label = |s: &Submission| format!("{}@{}", s.rubric.rubric.id.value, s.rubric.rubric.version);
    if own.rubric.sha256 != inspector.rubric.sha256 {
        let (a, b) = (label(own), label(inspector));
        // Two files may share an id and version and still differ: then name their files.
        let (a, b) = if a == b {
            (format!("{a} ({})", own.rubric.file), format!("{b} ({})", inspector.rubric.file))
        } else {
            (a, b)
        };
        return Some(Mismatch::Rubric { own: a, inspector: b });
    }
    // A questionnaire naming no version answers the version loaded.
    let named = |s: &Submission| {
        let (reference, _) = s.questionnaire.as_ref()?.rubric.as_ref()?;
        Some(match reference.split_once('@') {
            Some(_) => reference.clone(),
            None => format!("{}@{}", rubric_id(reference), s.rubric.rubric.version),
        })
    };
    if let (Some(a), Some(b)) = (named(own), named(inspector))
        && a != b
    {
        return Some(Mismatch::Rubric { own: a, inspector: b });
    }
    let agency = |s: &Submission| {
        s.questionnaire
            .as_ref()
            .map(|q| q.agency.id.clone())
            .or_else(|| s.inventory.agency.as_ref().map(|(id, _)| id.clone()))
    };
    match (agency(own), agency(inspector)) {
        (Some(a), Some(b)) if super::agency_id::agency_key(&a) != super::agency_id::agency_key(&b) => {
            Some(Mismatch::Agency { own: a, inspector: b })
        }
        _ => None,
    }
}

/// Why an inspector's submission found by `batch --verified` verified no agency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InspectionNote {
    /// Its agency has no assessed submission in the batch.
    Unmatched {
        /// The inspector's submission, relative to `--verified`.
        path: String,
        /// The agency it names.
        agency: String,
    },
    /// Several inspector submissions name one agency: none of them is used.
    Ambiguous {
        /// Their paths, sorted.
        paths: Vec<String>,
        /// The agency.
        agency: String,
    },
    /// It could not be read, names no agency, or answers another rubric: `why`, located.
    Unusable {
        /// The inspector's submission.
        path: String,
        /// Why.
        why: String,
    },
}

/// The questionnaire of the verified assessment: the agency's, with each answer the inspector
/// gave in place of the agency's. An inspector's answer that cites no evidence keeps the
/// agency's evidence (the inspector judged the answer; the documents behind it are the agency's).
/// The agency, date and respondent stay the agency's, so that both assessments are made at the
/// same date and differ only by the answers and the inventory.
pub fn verified_questionnaire(own: Option<&Questionnaire>, inspector: Option<&Questionnaire>) -> Option<Questionnaire> {
    let base = own.or(inspector)?;
    let mut answers: HashMap<String, Answer> = own.map(|q| q.answers.clone()).unwrap_or_default();
    for (id, answer) in inspector.map(|q| &q.answers).into_iter().flatten() {
        let mut answer = answer.clone();
        if answer.evidence.is_empty()
            && let Some(mine) = own.and_then(|q| q.answers.get(id))
        {
            answer.evidence = mine.evidence.clone();
        }
        answers.insert(id.clone(), answer);
    }
    Some(Questionnaire {
        file: base.file.clone(),
        agency: base.agency.clone(),
        agency_location: base.agency_location.clone(),
        agency_name_location: base.agency_name_location.clone(),
        rubric: base.rubric.clone(),
        assessed_on: base.assessed_on,
        respondent: base.respondent.clone(),
        answers,
        rejected: Vec::new(),
        answers_location: base.answers_location.clone(),
        blank: Vec::new(),
    })
}

/// The inventory the verified assessment uses: the inspector's if the inspector gave one, else
/// the agency's.
pub fn verified_inventory<'a>(own: &'a Inventory, inspector: &'a Inventory) -> &'a Inventory {
    if inspector.submitted { inspector } else { own }
}

/// Whether the inspector assessed each criterion of `rubric`: answered it, or, for a criterion
/// computed from the inventory, gave an inventory.
pub fn inspected(rubric: &Rubric, inspector: Option<&Questionnaire>, inventory: &Inventory) -> Vec<Vec<bool>> {
    rubric
        .dimensions
        .iter()
        .map(|d| {
            d.criteria
                .iter()
                .map(|c| {
                    if c.check.is_some() {
                        inventory.submitted
                    } else {
                        inspector.is_some_and(|q| q.answers.contains_key(&c.id.value))
                    }
                })
                .collect()
        })
        .collect()
}

/// Compares the agency's assessment `own` with the `verified` one, criterion by criterion.
pub fn compare(own: &Assessment, verified: &Assessment, inspected: Vec<Vec<bool>>) -> Comparison {
    let mut agreement = Agreement::default();
    let mut dimensions = Vec::with_capacity(own.dimensions.len());
    let mut disagreements = Vec::new();
    for (di, (mine, theirs)) in own.dimensions.iter().zip(&verified.dimensions).enumerate() {
        let mut dim = Agreement::default();
        for (ci, (a, v)) in mine.criteria.iter().zip(&theirs.criteria).enumerate() {
            let was_inspected = inspected.get(di).and_then(|d| d.get(ci)).copied().unwrap_or(false);
            if was_inspected {
                dim.add(a.status, v.status);
            }
            if differs(a, v) {
                disagreements.push(Disagreement {
                    dimension: di,
                    criterion: ci,
                    direction: direction(a, v),
                    inspected: was_inspected,
                });
            }
        }
        agreement.merge(&dim);
        dimensions.push(dim);
    }
    Comparison {
        inspected,
        agreement,
        dimensions,
        disagreements,
    }
}

/// Whether two results of one criterion differ in answer or status (a note alone does not).
fn differs(a: &CriterionResult, v: &CriterionResult) -> bool {
    a.status != v.status || a.answer.as_ref().map(|x| &x.value) != v.answer.as_ref().map(|x| &x.value)
}

/// Which way the agency's result differs from the verified one, by the credit each claims; a
/// criterion that does not apply counts as full credit here, since it can never hold a level
/// back (so claiming `n/a` for a criterion verified `not_met` is an over-claim).
fn direction(a: &CriterionResult, v: &CriterionResult) -> Direction {
    let claim = |r: &CriterionResult| if r.status == Status::NotApplicable { 1.0 } else { r.credit };
    let (mine, theirs) = (claim(a), claim(v));
    if (mine - theirs).abs() < 1e-9 {
        Direction::None
    } else if mine > theirs {
        Direction::Over
    } else {
        Direction::Under
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agreement(pairs: &[(Status, Status)]) -> Agreement {
        let mut a = Agreement::default();
        for (own, verified) in pairs {
            a.add(*own, *verified);
        }
        a
    }

    #[test]
    fn kappa_of_a_textbook_table() {
        // 50 items, two categories: 20 both met, 5 met/not, 10 not/met, 15 both not.
        // p_o = 35/50 = 0.7; rows 25, 25; cols 30, 20; p_e = (25·30 + 25·20) / 2500 = 0.5;
        // kappa = (0.7 − 0.5) / 0.5 = 0.4.
        let mut a = Agreement::default();
        a.matrix[0][0] = 20;
        a.matrix[0][2] = 5;
        a.matrix[2][0] = 10;
        a.matrix[2][2] = 15;
        assert_eq!((a.criteria(), a.agree(), a.disagree()), (50, 35, 15));
        assert_eq!(a.expected(), Some(0.5));
        assert!((a.kappa().unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn kappa_is_undefined_when_chance_explains_everything() {
        // Every criterion met on both sides: p_o = p_e = 1, kappa = 0 / 0.
        let a = agreement(&[(Status::Met, Status::Met), (Status::Met, Status::Met)]);
        assert_eq!(a.rate(), Some(1.0));
        assert_eq!(a.expected(), Some(1.0));
        assert_eq!(a.kappa(), None);
        assert_eq!(Agreement::default().kappa(), None);
        assert_eq!(Agreement::default().rate(), None);
    }

    #[test]
    fn statuses_collapse_by_credit() {
        // unanswered vs not_met and evidence_missing vs contradicted agree; met vs partial do not.
        let a = agreement(&[
            (Status::Unanswered, Status::NotMet),
            (Status::EvidenceMissing, Status::Contradicted),
            (Status::Met, Status::Partial),
        ]);
        assert_eq!((a.agree(), a.disagree()), (2, 1));
        // rows: met 1, not met 2; cols: partial 1, not met 2; Σ row·col = 0 + 0 + 4 = 4;
        // kappa = (3·2 − 4) / (9 − 4) = 0.4.
        assert!((a.kappa().unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn perfect_agreement_over_several_categories_is_one() {
        let a = agreement(&[(Status::Met, Status::Met), (Status::NotMet, Status::Unanswered)]);
        assert_eq!(a.kappa(), Some(1.0));
    }
}
