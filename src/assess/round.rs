//! The integrity of a round: which of a batch's rows count in its shares.
//!
//! Two submissions claiming one agency id (compared after Unicode NFC normalisation and
//! trimming) are resolved by `assessed_on`: the latest counts and the others are `superseded`;
//! when the latest date is shared, every row of that date is a `conflict` and the agency counts
//! as reaching no level until it is resolved. A counted submission assessed more than the
//! rubric's `scoring.max_age_days` before the round's date is `stale` and not counted. Ids that
//! differ only by case, invisible characters or look-alike letters are left as they are and
//! warned about. Every decision comes with a warning naming the paths involved; rows must be
//! sorted by path, so that the warnings and notes do not depend on the thread count.

use std::collections::BTreeMap;

use super::agency_id::{agency_key, skeleton};
use super::portfolio::{Row, RowStatus};

/// What a batch round is.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct Round {
    /// Its name (`--round`, default: its date).
    pub name: String,
    /// The date submissions are judged at (`--as-of`, default today).
    #[schemars(with = "String", extend("format" = "date"))]
    pub date: chrono::NaiveDate,
    /// The rubric's `scoring.max_age_days`: older submissions are stale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_age_days: Option<u32>,
}

/// What the round's integrity checks found, as facts; `report::phrase` words them (a batch's
/// warnings, and the `note` of the rows they concern).
#[derive(Clone, Debug, PartialEq)]
pub enum RoundFinding {
    /// Several submissions claim one agency.
    Claimed {
        /// The agency id as compared.
        agency: String,
        /// Every claimant: its path and its own `assessed_on`, if any.
        submissions: Vec<(String, Option<String>)>,
        /// The one that counts; `None` when the latest share one date and conflict.
        counted: Option<String>,
    },
    /// A submission assessed too long before the round's date.
    Stale {
        /// Its path.
        path: String,
        /// Its `assessed_on`.
        assessed_on: chrono::NaiveDate,
        /// The rubric's `scoring.max_age_days`.
        days: u32,
        /// The round's date.
        round_date: chrono::NaiveDate,
    },
    /// Distinct ids that differ only by case, invisible characters or look-alike letters.
    LookAlike {
        /// Each id with the paths that use it.
        ids: Vec<(String, Vec<String>)>,
    },
}

/// Why one row does not count.
#[derive(Clone, Debug, PartialEq)]
pub enum RowNote {
    /// Another submission of the same agency counts instead.
    Superseded {
        /// The agency id as compared.
        agency: String,
        /// The path that counts, when one does.
        by: Option<String>,
    },
    /// It shares the latest date with other submissions of the same agency.
    Conflict {
        /// The agency id as compared.
        agency: String,
        /// The other paths.
        with: Vec<String>,
    },
    /// It is older than the rubric's `max_age_days` allows.
    Stale {
        /// Its `assessed_on`.
        assessed_on: chrono::NaiveDate,
        /// The rubric's `scoring.max_age_days`.
        days: u32,
        /// The round's date.
        round_date: chrono::NaiveDate,
    },
}

/// Decides which rows count: marks `superseded`, `conflict` and `stale` rows, and returns what
/// it found and, per row it changed (by index), why.
pub fn settle(rows: &mut [Row], round: &Round) -> (Vec<RoundFinding>, Vec<(usize, RowNote)>) {
    let (mut findings, mut notes) = (Vec::new(), Vec::new());
    duplicates(rows, &mut findings, &mut notes);
    stale(rows, round, &mut findings, &mut notes);
    findings.extend(lookalikes(rows));
    (findings, notes)
}

/// How strongly a row claims its agency: a submission with a questionnaire beats one without
/// (an inventory alone), which beats one that could not be assessed.
fn standing(status: RowStatus) -> u8 {
    match status {
        RowStatus::Ok => 2,
        RowStatus::Incomplete => 1,
        _ => 0,
    }
}

/// Resolves submissions that claim one agency id: among those of the highest standing the one
/// with the latest `assessed_on` counts (several with that date conflict); all others are
/// superseded, so that an agency never counts twice.
fn duplicates(rows: &mut [Row], findings: &mut Vec<RoundFinding>, notes: &mut Vec<(usize, RowNote)>) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(id) = &r.agency_id
            && r.status.counts()
        {
            groups.entry(agency_key(id)).or_default().push(i);
        }
    }
    for (key, members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        let best = members.iter().map(|&i| standing(rows[i].status)).max().unwrap_or(0);
        let contenders: Vec<usize> = members.iter().copied().filter(|&i| standing(rows[i].status) == best).collect();
        let latest = contenders.iter().filter_map(|&i| rows[i].assessed_on.clone()).max();
        let mut winners: Vec<usize> = contenders.iter().copied().filter(|&i| rows[i].assessed_on == latest).collect();
        if best == 0 {
            // Only submissions that could not be assessed: the first (by path) stands for the
            // agency, so that it counts once, as reaching no level.
            winners.truncate(1);
        }
        let counted = match winners[..] {
            [w] => Some(rows[w].path.clone()),
            _ => None,
        };
        for &i in &members {
            if winners.contains(&i) && counted.is_some() {
                continue;
            }
            let note = if winners.contains(&i) {
                rows[i].status = RowStatus::Conflict;
                let with = members.iter().filter(|&&j| j != i).map(|&j| rows[j].path.clone()).collect();
                RowNote::Conflict { agency: key.clone(), with }
            } else {
                rows[i].status = RowStatus::Superseded;
                RowNote::Superseded {
                    agency: key.clone(),
                    by: counted.clone(),
                }
            };
            notes.push((i, note));
        }
        findings.push(RoundFinding::Claimed {
            agency: key,
            submissions: members
                .iter()
                .map(|&i| (rows[i].path.clone(), rows[i].assessed_on.clone()))
                .collect(),
            counted,
        });
    }
}

/// Marks counted rows assessed more than `max_age_days` before the round's date as stale.
fn stale(rows: &mut [Row], round: &Round, findings: &mut Vec<RoundFinding>, notes: &mut Vec<(usize, RowNote)>) {
    let Some(days) = round.max_age_days else {
        return;
    };
    // A limit reaching before the calendar starts makes nothing stale.
    let Some(oldest) = round.date.checked_sub_days(chrono::Days::new(u64::from(days))) else {
        return;
    };
    for (i, r) in rows.iter_mut().enumerate() {
        if !matches!(r.status, RowStatus::Ok | RowStatus::Incomplete) {
            continue;
        }
        let Some(on) = r.assessed_on.as_deref().and_then(|d| d.parse::<chrono::NaiveDate>().ok()) else {
            continue;
        };
        if on < oldest {
            r.status = RowStatus::Stale;
            let (assessed_on, round_date) = (on, round.date);
            findings.push(RoundFinding::Stale {
                path: r.path.clone(),
                assessed_on,
                days,
                round_date,
            });
            notes.push((
                i,
                RowNote::Stale {
                    assessed_on,
                    days,
                    round_date,
                },
            ));
        }
    }
}

/// Distinct ids that differ only by case, invisible characters or look-alikes.
fn lookalikes(rows: &[Row]) -> Vec<RoundFinding> {
    let mut by_skeleton: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for r in rows {
        if let Some(id) = &r.agency_id {
            let key = agency_key(id);
            by_skeleton
                .entry(skeleton(&key))
                .or_default()
                .entry(key)
                .or_default()
                .push(r.path.clone());
        }
    }
    by_skeleton
        .into_values()
        .filter(|ids| ids.len() > 1)
        .map(|ids| RoundFinding::LookAlike {
            ids: ids.into_iter().collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_skeletons() {
        // "é" composed and decomposed are one id.
        assert_eq!(agency_key(" b\u{00E9}-yt "), agency_key("be\u{0301}-yt"));
        assert_eq!(skeleton("MOH"), skeleton("moh"));
        assert_eq!(skeleton("mo\u{200B}h"), skeleton("moh"));
        assert_eq!(skeleton("mоh"), skeleton("moh"), "Cyrillic o");
        assert_ne!(skeleton("moh"), skeleton("mof"));
    }
}
