//! `dgmat publish`: read a batch summary, compute the publishable statistics, write them as a
//! set (`statistics.csv`, `statistics.json`, `statistics.html`).

use std::path::{Path, PathBuf};

use super::{Exit, Failure};
use crate::assess::publish::{self, SummaryInput};
use crate::cli::PublishArgs;
use crate::report::publish::Statistics;

/// The files `publish` writes into `--out`.
pub const FILES: [&str; 3] = ["statistics.csv", "statistics.json", "statistics.html"];

/// Runs `dgmat publish`.
pub fn run(args: &PublishArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let (file, dir) = if args.results.is_dir() {
        (args.results.join("summary.json"), args.results.clone())
    } else {
        let parent = args.results.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        (args.results.clone(), parent)
    };
    refuse_results_folder(&args.out, &dir)?;
    let summary = read_summary(&file)?;
    let min_group = usize::try_from(args.min_group).unwrap_or(usize::MAX);
    let groups = publish::statistics(&summary, min_group);
    let stats = Statistics {
        rubric: &summary.rubric,
        round: &summary.round,
        min_group,
        groups: &groups,
        on_verified: publish::on_verified_levels(&summary),
    };
    let html = crate::report::publish::html(&stats, lang).map_err(|e| anyhow::anyhow!("cannot render the page: {e}"))?;
    let contents = [
        crate::report::publish::csv(&stats)?,
        crate::report::publish::json(&stats)?.into_bytes(),
        html.into_bytes(),
    ];
    std::fs::create_dir_all(&args.out).map_err(|e| anyhow::anyhow!("cannot create {}: {e}", args.out.display()))?;
    let files: Vec<(PathBuf, Vec<u8>)> = FILES.iter().map(|n| args.out.join(n)).zip(contents).collect();
    crate::write::write_set(&files).map_err(|(path, e)| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
    if !quiet {
        let suppressed = groups.iter().filter(|g| g.shares.is_none()).count();
        let line = crate::report::words::words(lang).published;
        crate::report::stderr!("{}", line(groups.len(), suppressed, min_group, &args.out.display().to_string()));
    }
    Ok(Exit::Ok)
}

/// Refuses `--out` at or inside the batch output folder, whose reports name every agency: the
/// published folder must hold the statistics alone.
fn refuse_results_folder(out: &Path, results: &Path) -> Result<(), Failure> {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let out_abs = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let results_abs = canon(results);
    let nearest = out_abs.ancestors().find(|a| a.exists()).map(canon).unwrap_or(out_abs);
    if nearest.starts_with(&results_abs) && results_abs.join("summary.json").is_file() {
        return Err(Failure::Usage(format!(
            "--out {} is inside the batch results {}, whose reports name every agency; write the statistics to a folder of their own",
            out.display(),
            results.display()
        )));
    }
    Ok(())
}

/// Reads a batch summary, or fails saying what it expected.
fn read_summary(file: &Path) -> Result<SummaryInput, Failure> {
    let name = file.display().to_string();
    if !file.is_file() {
        return Err(Failure::Usage(format!(
            "{name}: no such file; give the output directory of `dgmat batch` (it holds summary.json) or the summary.json file"
        )));
    }
    let text = crate::load::yaml::read_text(file, &name).map_err(|f| Failure::findings(vec![f], crate::source::Sources::default()))?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::Usage(format!(
            "{name}:{}:{}: not a batch summary this version reads ({e}); rerun `dgmat batch` to write one",
            e.line(),
            e.column()
        ))
    })
}
