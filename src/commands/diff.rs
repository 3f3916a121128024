//! `dgmat diff`: read or assess both sides, compare them, render the comparison.

use std::path::Path;

use crate::Exit;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, ReportView};
use crate::finding::{Finding, sort_findings};
use crate::load::submission;
use crate::report::{ReportInput, json};

/// Runs `dgmat diff`.
pub fn run(args: &DiffArgs, quiet: bool) -> anyhow::Result<Exit> {
    let Some(old) = side(&args.old, args) else {
        return Ok(Exit::Invalid);
    };
    let Some(new) = side(&args.new, args) else {
        return Ok(Exit::Invalid);
    };
    let (old_name, new_name) = (args.old.display().to_string(), args.new.display().to_string());
    let d = diff::diff(&old_name, &old, &new_name, &new);
    for w in &d.warnings {
        crate::stderr!("warning: {w}");
    }
    let text = match args.format {
        DiffFormat::Table => diff::to_table(&d),
        DiffFormat::Json => diff::to_json(&d),
        DiffFormat::Markdown => diff::to_markdown(&d),
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &text)?,
        None => super::print(&text)?,
    }
    if !quiet && args.format != DiffFormat::Table {
        crate::stderr!(
            "{}: level {} → {}, index {:.2} → {:.2}; {} newly met, {} newly failing",
            d.new.agency,
            d.old.level,
            d.new.level,
            d.old.index,
            d.new.index,
            d.newly_met.len(),
            d.newly_failing.len()
        );
    }
    if args.fail_on_regression {
        let regressions = d.regressions();
        if !regressions.is_empty() {
            crate::stderr!("regression: {}", regressions.join("; "));
            return Ok(Exit::GateFailed);
        }
    }
    Ok(Exit::Ok)
}

/// One side: a JSON report file as saved by `assess --format json`, or a submission assessed
/// now with the options `assess` takes. `None` after saying why it cannot be read.
fn side(path: &Path, args: &DiffArgs) -> Option<ReportView> {
    let is_report = path.is_file() && crate::load::has_ext(path, &["json"]);
    let text = if is_report {
        // The same size cap and encoding checks as every other input.
        let name = path.display().to_string();
        match crate::load::yaml::read_text(path, &name) {
            Ok(t) => t.to_string(),
            Err(f) => {
                super::print_findings(&crate::source::Sources::default(), &[f]);
                return None;
            }
        }
    } else {
        assess_json(path, args)?
    };
    match serde_json::from_str::<ReportView>(&text) {
        Ok(r) if r.dgmat_report == 1 => Some(r),
        Ok(r) => {
            crate::stderr!(
                "error: {}: report format {} is not supported (this dgmat reads format 1)",
                path.display(),
                r.dgmat_report
            );
            None
        }
        Err(e) => {
            crate::stderr!(
                "error: {}:{}:{}: not a dgmat JSON report: {e}\nhelp: give a report written by `dgmat assess --format json`, or a submission directory",
                path.display(),
                e.line(),
                e.column()
            );
            None
        }
    }
}

/// Assesses the submission at `path` and renders its JSON report.
fn assess_json(path: &Path, args: &DiffArgs) -> Option<String> {
    let sub = match submission::load(&[path.to_path_buf()], args.rubric.as_deref()) {
        Ok(s) => s,
        Err(failure) => {
            super::print_findings(&failure.sources, &failure.findings);
            crate::stderr!("error: could not assess {}", path.display());
            return None;
        }
    };
    let target = super::target(&sub.rubric.rubric, args.target.as_deref())?;
    let lang = args.lang.code();
    let today = chrono::Local::now().date_naive();
    let assessment = crate::assess::assess(&sub.rubric, sub.questionnaire.as_ref(), &sub.inventory, &target, lang, today);
    let mut findings: Vec<Finding> = sub.warnings.iter().chain(&assessment.findings).cloned().collect();
    sort_findings(&mut findings);
    Some(json::render(&ReportInput {
        rubric: &sub.rubric,
        assessment: &assessment,
        inputs: &sub.inputs,
        findings: &findings,
        lang,
    }))
}
