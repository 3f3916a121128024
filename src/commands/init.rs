//! `dgmat init`: write questionnaire and inventory templates for a rubric.

use std::path::Path;

use super::Exit;
use crate::lang::Lang;
use crate::load::rubric::DEFAULT_RUBRIC;
use crate::report::rubric::init;

/// Runs `dgmat init`.
pub fn run(dir: &Path, rubric_spec: Option<&str>, force: bool, csv: bool, lang: Lang, quiet: bool) -> anyhow::Result<Exit> {
    let spec = rubric_spec.unwrap_or(DEFAULT_RUBRIC);
    let loaded = super::load_rubric(spec)?;
    let mut files = vec![(
        dir.join("questionnaire.yaml"),
        init::questionnaire(&loaded, lang, chrono::Local::now().date_naive()),
    )];
    if csv {
        for (name, coll) in loaded.rubric.inventory.0.iter() {
            files.push((dir.join(format!("{}.csv", name.value)), init::csv_header(coll)));
        }
    } else {
        files.push((dir.join("inventory.yaml"), init::inventory(&loaded, lang)));
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
    }
    Ok(Exit::Ok)
}
