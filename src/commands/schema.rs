//! `dgmat schema rubric|questionnaire|inventory|report|diff|waivers|summary`, and `dgmat schema --write DIR`.

use std::path::Path;

use super::Exit;
use crate::cli::SchemaKind;
use crate::load::rubric::{DEFAULT_RUBRIC, SHIPPED};
use crate::model::rubric::Rubric;

/// The name of the schema file of `kind` (`questionnaire`, `inventory`, ...), for `rubric` when
/// the schema is the rubric's own: `questionnaire.vn-dgmm.schema.json`. `init` points its files
/// at these names and `--write` writes them.
pub fn file_name(kind: &str, rubric: Option<&str>) -> String {
    match rubric {
        Some(id) => format!("{kind}.{id}.schema.json"),
        None => format!("{kind}.schema.json"),
    }
}

/// Runs `dgmat schema`.
pub fn run(
    kind: Option<SchemaKind>,
    rubric_spec: Option<&str>,
    write: Option<&Path>,
    quiet: bool,
    lang: crate::lang::Lang,
) -> anyhow::Result<Exit> {
    if let Some(dir) = write {
        return write_all(dir, rubric_spec, quiet, lang);
    }
    let Some(kind) = kind else {
        return Err(super::Failure::Usage("name a format, or pass --write DIR".into()).into());
    };
    let rubric = || super::load_rubric(rubric_spec.unwrap_or(DEFAULT_RUBRIC)).map(|r| r.rubric);
    let value = match kind {
        SchemaKind::Rubric => crate::schema::rubric(),
        SchemaKind::Questionnaire if rubric_spec.is_some() => crate::schema::questionnaire_for(&rubric()?),
        SchemaKind::Questionnaire => crate::schema::questionnaire(),
        SchemaKind::Report => crate::schema::report(),
        SchemaKind::Diff => crate::schema::diff(),
        SchemaKind::Waivers => crate::schema::waivers(),
        SchemaKind::Summary => crate::schema::summary(),
        SchemaKind::Inventory => crate::schema::inventory(&rubric()?),
    };
    super::print(&text(&value)?)?;
    Ok(Exit::Ok)
}

fn text(value: &serde_json::Value) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

/// Writes every schema into `dir`: the formats', and the questionnaire and inventory schemas of
/// the rubric `spec` (else of every shipped rubric).
fn write_all(dir: &Path, spec: Option<&str>, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let rubrics: Vec<Rubric> = match spec {
        Some(spec) => vec![super::load_rubric(spec)?.rubric],
        None => SHIPPED
            .iter()
            .map(|(id, _, _)| super::load_rubric(id).map(|r| r.rubric))
            .collect::<Result<_, _>>()?,
    };
    let mut files = vec![
        (file_name("rubric", None), crate::schema::rubric()),
        (file_name("questionnaire", None), crate::schema::questionnaire()),
        (file_name("report", None), crate::schema::report()),
        (file_name("diff", None), crate::schema::diff()),
        (file_name("waivers", None), crate::schema::waivers()),
        (file_name("summary", None), crate::schema::summary()),
    ];
    for r in &rubrics {
        let id = Some(r.id.value.as_str());
        files.push((file_name("questionnaire", id), crate::schema::questionnaire_for(r)));
        files.push((file_name("inventory", id), crate::schema::inventory(r)));
    }
    std::fs::create_dir_all(dir)?;
    for (name, value) in &files {
        super::write_atomic(&dir.join(name), &text(value)?)?;
    }
    if !quiet {
        crate::report::stderr!(
            "{}",
            (crate::report::words::words(lang).wrote_into)(files.len(), true, &dir.display().to_string())
        );
    }
    Ok(Exit::Ok)
}
