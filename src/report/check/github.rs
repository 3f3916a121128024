//! `check --format github`: GitHub Actions workflow commands, one per finding.

use std::fmt::Write;

use super::{CheckReport, related_line};
use crate::report::escape;

/// GitHub Actions workflow commands: one `::error`/`::warning` line per finding.
pub fn render(report: &CheckReport) -> String {
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
        // A waived finding is a notice: shown on its line, failing nothing.
        let level = match &f.waived {
            Some(w) => {
                message.push_str(&format!("\nwaived until {}: {}", w.expires, w.reason));
                "notice"
            }
            None => f.severity.as_str(),
        };
        let _ = writeln!(out, "::{} {}::{}", level, props.join(","), escape::workflow_data(&message));
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
