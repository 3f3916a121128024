//! The inventory workbook of `dgmat init --xlsx`: a typed sheet per collection, named after it,
//! the field names as headers with a note each, dropdowns and validation from the field types,
//! records from a loaded submission when filling.

use rust_xlsxwriter::{DataValidation, DataValidationRule, DocProperties, Format, FormatBorder, Note, Workbook, Worksheet, XlsxError};

use super::{Fill, Formats, LAST_ROW, date, fit};
use crate::lang::Lang;
use crate::model::rubric::{FieldDef, FieldType, LoadedRubric};
use crate::report::i18n::{Texts, texts};
use crate::rules::{Plain, plain};

/// The inventory workbook's bytes: a sheet per collection, records from `fill` if any.
pub fn inventory(loaded: &LoadedRubric, lang: Lang, today: chrono::NaiveDate, fill: &Fill<'_>) -> Result<Vec<u8>, XlsxError> {
    let t = texts(lang);
    let r = &loaded.rubric;
    let mut book = Workbook::new();
    let day = fill.questionnaire.and_then(|q| q.assessed_on).unwrap_or(today);
    book.set_properties(&DocProperties::new().set_creation_datetime(&date(day)?));
    let f = Formats::new();
    let header = f.header.clone().set_border(FormatBorder::Thin);
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let text_format = Format::new().set_num_format("@");
    for (i, (name, _, coll)) in r.inventory.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        for (c, (field, _, def)) in coll.fields.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, field, &header)?;
            ws.insert_note(
                0,
                c,
                &Note::new(field_note(field, def, coll.key.value == field, t, lang)).add_author_prefix(false),
            )?;
            ws.set_column_width(c, (field.chars().count() + 4).clamp(12, 40) as f64)?;
            match def.kind.value {
                FieldType::Date => {
                    ws.set_column_format(c, &date_format)?;
                }
                FieldType::String | FieldType::List | FieldType::Enum => {
                    ws.set_column_format(c, &text_format)?;
                }
                _ => {}
            }
            if let Some(v) = field_validation(def, t, lang)? {
                ws.add_data_validation(1, c, LAST_ROW, c, &v)?;
            }
        }
        let records = fill
            .inventory
            .and_then(|inv| inv.collections.get(i))
            .map(Vec::as_slice)
            .unwrap_or_default();
        for (n, record) in records.iter().enumerate() {
            let row = u32::try_from(n).unwrap_or(u32::MAX - 1) + 1;
            for (c, value) in record.values.iter().enumerate() {
                write_plain(ws, row, u16::try_from(c).unwrap_or(u16::MAX), &plain(value), &date_format)?;
            }
        }
        let last = u16::try_from(coll.fields.0.len().saturating_sub(1)).unwrap_or(0);
        ws.autofilter(0, 0, u32::try_from(records.len()).unwrap_or(0).max(1), last)?;
        ws.set_freeze_panes(1, 1)?;
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
    }
    book.save_to_buffer()
}

/// The note on a field's header: what it holds and means.
fn field_note(name: &str, def: &FieldDef, key: bool, t: &Texts, lang: Lang) -> String {
    let mut what = format!("{name}: {}", crate::report::rubric::field_type(def, lang));
    if def.required {
        what.push_str(&format!(", {}", t.required.to_lowercase()));
    }
    if key {
        what.push_str(&format!(", {}", t.wb_key));
    }
    if let Some(target) = &def.refers_to {
        what.push_str(&format!(" → {}", target.value));
    }
    if def.kind.value == FieldType::List {
        what.push_str(" (a; b; c)");
    }
    if let Some(d) = &def.description {
        what.push_str(&format!("\n\n{}", d.get(lang)));
    }
    what
}

/// The dropdown or range of a field's column, if its type has one.
fn field_validation(def: &FieldDef, t: &Texts, lang: Lang) -> Result<Option<DataValidation>, XlsxError> {
    let v = DataValidation::new();
    let v = match def.kind.value {
        FieldType::Enum => {
            let values = def.values.as_deref().unwrap_or_default();
            // Excel refuses an inline list longer than 255 characters; such a column is
            // checked when it is read instead.
            if values.iter().map(|s| s.chars().count() + 1).sum::<usize>() > 255 || values.iter().any(|s| s.contains(',')) {
                return Ok(None);
            }
            v.allow_list_strings(values)?.set_input_message(fit(t.wb_pick))?
        }
        FieldType::Boolean => v.allow_list_strings(&["true", "false"])?,
        FieldType::Integer => {
            let clamp = |x: f64| x.clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
            v.allow_whole_number(DataValidationRule::Between(
                clamp(def.min.unwrap_or(f64::from(i32::MIN))),
                clamp(def.max.unwrap_or(f64::from(i32::MAX))),
            ))
        }
        FieldType::Number => v.allow_decimal_number(DataValidationRule::Between(def.min.unwrap_or(-1e15), def.max.unwrap_or(1e15))),
        _ => return Ok(None),
    };
    Ok(Some(v.set_error_message(fit(&crate::report::catalog::describe(
        &def.describe(),
        lang,
    )))?))
}

/// Writes one field value as a typed cell.
fn write_plain(ws: &mut Worksheet, row: u32, c: u16, v: &Plain, date_format: &Format) -> Result<(), XlsxError> {
    match v {
        Plain::Null => {}
        Plain::Bool(b) => {
            ws.write_boolean(row, c, *b)?;
        }
        Plain::Int(n) => {
            ws.write_number(row, c, *n as f64)?;
        }
        Plain::Number(n) => {
            ws.write_number(row, c, *n)?;
        }
        Plain::Text(s) => {
            ws.write_string(row, c, s)?;
        }
        Plain::Date(d) => {
            ws.write_date_with_format(row, c, date(*d)?, date_format)?;
        }
        Plain::List(items) => {
            let text: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Plain::Text(s) => s.clone(),
                    Plain::Int(n) => n.to_string(),
                    Plain::Number(n) => n.to_string(),
                    Plain::Bool(b) => b.to_string(),
                    Plain::Date(d) => d.to_string(),
                    Plain::Null | Plain::List(_) => String::new(),
                })
                .collect();
            ws.write_string(row, c, text.join("; "))?;
        }
    }
    Ok(())
}
