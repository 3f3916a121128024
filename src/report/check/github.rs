//! `check --format github`: GitHub Actions workflow commands, one per finding.

use std::fmt::Write;

use super::{CheckReport, related_line};
use crate::lang::Lang;
use crate::report::escape;
use crate::report::words::words;

/// GitHub Actions workflow commands: one `::error`/`::warning` line per finding. The
/// annotations are read by people on a pull request, so they speak `lang`; the levels and
/// properties are GitHub's keywords.
pub fn render(report: &CheckReport, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    for shown in &report.findings {
        let f = &crate::report::catalog::localized(shown, lang);
        let mut props = Vec::new();
        if let Some(loc) = &f.location {
            props.push(format!("file={}", escape::workflow_property(loc.path())));
            props.push(format!("line={}", loc.line));
            props.push(format!("col={}", loc.column));
        }
        let title = match f.rule.builtin() {
            Some(rule) if lang == Lang::Vi => format!("dgmat {}: {}", f.rule, crate::report::rules_vi::description(rule, lang)),
            _ => format!("dgmat {}", f.rule),
        };
        props.push(format!("title={}", escape::workflow_property(&title)));
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str(&format!("\n{}: {help}", w.help));
        }
        if let Some(related) = related_line(f, lang) {
            message.push_str(&format!("\n{related}"));
        }
        // A waived finding is a notice: shown on its line, failing nothing.
        let level = match &f.waived {
            Some(waiver) => {
                let until = crate::report::locale::date(&waiver.expires, lang);
                let line = match lang {
                    Lang::En => format!("waived until {until}: {}", waiver.reason),
                    Lang::Vi => (w.waived_until)(&until, &waiver.reason, &waiver.approved_by, ""),
                };
                message.push_str(&format!("\n{line}"));
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
                escape::workflow_data(&format!("{}: {}", s.path, crate::report::catalog::text(why, lang)))
            );
        }
    }
    out
}
