//! `dgmat init`: write questionnaire and inventory templates for a rubric.

use std::path::Path;

use super::Exit;
use crate::lang::Lang;
use crate::load::rubric::DEFAULT_RUBRIC;
use crate::report::rubric::init;

/// Where the templates look for their JSON Schemas, relative to themselves.
const SCHEMA_DIR: &str = "../schemas";

/// Runs `dgmat init`.
pub fn run(dir: &Path, rubric_spec: Option<&str>, force: bool, csv: bool, lang: Lang, quiet: bool) -> anyhow::Result<Exit> {
    let spec = rubric_spec.unwrap_or(DEFAULT_RUBRIC);
    let loaded = super::load_rubric(spec)?;
    // The templates point at the rubric's schemas in `schemas/` beside the submission
    // directory, where `dgmat schema --write` puts them (a repository of submissions shares one).
    let id = Some(loaded.rubric.id.value.as_str());
    let schema = |kind| format!("{SCHEMA_DIR}/{}", super::schema::file_name(kind, id));
    let mut files = vec![(
        dir.join("questionnaire.yaml"),
        init::questionnaire(&loaded, lang, chrono::Local::now().date_naive(), Some(&schema("questionnaire"))),
    )];
    if csv {
        for (name, coll) in loaded.rubric.inventory.0.iter() {
            files.push((dir.join(format!("{}.csv", name.value)), init::csv_header(coll)));
        }
    } else {
        files.push((
            dir.join("inventory.yaml"),
            init::inventory(&loaded, lang, Some(&schema("inventory"))),
        ));
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() && !force {
        return Err(super::Failure::Usage(format!(
            "{} already exist(s); nothing was written\nhelp: pass --force to overwrite, or choose another directory",
            existing.join(", ")
        ))
        .into());
    }
    std::fs::create_dir_all(dir)?;
    for (path, text) in &files {
        super::write_atomic(path, text)?;
    }
    if !quiet {
        let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
        crate::stderr!("wrote {}", names.join(", "));
        crate::stderr!(
            "next: fill them in, then run `dgmat check {}` and `dgmat assess {}`",
            dir.display(),
            dir.display()
        );
        let schemas = match dir.file_name() {
            Some(_) => dir.parent().unwrap_or(Path::new("")).join("schemas"),
            None => dir.join("..").join("schemas"),
        };
        let rubric = rubric_spec.map(|r| format!(" --rubric {r}")).unwrap_or_default();
        crate::stderr!(
            "editors validate as you type once the schemas exist: dgmat schema --write {}{rubric}",
            schemas.display()
        );
    }
    Ok(Exit::Ok)
}
