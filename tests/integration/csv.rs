//! CSV inventories: dirty but real-looking files load, and bad cells are located exactly.

use super::{MINI, dgmat, stderr};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = dgmat()
        .args(["assess", "--rubric", MINI, "-f", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_csv_inventory_scores_like_the_same_yaml_inventory() {
    // BOM, CRLF, a quoted multi-line cell, a blank row, headers in other cases and spacing, an
    // alias ("Dossier approved"), a null marker (N/A), `;` lists and Y/no booleans.
    let csv = json(&["tests/fixtures/csv/good"]);
    let yaml = json(&["tests/fixtures/good/sub"]);
    assert_eq!(csv["overall"], yaml["overall"]);
    assert_eq!(csv["dimensions"][1]["level"], yaml["dimensions"][1]["level"]);
    assert_eq!(
        csv["gaps"][0]["records"][0],
        serde_json::json!({"collection": "systems", "key": "s2", "file": "tests/fixtures/csv/good/systems.csv", "line": 4})
    );
    let findings = csv["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["id"], "unknown-column");
    assert!(findings[0]["message"].as_str().unwrap().contains("`notes`"));
}

#[test]
fn bad_cells_rows_and_columns_are_located() {
    let out = dgmat()
        .args(["check", "tests/fixtures/csv/bad", "--rubric", MINI, "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, String, u64, u64)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap_or("").rsplit('/').next().unwrap().to_string();
            (
                f["id"].as_str().unwrap().to_string(),
                file,
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let want = [
        ("unknown-collection", "", 0, 0),
        ("missing-column", "datasets.csv", 1, 1),
        ("invalid-value", "systems.csv", 3, 4),
        ("invalid-value", "systems.csv", 4, 15),
        ("csv", "systems.csv", 5, 1),
    ];
    let want: Vec<(String, String, u64, u64)> = want.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), *c, *d)).collect();
    assert_eq!(got, want);
    let out = dgmat()
        .args(["check", "tests/fixtures/csv/bad", "--rubric", MINI])
        .output()
        .unwrap();
    let text = super::stdout(&out);
    assert!(text.contains("did you mean `systems.csv`?"), "{text}");
    assert!(text.contains("3 | s2,prod,2\n  |    ^^^^"), "{text}");
}

#[test]
fn batch_finds_csv_only_submissions() {
    let root = tempfile::tempdir().unwrap();
    let agency = root.path().join("a");
    std::fs::create_dir(&agency).unwrap();
    for f in ["systems.csv", "datasets.csv"] {
        std::fs::copy(
            format!("{}/tests/fixtures/csv/good/{f}", env!("CARGO_MANIFEST_DIR")),
            agency.join(f),
        )
        .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args([
            "batch",
            root.path().to_str().unwrap(),
            "--out",
            out.path().to_str().unwrap(),
            "--rubric",
        ])
        .arg(format!("{}/{MINI}", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.lines().nth(1).unwrap().starts_with("a,unknown,,,incomplete,1,"), "{csv}");
}

#[test]
fn a_consolidated_inventory_is_split_by_agency() {
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args([
            "batch",
            "--inventory",
            "tests/fixtures/csv/consolidated/systems.csv",
            "--group-by",
            "org",
            "--rubric",
            MINI,
            "--out",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "beta has a bad cell: {}", stderr(&o));
    assert!(stderr(&o).contains("1 row(s) leave `org` blank"), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("systems.csv#org=alpha,alpha,,,incomplete,1,"), "{csv}");
    assert!(lines[2].starts_with("systems.csv#org=beta,beta,,,invalid,"), "{csv}");
    assert!(
        lines[2].contains("systems.csv:6:"),
        "the bad cell keeps its line in the whole file: {csv}"
    );
    let alpha: Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("agencies/alpha.json")).unwrap()).unwrap();
    let sec = &alpha["dimensions"][0]["criteria"];
    assert_eq!(sec[0]["status"], "unanswered", "questions are reported, not dropped");
    assert_eq!(
        (sec[1]["selected"].as_u64(), sec[1]["passing"].as_u64()),
        (Some(1), Some(1)),
        "only alpha's rows count"
    );
}
