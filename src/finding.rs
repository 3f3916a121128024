//! Findings: the one currency of everything dgmat reports about its inputs.
//!
//! Load errors (YAML syntax, unknown keys, wrong types), rubric validation problems, rule compile
//! errors and the rubric's record rules all become a [`Finding`]. Every output format (the text
//! renderer in [`crate::source`], the JSON report) reads findings and nothing else, so a problem
//! looks the same wherever it surfaces.

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input is wrong; gates fail on it.
    #[default]
    Error,
    /// Worth fixing, but the input is usable.
    Warning,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A place in an input file. Lines and columns count from 1; columns count characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
pub struct Location {
    /// The file as the user named it (or relative to the submission directory in reports).
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Location {
    /// Whether this is a spreadsheet cell: `file` names a sheet, `book.xlsx!Sheet`, and
    /// line and column are its row and column.
    pub fn is_cell(&self) -> bool {
        names_sheet(&self.file)
    }

    /// The file itself: `book.xlsx` for a cell of `book.xlsx!Sheet`.
    pub fn path(&self) -> &str {
        if self.is_cell() {
            self.file.split('!').next().unwrap_or(&self.file)
        } else {
            &self.file
        }
    }
}

/// Whether `file` names a workbook sheet, `book.xlsx!Sheet`.
fn names_sheet(file: &str) -> bool {
    file.split_once('!').is_some_and(|(book, _)| {
        let book = book.to_ascii_lowercase();
        [".xlsx", ".xlsm", ".ods"].iter().any(|x| book.ends_with(x))
    })
}

/// Where an inventory record is written, as every report shows it: `file:line`, or
/// `book.xlsx!Sheet row 12` for a record read from a workbook sheet (its line is the row).
pub fn record_place(file: &str, line: u32) -> String {
    if names_sheet(file) {
        format!("{file} row {line}")
    } else {
        format!("{file}:{line}")
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

/// `file:line:col`, or `book.xlsx!Sheet!C12` for a spreadsheet cell.
impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_cell() {
            write!(f, "{}!{}{}", self.file, column_letters(self.column), self.line)
        } else {
            write!(f, "{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

/// One problem found in an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// Stable rule id: a rubric rule id (`SYS-LEVEL`) or one of dgmat's own (`unknown-key`).
    #[serde(rename = "id")]
    pub rule: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where; `None` only for problems that belong to no file (a missing file, say).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Finding {
    /// An error-severity finding at `location`.
    pub fn error(rule: &str, message: impl Into<String>, location: Option<Location>) -> Self {
        Finding {
            rule: rule.to_string(),
            severity: Severity::Error,
            message: message.into(),
            location,
            help: None,
        }
    }

    /// A warning-severity finding at `location`.
    pub fn warning(rule: &str, message: impl Into<String>, location: Option<Location>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(rule, message, location)
        }
    }

    /// The same finding with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Whether this finding is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts findings into the order every output uses: by file, line, column, then rule id.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        a.location
            .cmp(&b.location)
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// The closest of `candidates` to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// What each of dgmat's own rule ids means (rubric rules describe themselves).
pub const BUILTIN_RULES: &[(&str, &str)] = &[
    ("agency-mismatch", "The inventory and the questionnaire name different agencies"),
    (
        "computed-criterion",
        "An answer was given to a criterion computed from the inventory",
    ),
    ("contradicted", "A yes answer that the inventory contradicts"),
    ("dangling-reference", "A reference to a record that does not exist"),
    ("duplicate-key", "A key repeated in one YAML mapping"),
    ("duplicate-record", "Two records of a collection with the same key"),
    ("encoding", "A file that is not UTF-8 text"),
    ("evidence-missing", "A claim that needs evidence cites none"),
    ("evidence-stale", "The evidence cited is older than the rubric accepts"),
    ("expression", "A rubric expression that does not compile"),
    ("file-too-large", "A file over the size limit"),
    ("format-version", "A missing or unsupported `dgmat:` format version"),
    ("invalid-answer", "An answer its criterion's answer type does not accept"),
    ("invalid-value", "A value of the wrong type or outside its allowed values"),
    ("io", "A file that cannot be read"),
    ("missing-field", "A record without a required field"),
    ("missing-key", "A required key is missing"),
    ("na-not-allowed", "n/a given where the criterion does not allow it"),
    ("na-without-note", "n/a given without a note saying why"),
    ("no-input", "A submission without questionnaire or inventory"),
    ("rubric-mismatch", "The questionnaire names another rubric than the one used"),
    ("rule-error", "A rubric rule that could not be evaluated on a record"),
    ("unknown-criterion", "An answer to a criterion the rubric does not have"),
    ("unknown-key", "A key the format does not define"),
    ("unsupported-input", "An input file this version does not read"),
    ("wrong-kind", "A file of another kind than expected"),
    ("yaml-limit", "A YAML document over the parser's safety limits"),
    ("yaml-syntax", "Invalid YAML"),
];

/// The description of one of dgmat's own rule ids.
pub fn rule_description(id: &str) -> Option<&'static str> {
    BUILTIN_RULES
        .iter()
        .find(|(r, _)| *r == id)
        .map(|(_, d)| *d)
        .or_else(|| id.starts_with("rubric-").then_some("An invalid rubric"))
}

/// `a` and `b` together, sorted for output.
pub fn merged(a: &[Finding], b: &[Finding]) -> Vec<Finding> {
    let mut all: Vec<Finding> = a.iter().chain(b).cloned().collect();
    sort_findings(&mut all);
    all
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
        let cell = Location {
            file: "inventory.XLSX!datasets".into(),
            line: 12,
            column: 3,
        };
        assert_eq!(cell.to_string(), "inventory.XLSX!datasets!C12");
        assert_eq!(cell.path(), "inventory.XLSX");
        let text = Location {
            file: "notes!.csv".into(),
            line: 2,
            column: 1,
        };
        assert_eq!(text.to_string(), "notes!.csv:2:1");
        assert_eq!(text.path(), "notes!.csv");
    }

    #[test]
    fn sheet_records_are_placed_by_row() {
        assert_eq!(record_place("dir/inventory.xlsx!systems", 3), "dir/inventory.xlsx!systems row 3");
        assert_eq!(record_place("book.ODS!Sheet 1", 12), "book.ODS!Sheet 1 row 12");
        assert_eq!(record_place("inventory.yaml", 35), "inventory.yaml:35");
        assert_eq!(record_place("notes!.csv", 2), "notes!.csv:2");
    }
}
