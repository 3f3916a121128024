//! Publishable statistics of a batch round: the share of agencies at or above each level,
//! overall, per tier, per region and per dimension, with small groups suppressed so that no
//! agency's result can be singled out.
//!
//! The method (documented in the README, *Publishable statistics*):
//!
//! 1. The population is the agencies the round counts (as the batch's own shares: ok,
//!    incomplete and invalid rows, an agency in conflict once, as reaching no level), each at
//!    its verified levels where an inspector verified it (`batch --verified`), as the batch's
//!    shares count it.
//! 2. **Primary suppression**: a group of fewer than `min_group` agencies is suppressed (its
//!    count and shares are `None`). When the whole population is that small, everything is.
//! 3. **Complementary suppression**, per partition (tiers, regions: each partitions the
//!    population, with `unspecified` for agencies that name none): the published total minus
//!    the visible groups gives the union of the suppressed ones (its count and its count at or
//!    above each level). So while any group of the partition is suppressed, the next smallest
//!    visible group is suppressed too, until that union holds at least two groups and at least
//!    `min_group` agencies, and is mixed at every level (some but not all of its agencies at or
//!    above it) wherever the population itself is mixed: then no suppressed group's count at a
//!    level follows from the union, even for a reader who knows how many agencies the group has.
//!    Where the whole population is at or above a level (or none is), every group is too, and
//!    publishing the total says so; no suppression can hide that.
//! 4. Dimensions are not a partition: each covers the whole population, so it is suppressed
//!    exactly when the total is.
//!
//! Pure: no file is read here, nothing is printed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::portfolio::RowStatus;
use crate::model::questionnaire::Tier;

/// The batch summary as publish reads it (`summary.json`): only what the statistics need.
#[derive(Debug, Deserialize)]
pub struct SummaryInput {
    /// The rubric: id, version and dimension ids in order.
    pub rubric: RubricInput,
    /// The round.
    pub round: RoundInput,
    /// The rows.
    pub rows: Vec<RowInput>,
}

/// The rubric of a summary.
#[derive(Debug, Deserialize, Serialize)]
pub struct RubricInput {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Dimension ids, in rubric order.
    pub dimensions: Vec<String>,
}

/// The round of a summary.
#[derive(Debug, Deserialize, Serialize)]
pub struct RoundInput {
    /// Name.
    pub name: String,
    /// Date.
    pub date: String,
}

/// A row of a summary.
#[derive(Debug, Deserialize)]
pub struct RowInput {
    /// Agency id (only to count an agency in conflict once; never published).
    pub agency_id: Option<String>,
    /// Status.
    pub status: RowStatus,
    /// Tier.
    #[serde(default)]
    pub tier: Option<Tier>,
    /// Region (`agency.region`).
    #[serde(default)]
    pub region: Option<String>,
    /// Overall level.
    pub level: Option<u8>,
    /// Dimension levels in rubric order.
    #[serde(default)]
    pub dimensions: Vec<Option<u8>>,
    /// The verified overall level (`batch --verified`).
    #[serde(default)]
    pub verified_level: Option<u8>,
    /// The verified dimension levels.
    #[serde(default)]
    pub verification: Option<VerifiedInput>,
}

/// The verified dimension levels of a row.
#[derive(Clone, Debug, Deserialize)]
pub struct VerifiedInput {
    /// In rubric order.
    pub dimensions: Vec<u8>,
}

impl RowInput {
    /// Whether the row counts at verified levels: an inspector verified it.
    fn verified(&self) -> bool {
        self.verified_level.is_some() && self.verification.is_some()
    }
}

/// Whether any agency of the population counts at its verified levels, which the outputs say.
pub fn on_verified_levels(summary: &SummaryInput) -> bool {
    summary.rows.iter().any(|r| r.status.counts() && r.verified())
}

/// What a group is cut by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// Every agency counted.
    Overall,
    /// An administrative tier.
    Tier,
    /// A region (`agency.region`).
    Region,
    /// A dimension's levels.
    Dimension,
}

/// One published group.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// What it is cut by.
    pub by: By,
    /// Which group: `all`, a tier, a region (`unspecified` for none), a dimension id.
    pub group: String,
    /// How many agencies; `None` when suppressed.
    pub agencies: Option<usize>,
    /// The share at or above each level 1..=5; `None` when suppressed.
    pub shares: Option<BTreeMap<u8, f64>>,
}

/// The label of agencies that name no tier or region.
pub const UNSPECIFIED: &str = "unspecified";

/// The agencies of a group and how many are at or above each level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cell {
    n: usize,
    at_or_above: [usize; 5],
}

impl Cell {
    fn add(&mut self, level: Option<u8>) {
        self.n += 1;
        for l in 1..=level.unwrap_or(0).min(5) {
            self.at_or_above[usize::from(l) - 1] += 1;
        }
    }

    fn plus(mut self, o: &Cell) -> Cell {
        self.n += o.n;
        for (a, b) in self.at_or_above.iter_mut().zip(o.at_or_above) {
            *a += b;
        }
        self
    }

    /// Whether some but not all of its agencies are at or above level index `i`.
    fn mixed(&self, i: usize) -> bool {
        self.at_or_above[i] > 0 && self.at_or_above[i] < self.n
    }

    fn shares(&self) -> BTreeMap<u8, f64> {
        (1..=5u8)
            .map(|l| {
                let c = self.at_or_above[usize::from(l) - 1] as f64;
                (
                    l,
                    if self.n == 0 {
                        0.0
                    } else {
                        (c / self.n as f64 * 10_000.0).round() / 10_000.0
                    },
                )
            })
            .collect()
    }
}

/// The statistics of `summary`, groups of fewer than `min_group` agencies suppressed.
pub fn statistics(summary: &SummaryInput, min_group: usize) -> Vec<Group> {
    let members = population(&summary.rows);
    let mut total = Cell::default();
    for m in &members {
        total.add(m.level);
    }
    let visible = |c: &Cell| (total.n >= min_group).then_some(*c);
    let group = |by, name: &str, c: Option<Cell>| Group {
        by,
        group: name.to_string(),
        agencies: c.map(|c| c.n),
        shares: c.map(|c| c.shares()),
    };
    let mut out = vec![group(By::Overall, "all", visible(&total))];
    let tiers = partition(&members, |r| r.tier.map(|t| format!("{t:?}").to_lowercase()));
    let regions = partition(&members, |r| {
        r.region.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
    });
    for (by, cells) in [(By::Tier, tiers), (By::Region, regions)] {
        let shown = suppress(&cells, &total, min_group);
        for ((name, cell), show) in cells.iter().zip(shown) {
            out.push(group(by, name, show.then_some(*cell)));
        }
    }
    for (i, id) in summary.rubric.dimensions.iter().enumerate() {
        let mut c = Cell::default();
        for m in &members {
            c.add(m.dimensions.get(i).copied().flatten());
        }
        out.push(group(By::Dimension, id, visible(&c)));
    }
    out
}

/// The rows the round counts, an agency in conflict once (as reaching no level).
fn population(rows: &[RowInput]) -> Vec<RowInput> {
    let mut out: Vec<RowInput> = rows.iter().filter(|r| r.status.counts()).map(copy).collect();
    let mut seen = std::collections::BTreeSet::new();
    for r in rows.iter().filter(|r| r.status == RowStatus::Conflict) {
        if seen.insert(r.agency_id.as_deref().map(super::agency_id::agency_key)) {
            out.push(RowInput {
                level: None,
                dimensions: Vec::new(),
                ..copy(r)
            });
        }
    }
    out
}

/// A member of the population: no id, at its verified levels where verified.
fn copy(r: &RowInput) -> RowInput {
    let (level, dimensions) = match (r.verified_level, &r.verification) {
        (Some(level), Some(v)) => (Some(level), v.dimensions.iter().map(|l| Some(*l)).collect()),
        _ => (r.level, r.dimensions.clone()),
    };
    RowInput {
        agency_id: None,
        status: r.status,
        tier: r.tier,
        region: r.region.clone(),
        level,
        dimensions,
        verified_level: None,
        verification: None,
    }
}

/// The groups of `members` by `key` (`unspecified` for none), sorted by name.
fn partition(members: &[RowInput], key: impl Fn(&RowInput) -> Option<String>) -> Vec<(String, Cell)> {
    let mut cells: BTreeMap<String, Cell> = BTreeMap::new();
    for m in members {
        cells
            .entry(key(m).unwrap_or_else(|| UNSPECIFIED.to_string()))
            .or_default()
            .add(m.level);
    }
    cells.into_iter().collect()
}

/// Which groups of a partition of `total` may be shown (see the module's method).
fn suppress(cells: &[(String, Cell)], total: &Cell, min_group: usize) -> Vec<bool> {
    if total.n < min_group {
        return vec![false; cells.len()];
    }
    let mut shown: Vec<bool> = cells.iter().map(|(_, c)| c.n >= min_group).collect();
    loop {
        let hidden: Vec<&Cell> = cells.iter().zip(&shown).filter(|(_, s)| !**s).map(|((_, c), _)| c).collect();
        if hidden.is_empty() {
            return shown;
        }
        let union = hidden.iter().fold(Cell::default(), |acc, c| acc.plus(c));
        let safe = hidden.len() >= 2 && union.n >= min_group && (0..5).all(|i| union.mixed(i) || !total.mixed(i));
        if safe {
            return shown;
        }
        // The next smallest visible group (by size, then name) joins the suppressed ones.
        let next = cells
            .iter()
            .enumerate()
            .filter(|(i, _)| shown[*i])
            .min_by(|(_, (a, x)), (_, (b, y))| x.n.cmp(&y.n).then_with(|| a.cmp(b)))
            .map(|(i, _)| i);
        match next {
            Some(i) => shown[i] = false,
            None => return shown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(n: usize, at_or_above: [usize; 5]) -> (String, Cell) {
        (format!("g{n}"), Cell { n, at_or_above })
    }

    #[test]
    fn one_small_group_takes_the_next_smallest_with_it() {
        let cells = vec![cell(3, [3, 2, 1, 0, 0]), cell(10, [10, 6, 3, 1, 1]), cell(30, [30, 20, 10, 4, 1])];
        let total = cells.iter().fold(Cell::default(), |a, (_, c)| a.plus(c));
        assert_eq!(suppress(&cells, &total, 5), [false, false, true]);
    }

    #[test]
    fn a_union_uniform_at_a_level_the_total_is_mixed_at_takes_more() {
        // g3 and g6 are both nobody at level >= 4: their union would show that g3 has none.
        let cells = vec![cell(3, [3, 1, 0, 0, 0]), cell(6, [6, 3, 1, 0, 0]), cell(40, [40, 30, 20, 10, 0])];
        let total = cells.iter().fold(Cell::default(), |a, (_, c)| a.plus(c));
        assert_eq!(suppress(&cells, &total, 5), [false, false, false]);
    }

    #[test]
    fn no_small_group_suppresses_nothing() {
        let cells = vec![cell(5, [5, 2, 1, 0, 0]), cell(7, [7, 3, 1, 1, 0])];
        let total = cells.iter().fold(Cell::default(), |a, (_, c)| a.plus(c));
        assert_eq!(suppress(&cells, &total, 5), [true, true]);
    }
}
