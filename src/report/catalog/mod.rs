//! Findings in Vietnamese. A finding is built in English by `load/` and `assess/` (JSON, SARIF,
//! JUnit and GitHub annotations keep those words: they are read by machines and must stay
//! stable); outputs for people under `--lang vi` show it through this catalog, which matches
//! the English message and help against fixed templates (`{}` is a hole: a quoted id, a value,
//! a number, a path) and writes the Vietnamese template with the holes filled in. A hole that is
//! itself one of dgmat's English phrases (`a mapping`, `a percentage 0-100`) is translated too.
//!
//! A message no template matches is shown as it is; the integration tests render every
//! finding the fixtures trigger in Vietnamese and fail on any English template left over.

use crate::finding::Finding;
use crate::lang::Lang;

mod assessment;
mod inputs;
mod rubric;
mod runs;

/// Every (English template, Vietnamese template): `{}` holes in English, `{0}`, `{1}`, ... in
/// Vietnamese (in any order). Messages and help lines alike.
pub fn templates() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    [inputs::ALL, assessment::ALL, rubric::ALL, runs::ALL].into_iter().flatten()
}

/// dgmat's English phrases that may fill a hole, and their Vietnamese: value kinds, answer
/// types, field types, agency fields, statuses.
pub const PHRASES: &[(&str, &str)] = &[
    ("a mapping", "một ánh xạ (mapping)"),
    ("a list", "một danh sách"),
    ("a string", "một chuỗi"),
    ("a number", "một số"),
    ("an integer", "một số nguyên"),
    ("a boolean", "một giá trị đúng/sai"),
    ("null", "trống (null)"),
    ("a questionnaire", "phiếu tự đánh giá"),
    ("an inventory", "danh mục"),
    ("the agency", "phần cơ quan"),
    ("the respondent", "phần người trả lời"),
    ("questionnaire", "phiếu tự đánh giá"),
    ("inventory", "danh mục"),
    ("yes | no", "yes | no (có | không)"),
    ("yes | partial | no", "yes | partial | no (có | một phần | không)"),
    ("a percentage 0-100", "một tỷ lệ phần trăm từ 0 đến 100"),
    ("a level 1-5", "một mức từ 1 đến 5"),
    ("free text", "văn bản tự do"),
    ("a date YYYY-MM-DD", "một ngày dạng YYYY-MM-DD"),
    ("string", "chuỗi"),
    ("boolean", "đúng/sai"),
    ("date", "ngày"),
    ("integer", "số nguyên"),
    ("number", "số"),
    ("met", "đạt"),
    ("partial", "đạt một phần"),
    ("not_met", "chưa đạt"),
    ("unanswered", "chưa trả lời"),
    ("evidence_missing", "thiếu minh chứng"),
    ("evidence_stale", "minh chứng quá hạn"),
    ("contradicted", "mâu thuẫn với danh mục"),
    ("not_applicable", "không áp dụng"),
    ("waived", "được miễn trừ"),
];

/// `finding` as people read it in `lang`: its message and help through the catalog, its
/// dates in `lang`'s way. English is the finding itself.
pub fn localized(finding: &Finding, lang: Lang) -> Finding {
    if lang == Lang::En {
        return finding.clone();
    }
    let mut f = finding.clone();
    f.message = text(&f.message, lang);
    f.help = f.help.as_deref().map(|h| text(h, lang));
    f
}

/// Every finding of `findings` through [`localized`].
pub fn localized_all(findings: &[Finding], lang: Lang) -> Vec<Finding> {
    findings.iter().map(|f| localized(f, lang)).collect()
}

/// One of dgmat's English sentences in `lang` (as it is when no template matches).
pub fn text(english: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return english.to_string();
    }
    let translated = translate(english, lang)
        .or_else(|| phrase(english).map(str::to_string))
        .unwrap_or_else(|| english.to_string());
    crate::report::locale::dates_in(&translated, lang)
}

/// `english` through a template, also after a place it starts with (`file:6:9: message`).
fn translate(english: &str, lang: Lang) -> Option<String> {
    template(english, lang).or_else(|| {
        english
            .match_indices(": ")
            .find_map(|(i, _)| template(&english[i + 2..], lang).map(|rest| format!("{}: {rest}", &english[..i])))
    })
}

/// `english` through the template that matches it. Of several matching templates, the one with the most fixed text wins (`unknown key `{}`
/// in the answer to `{}`` over `unknown key `{}` in {}`).
fn template(english: &str, lang: Lang) -> Option<String> {
    templates()
        .filter_map(|(en, vi)| matches(en, english).map(|holes| (en.len() - 2 * holes.len(), vi, holes)))
        .max_by_key(|(fixed, ..)| *fixed)
        .map(|(_, vi, holes)| fill(vi, &holes, lang))
}

/// The Vietnamese of one of [`PHRASES`], also of a description that starts with a type
/// (`integer from 1 to 5`, `one of: a, b`).
fn phrase(english: &str) -> Option<&'static str> {
    PHRASES.iter().find(|(en, _)| *en == english).map(|(_, vi)| *vi)
}

/// A description of a field's or an answer's type (`integer from 1 to 5`, `one of: a, b`,
/// `yes | no`, `a percentage 0-100`) in `lang`, for templates and rubric documents.
pub fn describe(english: &str, lang: Lang) -> String {
    match lang {
        Lang::En => english.to_string(),
        Lang::Vi => hole(english, lang),
    }
}

/// A hole's text in Vietnamese: a phrase of dgmat's, a field description, or as it is.
fn hole(text: &str, lang: Lang) -> String {
    if let Some(vi) = phrase(text) {
        return vi.to_string();
    }
    // A sentence of dgmat's inside another (`field `x`: 9 is out of range (...)`).
    if let Some(vi) = translate(text, lang) {
        return vi;
    }
    // A list of them (`QUA-1 (now not_met), QUA-2 (now partial)`).
    if text.contains(", ") {
        let parts: Vec<Option<String>> = text.split(", ").map(|p| template(p, lang)).collect();
        if parts.iter().any(Option::is_some) {
            let all = text.split(", ").zip(parts).map(|(p, t)| t.unwrap_or_else(|| p.to_string()));
            return all.collect::<Vec<_>>().join(", ");
        }
    }
    if let Some(values) = text.strip_prefix("one of: ") {
        return format!("một trong: {values}");
    }
    if let Some(values) = text.strip_prefix("a list of: ") {
        return format!("danh sách gồm: {values}");
    }
    if let Some(kind) = text.strip_prefix("a list of ") {
        return format!("danh sách {}", phrase(kind).unwrap_or(kind));
    }
    for (en, vi) in [(" from ", "từ"), (" of at least ", "tối thiểu"), (" of at most ", "tối đa")] {
        if let Some((kind, rest)) = text.split_once(en)
            && let Some(kind) = phrase(kind)
        {
            let rest = if en == " from " {
                rest.replacen(" to ", " đến ", 1)
            } else {
                rest.to_string()
            };
            return format!("{kind} {vi} {rest}");
        }
    }
    text.to_string()
}

/// The holes of `template` in `text`, if the text has the template's fixed parts in order.
fn matches(template: &str, text: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = template.split("{}").collect();
    let mut holes = Vec::new();
    fit(&parts, text, &mut holes).then_some(holes)
}

/// Whether `text` is `parts[0]`, a hole, `parts[1]`, ..., with non-empty holes; the shortest
/// holes that let the rest fit win.
fn fit(parts: &[&str], text: &str, holes: &mut Vec<String>) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    let Some(after) = text.strip_prefix(first) else {
        return false;
    };
    let Some((next, _)) = rest.split_first() else {
        return after.is_empty();
    };
    if next.is_empty() && rest.len() == 1 {
        // The template ends in a hole: it takes the rest.
        if after.is_empty() {
            return false;
        }
        holes.push(after.to_string());
        return true;
    }
    for (i, _) in after.match_indices(next).filter(|(i, _)| *i > 0) {
        holes.push(after[..i].to_string());
        if fit(rest, &after[i..], holes) {
            return true;
        }
        holes.pop();
    }
    false
}

/// `template` with `{0}`, `{1}`, ... replaced by the holes (each translated when it is one of
/// dgmat's phrases, unless the template quotes it as code: `` `{0}` `` is an id or a value).
fn fill(template: &str, holes: &[String], lang: Lang) -> String {
    let mut out = template.to_string();
    for (i, h) in holes.iter().enumerate() {
        let quoted = format!("`{{{i}}}`");
        let text = if template.contains(&quoted) { h.clone() } else { hole(h, lang) };
        out = out.replace(&format!("{{{i}}}"), &text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_and_fill_their_holes() {
        assert_eq!(
            text("field `security_level`: 9 is out of range (integer from 1 to 5)", Lang::Vi),
            "trường `security_level`: 9 nằm ngoài khoảng cho phép (số nguyên từ 1 đến 5)",
            "a hole that is itself one of dgmat's sentences is translated too"
        );
        assert_eq!(
            text("`security_level` is declared as integer from 1 to 5", Lang::Vi),
            "`security_level` được khai báo là số nguyên từ 1 đến 5"
        );
        assert_eq!(
            text("`SEC-5.1` expects a percentage 0-100, found `120`", Lang::Vi),
            "`SEC-5.1` cần một tỷ lệ phần trăm từ 0 đến 100, nhưng nhận được `120`"
        );
        assert_eq!(
            text("`systems` must be a list of records, found a mapping", Lang::Vi),
            "`systems` phải là danh sách bản ghi, nhưng là một ánh xạ (mapping)"
        );
        assert_eq!(text("something new", Lang::Vi), "something new");
        assert_eq!(text("unknown tier `x`", Lang::En), "unknown tier `x`");
    }

    #[test]
    fn every_template_has_as_many_holes_in_both_languages() {
        for (en, vi) in templates() {
            let n = en.matches("{}").count();
            for i in 0..n {
                assert!(vi.contains(&format!("{{{i}}}")), "{en} → {vi}: hole {i} is lost");
            }
            assert!(!vi.contains(&format!("{{{n}}}")), "{en} → {vi}: too many holes");
        }
    }
}
