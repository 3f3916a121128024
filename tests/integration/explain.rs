//! Why this level: `overall.limited_by`, `first_steps`, the summary every report format opens
//! with, the batch's league table column, and the report details that go with them (code in
//! findings, undated evidence).

use std::path::Path;

use serde_json::Value;

use super::{dgmat, stderr, stdout};

/// A staged rubric of three dimensions of questions (`overall` given), with a criterion that
/// may be answered n/a at level 3.
fn rubric(overall: &str) -> String {
    format!(
        r#"dgmat: 1
kind: rubric
id: steps
version: "1"
title: Steps rubric
levels:
  - {{level: 1, name: Initial}}
  - {{level: 2, name: Repeatable}}
  - {{level: 3, name: Defined}}
  - {{level: 4, name: Measured}}
  - {{level: 5, name: Optimising}}
scoring: {{method: staged, overall: {overall}}}
targets:
  - {{id: t4, title: Level four, level: 4}}
default_target: t4
dimensions:
  - id: A
    name: Alpha
    criteria:
      - {{id: A-2.1, level: 2, title: A two, question: A two?, answer: yes-no, action: Do A two.}}
      - {{id: A-3.1, level: 3, title: A three, question: A three?, answer: yes-no, action: Do A three.}}
      - {{id: A-3.2, level: 3, title: A three bis, question: A three bis?, answer: yes-no, allow_na: true, action: Do A three bis.}}
      - {{id: A-4.1, level: 4, title: A four, question: A four?, answer: yes-no, action: Do A four.}}
  - id: B
    name: Beta
    criteria:
      - {{id: B-2.1, level: 2, title: B two, question: B two?, answer: yes-no, action: Do B two.}}
      - {{id: B-3.1, level: 3, title: B three, question: B three?, answer: yes-no, action: Do B three.}}
      - {{id: B-4.1, level: 4, title: B four, question: B four?, answer: yes-no, action: Do B four.}}
  - id: C
    name: Gamma
    criteria:
      - {{id: C-2.1, level: 2, title: C two, question: C two?, answer: yes-no, action: Do C two.}}
      - {{id: C-3.1, level: 3, title: C three, question: C three?, answer: yes-no, action: Do C three.}}
"#
    )
}

/// Levels A 2 (A-3.1 not met, A-3.2 n/a), B 3 (B-4.1 not met), C 2 (C-3.1 not met).
const ANSWERS: &[(&str, &str)] = &[
    ("A-2.1", "yes"),
    ("A-3.1", "no"),
    ("A-3.2", "{answer: n/a, note: No such systems}"),
    ("A-4.1", "no"),
    ("B-2.1", "yes"),
    ("B-3.1", "yes"),
    ("B-4.1", "no"),
    ("C-2.1", "yes"),
    ("C-3.1", "no"),
];

/// Writes the rubric and a submission answering `answers` (with `yes` for each id in `yes`)
/// under `dir`; returns the submission's path.
fn submission(dir: &Path, overall: &str, yes: &[&str]) -> String {
    std::fs::write(dir.join("rubric.yaml"), rubric(overall)).unwrap();
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let mut q = String::from("dgmat: 1\nkind: questionnaire\nrubric: steps\nagency: {id: x, name: X}\nassessed_on: 2026-11-20\nanswers:\n");
    for (id, answer) in ANSWERS {
        let answer = if yes.contains(id) { "yes" } else { answer };
        q.push_str(&format!("  {id}: {answer}\n"));
    }
    std::fs::write(sub.join("questionnaire.yaml"), q).unwrap();
    sub.to_str().unwrap().to_string()
}

/// The JSON report of `sub` against the rubric beside it.
fn report(dir: &Path, sub: &str) -> Value {
    let rubric = dir.join("rubric.yaml");
    let out = dgmat()
        .args(["assess", sub, "--rubric", rubric.to_str().unwrap(), "-f", "json", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// The ids in a JSON array of strings.
fn ids(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect()
}

#[test]
fn minimum_raises_every_holding_dimension_and_skips_not_applicable() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(dir.path(), &submission(dir.path(), "minimum", &[]));
    assert_eq!(r["overall"]["level"], 2);
    assert_eq!(ids(&r["overall"]["limited_by"]), ["A", "C"]);
    assert_eq!(ids(&r["first_steps"]), ["A-3.1", "C-3.1"], "A-3.2 is n/a; B is above the level");
    // Fulfilling them raises the overall level by one.
    let r = report(dir.path(), &submission(dir.path(), "minimum", &["A-3.1", "C-3.1"]));
    assert_eq!(r["overall"]["level"], 3);
    assert_eq!(ids(&r["overall"]["limited_by"]), ["A", "B"]);
    assert_eq!(ids(&r["first_steps"]), ["A-4.1", "B-4.1"]);
}

#[test]
fn mean_takes_the_cheapest_rise() {
    // Levels 2, 3, 2: mean 2.33. C-3.1 alone lifts C to 5 (no criteria above 3): mean 3.33.
    let dir = tempfile::tempdir().unwrap();
    let r = report(dir.path(), &submission(dir.path(), "mean", &[]));
    assert_eq!(r["overall"]["level"], 2);
    assert_eq!(ids(&r["overall"]["limited_by"]), ["A", "C"]);
    assert_eq!(ids(&r["first_steps"]), ["C-3.1"]);
    let r = report(dir.path(), &submission(dir.path(), "mean", &["C-3.1"]));
    assert_eq!(r["overall"]["level"], 3);
}

#[test]
fn the_top_level_has_no_holder_and_no_steps() {
    let dir = tempfile::tempdir().unwrap();
    let all = ["A-2.1", "A-3.1", "A-4.1", "B-2.1", "B-3.1", "B-4.1", "C-2.1", "C-3.1"];
    let sub = submission(dir.path(), "minimum", &all);
    let r = report(dir.path(), &sub);
    assert_eq!(r["overall"]["level"], 5);
    assert!(ids(&r["overall"]["limited_by"]).is_empty() && ids(&r["first_steps"]).is_empty());
    let rubric = dir.path().join("rubric.yaml");
    let table = stdout(
        &dgmat()
            .args(["assess", &sub, "--rubric", rubric.to_str().unwrap(), "-q"])
            .output()
            .unwrap(),
    );
    assert!(table.contains("Overall level 5 (Optimising): the highest level."), "{table}");
    assert!(!table.contains("First steps"), "{table}");
}

#[test]
fn the_shipped_examples_explain_their_level() {
    for (example, level, limited, first) in [
        ("examples/ministry", 2, 10, 27),
        ("examples/province", 3, 7, 7),
        ("examples/commune", 4, 7, 10),
        ("examples/eu-odm-country", 3, 2, 1),
        ("examples/uk-dma-agency", 1, 1, 2),
    ] {
        let out = dgmat().args(["assess", example, "-f", "json", "-q"]).output().unwrap();
        let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(r["overall"]["level"], level, "{example}");
        let dims = r["dimensions"].as_array().unwrap();
        let held = ids(&r["overall"]["limited_by"]);
        assert_eq!(held.len(), limited, "{example}");
        for d in dims {
            let at_or_below = d["level"].as_u64().unwrap() <= level;
            assert_eq!(held.contains(&d["id"].as_str().unwrap()), at_or_below, "{example} {}", d["id"]);
        }
        let steps = ids(&r["first_steps"]);
        assert_eq!(steps.len(), first, "{example}: {steps:?}");
        // Each step is a criterion short of full credit that applies, listed in rubric order of
        // its dimension, then by level.
        let mut order = Vec::new();
        for id in &steps {
            let (di, c) = dims
                .iter()
                .enumerate()
                .find_map(|(di, d)| d["criteria"].as_array().unwrap().iter().find(|c| c["id"] == *id).map(|c| (di, c)))
                .unwrap();
            assert!(c["credit"].as_f64().unwrap() < 1.0, "{example} {id}");
            assert_ne!(c["status"], "not_applicable", "{example} {id}");
            order.push((di, c["level"].as_u64().unwrap_or(0)));
        }
        assert!(order.is_sorted(), "{example}: {steps:?}");
    }
}

#[test]
fn every_format_opens_with_why_this_level_in_both_languages() {
    for (lang, why, held, steps) in [
        (
            "en",
            "Why this level",
            "held there by 10 dimensions: GOV, CAT",
            "First steps to level 3",
        ),
        (
            "vi",
            "Vì sao ở mức này",
            "bị giới hạn bởi 10 lĩnh vực: GOV, CAT",
            "Việc cần làm trước để lên mức 3",
        ),
    ] {
        for format in ["table", "markdown", "html"] {
            let out = dgmat()
                .args(["assess", "examples/ministry", "-f", format, "--lang", lang, "-q"])
                .output()
                .unwrap();
            let text = stdout(&out);
            let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{lang} {format}: no {needle:?}"));
            // The summary comes before the levels, the first steps before the action plan.
            let summary = at(held);
            let levels = at(match format {
                "table" => "╞",
                "markdown" => "| **GOV**",
                _ => "<section id=\"summary\">",
            });
            assert!(at(why) < summary && summary < levels, "{lang} {format}");
            let plan = if format == "table" { at("GOV-3.1 ") } else { at("GOV-3.1") };
            assert!(at(steps) > summary && plan > at(steps), "{lang} {format}");
            assert!(text.contains("dgp-2027"), "{lang} {format}: the target's distance");
            let target = if lang == "en" {
                "1 level away; 27 criteria"
            } else {
                "còn cách 1 mức; cần đạt 27 tiêu chí"
            };
            assert!(text.contains(target), "{lang} {format}");
        }
    }
}

#[test]
fn the_league_table_names_the_holding_dimensions() {
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args(["batch", root.path().to_str().unwrap(), "--out", out.path().to_str().unwrap(), "-q"])
        .args(["--as-of", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let league = index.split("id=\"league-table\"").nth(1).unwrap().split("</table>").next().unwrap();
    assert!(league.contains("<th>Held by</th>"), "{league}");
    assert!(
        league.contains("<td class=\"held\">GOV CAT DQ SEC SHR OPN USE STD SKL MON</td>"),
        "{league}"
    );
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap()).unwrap();
    let rows = summary["rows"].as_array().unwrap();
    let commune = rows.iter().find(|r| r["agency_id"] == "suoilam").unwrap();
    assert_eq!(ids(&commune["limited_by"]), ["GOV", "DQ", "SEC", "OPN", "DIG", "USE", "STD"]);
}

#[test]
fn findings_show_code_as_code_and_undated_evidence_is_flagged() {
    // The ministry with one piece of evidence left undated.
    let dir = tempfile::tempdir().unwrap();
    for f in ["questionnaire.yaml", "inventory.yaml"] {
        let text = std::fs::read_to_string(format!("examples/ministry/{f}")).unwrap();
        let text = if f == "questionnaire.yaml" {
            let dated = ", date: 2026-02-03}";
            assert!(text.contains(dated));
            text.replacen(dated, "}", 1)
        } else {
            text
        };
        std::fs::write(dir.path().join(f), text).unwrap();
    }
    let sub = dir.path().to_str().unwrap();
    let html = stdout(&dgmat().args(["report", sub, "-q"]).output().unwrap());
    let evidence = html
        .split("<section id=\"evidence\">")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert_eq!(
        evidence.matches("<span class=\"badge st-partial undated\">undated</span>").count(),
        1,
        "{evidence}"
    );
    let findings = html
        .split("<section id=\"findings\">")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(findings.contains("<code>DQ-3.2</code>: the answer claims credit"), "{findings}");
    assert!(
        findings.contains("add <code>evidence: [{ref: ..., date: ...}]</code> to the answer"),
        "{findings}"
    );
    assert!(!findings.contains('`'), "no literal backticks: {findings}");
    let md = stdout(&dgmat().args(["assess", sub, "-f", "markdown", "-q"]).output().unwrap());
    assert!(md.contains("| ⚠️ undated |"), "{md}");
    assert!(md.contains("`DQ-3.2`: the answer claims credit") && !md.contains("\\`"), "{md}");
    let vi = stdout(&dgmat().args(["report", sub, "-q", "--lang", "vi"]).output().unwrap());
    assert!(vi.contains(">không ghi ngày</span>"));
}
