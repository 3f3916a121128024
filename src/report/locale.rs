//! Numbers and dates the way a language writes them, for outputs people read (terminal,
//! Markdown, HTML): `2.31` and `2026-11-15` in English, `2,31` and `15/11/2026` in
//! Vietnamese. Machine outputs (JSON, CSV, SARIF, JUnit) never come here: they keep the
//! decimal point and ISO dates.

use crate::lang::Lang;

/// `x` with `places` decimals: a decimal point in English, a decimal comma in Vietnamese.
pub fn decimal(x: f64, places: usize, lang: Lang) -> String {
    let text = format!("{x:.places$}");
    comma(text, lang)
}

/// A share 0–1 as a percent with one decimal: `14.3%`, `14,3%` in Vietnamese.
pub fn percent(x: f64, lang: Lang) -> String {
    format!("{}%", decimal(x * 100.0, 1, lang))
}

/// A number already written with a decimal point (`62.5%`, `2.31`), in `lang`'s way.
pub fn comma(text: String, lang: Lang) -> String {
    match lang {
        Lang::En => text,
        Lang::Vi => text.replace('.', ","),
    }
}

/// An ISO date (`2026-11-15`) in `lang`'s way (`15/11/2026` in Vietnamese); any other text
/// is returned as it is.
pub fn date(iso: &str, lang: Lang) -> String {
    match (lang, chrono::NaiveDate::parse_from_str(iso.trim(), "%Y-%m-%d")) {
        (Lang::Vi, Ok(d)) => d.format("%d/%m/%Y").to_string(),
        _ => iso.to_string(),
    }
}

/// Every ISO date (`YYYY-MM-DD` standing alone) in a sentence, in `lang`'s way: for messages
/// that quote dates among their words.
pub fn dates_in(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // A date in backticks is a value as written (a round's name, an invalid date): kept.
    let mut code = false;
    while i < text.len() {
        if bytes[i] == b'`' {
            code = !code;
        }
        if code {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
            continue;
        }
        let candidate = text.get(i..i + 10).filter(|s| s.is_char_boundary(0));
        // A date inside a path or a name (`results/2026-12-01/`, `r-2026-12-01`) is not one.
        let joins = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/' | b'\\');
        let before_ok = i == 0 || !(joins(&bytes[i - 1]) || bytes[i - 1] == b'.');
        let after_ok = bytes.get(i + 10).is_none_or(|b| !joins(b));
        if let Some(s) = candidate.filter(|s| before_ok && after_ok && is_iso(s)) {
            out.push_str(&date(s, lang));
            i += 10;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

fn is_iso(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_numbers_and_dates() {
        assert_eq!(decimal(2.314, 2, Lang::Vi), "2,31");
        assert_eq!(decimal(2.314, 2, Lang::En), "2.31");
        assert_eq!(date("2026-11-15", Lang::Vi), "15/11/2026");
        assert_eq!(date("soon", Lang::Vi), "soon");
        assert_eq!(
            dates_in(
                "hết hạn 2027-12-31, trước 2026-11-20; x2026-01-01 `2026-01-01` giữ nguyên",
                Lang::Vi
            ),
            "hết hạn 31/12/2027, trước 20/11/2026; x2026-01-01 `2026-01-01` giữ nguyên"
        );
        assert_eq!(dates_in("Đắk Lắk 2026-01-02", Lang::Vi), "Đắk Lắk 02/01/2026");
        assert_eq!(
            dates_in("results/2026-12-01/summary.json", Lang::Vi),
            "results/2026-12-01/summary.json"
        );
        assert_eq!(dates_in("ngày 2026-12-01.", Lang::Vi), "ngày 01/12/2026.");
    }
}
