//! Agency ids as a round compares them: NFC-normalised and trimmed, and the skeleton two ids
//! share when they differ only by case, invisible characters or look-alike letters. Used by
//! `round` (which rows count) and `portfolio` (counting agencies once).

use unicode_normalization::UnicodeNormalization;

/// An agency id as compared: NFC-normalised and trimmed.
pub fn agency_key(id: &str) -> String {
    id.trim().nfc().collect()
}

/// Characters that print as nothing (or as a space) and so hide inside an id.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}' | '\u{180E}' | '\u{200B}'
                ..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}'
        )
}

/// Letters of other scripts that look like Latin ones, mapped to the Latin letter (after
/// lower-casing). A short table of the common Cyrillic and Greek look-alikes, not the full
/// Unicode confusables list: enough to catch an id typed on the wrong keyboard layout.
fn latin_lookalike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' | 'ı' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'п' | 'η' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ш' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ᴢ' => 'z',
        other => other,
    }
}

/// The form two ids share when they differ only by case, invisible characters or look-alike
/// letters.
pub fn skeleton(key: &str) -> String {
    key.nfkc()
        .filter(|c| !invisible(*c))
        .flat_map(char::to_lowercase)
        .map(latin_lookalike)
        .collect()
}
