//! `dgmat init`: write questionnaire and inventory templates for a rubric: YAML (the default),
//! `<collection>.csv` headers (`--csv`) or workbooks (`--xlsx`, filled from `--from`).

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::Exit;
use crate::cli::InitArgs;
use crate::load::rubric::DEFAULT_RUBRIC;
use crate::report::rubric::{init, workbook};

/// Where the templates look for their JSON Schemas, relative to themselves.
const SCHEMA_DIR: &str = "../schemas";

/// Runs `dgmat init`.
pub fn run(args: &InitArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let (dir, lang) = (&args.dir, lang);
    let today = chrono::Local::now().date_naive();
    // `--from`: the submission is loaded (and must load) against --rubric, else its own.
    let from = match &args.from {
        Some(path) => Some(super::load_submission(
            std::slice::from_ref(path),
            args.rubric.as_deref(),
            "could not read the --from submission",
        )?),
        None => None,
    };
    let own;
    let loaded = match &from {
        Some(sub) => &*sub.rubric,
        None => {
            own = super::load_rubric(args.rubric.as_deref().unwrap_or(DEFAULT_RUBRIC))?;
            &own
        }
    };
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if args.xlsx {
        let fill = workbook::Fill {
            questionnaire: from.as_ref().and_then(|s| s.questionnaire.as_ref()),
            inventory: from.as_ref().map(|s| &s.inventory),
        };
        let q = workbook::questionnaire(loaded, lang, today, &fill).context("cannot build questionnaire.xlsx")?;
        files.push((dir.join("questionnaire.xlsx"), q));
        // A rubric without collections (a questionnaire-only framework) gets no inventory.
        if !loaded.rubric.inventory.0.is_empty() {
            let i = workbook::inventory(loaded, lang, today, &fill).context("cannot build inventory.xlsx")?;
            files.push((dir.join("inventory.xlsx"), i));
        }
    } else {
        // The YAML templates point at the rubric's schemas in `schemas/` beside the submission
        // directory, where `dgmat schema --write` puts them (a repository of submissions shares
        // one).
        let id = Some(loaded.rubric.id.value.as_str());
        let schema = |kind| format!("{SCHEMA_DIR}/{}", super::schema::file_name(kind, id));
        files.push((
            dir.join("questionnaire.yaml"),
            init::questionnaire(loaded, lang, today, Some(&schema("questionnaire"))).into_bytes(),
        ));
        if args.csv {
            for (name, coll) in loaded.rubric.inventory.0.iter() {
                files.push((dir.join(format!("{}.csv", name.value)), init::csv_header(coll).into_bytes()));
            }
        } else {
            files.push((
                dir.join("inventory.yaml"),
                init::inventory(loaded, lang, Some(&schema("inventory"))).into_bytes(),
            ));
        }
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() && !args.force {
        return Err(super::Failure::Usage(format!(
            "{} already exist(s); nothing was written\nhelp: pass --force to overwrite, or choose another directory",
            existing.join(", ")
        ))
        .into());
    }
    std::fs::create_dir_all(dir)?;
    for (path, bytes) in &files {
        crate::write::write_atomic(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    }
    if !quiet {
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        let w = crate::report::words::words(lang);
        crate::report::stderr!("{}", (w.wrote)(&names.join(", ")));
        crate::report::stderr!("{}", (w.init_next)(&dir.display().to_string()));
        // Workbooks validate through their dropdowns; the YAML templates through the schemas
        // their `$schema` lines name.
        if !args.xlsx {
            let schemas = match dir.file_name() {
                Some(_) => dir.parent().unwrap_or(Path::new("")).join("schemas"),
                None => dir.join("..").join("schemas"),
            };
            let rubric = args.rubric.as_deref().map(|r| format!(" --rubric {r}")).unwrap_or_default();
            let command = format!("dgmat schema --write {}{rubric}", schemas.display());
            crate::report::stderr!("{}", (w.init_schemas)(&command));
        }
    }
    Ok(Exit::Ok)
}
