//! The HTML report of one assessment: a self-contained page (radar chart, heatmap, action
//! plan, evidence, findings, inputs) written from the view model.
//!
//! The page is written by hand, not through a template: in a batch it is most of the work, and
//! a template engine first copies the whole view into JSON and then looks up every name in it.
//! Each `put!` writes one piece of markup whose `{}` are filled with texts; every text (from
//! the inputs, the rubric or the language tables) is escaped as Handlebars does
//! (`& < > " ' \` =`), and the markup itself is the page's own. Empty texts and empty lists
//! count as absent, as in the other pages' templates. Each branch of the page is pinned byte for
//! byte in `tests/integration/pages.rs`. The file is laid out by hand (see `mod.rs`).

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
    points_chart(&mut p, v);
    dimensions(&mut p, v);
    evidence(&mut p, v);
    waivers(&mut p, v);
    findings(&mut p, v);
    inputs(&mut p, v);
    crate::report::page::tidy(&p.0)
}

/// Writes `markup` to a [`Page`], each `{}` in it filled with the next text, escaped.
macro_rules! put {
    ($p:expr, $markup:literal $(, $text:expr)* $(,)?) => {
        $p.fill($markup, &[$(&$text as &dyn Text),*])
    };
}

/// The page being written.
struct Page(String);

impl Page {
    /// `markup` with each `{}` replaced by the next of `texts`, escaped.
    fn fill(&mut self, markup: &str, texts: &[&dyn Text]) {
        let mut texts = texts.iter();
        let mut rest = markup;
        // A search for one byte (`{`), which is much cheaper than for the pair.
        while let Some(at) = rest.find('{') {
            let (before, after) = rest.split_at(at);
            self.0.push_str(before);
            let Some(after) = after.strip_prefix("{}") else {
                self.0.push('{');
                rest = &after[1..];
                continue;
            };
            let text = texts.next();
            debug_assert!(text.is_some(), "more {{}} than texts in {markup:?}");
            if let Some(text) = text {
                text.write_to(&mut self.0);
            }
            rest = after;
        }
        self.0.push_str(rest);
        debug_assert!(texts.next().is_none(), "more texts than {{}} in {markup:?}");
    }

    /// `markup` when `cond`, else `other`.
    fn either(&mut self, cond: bool, markup: &str, other: &str) {
        self.0.push_str(if cond { markup } else { other });
    }

    /// A ticked or crossed cell: met or not.
    fn tick(&mut self, v: &ReportView, met: bool) {
        if met {
            put!(self, "<span class=\"tick yes\">✓ {}</span>", v.t.met);
        } else {
            put!(self, "<span class=\"tick no\">✗ {}</span>", v.t.not_met);
        }
    }

    /// A criterion's status as a badge.
    fn badge(&mut self, status: &str, name: &str) {
        put!(self, "<span class=\"badge st-{}\">{}</span>", status, name);
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
    put!(p, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", v.lang);
    put!(p, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    put!(p, "<meta name=\"generator\" content=\"dgmat {}\">\n", v.tool_version);
    put!(p, "<title>{}: {}</title>\n<style>\n", t.maturity_report, v.agency.name);
    p.0.push_str(STYLE);
    put!(p, "\n</style>\n</head>\n<body>\n<header class=\"top\" id=\"top\">\n");
    put!(p, "<div class=\"kicker\">{}</div>\n<h1>{}</h1>\n", t.maturity_report, v.agency.name);
    put!(p, "<p class=\"meta\"><span>{}: <code>{}</code></span>", t.agency, v.agency.id);
    if let Some(tier) = v.agency.tier.filter(|s| !s.is_empty()) {
        put!(p, "<span>{}: {}</span>", t.tier, tier);
    }
    put!(p, "<span>{}: {}</span>", t.assessed_on, v.assessed_on);
    let r = &v.rubric;
    put!(p, "<span>{}: {} (<code>{}@{}</code>)</span></p>\n", t.rubric, r.title, r.id, r.version);
    put!(p, "<div class=\"cards\">\n");
    if v.has_overall {
        let o = &v.overall;
        put!(p, "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{} {}</div>", t.overall, t.level, o.level);
        put!(p, "<div class=\"s\">{} · {} {}</div></div>", o.name, t.index, o.index);
    }
    let target = &v.target;
    put!(p, "\n<div class=\"card ");
    p.either(target.met, "ok", "bad");
    put!(p, "\"><div class=\"k\">{}", t.target);
    if let Some(id) = given(&target.id) {
        put!(p, ": {}", id);
    }
    put!(p, "</div><div class=\"v\">{} {}</div><div class=\"s\">", t.level, target.level);
    put!(p, "{}", if target.met { t.target_reached } else { t.target_not_reached });
    if let Some(due) = given(&target.due) {
        put!(p, " · {} {}", t.due, due);
    }
    if let Some(title) = given(&target.title) {
        put!(p, " · {}", title);
    }
    put!(p, "</div></div>\n");
    if let Some(c) = &v.extra_card {
        put!(p, "<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div>", c.key, c.value);
        put!(p, "<div class=\"s\">{}</div></div>", c.sub);
    }
    put!(p, "\n<div class=\"card\"><div class=\"k\">{}</div><div class=\"v\">{}</div>", t.gaps, v.gap_count);
    put!(p, "<div class=\"s\">{}</div></div>\n", t.action_plan);
    put!(p, "<div class=\"card\"><div class=\"k\">{}</div>", t.findings);
    put!(p, "<div class=\"v\">{} / {}</div>", v.error_count, v.warning_count);
    put!(p, "<div class=\"s\">{} / {}</div></div>\n</div>\n</header>\n", t.errors, t.warnings);
}

fn why(p: &mut Page, v: &ReportView) {
    put!(p, "<section id=\"why\">\n<h2>{}</h2>\n<p class=\"why\">", v.t.why_this_level);
    for (i, line) in v.why.lines.iter().enumerate() {
        put!(p, "{}{}", if i > 0 { " " } else { "" }, line);
    }
    put!(p, "</p>\n");
    if let Some(heading) = given(&v.why.first_steps_heading) {
        put!(p, "<h3 id=\"first-steps\">{}</h3>\n<p class=\"note\">{}</p>\n", heading, v.t.first_steps_note);
        put!(p, "<ol class=\"steps\">\n");
        for c in &v.first_steps {
            put!(p, "<li><a href=\"#crit-{}\" class=\"id\">{}</a> <span class=\"title\">{}</span> ", c.id, c.id, c.title);
            p.badge(c.status, c.status_name);
            put!(p, "</li>\n");
        }
        put!(p, "</ol>\n");
    }
    put!(p, "</section>\n");
}

fn summary(p: &mut Page, v: &ReportView) {
    let (t, r) = (v.t, &v.radar);
    put!(p, "<section id=\"summary\">\n<h2>{}</h2>\n<div class=\"overview\">\n<figure>\n", t.summary);
    put!(p, "<svg id=\"radar\" class=\"radar\" xmlns=\"http://www.w3.org/2000/svg\" ");
    put!(p, "viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" ", r.width, r.height, r.width, r.height);
    put!(p, "role=\"img\" aria-labelledby=\"radar-title\">\n<title id=\"radar-title\">{}</title>\n", t.radar);
    for ring in &r.rings {
        if r.polygons {
            put!(p, "<polygon class=\"ring\" points=\"{}\"/>", ring.points);
        } else {
            put!(p, "<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", r.cx, r.cy, ring.r);
        }
        put!(p, "\n<text class=\"ring-label\" x=\"{}\" y=\"{}\">{}</text>\n", ring.label_x, ring.label_y, ring.level);
    }
    for a in &r.axes {
        put!(p, "<line class=\"radar-axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\">", r.cx, r.cy, a.x, a.y);
        put!(p, "<title>{} {}</title></line>\n", a.id, a.name);
        put!(p, "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">", a.label_x, a.label_y, a.anchor);
        put!(p, "{} · {}</text>\n", a.id, a.level);
    }
    put!(p, "<polygon class=\"target\" points=\"{}\">", r.target_points);
    put!(p, "<title>{}: {} {}</title></polygon>\n", t.target, t.level, r.target_level);
    put!(p, "<polygon class=\"levels\" points=\"{}\"/>\n", r.level_points);
    for a in &r.axes {
        put!(p, "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"3.5\">", a.dot_x, a.dot_y);
        put!(p, "<title>{} {}: {} {}</title></circle>\n", a.id, a.name, t.level, a.level);
    }
    put!(p, "</svg>\n<figcaption><span class=\"key levels\"></span>{} &nbsp; ", t.levels_reached);
    put!(p, "<span class=\"key target\"></span>{} {}</figcaption>\n</figure>\n", t.target_level, v.target.level);
    put!(p, "<div class=\"table-wrap\">\n<table class=\"summary\">\n");
    put!(p, "<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>", t.dimension, t.level, t.index);
    let extra_heading = given(&v.extra_heading);
    match extra_heading {
        Some(h) => put!(p, "<th class=\"num\">{}</th>", h),
        None => put!(p, "<th></th>"),
    }
    put!(p, "<th>{} {}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n", t.target, v.target.level, t.gaps);
    for d in &v.dimensions {
        put!(p, "<tr><td><a href=\"#dim-{}\"><strong>{}</strong></a> {}</td>", d.id, d.id, d.name);
        put!(p, "<td class=\"num\">{}</td><td class=\"num\">{}</td>", d.level, d.index);
        match extra_heading {
            Some(_) => extra_cell(p, &d.extra),
            None => put!(p, "<td><div class=\"bar\"><span style=\"width: {}%\"></span></div></td>", d.bar),
        }
        put!(p, "<td>");
        p.tick(v, d.reached);
        put!(p, "</td><td class=\"num\">{}</td></tr>\n", d.gap_count);
    }
    if v.has_overall {
        let o = &v.overall;
        put!(p, "<tr class=\"total\"><td>{}</td><td class=\"num\">{}</td>", t.overall, o.level);
        put!(p, "<td class=\"num\">{}</td>", o.index);
        match extra_heading {
            Some(_) => extra_cell(p, &o.extra),
            None => put!(p, "<td></td>"),
        }
        put!(p, "<td>");
        p.tick(v, v.target.met);
        put!(p, "</td><td class=\"num\">{}</td></tr>", v.gap_count);
    }
    put!(p, "\n</tbody>\n</table>\n</div>\n</div>\n</section>\n");
}

/// The summary's method column.
fn extra_cell(p: &mut Page, extra: &Option<String>) {
    put!(p, "<td class=\"num\">{}</td>", given(extra).unwrap_or(""));
}

fn action_plan(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"action-plan\">\n<h2>{} ({} {})</h2>\n", t.action_plan, t.to_reach_level, v.target.level);
    if v.action_plan.is_empty() {
        put!(p, "<p class=\"empty\">{}</p>\n", t.no_gaps);
    }
    for g in &v.action_plan {
        put!(p, "<div class=\"plan-group\" id=\"plan-{}\">\n<h3>{} {} ", g.id, g.id, g.name);
        put!(p, "<span class=\"lvl\">({} {} → {})</span></h3>\n", t.level, g.level, v.target.level);
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
    put!(p, "<div class=\"gap\" id=\"gap-{}\">\n", c.id);
    put!(p, "<div class=\"head\"><span class=\"id\">{}</span><span class=\"title\">{}</span>", c.id, c.title);
    if let Some(badge) = given(&c.badge) {
        put!(p, "<span class=\"badge\">{}</span>", badge);
    }
    p.badge(c.status, c.status_name);
    put!(p, "</div>\n<div class=\"action\"><strong>{}:</strong> {}</div>\n", t.action, c.action);
    if let Some(detail) = given(&c.detail) {
        put!(p, "<p class=\"detail\">{}</p>\n", detail);
    }
    if let Some(note) = given(&c.note) {
        put!(p, "<p class=\"detail\">{}: {}</p>\n", t.note, note);
    }
    if !c.records.is_empty() {
        put!(p, "<ul class=\"records\" aria-label=\"{}\">\n", t.failing_records);
        for r in &c.records {
            put!(p, "<li><code>{}</code> <span class=\"loc\">{} · {}</span></li>\n", r.key, r.collection, r.place);
        }
        if c.more_records > 0 {
            put!(p, "<li>… {} {}</li>\n", t.and_more, c.more_records);
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
    put!(p, "<section id=\"groups\">\n<h2>{}</h2>\n<table>\n", t.groups);
    put!(p, "<thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n", t.groups, t.score);
    for g in &v.groups {
        put!(p, "<tr><td><strong>{}</strong> {}</td><td class=\"num\">{} / {}</td></tr>\n", g.id, g.name, g.score, g.max);
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

fn suggestions(p: &mut Page, v: &ReportView) {
    if v.suggestions.is_empty() {
        return;
    }
    let t = v.t;
    put!(p, "<section id=\"suggestions\">\n<h2>{}</h2>\n<p>{}</p>\n", t.suggestions, t.suggestions_hint);
    for s in &v.suggestions {
        put!(p, "<div class=\"gap\" id=\"suggestion-{}\">\n", s.id);
        put!(p, "<div class=\"head\"><span class=\"id\">{}</span><span class=\"title\">{}</span></div>\n", s.id, s.title);
        put!(p, "<div class=\"action\"><strong>{}:</strong> {}</div>\n", t.action, s.action);
        if let Some(detail) = given(&s.detail) {
            put!(p, "<p class=\"detail\">{}</p>\n", detail);
        }
        put!(p, "</div>\n");
    }
    put!(p, "</section>\n");
}

/// Opens the heatmap's section: the legend, and the heatmap of staged and rated rubrics.
fn heatmap(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"heatmap-section\">\n<h2>{}</h2>\n<div class=\"legend\">", v.heatmap_title);
    for s in &v.statuses {
        put!(p, "<span class=\"chip st-{}\">{} ({})</span>", s.status, s.name, s.count);
    }
    put!(p, "</div>\n");
    let Some(h) = &v.heatmap else { return };
    put!(p, "<table class=\"heat\" id=\"heatmap\">\n<thead><tr><th>{}</th>", t.dimension);
    for l in &h.levels {
        put!(p, "<th class=\"{}\">{}", if l.is_target { "target" } else { "" }, l.label);
        if l.is_target {
            put!(p, " · {}", t.target);
        }
        put!(p, "</th>");
    }
    put!(p, "</tr></thead>\n<tbody>\n");
    for row in &h.rows {
        put!(p, "<tr><th scope=\"row\" title=\"{}\">{} · {}</th>", row.name, row.id, row.level);
        for cell in &row.cells {
            put!(p, "<td class=\"{}\">", if cell.reached { "reached" } else { "" });
            for i in &cell.items {
                put!(p, "<span class=\"chip st-{}\" title=\"{}: {}\">{}</span>", i.status, i.title, i.status_name, i.id);
            }
            put!(p, "</td>");
        }
        put!(p, "</tr>\n");
    }
    put!(p, "</tbody>\n</table>\n");
}

/// Points rubrics: the share of points by dimension; closes the heatmap's section.
fn points_chart(p: &mut Page, v: &ReportView) {
    let t = v.t;
    if let Some(chart) = &v.points_chart {
        put!(p, "<table class=\"points\" id=\"points-chart\">\n<thead><tr><th>{}</th>", t.dimension);
        put!(p, "<th class=\"share-col\">{}</th><th class=\"num\">{}</th><th class=\"num\">%</th>", t.share, t.points);
        put!(p, "<th>{} {}</th></tr></thead>\n<tbody>\n", t.target, v.target.level);
        for row in &chart.rows {
            put!(p, "<tr");
            p.either(row.total, " class=\"total\"", "");
            put!(p, "><th scope=\"row\"");
            if !row.name.is_empty() {
                put!(p, " title=\"{}\"", row.name);
            }
            put!(p, ">{} · {}</th><td><div class=\"pbar\"><span class=\"fill", row.id, row.level);
            p.either(row.reached, " reached", "");
            put!(p, "\" style=\"width: {}%\"></span>", row.width);
            for b in &chart.bands {
                put!(p, "<span class=\"mark");
                p.either(b.is_target, " target", "");
                put!(p, "\" style=\"left: {}%\" title=\"{} {}: {}\"></span>", b.left, t.level, b.level, b.share);
            }
            put!(p, "</div></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>", row.points, row.share);
            p.tick(v, row.reached);
            put!(p, "</td></tr>\n");
        }
        put!(p, "</tbody>\n</table>\n<p class=\"legend\">{}: ", t.bands);
        for b in &chart.bands {
            put!(p, "<span class=\"{}\">", if b.is_target { "band-target" } else { "" });
            put!(p, "{} {} ≥ {}", t.level, b.level, b.share);
            if b.is_target {
                put!(p, " ({})", t.target);
            }
            put!(p, "</span>");
        }
        put!(p, "</p>\n");
    }
    put!(p, "</section>\n");
}

fn dimensions(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"dimensions\">\n<h2>{}</h2>\n", t.criteria_by_dimension);
    for d in &v.dimensions {
        put!(p, "<h3 id=\"dim-{}\">{} {} — {} {} {} ", d.id, d.id, d.name, t.level, d.level, d.level_name);
        put!(p, "({} {}", t.index, d.index);
        if let Some(points) = given(&d.points) {
            put!(p, " · {}", points);
        }
        put!(p, ")</h3>\n<table class=\"dim-table\">\n<thead><tr><th>{}</th>", t.criterion);
        put!(p, "<th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", v.score_heading, t.status, t.detail);
        for c in &d.criteria {
            put!(p, "<tr id=\"crit-{}\"><td><strong>{}</strong> {}</td>", c.id, c.id, c.title);
            put!(p, "<td class=\"num\">{}</td><td>", c.score);
            p.badge(c.status, c.status_name);
            put!(p, "</td><td>{}", given(&c.detail).unwrap_or(""));
            if let Some(note) = given(&c.note) {
                put!(p, "<br><em>{}: {}</em>", t.note, note);
            }
            put!(p, "</td></tr>\n");
        }
        put!(p, "</tbody>\n</table>\n");
    }
    put!(p, "</section>\n");
}

fn evidence(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"evidence\">\n<h2>{}</h2>\n", t.evidence);
    if v.evidence.is_empty() {
        put!(p, "<p class=\"empty\">{}</p>\n</section>\n", t.no_evidence);
        return;
    }
    put!(p, "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>", t.criterion, t.reference, t.date);
    put!(p, "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", t.link, t.status);
    for e in &v.evidence {
        put!(p, "<tr><td class=\"nowrap\"><strong>{}</strong></td><td>{}</td>", e.criterion, e.reference);
        put!(p, "<td class=\"nowrap\">");
        match given(&e.date) {
            Some(date) => put!(p, "{}", date),
            None => put!(p, "<span class=\"badge st-partial undated\">{}</span>", t.undated),
        }
        put!(p, "</td><td class=\"url\">");
        match given(&e.href) {
            Some(href) => put!(p, "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", href, e.url.as_deref().unwrap_or("")),
            None => put!(p, "{}", given(&e.url).unwrap_or("")),
        }
        put!(p, "</td><td>");
        p.badge(e.status, e.status_name);
        put!(p, "</td></tr>\n");
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

fn waivers(p: &mut Page, v: &ReportView) {
    let t = v.t;
    if v.waivers_ignored {
        put!(p, "<p class=\"note\"><strong>{}</strong></p>\n", t.waivers_ignored);
    }
    if v.waivers.is_empty() {
        return;
    }
    put!(p, "<section id=\"waivers\">\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th>", t.waivers, t.waived);
    put!(p, "<th>{}</th><th>{}</th><th>{}</th><th>{}</th>", t.reason, t.approved_by, t.decision, t.expires);
    put!(p, "</tr></thead>\n<tbody>\n");
    for w in &v.waivers {
        let by = &w.waiver;
        put!(p, "<tr><td><strong>{}</strong> {}</td><td>{}</td>", w.id, w.title, by.reason);
        put!(p, "<td>{}</td><td>{}</td>", by.approved_by, given(&by.reference).unwrap_or(""));
        put!(p, "<td class=\"nowrap\">{}</td></tr>\n", by.expires);
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
}

fn findings(p: &mut Page, v: &ReportView) {
    let t = v.t;
    put!(p, "<section id=\"findings\">\n<h2>{}</h2>\n", t.findings);
    if v.findings.is_empty() {
        put!(p, "<p class=\"empty\">{}</p>\n</section>\n", t.no_findings);
        return;
    }
    put!(p, "<table>\n<thead><tr><th>{}</th><th>{}</th>", t.severity, t.rule);
    put!(p, "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", t.location, t.message);
    for f in &v.findings {
        let class = if f.severity == "error" { "st-not_met" } else { "st-partial" };
        put!(p, "<tr><td><span class=\"badge {}\">{}</span></td>", class, f.severity_name);
        put!(p, "<td><code>{}</code></td>", f.rule);
        put!(p, "<td class=\"mono\">{}</td><td>", given(&f.location).unwrap_or(""));
        code(p, &f.message);
        if let Some(help) = given(&f.help) {
            put!(p, "<br><em>{}: ", t.help);
            code(p, help);
            put!(p, "</em>");
        }
        if let Some(waived) = given(&f.waived) {
            put!(p, "<br><span class=\"badge st-waived\">{}</span>", waived);
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
    put!(p, "<section id=\"inputs\">\n<h2>{}</h2>\n<table>\n", t.inputs);
    put!(p, "<thead><tr><th>{}</th><th>SHA-256</th></tr></thead>\n<tbody>\n", t.file);
    put!(p, "<tr><td>{} <code>{}@{}</code></td>", t.rubric, r.id, r.version);
    put!(p, "<td class=\"mono hash\">{}</td></tr>\n", r.sha256);
    if let Some((base, sha256)) = &r.extends {
        put!(p, "<tr><td>{} <code>{}</code> {} <code>{}</code></td>", t.rubric, r.id, t.extends, base);
        put!(p, "<td class=\"mono hash\">{}</td></tr>\n", sha256);
    }
    for i in &v.inputs {
        put!(p, "<tr><td class=\"mono\">{}</td><td class=\"mono hash\">{}</td></tr>\n", i.path, i.sha256);
    }
    put!(p, "</tbody>\n</table>\n</section>\n");
    put!(p, "<footer>{} dgmat {} · {}@{} · {}</footer>\n", t.generated_by, v.tool_version, r.id, r.version, v.assessed_on);
    put!(p, "</body>\n</html>\n");
}
