//! `check --format text`: every finding with its source snippet, gate failures, a count line.

use std::fmt::Write;

use super::CheckReport;
use crate::source::Sources;

/// Text: each finding with its source line and caret, then a summary line.
pub fn render(report: &CheckReport, sources: &Sources) -> String {
    let mut out = String::new();
    sources.render_list(&report.findings, "`--format json` lists them all", &mut out);
    for s in &report.submissions {
        if let Some(why) = &s.gate_failure {
            let _ = writeln!(out, "gate failed: {}: {why}", s.path);
        }
    }
    let _ = writeln!(out, "{}", report.summary());
    crate::report::escape::terminal(&out)
}
