//! Real government inventories (in `../shared/realdata/`, see its SOURCES.md) through the
//! shipped rubric written for them. Expected figures are computed here, independently, straight
//! from the CSV with the csv crate, and compared with what dgmat reports per agency.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{dgmat, stderr};
use serde_json::Value;

fn dc_inventory() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/realdata/inventories/dc-enterprise-dataset-inventory/dataset_inventory_2018_03_11.csv");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("note: {} is absent (it lives beside the checkout); skipping", path.display());
        None
    }
}

/// Per agency: (rows, with owner, classified non-open, of those with a reason, interval known,
/// open, open on the portal).
fn expected(path: &PathBuf) -> BTreeMap<String, [usize; 7]> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (agency, owner, class, reason, interval, portal) = (
        col("AGENCY_ACRONYM"),
        col("DATA_OWNER"),
        col("DATASET_CLASSIFICATION_NAME"),
        col("DATASET_CLASSIFICATION_REASON"),
        col("UPDATE_INTERVAL"),
        col("OPENDATA_PORTAL"),
    );
    let present = |v: &str| !matches!(v.trim(), "" | "NULL" | "Null");
    let mut out: BTreeMap<String, [usize; 7]> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        let c = out.entry(row[agency].trim().to_string()).or_default();
        c[0] += 1;
        c[1] += usize::from(present(&row[owner]));
        let non_open = present(&row[class]) && row[class].trim() != "Open";
        c[2] += usize::from(non_open);
        c[3] += usize::from(non_open && present(&row[reason]));
        c[4] += usize::from(present(&row[interval]) && row[interval].trim() != "Unknown");
        let open = row[class].trim() == "Open";
        c[5] += usize::from(open);
        c[6] += usize::from(open && row[portal].trim().eq_ignore_ascii_case("yes"));
    }
    out
}

fn counts(report: &Value, id: &str) -> (u64, u64) {
    let c = report["dimensions"][0]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap();
    (c["selected"].as_u64().unwrap(), c["passing"].as_u64().unwrap())
}

#[test]
fn dc_dataset_inventory_loads_whole() {
    let Some(path) = dc_inventory() else { return };
    let out = dgmat()
        .arg("assess")
        .arg(&path)
        .args(["--rubric", "dc-dataset-inventory", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let total: usize = expected(&path).values().map(|c| c[0]).sum();
    assert_eq!(total, 1640);
    assert_eq!(counts(&r, "INV-2.1").0, 1640);
    assert!(r["findings"].as_array().unwrap().is_empty(), "{:#}", r["findings"]);
}

#[test]
fn dc_dataset_inventory_per_agency_matches_an_independent_count() {
    let Some(path) = dc_inventory() else { return };
    let out_dir = tempfile::tempdir().unwrap();
    let out = dgmat()
        .args(["batch", "--inventory"])
        .arg(&path)
        .args(["--group-by", "AGENCY_ACRONYM", "--rubric", "dc-dataset-inventory", "--out"])
        .arg(out_dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = expected(&path);
    assert_eq!(expected.len(), 92);
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out_dir.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["totals"]["submissions"], 92);
    assert_eq!(summary["totals"]["invalid"], 0);
    for (agency, c) in &expected {
        let row = summary["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["agency_id"] == agency.as_str())
            .unwrap();
        let report: Value =
            serde_json::from_str(&std::fs::read_to_string(out_dir.path().join(row["report"].as_str().unwrap())).unwrap()).unwrap();
        let [rows, owner, non_open, reason, interval, open, portal] = c.map(|x| x as u64);
        assert_eq!(counts(&report, "INV-2.1"), (rows, owner), "{agency} owners");
        assert_eq!(counts(&report, "INV-3.1"), (non_open, reason), "{agency} reasons");
        assert_eq!(counts(&report, "INV-3.2"), (rows, interval), "{agency} intervals");
        assert_eq!(counts(&report, "INV-4.1"), (open, portal), "{agency} open on the portal");
        // Questions would be unanswered; this rubric has none, so every criterion is a check.
        assert!(
            report["dimensions"][0]["criteria"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| c["kind"] == "check")
        );
    }
}
