//! A database of batch rounds (`dgmat batch --db FILE`, `dgmat progress --db FILE`): one SQLite
//! file (bundled SQLite, nothing to install) that analysts query with any SQLite client. May
//! import: `assess`, `model` and the bottom modules; never `batch`, `report`, `load` or
//! `commands` (it reads the agency reports a batch wrote as plain JSON).
//!
//! Guarantees: a round is written in one transaction, so a failure leaves the database as it
//! was; a round name already in the database is refused unless it is to be replaced; a file that
//! is not a dgmat database (another SQLite database, a corrupt or non-SQLite file) is a clear
//! error, never a panic and never modified. The tables are documented in the README (*A
//! database of rounds*) and created by [`SCHEMA`].

mod read;
mod write;

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::failure::Failure;

pub use read::rounds;
pub use write::{RoundRecord, append};

/// The version of the tables, kept in `meta` under `dgmat_db`. Version 2 added the inspectors'
/// verification (`UPGRADE_FROM_1`); a version-1 file is read as is and upgraded in place by
/// the next round written to it.
pub const SCHEMA_VERSION: i64 = 2;

/// The oldest version this dgmat reads (and upgrades when it writes a round).
const OLDEST_VERSION: i64 = 1;

/// Upgrades the tables of version 1 to version 2, in the transaction of the round written next:
/// the verification columns, NULL in every row already there.
const UPGRADE_FROM_1: &str = "
ALTER TABLE submissions ADD COLUMN verified_level INTEGER;
ALTER TABLE submissions ADD COLUMN overclaim INTEGER;
ALTER TABLE submissions ADD COLUMN verified_by TEXT;
ALTER TABLE dimension_results ADD COLUMN verified_level INTEGER;
";

/// The tables of a dgmat database (the README documents each column).
pub const SCHEMA: &str = "
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE rounds (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE,
  date           TEXT NOT NULL,
  rubric_id      TEXT NOT NULL,
  rubric_version TEXT NOT NULL,
  rubric_sha256  TEXT NOT NULL,
  max_age_days   INTEGER,
  submissions    INTEGER NOT NULL,
  assessed       INTEGER NOT NULL,
  counted        INTEGER NOT NULL,
  invalid        INTEGER NOT NULL,
  incomplete     INTEGER NOT NULL,
  superseded     INTEGER NOT NULL,
  conflict       INTEGER NOT NULL,
  stale          INTEGER NOT NULL,
  dgmat_version  TEXT NOT NULL
);
CREATE TABLE round_dimensions (
  round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  dimension_id TEXT NOT NULL,
  PRIMARY KEY (round_id, position)
);
CREATE TABLE round_targets (
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  target_id      TEXT NOT NULL,
  level          INTEGER NOT NULL,
  due            TEXT,
  required_share REAL NOT NULL,
  met_count      INTEGER NOT NULL,
  share          REAL NOT NULL,
  PRIMARY KEY (round_id, target_id)
);
CREATE TABLE round_shares (
  round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  scope    TEXT NOT NULL CHECK (scope IN ('overall', 'dimension', 'tier')),
  key      TEXT NOT NULL,
  level    INTEGER NOT NULL,
  share    REAL NOT NULL,
  agencies INTEGER NOT NULL,
  PRIMARY KEY (round_id, scope, key, level)
);
CREATE TABLE submissions (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  path         TEXT NOT NULL,
  agency_id    TEXT,
  agency_key   TEXT,
  agency_name  TEXT,
  tier         TEXT,
  status       TEXT NOT NULL CHECK (status IN ('ok', 'incomplete', 'invalid', 'superseded', 'conflict', 'stale')),
  counts       INTEGER NOT NULL,
  level        INTEGER,
  overall_index REAL,
  target_met   INTEGER,
  errors       INTEGER NOT NULL,
  warnings     INTEGER NOT NULL,
  assessed_on  TEXT,
  report       TEXT,
  error        TEXT,
  note         TEXT,
  verified_level INTEGER,
  overclaim    INTEGER,
  verified_by  TEXT,
  UNIQUE (round_id, path)
);
CREATE INDEX submissions_agency ON submissions(agency_key, round_id);
CREATE TABLE dimension_results (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  dimension_id  TEXT NOT NULL,
  level         INTEGER NOT NULL,
  dimension_index REAL,
  verified_level INTEGER,
  PRIMARY KEY (submission_id, dimension_id)
);
CREATE TABLE criterion_results (
  submission_id  INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  dimension_id   TEXT NOT NULL,
  criterion_id   TEXT NOT NULL,
  level          INTEGER,
  kind           TEXT NOT NULL,
  status         TEXT NOT NULL,
  credit         REAL NOT NULL,
  answered_level INTEGER,
  points         REAL,
  max_points     REAL,
  selected       INTEGER,
  passing        INTEGER,
  detail         TEXT,
  note           TEXT,
  PRIMARY KEY (submission_id, criterion_id)
);
CREATE INDEX criterion_results_criterion ON criterion_results(criterion_id, status);
CREATE TABLE gaps (
  id            INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  dimension_id  TEXT NOT NULL,
  criterion_id  TEXT NOT NULL,
  level         INTEGER,
  status        TEXT NOT NULL,
  title         TEXT NOT NULL,
  action        TEXT NOT NULL,
  detail        TEXT
);
CREATE INDEX gaps_submission ON gaps(submission_id);
CREATE TABLE gap_records (
  gap_id     INTEGER NOT NULL REFERENCES gaps(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  collection TEXT NOT NULL,
  key        TEXT NOT NULL,
  file       TEXT NOT NULL,
  line       INTEGER NOT NULL,
  PRIMARY KEY (gap_id, position)
);
CREATE TABLE findings (
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  rule          TEXT NOT NULL,
  severity      TEXT NOT NULL,
  message       TEXT NOT NULL,
  file          TEXT,
  line          INTEGER,
  column        INTEGER,
  help          TEXT,
  PRIMARY KEY (submission_id, position)
);
";

/// An open dgmat database.
pub struct Db {
    conn: Connection,
    name: String,
}

/// A usage error about the database `name`.
fn bad(name: &str, what: impl std::fmt::Display) -> anyhow::Error {
    Failure::Usage(format!("{name}: {what}")).into()
}

impl Db {
    /// Opens the database at `path` for appending, creating the file if missing (its tables
    /// are created with the first round). Fails, leaving the file as it was, when it is not a
    /// dgmat database.
    pub fn open_for_append(path: &Path) -> anyhow::Result<Db> {
        let name = path.display().to_string();
        if path.is_dir() {
            return Err(bad(&name, "is a directory; --db takes a database file"));
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
            .map_err(|e| bad(&name, format_args!("cannot open the database: {e}")))?;
        let db = Db { conn, name };
        db.configure()?;
        db.check_version(true)?;
        Ok(db)
    }

    /// Opens the existing database at `path` read-only.
    pub fn open_read_only(path: &Path) -> anyhow::Result<Db> {
        let name = path.display().to_string();
        if !path.is_file() {
            return Err(bad(&name, "no such database file; `dgmat batch --db FILE` writes one"));
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| bad(&name, format_args!("cannot open the database: {e}")))?;
        let db = Db { conn, name };
        db.configure()?;
        db.check_version(false)?;
        Ok(db)
    }

    /// Turns on foreign keys (cascading deletes of a replaced round) and a busy timeout.
    fn configure(&self) -> anyhow::Result<()> {
        self.conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .and_then(|()| self.conn.pragma_update(None, "foreign_keys", "ON"))
            .map_err(|e| self.not_dgmat(&e))
    }

    /// The error for a file SQLite cannot read as a database.
    fn not_dgmat(&self, e: &rusqlite::Error) -> anyhow::Error {
        bad(
            &self.name,
            format_args!("not a dgmat database ({e}); give a new file name, or a database `dgmat batch --db` wrote"),
        )
    }

    /// Checks that the file is empty (when `empty_ok`) or a dgmat database of a version this
    /// dgmat reads (1 up to [`SCHEMA_VERSION`]).
    fn check_version(&self, empty_ok: bool) -> anyhow::Result<()> {
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
            .map_err(|e| self.not_dgmat(&e))?;
        if tables == 0 {
            return if empty_ok {
                Ok(())
            } else {
                Err(bad(&self.name, "the database holds no rounds; `dgmat batch --db FILE` writes them"))
            };
        }
        let has_meta: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.not_dgmat(&e))?;
        let version: Option<String> = if has_meta == 1 {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = 'dgmat_db'", [], |r| r.get(0))
                .optional()
                .map_err(|e| self.not_dgmat(&e))?
        } else {
            None
        };
        match version.as_deref().map(str::parse::<i64>) {
            Some(Ok(v)) if (OLDEST_VERSION..=SCHEMA_VERSION).contains(&v) => Ok(()),
            Some(_) => Err(bad(
                &self.name,
                format_args!(
                    "a dgmat database of version {}, which this dgmat (version {SCHEMA_VERSION}) does not read",
                    version.unwrap_or_default()
                ),
            )),
            None => Err(bad(
                &self.name,
                "an SQLite database, but not one dgmat wrote (no `meta` table naming `dgmat_db`); give a new file name",
            )),
        }
    }

    /// Whether a round of this name is in the database.
    pub fn has_round(&self, name: &str) -> anyhow::Result<bool> {
        if !self.has_tables()? {
            return Ok(false);
        }
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM rounds WHERE name = ?1", [name], |r| r.get(0))
            .map_err(|e| self.not_dgmat(&e))?;
        Ok(n > 0)
    }

    /// Whether the tables exist (a new file has none until its first round).
    fn has_tables(&self) -> anyhow::Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'rounds'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.not_dgmat(&e))?;
        Ok(n > 0)
    }

    /// The file, as named on the command line.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The error for refusing to append a round already in the database.
pub fn round_exists(db: &str, round: &str) -> anyhow::Error {
    bad(
        db,
        format_args!(
            "round `{round}` is already in the database; nothing was written (give another --round, or --replace-round to replace it)"
        ),
    )
}
