//! Progress across batch rounds toward the rubric's dated targets (`dgmat progress`).
//!
//! Reads what each round's `summary.json` recorded (its round, its targets' shares, its rows)
//! and computes, in round-date order: each target's share per round with a linear projection to
//! its due date; the transitions of overall levels between the last two rounds (agencies
//! matched by their NFC-normalised id); the agencies that went down a level and those below the
//! batch's target in every round; and each dimension's shares per round. Pure: no files, no
//! phrasing; the shares are the rounds' own (see [`super::portfolio`] for which rows count).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::agency_id::agency_key;
use super::portfolio::{RowStatus, Shares};

/// What `progress` reads of a round's `summary.json`.
#[derive(Debug, Deserialize)]
pub struct RoundInput {
    /// The rubric the round assessed against.
    pub rubric: RubricRef,
    /// The round.
    pub round: RoundRef,
    /// Counts.
    pub totals: RoundTotals,
    /// Shares at or above each level.
    pub at_or_above: AtOrAboveInput,
    /// The rubric's targets over the round.
    pub targets: Vec<TargetInput>,
    /// Every submission.
    pub rows: Vec<RowInput>,
}

/// The rubric of a round.
#[derive(Debug, Deserialize)]
pub struct RubricRef {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Dimension ids in rubric order (the order of each row's `dimensions`).
    #[serde(default)]
    pub dimensions: Vec<String>,
}

/// A round's name and date.
#[derive(Debug, Deserialize)]
pub struct RoundRef {
    /// Name.
    pub name: String,
    /// Date.
    pub date: chrono::NaiveDate,
}

/// A round's counts.
#[derive(Debug, Deserialize)]
pub struct RoundTotals {
    /// Submissions found.
    pub submissions: usize,
    /// Submissions assessed.
    pub assessed: usize,
    /// Agencies counted in the shares.
    pub counted: usize,
}

/// A round's shares by dimension.
#[derive(Debug, Deserialize)]
pub struct AtOrAboveInput {
    /// Dimension id -> shares at or above each level.
    pub dimensions: BTreeMap<String, Shares>,
}

/// A target's figures in a round.
#[derive(Debug, Deserialize)]
pub struct TargetInput {
    /// Id.
    pub id: String,
    /// Level.
    pub level: u8,
    /// Due date.
    #[serde(default)]
    pub due: Option<chrono::NaiveDate>,
    /// Share required.
    pub required_share: f64,
    /// Share reached.
    pub share: f64,
}

/// One submission of a round.
#[derive(Debug, Deserialize)]
pub struct RowInput {
    /// Agency id.
    pub agency_id: Option<String>,
    /// Agency name.
    #[serde(default)]
    pub agency_name: Option<String>,
    /// Status.
    pub status: RowStatus,
    /// Overall level.
    pub level: Option<u8>,
    /// Whether the batch's target is met.
    pub target_met: Option<bool>,
    /// Dimension levels in rubric order.
    pub dimensions: Vec<Option<u8>>,
}

/// A round as `progress` reports it.
#[derive(Debug, Serialize)]
pub struct RoundSummary {
    /// Name.
    pub round: String,
    /// Date.
    pub date: String,
    /// Submissions found.
    pub submissions: usize,
    /// Submissions assessed.
    pub assessed: usize,
    /// Agencies counted in the shares.
    pub counted: usize,
    /// Where it was read from.
    pub source: String,
}

/// A target across rounds.
#[derive(Debug, Serialize)]
pub struct TargetProgress {
    /// Id.
    pub id: String,
    /// Level.
    pub level: u8,
    /// Due date.
    pub due: Option<String>,
    /// Share required by the due date.
    pub required_share: f64,
    /// Share reached in each round (null where the round did not measure the target).
    pub shares: Vec<Option<f64>>,
    /// The share at the due date on the straight line fitted to the rounds (least squares),
    /// within [0, 1]; with one round date, the last share. Null without a due date.
    pub projected_share: Option<f64>,
    /// Whether the projection reaches the required share (null without a due date).
    pub on_track: Option<bool>,
}

/// Overall levels between the last two rounds.
#[derive(Debug, Serialize)]
pub struct Transitions {
    /// The earlier round.
    pub from: String,
    /// The later round.
    pub to: String,
    /// `matrix[a - 1][b - 1]`: agencies at level a in `from` and b in `to`.
    pub matrix: Vec<Vec<usize>>,
    /// Agencies counted in `to` but not in `from`.
    pub new: usize,
    /// Agencies counted in `from` but not in `to`.
    pub missing: usize,
    /// Agencies counted in both without a level in one of them (invalid or in conflict).
    pub unscored: usize,
}

/// An agency that went down a level.
#[derive(Debug, Serialize)]
pub struct Regression {
    /// Agency id.
    pub agency: String,
    /// Name in the later round.
    pub name: Option<String>,
    /// Level before.
    pub from: u8,
    /// Level after.
    pub to: u8,
    /// The dimensions whose level fell.
    pub dimensions: Vec<String>,
}

/// An agency below the target in every round.
#[derive(Debug, Serialize)]
pub struct Stuck {
    /// Agency id.
    pub agency: String,
    /// Name in the last round.
    pub name: Option<String>,
    /// Its overall level in each round (null where it reached none).
    pub levels: Vec<Option<u8>>,
}

/// A dimension's shares across rounds.
#[derive(Debug, Serialize)]
pub struct DimensionProgress {
    /// Dimension id.
    pub id: String,
    /// Shares at or above each level, one map per round.
    pub shares: Vec<Shares>,
}

/// Everything `progress` reports.
#[derive(Debug, Serialize)]
pub struct Progress {
    /// The rubric of the last round.
    pub rubric: String,
    /// Rounds in date order.
    pub rounds: Vec<RoundSummary>,
    /// Each target of the last round's rubric.
    pub targets: Vec<TargetProgress>,
    /// Between the last two rounds.
    pub transitions: Transitions,
    /// Agencies whose overall level fell between the last two rounds.
    pub regressed: Vec<Regression>,
    /// Agencies counted in every round and below the batch's target in each.
    pub stuck: Vec<Stuck>,
    /// Each dimension's shares per round.
    pub dimensions: Vec<DimensionProgress>,
    /// Rounds assessed against another rubric than the last: their figures may not compare.
    pub warnings: Vec<RubricChange>,
}

/// A round assessed against another rubric (or version) than the last round.
#[derive(Debug, Clone, Serialize)]
pub struct RubricChange {
    /// Where the round was read from.
    pub source: String,
    /// Its rubric, `id@version`.
    pub rubric: String,
    /// The last round's rubric, `id@version`.
    pub last: String,
}

/// One agency's result in a round.
struct AgencyResult<'a> {
    row: &'a RowInput,
    id: &'a str,
}

/// The counted rows of a round by agency key (the first row of an agency in conflict).
fn agencies(r: &RoundInput) -> BTreeMap<String, AgencyResult<'_>> {
    let mut out = BTreeMap::new();
    for row in &r.rows {
        let counts = row.status.counts() || row.status == RowStatus::Conflict;
        if let (true, Some(id)) = (counts, &row.agency_id) {
            let conflict = row.status == RowStatus::Conflict;
            let entry = out.entry(agency_key(id)).or_insert(AgencyResult { row, id });
            // An agency in conflict reaches no level: keep a row without one.
            if conflict {
                entry.row = row;
            }
        }
    }
    out
}

/// The level an agency is counted at: none for an invalid row or one in conflict.
fn counted_level(row: &RowInput) -> Option<u8> {
    if row.status == RowStatus::Conflict { None } else { row.level }
}

/// Computes progress over `rounds` (each with the place it was read from), at least two.
pub fn compute(mut rounds: Vec<(String, RoundInput)>) -> Progress {
    rounds.sort_by(|a, b| {
        a.1.round
            .date
            .cmp(&b.1.round.date)
            .then_with(|| a.1.round.name.cmp(&b.1.round.name))
    });
    let mut warnings = Vec::new();
    let last = &rounds[rounds.len() - 1].1;
    for (source, r) in &rounds {
        if r.rubric.id != last.rubric.id || r.rubric.version != last.rubric.version {
            warnings.push(RubricChange {
                source: source.clone(),
                rubric: format!("{}@{}", r.rubric.id, r.rubric.version),
                last: format!("{}@{}", last.rubric.id, last.rubric.version),
            });
        }
    }
    let summaries = rounds
        .iter()
        .map(|(source, r)| RoundSummary {
            round: r.round.name.clone(),
            date: r.round.date.to_string(),
            submissions: r.totals.submissions,
            assessed: r.totals.assessed,
            counted: r.totals.counted,
            source: source.clone(),
        })
        .collect();
    let targets = last.targets.iter().map(|t| target_progress(t, &rounds)).collect();
    let prev = &rounds[rounds.len() - 2].1;
    let (transitions, regressed) = transitions(prev, last);
    Progress {
        rubric: format!("{}@{}", last.rubric.id, last.rubric.version),
        rounds: summaries,
        targets,
        transitions,
        regressed,
        stuck: stuck(&rounds),
        dimensions: last
            .rubric
            .dimensions
            .iter()
            .map(|d| DimensionProgress {
                id: d.clone(),
                shares: rounds
                    .iter()
                    .map(|(_, r)| r.at_or_above.dimensions.get(d).cloned().unwrap_or_default())
                    .collect(),
            })
            .collect(),
        warnings,
    }
}

/// A target's shares per round and its projection to the due date.
fn target_progress(t: &TargetInput, rounds: &[(String, RoundInput)]) -> TargetProgress {
    let shares: Vec<Option<f64>> = rounds
        .iter()
        .map(|(_, r)| r.targets.iter().find(|x| x.id == t.id).map(|x| x.share))
        .collect();
    let points: Vec<(chrono::NaiveDate, f64)> = rounds
        .iter()
        .zip(&shares)
        .filter_map(|((_, r), s)| s.map(|s| (r.round.date, s)))
        .collect();
    let projected_share = t.due.and_then(|due| project(&points, due));
    TargetProgress {
        id: t.id.clone(),
        level: t.level,
        due: t.due.map(|d| d.to_string()),
        required_share: t.required_share,
        shares,
        projected_share,
        on_track: projected_share.map(|p| p + 1e-9 >= t.required_share),
    }
}

/// The value at `at` of the least-squares line through `points` (days, share), within [0, 1]
/// and rounded to 4 decimals; with a single date, the latest share.
pub fn project(points: &[(chrono::NaiveDate, f64)], at: chrono::NaiveDate) -> Option<f64> {
    let (first, _) = points.first()?;
    let xs: Vec<f64> = points.iter().map(|(d, _)| (*d - *first).num_days() as f64).collect();
    let n = points.len() as f64;
    let mean_x = xs.iter().sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, y)| y).sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
    let value = if sxx == 0.0 {
        points.last().map_or(0.0, |(_, y)| *y)
    } else {
        let sxy: f64 = xs.iter().zip(points).map(|(x, (_, y))| (x - mean_x) * (y - mean_y)).sum();
        let slope = sxy / sxx;
        mean_y + slope * ((at - *first).num_days() as f64 - mean_x)
    };
    Some((value.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0)
}

/// The transitions matrix between `prev` and `last`, and the agencies that went down.
fn transitions(prev: &RoundInput, last: &RoundInput) -> (Transitions, Vec<Regression>) {
    let (before, after) = (agencies(prev), agencies(last));
    let mut matrix = vec![vec![0usize; 5]; 5];
    let mut unscored = 0;
    let mut regressed = Vec::new();
    for (key, a) in &after {
        let Some(b) = before.get(key) else { continue };
        let (Some(from), Some(to)) = (counted_level(b.row), counted_level(a.row)) else {
            unscored += 1;
            continue;
        };
        if (1..=5).contains(&from) && (1..=5).contains(&to) {
            matrix[usize::from(from) - 1][usize::from(to) - 1] += 1;
        }
        if to < from {
            let dimensions = last
                .rubric
                .dimensions
                .iter()
                .enumerate()
                .filter(|(i, d)| {
                    let old = prev
                        .rubric
                        .dimensions
                        .iter()
                        .position(|x| x == *d)
                        .and_then(|j| b.row.dimensions.get(j).copied().flatten());
                    let new = a.row.dimensions.get(*i).copied().flatten();
                    matches!((old, new), (Some(o), Some(n)) if n < o)
                })
                .map(|(_, d)| d.clone())
                .collect();
            regressed.push(Regression {
                agency: a.id.to_string(),
                name: a.row.agency_name.clone(),
                from,
                to,
                dimensions,
            });
        }
    }
    let new = after.keys().filter(|k| !before.contains_key(*k)).count();
    let missing = before.keys().filter(|k| !after.contains_key(*k)).count();
    (
        Transitions {
            from: prev.round.name.clone(),
            to: last.round.name.clone(),
            matrix,
            new,
            missing,
            unscored,
        },
        regressed,
    )
}

/// The agencies counted in every round and below the batch's target in each.
fn stuck(rounds: &[(String, RoundInput)]) -> Vec<Stuck> {
    let maps: Vec<_> = rounds.iter().map(|(_, r)| agencies(r)).collect();
    let Some(last) = maps.last() else {
        return Vec::new();
    };
    last.iter()
        .filter_map(|(key, a)| {
            let results: Option<Vec<&AgencyResult<'_>>> = maps.iter().map(|m| m.get(key)).collect();
            let results = results?;
            let below = results
                .iter()
                .all(|r| r.row.status == RowStatus::Conflict || r.row.target_met != Some(true));
            below.then(|| Stuck {
                agency: a.id.to_string(),
                name: a.row.agency_name.clone(),
                levels: results.iter().map(|r| counted_level(r.row)).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn projection_is_the_fitted_line_at_the_due_date() {
        // 20% then 40% a year later: +20 points a year, so 60% one more year on.
        let p = project(&[(d("2025-12-01"), 0.2), (d("2026-12-01"), 0.4)], d("2027-12-01"));
        assert_eq!(p, Some(0.6));
        assert_eq!(project(&[(d("2026-12-01"), 0.3)], d("2030-12-31")), Some(0.3));
        assert_eq!(
            project(&[(d("2025-12-01"), 0.2), (d("2026-12-01"), 0.9)], d("2030-12-01")),
            Some(1.0),
            "clamped"
        );
        assert_eq!(project(&[], d("2030-12-01")), None);
    }
}
