//! `dgmat diff`: read or assess both sides, compare them, render the comparison.

use std::path::Path;

use super::Exit;
use super::Failure;
use crate::cli::{DiffArgs, DiffFormat};
use crate::diff::{self, ReportView};
use crate::report::ReportInput;
use crate::report::assessment::json;
use crate::report::words::words;

/// Runs `dgmat diff`.
pub fn run(args: &DiffArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let old = side(&args.old, args, lang)?;
    let new = side(&args.new, args, lang)?;
    let (old_name, new_name) = (args.old.display().to_string(), args.new.display().to_string());
    let d = diff::diff(&old_name, &old, &new_name, &new);
    // The table and Markdown carry the warnings themselves: on standard output, once is enough.
    let in_text = args.output.is_none() && !matches!(args.format, DiffFormat::Json);
    for w in d.warnings.iter().filter(|_| !in_text) {
        crate::report::stderr!("{}", (words(lang).warning_line)(&crate::report::catalog::text(w, lang)));
    }
    let text = match args.format {
        DiffFormat::Table => crate::report::diff::to_table(&d, lang),
        DiffFormat::Json => crate::report::diff::to_json(&d),
        DiffFormat::Markdown => crate::report::diff::to_markdown(&d, lang),
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &text)?,
        None => super::print(&text)?,
    }
    if !quiet && args.format != DiffFormat::Table {
        crate::report::stderr!(
            "{}",
            (words(lang).diff_summary)(
                &d.new.agency,
                d.old.level,
                d.new.level,
                &crate::report::locale::decimal(d.old.index, 2, lang),
                &crate::report::locale::decimal(d.new.index, 2, lang),
                d.newly_met.len(),
                d.newly_failing.len()
            )
        );
    }
    if args.fail_on_regression {
        let regressions = d.regressions();
        if !regressions.is_empty() {
            let regressions: Vec<String> = regressions.iter().map(|r| crate::report::catalog::text(r, lang)).collect();
            crate::report::stderr!("{}", (words(lang).regression)(&regressions.join("; ")));
            return Ok(Exit::GateFailed);
        }
    }
    Ok(Exit::Ok)
}

/// One side: a JSON report file as saved by `assess --format json`, or a submission assessed
/// now with the options `assess` takes.
fn side(path: &Path, args: &DiffArgs, lang: crate::lang::Lang) -> anyhow::Result<ReportView> {
    let is_report = path.is_file() && crate::load::has_ext(path, &["json"]);
    let text = if is_report {
        // The same size cap and encoding checks as every other input.
        let name = path.display().to_string();
        crate::load::yaml::read_text(path, &name)
            .map_err(|f| Failure::findings(vec![f], crate::source::Sources::default()))?
            .to_string()
    } else {
        assess_json(path, args, lang)?
    };
    match serde_json::from_str::<ReportView>(&text) {
        Ok(r) if r.dgmat_report == 1 => Ok(r),
        Ok(r) => Err(Failure::Usage(format!(
            "{}: report format {} is not supported (this dgmat reads format 1)",
            path.display(),
            r.dgmat_report
        ))
        .into()),
        Err(e) => Err(Failure::Usage(format!(
            "{}:{}:{}: not a dgmat JSON report: {e}\nhelp: give a report written by `dgmat assess --format json`, or a submission directory",
            path.display(),
            e.line(),
            e.column()
        ))
        .into()),
    }
}

/// Assesses the submission at `path` and renders its JSON report.
fn assess_json(path: &Path, args: &DiffArgs, lang: crate::lang::Lang) -> anyhow::Result<String> {
    let what = format!("could not assess {}", path.display());
    let ministry = super::ministry_waivers(&args.waivers)?;
    let mut sub = super::load_submission(&[path.to_path_buf()], args.rubric.as_deref(), &what)?;
    super::apply_waivers(&mut sub, ministry.as_ref(), &args.waivers);
    let target = super::target(&sub.rubric.rubric, args.target.as_deref())?;
    let today = chrono::Local::now().date_naive();
    let assessed = crate::pipeline::assess(&sub, &target, lang, today);
    super::refuse_overdrawn(&assessed, &sub)?;
    Ok(json::render(&ReportInput {
        rubric: &sub.rubric,
        assessment: &assessed.assessment,
        inputs: &sub.inputs,
        findings: &assessed.findings,
        lang,
    }))
}
