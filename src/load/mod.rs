//! Loading inputs: files into text, text into the model, the model checked against the rubric.
//!
//! Every loader returns either its value or the findings that stop it, all of them located.
//! May import: `model`, `rules`, `finding`, `location`, `source`. Never `assess` or `report`:
//! loading fills the model and judges nothing.

pub mod events;
pub mod inventory;
pub mod limits;
mod locate;
pub mod overlay;
#[cfg(test)]
mod proptests;
pub mod questionnaire;
pub mod questionnaire_book;
pub mod rubric;
pub mod rubric_source;
pub mod scan;
pub mod spreadsheet;
pub mod submission;
pub mod tabular;
pub mod waivers;
pub mod yaml;

use serde::Deserialize;

use crate::finding::{Finding, Rule};
use crate::location::Location;
use crate::location::Pos;
use crate::model::node::{Node, Value};

/// The format version this dgmat reads.
pub const FORMAT_VERSION: i64 = 1;

/// Whether `path`'s extension is one of `exts` (case-insensitively).
pub(crate) fn has_ext(path: &std::path::Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// "did you mean `…`?" for the candidate closest to `word`, when one is close.
pub(crate) fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    crate::finding::did_you_mean(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Where `pos` is in the file `file`.
pub fn at(file: &str, pos: Pos) -> Option<Location> {
    Some(crate::location::Origin::file(file).at(pos))
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    dgmat: Option<Node>,
    #[serde(default)]
    kind: Option<Node>,
}

/// Checks that `text` starts a dgmat file of kind `kind` before the full parse, so that handing
/// a questionnaire to `--rubric` says so instead of listing twenty unknown keys.
pub fn check_header(file: &str, text: &str, kind: &str) -> Result<(), Finding> {
    let header: Header = yaml::parse(file, text)?;
    check_header_nodes(file, header.dgmat.as_ref(), header.kind.as_ref(), kind)
}

/// Parses `text` as a dgmat file of kind `kind`. The header is only examined when the full
/// parse fails, so that a valid file is parsed once and a wrong file still gets the clearer
/// header error (a questionnaire passed as a rubric, a missing `dgmat: 1`).
pub fn parse_kind<T: serde::de::DeserializeOwned>(file: &str, text: &str, kind: &str) -> Result<T, Finding> {
    match yaml::parse::<T>(file, text) {
        Ok(value) => Ok(value),
        Err(finding) => Err(check_header(file, text, kind).err().unwrap_or(finding)),
    }
}

/// The header check on a typed file's `dgmat` and `kind` fields.
pub fn check_envelope(
    file: &str,
    dgmat: &serde_saphyr::Spanned<u32>,
    kind: &serde_saphyr::Spanned<String>,
    expected: &str,
) -> Result<(), Finding> {
    let version = Node {
        value: Value::Int(i64::from(dgmat.value)),
        pos: Pos::of(dgmat),
    };
    let found = Node {
        value: Value::Str(kind.value.clone()),
        pos: Pos::of(kind),
    };
    check_header_nodes(file, Some(&version), Some(&found), expected)
}

/// The header check on already-parsed `dgmat` and `kind` values.
pub fn check_header_nodes(file: &str, dgmat: Option<&Node>, found_kind: Option<&Node>, kind: &str) -> Result<(), Finding> {
    let start = at(file, Pos { line: 1, column: 1 });
    match dgmat {
        None => {
            return Err(
                Finding::error(Rule::FormatVersion, format!("{file} does not start with `dgmat: 1`"), start)
                    .with_help(format!("a dgmat {kind} starts with the lines `dgmat: 1` and `kind: {kind}`")),
            );
        }
        Some(Node {
            value: Value::Int(FORMAT_VERSION),
            ..
        }) => {}
        Some(node) => {
            return Err(Finding::error(
                Rule::FormatVersion,
                format!(
                    "unsupported format version {}",
                    node.as_scalar_text().unwrap_or_else(|| node.value.kind().into())
                ),
                at(file, node.pos),
            )
            .with_help("this dgmat reads format version 1: write `dgmat: 1`"));
        }
    }
    match found_kind {
        Some(Node { value: Value::Str(k), .. }) if k == kind => Ok(()),
        Some(node) => {
            let found = node.as_scalar_text().unwrap_or_else(|| node.value.kind().into());
            Err(Finding::error(
                Rule::WrongKind,
                format!("expected a {kind}, but this file is `kind: {found}`"),
                at(file, node.pos),
            )
            .with_help(match found.as_str() {
                "rubric" => "pass rubrics with --rubric".to_string(),
                "questionnaire" | "inventory" => format!("pass {found} files as the submission, not as a {kind}"),
                _ => format!("write `kind: {kind}`"),
            }))
        }
        None => Err(Finding::error(Rule::WrongKind, format!("{file} has no `kind:`"), start)
            .with_help(format!("add `kind: {kind}` after `dgmat: 1`"))),
    }
}

/// Parses a `YYYY-MM-DD` date strictly (no 2026-02-30). A time of day after it
/// (`2017-12-11 00:00:00` or `2017-12-11T08:30:00`, as spreadsheets export dates) is accepted
/// and dropped.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *s.as_bytes() {
        // The everyday form, read without the general format parser (which is a tenth of the
        // time of typing a round); anything else of ten characters goes through it.
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |ds: &[u8]| ds.iter().fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
            let year = i32::try_from(n(&digits[..4])).ok()?;
            return chrono::NaiveDate::from_ymd_opt(year, n(&digits[4..6]), n(&digits[6..]));
        }
    }
    if s.len() == 10 {
        return chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(s, f).ok())
        .map(|dt| dt.date())
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_are_strict_but_accept_a_time_of_day() {
        assert!(parse_date("2026-02-28").is_some());
        assert!(parse_date("2026-02-30").is_none());
        assert!(parse_date("2026-2-3").is_none());
        assert_eq!(parse_date("2017-12-11 00:00:00"), parse_date("2017-12-11"));
        assert_eq!(parse_date("2017-12-11T08:30:00"), parse_date("2017-12-11"));
        assert!(parse_date("2017-12-11 25:00:00").is_none());
        assert!(parse_date("2017-12-11 junk").is_none());
        assert_eq!(parse_date("2024-02-29"), chrono::NaiveDate::from_ymd_opt(2024, 2, 29));
        assert!(parse_date("2023-02-29").is_none() && parse_date("2026-13-01").is_none());
        assert!(parse_date("2026-00-10").is_none() && parse_date("2026-01-00").is_none());
    }

    proptest::proptest! {
        /// The everyday form's own reader agrees with chrono's format parser on every
        /// digits-and-dashes string of its shape.
        #[test]
        fn the_everyday_date_reader_agrees_with_chrono(y in 0u32..10000, m in 0u32..100, d in 0u32..100) {
            let s = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(parse_date(&s), chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok(), "{}", s);
        }
    }
}
