//! Workbooks written by `dgmat init --xlsx`: a questionnaire people answer from dropdowns and an
//! inventory with a typed sheet per collection, optionally filled from a loaded submission.
//!
//! The questionnaire follows the layout of [`crate::model::workbook`], which the loader reads
//! back; only its input cells are unlocked, headers are frozen and pages fit the paper's width.
//! The inventory is what the inventory loader reads: a sheet per collection named after it, the
//! field names as headers (`workbook/inventory.rs`). Both are valid as written: `dgmat check`
//! passes on the blank ones.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::lang::Lang;
use crate::model::inventory::Inventory;
use crate::model::questionnaire::{Agency, AnswerValue, Questionnaire, Tier};
use crate::model::rubric::{AnswerKind, AnswerType, Criterion, EvidenceRule, LoadedRubric};
use crate::model::workbook::{self as layout, ANSWER_WORDS, TIER_WORDS, col};
use crate::report::i18n::{Texts, texts};

mod inventory;
pub use inventory::inventory;

/// The input cells' colour: a pale yellow people read as "fill me in".
const INPUT: Color = Color::RGB(0xFFF4CE);
/// Read-only cells of computed criteria.
const GREY: Color = Color::RGB(0xEDEDED);
/// The last row that dropdowns and formats cover on inventory sheets.
const LAST_ROW: u32 = 65_535;

/// The formats every sheet uses.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    key: Format,
    input: Format,
    input_date: Format,
    computed: Format,
}

impl Formats {
    fn new() -> Self {
        let text = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        let input = text.clone().set_unlocked().set_background_color(INPUT);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header: text.clone().set_bold().set_background_color(Color::RGB(0xD9E2F3)),
            key: text.clone().set_font_color(Color::RGB(0x666666)),
            input_date: input.clone().set_num_format("yyyy-mm-dd"),
            input,
            computed: text.clone().set_background_color(GREY),
            text,
        }
    }
}

/// What a workbook is filled with: `--from`'s submission, or nothing.
pub struct Fill<'a> {
    /// The questionnaire to copy answers, notes, evidence and the agency block from.
    pub questionnaire: Option<&'a Questionnaire>,
    /// The inventory to copy records from.
    pub inventory: Option<&'a Inventory>,
}

/// The questionnaire workbook's bytes; `today` dates a blank template.
pub fn questionnaire(loaded: &LoadedRubric, lang: Lang, today: chrono::NaiveDate, fill: &Fill<'_>) -> Result<Vec<u8>, XlsxError> {
    let t = texts(lang);
    let q = fill.questionnaire;
    let assessed_on = q.and_then(|q| q.assessed_on).unwrap_or(today);
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_creation_datetime(&date(assessed_on)?));
    let f = Formats::new();
    agency_sheet(book.add_worksheet(), loaded, t, lang, assessed_on, q, &f)?;
    // The dropdowns of choice questions live on a hidden sheet: Excel caps an inline list at
    // 255 characters, and labels may hold commas.
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    for d in &loaded.rubric.dimensions {
        let ws = book.add_worksheet();
        dimension_sheet(ws, d, t, lang, q, &f, &mut lists)?;
    }
    let ws = book.add_worksheet();
    ws.set_name(layout::LISTS_SHEET)?;
    for (i, (id, items)) in lists.iter().enumerate() {
        let c = u16::try_from(i).unwrap_or(u16::MAX);
        ws.write_string(0, c, id)?;
        for (r, item) in items.iter().enumerate() {
            ws.write_string(u32::try_from(r).unwrap_or(u32::MAX) + 1, c, item)?;
        }
    }
    ws.set_hidden(true);
    ws.protect();
    book.save_to_buffer()
}

/// The first sheet: instructions and the agency block.
fn agency_sheet(
    ws: &mut Worksheet,
    loaded: &LoadedRubric,
    t: &Texts,
    lang: Lang,
    assessed_on: chrono::NaiveDate,
    q: Option<&Questionnaire>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let r = &loaded.rubric;
    ws.set_name(t.wb_instructions_sheet)?;
    ws.set_column_width(layout::AGENCY_KEY_COL, 18)?;
    ws.set_column_width(layout::AGENCY_LABEL_COL, 42)?;
    ws.set_column_width(layout::AGENCY_VALUE_COL, 60)?;
    ws.write_string_with_format(0, 0, format!("{} — {}@{}", r.title.get(lang), r.id.value, r.version), &f.title)?;
    let mut row = 2;
    for paragraph in t.wb_instructions {
        ws.merge_range(row, 0, row, 2, paragraph, &f.text.clone().set_border(FormatBorder::None))?;
        ws.set_row_height(row, 15.0 * lines(paragraph, 120) as f64)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, t.wb_agency_block, &f.title)?;
    row += 1;
    let agency = q.map(|q| &q.agency);
    let respondent = q.and_then(|q| q.respondent.as_ref());
    for (i, key) in layout::AGENCY_KEYS.iter().enumerate() {
        ws.write_string_with_format(row, layout::AGENCY_KEY_COL, *key, &f.key)?;
        ws.write_string_with_format(row, layout::AGENCY_LABEL_COL, t.wb_agency_labels[i], &f.header)?;
        let c = layout::AGENCY_VALUE_COL;
        let value: Option<String> = match *key {
            "dgmat" => {
                ws.write_number_with_format(row, c, 1, &f.key)?;
                None
            }
            "kind" => Some("questionnaire".into()),
            "rubric" => Some(format!("{}@{}", r.id.value, r.version)),
            "agency.id" => Some(agency.map_or_else(|| "my-agency".to_string(), |a| a.id.clone())),
            "agency.name" => agency.and_then(|a| a.name.clone()),
            "agency.tier" => {
                let words: Vec<&str> = TIER_WORDS.iter().map(|w| word(*w, lang)).collect();
                ws.add_data_validation(row, c, row, c, &DataValidation::new().allow_list_strings(&words)?)?;
                agency.and_then(tier).map(|k| word(TIER_WORDS[k], lang).to_string())
            }
            "agency.region" => agency.and_then(|a| a.region.clone()),
            "assessed_on" => {
                ws.write_date_with_format(row, c, date(assessed_on)?, &f.input_date)?;
                None
            }
            "respondent.name" => respondent.and_then(|p| p.name.clone()),
            "respondent.role" => respondent.and_then(|p| p.role.clone()),
            "respondent.email" => respondent.and_then(|p| p.email.clone()),
            _ => None,
        };
        let format = if matches!(*key, "kind" | "rubric") { &f.key } else { &f.input };
        match value {
            Some(v) => {
                ws.write_string_with_format(row, c, v, format)?;
            }
            None if !matches!(*key, "dgmat" | "assessed_on") => {
                ws.write_blank(row, c, format)?;
            }
            None => {}
        }
        row += 1;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.protect_with_options(&protection());
    Ok(())
}

/// The index in [`TIER_WORDS`] of the agency's tier.
fn tier(a: &Agency) -> Option<usize> {
    Some(match a.tier? {
        Tier::Ministry => 0,
        Tier::Province => 1,
        Tier::Commune => 2,
        Tier::Other => 3,
    })
}

/// A dropdown word in `lang`.
fn word((en, vi): (&'static str, &'static str), lang: Lang) -> &'static str {
    if lang == Lang::Vi { vi } else { en }
}

/// How a dimension sheet may be changed besides its input cells: rows inserted (for more
/// evidence), rows and columns resized.
fn protection() -> ProtectionOptions {
    ProtectionOptions {
        insert_rows: true,
        format_rows: true,
        format_columns: true,
        ..ProtectionOptions::default()
    }
}

/// About how many lines `text` takes in a cell `width` characters wide.
fn lines(text: &str, width: usize) -> usize {
    text.lines().map(|l| l.chars().count() / width + 1).sum::<usize>().max(1)
}

/// A date as the writer takes it.
fn date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
    )
}

/// Cuts `text` to what a data-validation message holds (255 characters).
fn fit(text: &str) -> String {
    if text.chars().count() <= 250 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(249).collect::<String>())
    }
}

/// The sheet of dimension `d`: its answerable criteria, then its computed ones.
fn dimension_sheet(
    ws: &mut Worksheet,
    d: &crate::model::rubric::Dimension,
    t: &Texts,
    lang: Lang,
    q: Option<&Questionnaire>,
    f: &Formats,
    lists: &mut Vec<(String, Vec<String>)>,
) -> Result<(), XlsxError> {
    ws.set_name(&d.id.value)?;
    ws.write_string_with_format(0, 0, format!("{} — {}", d.id.value, d.name.get(lang)), &f.title)?;
    ws.write_string(1, 0, t.wb_sheet_hint)?;
    for (c, h) in t.wb_headers.iter().enumerate() {
        ws.write_string_with_format(layout::HEADER_ROW, u16::try_from(c).unwrap_or(0), *h, &f.header)?;
    }
    for (c, w) in [10, 8, 50, 44, 16, 36, 34, 13, 28].into_iter().enumerate() {
        ws.set_column_width(u16::try_from(c).unwrap_or(0), w)?;
    }
    let mut row = layout::HEADER_ROW + 1;
    for c in d.criteria.iter().filter(|c| c.check.is_none()) {
        row = criterion_rows(ws, row, c, t, lang, q, f, lists)?;
    }
    let computed: Vec<&Criterion> = d.criteria.iter().filter(|c| c.check.is_some()).collect();
    if !computed.is_empty() {
        row += 1;
        // Column A stays empty: the reader takes a row with an id there for a criterion.
        ws.merge_range(row, col::QUESTION, row, col::COUNT - 1, t.wb_computed_section, &f.header)?;
        row += 1;
        for c in computed {
            let what = c.check.as_ref().map(|k| check_text(k, lang)).unwrap_or_default();
            ws.write_string_with_format(row, col::ID, &c.id.value, &f.computed)?;
            ws.write_string_with_format(row, col::LEVEL, tag(c), &f.computed)?;
            ws.write_string_with_format(row, col::QUESTION, c.title.get(lang), &f.computed)?;
            ws.write_string_with_format(row, col::GUIDANCE, format!("{}: {what}", t.computed), &f.computed)?;
            for k in col::ANSWER..col::COUNT {
                ws.write_blank(row, k, &f.computed)?;
            }
            row += 1;
        }
    }
    ws.set_freeze_panes(layout::HEADER_ROW + 1, 1)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, layout::HEADER_ROW)?;
    ws.protect_with_options(&protection());
    Ok(())
}

/// What a computed criterion checks, in words.
fn check_text(k: &crate::model::rubric::Check, lang: Lang) -> String {
    if let Some(d) = &k.description {
        return format!("{} ({})", d.get(lang), k.collection.value);
    }
    let mut parts = vec![k.collection.value.clone()];
    if let Some(w) = &k.filter {
        parts.push(format!("where {}", w.source));
    }
    if let Some(r) = &k.require {
        parts.push(format!("require {}", r.source));
    }
    parts.join(", ")
}

/// A criterion's level, or its points.
fn tag(c: &Criterion) -> String {
    match (&c.level, c.points) {
        (Some(l), _) => l.value.to_string(),
        (None, Some(p)) => format!("{p} pts"),
        (None, None) => String::new(),
    }
}

/// The words of an answer type's dropdown in `lang`, if it has one.
fn dropdown(a: &AnswerType, allow_na: bool, lang: Lang) -> Option<Vec<String>> {
    let mut words: Vec<String> = match a.kind {
        AnswerKind::YesNo => [ANSWER_WORDS[0], ANSWER_WORDS[2]].iter().map(|w| word(*w, lang).into()).collect(),
        AnswerKind::YesPartialNo => ANSWER_WORDS[..3].iter().map(|w| word(*w, lang).into()).collect(),
        AnswerKind::Choice => a.options.iter().map(|o| option_label(o, lang)).collect(),
        _ => return None,
    };
    if allow_na {
        words.push(word(ANSWER_WORDS[3], lang).into());
    }
    Some(words)
}

/// What a choice option shows in the dropdown: its label, else its value.
fn option_label(o: &crate::model::rubric::ChoiceOption, lang: Lang) -> String {
    o.label.as_ref().map_or_else(|| o.value.clone(), |l| l.get(lang).trim().to_string())
}

/// Writes criterion `c`'s row (and its extra evidence rows) at `row`; the next free row.
#[allow(clippy::too_many_arguments)]
fn criterion_rows(
    ws: &mut Worksheet,
    row: u32,
    c: &Criterion,
    t: &Texts,
    lang: Lang,
    q: Option<&Questionnaire>,
    f: &Formats,
    lists: &mut Vec<(String, Vec<String>)>,
) -> Result<u32, XlsxError> {
    let Some(a) = c.answer.as_ref().map(|a| &a.value) else {
        return Ok(row);
    };
    let question = c.question.as_ref().map_or_else(String::new, |x| x.get(lang).to_string());
    let mut guide = c.guidance.as_ref().map_or_else(String::new, |g| g.get(lang).to_string());
    let mut allowed =
        dropdown(a, c.allow_na, lang).map_or_else(|| crate::report::catalog::describe(&a.describe(), lang), |w| w.join(" | "));
    if a.multiple {
        allowed.push_str(&format!(" ({})", t.wb_several));
    }
    if c.evidence == EvidenceRule::Required {
        allowed.push_str(&format!(" · {}", t.evidence_required));
    }
    if c.allow_na {
        allowed.push_str(&format!(" · {}", t.na_allowed));
    }
    if !guide.is_empty() {
        guide.push_str("\n\n");
    }
    guide.push_str(&format!("{}: {allowed}", t.wb_allowed));
    for (level, statement) in &a.statements {
        guide.push_str(&format!("\n{} {level}: {}", t.level, statement.get(lang)));
    }
    ws.write_string_with_format(row, col::ID, &c.id.value, &f.text)?;
    ws.write_string_with_format(row, col::LEVEL, tag(c), &f.text)?;
    ws.write_string_with_format(row, col::QUESTION, format!("{}\n\n{question}", c.title.get(lang)), &f.text)?;
    ws.write_string_with_format(row, col::GUIDANCE, &guide, &f.text)?;
    let height = lines(&guide, 44).max(lines(&question, 50) + 2);
    ws.set_row_height(row, 15.0 * height.min(26) as f64)?;
    let validation = answer_validation(c, a, t, lang, &allowed, lists)?;
    ws.add_data_validation(row, col::ANSWER, row, col::ANSWER, &validation)?;
    let answer = q.and_then(|q| q.answers.get(&c.id.value));
    match answer.map(|x| &x.value) {
        Some(AnswerValue::Number(n)) => {
            ws.write_number_with_format(row, col::ANSWER, *n, &f.input)?;
        }
        Some(AnswerValue::Level(l)) => {
            ws.write_number_with_format(row, col::ANSWER, f64::from(*l), &f.input)?;
        }
        Some(v) => {
            ws.write_string_with_format(row, col::ANSWER, answer_text(v, a, lang), &f.input)?;
        }
        None => {
            ws.write_blank(row, col::ANSWER, &f.input)?;
        }
    }
    match answer.and_then(|x| x.note.as_deref()) {
        Some(n) => ws.write_string_with_format(row, col::NOTE, n, &f.input)?,
        None => ws.write_blank(row, col::NOTE, &f.input)?,
    };
    let evidence = answer.map(|x| x.evidence.as_slice()).unwrap_or_default();
    let mut r = row;
    for (i, e) in evidence.iter().enumerate().chain(evidence.is_empty().then_some((0, &BLANK))) {
        if i > 0 {
            // More evidence: a row of its own below, with only the evidence cells to fill.
            r += 1;
            for k in col::ID..col::EVIDENCE_REF {
                ws.write_blank(r, k, if k >= col::ANSWER { &f.computed } else { &f.text })?;
            }
        }
        ws.write_string_with_format(r, col::EVIDENCE_REF, &e.reference, &f.input)?;
        match e.date {
            Some(d) => ws.write_date_with_format(r, col::EVIDENCE_DATE, date(d)?, &f.input_date)?,
            None => ws.write_blank(r, col::EVIDENCE_DATE, &f.input_date)?,
        };
        match &e.url {
            Some(u) => ws.write_string_with_format(r, col::EVIDENCE_URL, u, &f.input)?,
            None => ws.write_blank(r, col::EVIDENCE_URL, &f.input)?,
        };
    }
    Ok(r + 1)
}

/// A blank piece of evidence, for the cells of a criterion without any.
static BLANK: crate::model::questionnaire::Evidence = crate::model::questionnaire::Evidence {
    reference: String::new(),
    date: None,
    url: None,
};

/// The answer cell's check: a dropdown, a range, or a whole level.
fn answer_validation(
    c: &Criterion,
    a: &AnswerType,
    t: &Texts,
    lang: Lang,
    allowed: &str,
    lists: &mut Vec<(String, Vec<String>)>,
) -> Result<DataValidation, XlsxError> {
    let v = DataValidation::new();
    let v = match (a.kind, dropdown(a, c.allow_na, lang)) {
        (AnswerKind::Choice, Some(words)) => {
            let k = lists.len();
            let n = words.len();
            lists.push((c.id.value.clone(), words));
            let column = crate::location::column_letters(u32::try_from(k).unwrap_or(0) + 1);
            let v = v.allow_list_formula(Formula::new(format!("='{}'!${column}$2:${column}${}", layout::LISTS_SHEET, n + 1)));
            // Several options are typed with `;`, which a dropdown cannot give.
            if a.multiple {
                v.set_error_style(DataValidationErrorStyle::Warning)
            } else {
                v
            }
        }
        (_, Some(words)) => v.allow_list_strings(&words)?,
        (AnswerKind::Percent, None) => v.allow_decimal_number(DataValidationRule::Between(0.0, 100.0)),
        (AnswerKind::Level, None) => v.allow_whole_number(DataValidationRule::Between(1, 5)),
        (_, None) => v.allow_decimal_number(DataValidationRule::Between(-1e15, 1e15)),
    };
    // A number that may also be `n/a` cannot be held to a number: warn instead of refusing.
    let v = if c.allow_na && matches!(a.kind, AnswerKind::Percent | AnswerKind::Number | AnswerKind::Level) {
        v.set_error_style(DataValidationErrorStyle::Warning)
    } else {
        v
    };
    v.set_input_title(fit(t.answer))?
        .set_input_message(fit(allowed))?
        .set_error_title(fit(t.wb_allowed))?
        .set_error_message(fit(allowed))
}

/// An answer as the dropdown shows it.
fn answer_text(v: &AnswerValue, a: &AnswerType, lang: Lang) -> String {
    let label = |value: &str| {
        a.options
            .iter()
            .find(|o| o.value == value)
            .map_or_else(|| value.to_string(), |o| option_label(o, lang))
    };
    match v {
        AnswerValue::Yes => word(ANSWER_WORDS[0], lang).into(),
        AnswerValue::Partial => word(ANSWER_WORDS[1], lang).into(),
        AnswerValue::No => word(ANSWER_WORDS[2], lang).into(),
        AnswerValue::NotApplicable => word(ANSWER_WORDS[3], lang).into(),
        AnswerValue::Number(n) => n.to_string(),
        AnswerValue::Level(l) => l.to_string(),
        AnswerValue::Choice(values) => values.iter().map(|v| label(v)).collect::<Vec<_>>().join("; "),
        AnswerValue::Text(t) => t.clone(),
    }
}
