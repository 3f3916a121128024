//! `dgmat rubric`: validation errors point into the rubric; shipped rubrics list and lint clean.

use super::{MINI, dgmat, stderr, stdout};

fn lint_with(edit: impl Fn(&str) -> String) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    std::fs::write(
        &path,
        edit(&std::fs::read_to_string(format!("{}/{MINI}", env!("CARGO_MANIFEST_DIR"))).unwrap()),
    )
    .unwrap();
    dgmat().args(["rubric", "lint", path.to_str().unwrap()]).output().unwrap()
}

#[test]
fn the_mini_rubric_is_clean() {
    let out = dgmat().args(["rubric", "lint", MINI]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("ok (2 dimensions, 8 criteria, 2 collections); 0 warning(s)"));
}

#[test]
fn unknown_field_in_an_expression_points_at_it() {
    let out = lint_with(|s| {
        s.replace(
            "require: security_level != null\n        severity",
            "require: security_levl != null\n        severity",
        )
    });
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("r.yaml:33:18"), "{err}");
    assert!(err.contains("did you mean `security_level`?"), "{err}");
}

#[test]
fn cel_syntax_error_points_inside_the_expression() {
    let out = lint_with(|s| s.replace("approved_on <= go_live_on", "approved_on <= go_live_on &&"));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("error[expression]: invalid CEL expression"), "{err}");
    assert!(err.contains("r.yaml:63:93"), "{err}");
}

#[test]
fn structural_rubric_errors_are_all_reported() {
    let out = lint_with(|s| {
        s.replace("level: 4\n        title: Audits", "level: 6\n        title: Audits")
            .replace("default_target: t3", "default_target: t5")
            .replace("refers_to: datasets", "refers_to: dataset")
            .replace("  - {level: 3, name: {en: Defined, vi: Xác định}}\n", "")
            .replace("- id: SHR-3.1", "- id: SEC-3.1")
    });
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    for phrase in [
        "levels must be exactly 1, 2, 3, 4, 5",
        "default_target `t5` is not a declared target",
        "refers to `dataset`, which is not a collection",
        "criterion `SEC-4.1` is at level 6",
        "criterion `SEC-3.1` is declared twice",
        "dimension `SEC` has no criteria at level 4",
    ] {
        assert!(err.contains(phrase), "missing `{phrase}` in:\n{err}");
    }
}

#[test]
fn unknown_rubric_key_gets_a_hint() {
    let out = lint_with(|s| s.replace("    action: Adopt a policy.", "    acton: Adopt a policy."));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("error[unknown-key]"), "{err}");
    assert!(err.contains("did you mean `action`?"), "{err}");
}

#[test]
fn shipped_rubrics_list_show_and_lint_clean() {
    let out = dgmat().args(["rubric", "list"]).output().unwrap();
    assert!(stdout(&out).starts_with("vn-dgmm\t"), "{}", stdout(&out));
    let out = dgmat().args(["rubric", "show", "vn-dgmm"]).output().unwrap();
    assert!(stdout(&out).contains("kind: rubric"));
    let out = dgmat().args(["rubric", "lint", "vn-dgmm"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("0 warning(s)"), "{err}");
    let out = dgmat().args(["rubric", "lint", "vn-dgm"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean `vn-dgmm`?"));
}

#[test]
fn a_file_of_another_kind_is_named_as_such() {
    let out = dgmat()
        .args(["rubric", "lint", "tests/fixtures/good/sub/questionnaire.yaml"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("error[wrong-kind]: expected a rubric, but this file is `kind: questionnaire`"),
        "{err}"
    );
    let out = lint_with(|s| s.replace("kind: rubric", "kind: rubrik"));
    assert!(stderr(&out).contains("r.yaml:3:7"), "{}", stderr(&out));
}

#[test]
fn a_target_due_date_must_be_a_date() {
    let out = lint_with(|s| {
        s.replace(
            "{id: t3, title: Level three, level: 3}",
            "{id: t3, title: Level three, level: 3, due: 2027-02-30}",
        )
    });
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("target `t3` is due `2027-02-30`, which is not a date"), "{err}");
    assert!(err.contains("r.yaml:15:"), "located at the target's line: {err}");
    let out = lint_with(|s| {
        s.replace(
            "{id: t3, title: Level three, level: 3}",
            "{id: t3, title: Level three, level: 3, due: 2027-12-31}",
        )
    });
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
