//! Batch evaluation: discover submissions below a root, assess them in parallel, write a
//! deterministic, atomic set of outputs (summaries, `index.html`, a JSON and an HTML report per
//! agency).
//!
//! Guarantees: one bad submission (unreadable, invalid, or even a panic while assessing it)
//! becomes an `invalid` row and never stops the batch; rows are sorted by path, so the outputs
//! are the same bytes whatever the thread count; every file is written to a temporary name and
//! renamed; file names come from sanitised agency ids and stay inside the output directory; a
//! worker keeps nothing of an assessed agency but its summary row.

pub mod discover;
pub mod output;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::assess::TargetChoice;
use crate::assess::portfolio::{self, Kpis, Row, RowStatus};
use crate::lang::Lang;
use crate::load::submission::{self, RubricChoice};
use crate::model::rubric::LoadedRubric;
use crate::report::assessment::{html, json};
use crate::report::batch::{index, summary};
use crate::report::{ReportInput, index2};

/// Where a batch finds its submissions.
pub enum Source<'a> {
    /// Every submission directory below a root.
    Tree(&'a Path),
    /// One CSV inventory covering many agencies, split by the column named.
    Consolidated(&'a Path, &'a str),
}

/// One unit of batch work.
enum Work {
    /// A submission directory.
    Dir(PathBuf),
    /// One agency of a consolidated inventory.
    Group(String),
}

/// What a batch run needs.
pub struct BatchOptions<'a> {
    /// Where the submissions are.
    pub source: Source<'a>,
    /// Output directory.
    pub out: &'a Path,
    /// The rubric every submission is assessed against.
    pub rubric: Arc<LoadedRubric>,
    /// The target.
    pub target: TargetChoice,
    /// Worker threads (0 = all cores).
    pub jobs: usize,
    /// Gate level.
    pub fail_below: Option<u8>,
    /// Language of rubric texts in reports.
    pub lang: Lang,
    /// The assessment date for submissions without one.
    pub today: chrono::NaiveDate,
    /// Whether to draw a progress bar.
    pub progress: bool,
}

/// The result of a batch run.
pub struct BatchResult {
    /// Rows, sorted by path.
    pub rows: Vec<Row>,
    /// Indicators.
    pub kpis: Kpis,
    /// Problems met while discovering (unreadable folders, loops).
    pub discovery_problems: Vec<String>,
}

/// Runs a batch: discover, assess in parallel, write every output.
pub fn run(opts: &BatchOptions<'_>) -> anyhow::Result<BatchResult> {
    let agencies = opts.out.join("agencies");
    std::fs::create_dir_all(&agencies)?;
    crate::write::remove_leftovers(opts.out);
    crate::write::remove_leftovers(&agencies);
    let mut discovery_problems = Vec::new();
    // (label, size, work): labels are the paths the summary shows and sorts by.
    let mut items: Vec<(String, u64, Work)> = Vec::new();
    let mut consolidated = None;
    match opts.source {
        Source::Tree(root) => {
            let markers = discover::markers(opts.rubric.rubric.inventory.keys());
            let (dirs, problems) = discover::submissions(root, Some(opts.out), &markers);
            discovery_problems = problems;
            for dir in dirs {
                let rel = dir.strip_prefix(root).unwrap_or(&dir);
                let label = if rel.as_os_str().is_empty() {
                    ".".to_string()
                } else {
                    rel.to_string_lossy().replace('\\', "/")
                };
                items.push((label, discover::size(&dir, &markers), Work::Dir(dir)));
            }
        }
        Source::Consolidated(file, column) => {
            let (c, values, blank) = submission::Consolidated::open(file, &opts.rubric, column).map_err(|f| {
                let sources = crate::source::Sources::default();
                crate::failure::Failure::findings(vec![f], sources).with_summary("could not split the consolidated inventory")
            })?;
            if blank > 0 {
                discovery_problems.push(format!("{}: {blank} row(s) leave `{column}` blank and belong to no agency", c.name));
            }
            for v in values {
                let file_name = file
                    .file_name()
                    .map_or_else(|| c.name.clone(), |n| n.to_string_lossy().into_owned());
                let rows = c.rows_of(&v) as u64;
                items.push((format!("{file_name}#{}={v}", c.column), rows, Work::Group(v)));
            }
            consolidated = Some(c);
        }
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(opts.jobs).build()?;
    let bar = progress_bar(items.len() as u64, opts.progress);
    // Largest submissions first, one at a time: a big ministry picked up last would leave the
    // other threads idle at the end. The order of the results does not depend on it.
    let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, item)| (item.1, i)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut rows: Vec<(Row, Option<PathBuf>)> = pool.install(|| {
        order
            .par_iter()
            .with_max_len(1)
            .map(|&(_, i)| {
                let (label, _, work) = &items[i];
                let load = || match work {
                    Work::Dir(dir) => submission::load_with(
                        std::slice::from_ref(dir),
                        RubricChoice::Loaded(opts.rubric.clone()),
                        Some(tree_root(opts)),
                    ),
                    Work::Group(value) => match &consolidated {
                        Some(c) => c.submission(value, opts.rubric.clone()),
                        None => unreachable!("groups come from a consolidated inventory"),
                    },
                };
                let row = assess_one(opts, label, load, i, &agencies);
                bar.inc(1);
                row
            })
            .collect()
    });
    bar.finish_and_clear();
    rows.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    // Final names are given in path order, after the parallel phase, so that two submissions
    // claiming one agency id get `<id>.json` and `<id>-2.json` whatever finished first.
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (row, pending) in &mut rows {
        let (Some(pending), Some(id)) = (pending.take(), &row.agency_id) else {
            continue;
        };
        let stem = output::sanitize(id);
        let n = taken.entry(stem.to_ascii_lowercase()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        };
        std::fs::rename(pending.with_extension("html"), agencies.join(&name).with_extension("html"))?;
        std::fs::rename(&pending, agencies.join(&name))?;
        row.report = Some(format!("agencies/{name}"));
    }
    let rows: Vec<Row> = rows.into_iter().map(|(r, _)| r).collect();
    let kpis = portfolio::compute(&opts.rubric, &rows);
    crate::write::write_atomic(&opts.out.join("summary.csv"), &summary::csv(&opts.rubric, &rows)?)?;
    let json = summary::json(&opts.rubric, &kpis, &rows)?;
    crate::write::write_atomic(&opts.out.join("summary.json"), json.as_bytes())?;
    let index = index::render(&index::build(&opts.rubric, &rows, &kpis, opts.lang))
        .map_err(|e| anyhow::anyhow!("cannot render index.html: {e}"))?;
    crate::write::write_atomic(&opts.out.join("index.html"), index.as_bytes())?;
    Ok(BatchResult {
        rows,
        kpis,
        discovery_problems,
    })
}

fn progress_bar(len: u64, show: bool) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    // The default draw target is stderr and is hidden when stderr is not a terminal.
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} agencies  {per_sec}  ETA {eta}") {
        bar.set_style(style);
    }
    bar
}

/// The root submission paths are named relative to.
fn tree_root<'a>(opts: &BatchOptions<'a>) -> &'a Path {
    match opts.source {
        Source::Tree(root) => root,
        Source::Consolidated(file, _) => file.parent().unwrap_or(Path::new(".")),
    }
}

/// Assesses one submission, writing its report under a pending name. Never fails: any problem
/// (a panic included) becomes an invalid row.
fn assess_one(
    opts: &BatchOptions<'_>,
    path: &str,
    load: impl FnOnce() -> Result<crate::model::submission::Submission, submission::LoadFailure>,
    i: usize,
    agencies: &Path,
) -> (Row, Option<PathBuf>) {
    let path = path.to_string();
    let invalid = |error: String, agency: Option<crate::model::questionnaire::Agency>, errors: usize, warnings: usize| Row {
        path: path.clone(),
        agency_id: agency.as_ref().map(|a| a.id.clone()),
        agency_name: agency.as_ref().and_then(|a| a.name.clone()),
        tier: agency.and_then(|a| a.tier),
        status: RowStatus::Invalid,
        level: None,
        index: None,
        target_met: None,
        dimensions: vec![None; opts.rubric.rubric.dimensions.len()],
        errors,
        warnings,
        below_gate: false,
        report: None,
        error: Some(error),
    };
    // The agency, once known, names the row even if assessing it panics.
    let agency_seen = std::cell::RefCell::new(None);
    let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<(Row, Option<PathBuf>), Box<Row>> {
        let sub = load().map_err(|f| {
            let errors: Vec<_> = f.findings.iter().filter(|x| x.is_error()).collect();
            let first = errors.first().map_or_else(
                || "invalid submission".to_string(),
                |e| {
                    e.location
                        .as_ref()
                        .map_or_else(|| e.message.clone(), |l| format!("{l}: {}", e.message))
                },
            );
            let more = if errors.len() > 1 {
                format!(" (and {} more)", errors.len() - 1)
            } else {
                String::new()
            };
            Box::new(invalid(
                format!("{first}{more}"),
                f.agency,
                errors.len(),
                f.findings.len() - errors.len(),
            ))
        })?;
        if let Some(q) = &sub.questionnaire {
            agency_seen.replace(Some(q.agency.clone()));
            crate::fault::check(format_args!("assess:{}", q.agency.id));
        }
        let assessed = crate::pipeline::assess(&sub, &opts.target, opts.lang, opts.today);
        let (a, findings) = (&assessed.assessment, &assessed.findings);
        let input = ReportInput {
            rubric: &sub.rubric,
            assessment: a,
            inputs: &sub.inputs,
            findings,
            lang: opts.lang,
        };
        let text = json::render(&input);
        let page = html::render(&input).map_err(|e| e.to_string());
        let pending = agencies.join(format!(".{i}.pending.json"));
        // The HTML page is written beside the JSON under the same pending stem, and renamed with it.
        let written = page.and_then(|page| {
            crate::write::write_atomic(&pending, text.as_bytes())
                .and_then(|()| crate::write::write_atomic(&pending.with_extension("html"), page.as_bytes()))
                .map_err(|e| e.to_string())
        });
        written.map_err(|e| {
            Box::new(invalid(
                format!("cannot write the agency report: {e}"),
                Some(a.agency.clone()),
                0,
                0,
            ))
        })?;
        let errors = findings.iter().filter(|f| f.is_error()).count();
        let row = Row {
            path: path.clone(),
            agency_id: Some(a.agency.id.clone()),
            agency_name: a.agency.name.clone(),
            tier: a.agency.tier,
            status: RowStatus::Ok,
            level: Some(a.level),
            index: Some(index2(a.index)),
            target_met: Some(a.target.met),
            dimensions: a.dimensions.iter().map(|d| Some(d.level)).collect(),
            errors,
            warnings: findings.len() - errors,
            below_gate: opts.fail_below.is_some_and(|min| a.level < min),
            report: None,
            error: None,
        };
        Ok((row, Some(pending)))
    }));
    match work {
        Ok(Ok(done)) => done,
        Ok(Err(row)) => (*row, None),
        Err(_) => (
            invalid(
                "internal error while assessing this submission; please report it as a bug".into(),
                agency_seen.take(),
                1,
                0,
            ),
            None,
        ),
    }
}
