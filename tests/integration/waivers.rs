//! Waivers through the CLI: the life cycle of a waiver (in force, expired, unused, ignored with
//! `--no-waivers`), a bad waivers file, ministry-wide `--waivers`, and batch counts. The
//! submission is a copy of the shipped ministry example (assessed on 2026-11-20), whose
//! `GOV-3.3` is answered `no` (a gap to level 3) and whose system `mont-traffic-cam` breaks the
//! record rule `SYS-DOSSIER-AFTER-GO-LIVE`.

use std::path::Path;

use crate::{criterion, dgmat, finding_ids, gap_ids, stdout};

/// A copy of the ministry example with `waivers` (if given) as its waivers.yaml.
fn ministry(waivers: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ministry");
    for f in std::fs::read_dir(from).unwrap() {
        let f = f.unwrap();
        std::fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    if let Some(text) = waivers {
        std::fs::write(dir.path().join("waivers.yaml"), text).unwrap();
    }
    dir
}

/// A waivers file of `entries` (YAML list items).
fn waivers(entries: &str) -> String {
    format!("dgmat: 1\nkind: waivers\nwaivers:\n{entries}")
}

const GOV_3_3: &str = "  - criterion: GOV-3.3\n    reason: Indicators await the ministry's new plan\n    approved_by: Director, IT Centre\n    ref: Decision 12/QD-CNTT\n    expires: EXPIRES\n";

fn json_of(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let out = dgmat().arg("assess").arg(dir).args(["-f", "json"]).args(extra).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_active_waiver_takes_the_criterion_out_of_the_gaps_and_every_output_lists_it() {
    let before = json_of(ministry(None).path(), &[]);
    assert!(gap_ids(&before).contains(&"GOV-3.3"));
    let dir = ministry(Some(&waivers(&GOV_3_3.replace("EXPIRES", "2027-06-30"))));
    let r = json_of(dir.path(), &[]);
    let c = criterion(&r, "GOV-3.3");
    assert_eq!(c["status"], "waived");
    assert_eq!(c["waiver"]["reason"], "Indicators await the ministry's new plan");
    assert_eq!(c["waiver"]["expires"], "2027-06-30");
    assert_eq!(c["waiver"]["ref"], "Decision 12/QD-CNTT");
    assert_eq!(c["waiver"]["line"], 4);
    assert!(!gap_ids(&r).contains(&"GOV-3.3"));
    assert_eq!(gap_ids(&r).len(), gap_ids(&before).len() - 1);
    assert_eq!(r["waivers"]["ignored"], false);
    assert_eq!(r["waivers"]["waived"][0]["id"], "GOV-3.3");
    assert!(!finding_ids(&r).iter().any(|f| f.starts_with("waiver-")), "{:?}", finding_ids(&r));
    // Like n/a, it leaves the denominator: GOV's level-3 share is over one criterion fewer, so
    // GOV's index (level 2 + that share) rises.
    let gov = |r: &serde_json::Value| r["dimensions"][0]["index"].as_f64().unwrap();
    assert!(gov(&r) > gov(&before), "{} vs {}", gov(&r), gov(&before));
    for format in ["table", "markdown", "html"] {
        let text = stdout(&dgmat().arg("assess").arg(dir.path()).args(["-f", format]).output().unwrap());
        assert!(text.contains("Indicators await the ministry"), "{format}");
        assert!(text.contains("2027-06-30"), "{format}");
    }
    let vi = stdout(
        &dgmat()
            .arg("report")
            .arg(dir.path())
            .args(["--lang", "vi", "-f", "markdown"])
            .output()
            .unwrap(),
    );
    assert!(vi.contains("Miễn trừ") && vi.contains("được miễn trừ"), "{vi}");
}

#[test]
fn an_expired_waiver_is_evaluated_as_absent_and_flagged() {
    // The ministry is assessed on 2026-11-20; a waiver that held until the day before is over.
    let dir = ministry(Some(&waivers(&GOV_3_3.replace("EXPIRES", "2026-11-19"))));
    let r = json_of(dir.path(), &[]);
    assert_eq!(criterion(&r, "GOV-3.3")["status"], "not_met");
    assert!(gap_ids(&r).contains(&"GOV-3.3"));
    let expired: Vec<&serde_json::Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "waiver-expired")
        .collect();
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0]["severity"], "warning");
    assert_eq!(expired[0]["line"], 4);
    assert!(expired[0]["file"].as_str().unwrap().ends_with("waivers.yaml"));
    // On its last day it still holds.
    let last_day = ministry(Some(&waivers(&GOV_3_3.replace("EXPIRES", "2026-11-20"))));
    assert_eq!(criterion(&json_of(last_day.path(), &[]), "GOV-3.3")["status"], "waived");
}

#[test]
fn a_waiver_matching_nothing_is_flagged_unused() {
    let entries = [
        GOV_3_3.replace("EXPIRES", "2027-06-30").replace("GOV-3.3", "GOV-2.1"), // met without it
        GOV_3_3.replace("EXPIRES", "2027-06-30").replace("GOV-3.3", "GOV-9.9"), // no such criterion
        "  - {rule: SYS-DOSSIER-AFTER-GO-LIVE, records: [mont-traffic-cam, mont-his], reason: r, approved_by: a, expires: 2027-01-01}\n"
            .into(),
    ];
    let dir = ministry(Some(&waivers(&entries.concat())));
    let r = json_of(dir.path(), &[]);
    assert_eq!(criterion(&r, "GOV-2.1")["status"], "met");
    let unused: Vec<(u64, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "waiver-unused")
        .map(|f| (f["line"].as_u64().unwrap(), f["message"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(unused.len(), 3, "{unused:?}");
    assert!(unused[0].1.contains("met without it"), "{unused:?}");
    assert!(unused[1].1.contains("no such criterion"), "{unused:?}");
    assert!(unused[2].1.contains("is unused for mont-his: "), "{unused:?}");
    // The record that does break the rule is waived: kept in JSON, marked, failing nothing.
    let waived: Vec<&serde_json::Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f.get("waived").is_some())
        .collect();
    assert_eq!(waived.len(), 1);
    assert_eq!(waived[0]["id"], "SYS-DOSSIER-AFTER-GO-LIVE");
    assert!(waived[0]["message"].as_str().unwrap().contains("mont-traffic-cam"));
    assert_eq!(waived[0]["waived"]["expires"], "2027-01-01");
}

#[test]
fn no_waivers_ignores_them_all_and_says_so() {
    let dir = ministry(Some(&waivers(&GOV_3_3.replace("EXPIRES", "2026-01-01"))));
    let r = json_of(dir.path(), &["--no-waivers"]);
    assert_eq!(criterion(&r, "GOV-3.3")["status"], "not_met");
    assert_eq!(r["waivers"]["ignored"], true);
    // Ignored means ignored: not even the expired one is reported.
    assert!(!finding_ids(&r).iter().any(|f| f.starts_with("waiver-")));
    let table = stdout(&dgmat().arg("assess").arg(dir.path()).arg("--no-waivers").output().unwrap());
    assert!(table.contains("--no-waivers"), "{table}");
    let html = stdout(
        &dgmat()
            .arg("report")
            .arg(dir.path())
            .args(["--no-waivers", "-f", "html"])
            .output()
            .unwrap(),
    );
    assert!(html.contains("Waivers ignored"));
}

#[test]
fn a_malformed_waivers_file_is_a_located_error() {
    let bad = waivers("  - criterion: GOV-3.3\n    reason: r\n    expires: 2027-02-30\n    aproved_by: x\n");
    let dir = ministry(Some(&bad));
    let out = dgmat().arg("assess").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = crate::stderr(&out);
    assert!(err.contains("waivers.yaml:7:5"), "{err}");
    assert!(err.contains("approved_by"), "{err}");
    // Each problem of an otherwise well-formed file, at its own line.
    let bad = waivers("  - {criterion: GOV-3.3, reason: '', approved_by: x, expires: 2027-02-30}\n");
    let dir = ministry(Some(&bad));
    // `check` reports it among its findings, as any bad input, and fails the gate.
    let out = dgmat().arg("check").arg(dir.path()).args(["-f", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let check: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines: Vec<u64> = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"].as_str().is_some_and(|p| p.ends_with("waivers.yaml")))
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [4, 4], "{check}");
    let ministry_wide = dir.path().join("w.yaml");
    std::fs::write(
        &ministry_wide,
        "dgmat: 1\nkind: waivers\nwaivers: [{criterion: X, reason: r, approved_by: a}]\n",
    )
    .unwrap();
    let out = dgmat()
        .arg("assess")
        .arg("examples/ministry")
        .arg("--waivers")
        .arg(&ministry_wide)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::stderr(&out).contains("w.yaml:3:"), "{}", crate::stderr(&out));
}

#[test]
fn ministry_wide_waivers_apply_to_the_agency_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ministry-waivers.yaml");
    let entries = format!(
        "{}{}",
        GOV_3_3
            .replace("EXPIRES", "2027-06-30")
            .replace("  - criterion", "  - agency: mont\n    criterion"),
        GOV_3_3
            .replace("EXPIRES", "2027-06-30")
            .replace("GOV-3.3", "GOV-3.1")
            .replace("  - criterion", "  - agency: other\n    criterion"),
    );
    std::fs::write(&file, waivers(&entries)).unwrap();
    let r = json_of(Path::new("examples/ministry"), &["--waivers", file.to_str().unwrap()]);
    assert_eq!(criterion(&r, "GOV-3.3")["status"], "waived");
    assert_eq!(criterion(&r, "GOV-3.1")["status"], "partial");
    // Another agency's waiver is not this one's to use.
    assert!(!finding_ids(&r).contains(&"waiver-unused"));
    // A submission's own waivers.yaml may not name an agency.
    let own = ministry(Some(&waivers(&entries)));
    let out = dgmat().arg("assess").arg(own.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::stderr(&out).contains("--waivers"));
}

#[test]
fn check_keeps_waived_rule_findings_out_of_the_gate() {
    let rule = "  - {rule: SYS-DOSSIER-AFTER-GO-LIVE, records: [mont-traffic-cam, mont-vehicle-reg], reason: Dossiers re-approved, approved_by: Director, expires: 2027-01-01}\n";
    let dir = ministry(Some(&waivers(rule)));
    let out = dgmat()
        .arg("check")
        .arg(dir.path())
        .args(["--warnings-as-errors", "-f", "sarif"])
        .output()
        .unwrap();
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<_> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 2);
    assert!(
        suppressed[0]["suppressions"][0]["justification"]
            .as_str()
            .unwrap()
            .contains("Dossiers re-approved")
    );
    // Even with --warnings-as-errors, a waived finding is no error.
    let summary = crate::stderr(&out);
    let errors = results.len() - 2;
    assert!(summary.contains(&format!("{errors} error(s), 0 warning(s), 2 waived")), "{summary}");
    let github = stdout(&dgmat().arg("check").arg(dir.path()).args(["-f", "github"]).output().unwrap());
    assert_eq!(github.matches("::notice ").count(), 2, "{github}");
    let junit = stdout(&dgmat().arg("check").arg(dir.path()).args(["-f", "junit"]).output().unwrap());
    assert!(junit.contains("<skipped"), "{junit}");
}

#[test]
fn batch_counts_waived_criteria_per_agency() {
    let root = crate::vn_examples();
    std::fs::write(
        root.path().join("ministry/waivers.yaml"),
        waivers(&GOV_3_3.replace("EXPIRES", "2027-06-30")),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = dgmat()
        .args(["batch", "-q", "--as-of", "2026-12-01"])
        .arg(root.path())
        .arg("--out")
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", crate::stderr(&run));
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap()).unwrap();
    let waived: Vec<(String, u64)> = summary["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["path"].as_str().unwrap().to_string(), r["waived"].as_u64().unwrap()))
        .collect();
    assert_eq!(waived, [("commune".into(), 0), ("ministry".into(), 1), ("province".into(), 0)]);
    let mut csv = csv::Reader::from_path(out.path().join("summary.csv")).unwrap();
    let col = csv.headers().unwrap().iter().position(|h| h == "waived").unwrap();
    let cells: Vec<(String, String)> = csv
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_string(), r[col].to_string()))
        .collect();
    assert!(cells.contains(&("ministry".into(), "1".into())), "{cells:?}");
    // --no-waivers: none counted.
    let audit = tempfile::tempdir().unwrap();
    dgmat()
        .args(["batch", "-q", "--as-of", "2026-12-01", "--no-waivers"])
        .arg(root.path())
        .arg("--out")
        .arg(audit.path())
        .assert()
        .code(0);
    let summary = std::fs::read_to_string(audit.path().join("summary.json")).unwrap();
    assert!(!summary.contains("\"waived\": 1"));
}
