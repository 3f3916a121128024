//! JUnit XML for GitLab and Jenkins: a test suite per file, a test case per rule family in it.
//!
//! Error findings fail their case (the message and location are in the failure); warnings are
//! reported in the case's output and fail it only with `--warnings-as-errors`. A file without
//! findings has one passing case, so that every checked file shows up.

use std::collections::BTreeMap;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::{CheckReport, rule_doc};
use crate::finding::Finding;

/// Renders the JUnit report.
pub fn render(report: &CheckReport, warnings_as_errors: bool) -> String {
    let mut by_file: BTreeMap<String, BTreeMap<&str, Vec<&Finding>>> = BTreeMap::new();
    for file in &report.files {
        by_file.entry(file.clone()).or_default();
    }
    for f in &report.findings {
        let file = f
            .location
            .as_ref()
            .map_or_else(|| "(submission)".to_string(), |l| l.origin.to_string());
        by_file.entry(file).or_default().entry(f.rule.as_str()).or_default().push(f);
    }
    let mut junit = Report::new("dgmat check");
    for (file, rules) in by_file {
        let mut suite = TestSuite::new(file.as_str());
        if rules.is_empty() {
            let mut case = TestCase::new("valid", TestCaseStatus::success());
            case.set_classname(file.as_str());
            suite.add_test_case(case);
        }
        for (rule, findings) in rules {
            let failing = findings.iter().any(|f| f.is_error() || (warnings_as_errors && f.waived.is_none()));
            let waived = findings.iter().all(|f| f.waived.is_some());
            let doc = rule_doc(&findings[0].rule, findings[0].severity.as_str(), report);
            let lines: Vec<String> = std::iter::once(format!("{rule}: {}", doc.full))
                .chain(findings.iter().map(|f| describe(f)))
                .collect();
            let status = if failing {
                let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                s.set_message(findings[0].message.as_str());
                s.set_type(rule);
                s.set_description(lines.join("\n"));
                s
            } else if waived {
                let mut s = TestCaseStatus::skipped();
                s.set_message("waived");
                s.set_description(lines.join("\n"));
                s
            } else {
                TestCaseStatus::success()
            };
            let mut case = TestCase::new(rule, status);
            case.set_classname(file.as_str());
            if !failing {
                case.set_system_out(lines.join("\n"));
            }
            suite.add_test_case(case);
        }
        junit.add_test_suite(suite);
    }
    for s in &report.submissions {
        if let Some(why) = &s.gate_failure {
            let mut suite = TestSuite::new("maturity gate");
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(why.as_str());
            let mut case = TestCase::new(s.path.as_str(), status);
            case.set_classname("maturity gate");
            suite.add_test_case(case);
            junit.add_test_suite(suite);
        }
    }
    junit.to_string().unwrap_or_default()
}

fn describe(f: &Finding) -> String {
    let place = f.location.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
    let help = f.help.as_ref().map(|h| format!(" (help: {h})")).unwrap_or_default();
    let related = super::related_line(f, crate::lang::Lang::En)
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let waived = f
        .waived
        .as_ref()
        .map(|w| format!(" (waived until {}: {})", w.expires, w.reason))
        .unwrap_or_default();
    format!("{place}{}: {}{help}{related}{waived}", f.severity.as_str(), f.message)
}
