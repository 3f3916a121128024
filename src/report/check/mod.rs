//! Reporters of `dgmat check`: text, JSON, SARIF, JUnit and GitHub workflow commands, one
//! module each. They format a precomputed [`CheckReport`] and decide nothing.

pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use serde::Serialize;

use crate::finding::{Finding, RuleId};
use crate::rule::help_uri;

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
    /// Number of (errors, warnings); waived findings are neither.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self.findings.iter().filter(|f| f.is_error()).count();
        (errors, self.findings.len() - errors - self.waived())
    }

    /// Number of waived findings.
    pub fn waived(&self) -> usize {
        self.findings.iter().filter(|f| f.waived.is_some()).count()
    }

    /// The count line: `2 error(s), 1 warning(s) in 3 file(s) of 2 submission(s)`.
    pub fn summary(&self) -> String {
        self.summary_in(crate::lang::Lang::En)
    }

    /// The count line in `lang`.
    pub fn summary_in(&self, lang: crate::lang::Lang) -> String {
        let (errors, warnings) = self.counts();
        let count = crate::report::words::words(lang).check_summary;
        count(errors, warnings, self.waived(), self.files.len(), self.submissions.len())
    }
}

/// What a rule is and how to fix what it finds: the rules table of SARIF, the header of a
/// JUnit case. dgmat's own rules come from [`crate::rule`].
pub struct RuleDoc {
    /// What the rule finds, in one line.
    pub short: String,
    /// The line and the help together.
    pub full: String,
    /// What to do about it.
    pub help: String,
    /// Where the README explains it, when the build knows the address.
    pub help_uri: Option<String>,
    /// `error` or `warning`.
    pub level: &'static str,
}

/// The rules table entry of `rule`: dgmat's own rules describe themselves; a rubric's record
/// rule is described by its message and help.
pub fn rule_doc(rule: &RuleId, level: &'static str, report: &CheckReport) -> RuleDoc {
    match rule.builtin() {
        Some(r) => RuleDoc {
            short: r.description().to_string(),
            full: format!("{}. {}", r.description(), r.help()),
            help: r.help().to_string(),
            help_uri: help_uri(r.id()),
            level,
        },
        None => {
            let (message, help) = report
                .rule_docs
                .get(rule.as_str())
                .cloned()
                .unwrap_or_else(|| (format!("Record rule {rule} of the rubric"), None));
            RuleDoc {
                full: format!("Record rule {rule} of the rubric: {message}"),
                help: help.unwrap_or_else(|| format!("Correct the record so that it satisfies: {message}")),
                short: message,
                help_uri: None,
                level,
            }
        }
    }
}

/// The places a finding cites besides its own, on one line for formats without related
/// locations (GitHub annotations, JUnit): `see: systems s2 (inventory.yaml:6), ...`.
pub fn related_line(f: &Finding, lang: crate::lang::Lang) -> Option<String> {
    let w = crate::report::words::words(lang);
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
        places.push((w.and_more)(f.related.len() - SHOWN));
    }
    Some(format!("{}: {}", w.see, places.join(", ")))
}
