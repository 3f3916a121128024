//! The database of rounds: `dgmat batch --db FILE` appends a round in one transaction,
//! `--replace-round` replaces one, a file that is not a dgmat database is refused, `dgmat
//! progress --db FILE` reports as from the batch folders, and the README's queries run. Every
//! date is pinned with `--as-of`.

use std::path::Path;

use rusqlite::Connection;
use serde_json::Value;

use super::progress::{RUBRIC, agency, rounds};
use super::{dgmat, stderr, stdout};

/// Runs a batch of `root` into `out` as round `name` dated `as_of`, appending it to `db`.
fn batch_db(root: &Path, out: &Path, db: &Path, name: &str, as_of: &str, extra: &[&str]) -> std::process::Output {
    dgmat()
        .args(["batch", "--rubric", RUBRIC, "--round", name, "--as-of", as_of, "--out"])
        .arg(out)
        .arg("--db")
        .arg(db)
        .args(extra)
        .arg(root)
        .output()
        .unwrap()
}

/// The number of rows of each table, in a fixed order.
fn counts(db: &Path) -> Vec<(&'static str, i64)> {
    let conn = Connection::open(db).unwrap();
    [
        "rounds",
        "round_dimensions",
        "round_targets",
        "round_shares",
        "submissions",
        "dimension_results",
        "criterion_results",
        "gaps",
        "gap_records",
        "findings",
    ]
    .into_iter()
    .map(|t| (t, conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap()))
    .collect()
}

fn count(db: &Path, table: &str) -> i64 {
    counts(db).into_iter().find(|(t, _)| *t == table).unwrap().1
}

/// The sum over the agency reports below `out` of `f(report)`.
fn over_reports(out: &Path, f: impl Fn(&Value) -> usize) -> usize {
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    summary["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["report"].as_str())
        .map(|rel| f(&serde_json::from_str(&std::fs::read_to_string(out.join(rel)).unwrap()).unwrap()))
        .sum()
}

fn gaps_of(r: &Value) -> usize {
    r["gaps"].as_array().unwrap().len()
}

/// Two generated rounds written to folders and to one database.
struct Written {
    _trees: (tempfile::TempDir, tempfile::TempDir),
    dir: tempfile::TempDir,
}

impl Written {
    fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("rounds.db")
    }
    fn out(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }
}

fn two_rounds() -> Written {
    let (r1, r2) = rounds();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    let o = batch_db(r1.path(), &dir.path().join("out-2025"), &db, "2025", "2025-12-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("appended round 2025 (5 submissions) in "), "{}", stderr(&o));
    let o = batch_db(r2.path(), &dir.path().join("out-2026"), &db, "2026", "2026-12-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    Written { _trees: (r1, r2), dir }
}

#[test]
fn a_database_holds_every_row_of_two_rounds() {
    let w = two_rounds();
    let db = w.db();
    assert_eq!(
        counts(&db),
        [
            ("rounds", 2),
            ("round_dimensions", 4),
            ("round_targets", 4),
            // overall (5 levels), 2 dimensions (10) and 1 tier (5), per round
            ("round_shares", 40),
            ("submissions", 14),
            ("dimension_results", 28),
            ("criterion_results", 112),
            // 2025: ag2 2, ag4 3, ag5 2; 2026: ag3 1, ag4 4, ag8-saigon 2
            ("gaps", 14),
            ("gap_records", 0),
            ("findings", 0),
        ]
    );
    let reported = over_reports(&w.out("out-2025"), gaps_of) + over_reports(&w.out("out-2026"), gaps_of);
    assert_eq!(count(&db, "gaps"), reported as i64, "one row per gap of the agency reports");

    let conn = Connection::open(&db).unwrap();
    let statuses: Vec<(String, String, String)> = conn
        .prepare("SELECT r.name, s.path, s.status FROM submissions s JOIN rounds r ON r.id = s.round_id WHERE s.status != 'ok' ORDER BY r.name, s.path")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("2026", "ag7", "stale"),
        ("2026", "ag8-hanoi", "conflict"),
        ("2026", "ag8-saigon", "conflict"),
        ("2026", "archive/ag1-2025", "superseded"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(statuses, expected);
    let (counted, date, sha): (i64, String, String) = conn
        .query_row("SELECT counted, date, rubric_sha256 FROM rounds WHERE name = '2026'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((counted, date.as_str(), sha.len()), (6, "2026-12-01", 64));
    let key: String = conn
        .query_row("SELECT agency_key FROM submissions WHERE path = 'ag8-saigon'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(key, "ag8", "the id as compared: trimmed and NFC-normalised");
}

#[test]
fn gaps_keep_their_records_and_findings_their_places() {
    let dir = tempfile::tempdir().unwrap();
    let (out, db) = (dir.path().join("out"), dir.path().join("x.db"));
    let o = dgmat()
        .args(["batch", "examples/ministry", "--as-of", "2026-12-01", "--out"])
        .arg(&out)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let records = over_reports(&out, |r| {
        r["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["records"].as_array().map_or(0, Vec::len))
            .sum()
    });
    let findings = over_reports(&out, |r| r["findings"].as_array().unwrap().len());
    assert!(records > 0 && findings > 0, "the example has failing records and findings");
    assert_eq!(count(&db, "gap_records"), records as i64);
    assert_eq!(count(&db, "findings"), findings as i64);
    let conn = Connection::open(&db).unwrap();
    let rec: (String, String, i64) = conn
        .query_row(
            "SELECT r.key, r.file, r.line FROM gap_records r JOIN gaps g ON g.id = r.gap_id
             WHERE g.criterion_id = 'SEC-3.1' AND r.key = 'mont-mining'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(rec, ("mont-mining".to_string(), "inventory.yaml".to_string(), 54));
}

/// `dgmat progress -f json` over `args`, with each round's `source` removed.
fn progress_json(args: &[&std::ffi::OsStr]) -> Value {
    let o = dgmat().args(["progress", "-f", "json"]).args(args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut p: Value = serde_json::from_slice(&o.stdout).unwrap();
    for r in p["rounds"].as_array_mut().unwrap() {
        assert!(r["source"].is_string());
        r.as_object_mut().unwrap().remove("source");
    }
    p
}

#[test]
fn progress_from_the_database_is_progress_from_the_folders() {
    let w = two_rounds();
    let (o1, o2, db) = (w.out("out-2025"), w.out("out-2026"), w.db());
    let folders = progress_json(&[o1.as_os_str(), o2.as_os_str()]);
    let database = progress_json(&["--db".as_ref(), db.as_os_str()]);
    assert_eq!(database, folders);
    // The same figures the folders' test pins, so equality is not of two empty reports.
    assert_eq!(database["targets"][0]["shares"], serde_json::json!([0.4, 0.5]));
    assert_eq!(database["regressed"][0]["agency"], "ag3");
    assert_eq!(database["stuck"][0]["agency"], "ag4");
    // A folder holding a round the database holds too would compare the round with itself:
    // refused, naming both places.
    let o = dgmat().args(["progress", "-f", "json", "--db"]).arg(&db).arg(&o1).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("is given twice") && stderr(&o).contains("rounds.db#2025"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_round_name_twice_is_refused_unless_replaced() {
    let w = two_rounds();
    let db = w.db();
    let before = counts(&db);
    let bytes = std::fs::read(&db).unwrap();
    let tree = tempfile::tempdir().unwrap();
    agency(tree.path(), "ag1", "ag1", "2026-11-25", 5, 5);
    agency(tree.path(), "ag9", "ag9", "2026-11-25", 2, 2);
    let out = w.out("again");
    let o = batch_db(tree.path(), &out, &db, "2026", "2026-12-01", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "round `2026` is already in the database; nothing was written (give another --round, or --replace-round to replace it)"
        ),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the database is untouched");
    assert!(!out.join("summary.json").exists(), "nothing assessed either");

    let o = batch_db(tree.path(), &out, &db, "2026", "2026-12-01", &["--replace-round"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("replaced round 2026 (2 submissions)"), "{}", stderr(&o));
    assert_eq!(count(&db, "rounds"), 2);
    assert_eq!(count(&db, "submissions"), 5 + 2);
    assert_eq!(count(&db, "criterion_results"), (5 + 2) * 8);
    assert_ne!(counts(&db), before);
    let conn = Connection::open(&db).unwrap();
    let paths: Vec<String> = conn
        .prepare("SELECT s.path FROM submissions s JOIN rounds r ON r.id = s.round_id WHERE r.name = '2026' ORDER BY s.path")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(paths, ["ag1", "ag9"], "the replaced round's rows are gone");
    let orphans: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM criterion_results WHERE submission_id NOT IN (SELECT id FROM submissions))
                  + (SELECT count(*) FROM gaps WHERE submission_id NOT IN (SELECT id FROM submissions))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

#[test]
fn a_failure_while_writing_leaves_the_database_as_it_was() {
    let w = two_rounds();
    let db = w.db();
    let before = counts(&db);
    let tree = tempfile::tempdir().unwrap();
    agency(tree.path(), "ag1", "ag1", "2027-11-25", 4, 4);
    let o = dgmat()
        .args(["batch", "--rubric", RUBRIC, "--round", "2027", "--as-of", "2027-12-01", "--out"])
        .arg(w.out("out-2027"))
        .arg("--db")
        .arg(&db)
        .arg(tree.path())
        .env("DGMAT_FAULT_INJECT", "db-commit:2027")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(counts(&db), before, "the round's transaction was rolled back");
}

#[test]
fn a_file_that_is_not_a_dgmat_database_is_refused() {
    let (_r1, r2) = rounds();
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "this is not a database, it is a text file of a few words\n".repeat(40)).unwrap();
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE budget (year INTEGER, amount REAL); INSERT INTO budget VALUES (2026, 1.5);")
        .unwrap();
    // A dgmat database whose header was overwritten.
    let corrupt = dir.path().join("corrupt.db");
    let o = batch_db(r2.path(), &dir.path().join("o"), &corrupt, "2026", "2026-12-01", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut bytes = std::fs::read(&corrupt).unwrap();
    bytes[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&corrupt, &bytes).unwrap();

    for (file, says) in [
        (&text, "not a dgmat database (file is not a database)"),
        (&corrupt, "not a dgmat database (file is not a database)"),
        (&other, "an SQLite database, but not one dgmat wrote"),
    ] {
        let before = std::fs::read(file).unwrap();
        let out = dir.path().join("out");
        let o = batch_db(r2.path(), &out, file, "2026", "2026-12-01", &[]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{}: {err}", file.display());
        assert!(err.contains(&format!("error: {}: {says}", file.display())), "{err}");
        assert!(!err.contains("internal error") && !err.contains("panicked"), "{err}");
        assert_eq!(std::fs::read(file).unwrap(), before, "{} is untouched", file.display());
        assert!(!out.join("summary.json").exists());
        let o = dgmat().args(["progress", "--db"]).arg(file).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(says), "{}", stderr(&o));
    }
    let o = dgmat()
        .args(["progress", "--db"])
        .arg(dir.path().join("missing.db"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such database file"), "{}", stderr(&o));
}

/// The SQL of the README's query named `name` (a ```sql block after `<!-- db-query: name -->`).
fn readme_query(name: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let marker = format!("<!-- db-query: {name} -->");
    let at = readme.find(&marker).unwrap_or_else(|| panic!("the README has no query {name}"));
    let rest = &readme[at + marker.len()..];
    let start = rest.find("```sql\n").unwrap() + 7;
    let end = rest[start..].find("```").unwrap();
    rest[start..start + end].to_string()
}

/// Runs `sql` and returns every row as text cells.
fn run(db: &Path, sql: &str) -> Vec<Vec<String>> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{e}\n{sql}"));
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                Ok(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => "NULL".to_string(),
                    rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                    rusqlite::types::ValueRef::Real(x) => x.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    rusqlite::types::ValueRef::Blob(_) => "BLOB".to_string(),
                })
            })
            .collect()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn rows(expected: &[&[&str]]) -> Vec<Vec<String>> {
    expected.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

#[test]
fn the_readme_queries_answer_over_two_rounds() {
    let w = two_rounds();
    let db = w.db();
    // ag1 (3, 3) and ag2 (2, 2 then 3, 3) miss steps 4 and 5 in both rounds; ag3 (4, 4 then 4, 2)
    // misses step 5; ag4 (1, 2 then 1, 1) misses every step of A and steps 3-5 of B. ag8 is in
    // conflict in 2026 and not counted.
    let failing = run(&db, &readme_query("failing-twice"));
    let mut expected: Vec<Vec<String>> = Vec::new();
    for (agency, criteria) in [
        ("ag1", &["A-4", "A-5", "B-4", "B-5"][..]),
        ("ag2", &["A-4", "A-5", "B-4", "B-5"]),
        ("ag3", &["A-5", "B-5"]),
        ("ag4", &["A-2", "A-3", "A-4", "A-5", "B-3", "B-4", "B-5"]),
    ] {
        for c in criteria {
            expected.push(["2025", "2026", agency, c, "not_met"].map(String::from).to_vec());
        }
    }
    assert_eq!(failing, expected);

    let tiers = run(&db, &readme_query("tier-shares"));
    assert_eq!(
        tiers,
        rows(&[
            &["2025", "2025-12-01", "province", "5", "0.4"],
            &["2026", "2026-12-01", "province", "6", "0.5"]
        ])
    );

    let gaps = run(&db, &readme_query("most-gaps"));
    assert_eq!(
        gaps,
        rows(&[
            &["B-3", "Step 3", "2"],
            &["A-2", "Step 2", "1"],
            &["A-3", "Step 3", "1"],
            &["B-2", "Step 2", "1"]
        ])
    );
}
