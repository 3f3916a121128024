//! Real government inventories (in `../shared/realdata/`, see its SOURCES.md) through the
//! shipped rubric written for them. Expected figures are computed here, independently, straight
//! from the CSV with the csv crate, and compared with what dgmat reports per agency.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{dgmat, stderr};
use serde_json::Value;

/// A file of `../shared/realdata/inventories`, or `None` (with a note) when it is absent.
fn realdata(path: &str) -> Option<PathBuf> {
    super::realdata(&format!("inventories/{path}"))
}

fn dc_inventory() -> Option<PathBuf> {
    realdata("dc-enterprise-dataset-inventory/dataset_inventory_2018_03_11.csv")
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

/// Batches the consolidated inventory `path` by `column` against `rubric`: the batch's
/// `summary.json`, and each agency's JSON report by agency id.
fn batch_by(path: &PathBuf, column: &str, rubric: &str) -> (Value, BTreeMap<String, Value>) {
    let out_dir = tempfile::tempdir().unwrap();
    let out = dgmat()
        .args(["batch", "--inventory"])
        .arg(path)
        .args(["--group-by", column, "--rubric", rubric, "--out"])
        .arg(out_dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let read = |rel: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(out_dir.path().join(rel)).unwrap()).unwrap() };
    let summary = read("summary.json");
    let reports = summary["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["agency_id"].as_str().unwrap().to_string(),
                read(row["report"].as_str().unwrap()),
            )
        })
        .collect();
    (summary, reports)
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
    let (summary, reports) = batch_by(&path, "AGENCY_ACRONYM", "dc-dataset-inventory");
    let expected = expected(&path);
    assert_eq!(expected.len(), 92);
    assert_eq!(summary["totals"]["submissions"], 92);
    assert_eq!(summary["totals"]["invalid"], 0);
    for (agency, c) in &expected {
        let report = &reports[agency];
        let [rows, owner, non_open, reason, interval, open, portal] = c.map(|x| x as u64);
        assert_eq!(counts(report, "INV-2.1"), (rows, owner), "{agency} owners");
        assert_eq!(counts(report, "INV-3.1"), (non_open, reason), "{agency} reasons");
        assert_eq!(counts(report, "INV-3.2"), (rows, interval), "{agency} intervals");
        assert_eq!(counts(report, "INV-4.1"), (open, portal), "{agency} open on the portal");
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

fn ai_inventory() -> Option<PathBuf> {
    realdata("us-ai-use-cases-2025/2025_individually_reported_AI_use_cases.csv")
}

/// Per agency, counted straight from the CSV: [rows, with an id, with a stage, deployed,
/// deployed with an ATO, deployed with PII known, deployed with PII, of those with a PIA link,
/// deployed high-impact, of those monitored, custom code, of those with a code link].
fn ai_expected(path: &PathBuf) -> BTreeMap<String, [u64; 12]> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name).unwrap();
    let [agency, id, stage, ato, pii, pia, hi, monitoring, custom, code] = [
        "agency",
        "id",
        "development_stage",
        "have_ato",
        "has_pii",
        "pia_url",
        "is_high_impact",
        "hi_ongoing_monitoring",
        "has_custom_code",
        "code_url",
    ]
    .map(col);
    let present = |v: &str| !matches!(v.trim(), "" | "NULL" | "[]");
    let yes = |v: &str| matches!(v.trim().to_ascii_lowercase().as_str(), "yes" | "true" | "y" | "1");
    let boolean = |v: &str| yes(v) || matches!(v.trim().to_ascii_lowercase().as_str(), "no" | "false" | "n" | "0");
    let mut out: BTreeMap<String, [u64; 12]> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        let c = out.entry(row[agency].trim().to_string()).or_default();
        let deployed = row[stage].trim() == "Deployed";
        let with_pii = deployed && yes(&row[pii]);
        let high = deployed && row[hi].trim() == "High-impact";
        let custom_code = yes(&row[custom]);
        let counts = [
            true,
            present(&row[id]),
            ["Pre-deployment", "Pilot", "Deployed", "Retired"].contains(&row[stage].trim()),
            deployed,
            deployed && yes(&row[ato]),
            deployed && boolean(&row[pii]),
            with_pii,
            with_pii && present(&row[pia]),
            high,
            high && row[monitoring].trim().starts_with("Yes"),
            custom_code,
            custom_code && present(&row[code]),
        ];
        for (n, hit) in c.iter_mut().zip(counts) {
            *n += u64::from(hit);
        }
    }
    out
}

#[test]
fn us_ai_use_cases_per_agency_match_an_independent_count() {
    let Some(path) = ai_inventory() else { return };
    let (summary, reports) = batch_by(&path, "agency", "us-ai-use-cases");
    let expected = ai_expected(&path);
    assert_eq!(expected.len(), 41);
    assert_eq!(expected.values().map(|c| c[0]).sum::<u64>(), 3611);
    assert_eq!(summary["totals"]["submissions"], 41);
    assert_eq!(summary["totals"]["invalid"], 0, "dirty rows are warnings, not a lost agency");
    for (agency, c) in &expected {
        let report = &reports[agency];
        let [
            rows,
            with_id,
            staged,
            deployed,
            ato,
            pii_known,
            pii,
            pia,
            high,
            monitored,
            custom,
            code,
        ] = *c;
        assert_eq!(counts(report, "AI-2.1"), (rows, with_id), "{agency} ids");
        assert_eq!(counts(report, "AI-2.2"), (rows, staged), "{agency} stages");
        assert_eq!(counts(report, "AI-3.1"), (deployed, ato), "{agency} ATOs");
        assert_eq!(counts(report, "AI-3.2"), (deployed, pii_known), "{agency} PII assessed");
        assert_eq!(counts(report, "AI-4.1"), (pii, pia), "{agency} PIAs");
        assert_eq!(counts(report, "AI-4.2"), (high, monitored), "{agency} monitoring");
        assert_eq!(counts(report, "AI-5.1"), (custom, code), "{agency} code");
        // Every row without an id is a warning of its own, with its line.
        let keyless = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["id"] == "missing-field" && f["line"].as_u64().is_some_and(|l| l > 1))
            .count() as u64;
        assert_eq!(keyless, rows - with_id, "{agency} rows without an id");
    }
}

#[test]
fn us_ai_use_cases_dirty_rows_are_reported_at_their_lines() {
    let Some(path) = ai_inventory() else { return };
    let out = dgmat()
        .arg("check")
        .arg(&path)
        .args(["--rubric", "us-ai-use-cases", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings only: {}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = r["findings"].as_array().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    // Independently: the ids, non-empty dates that are not ISO dates, and repeated ids.
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let (mut empty_ids, mut bad_dates, mut seen) = (0, 0, BTreeMap::<String, u32>::new());
    for row in reader.records() {
        let row = row.unwrap();
        let id = row[2].trim();
        if id.is_empty() {
            empty_ids += 1;
        } else {
            *seen.entry(id.to_string()).or_default() += 1;
        }
        let date = row[14].trim();
        let iso = |s: &str| {
            s.len() >= 10
                && chrono_like(&s[..10])
                && (s.len() == 10 || (s.len() == 19 && s[10..].chars().next().is_some_and(|c| c == ' ' || c == 'T')))
        };
        if !date.is_empty() && !iso(date) {
            bad_dates += 1;
        }
    }
    let repeats: u32 = seen.values().map(|n| n - 1).sum();
    let count = |id: &str| findings.iter().filter(|f| f["id"] == id).count();
    assert_eq!(count("missing-field"), empty_ids);
    assert_eq!(empty_ids, 704);
    assert_eq!(count("duplicate-record") as u32, repeats);
    assert_eq!(count("invalid-value"), bad_dates);
    assert!(findings.iter().all(|f| f["severity"] == "warning"));
    // Each keyless row is located at its own line: the CSV line there has an empty third cell.
    for f in findings.iter().filter(|f| f["id"] == "missing-field") {
        let line = lines[f["line"].as_u64().unwrap() as usize - 1];
        let cells: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes())
            .records()
            .next()
            .and_then(Result::ok)
            .map(|r| r.iter().map(str::to_string).collect())
            .unwrap_or_default();
        assert!(cells.len() > 2 && cells[2].is_empty(), "line {}: {line}", f["line"]);
    }
}

/// `YYYY-MM-DD` naming a real calendar day.
fn chrono_like(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    y.to_string().len() == 4 && parts[1].len() == 2 && parts[2].len() == 2 && (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
}
