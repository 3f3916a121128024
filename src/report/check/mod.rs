//! Reporters of `dgmat check`: text, JSON, SARIF, JUnit and GitHub workflow commands, one
//! module each. They format a precomputed [`CheckReport`] and decide nothing.

pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use serde::Serialize;

use crate::finding::{Finding, Severity};

/// The check report format version.
pub const CHECK_VERSION: u32 = 1;

/// One checked submission.
#[derive(Debug, Clone, Serialize)]
pub struct CheckedSubmission {
    /// The paths that made it, joined with a space.
    pub path: String,
    /// Its agency id, when it loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Whether it loaded without errors.
    pub valid: bool,
    /// Its overall level, when it loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Its overall index, when it loaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<f64>,
    /// Why a requested maturity gate failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate_failure: Option<String>,
}

/// Everything `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Checked submissions, in argument order.
    pub submissions: Vec<CheckedSubmission>,
    /// All findings, sorted.
    pub findings: Vec<Finding>,
    /// The files read, for JUnit suites of clean files.
    pub files: Vec<String>,
    /// The rubrics' own rule ids: their messages and help, which describe them.
    pub rule_docs: std::collections::BTreeMap<String, (String, Option<String>)>,
}

impl CheckReport {
    /// Number of (errors, warnings).
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.findings.iter().filter(|f| f.severity == Severity::Error).count();
        (errors, self.findings.len() - errors)
    }
}

/// The places a finding cites besides its own, on one line for formats without related
/// locations (GitHub annotations, JUnit): `see: systems s2 (inventory.yaml:6), ...`.
pub fn related_line(f: &Finding) -> Option<String> {
    const SHOWN: usize = 5;
    if f.related.is_empty() {
        return None;
    }
    let mut places: Vec<String> = f
        .related
        .iter()
        .take(SHOWN)
        .map(|r| format!("{} ({})", r.label, r.location.record_place()))
        .collect();
    if f.related.len() > SHOWN {
        places.push(format!("and {} more", f.related.len() - SHOWN));
    }
    Some(format!("see: {}", places.join(", ")))
}
