//! What an assessment finds: a criterion's status and detail, a dimension's level, the target,
//! the gaps and the whole [`Assessment`]. Types only, with the few questions they answer of
//! themselves; [`super::assess`] fills them in.

use serde::Serialize;

use super::checks::{Counts, Issue};
use super::explain;

use crate::location::Location;
use crate::model::questionnaire::{Agency, Answer, AnswerValue};
use crate::model::rubric::Rubric;
use crate::model::waivers::Waiver;

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
    /// Every status, in the order of the SPEC's list.
    pub const ALL: [Status; 9] = [
        Status::Met,
        Status::Partial,
        Status::NotMet,
        Status::Unanswered,
        Status::EvidenceMissing,
        Status::EvidenceStale,
        Status::Contradicted,
        Status::NotApplicable,
        Status::Waived,
    ];

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
    /// Whether the criterion counts towards levels and gaps (see [`crate::model::rubric::Criterion::counts`]).
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
    /// The dimensions below `level` (id, level), for gate messages.
    pub fn dimensions_below(&self, rubric: &Rubric, level: u8) -> Vec<(String, u8)> {
        rubric
            .dimensions
            .iter()
            .zip(&self.dimensions)
            .filter(|(_, r)| r.level < level)
            .map(|(d, r)| (d.id.value.clone(), r.level))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    /// Where each status stands in [`Status::ALL`]: a new status fails to compile here until it
    /// is placed, so the list cannot silently miss one.
    fn position(s: Status) -> usize {
        match s {
            Status::Met => 0,
            Status::Partial => 1,
            Status::NotMet => 2,
            Status::Unanswered => 3,
            Status::EvidenceMissing => 4,
            Status::EvidenceStale => 5,
            Status::Contradicted => 6,
            Status::NotApplicable => 7,
            Status::Waived => 8,
        }
    }

    #[test]
    fn all_lists_every_status_once() {
        for (i, s) in Status::ALL.into_iter().enumerate() {
            assert_eq!(position(s), i, "{}", s.as_str());
        }
    }
}
