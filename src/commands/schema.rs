//! `dgmat schema rubric|questionnaire|inventory|report`.

use super::Exit;
use crate::cli::SchemaKind;
use crate::load::rubric::DEFAULT_RUBRIC;

/// Runs `dgmat schema`.
pub fn run(kind: SchemaKind, rubric_spec: Option<&str>) -> anyhow::Result<Exit> {
    let value = match kind {
        SchemaKind::Rubric => crate::schema::rubric(),
        SchemaKind::Questionnaire => crate::schema::questionnaire(),
        SchemaKind::Report => crate::schema::report(),
        SchemaKind::Diff => crate::schema::diff(),
        SchemaKind::Inventory => crate::schema::inventory(&super::load_rubric(rubric_spec.unwrap_or(DEFAULT_RUBRIC))?.rubric),
    };
    let mut text = serde_json::to_string_pretty(&value)?;
    text.push('\n');
    super::print(&text)?;
    Ok(Exit::Ok)
}
