//! `dgmat diff` output: the comparison of two assessments as a terminal table, JSON or Markdown.

use std::fmt::Write as _;

use crate::diff::{Change, CriterionChange, Diff, GapChange};
use crate::report::escape;

/// Renders the diff as pretty JSON with a final newline.
pub fn to_json(d: &Diff) -> String {
    let mut out = serde_json::to_string_pretty(d).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

fn opt_level(l: Option<u8>) -> String {
    l.map_or_else(|| "—".to_string(), |l| l.to_string())
}

fn opt_index(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_string(), |x| format!("{x:.2}"))
}

fn signed_level(c: &Change) -> String {
    match (c.level_change, c.old_level) {
        (Some(0), _) => "=".into(),
        (Some(x), _) => format!("{x:+}"),
        (None, None) => "new".into(),
        (None, Some(_)) => "removed".into(),
    }
}

fn signed_index(x: Option<f64>) -> String {
    x.map_or_else(String::new, |x| if x == 0.0 { "=".into() } else { format!("{x:+.2}") })
}

/// Renders the diff as plain text for a terminal.
pub fn to_table(d: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Old: {} · {} · {} · {} · level {} (index {:.2})",
        d.old.source, d.old.agency, d.old.rubric, d.old.assessed_on, d.old.level, d.old.index
    );
    let _ = writeln!(
        out,
        "New: {} · {} · {} · {} · level {} (index {:.2})",
        d.new.source, d.new.agency, d.new.rubric, d.new.assessed_on, d.new.level, d.new.index
    );
    for w in &d.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    table.set_header(vec!["Dimension", "Level", "Change", "Index", "Change"]);
    for c in d.dimensions.iter().chain(std::iter::once(&d.overall)) {
        let name = if c.id == "overall" {
            c.name.clone()
        } else {
            format!("{} {}", c.id, c.name)
        };
        table.add_row(vec![
            name,
            format!("{} → {}", opt_level(c.old_level), opt_level(c.new_level)),
            signed_level(c),
            format!("{} → {}", opt_index(c.old_index), opt_index(c.new_index)),
            signed_index(c.index_change),
        ]);
    }
    let _ = writeln!(out, "\n{table}");
    list(&mut out, &TEXT, "Newly met", &d.newly_met, |c| {
        format!("{} {} ({} → {})", c.criterion, c.title, c.old_status, c.new_status)
    });
    list(&mut out, &TEXT, "Newly failing", &d.newly_failing, |c| {
        format!("{} {} ({} → {})", c.criterion, c.title, c.old_status, c.new_status)
    });
    list(&mut out, &TEXT, "Gaps closed", &d.gaps_closed, |g| {
        format!("{} {}", g.criterion, g.title)
    });
    list(&mut out, &TEXT, "Gaps opened", &d.gaps_opened, |g| {
        format!("{} {} ({})", g.criterion, g.title, g.status)
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
pub fn to_markdown(d: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Maturity progress: {}\n", escape::markdown(&d.new.agency));
    let _ = writeln!(
        out,
        "| | source | rubric | assessed on | level | index |\n|---|---|---|---|---|---|"
    );
    for (label, s) in [("old", &d.old), ("new", &d.new)] {
        let _ = writeln!(
            out,
            "| {label} | {} | {} | {} | {} | {:.2} |",
            escape::markdown(&s.source),
            escape::markdown(&s.rubric),
            escape::markdown(&s.assessed_on),
            s.level,
            s.index
        );
    }
    for w in &d.warnings {
        let _ = writeln!(out, "\n> **Warning:** {}", escape::markdown(w));
    }
    let _ = writeln!(
        out,
        "\n## Levels\n\n| dimension | level | change | index | change |\n|---|---|---|---|---|"
    );
    for c in d.dimensions.iter().chain(std::iter::once(&d.overall)) {
        let name = if c.id == "overall" {
            "**Overall**".to_string()
        } else {
            format!("{} {}", escape::markdown(&c.id), escape::markdown(&c.name))
        };
        let _ = writeln!(
            out,
            "| {name} | {} → {} | {} | {} → {} | {} |",
            opt_level(c.old_level),
            opt_level(c.new_level),
            signed_level(c),
            opt_index(c.old_index),
            opt_index(c.new_index),
            signed_index(c.index_change)
        );
    }
    let crit = |c: &CriterionChange| {
        format!(
            "`{}` {} ({} → {})",
            c.criterion.replace('`', ""),
            escape::markdown(&c.title),
            c.old_status,
            c.new_status
        )
    };
    let gap = |g: &GapChange| format!("`{}` {} ({})", g.criterion.replace('`', ""), escape::markdown(&g.title), g.status);
    list(&mut out, &MARKDOWN, "Newly met", &d.newly_met, crit);
    list(&mut out, &MARKDOWN, "Newly failing", &d.newly_failing, crit);
    list(&mut out, &MARKDOWN, "Gaps closed", &d.gaps_closed, gap);
    list(&mut out, &MARKDOWN, "Gaps opened", &d.gaps_opened, gap);
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
        assert!(to_table(&d).contains("warning: the reports use different versions"));
        assert!(to_markdown(&d).contains("> **Warning:**"));
    }
}
