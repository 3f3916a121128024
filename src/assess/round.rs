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
#[derive(Clone, Debug, serde::Serialize)]
pub struct Round {
    /// Its name (`--round`, default: its date).
    pub name: String,
    /// The date submissions are judged at (`--as-of`, default today).
    pub date: chrono::NaiveDate,
    /// The rubric's `scoring.max_age_days`: older submissions are stale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_age_days: Option<u32>,
}

/// Decides which rows count: marks `superseded`, `conflict` and `stale` rows, with a note
/// saying why, and returns the warnings (each naming the paths involved).
pub fn settle(rows: &mut [Row], round: &Round) -> Vec<String> {
    let mut warnings = duplicates(rows);
    warnings.extend(stale(rows, round));
    warnings.extend(lookalikes(rows));
    warnings
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
fn duplicates(rows: &mut [Row]) -> Vec<String> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(id) = &r.agency_id
            && r.status.counts()
        {
            groups.entry(agency_key(id)).or_default().push(i);
        }
    }
    let mut warnings = Vec::new();
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
        let listed = |rows: &[Row], which: &[usize]| -> String {
            which
                .iter()
                .map(|&i| format!("{} ({})", rows[i].path, rows[i].assessed_on.as_deref().unwrap_or("no date")))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let all = listed(rows, &members);
        if let [winner] = winners[..] {
            let won = rows[winner].path.clone();
            let losers: Vec<usize> = members.iter().copied().filter(|&i| i != winner).collect();
            for &i in &losers {
                rows[i].status = RowStatus::Superseded;
                rows[i].note = Some(format!(
                    "superseded by {won}, which counts for agency `{key}` (a questionnaire beats an inventory alone and a readable submission an unreadable one; then the latest assessed_on wins)"
                ));
            }
            warnings.push(format!(
                "agency `{key}` is claimed by {} submissions: {all}; {won} counts, the other(s) are superseded",
                members.len()
            ));
        } else {
            for &i in &members {
                let others: Vec<String> = members.iter().filter(|&&j| j != i).map(|&j| rows[j].path.clone()).collect();
                if winners.contains(&i) {
                    rows[i].status = RowStatus::Conflict;
                    rows[i].note = Some(format!(
                        "conflicts with {}: same agency `{key}`, same assessed_on; the agency counts as reaching no level until one is removed",
                        others.join(", ")
                    ));
                } else {
                    rows[i].status = RowStatus::Superseded;
                    rows[i].note = Some(format!(
                        "superseded by later submissions for agency `{key}` (assessed on {})",
                        latest.as_deref().unwrap_or("?")
                    ));
                }
            }
            warnings.push(format!(
                "agency `{key}` is claimed by {} submissions: {all}; the latest share one date, so they conflict and the agency counts as reaching no level until one is removed",
                members.len()
            ));
        }
    }
    warnings
}

/// Marks counted rows assessed more than `max_age_days` before the round's date as stale.
fn stale(rows: &mut [Row], round: &Round) -> Vec<String> {
    let Some(days) = round.max_age_days else {
        return Vec::new();
    };
    // A limit reaching before the calendar starts makes nothing stale.
    let Some(oldest) = round.date.checked_sub_days(chrono::Days::new(u64::from(days))) else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    for r in rows
        .iter_mut()
        .filter(|r| matches!(r.status, RowStatus::Ok | RowStatus::Incomplete))
    {
        let Some(on) = r.assessed_on.as_deref().and_then(|d| d.parse::<chrono::NaiveDate>().ok()) else {
            continue;
        };
        if on < oldest {
            r.status = RowStatus::Stale;
            let why = format!("assessed on {on}, more than {days} days before the round's date {}", round.date);
            warnings.push(format!("stale: {}: {why}; not counted", r.path));
            r.note = Some(format!("{why} (the rubric's scoring.max_age_days)"));
        }
    }
    warnings
}

/// Warns about distinct ids that differ only by case, invisible characters or look-alikes.
fn lookalikes(rows: &[Row]) -> Vec<String> {
    let mut by_skeleton: BTreeMap<String, BTreeMap<String, Vec<&str>>> = BTreeMap::new();
    for r in rows {
        if let Some(id) = &r.agency_id {
            let key = agency_key(id);
            by_skeleton.entry(skeleton(&key)).or_default().entry(key).or_default().push(&r.path);
        }
    }
    by_skeleton
        .into_values()
        .filter(|ids| ids.len() > 1)
        .map(|ids| {
            let named: Vec<String> = ids
                .iter()
                .map(|(id, paths)| format!("{} ({})", id.escape_debug(), paths.join(", ")))
                .collect();
            format!(
                "agency ids {} differ only by case, invisible characters or look-alike letters; if they are one agency, give its submissions one id",
                named.join(" and ")
            )
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
