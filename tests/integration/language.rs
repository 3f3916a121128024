//! The rubric language: conditional questions (`applies_when`), answer outcomes (an option's
//! `level` and `action`), informational questions (`scored: false`, `type: text`) and groups,
//! on a small rubric whose results are worked out by hand in the comments.

use super::{criterion as crit, dgmat, gap_ids, stderr, stdout};
use serde_json::{Value, json};

const RUBRIC: &str = "tests/fixtures/language/rubric.yaml";

fn report(sub: &str, format: &str) -> std::process::Output {
    dgmat()
        .args(["assess", sub, "--rubric", RUBRIC, "--format", format])
        .output()
        .unwrap()
}

fn json(sub: &str) -> Value {
    let out = report(sub, "json");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The town answered P-1 `no` (an option named `no`, unquoted): P-2 and P-3 after it do not
/// apply, and neither does the provincial G-2 for a commune.
#[test]
fn conditions_chain_and_a_capping_answer_is_the_gap() {
    let r = json("tests/fixtures/language/questionnaire.yaml");
    assert_eq!(crit(&r, "P-1")["status"], "not_met");
    assert_eq!(crit(&r, "P-1")["detail"], "answered no (We do not publish)");
    assert_eq!(crit(&r, "P-1")["caps_level"], 1);
    for id in ["P-2", "P-3", "G-2"] {
        assert_eq!(crit(&r, id)["status"], "not_applicable", "{id}");
    }
    // The detail names the condition; the chain's second link sees P-2 as null.
    assert_eq!(
        crit(&r, "P-3")["detail"],
        "does not apply: condition not met (answers[\"P-2\"] == \"yes\")"
    );
    // PUB: P-1's answer caps the dimension at level 1; its option's advice is the gap's action.
    assert_eq!(r["dimensions"][0]["level"], 1);
    assert_eq!(r["dimensions"][0]["index"], 1.0);
    assert_eq!(gap_ids(&r), ["P-1"]);
    assert_eq!(r["gaps"][0]["action"], "Start publishing one dataset");
    // P-2 was answered although it does not apply: a warning at the answer.
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["id"], "answer-not-applicable");
    assert_eq!((findings[0]["line"].as_u64(), findings[0]["column"].as_u64()), (Some(8), Some(8)));
}

/// The province answered the whole chain; `custom` meets P-3 and carries advice.
#[test]
fn advice_on_a_met_answer_is_a_suggestion_and_groups_are_scored() {
    let r = json("tests/fixtures/language/province.yaml");
    assert_eq!(crit(&r, "P-3")["status"], "met");
    assert_eq!(
        r["suggestions"],
        json!([{"dimension": "PUB", "criterion": "P-3", "title": "Licence",
                "detail": "answered custom (Our own terms)", "action": "Consider an open licence"}])
    );
    // P-5 (scored: false) and P-4 (free text) are informational: P-5 is unanswered at level 5
    // yet PUB reaches 5 and no gap names it.
    assert_eq!(crit(&r, "P-5")["scored"], false);
    assert_eq!(crit(&r, "P-4")["scored"], false);
    assert_eq!(crit(&r, "P-4")["detail"], "answered \"The data office\"");
    assert_eq!(r["dimensions"][0]["level"], 5);
    // GOV: G-2 applies to a province and is not met: level 2.
    assert_eq!(r["dimensions"][1]["level"], 2);
    assert_eq!(gap_ids(&r), ["G-2"]);
    // Groups: all = 5 + 2 of 10; gov = mean of 2 of 5.
    assert_eq!(
        r["groups"],
        json!([{"id": "all", "name": "Everything", "score": 7.0, "max": 10.0},
               {"id": "gov", "name": "Governance", "score": 2.0, "max": 5.0}])
    );
    for format in ["table", "markdown", "html"] {
        let text = stdout(&report("tests/fixtures/language/province.yaml", format));
        assert!(text.contains("Consider an open licence"), "{format}");
        assert!(text.contains("Everything"), "{format}");
        assert!(text.contains("custom (Our own terms)"), "{format}");
    }
}

fn lint(rubric: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    std::fs::write(&path, rubric).unwrap();
    let out = dgmat().args(["rubric", "lint"]).arg(&path).output().unwrap();
    (out.status.code(), stderr(&out))
}

#[test]
fn conditions_naming_unknown_criteria_or_forming_a_cycle_are_rejected() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/language/rubric.yaml")).unwrap();
    let unknown = text.replace(r#"answers["P-1"] == "yes""#, r#"answers["P-9"] == "yes""#);
    let (code, err) = lint(&unknown);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("error[rubric-condition]"), "{err}");
    assert!(err.contains("reads `P-9`, which is not a criterion"), "{err}");
    assert!(err.contains("did you mean `P-1`?"), "{err}");
    assert!(err.contains("r.yaml:34:32"), "{err}");
    let cycle = text.replace(
        "        answer: yes-no\n        applies_when: answers[\"P-1\"]",
        "        answer: yes-no\n        applies_when: answers[\"P-3\"] == \"open\" || answers[\"P-1\"]",
    );
    let (code, err) = lint(&cycle);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("conditions form a cycle: P-2 -> P-3 -> P-2"), "{err}");
}

#[test]
fn an_option_level_outside_1_to_5_and_ids_keep_their_case() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/language/rubric.yaml")).unwrap();
    let bad = text.replace("credit: 0, level: 1,", "credit: 0, level: 7,").replace(
        "      - id: P-4\n        title: Contact",
        "      - id: Pct-X\n        level: 2\n        title: Share\n        question: How much?\n        answer: {type: percent}\n        action: More\n      - id: P-4\n        title: Contact",
    );
    let (code, err) = lint(&bad);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("option `no` caps the level at 7"), "{err}");
    assert!(err.contains("criterion `Pct-X`: a percent answer needs `pass`"), "{err}");
}

#[test]
fn option_labels_and_outcomes_are_shown_in_init_and_rubric_doc() {
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat()
        .args(["-q", "init"])
        .arg(dir.path())
        .args(["--rubric", RUBRIC])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let template = std::fs::read_to_string(dir.path().join("questionnaire.yaml")).unwrap();
    let line = "no: We do not publish (at most level 1) → Start publishing one dataset";
    assert!(template.contains(&format!("# {line}")), "{template}");
    let doc = stdout(&dgmat().args(["rubric", "doc", RUBRIC]).output().unwrap());
    assert!(doc.contains(&format!("  - {line}")), "{doc}");
}
