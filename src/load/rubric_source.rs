//! Finding the rubric a command names: a file (a whole rubric, or an overlay that extends one)
//! or a shipped rubric by id. Sits above both [`rubric`] and [`overlay`], which it chooses
//! between, so that neither imports the other's caller.

use std::path::Path;
use std::sync::Arc;

use super::{overlay, rubric, suggestion, yaml};
use crate::finding::{Finding, Rule};
use crate::model::rubric::LoadedRubric;

/// Loads a rubric from a path or, if `spec` names no file, from the shipped rubrics.
pub fn load(spec: &str) -> Result<LoadedRubric, Vec<Finding>> {
    let path = Path::new(spec);
    if path.is_file() {
        let text = yaml::read_text(path, spec).map_err(|f| vec![f])?;
        if overlay::is_overlay(&text) {
            return overlay::load(spec, text);
        }
        return rubric::from_text(spec, text);
    }
    if let Some(kind) = std::fs::metadata(path).ok().and_then(|m| yaml::special_kind(m.file_type()))
        && !path.is_dir()
    {
        return Err(vec![yaml::not_regular(spec, kind)]);
    }
    match rubric::SHIPPED.iter().find(|(id, _, _)| *id == spec) {
        Some((_, file, text)) => rubric::from_text(&format!("rubrics/{file}"), Arc::from(*text)),
        None => {
            let ids: Vec<&str> = rubric::SHIPPED.iter().map(|(id, _, _)| *id).collect();
            let help = suggestion(spec, ids.iter().copied())
                .unwrap_or_else(|| format!("shipped rubrics: {}; or give a path to a rubric file", ids.join(", ")));
            Err(vec![
                Finding::error(Rule::Rubric, format!("no rubric file or shipped rubric named `{spec}`"), None).with_help(help),
            ])
        }
    }
}
