//! Batch evaluation: discover submissions below a root, assess them in parallel, write a
//! deterministic, atomic set of outputs (summaries, `index.html`, a JSON and an HTML report per
//! agency). May import: `pipeline`, `report`, `assess`, `load`, `model` and the bottom modules;
//! never `commands`.
//!
//! Guarantees: one bad submission (unreadable, invalid, or even a panic while assessing it)
//! becomes an `invalid` row and never stops the batch, while an output failure stops it (the
//! output's fault, not the agency's) with the previous output set untouched ([`outset`]); rows
//! are sorted by path, so the outputs are the same bytes whatever the thread count; every file
//! is written whole in a private staging folder before the set is swapped in; file names come
//! from sanitised agency ids and stay inside the output directory; a worker keeps nothing of an
//! assessed agency but its summary row. `batch/agency.rs` does one submission's work.

mod agency;
pub mod discover;
pub mod output;
pub mod outset;
pub mod profile;
pub mod verified;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use rayon::prelude::*;

use crate::assess::TargetChoice;
use crate::assess::portfolio::{self, Kpis, Row, RowStatus};
use crate::assess::round::{self, Round};
use crate::failure::Failure;
use crate::lang::Lang;
use crate::load::submission::{self, RubricChoice};
use crate::model::rubric::LoadedRubric;
use crate::report::batch::{index, summary};
use crate::report::phrase;

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
    /// The round's date (`--as-of`): the assessment date of submissions without one, and the
    /// date staleness is judged at.
    pub today: chrono::NaiveDate,
    /// The round's name (`--round`).
    pub round: String,
    /// Whether to draw a progress bar.
    pub progress: bool,
    /// Whether to follow symbolic links that leave the root (`--follow-links`).
    pub follow_links: bool,
    /// The inspectors' submissions verifying the agencies' (`--verified`).
    pub verified: Option<&'a Path>,
    /// The ministry-wide waivers (`--waivers FILE`), applied to the agencies they name.
    pub waivers: Option<&'a crate::model::waivers::MinistryWaivers>,
    /// `--no-waivers`: every waiver is ignored.
    pub no_waivers: bool,
}

/// The result of a batch run.
pub struct BatchResult {
    /// Rows, sorted by path.
    pub rows: Vec<Row>,
    /// Indicators.
    pub kpis: Kpis,
    /// Problems met while discovering that leave no row (symbolic-link loops, rows of no agency).
    pub discovery_problems: Vec<String>,
    /// The round: name, date, the age limit.
    pub round: Round,
    /// What the integrity checks found: duplicate ids, look-alike ids, stale and incomplete
    /// submissions, each naming its paths.
    pub warnings: Vec<String>,
}

/// Runs a batch: discover, assess in parallel, write every output.
///
/// The output set is built in a staging folder inside `opts.out` and swapped in at the end
/// (see [`outset`]); any output failure ends the run with an error naming the path and leaves
/// the previous set untouched.
pub fn run(opts: &BatchOptions<'_>) -> anyhow::Result<BatchResult> {
    let out = resolved(opts.out);
    if let Source::Tree(root) = opts.source
        && root.canonicalize().is_ok_and(|r| r == out)
    {
        return Err(Failure::Usage(format!(
            "--out {} is ROOT itself: the outputs would mix with the submissions; choose a folder beside it",
            opts.out.display()
        ))
        .into());
    }
    // The walk never enters --out, so a submission folder given as --out is found here.
    if let Source::Tree(_) = opts.source
        && opts.out.is_dir()
        && discover::has_marker(opts.out, &discover::markers(opts.rubric.rubric.inventory.keys())).unwrap_or(false)
    {
        return Err(Failure::Usage(format!(
            "--out {} is a submission folder: the outputs would mix with an agency's files; choose a folder outside it",
            opts.out.display()
        ))
        .into());
    }
    let found = profile::time(profile::Phase::Discover, || discover_work(opts))?;
    for (label, _, work) in &found.items {
        if let Work::Dir(dir) = work
            && dir.canonicalize().is_ok_and(|d| out.starts_with(d))
        {
            return Err(Failure::Usage(format!(
                "--out {} is inside the submission {label}: the outputs would mix with an agency's files; choose a folder outside it",
                opts.out.display()
            ))
            .into());
        }
    }
    let inspections = match opts.verified {
        Some(dir) => Some(verified::Inspections::discover(opts, &checked_verified(opts, dir)?)?),
        None => None,
    };
    std::fs::create_dir_all(opts.out).with_context(|| format!("cannot create the output directory {}", opts.out.display()))?;
    let current = opts.out.join("agencies");
    if std::fs::symlink_metadata(&current).is_ok_and(|m| !m.is_dir()) {
        return Err(Failure::Usage(format!(
            "{} is not a folder; the batch writes its agency reports there: move it away or choose another --out",
            current.display()
        ))
        .into());
    }
    let (_lock, note) = outset::Lock::take(opts.out)?;
    if let Some(note) = note {
        crate::report::stderr!("note: {note}");
    }
    let staging = outset::Staging::create(opts.out)?;
    let agencies = staging.agencies.clone();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(opts.jobs).build()?;
    let mut rows = assess_all(opts, &pool, &found, &agencies, inspections.as_ref())?;
    // A folder that could not be read is a row of its own: the published results must show
    // that something was not assessed, not silently leave it out.
    rows.extend(
        found
            .unreadable
            .iter()
            .map(|(path, why)| (agency::invalid_row(opts, path, why.clone(), None, 1, 0), None)),
    );
    rows.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    let mut rows = profile::time(profile::Phase::Name, || name_reports(rows, &agencies))?;
    let round = Round {
        name: opts.round.clone(),
        date: opts.today,
        max_age_days: opts.rubric.rubric.scoring.max_age_days,
    };
    let (settled, notes) = round::settle(&mut rows, &round);
    for (i, note) in notes {
        rows[i].note = Some(phrase::row_note(&note));
    }
    let mut warnings: Vec<String> = settled.iter().map(phrase::round_finding).collect();
    warnings.extend(
        rows.iter()
            .filter(|r| r.status == RowStatus::Incomplete)
            .map(|r| phrase::incomplete(&r.path).1),
    );
    let mut kpis = portfolio::compute(&opts.rubric, &rows);
    if let Some(inspections) = inspections {
        let found = inspections.found;
        let notes = inspections.notes(&rows);
        warnings.extend(notes.iter().map(crate::report::reconcile::inspection_note));
        kpis.verification = Some(verified::figures(&opts.rubric, &rows, found, &notes));
    }
    profile::time(profile::Phase::Summaries, || {
        write_summaries(opts, &staging.dir, &rows, &kpis, &round, &warnings)
    })?;
    pool.install(|| staging.swap_into(opts.out))?;
    profile::report();
    Ok(BatchResult {
        rows,
        kpis,
        discovery_problems: found.problems,
        round,
        warnings,
    })
}

/// The `--verified` folder, refused when it and ROOT or the output folder lie one inside the
/// other: inspections would be assessed as agencies' submissions, or the reverse.
fn checked_verified(opts: &BatchOptions<'_>, dir: &Path) -> anyhow::Result<PathBuf> {
    if !dir.is_dir() {
        return Err(Failure::Usage(format!("--verified {} is not a directory", dir.display())).into());
    }
    let real = resolved(dir);
    if let Source::Tree(root) = opts.source {
        let root = resolved(root);
        if real.starts_with(&root) || root.starts_with(&real) {
            return Err(Failure::Usage(format!(
                "--verified {} and ROOT {} lie one inside the other: the inspectors' submissions would be assessed as agencies' (or the reverse); keep them in separate folders",
                dir.display(),
                root.display()
            ))
            .into());
        }
    }
    if resolved(opts.out).starts_with(&real) {
        return Err(Failure::Usage(format!(
            "--out {} is inside --verified {}: choose an output folder outside it",
            opts.out.display(),
            dir.display()
        ))
        .into());
    }
    Ok(dir.to_path_buf())
}

/// `p` made absolute with its existing part resolved (links, `..`): the folder it is or will be.
fn resolved(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |acc, part| acc.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name);
                existing = parent;
            }
            _ => return abs,
        }
    }
}

/// The work a batch found to do.
struct Found {
    /// (label, size, work): labels are the paths the summary shows and sorts by.
    items: Vec<(String, u64, Work)>,
    /// The consolidated inventory the groups come from.
    consolidated: Option<submission::Consolidated>,
    /// Problems met while discovering that leave no row (loops, rows of no agency).
    problems: Vec<String>,
    /// Places the walk could not enter (unreadable folders, loops): (path as the summary shows
    /// it, why), each an invalid row.
    unreadable: Vec<(String, String)>,
}

/// Finds the submissions of the batch's source.
fn discover_work(opts: &BatchOptions<'_>) -> anyhow::Result<Found> {
    match opts.source {
        Source::Tree(root) => Ok(tree_work(opts, root)),
        Source::Consolidated(file, column) => consolidated_work(opts, file, column),
    }
}

/// Every submission directory below `root` (the output directory excepted).
fn tree_work(opts: &BatchOptions<'_>, root: &Path) -> Found {
    let markers = discover::markers(opts.rubric.rubric.inventory.keys());
    let (dirs, problems) = discover::submissions(root, Some(opts.out), &markers, opts.follow_links);
    let label = |dir: &Path| {
        let rel = dir.strip_prefix(root).unwrap_or(dir);
        if rel.as_os_str().is_empty() {
            ".".to_string()
        } else {
            rel.to_string_lossy().replace('\\', "/")
        }
    };
    let mut items = Vec::new();
    for dir in dirs {
        items.push((label(&dir), submission::submission_bytes(&dir), Work::Dir(dir)));
    }
    // Every place the walk could not enter is a row of its own (a loop too): nothing below ROOT
    // vanishes from the results without a word.
    let unreadable = problems.into_iter().map(|p| (label(&p.path), p.why)).collect();
    Found {
        items,
        consolidated: None,
        problems: Vec::new(),
        unreadable,
    }
}

/// One group per agency of the consolidated inventory `file`, split by `column`.
fn consolidated_work(opts: &BatchOptions<'_>, file: &Path, column: &str) -> anyhow::Result<Found> {
    let (c, values, blank) = submission::Consolidated::open(file, &opts.rubric, column).map_err(|f| {
        let sources = crate::source::Sources::default();
        crate::failure::Failure::findings(vec![f], sources).with_summary("could not split the consolidated inventory")
    })?;
    let mut problems = Vec::new();
    if blank > 0 {
        problems.push(format!("{}: {blank} row(s) leave `{column}` blank and belong to no agency", c.name));
    }
    let mut items = Vec::new();
    for v in values {
        let file_name = file
            .file_name()
            .map_or_else(|| c.name.clone(), |n| n.to_string_lossy().into_owned());
        let rows = c.rows_of(&v) as u64;
        items.push((format!("{file_name}#{}={v}", c.column), rows, Work::Group(v)));
    }
    Ok(Found {
        items,
        consolidated: Some(c),
        problems,
        unreadable: Vec::new(),
    })
}

/// Assesses every item on `pool` (`opts.jobs` threads); each yields its row and its pending report.
fn assess_all(
    opts: &BatchOptions<'_>,
    pool: &rayon::ThreadPool,
    found: &Found,
    agencies: &Path,
    inspections: Option<&verified::Inspections>,
) -> anyhow::Result<Vec<(Row, Option<PathBuf>)>> {
    let items = &found.items;
    let bar = progress_bar(items.len() as u64, opts.progress, opts.lang);
    // Largest submissions first, one at a time: a big ministry picked up last would leave the
    // other threads idle at the end. The order of the results does not depend on it.
    let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, item)| (item.1, i)).collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let rows: anyhow::Result<Vec<_>> = pool.install(|| {
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
                    Work::Group(value) => match &found.consolidated {
                        Some(c) => c.submission(value, opts.rubric.clone()),
                        None => unreachable!("groups come from a consolidated inventory"),
                    },
                };
                let load = || profile::time(profile::Phase::Load, load);
                let row = agency::assess_one(opts, label, load, i, agencies, inspections);
                bar.inc(1);
                row
            })
            .collect()
    });
    bar.finish_and_clear();
    rows
}

/// Gives the pending reports of `rows` (sorted by path) their final names under `agencies`.
fn name_reports(mut rows: Vec<(Row, Option<PathBuf>)>, agencies: &Path) -> anyhow::Result<Vec<Row>> {
    // Final names are given in path order, after the parallel phase, so that two submissions
    // claiming one agency id get `<id>.json` and `<id>-2.json` whatever finished first. Every
    // agency first gets its own id's name if no earlier row took it; only then do the second
    // claimants get a free numbered name, so `mont-2` never lands on an agency called `mont-2`.
    let stems: Vec<Option<String>> = rows
        .iter()
        .map(|(row, pending)| pending.as_ref().and(row.agency_id.as_deref()).map(output::sanitize))
        .collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut names: Vec<Option<String>> = stems
        .iter()
        .map(|stem| stem.as_ref().filter(|s| used.insert(s.to_ascii_lowercase())).cloned())
        .collect();
    for (name, stem) in names.iter_mut().zip(&stems) {
        if let (None, Some(stem)) = (&name, stem) {
            let free = (2..).map(|n| format!("{stem}-{n}")).find(|c| used.insert(c.to_ascii_lowercase()));
            *name = free;
        }
    }
    for ((row, pending), name) in rows.iter_mut().zip(names) {
        let (Some(pending), Some(stem)) = (pending.take(), name) else {
            continue;
        };
        let name = format!("{stem}.json");
        let (html, json) = (agencies.join(&name).with_extension("html"), agencies.join(&name));
        std::fs::rename(pending.with_extension("html"), &html).with_context(|| format!("cannot write {}", html.display()))?;
        std::fs::rename(&pending, &json).with_context(|| format!("cannot write {}", json.display()))?;
        row.report = Some(format!("agencies/{name}"));
    }
    Ok(rows.into_iter().map(|(r, _)| r).collect())
}

/// Writes summary.csv, summary.json and index.html into `dir`.
fn write_summaries(
    opts: &BatchOptions<'_>,
    dir: &Path,
    rows: &[Row],
    kpis: &Kpis,
    round: &Round,
    warnings: &[String],
) -> anyhow::Result<()> {
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        crate::fault::io(format_args!("write:{name}"))
            .and_then(|()| crate::write::write_unsynced(&path, bytes))
            .with_context(|| format!("cannot write {}", path.display()))
    };
    write("summary.csv", &summary::csv(&opts.rubric, rows, round)?)?;
    write("summary.json", summary::json(&opts.rubric, kpis, rows, round, warnings)?.as_bytes())?;
    let index = index::render(&index::build(&opts.rubric, rows, kpis, round, warnings, opts.lang))
        .map_err(|e| anyhow::anyhow!("cannot render index.html: {e}"))?;
    write("index.html", index.as_bytes())?;
    Ok(())
}

/// A progress bar of `len` agencies on stderr, hidden unless `show`.
fn progress_bar(len: u64, show: bool, lang: crate::lang::Lang) -> indicatif::ProgressBar {
    if !show {
        return indicatif::ProgressBar::hidden();
    }
    // The default draw target is stderr and is hidden when stderr is not a terminal.
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(crate::report::words::words(lang).progress_bar) {
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
