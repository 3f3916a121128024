//! `check --format text`: every finding with its source snippet, gate failures, a count line.

use std::fmt::Write;

use super::CheckReport;
use crate::lang::Lang;
use crate::report::words::{render_findings, words};
use crate::source::Sources;

/// Text: each finding with its source line and caret, then a summary line.
pub fn render(report: &CheckReport, sources: &Sources, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let all = if lang == Lang::En {
        "`--format json` lists them all"
    } else {
        "`--format json` liệt kê đầy đủ"
    };
    render_findings(sources, &report.findings, all, lang, &mut out);
    for s in &report.submissions {
        if let Some(why) = &s.gate_failure {
            let _ = writeln!(out, "{}: {}: {}", w.gate_failed, s.path, crate::report::catalog::text(why, lang));
        }
    }
    let _ = writeln!(out, "{}", report.summary_in(lang));
    crate::report::escape::terminal(&out)
}
