//! Appends a batch round to the database, in one transaction.

use std::path::Path;

use anyhow::Context as _;
use rusqlite::{Transaction, params};
use serde::Deserialize;

use super::{Db, SCHEMA, SCHEMA_VERSION, UPGRADE_FROM_1, round_exists};
use crate::assess::agency_id::agency_key;
use crate::assess::portfolio::{Kpis, Row};
use crate::assess::round::Round;
use crate::model::rubric::LoadedRubric;

/// What a batch round writes to the database.
pub struct RoundRecord<'a> {
    /// The rubric the round was assessed against.
    pub rubric: &'a LoadedRubric,
    /// The round's name, date and age limit.
    pub round: &'a Round,
    /// Its indicators.
    pub kpis: &'a Kpis,
    /// Its rows, in path order.
    pub rows: &'a [Row],
    /// The batch's output directory, which each row's `report` is relative to.
    pub out: &'a Path,
}

/// The parts of an agency's JSON report the database keeps.
#[derive(Deserialize)]
struct Report {
    dimensions: Vec<Dimension>,
    #[serde(default)]
    gaps: Vec<Gap>,
    #[serde(default)]
    findings: Vec<Finding>,
}

#[derive(Deserialize)]
struct Dimension {
    id: String,
    index: f64,
    criteria: Vec<Criterion>,
}

#[derive(Deserialize)]
struct Criterion {
    id: String,
    level: Option<u8>,
    kind: String,
    status: String,
    credit: f64,
    answered_level: Option<u8>,
    points: Option<f64>,
    max_points: Option<f64>,
    selected: Option<i64>,
    passing: Option<i64>,
    detail: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct Gap {
    dimension: String,
    criterion: String,
    level: Option<u8>,
    status: String,
    title: String,
    action: String,
    detail: Option<String>,
    #[serde(default)]
    records: Vec<Record>,
}

#[derive(Deserialize)]
struct Record {
    collection: String,
    key: String,
    file: String,
    line: u32,
}

#[derive(Deserialize)]
struct Finding {
    id: String,
    severity: String,
    message: String,
    file: Option<String>,
    line: Option<u32>,
    column: Option<u32>,
    help: Option<String>,
}

/// What an append did.
pub struct Appended {
    /// Whether a round of the same name was replaced.
    pub replaced: bool,
    /// Submissions written.
    pub submissions: usize,
}

/// Appends the round `rec` to `db` in one transaction: refused when a round of that name is
/// there, unless `replace` (then that round and everything of it is deleted first). On any
/// failure the transaction is rolled back and the database is as it was.
pub fn append(db: &mut Db, rec: &RoundRecord<'_>, replace: bool) -> anyhow::Result<Appended> {
    let name = db.name.clone();
    let tx = db
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .with_context(|| format!("{name}: cannot start writing"))?;
    let fresh: i64 = tx.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))?;
    if fresh == 0 {
        tx.execute_batch(SCHEMA)?;
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('dgmat_db', ?1)",
            [SCHEMA_VERSION.to_string()],
        )?;
    } else {
        upgrade(&tx)?;
    }
    let existing: Option<i64> =
        rusqlite::OptionalExtension::optional(tx.query_row("SELECT id FROM rounds WHERE name = ?1", [&rec.round.name], |r| r.get(0)))?;
    if let Some(id) = existing {
        if !replace {
            return Err(round_exists(&name, &rec.round.name));
        }
        tx.execute("DELETE FROM rounds WHERE id = ?1", [id])?;
    }
    let round_id = insert_round(&tx, rec)?;
    for row in rec.rows {
        insert_submission(&tx, rec, round_id, row).with_context(|| format!("{name}: cannot store submission {}", row.path))?;
    }
    crate::fault::check(format_args!("db-commit:{}", rec.round.name));
    tx.commit().with_context(|| format!("{name}: cannot commit the round"))?;
    Ok(Appended {
        replaced: existing.is_some(),
        submissions: rec.rows.len(),
    })
}

/// Brings the tables of an older version up to [`SCHEMA_VERSION`], inside the round's
/// transaction: if the round fails, the file keeps its version and its tables.
fn upgrade(tx: &Transaction<'_>) -> anyhow::Result<()> {
    let version: String = tx.query_row("SELECT value FROM meta WHERE key = 'dgmat_db'", [], |r| r.get(0))?;
    if version == "1" {
        tx.execute_batch(UPGRADE_FROM_1)?;
        tx.execute("UPDATE meta SET value = ?1 WHERE key = 'dgmat_db'", [SCHEMA_VERSION.to_string()])?;
    }
    Ok(())
}

/// The round's own rows: `rounds`, `round_dimensions`, `round_targets`, `round_shares`.
fn insert_round(tx: &Transaction<'_>, rec: &RoundRecord<'_>) -> anyhow::Result<i64> {
    let r = &rec.rubric.rubric;
    let t = &rec.kpis.totals;
    tx.execute(
        "INSERT INTO rounds (name, date, rubric_id, rubric_version, rubric_sha256, max_age_days, submissions, assessed,
           counted, invalid, incomplete, superseded, conflict, stale, dgmat_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            rec.round.name,
            rec.round.date.to_string(),
            r.id.value,
            r.version,
            rec.rubric.sha256,
            rec.round.max_age_days,
            int(t.submissions),
            int(t.assessed),
            int(t.counted),
            int(t.invalid),
            int(t.incomplete),
            int(t.superseded),
            int(t.conflict),
            int(t.stale),
            env!("CARGO_PKG_VERSION"),
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (i, d) in r.dimensions.iter().enumerate() {
        tx.execute(
            "INSERT INTO round_dimensions (round_id, position, dimension_id) VALUES (?1, ?2, ?3)",
            params![id, int(i), d.id.value],
        )?;
    }
    for (i, t) in rec.kpis.targets.iter().enumerate() {
        tx.execute(
            "INSERT INTO round_targets (round_id, position, target_id, level, due, required_share, met_count, share)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, int(i), t.id, t.level, t.due, t.required_share, int(t.met_count), t.share],
        )?;
    }
    let a = &rec.kpis.at_or_above;
    let mut shares =
        tx.prepare("INSERT INTO round_shares (round_id, scope, key, level, share, agencies) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (level, share) in &a.overall {
        shares.execute(params![id, "overall", "", level, share, int(t.counted)])?;
    }
    for (dim, s) in &a.dimensions {
        for (level, share) in s {
            shares.execute(params![id, "dimension", dim, level, share, int(t.counted)])?;
        }
    }
    for (tier, k) in &a.tiers {
        for (level, share) in &k.at_or_above {
            shares.execute(params![id, "tier", tier, level, share, int(k.submissions)])?;
        }
    }
    Ok(id)
}

/// One submission with its dimension and criterion results, gaps and findings.
fn insert_submission(tx: &Transaction<'_>, rec: &RoundRecord<'_>, round_id: i64, row: &Row) -> anyhow::Result<()> {
    tx.prepare_cached(
        "INSERT INTO submissions (round_id, path, agency_id, agency_key, agency_name, tier, status, counts, level,
           overall_index, target_met, errors, warnings, assessed_on, report, error, note, verified_level, overclaim,
           verified_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    )?
    .execute(params![
        round_id,
        row.path,
        row.agency_id,
        row.agency_id.as_deref().map(agency_key),
        row.agency_name,
        row.tier.map(|t| format!("{t:?}").to_lowercase()),
        row.status.name(),
        row.status.counts(),
        row.level,
        row.index,
        row.target_met,
        int(row.errors),
        int(row.warnings),
        row.assessed_on,
        row.report,
        row.error,
        row.note,
        row.verified_level,
        row.overclaim,
        row.verified_by,
    ])?;
    let sid = tx.last_insert_rowid();
    let report = match &row.report {
        Some(rel) => {
            let file = rec.out.join(rel);
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            Some(serde_json::from_str::<Report>(&text).with_context(|| format!("{}: not an agency report", file.display()))?)
        }
        None => None,
    };
    let dims = &rec.rubric.rubric.dimensions;
    let verified = row.verification.as_ref().map(|v| v.dimensions.as_slice()).unwrap_or_default();
    for (i, (d, level)) in dims.iter().zip(&row.dimensions).enumerate() {
        let Some(level) = level else { continue };
        let index = report
            .as_ref()
            .and_then(|r| r.dimensions.iter().find(|x| x.id == d.id.value))
            .map(|x| x.index);
        tx.prepare_cached(
            "INSERT INTO dimension_results (submission_id, position, dimension_id, level, dimension_index, verified_level)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![sid, int(i), d.id.value, level, index, verified.get(i)])?;
    }
    let Some(report) = report else { return Ok(()) };
    for d in &report.dimensions {
        for c in &d.criteria {
            tx.prepare_cached(
                "INSERT INTO criterion_results (submission_id, dimension_id, criterion_id, level, kind, status, credit,
                   answered_level, points, max_points, selected, passing, detail, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                sid,
                d.id,
                c.id,
                c.level,
                c.kind,
                c.status,
                c.credit,
                c.answered_level,
                c.points,
                c.max_points,
                c.selected,
                c.passing,
                c.detail,
                c.note
            ])?;
        }
    }
    for (i, g) in report.gaps.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO gaps (submission_id, position, dimension_id, criterion_id, level, status, title, action, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            sid,
            int(i),
            g.dimension,
            g.criterion,
            g.level,
            g.status,
            g.title,
            g.action,
            g.detail
        ])?;
        let gid = tx.last_insert_rowid();
        for (j, r) in g.records.iter().enumerate() {
            tx.prepare_cached("INSERT INTO gap_records (gap_id, position, collection, key, file, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
                .execute(params![gid, int(j), r.collection, r.key, r.file, r.line])?;
        }
    }
    for (i, f) in report.findings.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO findings (submission_id, position, rule, severity, message, file, line, column, help)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![sid, int(i), f.id, f.severity, f.message, f.file, f.line, f.column, f.help])?;
    }
    Ok(())
}

/// A count or position as SQLite stores it.
fn int(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}
