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
pub mod kpi;
pub mod output;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::assess::{TargetChoice, assess};
use crate::finding::merged;
use crate::model::rubric::LoadedRubric;
use crate::load::submission::{self, RubricChoice};
use crate::model::questionnaire::Tier;
use crate::report::{ReportInput, batch_index, html, index2, json};

/// Whether a submission could be assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RowStatus {
    /// Assessed.
    Ok,
    /// Could not be assessed; `error` says why.
    Invalid,
}

/// One submission's line in the summary.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The submission directory, relative to the batch root.
    pub path: String,
    /// Agency id, when known.
    pub agency_id: Option<String>,
    /// Agency name, when known.
    pub agency_name: Option<String>,
    /// Tier, when known.
    pub tier: Option<Tier>,
    /// ok or invalid.
    pub status: RowStatus,
    /// Overall level.
    pub level: Option<u8>,
    /// Overall index (rounded down to 2 decimals).
    pub index: Option<f64>,
    /// Whether the target is met.
    pub target_met: Option<bool>,
    /// Level of each dimension, in rubric order.
    pub dimensions: Vec<Option<u8>>,
    /// Error findings (invalid) or record-rule errors (ok).
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Below `--fail-below`.
    pub below_gate: bool,
    /// The agency report, relative to the output directory.
    pub report: Option<String>,
    /// Why the submission is invalid: the first error, located, and how many more.
    pub error: Option<String>,
}

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
    pub lang: &'a str,
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
    pub kpis: kpi::Kpis,
    /// Problems met while discovering (unreadable folders, loops).
    pub discovery_problems: Vec<String>,
}

/// Runs a batch: discover, assess in parallel, write every output.
pub fn run(opts: &BatchOptions<'_>) -> anyhow::Result<BatchResult> {
    let agencies = opts.out.join("agencies");
    std::fs::create_dir_all(&agencies)?;
    output::remove_leftovers(opts.out);
    output::remove_leftovers(&agencies);
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
            let (c, values, blank) =
                submission::Consolidated::open(file, &opts.rubric, column).map_err(|f| anyhow::anyhow!("{}", f.message))?;
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
    let kpis = kpi::compute(&opts.rubric, &rows);
    write_summary_csv(&opts.out.join("summary.csv"), &opts.rubric, &rows)?;
    write_summary_json(&opts.out.join("summary.json"), opts, &kpis, &rows)?;
    let index = html::render_index(&batch_index::build(&opts.rubric, &rows, &kpis, opts.lang))
        .map_err(|e| anyhow::anyhow!("cannot render index.html: {e}"))?;
    output::write_atomic(&opts.out.join("index.html"), index.as_bytes())?;
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
        let a = assess(
            &sub.rubric,
            sub.questionnaire.as_ref(),
            &sub.inventory,
            &opts.target,
            opts.lang,
            opts.today,
        );
        let findings = merged(&sub.warnings, &a.findings);
        let input = ReportInput {
            rubric: &sub.rubric,
            assessment: &a,
            inputs: &sub.inputs,
            findings: &findings,
            lang: opts.lang,
        };
        let text = json::render(&input);
        let page = html::render(&input).map_err(|e| e.to_string());
        let pending = agencies.join(format!(".{i}.pending.json"));
        // The HTML page is written beside the JSON under the same pending stem, and renamed with it.
        let written = page.and_then(|page| {
            output::write_atomic(&pending, text.as_bytes())
                .and_then(|()| output::write_atomic(&pending.with_extension("html"), page.as_bytes()))
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

fn write_summary_csv(path: &Path, rubric: &LoadedRubric, rows: &[Row]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "path",
        "agency_id",
        "agency_name",
        "tier",
        "status",
        "overall_level",
        "index",
        "target_met",
    ]
    .map(String::from)
    .to_vec();
    header.extend(rubric.rubric.dimensions.iter().map(|d| d.id.value.clone()));
    header.extend(["errors", "warnings", "report", "error"].map(String::from));
    w.write_record(&header)?;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for r in rows {
        let mut record = vec![
            r.path.clone(),
            opt(r.agency_id.clone()),
            opt(r.agency_name.clone()),
            opt(r.tier.map(|t| format!("{t:?}").to_lowercase())),
            format!("{:?}", r.status).to_lowercase(),
            opt(r.level.map(|l| l.to_string())),
            opt(r.index.map(|x| format!("{x:.2}"))),
            opt(r.target_met.map(|m| m.to_string())),
        ];
        record.extend(r.dimensions.iter().map(|d| opt(d.map(|l| l.to_string()))));
        record.extend([
            r.errors.to_string(),
            r.warnings.to_string(),
            opt(r.report.clone()),
            opt(r.error.clone()),
        ]);
        w.write_record(record.iter().map(|c| output::csv_cell(c)))?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    output::write_atomic(path, &bytes)?;
    Ok(())
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    dgmat_batch: u32,
    tool: serde_json::Value,
    rubric: serde_json::Value,
    #[serde(flatten)]
    kpis: &'a kpi::Kpis,
    rows: &'a [Row],
}

fn write_summary_json(path: &Path, opts: &BatchOptions<'_>, kpis: &kpi::Kpis, rows: &[Row]) -> anyhow::Result<()> {
    let r = &opts.rubric;
    let doc = SummaryJson {
        dgmat_batch: 1,
        tool: serde_json::json!({"name": "dgmat", "version": env!("CARGO_PKG_VERSION")}),
        rubric: serde_json::json!({"id": r.rubric.id.value, "version": r.rubric.version, "sha256": r.sha256}),
        kpis,
        rows,
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    output::write_atomic(path, text.as_bytes())?;
    Ok(())
}
