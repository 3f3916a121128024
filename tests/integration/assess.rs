//! `dgmat assess`: the table and JSON reports, statuses, targets, gates and options.

use super::{MINI, criterion, dgmat, finding_ids, stderr, stdout};
use serde_json::Value;

const SUB: &str = "tests/fixtures/good/sub";
const INVENTORY: &str = "tests/fixtures/good/sub/inventory.yaml";

fn json(args: &[&str]) -> Value {
    let out = dgmat()
        .args(["assess", "--rubric", MINI, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn table_report() {
    let out = dgmat().args(["assess", SUB, "--rubric", MINI]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn table_report_in_vietnamese() {
    let out = dgmat().args(["assess", SUB, "--rubric", MINI, "--lang", "vi"]).output().unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("Lĩnh vực") && text.contains("Tổng thể") && text.contains("Lặp lại được"),
        "{text}"
    );
    assert!(text.contains("Việc cần làm"), "{text}");
}

#[test]
fn json_report_is_pinned_and_deterministic() {
    let run = || {
        dgmat()
            .args(["assess", SUB, "--rubric", MINI, "--format", "json"])
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(first.stdout, run().stdout, "same inputs, same bytes");
    insta::assert_snapshot!(stdout(&first));
}

#[test]
fn scores_of_the_good_fixture() {
    let r = json(&[SUB]);
    assert_eq!(r["overall"]["level"], 2);
    assert_eq!(r["overall"]["index"], 2.5);
    assert_eq!(r["target"]["id"], "t3");
    assert_eq!(r["target"]["met"], false);
    // SEC: level 2 met; SEC-3.1 fails on s2 (dossier after go-live) -> level 2, index 2.0.
    assert_eq!(r["dimensions"][0]["level"], 2);
    assert_eq!(r["dimensions"][0]["index"], 2.0);
    // SHR: level 3 met (2 of 2 production systems share); SHR-4.1 needs 2 open datasets, has 1.
    assert_eq!(r["dimensions"][1]["level"], 3);
    assert_eq!(criterion(&r, "SEC-5.1")["status"], "partial");
    assert_eq!(criterion(&r, "SEC-5.1")["credit"], 0.5);
    assert_eq!(criterion(&r, "SHR-5.1")["status"], "partial");
    assert_eq!(criterion(&r, "SHR-4.1")["status"], "not_met");
    let gaps = r["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0]["criterion"], "SEC-3.1");
    assert_eq!(
        gaps[0]["records"][0],
        serde_json::json!({"collection": "systems", "key": "s2", "file": INVENTORY, "line": 6})
    );
}

#[test]
fn evidence_missing_stale_and_contradicted() {
    let r = json(&["tests/fixtures/statuses/evidence_missing.yaml", INVENTORY]);
    assert_eq!(criterion(&r, "SEC-2.1")["status"], "evidence_missing");
    assert_eq!(r["dimensions"][0]["level"], 1);

    // 366 days before assessed_on with a 365-day limit: stale.
    let r = json(&["tests/fixtures/statuses/evidence_stale.yaml", INVENTORY]);
    assert_eq!(criterion(&r, "SEC-2.1")["status"], "evidence_stale");
    assert_eq!(criterion(&r, "SEC-2.1")["credit"], 0.0);

    let r = json(&[
        "tests/fixtures/statuses/contradicted.yaml",
        "tests/fixtures/statuses/contradicting_inventory.yaml",
    ]);
    let c = criterion(&r, "SEC-2.1");
    assert_eq!(c["status"], "contradicted");
    assert_eq!(c["records"][0]["key"], "s2");
    let findings = r["findings"].as_array().unwrap();
    let contradiction = findings.iter().find(|f| f["id"] == "contradicted").unwrap();
    assert_eq!(contradiction["file"], "tests/fixtures/statuses/contradicted.yaml");
    assert_eq!(contradiction["line"], 7);
    // The failing record is a related location, not prose in the help.
    assert_eq!(contradiction["related"][0]["label"], "systems s2");
    assert_eq!(
        contradiction["related"][0]["file"],
        "tests/fixtures/statuses/contradicting_inventory.yaml"
    );
    assert_eq!(contradiction["related"][0]["line"], 6);
    // The record rule SYS-LEVEL fires on the same system.
    let rule = findings.iter().find(|f| f["id"] == "SYS-LEVEL").unwrap();
    assert_eq!((rule["line"].as_u64(), rule["severity"].as_str()), (Some(6), Some("error")));
}

/// Evidence dated after `assessed_on` is reported and not counted: a 9999 date does not
/// dodge the 365-day age limit, and the dimension stays where the stale evidence put it.
#[test]
fn evidence_dated_after_the_assessment_is_not_counted() {
    let r = json(&["tests/fixtures/statuses/evidence_future.yaml", INVENTORY]);
    let c = criterion(&r, "SEC-2.1");
    assert_eq!((c["status"].as_str(), c["credit"].as_f64()), (Some("evidence_missing"), Some(0.0)));
    assert_eq!(r["dimensions"][0]["level"], 1);
    let findings = r["findings"].as_array().unwrap();
    let f = findings.iter().find(|f| f["id"] == "evidence-future").unwrap();
    assert_eq!(f["line"], 7);
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("evidence dated 9999-12-31, after the assessment date 2026-11-20")
    );
    let stale = json(&["tests/fixtures/statuses/evidence_stale.yaml", INVENTORY]);
    assert_eq!(r["overall"]["index"], stale["overall"]["index"]);

    // Beside a future item, the current one still counts as it would alone (366 days old: stale).
    let r = json(&["tests/fixtures/statuses/evidence_future_and_current.yaml", INVENTORY]);
    assert_eq!(criterion(&r, "SEC-2.1")["status"], "evidence_stale");
    assert!(r["findings"].as_array().unwrap().iter().any(|f| f["id"] == "evidence-future"));
}

#[test]
fn partial_not_applicable_choice_and_unanswered() {
    // Exactly 365 days old is still fresh.
    let r = json(&["tests/fixtures/statuses/evidence_fresh_enough.yaml", INVENTORY]);
    assert_eq!(criterion(&r, "SEC-2.1")["status"], "partial");
    assert_eq!(criterion(&r, "SEC-4.1")["status"], "not_applicable");
    assert_eq!(criterion(&r, "SEC-5.1")["status"], "met");
    assert_eq!(criterion(&r, "SHR-5.1")["status"], "met");
    assert_eq!(criterion(&r, "SHR-2.1")["status"], "unanswered");
    // A partial at level 2 with a full threshold keeps SEC at level 1: index 1 + 0.5.
    assert_eq!(r["dimensions"][0]["level"], 1);
    assert_eq!(r["dimensions"][0]["index"], 1.5);
}

#[test]
fn inventory_only_submission_leaves_questions_unanswered() {
    let r = json(&[INVENTORY]);
    assert_eq!(r["agency"]["id"], "demo");
    assert_eq!(criterion(&r, "SEC-2.1")["status"], "unanswered");
    assert_eq!(criterion(&r, "SHR-3.1")["status"], "met");
}

#[test]
fn targets_choose_the_gaps() {
    let r = json(&[SUB, "--target", "4"]);
    assert_eq!(r["target"], serde_json::json!({"level": 4, "met": false}));
    let ids: Vec<&str> = r["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["criterion"].as_str().unwrap())
        .collect();
    // Ordered by level, then weight, then id; SEC-4.1 is met, SHR-4.1 is not.
    assert_eq!(ids, ["SEC-3.1", "SHR-4.1"]);
    let r = json(&[SUB, "--target", "t4"]);
    assert_eq!(r["target"]["id"], "t4");
    let r = json(&[SUB, "--target", "2"]);
    assert_eq!(r["target"]["met"], true);
    assert!(r["gaps"].as_array().unwrap().is_empty());
}

#[test]
fn fail_below_gates_the_exit_code() {
    let out = dgmat()
        .args(["assess", SUB, "--rubric", MINI, "--fail-below", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("overall level 2 is below 3 (SEC at 2)"), "{}", stderr(&out));
    let out = dgmat()
        .args(["assess", SUB, "--rubric", MINI, "--fail-below", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = dgmat()
        .args(["assess", SUB, "--rubric", MINI, "--fail-below", "6"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "out-of-range gate is a usage error");
}

#[test]
fn output_file_is_written_instead_of_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.json");
    let out = dgmat()
        .args(["assess", SUB, "--rubric", MINI, "-f", "json", "-o", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written["overall"]["level"], 2);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
}

#[test]
fn overall_mean_and_a_lower_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let rubric = std::fs::read_to_string(format!("{}/{MINI}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mean = dir.path().join("mean.yaml");
    std::fs::write(&mean, rubric.replace("overall: minimum", "overall: mean")).unwrap();
    let out = dgmat()
        .args(["assess", SUB, "--rubric", mean.to_str().unwrap(), "-f", "json"])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Levels 2 and 3, weights 1 and 1: mean 2.5, rounded down.
    assert_eq!(r["overall"]["level"], 2);
    let half = dir.path().join("half.yaml");
    std::fs::write(&half, rubric.replace("level_threshold: 1.0", "level_threshold: 0.5")).unwrap();
    let out = dgmat()
        .args([
            "assess",
            "tests/fixtures/statuses/evidence_fresh_enough.yaml",
            INVENTORY,
            "--rubric",
            half.to_str().unwrap(),
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    // SEC-2.1 partial (0.5) now passes level 2; SEC-3.1 fails level 3.
    assert_eq!(r["dimensions"][0]["level"], 2);
}

#[test]
fn help_lists_exit_codes() {
    let out = dgmat().args(["assess", "--help"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("Exit codes:") && text.contains("2  could not run"), "{text}");
}

#[test]
fn computed_details_are_vietnamese_under_lang_vi() {
    let run = |lang: &str| {
        let out = dgmat().args(["assess", "examples/ministry", "--lang", lang]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let (en, vi) = (run("en"), run("vi"));
    assert!(en.contains("24 of 26 selected datasets pass (92%); 2 fail, 100% needed"), "{en}");
    assert!(vi.contains("24/26 tập dữ liệu được chọn đạt (92%); 2 không đạt, cần 100%"), "{vi}");
    assert!(en.contains("answered partial") && vi.contains("trả lời: một phần"));
    assert!(
        vi.contains("trả lời có, nhưng danh mục cho thấy khác: "),
        "the contradiction, in Vietnamese"
    );
    assert!(!vi.contains(" selected ") && !vi.contains("answered "), "{vi}");
}

/// Without an inventory there is nothing to count and nothing to contradict: computed criteria
/// are `unanswered` ("no inventory submitted"), a yes stands unverified, and one warning says so.
#[test]
fn no_inventory_no_contradiction() {
    let r = json(&["tests/fixtures/statuses/contradicted.yaml"]);
    let computed = criterion(&r, "SEC-3.1");
    assert_eq!(computed["status"], "unanswered", "{computed:#}");
    assert_eq!(computed["detail"], "no inventory submitted");
    assert_eq!(criterion(&r, "SHR-4.1")["detail"], "no inventory submitted");
    let claimed = criterion(&r, "SEC-2.1");
    assert_eq!(
        claimed["status"], "met",
        "a yes is not contradicted by a missing inventory: {claimed:#}"
    );
    let ids = finding_ids(&r);
    assert_eq!(ids, ["no-inventory"], "{:#}", r["findings"]);
    assert_eq!(
        r["findings"][0]["message"],
        "no inventory submitted: 3 criteria computed from the inventory are unanswered, and 1 answer(s) are not checked against it"
    );
    // With the inventory, the same answer is contradicted and the warning is gone.
    let r = json(&[
        "tests/fixtures/statuses/contradicted.yaml",
        "tests/fixtures/statuses/contradicting_inventory.yaml",
    ]);
    assert_eq!(criterion(&r, "SEC-2.1")["status"], "contradicted");
    assert!(r["findings"].as_array().unwrap().iter().all(|f| f["id"] != "no-inventory"));
}
