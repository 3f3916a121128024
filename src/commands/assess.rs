//! `dgmat assess`: load a submission, assess it, render the report, apply the gate.

use anyhow::Context as _;

use super::Exit;
use crate::cli::{AssessArgs, Format};
use crate::report::ReportInput;
use crate::report::assessment::{html, json, markdown, table};
use crate::report::words::words;

/// Runs `dgmat assess`.
pub fn run(args: &AssessArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    run_as(args, args.format.unwrap_or(Format::Table), quiet, lang)
}

/// Runs `dgmat assess` rendering `format`.
pub fn run_as(args: &AssessArgs, format: Format, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    run_with(args, format, quiet, lang, false)
}

/// Runs `dgmat assess` rendering `format`; without `-o`, to `<agency-id>.html` when `to_file`.
pub fn run_with(args: &AssessArgs, format: Format, quiet: bool, lang: crate::lang::Lang, to_file: bool) -> anyhow::Result<Exit> {
    let ministry = super::ministry_waivers(&args.waivers)?;
    let mut sub = super::load_submission(&args.paths, args.rubric.as_deref(), "could not assess")?;
    super::apply_waivers(&mut sub, ministry.as_ref(), &args.waivers);
    let target = super::target(&sub.rubric.rubric, args.target.as_deref())?;
    let today = chrono::Local::now().date_naive();
    let assessed = crate::pipeline::assess(&sub, &target, lang, today);
    super::refuse_overdrawn(&assessed, &sub)?;
    let assessment = &assessed.assessment;
    let input = ReportInput {
        rubric: &sub.rubric,
        assessment,
        inputs: &sub.inputs,
        findings: &assessed.findings,
        lang,
    };
    let text = match format {
        Format::Table => table::render(&input),
        Format::Json => json::render(&input),
        Format::Markdown => markdown::render(&input).context("cannot render the Markdown report")?,
        Format::Html => html::render(&input),
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &text)?,
        None if to_file => {
            let path = std::path::PathBuf::from(format!("{}.html", crate::batch::output::sanitize(&assessment.agency.id)));
            super::write_atomic(&path, &text)?;
            super::print(&format!("{}\n", (words(lang).wrote_named)(&path.display().to_string())))?;
        }
        None => super::print(&text)?,
    }
    if !quiet && format != Format::Table {
        if let Some(path) = &args.output {
            crate::report::stderr!("{}", (words(lang).wrote)(&path.display().to_string()));
        }
        crate::report::stderr!(
            "{}",
            (words(lang).assess_summary)(
                &assessment.agency.id,
                assessment.level,
                &crate::report::index_in(assessment.index, lang),
                assessment.target.level,
                assessment.target.met
            )
        );
    }
    if let Some(min) = args.fail_below
        && assessment.level < min
    {
        let below = assessment.dimensions_below(&sub.rubric.rubric, min);
        let w = words(lang);
        crate::report::stderr!("{}", (w.gate_below)(assessment.level, min, &w.dimensions_at(&below)));
        return Ok(Exit::GateFailed);
    }
    Ok(Exit::Ok)
}
