//! Places in input files: a position in a text file, or a cell of a workbook sheet.
//!
//! The bottom layer: it imports nothing of dgmat. Every finding, record and answer points at a
//! [`Location`]; what it is relative to is an [`Origin`], typed once where the file is read, so
//! that no output has to guess whether `book.xlsx!Sheet` names a sheet.

use std::cmp::Ordering;
use std::fmt;

use serde::{Serialize, Serializer};
use serde_saphyr::Spanned;

/// A 1-based line and column in the file a value came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
}

impl Pos {
    /// The position of a spanned value (where it is referenced, for aliases).
    pub fn of<T>(s: &Spanned<T>) -> Pos {
        Pos {
            line: u32::try_from(s.referenced.line()).unwrap_or(u32::MAX),
            column: u32::try_from(s.referenced.column()).unwrap_or(u32::MAX),
        }
    }
}

/// What a location is relative to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A text file (YAML, CSV), as the user named it or relative to the submission.
    File(String),
    /// One sheet of a workbook; positions are its rows and columns.
    Sheet {
        /// The workbook file.
        book: String,
        /// The sheet's name.
        sheet: String,
    },
}

impl Origin {
    /// A text file.
    pub fn file(name: impl Into<String>) -> Self {
        Origin::File(name.into())
    }

    /// The location of `pos` in this file or sheet (line and column at least 1).
    pub fn at(&self, pos: Pos) -> Location {
        Location {
            origin: self.clone(),
            line: pos.line.max(1),
            column: pos.column.max(1),
        }
    }

    /// The location of line (row) `line`, column `column`.
    pub fn at_line(&self, line: u32, column: u32) -> Location {
        self.at(Pos { line, column })
    }

    /// The file on disk: the workbook of a sheet.
    pub fn path(&self) -> &str {
        match self {
            Origin::File(f) => f,
            Origin::Sheet { book, .. } => book,
        }
    }

    /// Whether positions here are spreadsheet cells.
    pub fn is_sheet(&self) -> bool {
        matches!(self, Origin::Sheet { .. })
    }
}

/// `file`, or `book.xlsx!Sheet`: the name every output uses.
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(file) => f.write_str(file),
            Origin::Sheet { book, sheet } => write!(f, "{book}!{sheet}"),
        }
    }
}

/// A place in an input: a line and column of a text file, or a row and column of a sheet.
/// Lines and columns count from 1; columns of text count characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file or sheet.
    pub origin: Origin,
    /// 1-based line (a sheet's row).
    pub line: u32,
    /// 1-based column, in characters (a sheet's column number).
    pub column: u32,
}

impl Location {
    /// Line `line`, column `column` of the text file `file`.
    pub fn file(file: impl Into<String>, line: u32, column: u32) -> Self {
        Origin::File(file.into()).at_line(line, column)
    }

    /// Whether this is a spreadsheet cell.
    pub fn is_cell(&self) -> bool {
        self.origin.is_sheet()
    }

    /// The file itself: `book.xlsx` for a cell of `book.xlsx!Sheet`.
    pub fn path(&self) -> &str {
        self.origin.path()
    }

    /// Where a record starting here is written, as every report shows it: `file:line`, or
    /// `book.xlsx!Sheet row 12` for a record read from a sheet.
    pub fn record_place(&self) -> String {
        if self.is_cell() {
            format!("{} row {}", self.origin, self.line)
        } else {
            format!("{}:{}", self.origin, self.line)
        }
    }

    /// The same place in another file name (a path made relative for a report).
    pub fn with_path(mut self, path: String) -> Self {
        match &mut self.origin {
            Origin::File(f) => *f = path,
            Origin::Sheet { book, .. } => *book = path,
        }
        self
    }
}

/// `file:line:col`, or `book.xlsx!Sheet!C12` for a spreadsheet cell.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_cell() {
            write!(f, "{}!{}{}", self.origin, column_letters(self.column), self.line)
        } else {
            write!(f, "{}:{}:{}", self.origin, self.line, self.column)
        }
    }
}

/// Locations sort by the file name every output shows, then line, then column.
impl Ord for Location {
    fn cmp(&self, other: &Self) -> Ordering {
        fn name(l: &Location) -> std::borrow::Cow<'_, str> {
            match &l.origin {
                Origin::File(f) => std::borrow::Cow::Borrowed(f.as_str()),
                Origin::Sheet { .. } => std::borrow::Cow::Owned(l.origin.to_string()),
            }
        }
        name(self)
            .cmp(&name(other))
            .then(self.line.cmp(&other.line))
            .then(self.column.cmp(&other.column))
    }
}

impl PartialOrd for Location {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The JSON shape of a location, unchanged since the first release: a sheet is named
/// `book.xlsx!Sheet` in `file`, and its row and column are `line` and `column`.
mod json {
    /// A place in an input file. Lines and columns count from 1; columns count characters.
    #[derive(serde::Serialize, schemars::JsonSchema)]
    pub(super) struct Location {
        /// The file as the user named it (or relative to the submission directory in reports);
        /// `book.xlsx!Sheet` for a spreadsheet cell.
        pub(super) file: String,
        /// 1-based line (a sheet's row).
        pub(super) line: u32,
        /// 1-based column, in characters (a sheet's column number).
        pub(super) column: u32,
    }
}

impl Serialize for Location {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        json::Location {
            file: self.origin.to_string(),
            line: self.line,
            column: self.column,
        }
        .serialize(s)
    }
}

impl schemars::JsonSchema for Location {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        <json::Location as schemars::JsonSchema>::schema_name()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <json::Location as schemars::JsonSchema>::json_schema(generator)
    }
}

/// A spreadsheet column's letters: 1 → `A`, 27 → `AA`.
pub fn column_letters(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_cells_print_as_sheet_references() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(16_384), "XFD");
        let sheet = Origin::Sheet {
            book: "inventory.XLSX".into(),
            sheet: "datasets".into(),
        };
        let cell = sheet.at_line(12, 3);
        assert_eq!(cell.to_string(), "inventory.XLSX!datasets!C12");
        assert_eq!(cell.path(), "inventory.XLSX");
        // A text file whose name holds `!` is still a text file.
        let text = Location::file("notes!.csv", 2, 1);
        assert_eq!(text.to_string(), "notes!.csv:2:1");
        assert_eq!(text.path(), "notes!.csv");
    }

    #[test]
    fn sheet_records_are_placed_by_row() {
        let sheet = |book: &str, name: &str| Origin::Sheet {
            book: book.into(),
            sheet: name.into(),
        };
        assert_eq!(
            sheet("dir/inventory.xlsx", "systems").at_line(3, 1).record_place(),
            "dir/inventory.xlsx!systems row 3"
        );
        assert_eq!(
            sheet("book.ODS", "Sheet 1").at_line(12, 1).record_place(),
            "book.ODS!Sheet 1 row 12"
        );
        assert_eq!(Location::file("inventory.yaml", 35, 1).record_place(), "inventory.yaml:35");
        assert_eq!(Location::file("notes!.csv", 2, 1).record_place(), "notes!.csv:2");
    }

    #[test]
    fn locations_keep_their_json_shape() {
        let cell = Origin::Sheet {
            book: "b.xlsx".into(),
            sheet: "S".into(),
        }
        .at_line(4, 2);
        let json = serde_json::to_string(&cell).unwrap_or_default();
        assert_eq!(json, r#"{"file":"b.xlsx!S","line":4,"column":2}"#);
    }
}
