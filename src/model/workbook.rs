//! The layout of the questionnaire workbook: the contract between the writer (`dgmat init
//! --xlsx`, in `report`) and the reader (`load`), so that neither guesses where the other put
//! a cell.
//!
//! - The **agency sheet** (the first sheet that is not a dimension's) holds one labelled input
//!   per row: the key in column A ([`AGENCY_KEYS`]), a label for people in column B, the value
//!   in column C. Rows are found by their key, wherever they are.
//! - One **dimension sheet** per dimension, named after its id (`GOV`): a header on row
//!   [`HEADER_ROW`], then one row per criterion with its id in column A and the answer, note
//!   and evidence in the columns of [`col`]. A row with no id but evidence cells carries more
//!   evidence for the criterion above it. Rows are found by their id, so sorting them or moving
//!   one to another sheet changes nothing.
//! - A hidden sheet [`LISTS_SHEET`] holds the dropdowns' allowed values.
//!
//! Dropdowns show words in the workbook's language; [`ANSWER_WORDS`] and [`TIER_WORDS`] map
//! them back to the values a YAML questionnaire would hold.

/// The 0-based row of a dimension sheet's header; criteria start on the row below.
pub const HEADER_ROW: u32 = 2;

/// 0-based columns of a dimension sheet.
pub mod col {
    /// The criterion id (read-only).
    pub const ID: u16 = 0;
    /// Its level or points (read-only).
    pub const LEVEL: u16 = 1;
    /// The question (read-only).
    pub const QUESTION: u16 = 2;
    /// Guidance and the allowed answers (read-only).
    pub const GUIDANCE: u16 = 3;
    /// The answer (input).
    pub const ANSWER: u16 = 4;
    /// The note (input).
    pub const NOTE: u16 = 5;
    /// Evidence: the document's reference (input).
    pub const EVIDENCE_REF: u16 = 6;
    /// Evidence: its date (input).
    pub const EVIDENCE_DATE: u16 = 7;
    /// Evidence: its address (input).
    pub const EVIDENCE_URL: u16 = 8;
    /// How many columns a dimension sheet has.
    pub const COUNT: u16 = 9;
}

/// The hidden sheet holding the dropdowns' lists.
pub const LISTS_SHEET: &str = "_lists";

/// The keys of the agency sheet's rows, in the order the writer puts them.
pub const AGENCY_KEYS: [&str; 11] = [
    "dgmat",
    "kind",
    "rubric",
    "agency.id",
    "agency.name",
    "agency.tier",
    "agency.region",
    "assessed_on",
    "respondent.name",
    "respondent.role",
    "respondent.email",
];

/// The 0-based columns of the agency sheet: key, label, value.
pub const AGENCY_KEY_COL: u16 = 0;
/// The label column.
pub const AGENCY_LABEL_COL: u16 = 1;
/// The value column.
pub const AGENCY_VALUE_COL: u16 = 2;

/// Answer words: (the YAML value, the Vietnamese word a Vietnamese workbook's dropdown shows).
pub const ANSWER_WORDS: [(&str, &str); 4] = [("yes", "có"), ("partial", "một phần"), ("no", "không"), ("n/a", "không áp dụng")];

/// Tier words: (the YAML value, the Vietnamese word).
pub const TIER_WORDS: [(&str, &str); 4] = [("ministry", "bộ"), ("province", "tỉnh"), ("commune", "xã"), ("other", "khác")];

/// The YAML value of a dropdown word of `words` (either language, any case), if it is one.
pub fn canonical<'a>(words: &[(&'a str, &str)], text: &str) -> Option<&'a str> {
    let t = text.trim().to_lowercase();
    words.iter().find(|(en, vi)| t == *en || t == *vi).map(|(en, _)| *en)
}

/// Whether the workbook file `name` is a questionnaire (`questionnaire.xlsx`, `.xlsm`, `.ods`).
pub fn is_questionnaire_book(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
    matches!(base.as_str(), "questionnaire.xlsx" | "questionnaire.xlsm" | "questionnaire.ods")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropdown_words_map_back_in_either_language() {
        assert_eq!(canonical(&ANSWER_WORDS, " Có "), Some("yes"));
        assert_eq!(canonical(&ANSWER_WORDS, "PARTIAL"), Some("partial"));
        assert_eq!(canonical(&ANSWER_WORDS, "không áp dụng"), Some("n/a"));
        assert_eq!(canonical(&ANSWER_WORDS, "maybe"), None);
        assert_eq!(canonical(&TIER_WORDS, "tỉnh"), Some("province"));
        assert!(is_questionnaire_book("a/b/Questionnaire.XLSX"));
        assert!(!is_questionnaire_book("inventory.xlsx"));
    }
}
