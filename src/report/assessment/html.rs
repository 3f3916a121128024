//! The HTML report of one assessment: a self-contained page (radar chart, heatmap, action
//! plan, evidence, findings, inputs) written from the view model.
//!
//! The page is written by hand, not through a template: in a batch it is most of the work, and
//! a template engine first copies the whole view into JSON and then looks up every name in it.
//! Every text from the inputs, the rubric or the language tables goes through [`Page::text`],
//! which escapes as Handlebars does (`& < > " ' \` =`); string literals are the page's own
//! markup. Empty texts and empty lists count as absent, as in the other pages' templates. Each
//! branch of the page is pinned byte for byte in `tests/integration/pages.rs`.

use std::fmt::Write as _;

use super::view_types::{CriterionView, ReportView};
use crate::report::ReportInput;
use crate::report::escape;

/// The page's style sheet, shared with the template pages.
const STYLE: &str = include_str!("../templates/style.css.hbs");

/// Renders the HTML report of one assessment.
pub fn render(input: &ReportInput<'_>) -> String {
    write(&super::view::build(input))
}

/// The page of `v`.
pub fn write(v: &ReportView) -> String {
    let mut p = Page(String::with_capacity(96 * 1024));
    head(&mut p, v);
    why(&mut p, v);
    summary(&mut p, v);
    action_plan(&mut p, v);
    groups(&mut p, v);
    suggestions(&mut p, v);
    heatmap(&mut p, v);
    dimensions(&mut p, v);
    evidence(&mut p, v);
    waivers(&mut p, v);
    findings(&mut p, v);
    inputs(&mut p, v);
    crate::report::page::tidy(&p.0)
}

/// Writes each part to a [`Page`]: a string literal as markup, a braced expression as text.
macro_rules! put {
    (@ $p:ident, $markup:literal) => {
        $p.0.push_str($markup)
    };
    (@ $p:ident, { $text:expr }) => {
        $p.text(&$text)
    };
    ($p:expr $(, $part:tt)* $(,)?) => {{
        let p: &mut Page = $p;
        $(put!(@ p, $part);)*
    }};
}

/// The page being written.
struct Page(String);

impl Page {
    /// `t`, escaped.
    fn text<T: Text + ?Sized>(&mut self, t: &T) {
        t.write_to(&mut self.0);
    }

    /// `markup` when `cond`, else `other`.
    fn either(&mut self, cond: bool, markup: &str, other: &str) {
        self.0.push_str(if cond { markup } else { other });
    }

    /// A ticked or crossed cell: met or not.
    fn tick(&mut self, v: &ReportView, met: bool) {
        if met {
            put!(self, "<span class=\"tick yes\">✓ ", { v.t.met }, "</span>");
        } else {
            put!(self, "<span class=\"tick no\">✗ ", { v.t.not_met }, "</span>");
        }
    }
}

/// What a page shows as text.
trait Text {
    /// Appends `self` to `out`, escaped.
    fn write_to(&self, out: &mut String);
}

impl Text for str {
    fn write_to(&self, out: &mut String) {
        escape::html_into(out, self);
    }
}

impl Text for String {
    fn write_to(&self, out: &mut String) {
        escape::html_into(out, self);
    }
}

impl<T: Text + ?Sized> Text for &T {
    fn write_to(&self, out: &mut String) {
        (**self).write_to(out);
    }
}

macro_rules! number_text {
    ($($t:ty),*) => {$(
        impl Text for $t {
            fn write_to(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
number_text!(u8, u32, usize);

/// The text of an optional value, when there is one and it is not empty.
fn given(o: &Option<String>) -> Option<&str> {
    o.as_deref().filter(|s| !s.is_empty())
}

fn head(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(
        p,
        "<!DOCTYPE html>\n<html lang=\"",
        { v.lang },
        "\">\n<head>\n<meta charset=\"utf-8\">\n"
    );
    put!(p, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    put!(p, "<meta name=\"generator\" content=\"dgmat ", { v.tool_version }, "\">\n");
    put!(p, "<title>", { t.maturity_report }, ": ", { v.agency.name }, "</title>\n<style>\n");
    p.0.push_str(STYLE);
    put!(p, "\n</style>\n</head>\n<body>\n<header class=\"top\" id=\"top\">\n");
    put!(
        p,
        "<div class=\"kicker\">",
        { t.maturity_report },
        "</div>\n<h1>",
        { v.agency.name },
        "</h1>\n"
    );
    put!(
        p,
        "<p class=\"meta\"><span>",
        { t.agency },
        ": <code>",
        { v.agency.id },
        "</code></span>"
    );
    if let Some(tier) = v.agency.tier.filter(|s| !s.is_empty()) {
        put!(p, "<span>", { t.tier }, ": ", { tier }, "</span>");
    }
    put!(p, "<span>", { t.assessed_on }, ": ", { v.assessed_on }, "</span>");
    put!(
        p,
        "<span>",
        { t.rubric },
        ": ",
        { v.rubric.title },
        " (<code>",
        { v.rubric.id },
        "@"
    );
    put!(p, { v.rubric.version }, "</code>)</span></p>\n<div class=\"cards\">\n");
    if v.has_overall {
        put!(p, "<div class=\"card\"><div class=\"k\">", { t.overall }, "</div><div class=\"v\">");
        put!(p, { t.level }, " ", { v.overall.level }, "</div><div class=\"s\">", {
            v.overall.name
        });
        put!(p, " · ", { t.index }, " ", { v.overall.index }, "</div></div>");
    }
    let target = &v.target;
    put!(p, "\n<div class=\"card ");
    p.either(target.met, "ok", "bad");
    put!(p, "\"><div class=\"k\">", { t.target });
    if let Some(id) = given(&target.id) {
        put!(p, ": ", { id });
    }
    put!(
        p,
        "</div><div class=\"v\">",
        { t.level },
        " ",
        { target.level },
        "</div><div class=\"s\">"
    );
    put!(p, { if target.met { t.target_reached } else { t.target_not_reached } });
    if let Some(due) = given(&target.due) {
        put!(p, " · ", { t.due }, " ", { due });
    }
    if let Some(title) = given(&target.title) {
        put!(p, " · ", { title });
    }
    put!(p, "</div></div>\n");
    if let Some(card) = &v.extra_card {
        put!(p, "<div class=\"card\"><div class=\"k\">", { card.key }, "</div><div class=\"v\">");
        put!(p, { card.value }, "</div><div class=\"s\">", { card.sub }, "</div></div>");
    }
    put!(
        p,
        "\n<div class=\"card\"><div class=\"k\">",
        { t.gaps },
        "</div><div class=\"v\">",
        { v.gap_count }
    );
    put!(p, "</div><div class=\"s\">", { t.action_plan }, "</div></div>\n");
    put!(
        p,
        "<div class=\"card\"><div class=\"k\">",
        { t.findings },
        "</div><div class=\"v\">"
    );
    put!(
        p,
        { v.error_count },
        " / ",
        { v.warning_count },
        "</div><div class=\"s\">",
        { t.errors },
        " / "
    );
    put!(p, { t.warnings }, "</div></div>\n</div>\n</header>\n");
}

fn why(p: &mut Page, v: &ReportView) {
    put!(p, "<section id=\"why\">\n<h2>", { v.t.why_this_level }, "</h2>\n<p class=\"why\">");
    for (i, line) in v.why.lines.iter().enumerate() {
        if i > 0 {
            p.0.push(' ');
        }
        p.text(line);
    }
    put!(p, "</p>\n");
    if let Some(heading) = given(&v.why.first_steps_heading) {
        put!(p, "<h3 id=\"first-steps\">", { heading }, "</h3>\n<p class=\"note\">", {
            v.t.first_steps_note
        });
        put!(p, "</p>\n<ol class=\"steps\">\n");
        for c in &v.first_steps {
            put!(
                p,
                "<li><a href=\"#crit-",
                { c.id },
                "\" class=\"id\">",
                { c.id },
                "</a> <span class=\"title\">"
            );
            put!(p, { c.title }, "</span> ");
            status_badge(p, c.status, c.status_name);
            put!(p, "</li>\n");
        }
        put!(p, "</ol>\n");
    }
    put!(p, "</section>\n");
}

/// A criterion's status as a badge.
fn status_badge(p: &mut Page, status: &str, name: &str) {
    put!(p, "<span class=\"badge st-", { status }, "\">", { name }, "</span>");
}

fn summary(p: &mut Page, v: &ReportView) {
    let (t, r) = (v.t, &v.radar);
    put!(
        p,
        "<section id=\"summary\">\n<h2>",
        { t.summary },
        "</h2>\n<div class=\"overview\">\n<figure>\n"
    );
    put!(
        p,
        "<svg id=\"radar\" class=\"radar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
    );
    put!(p, { r.width }, " ", { r.height }, "\" width=\"", { r.width }, "\" height=\"", {
        r.height
    });
    put!(
        p,
        "\" role=\"img\" aria-labelledby=\"radar-title\">\n<title id=\"radar-title\">",
        { t.radar },
        "</title>\n"
    );
    for ring in &r.rings {
        if r.polygons {
            put!(p, "<polygon class=\"ring\" points=\"", { ring.points }, "\"/>");
        } else {
            put!(
                p,
                "<circle class=\"ring\" cx=\"",
                { r.cx },
                "\" cy=\"",
                { r.cy },
                "\" r=\"",
                { ring.r },
                "\"/>"
            );
        }
        put!(
            p,
            "\n<text class=\"ring-label\" x=\"",
            { ring.label_x },
            "\" y=\"",
            { ring.label_y },
            "\">"
        );
        put!(p, { ring.level }, "</text>\n");
    }
    for a in &r.axes {
        put!(p, "<line class=\"radar-axis\" x1=\"", { r.cx }, "\" y1=\"", { r.cy }, "\" x2=\"", {
            a.x
        });
        put!(p, "\" y2=\"", { a.y }, "\"><title>", { a.id }, " ", { a.name }, "</title></line>\n");
        put!(
            p,
            "<text class=\"axis-label\" x=\"",
            { a.label_x },
            "\" y=\"",
            { a.label_y },
            "\" text-anchor=\""
        );
        put!(p, { a.anchor }, "\">", { a.id }, " · ", { a.level }, "</text>\n");
    }
    put!(
        p,
        "<polygon class=\"target\" points=\"",
        { r.target_points },
        "\"><title>",
        { t.target },
        ": "
    );
    put!(p, { t.level }, " ", { r.target_level }, "</title></polygon>\n");
    put!(p, "<polygon class=\"levels\" points=\"", { r.level_points }, "\"/>\n");
    for a in &r.axes {
        put!(
            p,
            "<circle class=\"dot\" cx=\"",
            { a.dot_x },
            "\" cy=\"",
            { a.dot_y },
            "\" r=\"3.5\"><title>"
        );
        put!(
            p,
            { a.id },
            " ",
            { a.name },
            ": ",
            { t.level },
            " ",
            { a.level },
            "</title></circle>\n"
        );
    }
    put!(p, "</svg>\n<figcaption><span class=\"key levels\"></span>", { t.levels_reached });
    put!(p, " &nbsp; <span class=\"key target\"></span>", { t.target_level }, " ", {
        v.target.level
    });
    put!(
        p,
        "</figcaption>\n</figure>\n<div class=\"table-wrap\">\n<table class=\"summary\">\n"
    );
    put!(
        p,
        "<thead><tr><th>",
        { t.dimension },
        "</th><th class=\"num\">",
        { t.level },
        "</th><th class=\"num\">"
    );
    put!(p, { t.index }, "</th>");
    let extra_heading = given(&v.extra_heading);
    match extra_heading {
        Some(h) => put!(p, "<th class=\"num\">", { h }, "</th>"),
        None => put!(p, "<th></th>"),
    }
    put!(p, "<th>", { t.target }, " ", { v.target.level }, "</th><th class=\"num\">", {
        t.gaps
    });
    put!(p, "</th></tr></thead>\n<tbody>\n");
    for d in &v.dimensions {
        put!(p, "<tr><td><a href=\"#dim-", { d.id }, "\"><strong>", { d.id }, "</strong></a> ", {
            d.name
        });
        put!(
            p,
            "</td><td class=\"num\">",
            { d.level },
            "</td><td class=\"num\">",
            { d.index },
            "</td>"
        );
        if extra_heading.is_some() {
            extra_cell(p, &d.extra);
        } else {
            put!(
                p,
                "<td><div class=\"bar\"><span style=\"width: ",
                { d.bar },
                "%\"></span></div></td>"
            );
        }
        put!(p, "<td>");
        p.tick(v, d.reached);
        put!(p, "</td><td class=\"num\">", { d.gap_count }, "</td></tr>\n");
    }
    if v.has_overall {
        put!(p, "<tr class=\"total\"><td>", { t.overall }, "</td><td class=\"num\">", {
            v.overall.level
        });
        put!(p, "</td><td class=\"num\">", { v.overall.index }, "</td>");
        if extra_heading.is_some() {
            extra_cell(p, &v.overall.extra);
        } else {
            put!(p, "<td></td>");
        }
        put!(p, "<td>");
        p.tick(v, v.target.met);
        put!(p, "</td><td class=\"num\">", { v.gap_count }, "</td></tr>");
    }
    put!(p, "\n</tbody>\n</table>\n</div>\n</div>\n</section>\n");
}

/// The summary's method column.
fn extra_cell(p: &mut Page, extra: &Option<String>) {
    put!(p, "<td class=\"num\">");
    if let Some(x) = given(extra) {
        p.text(x);
    }
    put!(p, "</td>");
}

fn action_plan(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(
        p,
        "<section id=\"action-plan\">\n<h2>",
        { t.action_plan },
        " (",
        { t.to_reach_level },
        " "
    );
    put!(p, { v.target.level }, ")</h2>\n");
    if v.action_plan.is_empty() {
        put!(p, "<p class=\"empty\">", { t.no_gaps }, "</p>\n");
    }
    for g in &v.action_plan {
        put!(p, "<div class=\"plan-group\" id=\"plan-", { g.id }, "\">\n<h3>", { g.id }, " ", {
            g.name
        });
        put!(
            p,
            " <span class=\"lvl\">(",
            { t.level },
            " ",
            { g.level },
            " → ",
            { v.target.level },
            ")</span></h3>\n"
        );
        for c in &g.gaps {
            gap(p, v, c);
        }
        put!(p, "</div>\n");
    }
    put!(p, "</section>\n");
}

/// One gap of the action plan.
fn gap(p: &mut Page, v: &ReportView, c: &CriterionView) {
    let t = v.t;
    put!(
        p,
        "<div class=\"gap\" id=\"gap-",
        { c.id },
        "\">\n<div class=\"head\"><span class=\"id\">",
        { c.id }
    );
    put!(p, "</span><span class=\"title\">", { c.title }, "</span>");
    if let Some(badge) = given(&c.badge) {
        put!(p, "<span class=\"badge\">", { badge }, "</span>");
    }
    status_badge(p, c.status, c.status_name);
    put!(
        p,
        "</div>\n<div class=\"action\"><strong>",
        { t.action },
        ":</strong> ",
        { c.action },
        "</div>\n"
    );
    if let Some(detail) = given(&c.detail) {
        put!(p, "<p class=\"detail\">", { detail }, "</p>\n");
    }
    if let Some(note) = given(&c.note) {
        put!(p, "<p class=\"detail\">", { t.note }, ": ", { note }, "</p>\n");
    }
    if !c.records.is_empty() {
        put!(p, "<ul class=\"records\" aria-label=\"", { t.failing_records }, "\">\n");
        for r in &c.records {
            put!(p, "<li><code>", { r.key }, "</code> <span class=\"loc\">", { r.collection }, " · ");
            put!(p, { r.place }, "</span></li>\n");
        }
        if c.more_records > 0 {
            put!(p, "<li>… ", { t.and_more }, " ", { c.more_records }, "</li>\n");
        }
        put!(p, "</ul>\n");
    }
    put!(p, "</div>\n");
}

fn groups(p: &mut Page, v: &ReportView) {
    if v.groups.is_empty() {
        return;
    }
    let t = v.t;
    put!(
        p,
        "<section id=\"groups\">\n<h2>",
        { t.groups },
        "</h2>\n<table>\n<thead><tr><th>",
        { t.groups }
    );
    put!(p, "</th><th class=\"num\">", { t.score }, "</th></tr></thead>\n<tbody>\n");
    for g in &v.groups {
        put!(
            p,
            "<tr><td><strong>",
            { g.id },
            "</strong> ",
            { g.name },
            "</td><td class=\"num\">",
            { g.score }
        );
        put!(p, " / ", { g.max }, "</td></tr>\n");
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

fn suggestions(p: &mut Page, v: &ReportView) {
    if v.suggestions.is_empty() {
        return;
    }
    let t = v.t;
    put!(p, "<section id=\"suggestions\">\n<h2>", { t.suggestions }, "</h2>\n<p>", {
        t.suggestions_hint
    });
    put!(p, "</p>\n");
    for s in &v.suggestions {
        put!(
            p,
            "<div class=\"gap\" id=\"suggestion-",
            { s.id },
            "\">\n<div class=\"head\"><span class=\"id\">"
        );
        put!(p, { s.id }, "</span><span class=\"title\">", { s.title }, "</span></div>\n");
        put!(
            p,
            "<div class=\"action\"><strong>",
            { t.action },
            ":</strong> ",
            { s.action },
            "</div>\n"
        );
        if let Some(detail) = given(&s.detail) {
            put!(p, "<p class=\"detail\">", { detail }, "</p>\n");
        }
        put!(p, "</div>\n");
    }
    put!(p, "</section>\n");
}

fn heatmap(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(
        p,
        "<section id=\"heatmap-section\">\n<h2>",
        { v.heatmap_title },
        "</h2>\n<div class=\"legend\">"
    );
    for s in &v.statuses {
        put!(
            p,
            "<span class=\"chip st-",
            { s.status },
            "\">",
            { s.name },
            " (",
            { s.count },
            ")</span>"
        );
    }
    put!(p, "</div>\n");
    if let Some(h) = &v.heatmap {
        put!(
            p,
            "<table class=\"heat\" id=\"heatmap\">\n<thead><tr><th>",
            { t.dimension },
            "</th>"
        );
        for l in &h.levels {
            put!(p, "<th class=\"");
            p.either(l.is_target, "target", "");
            put!(p, "\">", { l.label });
            if l.is_target {
                put!(p, " · ", { t.target });
            }
            put!(p, "</th>");
        }
        put!(p, "</tr></thead>\n<tbody>\n");
        for row in &h.rows {
            put!(
                p,
                "<tr><th scope=\"row\" title=\"",
                { row.name },
                "\">",
                { row.id },
                " · ",
                { row.level },
                "</th>"
            );
            for cell in &row.cells {
                put!(p, "<td class=\"");
                p.either(cell.reached, "reached", "");
                put!(p, "\">");
                for i in &cell.items {
                    put!(p, "<span class=\"chip st-", { i.status }, "\" title=\"", { i.title }, ": ");
                    put!(p, { i.status_name }, "\">", { i.id }, "</span>");
                }
                put!(p, "</td>");
            }
            put!(p, "</tr>\n");
        }
        put!(p, "</tbody>\n</table>\n");
    }
    if let Some(chart) = &v.points_chart {
        put!(p, "<table class=\"points\" id=\"points-chart\">\n<thead><tr><th>", { t.dimension });
        put!(p, "</th><th class=\"share-col\">", { t.share }, "</th><th class=\"num\">", {
            t.points
        });
        put!(
            p,
            "</th><th class=\"num\">%</th><th>",
            { t.target },
            " ",
            { v.target.level },
            "</th></tr></thead>\n"
        );
        put!(p, "<tbody>\n");
        for row in &chart.rows {
            put!(p, "<tr");
            p.either(row.total, " class=\"total\"", "");
            put!(p, "><th scope=\"row\"");
            if !row.name.is_empty() {
                put!(p, " title=\"", { row.name }, "\"");
            }
            put!(
                p,
                ">",
                { row.id },
                " · ",
                { row.level },
                "</th><td><div class=\"pbar\"><span class=\"fill"
            );
            p.either(row.reached, " reached", "");
            put!(p, "\" style=\"width: ", { row.width }, "%\"></span>");
            for b in &chart.bands {
                put!(p, "<span class=\"mark");
                p.either(b.is_target, " target", "");
                put!(
                    p,
                    "\" style=\"left: ",
                    { b.left },
                    "%\" title=\"",
                    { t.level },
                    " ",
                    { b.level },
                    ": "
                );
                put!(p, { b.share }, "\"></span>");
            }
            put!(p, "</div></td><td class=\"num\">", { row.points }, "</td><td class=\"num\">", {
                row.share
            });
            put!(p, "</td><td>");
            p.tick(v, row.reached);
            put!(p, "</td></tr>\n");
        }
        put!(p, "</tbody>\n</table>\n<p class=\"legend\">", { t.bands }, ": ");
        for b in &chart.bands {
            put!(p, "<span class=\"");
            p.either(b.is_target, "band-target", "");
            put!(p, "\">", { t.level }, " ", { b.level }, " ≥ ", { b.share });
            if b.is_target {
                put!(p, " (", { t.target }, ")");
            }
            put!(p, "</span>");
        }
        put!(p, "</p>\n");
    }
    put!(p, "</section>\n");
}

fn dimensions(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"dimensions\">\n<h2>", { t.criteria_by_dimension }, "</h2>\n");
    for d in &v.dimensions {
        put!(
            p,
            "<h3 id=\"dim-",
            { d.id },
            "\">",
            { d.id },
            " ",
            { d.name },
            " — ",
            { t.level },
            " ",
            { d.level }
        );
        put!(p, " ", { d.level_name }, " (", { t.index }, " ", { d.index });
        if let Some(points) = given(&d.points) {
            put!(p, " · ", { points });
        }
        put!(
            p,
            ")</h3>\n<table class=\"dim-table\">\n<thead><tr><th>",
            { t.criterion },
            "</th><th class=\"num\">"
        );
        put!(
            p,
            { v.score_heading },
            "</th><th>",
            { t.status },
            "</th><th>",
            { t.detail },
            "</th></tr></thead>\n"
        );
        put!(p, "<tbody>\n");
        for c in &d.criteria {
            put!(p, "<tr id=\"crit-", { c.id }, "\"><td><strong>", { c.id }, "</strong> ", {
                c.title
            });
            put!(p, "</td><td class=\"num\">", { c.score }, "</td><td>");
            status_badge(p, c.status, c.status_name);
            put!(p, "</td><td>");
            if let Some(detail) = given(&c.detail) {
                p.text(detail);
            }
            if let Some(note) = given(&c.note) {
                put!(p, "<br><em>", { t.note }, ": ", { note }, "</em>");
            }
            put!(p, "</td></tr>\n");
        }
        put!(p, "</tbody>\n</table>\n");
    }
    put!(p, "</section>\n");
}

fn evidence(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"evidence\">\n<h2>", { t.evidence }, "</h2>\n");
    if v.evidence.is_empty() {
        put!(p, "<p class=\"empty\">", { t.no_evidence }, "</p>\n</section>\n");
        return;
    }
    put!(
        p,
        "<table>\n<thead><tr><th>",
        { t.criterion },
        "</th><th>",
        { t.reference },
        "</th><th>",
        { t.date }
    );
    put!(
        p,
        "</th><th>",
        { t.link },
        "</th><th>",
        { t.status },
        "</th></tr></thead>\n<tbody>\n"
    );
    for e in &v.evidence {
        put!(p, "<tr><td class=\"nowrap\"><strong>", { e.criterion }, "</strong></td><td>", {
            e.reference
        });
        put!(p, "</td><td class=\"nowrap\">");
        match given(&e.date) {
            Some(date) => p.text(date),
            None => put!(p, "<span class=\"badge st-partial undated\">", { t.undated }, "</span>"),
        }
        put!(p, "</td><td class=\"url\">");
        match (given(&e.href), given(&e.url)) {
            (Some(href), url) => {
                put!(
                    p,
                    "<a href=\"",
                    { href },
                    "\" rel=\"noopener noreferrer\">",
                    { url.unwrap_or("") },
                    "</a>"
                );
            }
            (None, Some(url)) => p.text(url),
            (None, None) => {}
        }
        put!(p, "</td><td>");
        status_badge(p, e.status, e.status_name);
        put!(p, "</td></tr>\n");
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

fn waivers(p: &mut Page, v: &ReportView) {
    let t = v.t;
    if v.waivers_ignored {
        put!(p, "<p class=\"note\"><strong>", { t.waivers_ignored }, "</strong></p>\n");
    }
    if v.waivers.is_empty() {
        return;
    }
    put!(
        p,
        "<section id=\"waivers\">\n<h2>",
        { t.waivers },
        "</h2>\n<table>\n<thead><tr><th>",
        { t.waived }
    );
    put!(
        p,
        "</th><th>",
        { t.reason },
        "</th><th>",
        { t.approved_by },
        "</th><th>",
        { t.decision },
        "</th><th>"
    );
    put!(p, { t.expires }, "</th></tr></thead>\n<tbody>\n");
    for w in &v.waivers {
        put!(p, "<tr><td><strong>", { w.id }, "</strong> ", { w.title }, "</td><td>", {
            w.waiver.reason
        });
        put!(p, "</td><td>", { w.waiver.approved_by }, "</td><td>");
        if let Some(reference) = given(&w.waiver.reference) {
            p.text(reference);
        }
        put!(p, "</td><td class=\"nowrap\">", { w.waiver.expires }, "</td></tr>\n");
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

fn findings(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"findings\">\n<h2>", { t.findings }, "</h2>\n");
    if v.findings.is_empty() {
        put!(p, "<p class=\"empty\">", { t.no_findings }, "</p>\n</section>\n");
        return;
    }
    put!(
        p,
        "<table>\n<thead><tr><th>",
        { t.severity },
        "</th><th>",
        { t.rule },
        "</th><th>",
        { t.location }
    );
    put!(p, "</th><th>", { t.message }, "</th></tr></thead>\n<tbody>\n");
    for f in &v.findings {
        put!(p, "<tr><td><span class=\"badge ");
        p.either(f.severity == "error", "st-not_met", "st-partial");
        put!(
            p,
            "\">",
            { f.severity_name },
            "</span></td><td><code>",
            { f.rule },
            "</code></td><td class=\"mono\">"
        );
        if let Some(location) = given(&f.location) {
            p.text(location);
        }
        put!(p, "</td><td>");
        code(p, &f.message);
        if let Some(help) = given(&f.help) {
            put!(p, "<br><em>", { t.help }, ": ");
            code(p, help);
            put!(p, "</em>");
        }
        if let Some(waived) = given(&f.waived) {
            put!(p, "<br><span class=\"badge st-waived\">", { waived }, "</span>");
        }
        put!(p, "</td></tr>\n");
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

/// A message whose `` `spans` `` are code.
fn code(p: &mut Page, text: &str) {
    p.0.push_str(&escape::code_spans(text, escape::html, escape::html_code));
}

fn inputs(p: &mut Page, v: &ReportView) {
    let (t, r) = (v.t, &v.rubric);
    put!(
        p,
        "<section id=\"inputs\">\n<h2>",
        { t.inputs },
        "</h2>\n<table>\n<thead><tr><th>",
        { t.file }
    );
    put!(
        p,
        "</th><th>SHA-256</th></tr></thead>\n<tbody>\n<tr><td>",
        { t.rubric },
        " <code>",
        { r.id },
        "@"
    );
    put!(
        p,
        { r.version },
        "</code></td><td class=\"mono hash\">",
        { r.sha256 },
        "</td></tr>\n"
    );
    if let Some((base, sha256)) = &r.extends {
        put!(
            p,
            "<tr><td>",
            { t.rubric },
            " <code>",
            { r.id },
            "</code> ",
            { t.extends },
            " <code>",
            { base }
        );
        put!(p, "</code></td><td class=\"mono hash\">", { sha256 }, "</td></tr>\n");
    }
    for i in &v.inputs {
        put!(
            p,
            "<tr><td class=\"mono\">",
            { i.path },
            "</td><td class=\"mono hash\">",
            { i.sha256 },
            "</td></tr>\n"
        );
    }
    put!(
        p,
        "</tbody>\n</table>\n</section>\n<footer>",
        { t.generated_by },
        " dgmat ",
        { v.tool_version },
        " · "
    );
    put!(
        p,
        { r.id },
        "@",
        { r.version },
        " · ",
        { v.assessed_on },
        "</footer>\n</body>\n</html>\n"
    );
}
