//! `check --format json`: versioned, with a summary, per-submission results and every finding.

use serde::Serialize;

use super::{CHECK_VERSION, CheckReport, CheckedSubmission};
use crate::finding::Finding;

#[derive(Serialize)]
struct Json<'a> {
    dgmat_check: u32,
    tool: serde_json::Value,
    summary: serde_json::Value,
    submissions: &'a [CheckedSubmission],
    findings: &'a [Finding],
}

/// JSON: versioned, with a summary, per-submission results and every finding.
pub fn render(report: &CheckReport) -> String {
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
