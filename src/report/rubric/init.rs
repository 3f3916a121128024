//! Templates written by `dgmat init`: a questionnaire with every question of the rubric and an
//! inventory with every declared collection, explained in comments.
//!
//! Both templates are valid as written (blank answers are `unanswered`, empty collections hold
//! no records), so `dgmat check` passes on them before anything is filled in; it warns about
//! every question still blank and the placeholder agency until they are.

use std::fmt::Write;

use crate::lang::Lang;
use crate::model::rubric::EvidenceRule;
use crate::model::rubric::LoadedRubric;
use crate::report::catalog;
use crate::report::i18n::texts;

/// A text on one or more comment lines, wrapped at about 96 columns.
fn comment(out: &mut String, indent: &str, text: &str) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() > 92 {
            let _ = writeln!(out, "{indent}# {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}# {line}");
    }
}

/// The line that points editors speaking the YAML language server at the JSON Schema `schema`.
fn schema_line(out: &mut String, schema: Option<&str>) {
    if let Some(schema) = schema {
        let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    }
}

/// The questionnaire template; `schema` is the path of its JSON Schema, relative to it.
pub fn questionnaire(loaded: &LoadedRubric, lang: Lang, today: chrono::NaiveDate, schema: Option<&str>) -> String {
    let r = &loaded.rubric;
    let mut out = String::new();
    schema_line(&mut out, schema);
    let _ = writeln!(out, "# {} — {}@{}", r.title.get(lang), r.id.value, r.version);
    comment(
        &mut out,
        "",
        if lang == Lang::Vi {
            "Phiếu tự đánh giá: trả lời từng câu hỏi sau dấu hai chấm. Câu để trống được tính là chưa trả lời. Dạng đầy đủ: {answer: yes, note: \"...\", evidence: [{ref: \"Quyết định số ...\", date: YYYY-MM-DD}]}. Kiểm tra bằng: dgmat check THƯ-MỤC"
        } else {
            "Self-assessment: answer each question after its colon. A blank answer counts as unanswered. Long form: {answer: yes, note: \"...\", evidence: [{ref: \"Decision No. ...\", date: YYYY-MM-DD}]}. Check it with: dgmat check DIR"
        },
    );
    let _ = writeln!(out, "dgmat: 1\nkind: questionnaire\nrubric: {}", r.id.value);
    let agency_note = if lang == Lang::Vi {
        "tier (cấp): ministry (bộ) | province (tỉnh) | commune (xã) | other (khác); region (vùng): không bắt buộc, dùng để nhóm số liệu công bố"
    } else {
        "tier: ministry | province | commune | other; region: optional, groups the published statistics"
    };
    let _ = writeln!(
        out,
        "agency: {{id: my-agency, name: \"\", tier: province, region: \"\"}}   # {agency_note}"
    );
    let _ = writeln!(out, "assessed_on: {today}\nrespondent: {{name: \"\", role: \"\"}}\nanswers:");
    for d in &r.dimensions {
        let _ = writeln!(out, "\n  # ── {} {} ──", d.id.value, d.name.get(lang));
        for c in &d.criteria {
            let tag = match (&c.level, c.points) {
                (Some(l), _) => format!("{} {}", texts(lang).level, l.value),
                (None, Some(p)) => format!("{p} {}", texts(lang).pts),
                (None, None) => texts(lang).level.to_string(),
            };
            let _ = writeln!(out);
            let _ = writeln!(out, "  # [{tag}] {} — {}", c.id.value, c.title.get(lang));
            if let Some(check) = &c.check {
                let what = check
                    .description
                    .as_ref()
                    .map_or_else(|| check.collection.value.clone(), |x| x.get(lang).to_string());
                comment(
                    &mut out,
                    "  ",
                    &format!("{} ({}): {what}", texts(lang).computed, check.collection.value),
                );
                continue;
            }
            if let Some(q) = &c.question {
                comment(&mut out, "  ", &format!("{}: {}", texts(lang).question, q.get(lang)));
            }
            if let Some(g) = &c.guidance {
                comment(&mut out, "  ", &format!("{}: {}", texts(lang).guidance, g.get(lang)));
            }
            let mut answer = c
                .answer
                .as_ref()
                .map(|a| catalog::describe(&a.value.describe(), lang))
                .unwrap_or_default();
            if c.evidence == EvidenceRule::Required {
                answer.push_str(&format!(" · {}", texts(lang).evidence_required));
            }
            if c.allow_na {
                answer.push_str(&format!(" · {}", texts(lang).na_allowed));
            }
            comment(&mut out, "  ", &format!("{}: {answer}", texts(lang).answer));
            for line in crate::report::phrase::option_lines(c, lang) {
                comment(&mut out, "  ", &format!("  {line}"));
            }
            for (level, statement) in c.answer.iter().flat_map(|a| &a.value.statements) {
                comment(&mut out, "  ", &format!("{} {level}: {}", texts(lang).level, statement.get(lang)));
            }
            let _ = writeln!(out, "  {}:", c.id.value);
        }
    }
    out
}

/// The header row of a `<collection>.csv` template: the collection's fields in order.
pub fn csv_header(coll: &crate::model::rubric::Collection) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(coll.fields.keys());
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The inventory template; `schema` is the path of its JSON Schema, relative to it.
pub fn inventory(loaded: &LoadedRubric, lang: Lang, schema: Option<&str>) -> String {
    let r = &loaded.rubric;
    let mut out = String::new();
    schema_line(&mut out, schema);
    let _ = writeln!(out, "# {} — {}@{}", texts(lang).inventory, r.id.value, r.version);
    comment(
        &mut out,
        "",
        if lang == Lang::Vi {
            "Kê khai mỗi bản ghi trên một dòng dưới tên danh mục, ví dụ: - {id: ht-01, status: production}. Các trường được mô tả trong phần chú thích của từng danh mục."
        } else {
            "List one record per line under its collection, e.g. - {id: sys-01, status: production}. Each collection's fields are described in the comments above it."
        },
    );
    let _ = writeln!(out, "dgmat: 1\nkind: inventory\nagency: my-agency");
    for (name, _, coll) in r.inventory.iter() {
        let _ = writeln!(out);
        let title = coll
            .title
            .as_ref()
            .map(|x| x.get(lang).to_string())
            .unwrap_or_else(|| name.to_string());
        let _ = writeln!(out, "# ── {name}: {title} ──");
        if let Some(d) = &coll.description {
            comment(&mut out, "", d.get(lang));
        }
        let width = coll.fields.keys().map(str::len).max().unwrap_or(0);
        for (fname, _, def) in coll.fields.iter() {
            let mut what = super::field_type(def, lang);
            if def.required {
                what.push_str(&format!(", {}", texts(lang).required.to_lowercase()));
            }
            if fname == coll.key.value {
                what.push_str(if lang == Lang::Vi { ", khóa" } else { ", key" });
            }
            if let Some(target) = &def.refers_to {
                what.push_str(&format!(" → {}", target.value));
            }
            if let Some(desc) = &def.description {
                what.push_str(&format!(" — {}", desc.get(lang)));
            }
            let _ = writeln!(out, "#   {fname:<width$}  {what}");
        }
        let required: Vec<String> = coll
            .fields
            .iter()
            .filter(|(_, _, d)| d.required)
            .map(|(f, _, _)| format!("{f}: ..."))
            .collect();
        let _ = writeln!(out, "{name}:");
        let _ = writeln!(out, "#  - {{{}}}", required.join(", "));
    }
    out
}
