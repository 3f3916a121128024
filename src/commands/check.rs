//! `dgmat check`: validate submissions and report every finding in a CI-readable format.

use std::path::{Path, PathBuf};

use super::Exit;
use crate::cli::{CheckArgs, CheckFormat};
use crate::finding::{Finding, Severity, sort_findings};
use crate::lang::Lang;
use crate::load::submission;
use crate::model::rubric::Rubric;
use crate::model::submission::Submission;
use crate::report::check::{self, CheckReport, CheckedSubmission};
use crate::source::Sources;

/// Groups the arguments into submissions: each directory is one; files are grouped by the
/// directory they are in, and each group is its directory's whole submission (the files named
/// and their sibling submission files), so that a pre-commit hook passing only the changed
/// files checks whole submissions, one per agency. Files in a directory also named are part of
/// its submission already.
fn submissions(paths: &[PathBuf]) -> Vec<Vec<PathBuf>> {
    let mut groups: Vec<Vec<PathBuf>> = paths.iter().filter(|p| p.is_dir()).map(|p| vec![p.clone()]).collect();
    let named_dirs: Vec<PathBuf> = paths.iter().filter(|p| p.is_dir()).map(|p| normal(p)).collect();
    let mut by_dir: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    for file in paths.iter().filter(|p| !p.is_dir()) {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        if named_dirs.contains(&normal(&dir)) {
            continue;
        }
        match by_dir.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, files)) => files.push(file.clone()),
            None => by_dir.push((dir, vec![file.clone()])),
        }
    }
    for (dir, mut files) in by_dir {
        for sibling in submission::submission_files(&dir) {
            if !files.iter().any(|f| normal(f) == normal(&sibling)) {
                files.push(sibling);
            }
        }
        groups.push(files);
    }
    groups
}

/// The bytes of a submission's files: a directory's submission files, or the files named.
fn group_size(group: &[PathBuf]) -> u64 {
    group
        .iter()
        .map(|p| {
            if p.is_dir() {
                submission::submission_bytes(p)
            } else {
                std::fs::metadata(p).map_or(0, |m| m.len())
            }
        })
        .sum()
}

/// `p` without `./` components, so that `a/./b` and `a/b` are one place.
fn normal(p: &Path) -> PathBuf {
    p.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect()
}

/// Runs `dgmat check`.
pub fn run(args: &CheckArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let ministry = super::ministry_waivers(&args.waivers)?;
    // Each submission is loaded and assessed on its own (in parallel), into its own part of
    // the report; the parts are then joined in argument order, so the output does not depend
    // on -j or on which submission finished first.
    let groups = submissions(&args.paths);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs).build()?;
    // Largest submissions first, one at a time: a big ministry picked up last would leave the
    // other threads idle at the end. The parts are put back in argument order.
    let mut order: Vec<(u64, usize)> = groups.iter().enumerate().map(|(i, g)| (group_size(g), i)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut parts: Vec<(usize, anyhow::Result<Part>)> = pool.install(|| {
        use rayon::prelude::*;
        let rubrics = submission::RubricCache::default();
        order
            .par_iter()
            .with_max_len(1)
            .map(|&(_, i)| (i, check_one(&groups[i], args, ministry.as_ref(), &rubrics, lang)))
            .collect()
    });
    parts.sort_by_key(|(i, _)| *i);
    let mut report = CheckReport::default();
    let mut sources = Sources::default();
    let mut fatal = false;
    for (_, part) in parts {
        let part = part?;
        report.submissions.extend(part.report.submissions);
        report.findings.extend(part.report.findings);
        report.files.extend(part.report.files);
        report.rule_docs.extend(part.report.rule_docs);
        sources.extend(part.sources);
        fatal |= part.fatal;
    }
    tidy_findings(&mut report, args.warnings_as_errors);
    let text = match args.format {
        CheckFormat::Text => check::text::render(&report, &sources, lang),
        CheckFormat::Json => check::json::render(&report),
        CheckFormat::Sarif => check::sarif::render(&report),
        CheckFormat::Junit => check::junit::render(&report, args.warnings_as_errors),
        CheckFormat::Github => check::github::render(&report, lang),
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &text)?,
        None => super::print(&text)?,
    }
    let (errors, _) = report.counts();
    if !quiet && args.format != CheckFormat::Text {
        crate::report::stderr!("{}", report.summary_in(lang));
    }
    if fatal {
        return Ok(Exit::Invalid);
    }
    let gate_failed = report.submissions.iter().any(|s| s.gate_failure.is_some());
    Ok(if errors > 0 || gate_failed { Exit::GateFailed } else { Exit::Ok })
}

/// One submission's share of the report.
struct Part {
    report: CheckReport,
    sources: Sources,
    fatal: bool,
}

/// Loads and assesses the submission made of the files `group`.
fn check_one(
    group: &[PathBuf],
    args: &CheckArgs,
    ministry: Option<&super::MinistryWaivers>,
    rubrics: &submission::RubricCache,
    lang: Lang,
) -> anyhow::Result<Part> {
    let mut report = CheckReport::default();
    let mut sources = Sources::default();
    let mut fatal = false;
    let path = group
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect::<Vec<_>>()
        .join(" ");
    // People read the text and the pull request's annotations in their language; JSON, SARIF
    // and JUnit keep the rubric's English messages, as every machine output does.
    let lang = if matches!(args.format, CheckFormat::Text | CheckFormat::Github) {
        lang
    } else {
        Lang::En
    };
    match submission::load_with(group, submission::RubricChoice::Cached(args.rubric.as_deref(), rubrics), None) {
        Err(failure) => fatal |= add_failure(&mut report, &mut sources, failure, path, lang),
        Ok(mut sub) => {
            super::apply_waivers(&mut sub, ministry, &args.waivers);
            add_assessed(&mut report, &mut sources, sub, args, path, lang)?;
        }
    }
    // Only the text format quotes the files: the others need not keep every text read.
    if args.format != CheckFormat::Text {
        sources = Sources::default();
    }
    Ok(Part { report, sources, fatal })
}

/// Adds a submission that could not be loaded, with its findings and those of the rules and
/// checks run on what did load; returns whether it was fatal.
fn add_failure(report: &mut CheckReport, sources: &mut Sources, failure: submission::LoadFailure, path: String, lang: Lang) -> bool {
    report.files.extend(failure_files(&failure.findings));
    report.findings.extend(failure.findings);
    sources.extend(failure.sources);
    if let Some(sub) = failure.partial {
        report.files.extend(sub.inputs.iter().map(|i| i.path.clone()));
        add_rule_docs(report, &sub.rubric.rubric);
        report.findings.extend(crate::pipeline::check_findings(&sub, lang, today()));
    }
    report.submissions.push(CheckedSubmission {
        path,
        agency: None,
        valid: false,
        level: None,
        index: None,
        gate_failure: None,
    });
    failure.fatal
}

/// Assesses a loaded submission and adds it, its findings, its rubric's rules and any gate failure.
fn add_assessed(
    report: &mut CheckReport,
    sources: &mut Sources,
    sub: Submission,
    args: &CheckArgs,
    path: String,
    lang: Lang,
) -> anyhow::Result<()> {
    let target = super::target(&sub.rubric.rubric, args.target.as_deref())?;
    let mut assessed = crate::pipeline::assess(&sub, &target, lang, today());
    // The findings move into the report: 44,000 of them on a national round are not copied.
    let findings = std::mem::take(&mut assessed.findings);
    let a = &assessed.assessment;
    let gate = args.min_level.is_some() || args.target.is_some();
    let required = args.min_level.or(args.target.as_ref().map(|_| a.target.level));
    let gate_failure = required.filter(|min| a.level < *min).map(|min| {
        let w = crate::report::words::words(lang);
        (w.below_required)(a.level, min, &w.dimensions_at(&a.dimensions_below(&sub.rubric.rubric, min)))
    });
    report.files.extend(sub.inputs.iter().map(|i| i.path.clone()));
    add_rule_docs(report, &sub.rubric.rubric);
    report.findings.extend(findings);
    report.findings.extend(crate::pipeline::completeness(&sub, &assessed.assessment));
    sources.extend(sub.sources);
    report.submissions.push(CheckedSubmission {
        path,
        agency: Some(a.agency.id.clone()),
        valid: true,
        level: Some(a.level),
        index: Some(a.index),
        gate_failure: if gate { gate_failure } else { None },
    });
    Ok(())
}

/// The date a questionnaire without `assessed_on` is assessed as of.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Records the message and help of every record rule of `rubric`, which describe its rule ids.
fn add_rule_docs(report: &mut CheckReport, rubric: &Rubric) {
    for (_, coll) in &rubric.inventory.0 {
        for rule in &coll.rules {
            report.rule_docs.insert(
                rule.id.value.clone(),
                (
                    rule.message.get(Lang::En).to_string(),
                    rule.help.as_ref().map(|h| h.get(Lang::En).to_string()),
                ),
            );
        }
    }
}

/// Applies --warnings-as-errors, then sorts and deduplicates the findings and files.
fn tidy_findings(report: &mut CheckReport, warnings_as_errors: bool) {
    if warnings_as_errors {
        for f in &mut report.findings {
            f.severity = Severity::Error;
        }
    }
    sort_findings(&mut report.findings);
    report.findings.dedup();
    report.files.sort();
    report.files.dedup();
}

/// The files named by a failed load's findings (a workbook once, whichever sheets).
fn failure_files(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter_map(|f| f.location.as_ref().map(|l| l.path().to_string()))
        .collect()
}
