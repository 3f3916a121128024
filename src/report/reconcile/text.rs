//! A reconciliation for the terminal (a table of both levels, then the disagreements) and as
//! GitHub-flavoured Markdown. Both format the shared view model; input texts are made inert by
//! [`crate::report::escape`].

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use super::{DisagreementView, LevelsView, ReconcileInput, ReconcileView, SideView, build};
use crate::report::escape;

/// Renders the terminal report.
pub fn table(input: &ReconcileInput<'_>) -> String {
    let v = build(input);
    let (t, r) = (v.t, v.t.reconcile);
    let mut out = String::new();
    let _ = writeln!(out, "{}: {} ({})", t.agency, v.agency_name, v.agency_id);
    let _ = writeln!(out, "{}: {} · {}: {}", t.rubric, v.rubric, t.assessed_on, v.assessed_on);
    if let Some(d) = &v.inspected_on {
        let _ = writeln!(out, "{}: {d}", r.inspected_on);
    }
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(vec![t.dimension, r.own, r.verified, r.overclaim, r.agreement, "kappa"]);
    let row = |l: &LevelsView| {
        vec![
            Cell::new(if l.id.is_empty() {
                l.name.clone()
            } else {
                format!("{} {}", l.id, l.name)
            }),
            Cell::new(format!("{} ({})", l.own_level, l.own_index)),
            Cell::new(format!("{} ({})", l.verified_level, l.verified_index)),
            Cell::new(&l.overclaim).set_alignment(CellAlignment::Right),
            Cell::new(format!("{}/{}", l.agreement.agree, l.agreement.criteria)).set_alignment(CellAlignment::Right),
            Cell::new(if l.agreement.criteria == 0 {
                "–"
            } else {
                short_kappa(&l.agreement.kappa)
            })
            .set_alignment(CellAlignment::Right),
        ]
    };
    for d in &v.dimensions {
        table.add_row(row(d));
    }
    table.add_row(row(&v.overall));
    let _ = writeln!(out, "\n{table}\n");
    let a = &v.agreement;
    let _ = writeln!(
        out,
        "{}: {}/{} {} {} ({}); {}: {}",
        r.agreement, a.agree, a.criteria, r.compared, r.agree, a.rate, r.kappa, a.kappa
    );
    let _ = writeln!(out, "{}", r.kappa_rule);
    if v.unverified > 0 {
        let _ = writeln!(out, "{} {}", v.unverified, r.unverified);
    }
    let _ = writeln!(out, "\n{} ({}):", r.disagreements, v.disagreements.len());
    if v.disagreements.is_empty() {
        let _ = writeln!(out, "  {}", r.no_disagreements);
    }
    for d in &v.disagreements {
        disagreement(&mut out, &v, d);
    }
    escape::terminal(&out)
}

/// Kappa in a table cell: the number, or a dash when undefined.
fn short_kappa(kappa: &str) -> &str {
    if kappa.parse::<f64>().is_ok() { kappa } else { "–" }
}

/// Writes one disagreement: the criterion, the direction, each side.
fn disagreement(out: &mut String, v: &ReconcileView, d: &DisagreementView) {
    let r = v.t.reconcile;
    let tag = if d.tag.is_empty() { String::new() } else { format!("[{}] ", d.tag) };
    let _ = writeln!(out, "  {tag}{} {} — {}", d.criterion, d.title, d.direction_text);
    let side = |out: &mut String, who: &str, s: &SideView| {
        let _ = write!(out, "        {who}: {} ({})", s.answer, s.status);
        if let Some(n) = &s.note {
            let _ = write!(out, " · {n}");
        }
        out.push('\n');
        for e in &s.evidence {
            let _ = writeln!(out, "          - {e}");
        }
    };
    side(out, r.agency_side, &d.own);
    side(out, r.inspector, &d.inspector);
    if !d.inspected {
        let _ = writeln!(out, "        ({})", r.not_inspected);
    }
}

/// Renders the Markdown report.
pub fn markdown(input: &ReconcileInput<'_>) -> String {
    let v = build(input);
    let (t, r) = (v.t, v.t.reconcile);
    let md = |s: &str| escape::markdown(s);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}: {} (`{}`)\n",
        r.title,
        md(&v.agency_name),
        escape::markdown_code(&v.agency_id)
    );
    let _ = write!(
        out,
        "{} `{}` · {}: {}",
        t.rubric,
        escape::markdown_code(&v.rubric),
        t.assessed_on,
        v.assessed_on
    );
    if let Some(d) = &v.inspected_on {
        let _ = write!(out, " · {}: {d}", r.inspected_on);
    }
    let _ = writeln!(out, "\n");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | kappa |\n|---|---|---|---:|---:|---:|",
        t.dimension, r.own, r.verified, r.overclaim, r.agreement
    );
    for l in v.dimensions.iter().chain(std::iter::once(&v.overall)) {
        let name = if l.id.is_empty() {
            format!("**{}**", md(&l.name))
        } else {
            format!("{} {}", md(&l.id), md(&l.name))
        };
        let kappa = if l.agreement.criteria == 0 {
            "–"
        } else {
            short_kappa(&l.agreement.kappa)
        };
        let _ = writeln!(
            out,
            "| {name} | {} ({}) | {} ({}) | {} | {}/{} | {} |",
            l.own_level, l.own_index, l.verified_level, l.verified_index, l.overclaim, l.agreement.agree, l.agreement.criteria, kappa
        );
    }
    let a = &v.agreement;
    let _ = writeln!(
        out,
        "\n{}: {}/{} {} {} ({}); {}: {}. {}",
        r.agreement, a.agree, a.criteria, r.compared, r.agree, a.rate, r.kappa, a.kappa, r.kappa_rule
    );
    if v.unverified > 0 {
        let _ = writeln!(out, "\n{} {}.", v.unverified, r.unverified);
    }
    let _ = writeln!(out, "\n### {} ({})\n", r.disagreements, v.disagreements.len());
    if v.disagreements.is_empty() {
        let _ = writeln!(out, "{}", r.no_disagreements);
        return out;
    }
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        t.criterion, r.agency_side, r.inspector, r.direction
    );
    let cell = |s: &SideView| {
        let mut c = format!("{} ({})", md(&s.answer), s.status);
        if let Some(n) = &s.note {
            c.push_str(&format!("<br>{}", md(n)));
        }
        for e in &s.evidence {
            c.push_str(&format!("<br>📄 {}", md(e)));
        }
        c
    };
    for d in &v.disagreements {
        let tag = if d.tag.is_empty() { String::new() } else { format!("[{}] ", d.tag) };
        let mut inspector = cell(&d.inspector);
        if !d.inspected {
            inspector.push_str(&format!("<br>_{}_", r.not_inspected));
        }
        let _ = writeln!(
            out,
            "| {tag}`{}` {} | {} | {inspector} | {} |",
            escape::markdown_code(&d.criterion),
            md(&d.title),
            cell(&d.own),
            d.direction_text
        );
    }
    out
}
