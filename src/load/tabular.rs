//! Tabular inventories: `<collection>.csv` files and spreadsheet sheets, typed by the rubric.
//!
//! Both become a [`Table`]: a header row and rows of [`Cell`]s with their positions. Headers
//! match field names case-, space- and underscore-insensitively, and through a field's
//! `aliases`. Cells are typed exactly as YAML values are (the same code), so `yes`/`no`/`1`/`0`
//! booleans, ISO dates and `;`-separated lists work the same; an empty cell or one of the
//! collection's `null_values` is null; a number in a date column is a spreadsheet date serial.
//! Every bad cell is reported at its location (`file:line:col` or `book.xlsx!Sheet!C12`).

use super::inventory::push_record;
use crate::finding::{Finding, Rule, did_you_mean};
use crate::location::Pos;
use crate::location::{Location, Origin};
use crate::model::inventory::Inventory;
use crate::model::node::{Key, Node, Value};
use crate::model::rubric::{Collection, FieldType, InvalidRecords, Rubric};

/// The most columns a header may have; real inventories have tens.
pub const MAX_COLUMNS: usize = 1_000;

/// One cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text (every CSV cell).
    Text(String),
    /// A spreadsheet number; in a date column, a date serial.
    Number(f64),
    /// A spreadsheet boolean.
    Bool(bool),
    /// A spreadsheet date, as ISO 8601.
    Date(String),
    /// A spreadsheet error value such as `#N/A`.
    Error(String),
    /// A formula saved without its value (`=SUM(A1:A3)`): nothing to read.
    Formula(String),
}

impl Cell {
    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, the way it would be written in a CSV file.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Date(t) | Cell::Error(t) | Cell::Formula(t) => t.trim().to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// A number as people write it: `12`, not `12.0`.
fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A spreadsheet date serial (days since 1899-12-30, the 1900 date system) as an ISO date,
/// or `None` outside years 1900–9999.
pub fn serial_date(n: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let dt = calamine::ExcelDateTime::new(n, calamine::ExcelDateTimeType::DateTime, false).as_datetime()?;
    Some(if dt.time() == chrono::NaiveTime::MIN {
        dt.date().to_string()
    } else {
        dt.format("%Y-%m-%dT%H:%M:%S").to_string()
    })
}

/// One row: its line (CSV) or row number (sheet), and its cells with their columns.
#[derive(Clone, Debug)]
pub struct Row {
    /// 1-based line or row number.
    pub line: u32,
    /// The cells in header order, each with its 1-based column.
    pub cells: Vec<(Cell, u32)>,
}

/// A header row and the rows below it.
#[derive(Debug)]
pub struct Table {
    /// What it is: a CSV file, or a sheet of a workbook.
    pub origin: Origin,
    /// The header cells, each with its column.
    pub headers: Vec<(String, u32)>,
    /// The header's line or row.
    pub header_line: u32,
    /// The rows below the header, blank ones included (they are skipped when loaded).
    pub rows: Vec<Row>,
}

impl Table {
    /// An empty table read from `origin`.
    pub fn new(origin: Origin) -> Self {
        Table {
            origin,
            headers: Vec::new(),
            header_line: 1,
            rows: Vec::new(),
        }
    }

    /// Takes the next row read: the first becomes the header, the others are kept, at most
    /// `max_rows` of them.
    pub fn take(&mut self, row: Row, max_rows: usize) -> Result<(), Finding> {
        if self.headers.is_empty() {
            self.header_line = row.line;
            self.headers = row.cells.into_iter().map(|(c, col)| (c.text(), col)).collect();
        } else if self.rows.len() >= max_rows {
            return Err(too_many_rows(&self.origin, row.line, max_rows));
        } else {
            self.rows.push(row);
        }
        Ok(())
    }
}

/// A header's comparable form: lower case, without spaces, underscores, dashes and dots.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which field each header names (`None` for columns the rubric does not declare).
fn map_headers(coll: &Collection, headers: &[(String, u32)]) -> Vec<Option<usize>> {
    headers
        .iter()
        .map(|(h, _)| {
            let h = norm(h.trim());
            coll.fields
                .iter()
                .position(|(name, _, def)| norm(name) == h || def.aliases.iter().any(|a| norm(a) == h))
        })
        .collect()
}

fn located(origin: &Origin, line: u32, column: u32) -> Option<Location> {
    Some(origin.at_line(line, column))
}

/// An error at the start of `line` of `origin`, with `help`.
fn line_error(origin: &Origin, line: u32, rule: Rule, message: String, help: &str) -> Finding {
    Finding::error(rule, message, located(origin, line, 1)).with_help(help)
}

/// The error for a table with more than `cap` rows, at its row on `line`.
fn too_many_rows(origin: &Origin, line: u32, cap: usize) -> Finding {
    let message = format!("{origin} has more than {cap} rows");
    let help = "raise the limit with --max-rows (or DGMAT_MAX_ROWS) if the file is genuine";
    line_error(origin, line, Rule::TooManyRows, message, help)
}

/// The error for a header of `n` columns, over the limit, on `line`.
fn too_many_columns(origin: &Origin, line: u32, n: usize) -> Finding {
    let message = format!("the header has {n} columns, over the limit of {MAX_COLUMNS}");
    let help = "is this really an inventory? check the delimiter and the file";
    line_error(origin, line, Rule::Csv, message, help)
}

/// Reads CSV `text` into a [`Table`] named `file`, keeping at most `max_rows` rows.
pub fn read_csv(file: &str, text: &str, max_rows: usize) -> Result<Table, Finding> {
    let origin = Origin::file(file);
    let mut table = Table::new(origin.clone());
    let mut error = None;
    for_each_csv_row(&origin, text, |row| match table.take(row, max_rows) {
        Ok(()) => true,
        Err(e) => {
            error = Some(e);
            false
        }
    })?;
    error.map_or(Ok(table), Err)
}

/// Calls `each` with every row of CSV `text` (the header first, as line 1) until it returns
/// false; a malformed file is an error at its line.
fn for_each_csv_row(origin: &Origin, text: &str, mut each: impl FnMut(Row) -> bool) -> Result<(), Finding> {
    // The csv crate's own line count skips blank lines and miscounts CRLF files; byte offsets
    // are exact, so lines come from them.
    let line_starts = crate::source::line_starts(text);
    let line_of = |byte: u64| {
        // After CR line ends and blank lines, a record's position is a line end before it.
        let mut byte = usize::try_from(byte).unwrap_or(usize::MAX);
        while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
            byte += 1;
        }
        u32::try_from(line_starts.partition_point(|&s| s <= byte)).unwrap_or(u32::MAX)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(1, |p| line_of(p.byte()));
                return Err(Finding::error(Rule::Csv, format!("invalid CSV: {e}"), located(origin, line, 1)));
            }
        }
        let line = record.position().map_or(1, |p| line_of(p.byte()));
        if record.position().is_some_and(|p| p.record() == 0) && record.len() > MAX_COLUMNS {
            return Err(too_many_columns(origin, line, record.len()));
        }
        // Point at each cell where it starts on the record's first line.
        let first_line = line_starts.get(line as usize - 1).map_or("", |&start| {
            let end = line_starts.get(line as usize).map_or(text.len(), |&e| e - 1);
            text.get(start..end).unwrap_or_default()
        });
        let starts = cell_starts(first_line);
        let cells = record
            .iter()
            .enumerate()
            .map(|(n, c)| (Cell::Text(c.to_string()), starts.get(n).copied().unwrap_or(1)))
            .collect();
        if !each(Row { line, cells }) {
            return Ok(());
        }
    }
}

/// Reads the CSV `text` (file `file`) as the records of collection `index` of the rubric.
pub fn load_csv(file: &str, text: &str, rubric: &Rubric, index: usize, inv: &mut Inventory) -> Vec<Finding> {
    let origin = Origin::file(file);
    // Rows are loaded as they are read: the file's rows are never all in memory at once.
    let max_rows = super::limits::get().rows;
    let mut findings = Vec::new();
    let mut loader = None;
    let mut rows = 0;
    let mut first = true;
    let read = for_each_csv_row(&origin, text, |row| {
        if std::mem::take(&mut first) {
            let headers: Vec<(String, u32)> = row.cells.into_iter().map(|(c, col)| (c.text(), col)).collect();
            loader = RowLoader::new(&origin, &headers, row.line, rubric, index, None, &mut findings);
            return loader.is_some();
        }
        rows += 1;
        if rows > max_rows {
            findings.push(too_many_rows(&origin, row.line, max_rows));
            return false;
        }
        if let Some(loader) = &loader {
            loader.load(&row, &mut inv.collections[index], &mut findings);
        }
        true
    });
    if let Err(e) = read {
        findings.push(e);
    }
    findings
}

/// The column of `table` whose header is `column` (matched like field headers), or an error
/// that lists the columns.
pub fn find_column(table: &Table, column: &str) -> Result<usize, String> {
    table.headers.iter().position(|(h, _)| norm(h) == norm(column)).ok_or_else(|| {
        let names: Vec<&str> = table.headers.iter().map(|(h, _)| h.as_str()).collect();
        let hint = did_you_mean(column, names.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        format!("there is no column `{column}`{hint}; columns: {}", names.join(", "))
    })
}

/// The rows of `table` by the value of column `col` (sorted by value), and the number of
/// non-blank rows that leave it blank. Used to split a consolidated inventory into agencies.
pub fn group_rows(table: &Table, col: usize) -> (std::collections::BTreeMap<String, Vec<usize>>, usize) {
    let mut groups = std::collections::BTreeMap::<String, Vec<usize>>::new();
    let mut blank = 0;
    for (i, row) in table.rows.iter().enumerate() {
        if row.cells.iter().all(|(c, _)| c.is_blank()) {
            continue;
        }
        match row.cells.get(col).map(|(c, _)| c.text()) {
            Some(v) if !v.is_empty() => groups.entry(v).or_default().push(i),
            _ => blank += 1,
        }
    }
    (groups, blank)
}

/// Loads `rows` of `table` as records of collection `index`. `group_column`, when the table is
/// a consolidated inventory, is the column that names the agency (not a field, not a warning).
pub fn load_table<'a>(
    table: &Table,
    rows: impl Iterator<Item = &'a Row>,
    rubric: &Rubric,
    index: usize,
    inv: &mut Inventory,
    group_column: Option<&str>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(loader) = RowLoader::new(
        &table.origin,
        &table.headers,
        table.header_line,
        rubric,
        index,
        group_column,
        &mut findings,
    ) {
        for row in rows {
            loader.load(row, &mut inv.collections[index], &mut findings);
        }
    }
    findings
}

/// Turns rows into records of one collection, once its header is understood.
struct RowLoader<'a> {
    origin: &'a Origin,
    name: &'a str,
    coll: &'a Collection,
    /// The field of each column.
    columns: Vec<Option<usize>>,
}

impl<'a> RowLoader<'a> {
    /// Maps the header to fields, reporting unknown and missing columns; `None` when a required
    /// column is missing (no row could load).
    fn new(
        origin: &'a Origin,
        headers: &[(String, u32)],
        header_line: u32,
        rubric: &'a Rubric,
        index: usize,
        group_column: Option<&str>,
        findings: &mut Vec<Finding>,
    ) -> Option<Self> {
        let (name, coll) = (rubric.inventory.0[index].0.value.as_str(), &rubric.inventory.0[index].1);
        if headers.len() > MAX_COLUMNS {
            findings.push(too_many_columns(origin, header_line, headers.len()));
            return None;
        }
        let columns = map_headers(coll, headers);
        let field_names: Vec<&str> = coll.fields.keys().collect();
        for ((h, col), mapped) in headers.iter().zip(&columns) {
            let grouping = group_column.is_some_and(|g| norm(g) == norm(h));
            if mapped.is_none() && !h.trim().is_empty() && !grouping {
                let help = did_you_mean(h, field_names.iter().copied()).map_or_else(
                    || {
                        format!(
                            "declare it in the rubric (a field or an `aliases` entry) to use it; fields of `{name}`: {}",
                            field_names.join(", ")
                        )
                    },
                    |c| format!("did you mean `{c}`? (or add it to the field's `aliases`)"),
                );
                findings.push(
                    Finding::warning(
                        Rule::UnknownColumn,
                        format!("column `{h}` is not a field of `{name}`; it is ignored"),
                        located(origin, header_line, *col),
                    )
                    .with_help(help),
                );
            }
        }
        for (i, def) in coll.fields.iter().map(|(_, _, d)| d).enumerate() {
            if def.required && !columns.contains(&Some(i)) {
                let message = format!("`{name}` has no column for the required field `{}`", field_names[i]);
                let help = "add the column (its header is the field name or one of its aliases)";
                findings.push(line_error(origin, header_line, Rule::MissingColumn, message, help));
                return None;
            }
        }
        Some(RowLoader {
            origin,
            name,
            coll,
            columns,
        })
    }

    /// Loads one row into `records`.
    fn load(&self, row: &Row, records: &mut Vec<crate::model::inventory::Record>, findings: &mut Vec<Finding>) {
        let (origin, name, coll, columns) = (self.origin, self.name, self.coll, &self.columns);
        let width = columns.len();
        if row.cells.iter().all(|(c, _)| c.is_blank()) {
            return;
        }
        let extra = row.cells.iter().skip(width).any(|(c, _)| !c.is_blank());
        if row.cells.len() > width && extra {
            let message = format!("this row has {} cells but the header has {}", row.cells.len(), width);
            let help = "a cell probably contains an unquoted comma; quote it";
            findings.push(line_error(origin, row.line, Rule::Csv, message, help));
            return;
        }
        let pos = Pos { line: row.line, column: 1 };
        let (before, kept) = (findings.len(), records.len());
        let mut entries = Vec::new();
        for ((cell, column), mapped) in row.cells.iter().zip(columns) {
            let Some(field) = mapped else { continue };
            let pos = Pos { column: *column, ..pos };
            let (fname, def) = &coll.fields.0[*field];
            let value = match cell_value(cell, def.kind.value, &coll.null_values) {
                Ok(v) => v,
                Err(message) => {
                    let (rule, help) = match cell {
                        Cell::Formula(_) => (Rule::UncachedFormula, UNCACHED_HELP),
                        _ => (Rule::InvalidValue, "correct the cell, or leave it empty if the value is unknown"),
                    };
                    let mut bad = [
                        Finding::error(rule, format!("`{}`: {message}", fname.value), located(origin, pos.line, pos.column))
                            .with_help(help),
                    ];
                    if coll.invalid_records == InvalidRecords::Warn {
                        super::inventory::tolerate(&mut bad);
                    }
                    findings.extend(bad);
                    continue;
                }
            };
            let value = match value {
                Value::Seq(items) => Value::Seq(items.into_iter().map(|v| Node { value: v.value, pos }).collect()),
                v => v,
            };
            entries.push((
                Key {
                    name: fname.value.clone(),
                    pos,
                },
                Node { value, pos },
            ));
        }
        let mut node = Node {
            value: Value::Map(entries),
            pos,
        };
        push_record(origin, name, &mut node, coll, records, findings);
        // A bad cell was reported (and skipped) before the record was typed.
        super::inventory::reject_if_invalid(records, kept, &findings[before..]);
    }
}

/// Why the formula `f`, saved without a value, cannot be read.
pub fn uncached(f: &str) -> String {
    format!("the formula {f} was saved without its value, so there is nothing to read")
}

/// What to do about a formula saved without its value.
pub const UNCACHED_HELP: &str =
    "open the workbook in a spreadsheet and save it again (which computes the value), or type the value instead of a formula";

/// The YAML-equivalent value of `cell` in a field of type `kind`.
fn cell_value(cell: &Cell, kind: FieldType, null_values: &[String]) -> Result<Value, String> {
    if let Cell::Error(e) = cell {
        return Err(format!("the cell holds the spreadsheet error {e}"));
    }
    if let Cell::Formula(f) = cell {
        return Err(uncached(f));
    }

    if let (Cell::Number(n), FieldType::Date) = (cell, kind) {
        return serial_date(*n)
            .map(Value::Str)
            .ok_or_else(|| format!("{} is not a date (nor a spreadsheet date serial)", number_text(*n)));
    }
    let text = cell.text();
    if text.is_empty() || crate::model::words::is_null_marker(&text, null_values) {
        return Ok(Value::Null);
    }
    Ok(if kind == FieldType::List {
        Value::Seq(
            text.split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Node {
                    value: Value::Str(s.to_string()),
                    pos: Pos { line: 1, column: 1 },
                })
                .collect(),
        )
    } else {
        Value::Str(text)
    })
}

/// The 1-based character column where each cell of a CSV line starts (quotes respected).
fn cell_starts(line: &str) -> Vec<u32> {
    let mut starts = vec![1];
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(u32::try_from(i).unwrap_or(u32::MAX - 2) + 2),
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_start_after_unquoted_commas() {
        assert_eq!(cell_starts(r#"a,"b,c",d"#), [1, 3, 9]);
        assert_eq!(norm("Security Level"), norm("security_level"));
    }

    #[test]
    fn date_serials_use_the_1900_system() {
        assert_eq!(serial_date(45_658.0).as_deref(), Some("2025-01-01"));
        assert_eq!(serial_date(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(serial_date(45_658.5).as_deref(), Some("2025-01-01T12:00:00"));
        assert_eq!(serial_date(0.0), None);
        assert_eq!(serial_date(f64::NAN), None);
        assert_eq!(serial_date(1e12), None);
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(Cell::Number(12.0).text(), "12");
        assert_eq!(Cell::Number(0.25).text(), "0.25");
        assert_eq!(Cell::Number(-3.0).text(), "-3");
        assert_eq!(Cell::Bool(true).text(), "true");
    }

    #[test]
    fn csv_rows_keep_their_lines_and_respect_the_row_cap() {
        let t = read_csv("x.csv", "id,name\r\n\r\na,\"multi\nline\"\r\nb,c\r\n", 10).unwrap();
        assert_eq!(t.headers, [("id".to_string(), 1), ("name".to_string(), 4)]);
        let lines: Vec<u32> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 5]);
        let e = read_csv("x.csv", "id\n1\n2\n3\n", 2).unwrap_err();
        assert_eq!(e.rule, crate::finding::Rule::TooManyRows);
        assert_eq!(e.location.unwrap().line, 4);
    }
}
