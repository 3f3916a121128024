//! Malformed inputs: each exits 2 with a located, actionable error and never panics.

use super::{MINI, dgmat, stderr};

/// (fixture, rule id, location `file:line:col` suffix, a phrase of the message or help)
pub(crate) const CASES: &[(&str, &str, &str, &str)] = &[
    ("unknown_field.yaml", "unknown-key", ":5:34", "did you mean `security_level`?"),
    ("bad_enum.yaml", "invalid-value", ":4:22", "did you mean `production`?"),
    ("bad_integer.yaml", "invalid-value", ":4:50", "`high` is not an integer"),
    ("out_of_range.yaml", "invalid-value", ":4:50", "out of range (integer from 1 to 5)"),
    ("bad_boolean.yaml", "invalid-value", ":4:42", "is not a boolean"),
    (
        "missing_required.yaml",
        "missing-field",
        ":4:5",
        "lacks the required field `status`",
    ),
    ("duplicate_key.yaml", "duplicate-key", ":6:5", "duplicate mapping key `status`"),
    ("syntax_error.yaml", "yaml-syntax", ":4:5", "unclosed bracket"),
    ("wrong_version.yaml", "format-version", ":1:8", "unsupported format version 2"),
    (
        "q_version/questionnaire.yaml",
        "format-version",
        ":1:8",
        "unsupported format version 2",
    ),
    ("wrong_kind.yaml", "wrong-kind", ":2:7", "neither a questionnaire nor an inventory"),
    ("unknown_collection.yaml", "unknown-key", ":3:1", "did you mean `systems`?"),
    ("collection_not_a_list.yaml", "invalid-value", ":3:10", "must be a list of records"),
    ("dangling_reference.yaml", "dangling-reference", ":4:5", "refers to `d9`"),
    ("duplicate_record.yaml", "duplicate-record", ":5:5", "appears twice"),
    ("impossible_date.yaml", "invalid-value", ":4:46", "`2026-02-30` is not a valid date"),
    ("unknown_criterion.yaml", "unknown-criterion", ":5:3", "did you mean `SEC-2.1`?"),
    ("na_without_note.yaml", "na-without-note", ":5:12", "needs a note"),
    ("na_not_allowed.yaml", "na-not-allowed", ":5:21", "does not accept n/a"),
    (
        "wrong_answer_type.yaml",
        "invalid-answer",
        ":5:12",
        "expects a percentage 0-100, found `lots`",
    ),
    (
        "bad_tier.yaml",
        "invalid-value",
        ":3:26",
        "expected one of ministry, province, commune, other",
    ),
    ("bad_assessed_on.yaml", "invalid-value", ":4:14", "`2026-11-31` is not a valid date"),
    (
        "assessed_on_far_future.yaml",
        "invalid-value",
        ":4:14",
        "assessed_on 9999-12-31 is more than a year after today",
    ),
    (
        "assessed_on_before_1990.yaml",
        "invalid-value",
        ":4:14",
        "assessed_on 1989-12-31 is before 1990-01-01",
    ),
    ("unknown_answer_key.yaml", "unknown-key", ":7:5", "did you mean `evidence`?"),
    (
        "bad_evidence_date.yaml",
        "invalid-value",
        ":8:35",
        "`2026-13-01` is not a valid date",
    ),
    ("invalid_utf8.yaml", "encoding", ":4:12", "not valid UTF-8"),
    ("nul_byte.yaml", "encoding", ":5:1", "NUL byte"),
    ("utf16.yaml", "encoding", ":1:1", "UTF-16"),
];

#[test]
fn every_malformed_input_exits_2_with_a_located_error() {
    for (file, rule, at, phrase) in CASES {
        let path = format!("tests/fixtures/malformed/{file}");
        let out = dgmat().args(["assess", &path, "--rubric", MINI]).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(&format!("error[{rule}]")), "{file}: expected rule {rule} in:\n{err}");
        assert!(err.contains(&format!("{path}{at}")), "{file}: expected {path}{at} in:\n{err}");
        assert!(err.contains(phrase), "{file}: expected `{phrase}` in:\n{err}");
        assert!(!err.contains("panicked") && !err.contains("internal error"), "{file}: {err}");
        assert!(out.stdout.is_empty(), "{file}: no report is printed for invalid input");
    }
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("questionnaire.yaml");
    std::fs::write(
        &q,
        "dgmat: 1\nkind: questionnaire\nagency: {id: x}\nanswers:\n  SEC-2.2: yes\n  SEC-5.1: lots\n  SHR-2.1: partial\n",
    )
    .unwrap();
    let out = dgmat().args(["assess", q.to_str().unwrap(), "--rubric", MINI]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(err.matches("error[").count(), 3, "{err}");
    assert!(err.contains("3 problem(s)"), "{err}");
}

#[test]
fn alias_bomb_fails_fast() {
    let start = std::time::Instant::now();
    let out = dgmat()
        .args(["assess", "tests/fixtures/hostile/alias_bomb.yaml", "--rubric", MINI])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error[yaml-limit]"), "{err}");
    assert!(err.contains("alias_bomb.yaml:"), "{err}");
    // A generous bound that only a real expansion would break; the figure is not a benchmark.
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn deep_nesting_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.yaml");
    let depth = 100_000;
    std::fs::write(
        &path,
        format!("dgmat: 1\nkind: inventory\nsystems: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    )
    .unwrap();
    let out = dgmat().args(["assess", path.to_str().unwrap(), "--rubric", MINI]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("inventory.yaml:3:"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("overflow"), "{err}");
}

#[test]
fn a_large_legitimate_inventory_loads() {
    // 20,000 systems is well past serde-saphyr's default node budget.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.yaml");
    let mut text = String::from("dgmat: 1\nkind: inventory\nsystems:\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "  - {{id: s{i}, status: production, security_level: 3, approved_on: 2024-01-01, go_live_on: 2024-02-01, shares: true}}\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    let out = dgmat()
        .args(["assess", path.to_str().unwrap(), "--rubric", MINI, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dimensions"][0]["criteria"][1]["status"], "met");
}

#[test]
fn missing_path_and_bad_target_exit_2() {
    let out = dgmat().args(["assess", "no/such/dir", "--rubric", MINI]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/dir does not exist"));
    let out = dgmat()
        .args(["assess", "tests/fixtures/good/sub", "--rubric", MINI, "--target", "t9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("neither a level 1-5 nor a target"), "{}", stderr(&out));
    let out = dgmat()
        .args(["assess", "tests/fixtures/good/sub", "--rubric", "no-such-rubric"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no rubric file or shipped rubric named `no-such-rubric`"));
}

/// `assess` stops on invalid input (exit 2, no report) but still shows every problem, the
/// rubric's record rules on the records that typed included.
#[test]
fn assess_shows_record_rules_beside_load_errors() {
    let out = dgmat()
        .args(["assess", "tests/fixtures/every-problem", "--rubric", MINI])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.matches("error[SYS-LEVEL]").count(), 1, "{err}");
    assert!(err.contains("systems `s2`"), "{err}");
    assert!(err.contains("error[invalid-value]: unknown tier `county`"), "{err}");
    assert!(
        err.contains("error[invalid-answer]: `SEC-5.1` expects a percentage 0-100, found `120`"),
        "{err}"
    );
}
