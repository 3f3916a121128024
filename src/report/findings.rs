//! Reporters of `dgmat check`: text, JSON and GitHub workflow commands. They format a
//! precomputed [`CheckReport`] and decide nothing.

use std::fmt::Write;

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::report::escape;
use crate::source::Sources;

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

/// Text: each finding with its source line and caret, then a summary line.
pub fn text(report: &CheckReport, sources: &Sources) -> String {
    let mut out = String::new();
    sources.render_list(&report.findings, "`--format json` lists them all", &mut out);
    for s in &report.submissions {
        if let Some(why) = &s.gate_failure {
            let _ = writeln!(out, "gate failed: {}: {why}", s.path);
        }
    }
    let (errors, warnings) = report.counts();
    let _ = writeln!(
        out,
        "{} error(s), {} warning(s) in {} file(s) of {} submission(s)",
        errors,
        warnings,
        report.files.len(),
        report.submissions.len()
    );
    out
}

#[derive(Serialize)]
struct Json<'a> {
    dgmat_check: u32,
    tool: serde_json::Value,
    summary: serde_json::Value,
    submissions: &'a [CheckedSubmission],
    findings: &'a [Finding],
}

/// JSON: versioned, with a summary, per-submission results and every finding.
pub fn json(report: &CheckReport) -> String {
    let (errors, warnings) = report.counts();
    let doc = Json {
        dgmat_check: CHECK_VERSION,
        tool: serde_json::json!({"name": "dgmat", "version": env!("CARGO_PKG_VERSION")}),
        summary: serde_json::json!({"errors": errors, "warnings": warnings, "files": report.files.len(), "submissions": report.submissions.len()}),
        submissions: &report.submissions,
        findings: &report.findings,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// GitHub Actions workflow commands: one `::error`/`::warning` line per finding.
pub fn github(report: &CheckReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let mut props = Vec::new();
        if let Some(loc) = &f.location {
            props.push(format!("file={}", escape::workflow_property(loc.path())));
            props.push(format!("line={}", loc.line));
            props.push(format!("col={}", loc.column));
        }
        props.push(format!("title={}", escape::workflow_property(&format!("dgmat {}", f.rule))));
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        if let Some(related) = related_line(f) {
            message.push_str(&format!("\n{related}"));
        }
        let _ = writeln!(
            out,
            "::{} {}::{}",
            f.severity.as_str(),
            props.join(","),
            escape::workflow_data(&message)
        );
    }
    for s in &report.submissions {
        if let Some(why) = &s.gate_failure {
            let _ = writeln!(
                out,
                "::error title=dgmat maturity gate::{}",
                escape::workflow_data(&format!("{}: {why}", s.path))
            );
        }
    }
    out
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
