//! `dgmat diff`: progress between a saved JSON report and a later submission, warnings when the
//! two are not comparable, and bad input.

use super::{dgmat, stderr, stdout};
use serde_json::Value;

const POINTS: &str = "tests/fixtures/points/rubric.yaml";
const SUB: &str = "tests/fixtures/points/sub";

/// The points fixture's report, saved in `dir` as `old.json`.
fn saved_report(dir: &std::path::Path) -> String {
    let path = dir.join("old.json");
    let out = dgmat()
        .args(["assess", SUB, "--rubric", POINTS, "--format", "json", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    path.to_str().unwrap().to_string()
}

/// A copy of the points submission in `dir/new` with two answers changed: the strategy is now
/// adopted, and the metadata standard is no longer used.
fn later_submission(dir: &std::path::Path) -> String {
    let new = dir.join("new");
    std::fs::create_dir_all(&new).unwrap();
    let q = std::fs::read_to_string(format!("{SUB}/questionnaire.yaml"))
        .unwrap()
        .replace("POL-3: draft", "POL-3: adopted")
        .replace("QUA-1: yes", "QUA-1: no")
        .replace("assessed_on: 2026-11-20", "assessed_on: 2027-11-20");
    std::fs::write(new.join("questionnaire.yaml"), q).unwrap();
    std::fs::copy(format!("{SUB}/inventory.yaml"), new.join("inventory.yaml")).unwrap();
    new.to_str().unwrap().to_string()
}

#[test]
fn a_saved_report_against_a_later_submission() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (saved_report(dir.path()), later_submission(dir.path()));
    let out = dgmat()
        .args(["diff", &old, &new, "--rubric", POINTS, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["dgmat_diff"], 1);
    assert!(d["warnings"].as_array().unwrap().is_empty(), "{d}");
    // POL: 25 -> 35 of 40 = 0.875: level 3 -> 4, index 3.5 -> 4.5.
    let pol = &d["dimensions"][0];
    assert_eq!(
        (pol["id"].as_str(), pol["old_level"].as_u64(), pol["new_level"].as_u64()),
        (Some("POL"), Some(3), Some(4))
    );
    assert_eq!(pol["index_change"], 1.0);
    // QUA: 20 -> 5 of 20 = 0.25, exactly band 2: level 5 -> 2.
    assert_eq!(d["dimensions"][2]["level_change"], -3);
    // Overall: 65 -> 60 of 100, level 3 both times.
    assert_eq!(d["overall"]["level_change"], 0);
    let ids = |k: &str| -> Vec<String> {
        d[k].as_array()
            .unwrap()
            .iter()
            .map(|c| c["criterion"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("newly_met"), ["POL-3"]);
    assert_eq!(ids("newly_failing"), ["QUA-1"]);
    assert_eq!(d["newly_failing"][0]["new_status"], "not_met");
    // POL reached the target 4, so its gaps closed; QUA fell below it.
    assert_eq!(ids("gaps_closed"), ["POL-3", "POL-2"]);
    assert_eq!(ids("gaps_opened"), ["QUA-1"]);
}

#[test]
fn table_and_markdown_show_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (saved_report(dir.path()), later_submission(dir.path()));
    let out = dgmat().args(["diff", &old, &new, "--rubric", POINTS]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("POL Policy  ┆ 3 → 4 ┆ +1"), "{text}");
    assert!(
        text.contains("Newly failing (1):\n  QUA-1 Metadata standard (met → not met)"),
        "{text}"
    );
    let out = dgmat()
        .args(["diff", &old, &new, "--rubric", POINTS, "--format", "markdown"])
        .output()
        .unwrap();
    let md = stdout(&out);
    assert!(md.contains("| QUA Quality | 5 → 2 | -3 | 5.00 → 2.00 | -3.00 |"), "{md}");
    assert!(md.contains("## Gaps opened (1)\n\n- `QUA-1` Metadata standard (not met)"), "{md}");
}

#[test]
fn different_rubric_versions_are_warned_on_stderr_and_in_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let old = saved_report(dir.path());
    let edited = std::fs::read_to_string(&old)
        .unwrap()
        .replace("\"version\": \"1\"", "\"version\": \"0.9\"");
    let older = dir.path().join("older.json");
    std::fs::write(&older, edited).unwrap();
    let out = dgmat()
        .args(["diff", older.to_str().unwrap(), &old, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("warning: the reports use different versions of rubric `mini-points` (0.9 and 1)"));
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(d["overall"]["level_change"], 0);
    assert!(d["newly_met"].as_array().unwrap().is_empty());
}

#[test]
fn bad_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let old = saved_report(dir.path());
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"dgmat_report\": 1}").unwrap();
    let out = dgmat().args(["diff", bad.to_str().unwrap(), &old]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a dgmat JSON report: missing field `rubric`"),
        "{}",
        stderr(&out)
    );
    let out = dgmat().args(["diff", &old, "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = dgmat().args(["diff", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("dgmat diff 2025.json agency/"));
}

#[test]
fn fail_on_regression_gates_on_anything_worse() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (saved_report(dir.path()), later_submission(dir.path()));
    // QUA fell from 5 to 2 and QUA-1 is no longer met: a regression, exit 1, named on stderr.
    let out = dgmat()
        .args(["diff", &old, &new, "--rubric", POINTS, "--fail-on-regression"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("regression: QUA level 5 → 2; 1 criterion no longer met: QUA-1 (now not_met)"),
        "{err}"
    );
    // Without the flag the same comparison passes; a report against itself never regresses.
    let out = dgmat().args(["diff", &old, &new, "--rubric", POINTS]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = dgmat().args(["diff", &old, &old, "--fail-on-regression"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// A warning is said once: in the table or Markdown on standard output, else on standard
/// error (a file written with `-o`, or JSON). `DGMAT_LANG` is read in any case.
#[test]
fn a_warning_is_said_once() {
    let warning = "reports are for different agencies";
    let count = |out: &std::process::Output| stdout(out).matches(warning).count() + stderr(out).matches(warning).count();
    for format in ["table", "markdown", "json"] {
        let out = dgmat()
            .args(["diff", "examples/province", "examples/commune", "--format", format])
            .output()
            .unwrap();
        if format == "json" {
            // The JSON document keeps its warnings for programs; a person sees stderr.
            assert_eq!(stderr(&out).matches(warning).count(), 1, "{}", stderr(&out));
        } else {
            assert_eq!(count(&out), 1, "{format}: {}{}", stdout(&out), stderr(&out));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat()
        .args(["diff", "examples/province", "examples/commune", "-o"])
        .arg(dir.path().join("diff.txt"))
        .output()
        .unwrap();
    assert_eq!(stderr(&out).matches(warning).count(), 1, "{}", stderr(&out));
    let out = dgmat()
        .env("DGMAT_LANG", "VI")
        .args(["diff", "examples/province", "examples/commune"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("hai báo cáo thuộc hai cơ quan khác nhau"), "{}", stderr(&out));
}
