//! The words people may type for answers and flags, in English or Vietnamese: `có`, `không`,
//! `một phần` (any case, with or without diacritics: `co`, `khong`, `mot phan`) mean `yes`,
//! `no` and `partial` wherever those are accepted, in YAML and in cells alike; and the cell
//! texts that mean "no value" when a collection names none of its own.

/// The texts of a cell that mean "no value" when the collection gives no `null_values`
/// (compared without regard to case).
pub const DEFAULT_NULL_MARKERS: [&str; 3] = ["N/A", "NULL", "-"];

/// `text` lower-cased, without Vietnamese diacritics (`đ` is `d`) and with its inner runs
/// of white space made one space: the form two spellings of one word share.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase).map(base_letter));
    }
    out
}

/// The letter `c` (lower case) without its Vietnamese diacritics.
fn base_letter(c: char) -> char {
    const GROUPS: [(char, &str); 6] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
    ];
    if c.is_ascii() {
        return c;
    }
    if c == 'đ' {
        return 'd';
    }
    GROUPS.iter().find(|(_, marked)| marked.contains(c)).map_or(c, |(base, _)| *base)
}

/// The answer word `text` stands for (`yes`, `no`, `partial`, `n/a`), in either language.
pub fn answer_word(text: &str) -> Option<&'static str> {
    match fold(text).as_str() {
        "yes" | "true" | "co" => Some("yes"),
        "no" | "false" | "khong" => Some("no"),
        "partial" | "mot phan" => Some("partial"),
        "n/a" | "khong ap dung" => Some("n/a"),
        _ => None,
    }
}

/// The boolean a field's text stands for: `true`/`false`, `yes`/`no`, `y`/`n`, `1`/`0`,
/// `có`/`không` (with or without diacritics), and `x` (a ticked box) for true.
pub fn boolean_word(text: &str) -> Option<bool> {
    match fold(text).as_str() {
        "true" | "yes" | "y" | "1" | "co" | "x" => Some(true),
        "false" | "no" | "n" | "0" | "khong" => Some(false),
        _ => None,
    }
}

/// Whether a cell's `text` means "no value": one of the collection's `null_values` (as
/// written), or, when it names none, one of [`DEFAULT_NULL_MARKERS`] in any case.
pub fn is_null_marker(text: &str, null_values: &[String]) -> bool {
    if null_values.is_empty() {
        DEFAULT_NULL_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(text.trim()))
    } else {
        null_values.iter().any(|v| v == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_words_read_with_or_without_diacritics() {
        for yes in ["có", "Có", "CÓ", "co", "Yes", " true "] {
            assert_eq!(answer_word(yes), Some("yes"), "{yes}");
        }
        for no in ["không", "Không", "KHONG", "khong", "no"] {
            assert_eq!(answer_word(no), Some("no"), "{no}");
        }
        for partial in ["một phần", "Một  Phần", "mot phan", "MỘT PHẦN", "partial"] {
            assert_eq!(answer_word(partial), Some("partial"), "{partial}");
        }
        assert_eq!(answer_word("không áp dụng"), Some("n/a"));
        assert_eq!(answer_word("maybe"), None);
        assert_eq!(boolean_word("x"), Some(true));
        assert_eq!(boolean_word("Không"), Some(false));
        assert_eq!(boolean_word("đúng"), None);
        assert!(is_null_marker("n/a", &[]));
        assert!(is_null_marker("-", &[]));
        assert!(
            !is_null_marker("-", &["NULL".to_string()]),
            "a collection's own list replaces the defaults"
        );
    }
}
