//! One submission of a batch: load it, assess it, write its JSON and HTML reports under a
//! pending name in the staging folder, and give its summary row, or the `invalid` row of
//! whatever went wrong with it (a panic included).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::{BatchOptions, profile, verified};
use crate::assess::portfolio::{Row, RowStatus};
use crate::load::submission;
use crate::model::questionnaire::Agency;
use crate::model::submission::Submission;
use crate::report::ReportInput;
use crate::report::assessment::{html, json};
use crate::report::phrase;

/// Why one submission's work stopped short of its row.
enum Stop {
    /// The submission is invalid: its row says why.
    Invalid(Box<Row>),
    /// Its report could not be written: the output's fault, not the agency's; the run stops.
    Output(anyhow::Error),
}

/// Assesses one submission, writing its report under a pending name. Any problem of the
/// submission (a panic included) becomes an invalid row; only an output failure is an error.
pub(super) fn assess_one(
    opts: &BatchOptions<'_>,
    path: &str,
    load: impl FnOnce() -> Result<Submission, submission::LoadFailure>,
    i: usize,
    agencies: &Path,
    inspections: Option<&verified::Inspections>,
) -> anyhow::Result<(Row, Option<PathBuf>)> {
    // The agency, once known, names the row even if assessing it panics.
    let agency_seen = std::cell::RefCell::new(None);
    let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<(Row, Option<PathBuf>), Stop> {
        let mut sub = load().map_err(|f| Stop::Invalid(Box::new(load_failure_row(opts, path, f))))?;
        sub.apply_waivers(opts.waivers, opts.no_waivers);
        if let Some(row) = rubric_mismatch(opts, path, &sub.warnings, sub.questionnaire.as_ref().map(|q| q.agency.clone())) {
            return Err(Stop::Invalid(Box::new(row)));
        }
        if let Some(q) = &sub.questionnaire {
            agency_seen.replace(Some(q.agency.clone()));
            crate::fault::check(format_args!("assess:{}", q.agency.id));
        }
        assess_and_write(opts, path, &sub, agencies.join(format!(".{i}.pending.json")), inspections)
    }));
    match work {
        Ok(Ok(done)) => Ok(done),
        Ok(Err(Stop::Invalid(row))) => Ok((*row, None)),
        Ok(Err(Stop::Output(e))) => Err(e),
        Err(_) => Ok((
            invalid_row(
                opts,
                path,
                "internal error while assessing this submission; please report it as a bug".into(),
                agency_seen.take(),
                1,
                0,
            ),
            None,
        )),
    }
}

/// Assesses a loaded submission and writes its JSON and HTML reports under `pending`.
fn assess_and_write(
    opts: &BatchOptions<'_>,
    path: &str,
    sub: &Submission,
    pending: PathBuf,
    inspections: Option<&verified::Inspections>,
) -> Result<(Row, Option<PathBuf>), Stop> {
    let assessed = profile::time(profile::Phase::Assess, || {
        crate::pipeline::assess(sub, &opts.target, opts.lang, opts.today)
    });
    let (a, findings) = (&assessed.assessment, &assessed.findings);
    // An assessment that overdrew the rule budget left rules unevaluated: its level cannot be
    // published, so the submission is an invalid row naming the record, as `assess` exits 2.
    if let Some(f) = findings.iter().find(|f| f.rule == crate::finding::Rule::RuleBudget) {
        let place = f.location.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
        return Err(Stop::Invalid(Box::new(invalid_row(
            opts,
            path,
            format!("{place}{}", f.message),
            Some(a.agency.clone()),
            assessed.errors(),
            findings.len() - assessed.errors(),
        ))));
    }
    let input = ReportInput {
        rubric: &sub.rubric,
        assessment: a,
        inputs: &sub.inputs,
        findings,
        lang: opts.lang,
    };
    let text = profile::time(profile::Phase::Json, || json::render(&input));
    let page = profile::time(profile::Phase::Html, || html::render(&input));
    // The HTML page is written beside the JSON under the same pending stem, and renamed with
    // it. A write that fails is the output's fault, never the agency's: the run stops.
    let write = |file: &Path, bytes: &[u8]| {
        crate::fault::io(format_args!("write:{}", a.agency.id))
            .and_then(|()| crate::write::write_unsynced(file, bytes))
            .with_context(|| format!("cannot write {}", file.display()))
            .map_err(Stop::Output)
    };
    profile::time(profile::Phase::Write, || {
        write(&pending, text.as_bytes())?;
        write(&pending.with_extension("html"), page.as_bytes())
    })?;
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let mut row = Row {
        path: path.to_string(),
        agency_id: Some(a.agency.id.clone()),
        agency_name: a.agency.name.clone(),
        tier: a.agency.tier,
        status: if sub.questionnaire.is_some() {
            RowStatus::Ok
        } else {
            RowStatus::Incomplete
        },
        level: Some(a.level),
        index: Some(a.index),
        target_met: Some(a.target.met),
        dimensions: a.dimensions.iter().map(|d| Some(d.level)).collect(),
        limited_by: a
            .explanation
            .limited_by
            .iter()
            .map(|&di| opts.rubric.rubric.dimensions[di].id.value.clone())
            .collect(),
        errors,
        warnings: findings.len() - errors,
        below_gate: opts.fail_below.is_some_and(|min| a.level < min),
        report: None,
        error: None,
        // Only a date the questionnaire gives: a defaulted date (no questionnaire, or none in
        // it) must not make a submission look newer than a dated one of the same agency.
        assessed_on: sub.questionnaire.as_ref().and_then(|q| q.assessed_on).map(|d| d.to_string()),
        note: sub.questionnaire.is_none().then(|| phrase::incomplete(path).0),
        verified_level: None,
        overclaim: None,
        verified_by: None,
        verification: None,
        region: a.agency.region.clone(),
        waived: a
            .dimensions
            .iter()
            .flat_map(|d| &d.criteria)
            .filter(|c| c.status == crate::assess::Status::Waived)
            .count(),
    };
    if let Some(inspections) = inspections {
        inspections.verify(opts, sub, a, &mut row);
    }
    Ok((row, Some(pending)))
}

/// The invalid row of a submission whose questionnaire declares another rubric than the
/// batch's: its answers mean other things, so it is not assessed, and the error names both.
fn rubric_mismatch(opts: &BatchOptions<'_>, path: &str, findings: &[crate::finding::Finding], agency: Option<Agency>) -> Option<Row> {
    let f = findings
        .iter()
        .find(|f| f.rule == crate::rule::RuleId::Builtin(crate::rule::Rule::RubricMismatch))?;
    let located = f
        .location
        .as_ref()
        .map_or_else(|| f.message.clone(), |l| format!("{l}: {}", f.message));
    let errors = findings.iter().filter(|x| x.is_error()).count();
    Some(invalid_row(
        opts,
        path,
        format!("{located}; a batch assesses every submission against one rubric (--rubric)"),
        agency,
        errors.max(1),
        findings.len() - errors,
    ))
}

/// The invalid row of a submission that could not be loaded: its first error, located, and how many more.
fn load_failure_row(opts: &BatchOptions<'_>, path: &str, f: submission::LoadFailure) -> Row {
    if let Some(row) = rubric_mismatch(opts, path, &f.findings, f.agency.clone()) {
        return row;
    }
    let errors = f.findings.iter().filter(|x| x.is_error()).count();
    invalid_row(
        opts,
        path,
        verified::first_error(&f.findings),
        f.agency,
        errors,
        f.findings.len() - errors,
    )
}

/// An `invalid` row for `path`, named by its agency when known.
pub(super) fn invalid_row(
    opts: &BatchOptions<'_>,
    path: &str,
    error: String,
    agency: Option<Agency>,
    errors: usize,
    warnings: usize,
) -> Row {
    Row {
        path: path.to_string(),
        agency_id: agency.as_ref().map(|a| a.id.clone()),
        agency_name: agency.as_ref().and_then(|a| a.name.clone()),
        region: agency.as_ref().and_then(|a| a.region.clone()),
        tier: agency.and_then(|a| a.tier),
        status: RowStatus::Invalid,
        level: None,
        index: None,
        target_met: None,
        dimensions: vec![None; opts.rubric.rubric.dimensions.len()],
        limited_by: Vec::new(),
        errors,
        warnings,
        below_gate: false,
        report: None,
        error: Some(error),
        assessed_on: None,
        note: None,
        verified_level: None,
        overclaim: None,
        verified_by: None,
        verification: None,
        waived: 0,
    }
}
