//! Documents made from a rubric alone: the rubric as Markdown (`rubric doc`) and the
//! questionnaire and inventory templates (`init`).

pub mod doc;
pub mod init;
pub mod workbook;

use crate::lang::Lang;
use crate::model::rubric::{FieldDef, FieldType};

/// How a field is declared, in `lang`; an enum's values with the labels the rubric gives them
/// (`production (Đang vận hành)`), since a cell may hold either.
pub fn field_type(def: &FieldDef, lang: Lang) -> String {
    let plain = crate::report::catalog::describe(&def.describe(), lang);
    let values = def.values.as_deref().unwrap_or_default();
    if def.kind.value != FieldType::Enum || def.labels.is_empty() || values.is_empty() {
        return plain;
    }
    let labelled: Vec<String> = values
        .iter()
        .map(|v| match def.labels.get(v) {
            // `planning (Planning)` says nothing twice.
            Some(label) if !label.get(lang).eq_ignore_ascii_case(&v.replace('_', " ")) => {
                format!("{v} ({})", label.get(lang))
            }
            _ => v.clone(),
        })
        .collect();
    plain.replacen(&values.join(", "), &labelled.join(", "), 1)
}
