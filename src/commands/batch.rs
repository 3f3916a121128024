//! `dgmat batch`: glue from the CLI to [`crate::batch`], and the terminal summary.

use std::sync::Arc;

use super::Exit;
use super::Failure;
use crate::assess::portfolio::RowStatus;
use crate::batch::{self, BatchOptions, Source};
use crate::cli::BatchArgs;
use crate::load::rubric::DEFAULT_RUBRIC;
use crate::report::words::words;
use crate::store;

/// Runs `dgmat batch`.
pub fn run(args: &BatchArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let source = match (&args.root, &args.inventory, &args.group_by) {
        (Some(root), _, _) if root.is_dir() => Source::Tree(root),
        (Some(root), _, _) => return Err(Failure::Usage(format!("{} is not a directory", root.display())).into()),
        (None, Some(file), Some(column)) if file.is_file() => Source::Consolidated(file, column),
        (None, Some(file), _) => return Err(Failure::Usage(format!("{} is not a file", file.display())).into()),
        _ => return Err(Failure::Usage("give a ROOT directory, or --inventory FILE with --group-by COLUMN".into()).into()),
    };
    let spec = args.rubric.as_deref().unwrap_or(DEFAULT_RUBRIC);
    let loaded = Arc::new(super::load_rubric(spec).map_err(|f| f.with_summary("the rubric is invalid; nothing was assessed"))?);
    let target = super::target(&loaded.rubric, args.target.as_deref())?;
    let ministry = super::ministry_waivers(&args.waivers)?;
    let started = std::time::Instant::now();
    let as_of = args.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let round_name = args.round.clone().unwrap_or_else(|| as_of.to_string());
    // The database is checked before anything is assessed: a file that is not a dgmat
    // database, or a round already in it, stops the run with nothing written.
    let mut db = match &args.db {
        Some(path) => {
            let db = store::Db::open_for_append(path)?;
            if !args.replace_round && db.has_round(&round_name)? {
                return Err(store::round_exists(db.name(), &round_name));
            }
            Some(db)
        }
        None => None,
    };
    let rubric = loaded.clone();
    let result = batch::run(&BatchOptions {
        source,
        out: &args.out,
        rubric: loaded,
        target,
        jobs: args.jobs,
        fail_below: args.fail_below,
        lang,
        today: as_of,
        round: round_name,
        progress: !quiet,
        follow_links: args.follow_links,
        verified: args.verified.as_deref(),
        waivers: ministry.as_ref(),
        no_waivers: args.waivers.no_waivers,
    })?;
    if args.waivers.no_waivers {
        crate::report::stderr!("{}", words(lang).batch_no_waivers);
    }
    for p in &result.discovery_problems {
        crate::report::stderr!(
            "{}",
            (words(lang).batch_skipped)(&crate::report::catalog::text(&p.to_string(), lang))
        );
    }
    for w in result.warnings.iter().take(50) {
        crate::report::stderr!("{}", (words(lang).warning_line)(&crate::report::catalog::text(w, lang)));
    }
    if result.warnings.len() > 50 {
        crate::report::stderr!("{}", (words(lang).batch_more_warnings)(result.warnings.len() - 50));
    }
    if let Some(db) = &mut db {
        let done = store::append(
            db,
            &store::RoundRecord {
                rubric: &rubric,
                round: &result.round,
                kpis: &result.kpis,
                rows: &result.rows,
                out: &args.out,
            },
            args.replace_round,
        )?;
        if !quiet {
            crate::report::stderr!(
                "{}",
                (words(lang).batch_stored)(done.replaced, &result.round.name, done.submissions, db.name())
            );
        }
    }
    // Every submission that could not be assessed, also one superseded by a readable copy of
    // the same agency: the file is still broken, and the run says so and exits 1.
    let invalid: Vec<_> = result
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Invalid || r.error.is_some())
        .collect();
    // Errors are shown even with --quiet, which silences only progress and summaries.
    for r in invalid.iter().take(20) {
        let error = crate::report::catalog::text(r.error.as_deref().unwrap_or_default(), lang);
        crate::report::stderr!("{}", (words(lang).batch_invalid)(&r.path, &error));
    }
    if invalid.len() > 20 {
        crate::report::stderr!("{}", (words(lang).batch_more_invalid)(invalid.len() - 20));
    }
    if !quiet {
        crate::report::stderr!(
            "{}",
            crate::report::batch::summary::text(
                &result.kpis,
                &result.round,
                rubric.rubric.scoring.overall != crate::model::rubric::Overall::None,
                lang
            )
            .trim_end()
        );
        if let Some(v) = &result.kpis.verification {
            let text = crate::report::batch::verified::text(v, result.kpis.totals.counted, lang);
            crate::report::stderr!("{}", crate::report::escape::terminal(text.trim_end()));
        }
        let secs = crate::report::locale::decimal(started.elapsed().as_secs_f64(), 1, lang);
        crate::report::stderr!("{}", (words(lang).batch_wrote)(&args.out.display().to_string(), &secs));
    }
    // An inspection that could not be used leaves its agency unverified: the run says so, exit 1.
    let unusable = result.kpis.verification.as_ref().map_or(0, |v| v.invalid.len());
    let failing = !invalid.is_empty() || unusable > 0 || result.rows.iter().any(|r| r.below_gate && r.status.counts());
    Ok(if failing { Exit::GateFailed } else { Exit::Ok })
}
