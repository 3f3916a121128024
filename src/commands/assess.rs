//! `dgmat assess`: load a submission, assess it, render the report, apply the gate.

use anyhow::Context as _;

use crate::Exit;
use crate::assess::assess;
use crate::cli::{AssessArgs, Format};
use crate::finding::{Finding, sort_findings};
use crate::load::submission;
use crate::report::{ReportInput, html, json, markdown, table};

/// Runs `dgmat assess`.
pub fn run(args: &AssessArgs, quiet: bool) -> anyhow::Result<Exit> {
    run_as(args, args.format.unwrap_or(Format::Table), quiet)
}

/// Runs `dgmat assess` rendering `format`.
pub fn run_as(args: &AssessArgs, format: Format, quiet: bool) -> anyhow::Result<Exit> {
    let sub = match submission::load(&args.paths, args.rubric.as_deref()) {
        Ok(s) => s,
        Err(failure) => {
            super::print_findings(&failure.sources, &failure.findings);
            let errors = failure.findings.iter().filter(|f| f.is_error()).count();
            crate::stderr!("error: could not assess: {errors} problem(s) in the input");
            return Ok(Exit::Invalid);
        }
    };
    let Some(target) = super::target(&sub.rubric.rubric, args.target.as_deref()) else {
        return Ok(Exit::Invalid);
    };
    let lang = args.lang.code();
    let today = chrono::Local::now().date_naive();
    let assessment = assess(&sub.rubric, sub.questionnaire.as_ref(), &sub.inventory, &target, lang, today);
    let mut findings: Vec<Finding> = sub.warnings.iter().chain(&assessment.findings).cloned().collect();
    sort_findings(&mut findings);
    let input = ReportInput {
        rubric: &sub.rubric,
        assessment: &assessment,
        inputs: &sub.inputs,
        findings: &findings,
        lang,
    };
    let text = match format {
        Format::Table => table::render(&input),
        Format::Json => json::render(&input),
        Format::Markdown => markdown::render(&input).context("cannot render the Markdown report")?,
        Format::Html => html::render(&input).context("cannot render the HTML report")?,
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &text)?,
        None => super::print(&text)?,
    }
    if !quiet && format != Format::Table {
        if let Some(path) = &args.output {
            crate::stderr!("wrote {}", path.display());
        }
        crate::stderr!(
            "{}: level {} (index {:.2}), target {} {}",
            assessment.agency.id,
            assessment.level,
            crate::report::index2(assessment.index),
            assessment.target.level,
            if assessment.target.met { "met" } else { "not met" }
        );
    }
    if let Some(min) = args.fail_below
        && assessment.level < min
    {
        let below = assessment.dimensions_below(&sub.rubric.rubric, min);
        crate::stderr!(
            "gate failed: overall level {} is below {min} ({})",
            assessment.level,
            below.join(", ")
        );
        return Ok(Exit::GateFailed);
    }
    Ok(Exit::Ok)
}
