//! `dgmat progress` output: progress across rounds as a terminal table, JSON, Markdown or an
//! HTML page whose chart draws each target's share per round against the required share up to
//! its due date. Renders a computed [`Progress`]; decides nothing.

use std::fmt::Write as _;

use serde::Serialize;

use crate::assess::progress::Progress;
use crate::lang::Lang;
use crate::report::i18n::{Texts, texts};
use crate::report::{escape, locale};

fn pct(x: f64, lang: Lang) -> String {
    locale::percent(x, lang)
}

fn opt_pct(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| "—".to_string(), |x| pct(x, lang))
}

fn opt_level(l: Option<u8>) -> String {
    l.map_or_else(|| "—".to_string(), |l| l.to_string())
}

fn track(t: &Texts, on: Option<bool>) -> String {
    match on {
        Some(true) => t.on_track.to_string(),
        Some(false) => t.off_track.to_string(),
        None => "—".to_string(),
    }
}

#[derive(Serialize)]
struct ProgressJson<'a> {
    dgmat_progress: u32,
    tool: serde_json::Value,
    #[serde(flatten)]
    progress: &'a Progress,
}

/// The versioned JSON document (`"dgmat_progress": 1`), pretty, with a final newline.
pub fn to_json(p: &Progress) -> String {
    let doc = ProgressJson {
        dgmat_progress: 1,
        tool: serde_json::json!({"name": "dgmat", "version": env!("CARGO_PKG_VERSION")}),
        progress: p,
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// Rows of the per-target table: target, level, due, required, one share per round,
/// projected, on track.
fn target_rows(p: &Progress, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let t = texts(lang);
    let mut head = vec![
        t.target.to_string(),
        t.level.to_string(),
        t.due.to_string(),
        t.required_share.to_string(),
    ];
    head.extend(p.rounds.iter().map(|r| format!("{} ({})", r.round, locale::date(&r.date, lang))));
    head.extend([t.projected.to_string(), String::new()]);
    let rows = p
        .targets
        .iter()
        .map(|x| {
            let mut row = vec![
                x.id.clone(),
                x.level.to_string(),
                x.due.as_deref().map_or_else(|| "—".into(), |d| locale::date(d, lang)),
                pct(x.required_share, lang),
            ];
            row.extend(x.shares.iter().map(|s| opt_pct(*s, lang)));
            row.extend([opt_pct(x.projected_share, lang), track(t, x.on_track)]);
            row
        })
        .collect();
    (head, rows)
}

/// Rows of the transitions matrix: from-level, counts to levels 1..5.
fn matrix_rows(p: &Progress, t: &Texts) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec![format!("{} → {}", p.transitions.from, p.transitions.to)];
    head.extend((1..=5).map(|l| format!("{} {l}", t.level)));
    let rows = p
        .transitions
        .matrix
        .iter()
        .enumerate()
        .map(|(i, counts)| {
            let mut row = vec![format!("{} {}", t.level, i + 1)];
            row.extend(counts.iter().map(ToString::to_string));
            row
        })
        .collect();
    (head, rows)
}

/// Rows of the per-dimension shares: dimension, round, then ≥2..≥5.
fn dimension_rows(p: &Progress, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = ["", "", "≥ 2", "≥ 3", "≥ 4", "≥ 5"].map(String::from).to_vec();
    let mut rows = Vec::new();
    for d in &p.dimensions {
        for (r, shares) in p.rounds.iter().zip(&d.shares) {
            let mut row = vec![d.id.clone(), r.round.clone()];
            row.extend((2..=5u8).map(|l| opt_pct(shares.get(&l).copied(), lang)));
            rows.push(row);
        }
    }
    (head, rows)
}

fn regressed_line(r: &crate::assess::progress::Regression) -> String {
    format!(
        "{}{}: {} → {}{}",
        r.agency,
        r.name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default(),
        r.from,
        r.to,
        if r.dimensions.is_empty() {
            String::new()
        } else {
            format!(" [{}]", r.dimensions.join(", "))
        }
    )
}

fn stuck_line(s: &crate::assess::progress::Stuck) -> String {
    let levels: Vec<String> = s.levels.iter().map(|l| opt_level(*l)).collect();
    format!(
        "{}{}: {}",
        s.agency,
        s.name.as_ref().map(|n| format!(" ({n})")).unwrap_or_default(),
        levels.join(" → ")
    )
}

fn table(head: Vec<String>, rows: Vec<Vec<String>>) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    table.set_header(head);
    for r in rows {
        table.add_row(r);
    }
    table
}

/// Plain text for a terminal.
pub fn to_table(p: &Progress, lang: Lang) -> String {
    let t = texts(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{} · {}", t.progress_report, p.rubric);
    for r in &p.rounds {
        let _ = writeln!(
            out,
            "{} {} ({}): {} {}, {} {}, {} {} · {}",
            t.round,
            r.round,
            locale::date(&r.date, lang),
            r.submissions,
            t.submissions.to_lowercase(),
            r.assessed,
            t.assessed.to_lowercase(),
            r.counted,
            t.counted.to_lowercase(),
            r.source
        );
    }
    for w in &p.warnings {
        let _ = writeln!(
            out,
            "{}",
            (crate::report::words::words(lang).warning_line)(&crate::report::catalog::text(&rubric_change(w), lang))
        );
    }
    let (h, rows) = target_rows(p, lang);
    let _ = writeln!(out, "\n{}", table(h, rows));
    let (h, rows) = matrix_rows(p, t);
    let _ = writeln!(out, "\n{}:\n{}", t.transitions, table(h, rows));
    let tr = &p.transitions;
    let _ = writeln!(
        out,
        "{}: {} · {}: {} · {}: {}",
        t.new_agencies, tr.new, t.missing_agencies, tr.missing, t.unscored, tr.unscored
    );
    let _ = writeln!(out, "\n{}:", t.regressed);
    list(&mut out, p.regressed.iter().map(regressed_line), t);
    let _ = writeln!(out, "\n{}:", t.stuck);
    list(&mut out, p.stuck.iter().map(stuck_line), t);
    let (h, rows) = dimension_rows(p, lang);
    let _ = writeln!(out, "\n{}:\n{}", t.shares_by_dimension, table(h, rows));
    crate::report::escape::terminal(&out)
}

fn list(out: &mut String, items: impl Iterator<Item = String>, t: &Texts) {
    let mut any = false;
    for i in items {
        any = true;
        let _ = writeln!(out, "  - {i}");
    }
    if !any {
        let _ = writeln!(out, "  {}", t.none);
    }
}

fn md_table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    let cells = |r: &[String]| r.iter().map(|c| escape::markdown(c)).collect::<Vec<_>>().join(" | ");
    let _ = writeln!(out, "| {} |", cells(head));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", cells(r));
    }
}

/// GitHub-flavoured Markdown.
pub fn to_markdown(p: &Progress, lang: Lang) -> String {
    let t = texts(lang);
    let mut out = String::new();
    let _ = writeln!(out, "## {} · `{}`\n", t.progress_report, p.rubric);
    for r in &p.rounds {
        let _ = writeln!(
            out,
            "- {} **{}** ({}): {} {}, {} {}, {} {}",
            t.round,
            escape::markdown(&r.round),
            locale::date(&r.date, lang),
            r.submissions,
            t.submissions.to_lowercase(),
            r.assessed,
            t.assessed.to_lowercase(),
            r.counted,
            t.counted.to_lowercase()
        );
    }
    for w in &p.warnings {
        let _ = writeln!(
            out,
            "- ⚠️ {}",
            escape::markdown(&crate::report::catalog::text(&rubric_change(w), lang))
        );
    }
    out.push('\n');
    let (h, rows) = target_rows(p, lang);
    md_table(&mut out, &h, &rows);
    let _ = writeln!(out, "\n### {}\n", t.transitions);
    let (h, rows) = matrix_rows(p, t);
    md_table(&mut out, &h, &rows);
    let tr = &p.transitions;
    let _ = writeln!(
        out,
        "\n{}: {} · {}: {} · {}: {}",
        t.new_agencies, tr.new, t.missing_agencies, tr.missing, t.unscored, tr.unscored
    );
    for (title, items) in [
        (t.regressed, p.regressed.iter().map(regressed_line).collect::<Vec<_>>()),
        (t.stuck, p.stuck.iter().map(stuck_line).collect()),
    ] {
        let _ = writeln!(out, "\n### {title}\n");
        if items.is_empty() {
            let _ = writeln!(out, "{}", t.none);
        }
        for i in items {
            let _ = writeln!(out, "- {}", escape::markdown(&i));
        }
    }
    let _ = writeln!(out, "\n### {}\n", t.shares_by_dimension);
    let (h, rows) = dimension_rows(p, lang);
    md_table(&mut out, &h, &rows);
    out
}

/// One target's chart: shares per round, the projection to the due date and the required line.
#[derive(Serialize)]
struct Chart {
    id: String,
    width: u32,
    height: u32,
    /// `x,y` points of the measured shares.
    points: String,
    dots: Vec<Dot>,
    /// The projection from the last round to the due date.
    projection: Option<(String, String, String, String)>,
    /// The required share, as a horizontal line up to the due date.
    required_y: String,
    due_x: String,
    base_y: String,
    left: String,
    labels: Vec<Dot>,
}

#[derive(Serialize)]
struct Dot {
    x: String,
    y: String,
    label: String,
}

fn n(x: f64) -> String {
    format!("{x:.1}")
}

/// The chart of target `i`: x from the first round's date to the due date (or the last round),
/// y from 0 to 100%.
fn chart(p: &Progress, i: usize, lang: Lang) -> Chart {
    let target = &p.targets[i];
    let (width, height, left, right, top, bottom) = (560.0, 220.0, 40.0, 20.0, 16.0, 30.0);
    let dates: Vec<chrono::NaiveDate> = p.rounds.iter().filter_map(|r| r.date.parse().ok()).collect();
    let first = dates.first().copied().unwrap_or_default();
    let due = target.due.as_ref().and_then(|d| d.parse::<chrono::NaiveDate>().ok());
    let end = due.into_iter().chain(dates.last().copied()).max().unwrap_or(first);
    let span = ((end - first).num_days() as f64).max(1.0);
    let x = |d: chrono::NaiveDate| left + (width - left - right) * ((d - first).num_days() as f64 / span);
    let y = |s: f64| top + (height - top - bottom) * (1.0 - s);
    let dots: Vec<Dot> = dates
        .iter()
        .zip(&target.shares)
        .zip(&p.rounds)
        .filter_map(|((d, s), r)| {
            s.map(|s| Dot {
                x: n(x(*d)),
                y: n(y(s)),
                label: format!("{}: {}", r.round, pct(s, lang)),
            })
        })
        .collect();
    let last = dates.iter().zip(&target.shares).rev().find_map(|(d, s)| s.map(|s| (*d, s)));
    let projection = match (last, due, target.projected_share) {
        (Some((d, s)), Some(due), Some(pr)) => Some((n(x(d)), n(y(s)), n(x(due)), n(y(pr)))),
        _ => None,
    };
    let mut labels: Vec<Dot> = dates
        .iter()
        .zip(&p.rounds)
        .map(|(d, r)| Dot {
            x: n(x(*d)),
            y: n(height - 10.0),
            label: r.round.clone(),
        })
        .collect();
    if let Some(due) = due {
        labels.push(Dot {
            x: n(x(due)),
            y: n(height - 10.0),
            label: locale::date(&due.to_string(), lang),
        });
    }
    Chart {
        id: target.id.clone(),
        width: width as u32,
        height: height as u32,
        points: dots.iter().map(|d| format!("{},{}", d.x, d.y)).collect::<Vec<_>>().join(" "),
        dots,
        projection,
        required_y: n(y(target.required_share)),
        due_x: n(due.map_or(x(end), x)),
        base_y: n(y(0.0)),
        left: n(left),
        labels,
    }
}

/// A round as the page lists it, its date in the page's language.
#[derive(Serialize)]
struct RoundRow<'a> {
    round: &'a str,
    date: String,
    submissions: usize,
    assessed: usize,
    counted: usize,
    source: &'a str,
}

#[derive(Serialize)]
struct ProgressView<'a> {
    lang: &'static str,
    t: &'static Texts,
    tool_version: &'static str,
    rubric: &'a str,
    rounds: Vec<RoundRow<'a>>,
    warnings: Vec<String>,
    target_head: Vec<String>,
    target_rows: Vec<Vec<String>>,
    charts: Vec<Chart>,
    matrix_head: Vec<String>,
    matrix_rows: Vec<Vec<String>>,
    transitions: &'a crate::assess::progress::Transitions,
    regressed: Vec<String>,
    stuck: Vec<String>,
    dimension_head: Vec<String>,
    dimension_rows: Vec<Vec<String>>,
}

/// One self-contained HTML page (no scripts, no network).
pub fn to_html(p: &Progress, lang: Lang) -> Result<String, handlebars::RenderError> {
    let t = texts(lang);
    let (target_head, target_rows) = target_rows(p, lang);
    let (matrix_head, matrix_rows) = matrix_rows(p, t);
    let (dimension_head, dimension_rows) = dimension_rows(p, lang);
    let view = ProgressView {
        lang: lang.code(),
        t,
        tool_version: env!("CARGO_PKG_VERSION"),
        rubric: &p.rubric,
        rounds: p
            .rounds
            .iter()
            .map(|r| RoundRow {
                round: &r.round,
                date: locale::date(&r.date, lang),
                submissions: r.submissions,
                assessed: r.assessed,
                counted: r.counted,
                source: &r.source,
            })
            .collect(),
        warnings: p
            .warnings
            .iter()
            .map(|w| crate::report::catalog::text(&rubric_change(w), lang))
            .collect(),
        target_head,
        target_rows,
        charts: (0..p.targets.len()).map(|i| chart(p, i, lang)).collect(),
        matrix_head,
        matrix_rows,
        transitions: &p.transitions,
        regressed: p.regressed.iter().map(regressed_line).collect(),
        stuck: p.stuck.iter().map(stuck_line).collect(),
        dimension_head,
        dimension_rows,
    };
    crate::report::page::render("progress", &view)
}

/// Why a round may not compare with the last, in words.
pub fn rubric_change(w: &crate::assess::progress::RubricChange) -> String {
    format!(
        "{} was assessed against {}, the last round against {}: figures may not compare",
        w.source, w.rubric, w.last
    )
}
