//! Rounds: the integrity of one batch round (duplicates, stale, incomplete, unreadable and
//! other-rubric submissions) and `dgmat progress` over generated rounds with known movements.
//! Every date is pinned with `--as-of`; nothing depends on today.

use std::path::Path;

use super::{dgmat, stderr, stdout};
use serde_json::{Value, json};

/// Two dimensions (A, B) of yes-no questions at levels 2..5; targets t3 (due 2027-12-31) and t4
/// (due 2030-12-31, all at 4); `max_age_days: 365`.
pub(super) const RUBRIC: &str = "tests/fixtures/progress/rubric.yaml";

/// Writes a submission in `root/dir` for agency `id`, assessed on `date`, whose dimensions
/// reach levels `a` and `b` (every question up to the level answered yes, the rest no).
pub(super) fn agency(root: &Path, dir: &str, id: &str, date: &str, a: u8, b: u8) {
    let mut text = format!(
        "dgmat: 1\nkind: questionnaire\nrubric: rounds\nagency: {{id: \"{id}\", name: Agency {id}, tier: province}}\nassessed_on: {date}\nanswers:\n"
    );
    for (dim, level) in [("A", a), ("B", b)] {
        for l in 2..=5 {
            text.push_str(&format!("  {dim}-{l}: {}\n", if l <= level { "yes" } else { "no" }));
        }
    }
    std::fs::create_dir_all(root.join(dir)).unwrap();
    std::fs::write(root.join(dir).join("questionnaire.yaml"), text).unwrap();
}

/// Runs a batch of `root` into `out` as round `name` dated `as_of`.
pub(super) fn batch(root: &Path, out: &Path, name: &str, as_of: &str) -> std::process::Output {
    dgmat()
        .args(["batch", "--rubric", RUBRIC, "--round", name, "--as-of", as_of, "--out"])
        .arg(out)
        .arg(root)
        .output()
        .unwrap()
}

pub(super) fn summary(out: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap()
}

/// The status of each row, by path.
fn statuses(s: &Value) -> Vec<(String, String)> {
    s["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["path"].as_str().unwrap().to_string(), r["status"].as_str().unwrap().to_string()))
        .collect()
}

/// Two rounds a year apart. 2025: ag1 3, ag2 2, ag3 4, ag4 1, ag5 2. 2026: ag1 3 (and last
/// year's copy of ag1), ag2 up to 3, ag3 down to 2 (dimension B fell), ag4 still 1, ag5 gone,
/// ag6 new at 3, ag7 only a stale submission, ag8 twice with one date (a conflict).
pub(super) fn rounds() -> (tempfile::TempDir, tempfile::TempDir) {
    let (r1, r2) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (r1.path(), r2.path());
    for (dir, id, la, lb) in [
        ("ag1", "ag1", 3, 3),
        ("ag2", "ag2", 2, 2),
        ("ag3", "ag3", 4, 4),
        ("ag4", "ag4", 1, 2),
        ("ag5", "ag5", 2, 2),
    ] {
        agency(a, dir, id, "2025-11-20", la, lb);
    }
    agency(b, "ag1", "ag1", "2026-11-20", 3, 3);
    agency(b, "archive/ag1-2025", "ag1", "2025-11-20", 5, 5);
    agency(b, "ag2", "ag2", "2026-11-20", 3, 3);
    agency(b, "ag3", "ag3", "2026-11-20", 4, 2);
    agency(b, "ag4", "ag4", "2026-11-20", 1, 1);
    agency(b, "ag6", "ag6", "2026-11-20", 3, 4);
    agency(b, "ag7", "ag7", "2025-10-01", 5, 5);
    agency(b, "ag8-hanoi", "ag8", "2026-11-20", 4, 4);
    agency(b, "ag8-saigon", " ag8", "2026-11-20", 2, 2);
    (r1, r2)
}

#[test]
fn a_round_counts_each_agency_once_and_says_why() {
    let (_r1, r2) = rounds();
    let out = tempfile::tempdir().unwrap();
    let o = batch(r2.path(), out.path(), "2026", "2026-12-01");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = summary(out.path());
    let expected: Vec<(String, String)> = [
        ("ag1", "ok"),
        ("ag2", "ok"),
        ("ag3", "ok"),
        ("ag4", "ok"),
        ("ag6", "ok"),
        ("ag7", "stale"),
        ("ag8-hanoi", "conflict"),
        ("ag8-saigon", "conflict"),
        ("archive/ag1-2025", "superseded"),
    ]
    .iter()
    .map(|(p, s)| (p.to_string(), s.to_string()))
    .collect();
    assert_eq!(statuses(&s), expected);
    assert_eq!(s["round"], json!({"name": "2026", "date": "2026-12-01", "max_age_days": 365}));
    assert_eq!(s["totals"]["counted"], 6, "ag1, ag2, ag3, ag4, ag6 and ag8 once");
    assert_eq!(s["targets"][0]["share"], 0.5, "t3: ag1, ag2 and ag6 of 6");
    assert_eq!(s["targets"][0]["due"], "2027-12-31");
    assert_eq!(s["targets"][1]["share"], 0.0, "ag8's level 4 is in conflict and not counted");
    assert_eq!(s["at_or_above"]["dimensions"]["A"]["3"], 0.6667);
    let err = stderr(&o);
    assert!(
        err.contains("agency `ag1` is claimed by 2 submissions: ag1 (2026-11-20), archive/ag1-2025 (2025-11-20); ag1 counts"),
        "{err}"
    );
    assert!(
        err.contains("agency `ag8` is claimed by 2 submissions: ag8-hanoi (2026-11-20), ag8-saigon (2026-11-20)"),
        "ids are compared trimmed: {err}"
    );
    assert!(
        err.contains("stale: ag7: assessed on 2025-10-01, more than 365 days before the round's date 2026-12-01"),
        "{err}"
    );
    assert!(err.contains("target t3 (level 3, due 2027-12-31): 3 of 6 (50.0%)"), "{err}");

    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    let stale = csv.lines().find(|l| l.starts_with("ag7,")).unwrap();
    assert!(stale.contains(",2025-10-01,2026,\"assessed on 2025-10-01"), "{stale}");
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        index.contains("<title>Batch assessment 2026 (2026-12-01): Rounds test rubric</title>"),
        "{index}"
    );
    assert!(index.contains("id=\"not-counted\"") && index.contains("archive/ag1-2025"));
    assert!(index.contains("id=\"tier-shares\"") && index.contains("id=\"dimension-shares\""));
    assert!(
        index.contains("<td class=\"mono\">ag6</td><td>2026-11-20</td>"),
        "path and date per row"
    );
}

#[test]
fn incomplete_other_rubric_lookalike_and_unreadable_submissions_are_rows() {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    agency(r, "moh", "moh", "2026-11-20", 3, 3);
    agency(r, "moh-upper", "MOH", "2026-11-20", 2, 2);
    std::fs::create_dir_all(r.join("inventory-only")).unwrap();
    std::fs::write(r.join("inventory-only/inventory.yaml"), "dgmat: 1\nkind: inventory\nagency: inv\n").unwrap();
    std::fs::create_dir_all(r.join("other-rubric")).unwrap();
    std::fs::write(
        r.join("other-rubric/questionnaire.yaml"),
        "dgmat: 1\nkind: questionnaire\nrubric: vn-dgmm\nagency: {id: other}\nassessed_on: 2026-11-20\nanswers:\n  GOV-2.1: yes\n",
    )
    .unwrap();
    // A folder whose path is too long to open (created one level at a time).
    let status = std::process::Command::new("sh")
        .current_dir(r)
        .arg("-c")
        .arg("d=$(printf 'd%.0s' $(seq 1 200)); for i in $(seq 1 24); do mkdir $d && cd $d || break; done; true")
        .status()
        .unwrap();
    assert!(status.success());
    let out = tempfile::tempdir().unwrap();
    let o = batch(r, out.path(), "2026", "2026-12-01");
    assert_eq!(o.status.code(), Some(1), "an unreadable folder fails the batch: {}", stderr(&o));
    let s = summary(out.path());
    let st = statuses(&s);
    let of = |p: &str| st.iter().find(|(x, _)| x == p).map(|(_, s)| s.as_str());
    assert_eq!(of("inventory-only"), Some("incomplete"));
    assert_eq!(of("other-rubric"), Some("invalid"));
    assert_eq!(of("moh"), Some("ok"));
    assert_eq!(of("moh-upper"), Some("ok"), "a look-alike id is warned about, not merged");
    let long = st.iter().find(|(p, _)| p.starts_with("ddd")).unwrap();
    assert_eq!(long.1, "invalid", "a folder that could not be read is a row");
    let rows = s["rows"].as_array().unwrap();
    let other = rows.iter().find(|r| r["path"] == "other-rubric").unwrap();
    assert!(
        other["error"]
            .as_str()
            .unwrap()
            .contains("the questionnaire answers `vn-dgmm` but is assessed against `rounds@1`"),
        "{other}"
    );
    let long_row = rows.iter().find(|r| r["path"] == long.0.as_str()).unwrap();
    assert!(long_row["error"].as_str().unwrap().contains("could not be read"), "{long_row}");
    let err = stderr(&o);
    assert!(
        err.contains("agency ids MOH (moh-upper) and moh (moh) differ only by case"),
        "{err}"
    );
    assert!(err.contains("incomplete: inventory-only: no questionnaire"), "{err}");
}

#[test]
fn progress_reports_targets_transitions_regressions_and_stuck_agencies() {
    let (r1, r2) = rounds();
    let (o1, o2) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert_eq!(batch(r1.path(), o1.path(), "2025", "2025-12-01").status.code(), Some(0));
    assert_eq!(batch(r2.path(), o2.path(), "2026", "2026-12-01").status.code(), Some(0));
    // Given newest first: ordered by the rounds' dates.
    let o = dgmat()
        .args(["progress", "-f", "json"])
        .arg(o2.path())
        .arg(o1.path())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["dgmat_progress"], 1);
    let rounds: Vec<Value> = p["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| json!([r["round"], r["date"], r["submissions"], r["assessed"]]))
        .collect();
    assert_eq!(rounds, [json!(["2025", "2025-12-01", 5, 5]), json!(["2026", "2026-12-01", 9, 9])]);
    let t3 = &p["targets"][0];
    assert_eq!(t3["id"], "t3");
    assert_eq!(t3["due"], "2027-12-31");
    assert_eq!(t3["required_share"], 1.0);
    assert_eq!(t3["shares"], json!([0.4, 0.5]));
    // +10 points in 365 days; 395 days more to the due date: 0.5 + 0.1 × 395/365.
    assert_eq!(t3["projected_share"], 0.6082);
    assert_eq!(t3["on_track"], false);
    let t4 = &p["targets"][1];
    assert_eq!(
        (t4["shares"].clone(), t4["projected_share"].clone()),
        (json!([0.2, 0.0]), json!(0.0))
    );
    assert_eq!(p["transitions"]["from"], "2025");
    assert_eq!(p["transitions"]["to"], "2026");
    assert_eq!(
        p["transitions"]["matrix"],
        json!([[1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 1, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 0]])
    );
    assert_eq!(
        (p["transitions"]["new"].clone(), p["transitions"]["missing"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(
        p["regressed"],
        json!([{"agency": "ag3", "name": "Agency ag3", "from": 4, "to": 2, "dimensions": ["B"]}])
    );
    assert_eq!(p["stuck"], json!([{"agency": "ag4", "name": "Agency ag4", "levels": [1, 1]}]));
    assert_eq!(p["dimensions"][0]["id"], "A");
    assert_eq!(p["dimensions"][0]["shares"][1]["3"], 0.6667);

    for (format, needle) in [
        ("table", "ag3 (Agency ag3): 4 → 2 [B]"),
        ("markdown", "| t3 | 3 | 2027-12-31 | 100.0% | 40.0% | 50.0% | 60.8% | off track |"),
        ("html", "<polyline class=\"share-line\""),
    ] {
        let o = dgmat()
            .args(["progress", "-f", format])
            .arg(o1.path())
            .arg(o2.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains(needle), "{format}: {}", stdout(&o));
    }
}

#[test]
fn progress_needs_two_batch_results() {
    let out = tempfile::tempdir().unwrap();
    let o = dgmat().args(["progress"]).arg(out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "one round is a usage error");
    let o = dgmat().args(["progress"]).arg(out.path()).arg(out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("summary.json: no such file"), "{}", stderr(&o));
    std::fs::write(out.path().join("summary.json"), "{\"dgmat_batch\": 1}").unwrap();
    let o = dgmat().args(["progress"]).arg(out.path()).arg(out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a batch summary"), "{}", stderr(&o));
}

/// The shipped rubric end to end: two rounds half a year apart of the three vn-dgmm examples,
/// from the folders and from a database, say whether `dgp-2027` is on track.
#[test]
fn progress_on_the_shipped_rubric_says_whether_dgp_2027_is_on_track() {
    let root = tempfile::tempdir().unwrap();
    for ex in ["ministry", "province", "commune"] {
        std::fs::create_dir_all(root.path().join(ex)).unwrap();
        for f in ["questionnaire.yaml", "inventory.yaml"] {
            let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(ex).join(f);
            std::fs::copy(example, root.path().join(ex).join(f)).unwrap();
        }
    }
    let (o1, o2, db) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let db = db.path().join("rounds.sqlite");
    for (out, round, as_of) in [(&o1, "2026-H2", "2026-12-01"), (&o2, "2027-H1", "2027-06-01")] {
        let o = dgmat()
            .args(["batch", "--round", round, "--as-of", as_of, "--db"])
            .arg(&db)
            .arg("--out")
            .arg(out.path())
            .arg(root.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let from_folders = dgmat()
        .args(["progress", "-f", "json"])
        .arg(o1.path())
        .arg(o2.path())
        .output()
        .unwrap();
    let from_db = dgmat().args(["progress", "-f", "json", "--db"]).arg(&db).output().unwrap();
    for o in [&from_folders, &from_db] {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        let p: Value = serde_json::from_slice(&o.stdout).unwrap();
        let t = p["targets"].as_array().unwrap().iter().find(|t| t["id"] == "dgp-2027").unwrap();
        assert_eq!(t["due"], "2027-12-31");
        assert_eq!(t["required_share"], 1.0);
        // Commune at 4 and province at 3 reach it, the ministry at 2 does not: 2 of 3, both rounds.
        let shares: Vec<f64> = t["shares"].as_array().unwrap().iter().map(|s| s.as_f64().unwrap()).collect();
        assert_eq!(shares.len(), 2);
        assert!(shares.iter().all(|s| (s - 2.0 / 3.0).abs() < 0.001), "{shares:?}");
        assert_eq!(t["on_track"], false, "{t:#}");
        // Nobody moved: the transitions are the diagonal of the three levels.
        let matrix = &p["transitions"]["matrix"];
        assert_eq!(
            (matrix[1][1].clone(), matrix[2][2].clone(), matrix[3][3].clone()),
            (json!(1), json!(1), json!(1)),
            "{matrix}"
        );
        assert_eq!(p["stuck"].as_array().unwrap().len(), 1, "{p:#}");
    }
}

/// An agency's real, dated questionnaire counts over a copy with only its inventory (whose date
/// would be the round's) and over a copy that cannot be read: the agency counts once.
#[test]
fn a_questionnaire_beats_an_inventory_alone_and_an_unreadable_copy() {
    let root = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ministry");
    for (dir, files) in [
        ("ministry", &["questionnaire.yaml", "inventory.yaml"][..]),
        ("z-inventory-only", &["inventory.yaml"][..]),
    ] {
        std::fs::create_dir_all(root.path().join(dir)).unwrap();
        for f in files {
            std::fs::copy(example.join(f), root.path().join(dir).join(f)).unwrap();
        }
    }
    // A copy whose questionnaire names the agency but has an answer no criterion accepts.
    let text = std::fs::read_to_string(example.join("questionnaire.yaml")).unwrap();
    let broken = text.replacen("CAT-2.1: yes", "CAT-2.1: maybe", 1);
    assert!(broken != text, "the example changed: pick another answer to break");
    std::fs::create_dir_all(root.path().join("a-broken")).unwrap();
    std::fs::write(root.path().join("a-broken/questionnaire.yaml"), broken).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args(["batch", "--as-of", "2026-12-01", "--out"])
        .arg(out.path())
        .arg(root.path())
        .output()
        .unwrap();
    let s = summary(out.path());
    assert_eq!(
        statuses(&s),
        [
            ("a-broken".to_string(), "superseded".to_string()),
            ("ministry".to_string(), "ok".to_string()),
            ("z-inventory-only".to_string(), "superseded".to_string()),
        ],
        "{}",
        stderr(&o)
    );
    assert_eq!(s["totals"]["counted"], 1, "{s:#}");
    // The inventory alone has no date of its own to claim.
    let rows = s["rows"].as_array().unwrap();
    assert!(rows[2]["assessed_on"].is_null(), "{:#}", rows[2]);
}

/// A rubric whose `max_age_days` reaches before the calendar starts makes nothing stale and
/// does not stop the batch.
#[test]
fn an_enormous_max_age_makes_nothing_stale() {
    let dir = tempfile::tempdir().unwrap();
    let rubric = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(RUBRIC))
        .unwrap()
        .replace("max_age_days: 365", "max_age_days: 4000000000");
    let rubric_path = dir.path().join("rubric.yaml");
    std::fs::write(&rubric_path, rubric).unwrap();
    let root = dir.path().join("root");
    agency(&root, "ag1", "ag1", "2020-01-01", 3, 3);
    let out = dir.path().join("out");
    let o = dgmat()
        .args(["batch", "--as-of", "2026-12-01", "--rubric"])
        .arg(&rubric_path)
        .arg("--out")
        .arg(&out)
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(statuses(&summary(&out)), [("ag1".to_string(), "ok".to_string())]);
}

/// Two submissions of `mont` and an agency whose id is `mont-2`: three report files, each
/// holding its own row's agency.
#[test]
fn report_files_never_overwrite_each_other() {
    let root = tempfile::tempdir().unwrap();
    agency(root.path(), "a-mont", "mont", "2026-01-01", 2, 2);
    agency(root.path(), "b-mont", "mont", "2026-06-01", 3, 3);
    agency(root.path(), "c-other", "mont-2", "2026-06-01", 4, 4);
    let out = tempfile::tempdir().unwrap();
    let o = batch(root.path(), out.path(), "2026", "2026-12-01");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = summary(out.path());
    let mut reports = std::collections::BTreeSet::new();
    for row in s["rows"].as_array().unwrap() {
        let report = row["report"].as_str().unwrap();
        assert!(reports.insert(report.to_string()), "{report} is used twice");
        let json: Value = serde_json::from_str(&std::fs::read_to_string(out.path().join(report)).unwrap()).unwrap();
        assert_eq!(json["agency"]["id"], row["agency_id"], "{report} holds another agency");
        assert_eq!(json["assessed_on"], row["assessed_on"], "{report} holds another submission");
    }
    assert!(
        reports.contains("agencies/mont-2.json") && reports.contains("agencies/mont.json"),
        "{reports:?}"
    );
}

/// One round given twice would be compared with itself: refused, naming both places.
#[test]
fn a_round_given_twice_is_refused() {
    let (r1, _r2) = rounds();
    let out = tempfile::tempdir().unwrap();
    assert_eq!(batch(r1.path(), out.path(), "2025", "2025-12-01").status.code(), Some(0));
    let o = dgmat().args(["progress"]).arg(out.path()).arg(out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("round `2025` of 2025-12-01 is given twice"), "{}", stderr(&o));
}

/// Rounds assessed against different versions of a rubric are compared with a warning that
/// names both, in JSON as data.
#[test]
fn rounds_of_different_rubric_versions_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let v2 = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(RUBRIC))
        .unwrap()
        .replace("version: \"1\"", "version: \"2\"");
    let v2_path = dir.path().join("rubric-v2.yaml");
    std::fs::write(&v2_path, v2).unwrap();
    let root = dir.path().join("root");
    agency(&root, "ag1", "ag1", "2026-06-01", 3, 3);
    let (o1, o2) = (dir.path().join("o1"), dir.path().join("o2"));
    assert_eq!(batch(&root, &o1, "2026", "2026-12-01").status.code(), Some(0));
    let o = dgmat()
        .args(["batch", "--round", "2027", "--as-of", "2027-03-01", "--rubric"])
        .arg(&v2_path)
        .arg("--out")
        .arg(&o2)
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = dgmat().args(["progress", "-f", "json"]).arg(&o1).arg(&o2).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(p["warnings"][0]["rubric"], "rounds@1", "{p:#}");
    assert_eq!(p["warnings"][0]["last"], "rounds@2", "{p:#}");
    assert!(
        stderr(&o).contains("was assessed against rounds@1, the last round against rounds@2"),
        "{}",
        stderr(&o)
    );
}
