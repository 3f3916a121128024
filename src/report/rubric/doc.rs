//! `dgmat rubric doc`: a rubric as the Markdown document an agency reads before answering.

use std::fmt::Write;

use crate::lang::Lang;
use crate::model::rubric::LoadedRubric;
use crate::model::rubric::{Check, Collection, Criterion, Dimension, EvidenceRule, Method, Overall, Rubric, WhenEmpty};
use crate::report::i18n::texts;
use crate::report::words::words;
use crate::report::{catalog, escape, locale};

/// A check in words: what it selects, what it requires, how much.
pub fn check_in_words(c: &Check, lang: Lang) -> String {
    let mut out = format!("`{}`: ", c.collection.value);
    match &c.filter {
        Some(f) => out.push_str(&format!("{} `{}`", texts(lang).selects, f.source)),
        None => out.push_str(texts(lang).all_records),
    }
    if let Some(r) = &c.require {
        out.push_str(&format!("; {} `{}`", texts(lang).requires, r.source));
    }
    let ratio = match (c.min_ratio, c.min_count) {
        (None, None) => Some(1.0),
        (r, _) => r,
    };
    if let Some(r) = ratio {
        out.push_str(&format!(
            "; {} {:.0}% {}",
            texts(lang).at_least,
            r * 100.0,
            texts(lang).of_the_selected
        ));
    }
    if let Some(n) = c.min_count {
        out.push_str(&format!("; {} {n}", texts(lang).at_least));
    }
    let empty = match c.when_empty {
        WhenEmpty::Met => "met",
        WhenEmpty::NotMet => "not_met",
        WhenEmpty::NotApplicable => "not_applicable",
    };
    out.push_str(&format!("; {}: `{empty}`", texts(lang).when_none));
    out
}

/// Renders the rubric document.
pub fn render(loaded: &LoadedRubric, lang: Lang) -> String {
    let r = &loaded.rubric;
    let mut out = String::new();
    intro(&mut out, r, lang);
    levels(&mut out, r, lang);
    targets(&mut out, r, lang);
    dimension_table(&mut out, r, lang);
    for d in &r.dimensions {
        dimension(&mut out, r, d, lang);
    }
    inventory(&mut out, r, lang);
    out
}

/// Writes the title, the description and how the rubric scores.
fn intro(out: &mut String, r: &Rubric, lang: Lang) {
    let _ = writeln!(out, "# {}\n", escape::markdown(r.title.get(lang)));
    if let Some(d) = &r.description {
        let _ = writeln!(out, "{}\n", escape::markdown(d.get(lang)));
    }
    let s = &r.scoring;
    let _ = writeln!(
        out,
        "`{}@{}` · {}: {}\n",
        r.id.value,
        r.version,
        texts(lang).scoring,
        scoring(r, lang)
    );
    if !s.bands.is_empty() {
        let (bands_of, level) = match lang {
            Lang::En => ("Bands (share of points)", "level"),
            Lang::Vi => ("Ngưỡng các mức (tỷ lệ điểm)", "mức"),
        };
        let bands: Vec<String> = s
            .bands
            .iter()
            .map(|b| format!("{level} {} ≥ {}", b.level.value, locale::comma(b.min.to_string(), lang)))
            .collect();
        let _ = writeln!(out, "{bands_of}: {}\n", bands.join(", "));
    }
    if s.method.value == Method::Rated {
        let mean = s.rated == Overall::Mean;
        let _ = match lang {
            Lang::En => writeln!(
                out,
                "Rated: each criterion is answered with a level 1-5; a dimension is at the {} of its criteria's levels.\n",
                if mean { "weighted mean (rounded down)" } else { "minimum" }
            ),
            Lang::Vi => writeln!(
                out,
                "Chấm theo mức: mỗi tiêu chí được trả lời bằng một mức từ 1 đến 5; mức của lĩnh vực là {} các mức của tiêu chí.\n",
                if mean {
                    "trung bình có trọng số (làm tròn xuống) của"
                } else {
                    "mức thấp nhất trong"
                }
            ),
        };
    }
}

/// How the rubric scores, in one line: `Staged, partial = 0.5, threshold = 1, overall = Minimum`.
fn scoring(r: &Rubric, lang: Lang) -> String {
    let s = &r.scoring;
    let max_age = s.evidence_max_age_days;
    match lang {
        Lang::En => format!(
            "{:?}, partial = {}, threshold = {}, overall = {:?}{}",
            s.method.value,
            s.partial_credit,
            s.level_threshold,
            s.overall,
            max_age.map(|d| format!(", evidence_max_age_days = {d}")).unwrap_or_default()
        ),
        Lang::Vi => {
            let method = match s.method.value {
                Method::Staged => "lũy tiến theo mức (staged)",
                Method::Rated => "theo mức tự đánh giá của từng tiêu chí (rated)",
                Method::Points => "theo điểm (points)",
            };
            let overall = match s.overall {
                Overall::Minimum => "mức thấp nhất của các lĩnh vực",
                Overall::Mean => "trung bình có trọng số của các lĩnh vực",
                Overall::None => "không tính mức tổng thể",
            };
            format!(
                "{method}, đạt một phần = {}, ngưỡng đạt mức = {}, mức tổng thể = {overall}{}",
                locale::comma(s.partial_credit.to_string(), lang),
                locale::comma(s.level_threshold.to_string(), lang),
                max_age
                    .map(|d| format!(", minh chứng có giá trị trong {d} ngày"))
                    .unwrap_or_default()
            )
        }
    }
}

/// Writes a Markdown table: the header row (an empty header cell stays `| |`), the separator,
/// then one row per list of cells.
fn table(out: &mut String, headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
    let head: String = headers
        .iter()
        .map(|h| if h.is_empty() { " |".to_string() } else { format!(" {h} |") })
        .collect();
    let _ = writeln!(out, "|{head}\n|{}", "---|".repeat(headers.len()));
    for cells in rows {
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

/// Writes the table of levels.
fn levels(out: &mut String, r: &Rubric, lang: Lang) {
    let t = texts(lang);
    let _ = writeln!(out, "## {}\n", t.levels);
    let rows = r.levels.iter().map(|l| {
        vec![
            l.level.value.to_string(),
            escape::markdown(l.name.get(lang)),
            escape::markdown(l.description.as_ref().map_or("", |d| d.get(lang))),
        ]
    });
    table(out, &[t.level, t.name, t.description], rows);
}

/// Writes the list of targets with their portfolio goals, when the rubric has targets.
fn targets(out: &mut String, r: &Rubric, lang: Lang) {
    if r.targets.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {}\n", texts(lang).targets);
    for target in &r.targets {
        let default = r.default_target.as_ref().is_some_and(|d| d.value == target.id.value);
        let _ = write!(
            out,
            "- `{}`{}: {} — {} {}",
            target.id.value,
            if default { texts(lang).default_marker } else { "" },
            escape::markdown(target.title.get(lang)),
            texts(lang).level,
            target.level.value
        );
        if let Some(due) = target.due_date() {
            let _ = write!(out, ", {} {}", texts(lang).due.to_lowercase(), locale::date(&due.to_string(), lang));
        }
        if let Some(p) = &target.portfolio {
            let goals: Vec<String> = p.at_least.iter().map(|(l, share)| format!("{:.0}% ≥ {l}", share * 100.0)).collect();
            let _ = write!(out, "; {}: {}", texts(lang).portfolio, goals.join(", "));
        }
        out.push('\n');
    }
}

/// Writes the table of dimensions with their weights and criteria counts.
fn dimension_table(out: &mut String, r: &Rubric, lang: Lang) {
    let t = texts(lang);
    let _ = writeln!(out, "\n## {}\n", t.dimensions);
    let rows = r.dimensions.iter().map(|d| {
        vec![
            d.id.value.clone(),
            escape::markdown(d.name.get(lang)),
            d.weight.to_string(),
            d.criteria.len().to_string(),
        ]
    });
    table(out, &["", t.dimension, t.weight, t.criteria], rows);
}

/// Writes a dimension's section: its criteria, grouped by level in staged rubrics.
fn dimension(out: &mut String, r: &Rubric, d: &Dimension, lang: Lang) {
    let _ = writeln!(out, "\n## {} — {}\n", d.id.value, escape::markdown(d.name.get(lang)));
    if let Some(desc) = &d.description {
        let _ = writeln!(out, "{}\n", escape::markdown(desc.get(lang)));
    }
    if r.scoring.method.value != Method::Staged {
        for c in &d.criteria {
            criterion(out, c, lang);
        }
        return;
    }
    for level in 2..=5u8 {
        let at: Vec<&Criterion> = d
            .criteria
            .iter()
            .filter(|c| c.level.as_ref().is_some_and(|l| l.value == level))
            .collect();
        if at.is_empty() {
            continue;
        }
        let name = r.levels.iter().find(|l| l.level.value == level).map_or("", |l| l.name.get(lang));
        let _ = writeln!(out, "### {} {level} — {}\n", texts(lang).level, escape::markdown(name));
        for c in at {
            criterion(out, c, lang);
        }
    }
}

/// Writes the inventory section, when the rubric declares collections.
fn inventory(out: &mut String, r: &Rubric, lang: Lang) {
    if r.inventory.0.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {}\n", texts(lang).inventory);
    for (name, _, coll) in r.inventory.iter() {
        collection(out, name, coll, lang);
    }
}

/// Writes a collection: its title, description, table of fields and record rules.
fn collection(out: &mut String, name: &str, coll: &Collection, lang: Lang) {
    let title = coll
        .title
        .as_ref()
        .map(|x| format!(" — {}", escape::markdown(x.get(lang))))
        .unwrap_or_default();
    let _ = writeln!(out, "### `{name}`{title}\n");
    if let Some(d) = &coll.description {
        let _ = writeln!(out, "{}\n", escape::markdown(d.get(lang)));
    }
    let t = texts(lang);
    let rows = coll.fields.iter().map(|(fname, _, def)| {
        let key = match (fname == coll.key.value, lang) {
            (false, _) => "",
            (true, Lang::En) => " (key)",
            (true, Lang::Vi) => " (khóa)",
        };
        let refers = def.refers_to.as_ref().map(|x| format!(" → `{}`", x.value)).unwrap_or_default();
        vec![
            format!("`{fname}`{key}"),
            format!("{}{refers}", escape::markdown(&super::field_type(def, lang))),
            if def.required { "✔" } else { "" }.to_string(),
            escape::markdown(def.description.as_ref().map_or("", |x| x.get(lang))),
        ]
    });
    table(out, &[t.field, t.r#type, t.required, t.description], rows);
    if !coll.rules.is_empty() {
        let _ = writeln!(out, "\n{}:\n", texts(lang).rules);
        for rule in &coll.rules {
            let when = rule.when.as_ref().map(|w| format!("`{}` → ", w.source)).unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}** ({}): {when}`{}` — {}",
                rule.id.value,
                match rule.severity {
                    crate::finding::Severity::Error => words(lang).error,
                    crate::finding::Severity::Warning => words(lang).warning,
                },
                rule.require.source,
                escape::markdown(rule.message.get(lang))
            );
        }
    }
    out.push('\n');
}

/// Writes a criterion: its question, answer, guidance, checks, action and references.
fn criterion(out: &mut String, c: &Criterion, lang: Lang) {
    let _ = writeln!(out, "#### {} — {}\n", c.id.value, escape::markdown(c.title.get(lang)));
    if let Some(p) = c.points {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            texts(lang).points.to_lowercase(),
            locale::comma(p.to_string(), lang)
        );
    }
    if let Some(q) = &c.question {
        let _ = writeln!(out, "- **{}:** {}", texts(lang).question, escape::markdown(q.get(lang)));
    }
    if let Some(a) = &c.answer {
        let mut answer = catalog::describe(&a.value.describe(), lang);
        if c.allow_na {
            answer.push_str(&format!("; {}", texts(lang).na_allowed));
        }
        let _ = writeln!(out, "- **{}:** {}", texts(lang).answer, escape::markdown(&answer));
        for line in crate::report::phrase::option_lines(c, lang) {
            let _ = writeln!(out, "  - {}", escape::markdown(&line));
        }
        for (level, statement) in &a.value.statements {
            let _ = writeln!(out, "  - {level}: {}", escape::markdown(statement.get(lang)));
        }
        let evidence = if c.evidence == EvidenceRule::Required {
            texts(lang).evidence_required
        } else {
            texts(lang).evidence_optional
        };
        let _ = writeln!(out, "- **{}:** {evidence}", texts(lang).evidence);
    }
    if let Some(g) = &c.guidance {
        let _ = writeln!(out, "- **{}:** {}", texts(lang).guidance, escape::markdown(g.get(lang)));
    }
    if let Some(check) = &c.check {
        let words = check
            .description
            .as_ref()
            .map(|d| format!("{} — ", escape::markdown(d.get(lang))))
            .unwrap_or_default();
        let _ = writeln!(out, "- **{}:** {words}{}", texts(lang).check, check_in_words(check, lang));
    }
    if let Some(verify) = &c.verify {
        let _ = writeln!(out, "- **{}:** {}", texts(lang).verify, check_in_words(verify, lang));
    }
    let _ = writeln!(out, "- **{}:** {}", texts(lang).action, escape::markdown(c.action.get(lang)));
    if !c.references.is_empty() {
        let _ = writeln!(
            out,
            "- **{}:** {}",
            texts(lang).references,
            escape::markdown(&c.references.iter().map(|r| r.get(lang)).collect::<Vec<_>>().join("; "))
        );
    }
    out.push('\n');
}
