//! One submission from loaded inputs to an assessment with its findings: the sequence every
//! command that assesses (`assess`, `report`, `check`, `diff`, `batch`) shares, so that they
//! cannot disagree on what a submission scores or which findings it has.
//!
//! Sits above `report` (findings are phrased there) and below `commands` and `batch`.

use crate::assess::{Assessment, TargetChoice};
use crate::finding::{Finding, merged};
use crate::lang::Lang;
use crate::model::submission::Submission;

/// An assessed submission.
#[derive(Debug)]
pub struct Assessed {
    /// Levels, criteria, gaps and the issues found.
    pub assessment: Assessment,
    /// The load warnings and the assessment's issues as findings, sorted, in `lang`.
    pub findings: Vec<Finding>,
}

impl Assessed {
    /// How many of its findings are errors.
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }
}

/// Assesses `sub` against `target`; `today` dates a questionnaire that gives no date.
pub fn assess(sub: &Submission, target: &TargetChoice, lang: Lang, today: chrono::NaiveDate) -> Assessed {
    let assessment = crate::assess::assess(
        &sub.rubric,
        (sub.questionnaire.as_ref(), &sub.inventory, &sub.waivers),
        target,
        today,
    );
    let issues = crate::report::phrase::findings(&sub.rubric.rubric, &assessment.issues, lang);
    Assessed {
        findings: merged(&sub.warnings, issues),
        assessment,
    }
}

/// What `check` adds to an assessment's findings: questions left blank, an agency still named
/// by a placeholder.
pub fn completeness(sub: &Submission, assessment: &Assessment) -> Vec<Finding> {
    let issues = crate::assess::completeness(&sub.rubric.rubric, sub.questionnaire.as_ref(), assessment);
    crate::report::phrase::findings(&sub.rubric.rubric, &issues, Lang::En)
}

/// Every finding `check` reports on what loaded of a submission with errors (`partial`): the
/// record rules run on the records that typed, contradictions and evidence of the answers that
/// were accepted, and what [`completeness`] finds.
pub fn check_findings(partial: &Submission, lang: Lang, today: chrono::NaiveDate) -> Vec<Finding> {
    let assessed = assess(partial, &TargetChoice::Default, lang, today);
    merged(&assessed.findings, completeness(partial, &assessed.assessment))
}

/// A self-assessment beside its verified assessment (see [`crate::assess::reconcile`]).
#[derive(Debug)]
pub struct Reconciled {
    /// The agency's own assessment.
    pub own: Assessed,
    /// The verified assessment: the inspector's answers where given, the agency's elsewhere,
    /// on the inspector's inventory if given, else the agency's.
    pub verified: Assessed,
    /// Agreement and disagreements between the two.
    pub comparison: crate::assess::reconcile::Comparison,
    /// The date of the inspector's questionnaire, when it gives one.
    pub inspected_on: Option<chrono::NaiveDate>,
}

/// Assesses the agency's submission `own` and its verification by `inspector` (both loaded
/// against one rubric) and compares them.
pub fn reconcile(own: &Submission, inspector: &Submission, target: &TargetChoice, lang: Lang, today: chrono::NaiveDate) -> Reconciled {
    let own_assessed = assess(own, target, lang, today);
    let (verified, comparison) = verify(own, &own_assessed.assessment, inspector, target, lang, today);
    Reconciled {
        own: own_assessed,
        verified,
        comparison,
        inspected_on: inspector.questionnaire.as_ref().and_then(|q| q.assessed_on),
    }
}

/// The verified assessment of `own` (already assessed as `assessment`) by `inspector`, and how
/// it compares with the agency's.
pub fn verify(
    own: &Submission,
    assessment: &Assessment,
    inspector: &Submission,
    target: &TargetChoice,
    lang: Lang,
    today: chrono::NaiveDate,
) -> (Assessed, crate::assess::reconcile::Comparison) {
    use crate::assess::reconcile;
    let questionnaire = reconcile::verified_questionnaire(own.questionnaire.as_ref(), inspector.questionnaire.as_ref());
    let inventory = reconcile::verified_inventory(&own.inventory, &inspector.inventory);
    let verified = crate::assess::assess(&own.rubric, (questionnaire.as_ref(), inventory, &own.waivers), target, today);
    let issues = crate::report::phrase::findings(&own.rubric.rubric, &verified.issues, lang);
    let inspected = reconcile::inspected(&own.rubric.rubric, inspector.questionnaire.as_ref(), &inspector.inventory);
    let comparison = reconcile::compare(assessment, &verified, inspected);
    let verified = Assessed {
        findings: merged(&inspector.warnings, issues),
        assessment: verified,
    };
    (verified, comparison)
}
