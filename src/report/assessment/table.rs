//! The terminal report: a table of dimension levels, the overall line, then the gaps grouped
//! by dimension with their actions and failing records, then the findings.

use std::fmt::Write;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};

use crate::assess::{Assessment, CriterionResult};
use crate::lang::Lang;
use crate::model::rubric::Criterion;
use crate::report::i18n::{status, texts};
use crate::report::{ReportInput, index_in, locale, points_in, share_in};

/// How many failing records a gap lists before summarising the rest.
const MAX_RECORDS: usize = 10;

/// Renders the table report.
pub fn render(input: &ReportInput<'_>) -> String {
    let mut out = String::new();
    header(&mut out, input);
    why(&mut out, input);
    let _ = writeln!(out, "{}\n", levels_table(input));
    totals(&mut out, input.assessment, input.lang);
    groups(&mut out, input);
    first_steps(&mut out, input);
    gap_report(&mut out, input);
    suggestions(&mut out, input);
    waivers(&mut out, input);
    findings(&mut out, input);
    crate::report::escape::terminal(&out)
}

/// Writes who was assessed, against which rubric, when, and the target.
fn header(out: &mut String, input: &ReportInput<'_>) {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    let lang = input.lang;
    let agency = match a.agency.name.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("{name} ({})", a.agency.id),
        None => a.agency.id.clone(),
    };
    let _ = writeln!(out, "{}: {agency}", texts(lang).agency);
    let _ = writeln!(
        out,
        "{}: {}@{} · {}: {}",
        texts(lang).rubric,
        rubric.id.value,
        rubric.version,
        texts(lang).assessed_on,
        locale::date(&a.assessed_on.to_string(), lang)
    );
    let due = a
        .target
        .due
        .as_ref()
        .map(|d| format!(", {} {}", texts(lang).due.to_lowercase(), locale::date(d, lang)))
        .unwrap_or_default();
    let target_label = match &a.target.id {
        Some(id) => format!("{id} ({} {}{due})", texts(lang).level, a.target.level),
        None => format!("{} {}", texts(lang).level, a.target.level),
    };
    let _ = writeln!(out, "{}: {target_label}\n", texts(lang).target);
}

/// Writes why the overall level is where it is: the summary's sentences.
fn why(out: &mut String, input: &ReportInput<'_>) {
    let why = super::why::why(&input.rubric.rubric, input.assessment, input.lang);
    let _ = writeln!(out, "{}:", texts(input.lang).why_this_level);
    for line in &why.lines {
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');
}

/// Writes the first steps to the next level, one line each, when there are any.
fn first_steps(out: &mut String, input: &ReportInput<'_>) {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    let Some(heading) = super::why::why(rubric, a, input.lang).first_steps_heading else {
        return;
    };
    let _ = writeln!(out, "{heading}:");
    for g in &a.explanation.first_steps {
        let (c, cr) = (
            &rubric.dimensions[g.dimension].criteria[g.criterion],
            &a.dimensions[g.dimension].criteria[g.criterion],
        );
        let _ = writeln!(
            out,
            "  [{}] {} {} — {}",
            tag(c, cr, input.lang),
            c.id.value,
            c.title.get(input.lang),
            status(input.lang, cr.status)
        );
    }
    out.push('\n');
}

/// A criterion's tag: its level (`L3`), its points (`0/5 pts`) or the level counted (rated).
fn tag(c: &Criterion, cr: &CriterionResult, lang: Lang) -> String {
    let t = texts(lang);
    match (&c.level, c.points) {
        (Some(l), _) => format!("{}{}", t.level_letter, l.value),
        (None, Some(worth)) => format!("{}/{} {}", points_in(worth * cr.credit, lang), points_in(worth, lang), t.pts),
        (None, None) => format!("{}{}", t.level_letter, cr.rated_level().unwrap_or(1)),
    }
}

/// Builds the table of dimension levels, with the overall row last.
fn levels_table(input: &ReportInput<'_>) -> Table {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    let lang = input.lang;
    let level_name = |l: u8| rubric.levels.iter().find(|d| d.level.value == l).map_or("", |d| d.name.get(lang));
    let reached = |met: bool| if met { texts(lang).met } else { texts(lang).not_met };
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(vec![
        texts(lang).dimension,
        texts(lang).level,
        texts(lang).index,
        texts(lang).target,
        texts(lang).gaps,
    ]);
    for (d, r) in rubric.dimensions.iter().zip(&a.dimensions) {
        let gaps = a.gaps.iter().filter(|g| std::ptr::eq(&rubric.dimensions[g.dimension], d)).count();
        table.add_row(vec![
            Cell::new(format!("{} {}", d.id.value, d.name.get(lang))),
            Cell::new(format!("{} {}", r.level, level_name(r.level))),
            Cell::new(index_in(r.index, lang)).set_alignment(CellAlignment::Right),
            Cell::new(reached(r.level >= a.target.level)),
            Cell::new(gaps).set_alignment(CellAlignment::Right),
        ]);
    }
    if rubric.scoring.overall == crate::model::rubric::Overall::None {
        return table;
    }
    table.add_row(vec![
        Cell::new(texts(lang).overall),
        Cell::new(format!("{} {}", a.level, level_name(a.level))),
        Cell::new(index_in(a.index, lang)).set_alignment(CellAlignment::Right),
        Cell::new(reached(a.target.met)),
        Cell::new(a.gaps.len()).set_alignment(CellAlignment::Right),
    ]);
    table
}

/// Writes the points earned (points rubrics) and the coverage by level (rated rubrics).
fn totals(out: &mut String, a: &Assessment, lang: Lang) {
    if let Some((earned, possible)) = a.points {
        let _ = writeln!(
            out,
            "{}: {}{}{} ({})\n",
            texts(lang).points_of,
            points_in(earned, lang),
            texts(lang).out_of,
            points_in(possible, lang),
            share_in(earned, possible, lang)
        );
    }
    if let Some(cov) = a.coverage {
        let shares: Vec<String> = (1..=5).zip(cov).map(|(l, s)| format!("≥{l} {:.0}%", s * 100.0)).collect();
        let _ = writeln!(out, "{}: {}\n", texts(lang).coverage_of, shares.join(" · "));
    }
}

/// Writes the groups of dimensions with their scores.
fn groups(out: &mut String, input: &ReportInput<'_>) {
    let groups = super::outcomes::groups(input);
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}:", texts(input.lang).groups);
    for g in groups {
        let _ = writeln!(out, "  {} {}: {} / {}", g.id, g.name, g.score, g.max);
    }
    let _ = writeln!(out);
}

/// Writes the advice on answers that meet their criterion.
fn suggestions(out: &mut String, input: &ReportInput<'_>) {
    let list = super::outcomes::suggestions(input);
    if list.is_empty() {
        return;
    }
    let t = texts(input.lang);
    let _ = writeln!(out, "\n{} ({})", t.suggestions, t.suggestions_hint);
    for s in list {
        let _ = writeln!(out, "  {} {}", s.id, s.title);
        if let Some(d) = s.detail {
            let _ = writeln!(out, "        {d}");
        }
        let _ = writeln!(out, "        {}: {}", t.action, s.action);
    }
}

/// Writes the gaps grouped by dimension, or that there are none.
fn gap_report(out: &mut String, input: &ReportInput<'_>) {
    let rubric = &input.rubric.rubric;
    let a = input.assessment;
    let lang = input.lang;
    if a.gaps.is_empty() {
        let _ = writeln!(out, "{}", texts(lang).no_gaps);
        return;
    }
    let _ = writeln!(out, "{} ({} {}):", texts(lang).gap_report, texts(lang).level, a.target.level);
    for (di, d) in rubric.dimensions.iter().enumerate() {
        let gaps: Vec<_> = a.gaps.iter().filter(|g| g.dimension == di).collect();
        if gaps.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} {} ({} {} → {})",
            d.id.value,
            d.name.get(lang),
            texts(lang).level,
            a.dimensions[di].level,
            a.target.level
        );
        for g in gaps {
            gap(out, input, &d.criteria[g.criterion], &a.dimensions[di].criteria[g.criterion]);
        }
    }
}

/// Writes one gap: its tag, status, detail, action and first failing records.
fn gap(out: &mut String, input: &ReportInput<'_>, c: &Criterion, cr: &CriterionResult) {
    let lang = input.lang;
    let _ = writeln!(
        out,
        "  [{}] {} {} — {}",
        tag(c, cr, lang),
        c.id.value,
        c.title.get(lang),
        status(lang, cr.status)
    );
    if let Some(detail) = &cr.detail {
        let _ = writeln!(
            out,
            "        {}",
            crate::report::phrase::detail(&input.rubric.rubric, c, detail, lang)
        );
    }
    let advice = c.advice(cr.answer.as_ref().map(|a| &a.value));
    let _ = writeln!(out, "        {}: {}", texts(lang).action, advice.get(lang));
    for r in cr.records.iter().take(MAX_RECORDS) {
        let collection = crate::report::phrase::collection_name(&input.rubric.rubric, &r.collection, lang);
        let _ = writeln!(out, "        - {collection} {} ({})", r.key, r.location.record_place());
    }
    if cr.records.len() > MAX_RECORDS {
        let _ = writeln!(
            out,
            "        … {} {} {}",
            texts(lang).and_more,
            cr.records.len() - MAX_RECORDS,
            texts(lang).records.to_lowercase()
        );
    }
}

/// Writes the findings with their counts, when there are any.
fn findings(out: &mut String, input: &ReportInput<'_>) {
    if input.findings.is_empty() {
        return;
    }
    let errors = input.findings.iter().filter(|f| f.is_error()).count();
    let w = crate::report::words::words(input.lang);
    let counts = (w.finding_counts)(errors, input.findings.len() - errors);
    let _ = writeln!(out, "\n{} ({counts}):", texts(input.lang).findings);
    for f in input.findings {
        let place = f.location.as_ref().map(|l| format!("{l}: ")).unwrap_or_default();
        let severity = match f.severity {
            crate::finding::Severity::Error => w.error,
            crate::finding::Severity::Warning => w.warning,
        };
        let message = crate::report::catalog::text(&f.message, input.lang);
        let _ = writeln!(out, "  {severity}[{}] {place}{message}", f.rule);
        if let Some(w) = &f.waived {
            let _ = writeln!(
                out,
                "    {} {}: {}",
                texts(input.lang).waived_until,
                locale::date(&w.expires, input.lang),
                w.reason
            );
        }
    }
}

/// Writes what is waived, each with its reason, approver, decision and expiry; or that
/// waivers were ignored.
fn waivers(out: &mut String, input: &ReportInput<'_>) {
    let t = texts(input.lang);
    if input.assessment.waivers_ignored {
        let _ = writeln!(out, "\n{}", t.waivers_ignored);
    }
    let list = super::waivers::list(&input.rubric.rubric, input.assessment, input.findings, input.lang);
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}:", t.waivers);
    for w in &list {
        let _ = writeln!(
            out,
            "  {} {} — {} {}",
            w.id,
            w.title,
            t.waived_until,
            locale::date(&w.waiver.expires, input.lang)
        );
        let reference = w.waiver.reference.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
        let _ = writeln!(
            out,
            "        {}: {} · {}: {}{reference}",
            t.reason, w.waiver.reason, t.approved_by, w.waiver.approved_by
        );
    }
}
