//! `dgmat reconcile` and `batch --verified`: a self-assessment beside an inspector's, worked
//! through by hand on the mini rubric; three disagreements on the shipped ministry; a verified
//! batch's over-claim rate; mismatched agencies and rubrics.

use std::path::Path;

use serde_json::Value;

use super::{MINI, dgmat, stderr, stdout, vn_examples};

const MINI_SUB: &str = "tests/fixtures/good/sub";
const MINISTRY: &str = "examples/ministry";

/// An inspector's questionnaire of the mini fixture's agency `demo`, against its self-assessment
/// (`tests/fixtures/good/sub/questionnaire.yaml`):
///
/// | criterion | agency (status)   | inspector (status)        | category pair     |
/// |-----------|-------------------|---------------------------|-------------------|
/// | SEC-2.1   | yes + evidence (met) | yes, no evidence: keeps the agency's (met) | met / met  |
/// | SEC-4.1   | yes (met)         | no (not_met)              | met / not met     |
/// | SEC-5.1   | 60 (partial)      | 95 (met; pass 90)         | partial / met     |
/// | SHR-2.1   | yes (met)         | no (not_met)              | met / not met     |
/// | SHR-5.1   | some (partial)    | all (met)                 | partial / met     |
///
/// The checks SEC-3.1, SHR-3.1, SHR-4.1 are not inspected (no inspector inventory): the agency's
/// inventory is used and they are "unverified".
///
/// Kappa over the 5 inspected criteria: agree = 1 (SEC-2.1); rows (agency): met 3, partial 2;
/// columns (inspector): met 3, not met 2. Σ row_k·col_k = 3·3 + 2·0 + 0·2 = 9, so
/// p_o = 1/5 = 0.2, p_e = 9/25 = 0.36, kappa = (0.2 − 0.36) / (1 − 0.36) = −0.16 / 0.64 = −0.25.
/// SEC alone (SEC-2.1, 4.1, 5.1): agree 1 of 3; rows met 2, partial 1; columns met 2, not met 1;
/// Σ = 2·2 = 4; kappa = (3·1 − 4) / (9 − 4) = −0.2. SHR alone (SHR-2.1, 5.1): agree 0 of 2; rows
/// met 1, partial 1; columns not met 1, met 1; Σ = 1·1 = 1; kappa = (0 − 1) / (4 − 1) = −1/3.
///
/// Levels: the agency's are SEC 2 (SEC-3.1 fails), SHR 3, overall 2, index (2.00 + 3.00) / 2 =
/// 2.50 (README, *Scoring, worked through*). Verified: SEC keeps SEC-2.1 met and SEC-3.1 failing,
/// level 2, index 2.00; SHR-2.1 `no` fails level 2, so SHR is level 1, index 1 + 0 = 1.00;
/// overall min(2, 1) = 1, index (2.00 + 1.00) / 2 = 1.50.
const MINI_INSPECTION: &str = "dgmat: 1
kind: questionnaire
rubric: mini
agency: {id: demo, name: Demo agency}
assessed_on: 2026-12-01
answers:
  SEC-2.1: yes
  SEC-4.1: {answer: no, note: No audit report could be shown}
  SEC-5.1: 95
  SHR-2.1: no
  SHR-5.1: all
";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn json(out: &std::process::Output) -> Value {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

/// (criterion, direction, self answer, inspector answer) of every disagreement.
fn disagreements(doc: &Value) -> Vec<(String, String, Value, Value)> {
    doc["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["criterion"].as_str().unwrap().to_string(),
                d["direction"].as_str().unwrap().to_string(),
                d["self"]["answer"].clone(),
                d["inspector"]["answer"].clone(),
            )
        })
        .collect()
}

#[test]
fn a_reconciliation_worked_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let inspection = write(dir.path(), "inspection.yaml", MINI_INSPECTION);
    let out = dgmat()
        .args(["reconcile", MINI_SUB, &inspection, "--rubric", MINI, "-f", "json"])
        .output()
        .unwrap();
    let doc = json(&out);
    assert_eq!(doc["dgmat_reconcile"], 1);
    assert_eq!((doc["self"]["level"].as_u64(), doc["self"]["index"].as_f64()), (Some(2), Some(2.5)));
    assert_eq!(
        (doc["verified"]["level"].as_u64(), doc["verified"]["index"].as_f64()),
        (Some(1), Some(1.5))
    );
    assert_eq!(doc["verified"]["unverified"], serde_json::json!(["SEC-3.1", "SHR-3.1", "SHR-4.1"]));
    let a = &doc["agreement"];
    assert_eq!(
        (a["criteria"].as_u64(), a["agree"].as_u64(), a["disagree"].as_u64()),
        (Some(5), Some(1), Some(4))
    );
    assert_eq!(
        (a["rate"].as_f64(), a["expected"].as_f64(), a["kappa"].as_f64()),
        (Some(0.2), Some(0.36), Some(-0.25))
    );
    let dims = doc["dimensions"].as_array().unwrap();
    assert_eq!(dims[0]["agreement"]["kappa"].as_f64(), Some(-0.2));
    assert_eq!(dims[1]["agreement"]["kappa"].as_f64(), Some(-0.3333));
    assert_eq!(
        (dims[1]["self"]["level"].as_u64(), dims[1]["verified"]["level"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(dims[1]["overclaim"], 2);
    assert_eq!(
        disagreements(&doc),
        vec![
            ("SEC-4.1".into(), "over".into(), "yes".into(), "no".into()),
            ("SEC-5.1".into(), "under".into(), 60.0.into(), 95.0.into()),
            ("SHR-2.1".into(), "over".into(), "yes".into(), "no".into()),
            ("SHR-5.1".into(), "under".into(), "some".into(), "all".into()),
        ],
        "SEC-2.1 agrees: the inspector's `yes` keeps the agency's evidence"
    );
    let sec41 = &doc["disagreements"][0];
    assert_eq!(sec41["inspector"]["note"], "No audit report could be shown");
    assert_eq!(
        (sec41["self"]["status"].as_str(), sec41["inspector"]["status"].as_str()),
        (Some("met"), Some("not_met"))
    );
    assert_eq!(sec41["level"], 4);

    // The table says the same in words.
    let out = dgmat()
        .args(["reconcile", MINI_SUB, &inspection, "--rubric", MINI])
        .output()
        .unwrap();
    let table = stdout(&out);
    assert!(table.contains("Cohen's kappa: -0.25"), "{table}");
    assert!(table.contains("[L4] SEC-4.1 Audits — over-claimed"), "{table}");
    assert!(table.contains("3 criteria not verified"), "{table}");
}

#[test]
fn every_format_escapes_what_the_inspector_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = MINI_INSPECTION.replace("No audit report could be shown", "\"<script>alert(1)</script> | *x*\"");
    let inspection = write(dir.path(), "inspection.yaml", &hostile);
    let run = |format: &str, lang: &str| {
        let out = dgmat()
            .args(["reconcile", MINI_SUB, &inspection, "--rubric", MINI, "-f", format, "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        stdout(&out)
    };
    let html = run("html", "en");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "escaped in HTML");
    assert!(!html.contains("<script>alert"), "never raw in HTML");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "self-contained: no network"
    );
    let md = run("markdown", "en");
    assert!(md.contains("&lt;script&gt;") && md.contains("\\| \\*x\\*"), "{md}");
    let vi = run("html", "vi");
    assert!(vi.contains("Đối chiếu kết quả tự đánh giá và kiểm tra") && vi.contains("tự đánh giá cao hơn kết quả kiểm tra"));
}

/// A copy of the ministry's questionnaire with `edits` applied, as an inspector's submission
/// (without inventory) in `dir/name`.
pub(super) fn ministry_inspection(dir: &Path, name: &str, edits: &[(&str, &str)]) -> String {
    let mut q = std::fs::read_to_string(format!("{MINISTRY}/questionnaire.yaml")).unwrap();
    for (from, to) in edits {
        assert!(q.contains(from), "the example still holds {from:?}");
        q = q.replacen(from, to, 1);
    }
    write(dir, &format!("{name}/questionnaire.yaml"), &q);
    dir.join(name).to_str().unwrap().to_string()
}

/// Three answers the inspector found otherwise: GOV-2.1 yes → no (over-claimed), GOV-3.1
/// partial → no (over-claimed), GOV-3.4 62% → 90% (met at 80%: under-claimed).
pub(super) const THREE: [(&str, &str); 3] = [
    ("  GOV-2.1:\n    answer: yes", "  GOV-2.1:\n    answer: no"),
    ("  GOV-3.1:\n    answer: partial", "  GOV-3.1:\n    answer: no"),
    ("  GOV-3.4:\n    answer: 62", "  GOV-3.4:\n    answer: 90"),
];

#[test]
fn three_disagreements_on_the_ministry_give_the_verified_level() {
    let dir = tempfile::tempdir().unwrap();
    let inspection = ministry_inspection(dir.path(), "inspection", &THREE);
    let doc = json(&dgmat().args(["reconcile", MINISTRY, &inspection, "-f", "json"]).output().unwrap());
    let found: Vec<(String, String)> = disagreements(&doc).into_iter().map(|d| (d.0, d.1)).collect();
    assert_eq!(
        found,
        vec![
            ("GOV-2.1".to_string(), "over".to_string()),
            ("GOV-3.1".to_string(), "over".to_string()),
            ("GOV-3.4".to_string(), "under".to_string()),
        ]
    );
    assert_eq!(doc["agreement"]["disagree"], 3);
    // The verified level is what `assess` gives the inspector's answers on the agency's inventory.
    std::fs::copy(format!("{MINISTRY}/inventory.yaml"), dir.path().join("inspection/inventory.yaml")).unwrap();
    let independent = json(&dgmat().args(["assess", &inspection, "-f", "json"]).output().unwrap());
    assert_eq!(doc["verified"]["level"], independent["overall"]["level"]);
    assert_eq!(doc["verified"]["index"], independent["overall"]["index"]);
    assert_eq!(doc["verified"]["level"], 1, "GOV-2.1 `no` leaves GOV at level 1");
    assert_eq!(doc["self"]["level"], 2);
    let gov = &doc["dimensions"][0];
    assert_eq!((gov["id"].as_str(), gov["overclaim"].as_i64()), (Some("GOV"), Some(1)));
    for (mine, theirs) in doc["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .zip(independent["dimensions"].as_array().unwrap())
    {
        assert_eq!(mine["verified"]["level"], theirs["level"], "{}", mine["id"]);
    }
}

#[test]
fn mismatched_agencies_and_rubrics_are_errors_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let other = ministry_inspection(dir.path(), "other-agency", &[("agency: {id: mont,", "agency: {id: mont-2,")]);
    let out = dgmat().args(["reconcile", MINISTRY, &other]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("agency `mont`") && err.contains("agency `mont-2`"), "{err}");
    assert!(stdout(&out).is_empty(), "no report");

    let other = ministry_inspection(dir.path(), "other-rubric", &[("rubric: vn-dgmm", "rubric: uk-dma")]);
    let out = dgmat().args(["reconcile", MINISTRY, &other]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("`vn-dgmm@2026.1`") && err.contains("`uk-dma"), "{err}");

    let other = ministry_inspection(dir.path(), "other-version", &[("rubric: vn-dgmm", "rubric: vn-dgmm@2025.1")]);
    let out = dgmat()
        .args(["reconcile", MINISTRY, &other, "-o"])
        .arg(dir.path().join("r.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`vn-dgmm@2025.1`"), "{}", stderr(&out));
    assert!(!dir.path().join("r.txt").exists(), "nothing written");
}

#[test]
fn a_verified_batch_reports_the_overclaim_rate() {
    let root = vn_examples();
    let insp = tempfile::tempdir().unwrap();
    ministry_inspection(insp.path(), "mont", &THREE);
    // The province, verified without a difference.
    let province = std::fs::read_to_string("examples/province/questionnaire.yaml").unwrap();
    write(insp.path(), "lamgiang/questionnaire.yaml", &province);
    // An inspection of no agency of the round, and two of one agency: reported, not used.
    ministry_inspection(insp.path(), "ghost", &[("agency: {id: mont,", "agency: {id: ghost,")]);
    let commune = std::fs::read_to_string("examples/commune/questionnaire.yaml").unwrap();
    write(insp.path(), "dup-1/questionnaire.yaml", &commune);
    write(insp.path(), "dup-2/questionnaire.yaml", &commune);

    let run = |out: &Path, verified: bool| {
        let mut cmd = dgmat();
        cmd.arg("batch")
            .arg(root.path())
            .arg("--out")
            .arg(out)
            .args(["--as-of", "2026-12-01", "-j", "2"]);
        if verified {
            cmd.arg("--verified").arg(insp.path());
        }
        let o = cmd.output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
        (o, summary)
    };
    let (plain_out, verified_out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (_, plain) = run(plain_out.path(), false);
    let (o, summary) = run(verified_out.path(), true);

    let v = &summary["verification"];
    assert_eq!((v["inspections"].as_u64(), v["agencies"].as_u64()), (Some(5), Some(2)));
    assert_eq!((v["overclaimed"].as_u64(), v["overclaim_share"].as_f64()), (Some(1), Some(0.5)));
    assert_eq!(v["dimensions"][0]["id"], "GOV");
    assert_eq!(
        (
            v["dimensions"][0]["overclaimed"].as_u64(),
            v["dimensions"][0]["overclaim_share"].as_f64()
        ),
        (Some(1), Some(0.5))
    );
    assert_eq!(v["dimensions"][1]["overclaimed"], 0);
    assert_eq!(v["agreement"]["disagree"], 3, "the three answers changed");
    assert!(v["agreement"]["kappa"].as_f64().unwrap() < 1.0);
    assert_eq!(v["unmatched"], serde_json::json!(["ghost"]));
    assert_eq!(v["ambiguous"], serde_json::json!(["dup-1", "dup-2"]));
    assert!(plain.get("verification").is_none(), "no block without --verified");

    let row = |s: &Value, id: &str| s["rows"].as_array().unwrap().iter().find(|r| r["agency_id"] == id).unwrap().clone();
    let mont = row(&summary, "mont");
    assert_eq!(
        (mont["level"].as_u64(), mont["verified_level"].as_u64(), mont["overclaim"].as_i64()),
        (Some(2), Some(1), Some(1))
    );
    assert_eq!(row(&summary, "lamgiang")["overclaim"], 0);
    assert!(
        row(&summary, "suoilam")["verified_level"].is_null(),
        "two inspections of one agency verify nothing"
    );

    // Shares count the ministry at its verified level 1: one agency fewer at or above 2.
    assert_eq!(plain["at_or_above"]["overall"]["2"].as_f64(), Some(1.0));
    assert_eq!(summary["at_or_above"]["overall"]["2"].as_f64(), Some(0.6667));
    assert_eq!(summary["distribution"]["1"], 1);

    assert_eq!(
        mont["verification"]["dimensions"][0], 1,
        "summary.json carries the verified dimension levels"
    );

    // Published statistics count the same levels as the batch's own shares.
    for (results, summary, verified) in [(&plain_out, &plain, false), (&verified_out, &summary, true)] {
        let public = tempfile::tempdir().unwrap();
        let o = dgmat()
            .arg("publish")
            .arg(results.path())
            .arg("--out")
            .arg(public.path())
            .args(["--min-group", "1"])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let stats: Value = serde_json::from_str(&std::fs::read_to_string(public.path().join("statistics.json")).unwrap()).unwrap();
        let groups = stats["groups"].as_array().unwrap();
        let of = |by: &str, group: &str| groups.iter().find(|g| g["by"] == by && g["group"] == group).unwrap()["shares"].clone();
        assert_eq!(of("overall", "all"), summary["at_or_above"]["overall"], "verified: {verified}");
        assert_eq!(
            of("dimension", "GOV"),
            summary["at_or_above"]["dimensions"]["GOV"],
            "verified: {verified}"
        );
        assert_eq!(stats.get("shares_on").is_some(), verified);
        let page = std::fs::read_to_string(public.path().join("statistics.html")).unwrap();
        assert_eq!(page.contains("use the verified level of each agency"), verified);
    }

    let csv = std::fs::read_to_string(verified_out.path().join("summary.csv")).unwrap();
    let ministry = csv.lines().find(|l| l.starts_with("ministry,")).unwrap();
    assert!(ministry.contains(",1,1,mont,"), "{ministry}");
    let index = std::fs::read_to_string(verified_out.path().join("index.html")).unwrap();
    assert!(
        index.contains("id=\"verification\"") && index.contains("50.0%"),
        "the over-claim rate is on the page"
    );
    assert!(
        index.contains("<td class=\"lvl lvl-1\">1 <small>(+1)</small></td>"),
        "both levels side by side"
    );
    let err = stderr(&o);
    assert!(err.contains("1 over-claimed (50.0%)"), "{err}");
    assert!(err.contains("inspection ghost (agency `ghost`) verified nothing"), "{err}");
    assert!(err.contains("inspections dup-1, dup-2 all name agency `suoilam`"), "{err}");
}

#[test]
fn verified_inside_root_is_refused() {
    let root = vn_examples();
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .arg("batch")
        .arg(root.path())
        .arg("--out")
        .arg(out.path())
        .arg("--verified")
        .arg(root.path().join("ministry"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("lie one inside the other"), "{}", stderr(&o));
    assert!(!out.path().join("summary.json").exists());
}
