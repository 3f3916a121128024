//! Findings: the one currency of everything dgmat reports about its inputs.
//!
//! Load errors (YAML syntax, unknown keys, wrong types), rubric validation problems, rule compile
//! errors and the rubric's record rules all become a [`Finding`]. Every output format (the text
//! renderer in [`crate::source`], the JSON report) reads findings and nothing else, so a problem
//! looks the same wherever it surfaces.

use serde::{Deserialize, Serialize};

use crate::location::Location;
pub use crate::rule::{Rule, RuleId};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is wrong; gates fail on it.
    #[default]
    Error,
    /// Worth fixing, but the input is usable.
    Warning,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Another place a finding points at: the records that contradict an answer, the record a
/// reference dangles from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct Related {
    /// Where.
    #[serde(flatten)]
    pub location: Location,
    /// What is there, in a few words (`systems mont-mining`).
    pub label: String,
}

/// One problem found in an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// Stable rule id: a rubric rule id (`SYS-LEVEL`) or one of dgmat's own (`unknown-key`).
    #[serde(rename = "id")]
    pub rule: RuleId,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where; `None` only for problems that belong to no file (a missing file, say).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Other places that explain the finding: the records that contradict an answer (shown
    /// as notes under the finding and as SARIF `relatedLocations`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The waiver that exempts it: a waived finding is kept and shown, but fails no gate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waived: Option<Box<WaivedBy>>,
}

/// The waiver a finding or criterion is exempted by, as every output shows it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct WaivedBy {
    /// Why it is waived.
    pub reason: String,
    /// Who approved it.
    pub approved_by: String,
    /// The decision that granted it.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The last day it holds (`YYYY-MM-DD`).
    pub expires: String,
    /// Where the waiver is written.
    #[serde(flatten)]
    pub location: Location,
}

impl Finding {
    /// An error-severity finding at `location`.
    pub fn error(rule: impl Into<RuleId>, message: impl Into<String>, location: Option<Location>) -> Self {
        Finding {
            rule: rule.into(),
            severity: Severity::Error,
            message: message.into(),
            location,
            help: None,
            related: Vec::new(),
            waived: None,
        }
    }

    /// A warning-severity finding at `location`.
    pub fn warning(rule: impl Into<RuleId>, message: impl Into<String>, location: Option<Location>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, message, location)
        }
    }

    /// The same finding with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same finding citing `related` places too.
    pub fn with_related(mut self, related: impl IntoIterator<Item = Related>) -> Self {
        self.related.extend(related);
        self
    }

    /// Whether this finding is an error that counts: a waived error fails no gate.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error && self.waived.is_none()
    }
}

/// Sorts findings into the order every output uses: by file, line, column, then rule id.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        a.location
            .cmp(&b.location)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo; of
/// equally close ones, the alphabetically first.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        // On a tie the alphabetically first wins, so the hint never depends on the order the
        // candidates come in (a hash map's, say).
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// `a` and `b` together, sorted for output: `a` is copied, `b` moved in (the many findings of
/// an assessment are not copied again).
pub fn merged(a: &[Finding], mut b: Vec<Finding>) -> Vec<Finding> {
    let mut all = Vec::with_capacity(a.len() + b.len());
    all.extend_from_slice(a);
    all.append(&mut b);
    sort_findings(&mut all);
    all
}

#[cfg(test)]
mod tests {
    #[test]
    fn equally_close_hints_do_not_depend_on_order() {
        let a = super::did_you_mean("POR-2", ["POR-3", "POR-1"]);
        let b = super::did_you_mean("POR-2", ["POR-1", "POR-3"]);
        assert_eq!(a, Some("POR-1"));
        assert_eq!(a, b);
    }
}
