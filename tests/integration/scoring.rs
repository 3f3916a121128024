//! Rated and points scoring through the CLI, against small rubrics whose results are worked
//! out by hand in the comments; and the rubric errors each method's mistakes produce.

use super::{criterion as crit, dgmat, gap_ids, stderr, stdout};
use serde_json::{Value, json};

const POINTS: &str = "tests/fixtures/points/rubric.yaml";
const RATED: &str = "tests/fixtures/rated/rubric.yaml";

fn report(sub: &str, rubric: &str, extra: &[&str]) -> Value {
    let out = dgmat()
        .args(["assess", sub, "--rubric", rubric, "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn dim<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["dimensions"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap()
}

#[test]
fn points_are_scored_by_hand() {
    let r = report("tests/fixtures/points/sub", POINTS, &[]);
    assert_eq!(r["rubric"]["method"], "points");
    // POL: yes 10 + partial 0.5 × 10 + choice `draft` 0.5 × 20 = 25 of 40 (POL-4 n/a leaves)
    // = 0.625 -> band 3 (>= 0.5), index 1 + 4 × 0.625 = 3.5.
    let pol = dim(&r, "POL");
    assert_eq!((pol["points"].as_f64(), pol["max_points"].as_f64()), (Some(25.0), Some(40.0)));
    assert_eq!((pol["level"].as_u64(), super::shown(&pol["index"])), (Some(3), Some(3.5)));
    assert_eq!(crit(&r, "POL-4")["status"], "not_applicable");
    assert!(crit(&r, "POL-4").get("max_points").is_none());
    assert_eq!(crit(&r, "POL-3")["points"], 10.0);
    // POR: multiple choice api 0.5 + search 0.25 = 0.75 × 20 = 15; percent 60 (partial at 50)
    // = 5; the licence check fails (d2) = 0. 20 of 40 = 0.5, exactly on band 3's edge.
    let por = dim(&r, "POR");
    assert_eq!(
        (por["points"].as_f64(), por["level"].as_u64(), super::shown(&por["index"])),
        (Some(20.0), Some(3), Some(3.0))
    );
    assert_eq!(crit(&r, "POR-1")["credit"], 0.75);
    assert_eq!(crit(&r, "POR-3")["status"], "not_met");
    // QUA: yes 15 + multiple choice 0.6 + 0.6 capped at 1 = 5; 20 of 20 -> 5.
    assert_eq!(crit(&r, "QUA-2")["credit"], 1.0);
    assert_eq!(
        (dim(&r, "QUA")["level"].as_u64(), super::shown(&dim(&r, "QUA")["index"])),
        (Some(5), Some(5.0))
    );
    // Overall: 65 of 100 = 0.65 -> band 3; index = mean of 3.5, 3.0, 5.0 = 3.83.
    assert_eq!(r["overall"]["points"], 65.0);
    assert_eq!(r["overall"]["max_points"], 100.0);
    assert_eq!(r["overall"]["level"], 3);
    assert_eq!(super::shown(&r["overall"]["index"]), Some(3.83));
    // Target: next level, 4. Gaps: criteria short of full credit in POL and POR, most points
    // lost first (10, 10, 5, 5, 5), then by id.
    assert_eq!(r["target"], json!({"level": 4, "met": false}));
    assert_eq!(gap_ids(&r), ["POL-3", "POR-3", "POL-2", "POR-1", "POR-2"]);
    assert_eq!(r["gaps"][1]["records"][0]["key"], "d2");
    assert_eq!(
        (r["gaps"][0]["points"].as_f64(), r["gaps"][0]["max_points"].as_f64()),
        (Some(10.0), Some(20.0))
    );
}

#[test]
fn points_gaps_follow_the_target_and_the_gate() {
    // At target 3 every dimension is there: no gaps.
    let r = report("tests/fixtures/points/sub", POINTS, &["--target", "3"]);
    assert_eq!(r["target"]["met"], true);
    assert!(r["gaps"].as_array().unwrap().is_empty());
    // At target 5 QUA (already 5) still has none; the rest are the same five.
    let r = report("tests/fixtures/points/sub", POINTS, &["--target", "5"]);
    assert_eq!(gap_ids(&r).len(), 5);
    let out = dgmat()
        .args(["assess", "tests/fixtures/points/sub", "--rubric", POINTS, "--fail-below", "4"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("POL at 3, POR at 3"), "{}", stderr(&out));
}

#[test]
fn points_table_shows_points_and_points_per_gap() {
    let out = dgmat()
        .args(["assess", "tests/fixtures/points/sub", "--rubric", POINTS])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("points: 65 of 100 (65.0%)"), "{text}");
    assert!(text.contains("[10/20 pts] POL-3 Strategy status — partial"), "{text}");
    assert!(text.contains("[15/20 pts] POR-1"), "{text}");
}

#[test]
fn rated_levels_are_scored_by_hand() {
    let r = report("tests/fixtures/rated/sub", RATED, &[]);
    assert_eq!(r["rubric"]["method"], "rated");
    // LEAD: 3 and 4 (weight 2); LEAD-3 n/a leaves. Minimum 3; index (3 + 8) / 3 = 3.67 (3.66).
    let lead = dim(&r, "LEAD");
    assert_eq!((lead["level"].as_u64(), super::shown(&lead["index"])), (Some(3), Some(3.66)));
    assert_eq!(crit(&r, "LEAD-2")["answered_level"], 4);
    // DATA: 2 and unanswered (counts as 1): level 1, index 1.5.
    assert_eq!(
        (dim(&r, "DATA")["level"].as_u64(), super::shown(&dim(&r, "DATA")["index"])),
        (Some(1), Some(1.5))
    );
    assert_eq!(crit(&r, "DATA-2")["status"], "unanswered");
    // SKIL: 5 (with the evidence it requires) and 4: level 4, index 4.5.
    assert_eq!(crit(&r, "SKIL-1")["status"], "met");
    assert_eq!(
        (dim(&r, "SKIL")["level"].as_u64(), super::shown(&dim(&r, "SKIL")["index"])),
        (Some(4), Some(4.5))
    );
    // Overall: minimum 1; index (3.667 + 1.5 + 4.5) / 3 = 3.22.
    assert_eq!(
        (r["overall"]["level"].as_u64(), super::shown(&r["overall"]["index"])),
        (Some(1), Some(3.22))
    );
    // Coverage over the six applicable criteria (levels 3, 4, 2, 1, 5, 4).
    assert_eq!(
        r["overall"]["coverage"],
        json!({"1": 1.0, "2": 5.0 / 6.0, "3": 4.0 / 6.0, "4": 0.5, "5": 1.0 / 6.0})
    );
    assert_eq!(lead["coverage"], json!({"1": 1.0, "2": 1.0, "3": 1.0, "4": 0.5, "5": 0.0}));
    // Default target: the next level, 2. Only DATA-2 is below it.
    assert_eq!(gap_ids(&r), ["DATA-2"]);
}

#[test]
fn rated_gaps_are_every_criterion_below_the_target_furthest_first() {
    let r = report("tests/fixtures/rated/sub", RATED, &["--target", "4"]);
    assert_eq!(gap_ids(&r), ["DATA-2", "DATA-1", "LEAD-1"]);
    assert_eq!(r["gaps"][1]["answered_level"], 2);
    let out = dgmat()
        .args(["assess", "tests/fixtures/rated/sub", "--rubric", RATED, "--target", "t3"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("[L1] DATA-2 Metadata — unanswered"), "{text}");
    assert!(text.contains("coverage: ≥1 100% · ≥2 83% · ≥3 67% · ≥4 50% · ≥5 17%"), "{text}");
}

#[test]
fn rated_mean_rounds_down_and_is_never_below_the_minimum() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(RATED)
        .unwrap()
        .replace("scoring: {method: rated}", "scoring: {method: rated, rated: mean}");
    let rubric = dir.path().join("mean.yaml");
    std::fs::write(&rubric, text).unwrap();
    let r = report("tests/fixtures/rated/sub", rubric.to_str().unwrap(), &[]);
    // LEAD mean 3.67 -> 3; DATA 1.5 -> 1; SKIL 4.5 -> 4: the same levels as the minimum here.
    assert_eq!(dim(&r, "LEAD")["level"], 3);
    assert_eq!(dim(&r, "DATA")["level"], 1);
    assert_eq!(dim(&r, "SKIL")["level"], 4);
}

#[test]
fn level_answers_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let q = std::fs::read_to_string("tests/fixtures/rated/sub/questionnaire.yaml")
        .unwrap()
        .replace("DATA-1: 2", "DATA-1: 7");
    std::fs::write(dir.path().join("questionnaire.yaml"), q).unwrap();
    let out = dgmat()
        .args(["assess", dir.path().to_str().unwrap(), "--rubric", RATED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`DATA-1` expects a level 1-5, found `7`"), "{}", stderr(&out));
}

#[test]
fn check_and_init_work_for_rated_and_points() {
    for (sub, rubric) in [("tests/fixtures/points/sub", POINTS), ("tests/fixtures/rated/sub", RATED)] {
        let out = dgmat()
            .args(["check", sub, "--rubric", rubric, "--format", "sarif"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let out = dgmat()
            .args(["check", sub, "--rubric", rubric, "--min-level", "5"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat()
        .args(["init", dir.path().to_str().unwrap(), "--rubric", RATED])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let q = std::fs::read_to_string(dir.path().join("questionnaire.yaml")).unwrap();
    assert!(q.contains("a level 1-5") && q.contains("  # Level 3: Written down"), "{q}");
    let out = dgmat().args(["rubric", "doc", POINTS]).output().unwrap();
    let doc = stdout(&out);
    assert!(
        doc.contains("Bands (share of points): level 5 ≥ 0.9") && doc.contains("**points:** 20"),
        "{doc}"
    );
}

/// Lints `rubric` (the points fixture with `from` replaced by `to`) and returns stderr.
fn lint_error(base: &str, from: &str, to: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(base).unwrap();
    assert!(text.contains(from), "{from}");
    let path = dir.path().join("rubric.yaml");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let out = dgmat().args(["rubric", "lint", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    stderr(&out).replace(path.to_str().unwrap(), "rubric.yaml")
}

#[test]
fn method_specific_mistakes_are_located_errors() {
    let e = lint_error(POINTS, "{id: POL-1, points: 10,", "{id: POL-1,");
    assert!(
        e.contains("criterion `POL-1` has no `points`") && e.contains("rubric.yaml:34:"),
        "{e}"
    );
    let e = lint_error(POINTS, "{level: 3, min: 0.50}", "{level: 3, min: 0.80}");
    assert!(
        e.contains("bands are not increasing: level 4 needs 0.75 but level 3 needs 0.8"),
        "{e}"
    );
    assert!(e.contains("rubric.yaml:20:"), "{e}");
    let e = lint_error(POINTS, "    - {level: 2, min: 0.25}\n", "");
    assert!(e.contains("no band for level 2"), "{e}");
    let e = lint_error(POINTS, "{level: 5, min: 0.90}", "{level: 5, min: 90}");
    assert!(e.contains("band min 90 for level 5") && e.contains("0.75, not 75"), "{e}");
    let e = lint_error(POINTS, "{id: POL-1, points: 10,", "{id: POL-1, points: 10, level: 2,");
    assert!(e.contains("levels come from `bands`"), "{e}");
    let e = lint_error(RATED, "{id: DATA-1, title", "{id: DATA-1, level: 3, title");
    assert!(e.contains("the answer is the level"), "{e}");
    let e = lint_error(RATED, "answer: {type: level}, action: Complete", "answer: yes-no, action: Complete");
    assert!(
        e.contains("every criterion of a rated rubric is a question answered with a level"),
        "{e}"
    );
    let e = lint_error("tests/fixtures/good/rubric.yaml", "answer: yes-partial-no", "answer: {type: level}");
    assert!(e.contains("level answers belong to the rated method, not staged"), "{e}");
    let e = lint_error(
        RATED,
        "scoring: {method: rated}",
        "scoring: {method: rated, bands: [{level: 2, min: 0.5}]}",
    );
    assert!(e.contains("`bands` belong to the points method"), "{e}");
}

#[test]
fn settings_another_method_ignores_are_lint_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(POINTS)
        .unwrap()
        .replace("  method: points\n", "  method: points\n  rated: mean\n")
        .replace("{id: POL-1, points: 10,", "{id: POL-1, points: 10, weight: 2,");
    let path = dir.path().join("rubric.yaml");
    std::fs::write(&path, text).unwrap();
    let out = dgmat().args(["rubric", "lint", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("`scoring.rated: mean` has no effect"), "{err}");
    assert!(
        err.contains("criterion `POL-1` has a weight, which points scoring ignores"),
        "{err}"
    );
    assert!(err.contains("2 warning(s)"), "{err}");
}
