//! The database of rounds, version 2: what inspectors verified (`batch --verified`) is stored
//! beside what agencies claimed, and a version-1 file is read as is and upgraded in place, in
//! the transaction of its next round. Every date is pinned with `--as-of`.
//!
//! A version-1 file is built from `tests/fixtures/store/v1.sql`, the tables of version 1 exactly
//! as dgmat created them (the `SCHEMA` text of `src/store/mod.rs` before version 2), filled with
//! a round the current dgmat wrote, copied column by column (the version-1 columns only).

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde_json::Value;

use super::reconcile::{THREE, ministry_inspection};
use super::{dgmat, stderr, vn_examples};

/// The tables of a version-1 database.
const V1: &str = include_str!("../fixtures/store/v1.sql");

/// Runs a batch of `root` as round `name` dated `as_of` into `out`, appending it to `db`, with
/// `extra` arguments and environment `env`.
fn batch(
    root: &Path,
    out: &Path,
    db: &Path,
    name: &str,
    as_of: &str,
    extra: &[&std::ffi::OsStr],
    env: &[(&str, &str)],
) -> std::process::Output {
    dgmat()
        .arg("batch")
        .arg(root)
        .args(["--round", name, "--as-of", as_of, "--out"])
        .arg(out)
        .arg("--db")
        .arg(db)
        .args(extra)
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// An inspector's folder holding one inspection: the ministry with three answers found
/// otherwise (verified level 1 against its claimed 2).
fn inspections() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ministry_inspection(dir.path(), "mont", &THREE);
    dir
}

fn meta_version(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT value FROM meta WHERE key = 'dgmat_db'", [], |r| r.get(0))
        .unwrap()
}

/// Every table but `meta`, in the order they were created.
fn tables(conn: &Connection) -> Vec<String> {
    conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'meta' ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The columns of `table`, each as `name type`.
fn columns(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("SELECT name, type FROM pragma_table_info('{table}') ORDER BY cid"))
        .unwrap()
        .query_map([], |r| Ok(format!("{} {}", r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The rows of every version-1 table of `db` as text, in rowid order, version-1 columns only.
fn v1_rows(db: &Path) -> Vec<(String, Vec<String>)> {
    let v1 = Connection::open_in_memory().unwrap();
    v1.execute_batch(V1).unwrap();
    let conn = Connection::open(db).unwrap();
    tables(&v1)
        .into_iter()
        .map(|t| {
            let cols: Vec<String> = columns(&v1, &t).iter().map(|c| c.split(' ').next().unwrap().to_string()).collect();
            let sql = format!("SELECT quote({}) FROM {t} ORDER BY rowid", cols.join(") || ',' || quote("));
            let rows = conn
                .prepare(&sql)
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t, rows)
        })
        .collect()
}

/// Writes `to`, a version-1 database holding the rounds of the (version-2) database `from`.
fn downgrade(from: &Path, to: &Path) {
    let conn = Connection::open(to).unwrap();
    conn.execute_batch(V1).unwrap();
    conn.execute("INSERT INTO meta (key, value) VALUES ('dgmat_db', '1')", []).unwrap();
    conn.execute("ATTACH DATABASE ?1 AS v2", [from.to_str().unwrap()]).unwrap();
    for t in tables(&conn) {
        let cols: Vec<String> = columns(&conn, &t)
            .iter()
            .map(|c| c.split(' ').next().unwrap().to_string())
            .collect();
        let cols = cols.join(", ");
        conn.execute(
            &format!("INSERT INTO main.{t} ({cols}) SELECT {cols} FROM v2.{t} ORDER BY rowid"),
            [],
        )
        .unwrap();
    }
    conn.execute("DETACH DATABASE v2", []).unwrap();
}

/// A version-1 database `dir/v1.db` holding rounds `2026-a` and `2026-b` of the three examples,
/// not verified (and the version-2 database `dir/v2.db` it was copied from).
fn version_1(root: &Path, dir: &Path) -> PathBuf {
    let (v2, v1) = (dir.join("v2.db"), dir.join("v1.db"));
    for (name, as_of) in [("2026-a", "2026-11-25"), ("2026-b", "2026-11-30")] {
        let o = batch(root, &dir.join(name), &v2, name, as_of, &[], &[]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    downgrade(&v2, &v1);
    let conn = Connection::open(&v1).unwrap();
    assert!(!columns(&conn, "submissions").iter().any(|c| c.starts_with("verified")));
    assert_eq!(meta_version(&v1), "1");
    assert_eq!(v1_rows(&v1), v1_rows(&v2), "the version-1 file holds the round");
    v1
}

/// The rounds `dgmat progress --db` reads from `db`.
fn progress_rounds(db: &Path) -> Vec<String> {
    let o = dgmat().args(["progress", "-f", "json", "--db"]).arg(db).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p: Value = serde_json::from_slice(&o.stdout).unwrap();
    p["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["round"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_database_keeps_what_inspectors_verified() {
    let (root, insp, dir) = (vn_examples(), inspections(), tempfile::tempdir().unwrap());
    let (db, out) = (dir.path().join("rounds.db"), dir.path().join("out"));
    let o = batch(
        root.path(),
        &out,
        &db,
        "2026",
        "2026-12-01",
        &["--verified".as_ref(), insp.path().as_os_str()],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(meta_version(&db), "2");
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(out.join("summary.json")).unwrap()).unwrap();
    let conn = Connection::open(&db).unwrap();
    let mut verified = 0;
    let n = summary["rubric"]["dimensions"].as_array().unwrap().len();
    assert_eq!(n, 11, "the shipped rubric");
    for row in summary["rows"].as_array().unwrap() {
        let path = row["path"].as_str().unwrap();
        let (sid, level, overclaim, by): (i64, Option<i64>, Option<i64>, Option<String>) = conn
            .query_row(
                "SELECT id, verified_level, overclaim, verified_by FROM submissions WHERE path = ?1",
                [path],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(
            (level, overclaim, by.as_deref()),
            (
                row["verified_level"].as_i64(),
                row["overclaim"].as_i64(),
                row["verified_by"].as_str()
            ),
            "{path}"
        );
        let dims: Vec<Option<i64>> = conn
            .prepare("SELECT verified_level FROM dimension_results WHERE submission_id = ?1 ORDER BY position")
            .unwrap()
            .query_map([sid], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(dims.len(), n, "{path}: every dimension");
        if row["agency_id"] == "mont" {
            verified += 1;
            assert_eq!((level, overclaim), (Some(1), Some(1)), "the ministry claimed 2, verified 1");
            assert!(by.as_deref().is_some_and(|b| b.contains("mont")), "{by:?}");
            let expected: Vec<Option<i64>> = row["verification"]["dimensions"]
                .as_array()
                .unwrap()
                .iter()
                .map(Value::as_i64)
                .collect();
            assert_eq!(dims, expected, "the verified dimension levels are summary.json's");
            assert_eq!(dims[0], Some(1), "GOV verified at 1");
        } else {
            assert_eq!((level, overclaim, by), (None, None, None), "{path} was not verified");
            assert_eq!(dims, vec![None; n], "{path} was not verified");
        }
    }
    assert_eq!(verified, 1);
}

#[test]
fn a_version_1_database_is_read_as_is_and_upgraded_by_the_next_round() {
    let (root, insp, dir) = (vn_examples(), inspections(), tempfile::tempdir().unwrap());
    let db = version_1(root.path(), dir.path());
    // Read as is: `progress` opens it read-only and changes nothing.
    let bytes = std::fs::read(&db).unwrap();
    assert_eq!(progress_rounds(&db), ["2026-a", "2026-b"]);
    assert!(std::fs::read(&db).unwrap() == bytes, "progress changed the file");
    let before = v1_rows(&db);

    let verified = ["--verified".as_ref(), insp.path().as_os_str()];
    let o = batch(root.path(), &dir.path().join("out"), &db, "2026", "2026-12-01", &verified, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(meta_version(&db), "2");
    // The upgraded tables are those of a new version-2 file, column for column.
    let (upgraded, fresh) = (Connection::open(&db).unwrap(), Connection::open(dir.path().join("v2.db")).unwrap());
    assert_eq!(tables(&upgraded), tables(&fresh));
    for t in tables(&fresh) {
        assert_eq!(columns(&upgraded, &t), columns(&fresh, &t), "{t}");
    }
    // The first rounds are intact: their rows come first, unchanged, and verified nothing.
    let after = v1_rows(&db);
    for ((t, b), (_, a)) in before.iter().zip(&after) {
        assert!(a.len() > b.len() || b.is_empty(), "{t}: the new round added rows");
        assert_eq!(&a[..b.len()], &b[..], "{t}: the first round's rows");
    }
    let stored = |round: &str| -> (i64, i64) {
        upgraded
            .query_row(
                "SELECT count(*), count(s.verified_level) + count(s.overclaim) + count(s.verified_by)
                        + (SELECT count(d.verified_level) FROM dimension_results d JOIN submissions t ON t.id = d.submission_id
                           JOIN rounds q ON q.id = t.round_id WHERE q.name = ?1)
                 FROM submissions s JOIN rounds r ON r.id = s.round_id WHERE r.name = ?1",
                [round],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    for first in ["2026-a", "2026-b"] {
        assert_eq!(stored(first), (3, 0), "{first}: three rows, nothing verified");
    }
    assert_eq!(
        stored("2026"),
        (3, 3 + 11),
        "the new round: the ministry's three values and 11 dimensions"
    );
    assert_eq!(progress_rounds(&db), ["2026-a", "2026-b", "2026"]);

    // A version newer than this dgmat's is still refused, by both commands.
    upgraded.execute("UPDATE meta SET value = '3' WHERE key = 'dgmat_db'", []).unwrap();
    let says = "a dgmat database of version 3, which this dgmat (version 2) does not read";
    let o = batch(root.path(), &dir.path().join("out-3"), &db, "2027", "2026-12-01", &[], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(says), "{}", stderr(&o));
    let o = dgmat().args(["progress", "--db"]).arg(&db).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(says), "{}", stderr(&o));
}

#[test]
fn a_failed_round_leaves_a_version_1_file_byte_for_byte() {
    let (root, insp, dir) = (vn_examples(), inspections(), tempfile::tempdir().unwrap());
    let db = version_1(root.path(), dir.path());
    let bytes = std::fs::read(&db).unwrap();
    let verified = ["--verified".as_ref(), insp.path().as_os_str()];
    let journal = dir.path().join("v1.db-journal");

    // A round name already there is refused before the transaction begins.
    let o = batch(root.path(), &dir.path().join("out-1"), &db, "2026-a", "2026-12-01", &verified, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("round `2026-a` is already in the database"), "{}", stderr(&o));
    assert!(std::fs::read(&db).unwrap() == bytes, "refused before writing");

    // A failure just before the commit, after the upgrade and the round were written inside
    // the transaction: rolled back, version 1 and its one round as they were.
    let fault = [("DGMAT_FAULT_INJECT", "db-commit:2026")];
    let o = batch(root.path(), &dir.path().join("out-2"), &db, "2026", "2026-12-01", &verified, &fault);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("internal error"), "{}", stderr(&o));
    assert!(!journal.exists(), "no journal left to roll back later");
    assert!(std::fs::read(&db).unwrap() == bytes, "rolled back byte for byte");
    assert_eq!(meta_version(&db), "1");
}
