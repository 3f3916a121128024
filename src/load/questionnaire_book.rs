//! Questionnaire workbooks (`questionnaire.xlsx`, `.xlsm`, `.ods`, as `dgmat init --xlsx`
//! writes them), read into the same [`Parts`] as a YAML questionnaire, so that every rule, hint
//! and cap of [`super::questionnaire`] applies unchanged.
//!
//! The layout is [`crate::model::workbook`]'s. The workbook is opened by
//! [`super::spreadsheet`], under the same zip-directory and row caps as inventory workbooks,
//! with formulas read by their saved values; every problem is located by cell
//! (`questionnaire.xlsx!GOV!E7`). Reading happens in two steps because the rubric is chosen
//! from the agency sheet: [`read`] takes the agency block, [`answers`] then reads the answer
//! rows against the rubric (dropdown words and option labels back to answer values).

use std::collections::HashMap;
use std::path::Path;

use super::limits::Limits;
use super::questionnaire::{Parts, RawAnswer};
use super::spreadsheet;
use super::tabular::{self, Cell, Row, Table};
use crate::finding::{Finding, Rule};
use crate::lang::Lang;
use crate::location::{Location, Origin, Pos};
use crate::model::node::{Key, Node, Value};
use crate::model::questionnaire::{Agency, Respondent, Tier};
use crate::model::rubric::{AnswerKind, Criterion, Rubric};
use crate::model::workbook::{self as layout, TIER_WORDS, col};

/// A questionnaire workbook whose agency block has been read.
pub struct Book {
    /// The agency block, as a YAML questionnaire's envelope; its answers come from [`answers`].
    pub parts: Parts,
    /// SHA-256 of the file.
    pub sha256: String,
    /// The sheets its answers are read from.
    pub sheets: Sheets,
}

/// Every sheet of a questionnaire workbook but the agency sheet and the lists.
pub struct Sheets(Vec<Table>);

/// Reads the workbook at `path` (named `name` in findings) and its agency block. The problems
/// of the block (an empty agency id among them) come back beside the book, all of them, each
/// at its cell; `Err` when the workbook cannot be read at all, has no agency sheet, or is not
/// a version-1 questionnaire.
pub fn read(path: &Path, name: &str, limits: Limits) -> Result<(Book, Vec<Finding>), Finding> {
    let book = spreadsheet::read(path, name, limits, &mut |sheets| {
        sheets.iter().filter(|s| s.as_str() != layout::LISTS_SHEET).cloned().collect()
    })?;
    let mut tables = book.tables;
    // The agency sheet is the one holding the `agency.id` key (the first sheet, as written).
    let index = tables
        .iter()
        .position(|t| rows(t).any(|r| text(&r, layout::AGENCY_KEY_COL) == "agency.id"))
        .ok_or_else(|| {
            Finding::error(
                Rule::MissingKey,
                format!("{name} has no agency sheet: no cell in column A says `agency.id`"),
                tables.first().map(|t| t.origin.at_line(1, 1)),
            )
            .with_help("start from a workbook written by `dgmat init DIR --xlsx`, which has the agency block on its first sheet")
        })?;
    let agency_sheet = tables.remove(index);
    let (mut parts, problems) = envelope(name, &agency_sheet)?;
    if let Some(first) = tables.first() {
        parts.answers_location = first.origin.at_line(layout::HEADER_ROW + 1, 1);
    }
    Ok((
        Book {
            parts,
            sha256: book.sha256,
            sheets: Sheets(tables),
        },
        problems,
    ))
}

/// Every row of `table`, the first (which the reader took as a header) included.
fn rows(table: &Table) -> impl Iterator<Item = Row> + '_ {
    let first = (!table.headers.is_empty()).then(|| Row {
        line: table.header_line,
        cells: table.headers.iter().map(|(h, c)| (Cell::Text(h.clone()), *c)).collect(),
    });
    first.into_iter().chain(table.rows.iter().cloned())
}

/// The cell of `row` in the 0-based column `c`.
fn cell(row: &Row, c: u16) -> &Cell {
    row.cells.get(usize::from(c)).map_or(&Cell::Empty, |(cell, _)| cell)
}

/// The text of a cell of `row` (empty when blank).
fn text(row: &Row, c: u16) -> String {
    cell(row, c).text()
}

/// The position of 0-based column `c` of `row`.
fn pos(row: &Row, c: u16) -> Pos {
    Pos {
        line: row.line,
        column: u32::from(c) + 1,
    }
}

/// The agency block of the agency sheet `table`: the envelope of a questionnaire, and the
/// problems of its cells.
fn envelope(name: &str, table: &Table) -> Result<(Parts, Vec<Finding>), Finding> {
    let origin = &table.origin;
    let mut problems = Vec::new();
    let mut values: HashMap<&str, (Cell, Location)> = HashMap::new();
    for row in rows(table) {
        let key = text(&row, layout::AGENCY_KEY_COL);
        if let Some(k) = layout::AGENCY_KEYS.iter().find(|k| **k == key) {
            let value = cell(&row, layout::AGENCY_VALUE_COL).clone();
            values.insert(k, (value, origin.at(pos(&row, layout::AGENCY_VALUE_COL))));
        }
    }
    // Each value as text; error and formula cells are reported and read as blank.
    let mut texts: HashMap<&str, (String, Location)> = HashMap::new();
    for (key, (c, loc)) in &values {
        if let Some(f) = bad_cell(c, loc) {
            problems.push(f);
            continue;
        }
        let t = match c {
            Cell::Number(n) if *key == "assessed_on" => tabular::serial_date(*n).unwrap_or_else(|| c.text()),
            _ => c.text(),
        };
        if !t.is_empty() {
            texts.insert(key, (t, loc.clone()));
        }
    }
    problems.sort_by(|a, b| a.location.cmp(&b.location));
    let get = |key: &str| texts.get(key).cloned();
    if let Some((v, loc)) = get("dgmat")
        && v != "1"
    {
        return Err(
            Finding::error(Rule::FormatVersion, format!("unsupported format version {v}"), Some(loc))
                .with_help("this dgmat reads format version 1: write 1"),
        );
    }
    if let Some((k, loc)) = get("kind")
        && k != "questionnaire"
    {
        return Err(Finding::error(
            Rule::WrongKind,
            format!("expected a questionnaire, but this workbook is `kind: {k}`"),
            Some(loc),
        )
        .with_help("write `questionnaire`"));
    }
    // An empty id is reported beside the block's other problems, as a YAML questionnaire's is.
    let (id, id_location) = get("agency.id").unwrap_or_else(|| {
        let loc = values.get("agency.id").map_or_else(|| origin.at_line(1, 1), |(_, l)| l.clone());
        problems.push(
            Finding::error(
                Rule::MissingKey,
                format!("{name} names no agency: its `agency.id` cell is empty"),
                Some(loc.clone()),
            )
            .with_help("type the agency's short id, e.g. `moh`"),
        );
        (String::new(), loc)
    });
    let tier = get("agency.tier").and_then(|(t, loc)| match layout::canonical(&TIER_WORDS, &t) {
        Some("ministry") => Some(Tier::Ministry),
        Some("province") => Some(Tier::Province),
        Some("commune") => Some(Tier::Commune),
        Some(_) => Some(Tier::Other),
        None => {
            let words = TIER_WORDS.iter().map(|(en, _)| *en);
            let help = super::suggestion(&t.to_lowercase(), words)
                .unwrap_or_else(|| "pick ministry, province, commune or other from the dropdown".to_string());
            problems.push(Finding::error(Rule::InvalidValue, format!("unknown tier `{t}`"), Some(loc)).with_help(help));
            None
        }
    });
    let agency = Agency {
        id,
        name: get("agency.name").map(|(t, _)| t),
        tier,
        region: get("agency.region").map(|(t, _)| t),
    };
    let (rname, role, email) = (
        get("respondent.name").map(|(t, _)| t),
        get("respondent.role").map(|(t, _)| t),
        get("respondent.email").map(|(t, _)| t),
    );
    let respondent = (rname.is_some() || role.is_some() || email.is_some()).then_some(Respondent { name: rname, role, email });
    let agency_name_location = values.get("agency.name").map_or_else(|| id_location.clone(), |(_, l)| l.clone());
    let parts = Parts {
        file: name.to_string(),
        agency,
        // Findings about the answers as a whole point at the agency block until the answer
        // sheets are read (see `read`).
        answers_location: id_location.clone(),
        agency_location: id_location,
        agency_name_location,
        rubric: get("rubric"),
        assessed_on: get("assessed_on"),
        respondent,
        answers: Vec::new(),
    };
    Ok((parts, problems))
}

/// The finding for an error or formula cell at `loc`, which holds nothing to read.
fn bad_cell(c: &Cell, loc: &Location) -> Option<Finding> {
    match c {
        Cell::Error(e) => Some(
            Finding::error(
                Rule::InvalidValue,
                format!("the cell holds the spreadsheet error {e}"),
                Some(loc.clone()),
            )
            .with_help("correct the cell, or clear it"),
        ),
        Cell::Formula(f) => {
            Some(Finding::error(Rule::UncachedFormula, tabular::uncached(f), Some(loc.clone())).with_help(tabular::UNCACHED_HELP))
        }
        _ => None,
    }
}

/// One criterion's row and the evidence rows below it.
struct Pending {
    id: String,
    origin: Origin,
    key: Pos,
    answer: (Cell, Pos),
    note: (Cell, Pos),
    /// (ref, date, url) cells of each evidence row.
    evidence: Vec<[(Cell, Pos); 3]>,
}

/// The answers of the workbook's dimension sheets, read against `rubric`, and the problems met
/// (cells that cannot be read, answers twice, ignored sheets).
pub fn answers(sheets: &Sheets, rubric: &Rubric) -> (Vec<RawAnswer>, Vec<Finding>) {
    let mut problems = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    for table in &sheets.0 {
        let Origin::Sheet { sheet, book: file } = &table.origin else {
            continue;
        };
        if !rubric.dimensions.iter().any(|d| d.id.value.eq_ignore_ascii_case(sheet.trim())) {
            let dims: Vec<&str> = rubric.dimensions.iter().map(|d| d.id.value.as_str()).collect();
            problems.push(
                Finding::warning(
                    Rule::UnknownCollection,
                    format!("sheet `{sheet}` of {file} is ignored: the rubric has no dimension `{sheet}`"),
                    None,
                )
                .with_help(format!(
                    "answers are read from the sheets named after dimensions: {}",
                    dims.join(", ")
                )),
            );
            continue;
        }
        sheet_rows(table, &mut pending, &mut problems);
    }
    let criteria = rubric.criteria_by_id();
    let mut seen: HashMap<String, Location> = HashMap::new();
    let mut out = Vec::new();
    for p in pending {
        let blank = |c: &Cell| c.text().is_empty() && !matches!(c, Cell::Error(_) | Cell::Formula(_));
        if blank(&p.answer.0) && blank(&p.note.0) && p.evidence.is_empty() {
            // Unanswered: a question's blank row is passed on as a blank answer (as a YAML
            // `GOV-1.1:` is), so that `check` can point at it; other blank rows are ignored.
            if criteria.get(p.id.as_str()).is_some_and(|c| c.check.is_none()) {
                out.push(RawAnswer {
                    id: p.id,
                    origin: p.origin,
                    key: p.key,
                    node: Node {
                        value: Value::Null,
                        pos: p.answer.1,
                    },
                });
            }
            continue;
        }
        let here = p.origin.at(p.key);
        if let Some(first) = seen.get(&p.id) {
            problems.push(
                Finding::error(
                    Rule::DuplicateKey,
                    format!("`{}` is answered twice (also at {first})", p.id),
                    Some(here),
                )
                .with_help("keep one row per criterion"),
            );
            continue;
        }
        seen.insert(p.id.clone(), here);
        if let Some(node) = answer_node(&p, criteria.get(p.id.as_str()).copied(), &mut problems) {
            out.push(RawAnswer {
                id: p.id,
                origin: p.origin,
                key: p.key,
                node,
            });
        }
    }
    (out, problems)
}

/// Collects the criterion rows of the dimension sheet `table` into `pending`.
fn sheet_rows(table: &Table, pending: &mut Vec<Pending>, problems: &mut Vec<Finding>) {
    let origin = &table.origin;
    let first = pending.len();
    for row in rows(table).filter(|r| r.line > layout::HEADER_ROW + 1) {
        let id = text(&row, col::ID);
        let at = |c: u16| (cell(&row, c).clone(), pos(&row, c));
        let evidence = [at(col::EVIDENCE_REF), at(col::EVIDENCE_DATE), at(col::EVIDENCE_URL)];
        let has_evidence = evidence.iter().any(|(c, _)| !c.text().is_empty());
        if !id.is_empty() {
            pending.push(Pending {
                id,
                origin: origin.clone(),
                key: pos(&row, col::ID),
                answer: at(col::ANSWER),
                note: at(col::NOTE),
                evidence: if has_evidence { vec![evidence] } else { Vec::new() },
            });
            continue;
        }
        for c in [col::ANSWER, col::NOTE] {
            if !text(&row, c).is_empty() {
                problems.push(
                    Finding::error(
                        Rule::InvalidValue,
                        "an answer or note on a row without a criterion id",
                        Some(origin.at(pos(&row, c))),
                    )
                    .with_help("write it on its criterion's row (the id is in column A)"),
                );
            }
        }
        if has_evidence {
            match pending.get_mut(first..).and_then(<[Pending]>::last_mut) {
                Some(p) => p.evidence.push(evidence),
                None => problems.push(
                    Finding::error(
                        Rule::InvalidValue,
                        "evidence on a row below no criterion",
                        Some(origin.at(pos(&row, col::EVIDENCE_REF))),
                    )
                    .with_help("more evidence for a criterion goes on the rows just below its row, with column A empty"),
                ),
            }
        }
    }
}

/// The answer node of a criterion's rows (the long form when it has a note or evidence);
/// `None` when a cell cannot be read.
fn answer_node(p: &Pending, criterion: Option<&Criterion>, problems: &mut Vec<Finding>) -> Option<Node> {
    let blank = |c: &Cell| c.text().is_empty();
    let before = problems.len();
    let mut scalar = |(c, at): &(Cell, Pos)| -> Node {
        if let Some(f) = bad_cell(c, &p.origin.at(*at)) {
            problems.push(f);
        }
        Node {
            value: scalar_value(c),
            pos: *at,
        }
    };
    let mut value = scalar(&p.answer);
    if let (Some(c), Value::Str(t)) = (criterion, &value.value) {
        value.value = answer_word(t, c, value.pos);
    }
    let note = scalar(&p.note);
    let mut items = Vec::new();
    for [r, d, u] in &p.evidence {
        let mut entries = Vec::new();
        for (name, cell) in [("ref", r), ("date", d), ("url", u)] {
            if blank(&cell.0) && !matches!(cell.0, Cell::Error(_) | Cell::Formula(_)) {
                continue;
            }
            let mut node = scalar(cell);
            if let (Cell::Number(n), "date") = (&cell.0, name) {
                node.value = tabular::serial_date(*n).map_or(node.value, Value::Str);
            }
            entries.push((
                Key {
                    name: name.into(),
                    pos: cell.1,
                },
                node,
            ));
        }
        items.push(Node {
            value: Value::Map(entries),
            pos: r.1,
        });
    }
    if problems.len() > before {
        return None;
    }
    if note.value == Value::Null && items.is_empty() {
        return Some(value);
    }
    let key = |name: &str, at: Pos| Key {
        name: name.into(),
        pos: at,
    };
    let mut entries = vec![(key("answer", p.answer.1), value), (key("note", p.note.1), note)];
    if !items.is_empty() {
        let at = items[0].pos;
        entries.push((
            key("evidence", at),
            Node {
                value: Value::Seq(items),
                pos: at,
            },
        ));
    }
    Some(Node {
        value: Value::Map(entries),
        pos: p.answer.1,
    })
}

/// A cell as the YAML scalar a person would have typed: text, a number, a boolean, a date.
fn scalar_value(c: &Cell) -> Value {
    match c {
        Cell::Empty | Cell::Error(_) | Cell::Formula(_) => Value::Null,
        Cell::Text(t) if t.trim().is_empty() => Value::Null,
        Cell::Text(t) => Value::Str(t.trim().to_string()),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::Int(*n as i64),
        Cell::Number(n) => Value::Float(*n),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Date(d) => Value::Str(d.clone()),
    }
}

/// The answer value a dropdown word or option label `t` stands for in criterion `c`: `có`
/// is `yes`, an option's label (in any language) is its value, and several options of a
/// multiple choice are separated by `;`.
fn answer_word(t: &str, c: &Criterion, at: Pos) -> Value {
    let Some(kind) = c.answer.as_ref().map(|a| &a.value) else {
        return Value::Str(t.to_string());
    };
    let word = crate::model::words::answer_word(t);
    if word == Some("n/a") || (word.is_some() && matches!(kind.kind, AnswerKind::YesNo | AnswerKind::YesPartialNo)) {
        return Value::Str(word.unwrap_or(t).to_string());
    }
    if kind.kind != AnswerKind::Choice {
        return Value::Str(t.to_string());
    }
    let option = |s: &str| -> String {
        let s = s.trim();
        kind.options
            .iter()
            .find(|o| {
                o.value == s
                    || o.label
                        .as_ref()
                        .is_some_and(|l| [Lang::En, Lang::Vi].iter().any(|&lang| l.get(lang).trim().eq_ignore_ascii_case(s)))
            })
            .map_or_else(|| s.to_string(), |o| o.value.clone())
    };
    if kind.multiple {
        Value::Seq(
            t.split(';')
                .filter(|s| !s.trim().is_empty())
                .map(|s| Node {
                    value: Value::Str(option(s)),
                    pos: at,
                })
                .collect(),
        )
    } else {
        Value::Str(option(t))
    }
}
