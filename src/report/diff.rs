//! `dgmat diff` output: the comparison of two assessments as a terminal table, JSON or Markdown.

use std::fmt::Write as _;

use crate::assess::Status;
use crate::diff::{Change, CriterionChange, Diff, GapChange};
use crate::lang::Lang;
use crate::report::words::words;
use crate::report::{catalog, escape, locale};

/// Renders the diff as pretty JSON with a final newline.
pub fn to_json(d: &Diff) -> String {
    let mut out = serde_json::to_string_pretty(d).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

fn opt_level(l: Option<u8>) -> String {
    l.map_or_else(|| "—".to_string(), |l| l.to_string())
}

fn opt_index(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| "—".to_string(), |x| locale::decimal(x, 2, lang))
}

fn signed_level(c: &Change, lang: Lang) -> String {
    match (c.level_change, c.old_level) {
        (Some(0), _) => "=".into(),
        (Some(x), _) => format!("{x:+}"),
        (None, None) => words(lang).added.into(),
        (None, Some(_)) => words(lang).removed.into(),
    }
}

fn signed_index(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(String::new, |x| {
        if x == 0.0 {
            "=".into()
        } else {
            locale::comma(format!("{x:+.2}"), lang)
        }
    })
}

/// A status as the JSON report writes it (`not_met`), in `lang`.
fn status_word(s: &str, lang: Lang) -> String {
    Status::ALL
        .into_iter()
        .find(|status| status.as_str() == s)
        .map_or_else(|| s.to_string(), |status| crate::report::i18n::status(lang, status).to_string())
}

/// One side's line on the terminal: `Old: source · agency · rubric · date · level 2 (index 2.31)`.
fn side_line(label: &str, s: &crate::diff::Side, lang: Lang) -> String {
    let w = words(lang);
    format!(
        "{label}: {} · {} · {} · {} · {} {} ({} {})",
        s.source,
        s.agency,
        s.rubric,
        locale::date(&s.assessed_on, lang),
        w.level,
        s.level,
        w.index,
        locale::decimal(s.index, 2, lang)
    )
}

/// Renders the diff as plain text for a terminal.
pub fn to_table(d: &Diff, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", side_line(w.old, &d.old, lang));
    let _ = writeln!(out, "{}", side_line(w.new, &d.new, lang));
    for warning in &d.warnings {
        let _ = writeln!(out, "{}", (w.warning_line)(&catalog::text(warning, lang)));
    }
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    table.set_header(w.diff_columns.to_vec());
    for c in d.dimensions.iter().chain(std::iter::once(&d.overall)) {
        let name = if c.id == "overall" {
            w.overall.to_string()
        } else {
            format!("{} {}", c.id, c.name)
        };
        table.add_row(vec![
            name,
            format!("{} → {}", opt_level(c.old_level), opt_level(c.new_level)),
            signed_level(c, lang),
            format!("{} → {}", opt_index(c.old_index, lang), opt_index(c.new_index, lang)),
            signed_index(c.index_change, lang),
        ]);
    }
    let _ = writeln!(out, "\n{table}");
    let crit = |c: &CriterionChange| {
        let (old, new) = (status_word(&c.old_status, lang), status_word(&c.new_status, lang));
        format!("{} {} ({old} → {new})", c.criterion, c.title)
    };
    let style = ListStyle { none: w.none, ..TEXT };
    list(&mut out, &style, w.newly_met, &d.newly_met, crit);
    list(&mut out, &style, w.newly_failing, &d.newly_failing, crit);
    list(&mut out, &style, w.gaps_closed, &d.gaps_closed, |g| {
        format!("{} {}", g.criterion, g.title)
    });
    list(&mut out, &style, w.gaps_opened, &d.gaps_opened, |g| {
        format!("{} {} ({})", g.criterion, g.title, status_word(&g.status, lang))
    });
    crate::report::escape::terminal(&out)
}

/// How a list of changes is written in one format.
struct ListStyle {
    /// The heading line(s), from the list's name and length.
    heading: fn(&str, usize) -> String,
    /// The line written when the list is empty.
    none: &'static str,
    /// What starts each item's line.
    bullet: &'static str,
}

/// Lists in the terminal table.
const TEXT: ListStyle = ListStyle {
    heading: |heading, n| format!("\n{heading} ({n}):"),
    none: "  none",
    bullet: "  ",
};

/// Lists in Markdown.
const MARKDOWN: ListStyle = ListStyle {
    heading: |heading, n| format!("\n## {heading} ({n})\n"),
    none: "None.",
    bullet: "- ",
};

/// Writes `items` under `heading` in `style`, a line each, or the style's line for none.
fn list<T>(out: &mut String, style: &ListStyle, heading: &str, items: &[T], line: impl Fn(&T) -> String) {
    let _ = writeln!(out, "{}", (style.heading)(heading, items.len()));
    if items.is_empty() {
        let _ = writeln!(out, "{}", style.none);
    }
    for item in items {
        let _ = writeln!(out, "{}{}", style.bullet, line(item));
    }
}

/// Renders the diff as Markdown (for a pull request or an issue).
pub fn to_markdown(d: &Diff, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", w.progress_title, escape::markdown(&d.new.agency));
    let _ = writeln!(out, "| | {} |\n|---|---|---|---|---|---|", w.sides_columns.join(" | "));
    for (label, s) in [(w.old.to_lowercase(), &d.old), (w.new.to_lowercase(), &d.new)] {
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} | {} | {} |",
            escape::markdown(&s.source),
            escape::markdown(&s.rubric),
            escape::markdown(&locale::date(&s.assessed_on, lang)),
            s.level,
            locale::decimal(s.index, 2, lang)
        );
    }
    for warning in &d.warnings {
        let _ = writeln!(
            out,
            "\n> **{}:** {}",
            w.warning_title,
            escape::markdown(&catalog::text(warning, lang))
        );
    }
    let columns = w.diff_columns.map(str::to_lowercase).join(" | ");
    let _ = writeln!(out, "\n## {}\n\n| {columns} |\n|---|---|---|---|---|", w.levels);
    for c in d.dimensions.iter().chain(std::iter::once(&d.overall)) {
        let name = if c.id == "overall" {
            format!("**{}**", w.overall)
        } else {
            format!("{} {}", escape::markdown(&c.id), escape::markdown(&c.name))
        };
        let _ = writeln!(
            out,
            "| {name} | {} → {} | {} | {} → {} | {} |",
            opt_level(c.old_level),
            opt_level(c.new_level),
            signed_level(c, lang),
            opt_index(c.old_index, lang),
            opt_index(c.new_index, lang),
            signed_index(c.index_change, lang)
        );
    }
    let crit = |c: &CriterionChange| {
        format!(
            "`{}` {} ({} → {})",
            c.criterion.replace('`', ""),
            escape::markdown(&c.title),
            status_word(&c.old_status, lang),
            status_word(&c.new_status, lang)
        )
    };
    let gap = |g: &GapChange| {
        let status = status_word(&g.status, lang);
        format!("`{}` {} ({status})", g.criterion.replace('`', ""), escape::markdown(&g.title))
    };
    let style = ListStyle {
        none: w.none_sentence,
        ..MARKDOWN
    };
    list(&mut out, &style, w.newly_met, &d.newly_met, crit);
    list(&mut out, &style, w.newly_failing, &d.newly_failing, crit);
    list(&mut out, &style, w.gaps_closed, &d.gaps_closed, gap);
    list(&mut out, &style, w.gaps_opened, &d.gaps_opened, gap);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{ReportView, diff};

    fn report(version: &str, level: u8, statuses: &[(&str, &str)], gaps: &[&str]) -> ReportView {
        let criteria: Vec<serde_json::Value> = statuses
            .iter()
            .map(|(id, s)| serde_json::json!({"id": id, "title": format!("T {id}"), "status": s}))
            .collect();
        let gaps: Vec<serde_json::Value> = gaps
            .iter()
            .map(|id| serde_json::json!({"dimension": "A", "criterion": id, "title": "t", "status": "not_met"}))
            .collect();
        serde_json::from_value(serde_json::json!({
            "dgmat_report": 1,
            "rubric": {"id": "r", "version": version},
            "agency": {"id": "x"},
            "assessed_on": "2026-01-01",
            "overall": {"level": level, "index": f64::from(level) + 0.5},
            "target": {"level": 3},
            "dimensions": [{"id": "A", "name": "Alpha", "level": level, "index": f64::from(level) + 0.5, "criteria": criteria}],
            "gaps": gaps,
        }))
        .unwrap()
    }

    #[test]
    fn changes_are_classified() {
        let old = report(
            "1",
            1,
            &[("a", "not_met"), ("b", "met"), ("c", "met"), ("d", "partial")],
            &["a", "d"],
        );
        let new = report(
            "1",
            2,
            &[("a", "met"), ("b", "not_met"), ("c", "not_applicable"), ("d", "partial")],
            &["b", "d"],
        );
        let d = diff("old.json", &old, "new.json", &new);
        assert!(d.warnings.is_empty());
        assert_eq!(d.overall.level_change, Some(1));
        assert_eq!(d.overall.index_change, Some(1.0));
        let ids = |v: &[CriterionChange]| v.iter().map(|c| c.criterion.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&d.newly_met), ["a"]);
        assert_eq!(ids(&d.newly_failing), ["b"]);
        assert_eq!(d.gaps_closed.iter().map(|g| g.criterion.as_str()).collect::<Vec<_>>(), ["a"]);
        assert_eq!(d.gaps_opened.iter().map(|g| g.criterion.as_str()).collect::<Vec<_>>(), ["b"]);
    }

    #[test]
    fn a_different_rubric_version_is_warned() {
        let d = diff("o", &report("1", 1, &[], &[]), "n", &report("2", 1, &[], &[]));
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("different versions of rubric `r` (1 and 2)"));
        assert!(to_table(&d, Lang::En).contains("warning: the reports use different versions"));
        assert!(to_markdown(&d, Lang::En).contains("> **Warning:**"));
    }
}
