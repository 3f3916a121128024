//! Overlays: a rubric that `extends` a shipped one and changes only what it lists.

use super::{criteria_by_id, dgmat, stderr, stdout};
use serde_json::Value;

const OVERLAY: &str = "tests/fixtures/overlay/moh-dgmm.yaml";

fn assess(example: &str, rubric: &[&str]) -> Value {
    let out = dgmat()
        .args(["-q", "assess", example, "--format", "json"])
        .args(rubric)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The overlay raises SEC-3.1 to level 4, adds SEC-3.9 and removes OPN-4.2: on every shipped
/// example those are the only differences among the criteria, and the answer written for the
/// removed criterion is not an error.
#[test]
fn an_overlay_changes_exactly_what_it_lists() {
    for example in ["examples/ministry", "examples/province", "examples/commune"] {
        let base = criteria_by_id(&assess(example, &[]));
        let over_report = assess(example, &["--rubric", OVERLAY]);
        let over = criteria_by_id(&over_report);
        let only_base: Vec<&String> = base.keys().filter(|k| !over.contains_key(*k)).collect();
        let only_over: Vec<&String> = over.keys().filter(|k| !base.contains_key(*k)).collect();
        assert_eq!(only_base, ["OPN-4.2"], "{example}");
        assert_eq!(only_over, ["SEC-3.9"], "{example}");
        let mut changed = Vec::new();
        for (id, c) in &base {
            let Some(o) = over.get(id) else { continue };
            let mut keys: Vec<&String> = c.as_object().unwrap().keys().chain(o.as_object().unwrap().keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                if c.get(k) != o.get(k) {
                    changed.push(format!("{id}.{k}: {} -> {}", c[k], o[k]));
                }
            }
        }
        assert_eq!(changed, ["SEC-3.1.level: 3 -> 4"], "{example}");
        assert_eq!(over["SEC-3.9"]["status"], "unanswered", "{example}");
        // The report names the overlay and its base, each with its hash.
        let rubric = &over_report["rubric"];
        assert_eq!(
            (rubric["id"].as_str(), rubric["extends"]["id"].as_str()),
            (Some("moh-dgmm"), Some("vn-dgmm"))
        );
        let base_hash = assess(example, &[])["rubric"]["sha256"].clone();
        assert_eq!(rubric["extends"]["sha256"], base_hash);
        assert_ne!(rubric["sha256"], base_hash);
        assert!(
            !over_report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["id"] == "rubric-mismatch"),
            "{example}"
        );
    }
}

#[test]
fn show_resolved_prints_the_merged_rubric() {
    let out = dgmat().args(["rubric", "show", "--resolved", OVERLAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("\"id\": \"moh-dgmm\"") && text.contains("SEC-3.9") && !text.contains("\"OPN-4.2\""));
    let plain = stdout(&dgmat().args(["rubric", "show", OVERLAY]).output().unwrap());
    assert!(plain.starts_with("dgmat: 1") && plain.contains("extends: vn-dgmm"));
}

fn lint(overlay: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("o.yaml"), overlay).unwrap();
    let out = dgmat().args(["rubric", "lint", "o.yaml"]).current_dir(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    stderr(&out)
}

#[test]
fn every_overlay_error_is_located_in_the_overlay() {
    let head = "dgmat: 1\nkind: rubric\nid: bad\nversion: \"1\"\nextends: vn-dgmm\n";
    let err = lint(&format!("{head}override:\n  SEC-9.9: {{level: 2}}\nremove: [OPN-9.9]\n"));
    assert!(err.contains("`override` names `SEC-9.9`") && err.contains("o.yaml:7:3"), "{err}");
    assert!(err.contains("`remove` names `OPN-9.9`") && err.contains("o.yaml:8:10"), "{err}");
    let err = lint(&format!(
        "{head}override:\n  SEC-3.1: {{level: 9}}\nadd:\n  SEC:\n    - {{id: SEC-2.1, level: 3, title: D, question: Q?, answer: yes-no, action: A}}\n"
    ));
    assert!(
        err.contains("criterion `SEC-3.1` is at level 9") && err.contains("o.yaml:7:20"),
        "{err}"
    );
    assert!(
        err.contains("criterion `SEC-2.1` is declared twice") && err.contains("o.yaml:10:12"),
        "{err}"
    );
    let err = lint(&format!("{head}add:\n  SECURITY: []\n"));
    assert!(err.contains("`add` names `SECURITY`") && err.contains("o.yaml:7:3"), "{err}");
}
