//! Reads the rounds of a database as `dgmat progress` reads a batch's `summary.json`.

use std::collections::BTreeMap;

use super::Db;
use crate::assess::portfolio::{RowStatus, Shares};
use crate::assess::progress::{AtOrAboveInput, RoundInput, RoundRef, RoundTotals, RowInput, RubricRef, TargetInput};

/// Every round of the database, each with where it came from (`FILE#round`), in the order
/// they were appended.
pub fn rounds(db: &Db) -> anyhow::Result<Vec<(String, RoundInput)>> {
    read_all(db).map_err(|e| db.not_dgmat(&e))
}

/// Each round's figures and rows.
fn read_all(db: &Db) -> rusqlite::Result<Vec<(String, RoundInput)>> {
    let conn = &db.conn;
    let mut stmt =
        conn.prepare("SELECT id, name, date, rubric_id, rubric_version, submissions, assessed, counted FROM rounds ORDER BY id")?;
    let heads = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                RoundTotals {
                    submissions: count(r.get(5)?),
                    assessed: count(r.get(6)?),
                    counted: count(r.get(7)?),
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, name, date, rubric_id, rubric_version, totals) in heads {
        let date = date
            .parse::<chrono::NaiveDate>()
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))?;
        let dimensions: Vec<String> = conn
            .prepare("SELECT dimension_id FROM round_dimensions WHERE round_id = ?1 ORDER BY position")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut shares: BTreeMap<String, Shares> = BTreeMap::new();
        let mut q = conn.prepare("SELECT key, level, share FROM round_shares WHERE round_id = ?1 AND scope = 'dimension'")?;
        for row in q.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u8>(1)?, r.get::<_, f64>(2)?)))? {
            let (key, level, share) = row?;
            shares.entry(key).or_default().insert(level, share);
        }
        let targets: Vec<TargetInput> = conn
            .prepare("SELECT target_id, level, due, required_share, share FROM round_targets WHERE round_id = ?1 ORDER BY position")?
            .query_map([id], |r| {
                Ok(TargetInput {
                    id: r.get(0)?,
                    level: r.get(1)?,
                    due: r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok()),
                    required_share: r.get(3)?,
                    share: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let rows = read_rows(db, id, dimensions.len())?;
        out.push((
            format!("{}#{name}", db.name),
            RoundInput {
                rubric: RubricRef {
                    id: rubric_id,
                    version: rubric_version,
                    dimensions,
                },
                round: RoundRef { name, date },
                totals,
                at_or_above: AtOrAboveInput { dimensions: shares },
                targets,
                rows,
            },
        ));
    }
    Ok(out)
}

/// The submissions of round `id`, in path order, with their dimension levels.
fn read_rows(db: &Db, id: i64, dimensions: usize) -> rusqlite::Result<Vec<RowInput>> {
    let conn = &db.conn;
    let mut levels: BTreeMap<i64, Vec<Option<u8>>> = BTreeMap::new();
    let mut q = conn.prepare(
        "SELECT d.submission_id, d.position, d.level FROM dimension_results d
         JOIN submissions s ON s.id = d.submission_id WHERE s.round_id = ?1",
    )?;
    for row in q.query_map([id], |r| Ok((r.get::<_, i64>(0)?, count(r.get(1)?), r.get::<_, u8>(2)?)))? {
        let (sid, position, level) = row?;
        let dims = levels.entry(sid).or_insert_with(|| vec![None; dimensions]);
        if let Some(slot) = dims.get_mut(position) {
            *slot = Some(level);
        }
    }
    let mut q =
        conn.prepare("SELECT id, agency_id, agency_name, status, level, target_met FROM submissions WHERE round_id = ?1 ORDER BY id")?;
    q.query_map([id], |r| {
        let sid: i64 = r.get(0)?;
        let status: String = r.get(3)?;
        let status = serde_json::from_value::<RowStatus>(serde_json::Value::String(status.clone()))
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(3, rusqlite::types::Type::Text, Box::new(e)))?;
        Ok(RowInput {
            agency_id: r.get(1)?,
            agency_name: r.get(2)?,
            status,
            level: r.get(4)?,
            target_met: r.get(5)?,
            dimensions: levels.remove(&sid).unwrap_or_else(|| vec![None; dimensions]),
        })
    })?
    .collect()
}

/// A stored count or position (never negative when dgmat wrote it).
fn count(x: i64) -> usize {
    usize::try_from(x).unwrap_or(0)
}
