//! `dgmat progress`: read the rounds' summaries, compute progress, render it.

use std::path::{Path, PathBuf};

use super::Exit;
use super::Failure;
use crate::assess::progress::{self, RoundInput};
use crate::cli::{Format, ProgressArgs};

/// Runs `dgmat progress`.
pub fn run(args: &ProgressArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let mut rounds = args.results.iter().map(|p| read_round(p)).collect::<Result<Vec<_>, _>>()?;
    if let Some(path) = &args.db {
        rounds.extend(crate::store::rounds(&crate::store::Db::open_read_only(path)?)?);
    }
    // The same round given twice (a folder and the database, or one folder twice) would be
    // compared with itself.
    let mut seen = std::collections::BTreeMap::new();
    for (source, r) in &rounds {
        if let Some(first) = seen.insert((r.round.name.clone(), r.round.date), source.clone()) {
            return Err(Failure::Usage(format!(
                "round `{}` of {} is given twice ({first} and {source}); give each round once",
                r.round.name, r.round.date
            ))
            .into());
        }
    }
    if rounds.len() < 2 {
        return Err(Failure::Usage(format!(
            "progress compares two or more rounds; {} given (batch output directories, or the rounds of --db)",
            rounds.len()
        ))
        .into());
    }
    let p = progress::compute(rounds);
    for w in &p.warnings {
        let change = crate::report::catalog::text(&crate::report::progress::rubric_change(w), lang);
        crate::report::stderr!("{}", (crate::report::words::words(lang).warning_line)(&change));
    }
    let text = match args.format {
        Format::Table => crate::report::progress::to_table(&p, lang),
        Format::Json => crate::report::progress::to_json(&p),
        Format::Markdown => crate::report::progress::to_markdown(&p, lang),
        Format::Html => crate::report::progress::to_html(&p, lang).map_err(|e| anyhow::anyhow!("cannot render the page: {e}"))?,
    };
    match &args.output {
        Some(path) => super::write_atomic(path, &text)?,
        None => super::print(&text)?,
    }
    if !quiet && args.format != Format::Table {
        for t in &p.targets {
            let share = t.projected_share.map_or_else(
                || "—".to_string(),
                |x| format!("{}%", crate::report::locale::decimal(x * 100.0, 1, lang)),
            );
            let due = t
                .due
                .as_deref()
                .map_or_else(|| "—".to_string(), |d| crate::report::locale::date(d, lang));
            crate::report::stderr!(
                "{}",
                (crate::report::words::words(lang).progress_target)(&t.id, &share, &due, t.on_track)
            );
        }
    }
    Ok(Exit::Ok)
}

/// Reads a round from a batch output directory (its summary.json) or a summary.json file.
fn read_round(path: &Path) -> Result<(String, RoundInput), Failure> {
    let file: PathBuf = if path.is_dir() {
        path.join("summary.json")
    } else {
        path.to_path_buf()
    };
    let name = file.display().to_string();
    if !file.is_file() {
        return Err(Failure::Usage(format!(
            "{name}: no such file; give the output directories of `dgmat batch` (each holds summary.json)"
        )));
    }
    let text = crate::load::yaml::read_text(&file, &name).map_err(|f| Failure::findings(vec![f], crate::source::Sources::default()))?;
    let round: RoundInput = serde_json::from_str(&text).map_err(|e| {
        Failure::Usage(format!(
            "{name}:{}:{}: not a batch summary this version reads ({e}); rerun `dgmat batch` to write one",
            e.line(),
            e.column()
        ))
    })?;
    Ok((path.display().to_string(), round))
}
