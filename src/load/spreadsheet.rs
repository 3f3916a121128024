//! Spreadsheet inventories (XLSX and ODS) read with calamine: one sheet per collection.
//!
//! A spreadsheet is a zip archive, so before anything is inflated its directory is read and
//! the sizes its members declare are summed: a zip bomb is refused in milliseconds, with the
//! cap it broke. XLSX sheets are then streamed cell by cell (memory grows with the rows kept,
//! not the sheet's declared dimensions) and stop at the row cap. Every sheet becomes a
//! [`Table`] named `book.xlsx!Sheet`, so cells are located as `book.xlsx!Sheet!C12`. A formula
//! cell is read by the value saved with it; one saved without a value becomes
//! [`Cell::Formula`], an error wherever it is read.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};
use sha2::{Digest, Sha256};

use super::has_ext;
use super::limits::Limits;
use super::tabular::{Cell, Row, Table};
use crate::finding::{Finding, Rule};
use crate::location::Origin;

/// The sheets of one workbook that were asked for.
pub struct Book {
    /// The names of all its sheets, in workbook order.
    pub sheet_names: Vec<String>,
    /// The sheets read, as tables named `book.xlsx!Sheet`.
    pub tables: Vec<Table>,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
}

/// Whether `path` names a spreadsheet dgmat reads (`.xlsx`, `.xlsm`, `.ods`).
pub fn is_spreadsheet(path: &Path) -> bool {
    has_ext(path, &["xlsx", "xlsm", "ods"])
}

/// Whether `path` names a spreadsheet format dgmat does not read (old binary `.xls`, `.xlsb`).
pub fn is_unsupported_spreadsheet(path: &Path) -> bool {
    has_ext(path, &["xls", "xlsb", "numbers"])
}

fn bad(name: &str, what: impl std::fmt::Display) -> Finding {
    Finding::error(Rule::Spreadsheet, format!("cannot read {name}: {what}"), None)
        .with_help("check that the file is an .xlsx or .ods workbook (open it and save it again if in doubt)")
}

/// Reads the sheets of the workbook at `path` (named `name` in findings) that `select` picks
/// from the list of its sheet names, within `limits`.
pub fn read(path: &Path, name: &str, limits: Limits, select: &mut dyn FnMut(&[String]) -> Vec<String>) -> Result<Book, Finding> {
    let bytes = super::yaml::read_bytes(path, name)?;
    let ods = has_ext(path, &["ods"]);
    read_bytes(&bytes, ods, name, limits, select)
}

/// Like [`read`], from the workbook's bytes (`ods`: OpenDocument, else XLSX).
pub fn read_bytes(
    bytes: &[u8],
    ods: bool,
    name: &str,
    limits: Limits,
    select: &mut dyn FnMut(&[String]) -> Vec<String>,
) -> Result<Book, Finding> {
    let sha256 = super::rubric::hex(&Sha256::digest(bytes));
    check_zip(name, bytes, limits.unzipped_bytes)?;
    let (sheet_names, tables) = if ods {
        read_ods(name, bytes, limits.rows, select)?
    } else {
        read_xlsx(name, bytes, limits.rows, select)?
    };
    Ok(Book {
        sheet_names,
        tables,
        sha256,
    })
}

/// Refuses an archive whose members would inflate past `cap` bytes, from its directory alone.
pub fn check_zip(name: &str, bytes: &[u8], cap: u64) -> Result<(), Finding> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(name, format!("it is not a zip archive ({e})")))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let member = zip.by_index_raw(i).map_err(|e| bad(name, e))?;
        total = total.saturating_add(member.size());
    }
    if total > cap {
        let ratio = total / (bytes.len() as u64).max(1);
        return Err(Finding::error(
            Rule::TooLarge,
            format!(
                "{name} would decompress to {} MB ({ratio} times its size), over the {} MB limit; it was not opened",
                total >> 20,
                cap >> 20
            ),
            None,
        )
        .with_help("if the workbook is genuine, raise the limit with --max-unzipped-mb (or DGMAT_MAX_UNZIPPED_MB)"));
    }
    Ok(())
}

/// Collects cells, given in row order, into a header and rows.
struct Builder {
    table: Table,
    row: Option<Row>,
    max_rows: usize,
}

impl Builder {
    fn new(origin: Origin, max_rows: usize) -> Self {
        Builder {
            table: Table::new(origin),
            row: None,
            max_rows,
        }
    }

    /// Adds the cell at 0-based `(row, col)`.
    fn push(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), Finding> {
        if cell == Cell::Empty {
            return Ok(());
        }
        let line = row.saturating_add(1);
        if self.row.as_ref().is_some_and(|r| r.line != line) {
            self.finish_row()?;
        }
        let r = self.row.get_or_insert_with(|| Row { line, cells: Vec::new() });
        let col = col as usize;
        if col >= super::tabular::MAX_COLUMNS * 16 {
            return Ok(()); // beyond any header: such a row is reported by its cell count
        }
        while r.cells.len() <= col {
            let n = u32::try_from(r.cells.len()).unwrap_or(u32::MAX) + 1;
            r.cells.push((Cell::Empty, n));
        }
        r.cells[col].0 = cell;
        Ok(())
    }

    fn finish_row(&mut self) -> Result<(), Finding> {
        match self.row.take() {
            Some(row) => self.table.take(row, self.max_rows),
            None => Ok(()),
        }
    }

    fn finish(mut self) -> Result<Table, Finding> {
        self.finish_row()?;
        Ok(self.table)
    }
}

fn cell(data: Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(f) => Cell::Number(f),
        Data::Bool(b) => Cell::Bool(b),
        Data::DateTime(d) if d.is_datetime() => super::tabular::serial_date(d.as_f64()).map_or(Cell::Number(d.as_f64()), Cell::Date),
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) => Cell::Date(s),
        Data::DurationIso(s) => Cell::Text(s),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A formula's text as people write it (`=SUM(A1:A3)`), or a mention of the shared formula.
fn formula_text(f: &calamine::XlsxFormulaMetadata) -> String {
    match f {
        calamine::XlsxFormulaMetadata::Normal { formula } | calamine::XlsxFormulaMetadata::Shared { formula, .. } => {
            format!("={formula}")
        }
        _ => "a shared formula".to_string(),
    }
}

type Sheets = (Vec<String>, Vec<Table>);

fn read_xlsx(name: &str, bytes: &[u8], max_rows: usize, select: &mut dyn FnMut(&[String]) -> Vec<String>) -> Result<Sheets, Finding> {
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| bad(name, e))?;
    let sheet_names = book.sheet_names();
    let mut tables = Vec::new();
    for sheet in &select(&sheet_names) {
        let mut builder = Builder::new(
            Origin::Sheet {
                book: name.to_string(),
                sheet: sheet.clone(),
            },
            max_rows,
        );
        let mut cells = book.worksheet_cells_reader(sheet).map_err(|e| bad(name, e))?;
        while let Some(c) = cells
            .next_cell_with_formula_metadata()
            .map_err(|e| bad(name, format!("sheet `{sheet}`: {e}")))?
        {
            let (row, col) = c.pos;
            let value = match (Data::from(c.value), c.formula) {
                // A formula is read by the value its spreadsheet saved with it; one that was
                // never computed (a generated file nobody opened) has none to read.
                (Data::Empty, Some(formula)) => Cell::Formula(formula_text(&formula)),
                (value, _) => cell(value),
            };
            builder.push(row, col, value)?;
        }
        tables.push(builder.finish()?);
    }
    Ok((sheet_names, tables))
}

fn read_ods(name: &str, bytes: &[u8], max_rows: usize, select: &mut dyn FnMut(&[String]) -> Vec<String>) -> Result<Sheets, Finding> {
    let mut book: calamine::Ods<_> = calamine::Ods::new(Cursor::new(bytes)).map_err(|e| bad(name, e))?;
    let sheet_names = book.sheet_names();
    let mut tables = Vec::new();
    for sheet in &select(&sheet_names) {
        let range = book
            .worksheet_range(sheet)
            .map_err(|e| bad(name, format!("sheet `{sheet}`: {e}")))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut builder = Builder::new(
            Origin::Sheet {
                book: name.to_string(),
                sheet: sheet.clone(),
            },
            max_rows,
        );
        for (r, c, data) in range.used_cells() {
            let (r, c) = (u32::try_from(r).unwrap_or(u32::MAX), u32::try_from(c).unwrap_or(u32::MAX));
            builder.push(top.saturating_add(r), left.saturating_add(c), cell(data.clone()))?;
        }
        tables.push(builder.finish()?);
    }
    Ok((sheet_names, tables))
}
