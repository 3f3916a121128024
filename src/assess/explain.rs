//! Why an assessment is at its overall level, as facts: the dimensions that hold the overall
//! level where it is, and the **first steps**, the smallest set of criteria whose fulfilment
//! raises the overall level by one (README, *Why this level*).
//!
//! *Fulfilling* a criterion is what scoring counts as its best: full credit (staged and points
//! rubrics), or, in a rated rubric, an answer at the level its dimension is raised to. A
//! criterion that leaves the denominator (not applicable) or already earns full credit is never
//! a step. *Smallest* means fewest criteria; among sets of one size, the one that gains most
//! (weight or points), then the earliest in rubric order. How many criteria a dimension needs
//! to rise depends on the scoring method, how the overall level combines the dimensions on the
//! rubric's `overall`:
//!
//! - `minimum`: every dimension at the overall level rises by one level, each by its own
//!   smallest set;
//! - `mean`: the cheapest combination of dimension rises (any dimension, any number of levels)
//!   that lifts the weighted mean of levels to the next whole level, found exactly by dynamic
//!   programming over the number of criteria;
//! - points rubrics: the fewest criteria, most points lost first, that bring the total share to
//!   the band of a higher level.
//!
//! Invariant (tested): fulfilling the first steps raises the overall level by at least one.

use super::scoring::{self, Pointed, Rated, Scored};
use super::{DimensionResult, Gap};
use crate::model::rubric::{Method, Overall, Rubric};

/// Tolerance for comparing shares and means with what they must reach, as scoring does.
const EPS: f64 = 1e-9;

/// Why the overall level is where it is, and what raises it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explanation {
    /// The dimensions holding the overall level: those at or below it (rubric order); none at
    /// level 5.
    pub limited_by: Vec<usize>,
    /// The overall level the first steps reach (the next one); `None` at level 5, or when no
    /// fulfilment of criteria can raise the level (a points rubric without a higher band, a
    /// rated dimension in which no criterion applies).
    pub next_level: Option<u8>,
    /// The first steps, by dimension (rubric order), level, then id; empty when `next_level`
    /// is `None`.
    pub first_steps: Vec<Gap>,
}

/// Explains the overall `level` of `dims`, scored by `rubric`.
pub fn explain(rubric: &Rubric, dims: &[DimensionResult], level: u8) -> Explanation {
    if level >= 5 {
        return Explanation::default();
    }
    let limited_by = (0..dims.len()).filter(|&di| dims[di].level <= level).collect();
    let method = rubric.scoring.method.value;
    let rules = Rules {
        threshold: rubric.scoring.level_threshold,
        rated_mean: rubric.scoring.rated == Overall::Mean,
        overall_mean: rubric.scoring.overall == Overall::Mean,
        bands: super::bands(rubric),
    };
    let shapes: Vec<Dim> = rubric
        .dimensions
        .iter()
        .zip(dims)
        .map(|(d, r)| {
            let pairs = || d.criteria.iter().zip(&r.criteria);
            Dim {
                level: r.level,
                weight: d.weight,
                criteria: match method {
                    Method::Staged => Criteria::Staged(pairs().map(|(c, cr)| super::scored(c, cr)).collect()),
                    Method::Rated => Criteria::Rated(pairs().map(|(c, cr)| super::rated(c, cr)).collect()),
                    Method::Points => Criteria::Points(pairs().map(|(c, cr)| super::pointed(c, cr)).collect()),
                },
            }
        })
        .collect();
    let Some(steps) = steps(&rules, &shapes, level) else {
        return Explanation {
            limited_by,
            ..Explanation::default()
        };
    };
    let mut keyed: Vec<((usize, u8, &str), Gap)> = steps
        .into_iter()
        .map(|g| {
            let c = &rubric.dimensions[g.dimension].criteria[g.criterion];
            let cr = &dims[g.dimension].criteria[g.criterion];
            let level = match method {
                Method::Staged => c.level.as_ref().map_or(2, |l| l.value),
                Method::Rated => cr.rated_level().unwrap_or(0),
                Method::Points => 0,
            };
            ((g.dimension, level, c.id.value.as_str()), g)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Explanation {
        limited_by,
        next_level: Some(level + 1),
        first_steps: keyed.into_iter().map(|k| k.1).collect(),
    }
}

/// How the rubric scores, as far as raising a level goes.
struct Rules {
    /// Staged: the weighted share a level must reach.
    threshold: f64,
    /// Rated: a dimension is the mean (not the minimum) of its criteria's levels.
    rated_mean: bool,
    /// The overall level is the mean (not the minimum) of the dimension levels.
    overall_mean: bool,
    /// Points: (level, least share).
    bands: Vec<(u8, f64)>,
}

/// One dimension as scoring saw it.
struct Dim {
    /// Its level.
    level: u8,
    /// Its weight in the overall mean.
    weight: f64,
    /// Its criteria, in rubric order.
    criteria: Criteria,
}

/// A dimension's criteria by the scoring method.
enum Criteria {
    /// Staged rubrics.
    Staged(Vec<Scored>),
    /// Rated rubrics.
    Rated(Vec<Rated>),
    /// Points rubrics.
    Points(Vec<Pointed>),
}

impl Criteria {
    /// How many criteria there are.
    fn len(&self) -> usize {
        match self {
            Criteria::Staged(c) => c.len(),
            Criteria::Rated(c) => c.len(),
            Criteria::Points(c) => c.len(),
        }
    }
}

/// The first steps from overall `level` (unordered), `None` when no fulfilment raises it.
fn steps(rules: &Rules, dims: &[Dim], level: u8) -> Option<Vec<Gap>> {
    if dims.iter().any(|d| matches!(d.criteria, Criteria::Points(_))) {
        points_steps(rules, dims, level)
    } else if rules.overall_mean {
        mean_steps(rules, dims, level)
    } else {
        minimum_steps(rules, dims, level)
    }
}

/// `minimum`: each dimension at the overall level rises by one, by its own smallest set.
fn minimum_steps(rules: &Rules, dims: &[Dim], level: u8) -> Option<Vec<Gap>> {
    let mut out = Vec::new();
    for (di, d) in dims.iter().enumerate().filter(|(_, d)| d.level <= level) {
        out.extend(
            raise(rules, d, level + 1)?
                .into_iter()
                .map(|criterion| Gap { dimension: di, criterion }),
        );
    }
    Some(out)
}

/// A way to raise one dimension: by how many levels, and the criteria it takes.
struct Rise {
    /// Levels gained.
    levels: u8,
    /// The criteria to fulfil.
    criteria: Vec<usize>,
}

/// The best found with some number of criteria: the weighted sum of dimension levels, and the
/// (dimension, rise) pairs chosen.
type Best = (f64, Vec<(usize, usize)>);

/// `mean`: the fewest criteria over any combination of dimension rises that lifts the weighted
/// mean of levels to `level + 1`. Dynamic programming over the number of criteria: for each
/// count, the largest weighted sum of levels reachable with exactly that many, and the rises.
fn mean_steps(rules: &Rules, dims: &[Dim], level: u8) -> Option<Vec<Gap>> {
    let total: f64 = dims.iter().map(|d| d.weight).sum();
    if total <= 0.0 {
        return None;
    }
    let sum: f64 = dims.iter().map(|d| f64::from(d.level) * d.weight).sum();
    let reaches = |s: f64| s / total + EPS >= f64::from(level + 1);
    let most = dims.iter().map(|d| d.criteria.len()).sum::<usize>();
    // best[n]: the largest weighted sum of levels with n criteria, and the rises chosen.
    let mut best: Vec<Option<Best>> = vec![None; most + 1];
    best[0] = Some((sum, Vec::new()));
    let mut rises: Vec<Vec<Rise>> = Vec::with_capacity(dims.len());
    for (di, d) in dims.iter().enumerate() {
        let options: Vec<Rise> = (d.level + 1..=5)
            .map_while(|to| {
                raise(rules, d, to).map(|criteria| Rise {
                    levels: to - d.level,
                    criteria,
                })
            })
            .collect();
        let mut next = best.clone();
        for (n, entry) in best.iter().enumerate() {
            let Some((s, chosen)) = entry else { continue };
            for (ri, rise) in options.iter().enumerate() {
                let m = n + rise.criteria.len();
                let gained = s + f64::from(rise.levels) * d.weight;
                if m <= most && next[m].as_ref().is_none_or(|(best_s, _)| gained > best_s + EPS) {
                    let mut with = chosen.clone();
                    with.push((di, ri));
                    next[m] = Some((gained, with));
                }
            }
        }
        best = next;
        rises.push(options);
    }
    let (_, chosen) = best.into_iter().flatten().find(|(s, _)| reaches(*s))?;
    Some(
        chosen
            .into_iter()
            .flat_map(|(di, ri)| {
                rises[di][ri]
                    .criteria
                    .iter()
                    .map(move |&criterion| Gap { dimension: di, criterion })
            })
            .collect(),
    )
}

/// Points rubrics: the fewest criteria, most points lost first, that bring the total share to
/// the least share of any band above `level`.
fn points_steps(rules: &Rules, dims: &[Dim], level: u8) -> Option<Vec<Gap>> {
    let need = rules
        .bands
        .iter()
        .filter(|(l, _)| *l > level)
        .map(|(_, min)| *min)
        .min_by(f64::total_cmp)?;
    let mut earned = 0.0;
    let mut possible = 0.0;
    let mut candidates: Vec<(f64, Gap)> = Vec::new();
    for (di, d) in dims.iter().enumerate() {
        let Criteria::Points(criteria) = &d.criteria else { continue };
        for (ci, p) in criteria.iter().enumerate().filter(|(_, p)| p.applicable) {
            let credit = p.credit.clamp(0.0, 1.0);
            earned += p.points * credit;
            possible += p.points;
            if credit < 1.0 - EPS && p.points > 0.0 {
                candidates.push((
                    p.points * (1.0 - credit),
                    Gap {
                        dimension: di,
                        criterion: ci,
                    },
                ));
            }
        }
    }
    if possible <= 0.0 {
        return None;
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    greedy(candidates, earned, |e| scoring::share(e, possible) + EPS >= need)
}

/// Takes `candidates` (gain, item), in the order given (largest gain first), adding each gain
/// to `start` until `enough`; `None` when all of them do not suffice.
fn greedy<T>(candidates: Vec<(f64, T)>, start: f64, enough: impl Fn(f64) -> bool) -> Option<Vec<T>> {
    let mut sum = start;
    let mut out = Vec::new();
    for (gain, item) in candidates {
        if enough(sum) {
            break;
        }
        sum += gain;
        out.push(item);
    }
    enough(sum).then_some(out)
}

/// The smallest set of criteria (indexes in the dimension) whose fulfilment brings dimension
/// `d` to level `to` at least; `None` when no fulfilment can.
fn raise(rules: &Rules, d: &Dim, to: u8) -> Option<Vec<usize>> {
    match &d.criteria {
        Criteria::Staged(scored) => {
            let mut out = Vec::new();
            for level in d.level + 1..=to {
                out.extend(staged_level(scored, level, rules.threshold)?);
            }
            Some(out)
        }
        Criteria::Rated(rated) => {
            let answered: Vec<(usize, u8, f64)> = rated
                .iter()
                .enumerate()
                .filter_map(|(ci, r)| r.level.map(|l| (ci, l.clamp(1, 5), r.weight)))
                .collect();
            let total: f64 = answered.iter().map(|r| r.2).sum();
            if answered.is_empty() || total <= 0.0 {
                return None;
            }
            let below = answered.iter().filter(|r| r.1 < to);
            if !rules.rated_mean {
                return Some(below.map(|r| r.0).collect());
            }
            let mut candidates: Vec<(f64, usize)> = below.map(|r| (f64::from(to - r.1) * r.2, r.0)).collect();
            candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
            let sum: f64 = answered.iter().map(|r| f64::from(r.1) * r.2).sum();
            greedy(candidates, sum, |s| s / total + EPS >= f64::from(to))
        }
        // A points dimension's level does not make the overall one: the total share does.
        Criteria::Points(_) => None,
    }
}

/// The fewest criteria at staged `level` (largest weight short first) whose fulfilment makes
/// that level pass `threshold`; empty when it passes already.
fn staged_level(scored: &[Scored], level: u8, threshold: f64) -> Option<Vec<usize>> {
    let at = || scored.iter().enumerate().filter(|(_, s)| s.level == level && s.applicable);
    let possible: f64 = at().map(|(_, s)| s.weight).sum();
    if possible <= 0.0 {
        return Some(Vec::new());
    }
    let earned: f64 = at().map(|(_, s)| s.weight * s.credit).sum();
    let mut candidates: Vec<(f64, usize)> = at()
        .filter(|(_, s)| s.credit < 1.0 - EPS)
        .map(|(ci, s)| (s.weight * (1.0 - s.credit), ci))
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    greedy(candidates, earned, |e| e / possible + EPS >= threshold)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(level: u8, credit: f64) -> Scored {
        Scored {
            level,
            weight: 1.0,
            credit,
            applicable: true,
        }
    }

    fn rules(threshold: f64, overall_mean: bool) -> Rules {
        Rules {
            threshold,
            rated_mean: false,
            overall_mean,
            bands: vec![(5, 0.9), (4, 0.75), (3, 0.5), (2, 0.25)],
        }
    }

    /// Staged dimensions from their criteria, levels scored as `assess` does.
    fn staged_dims(dims: Vec<(f64, Vec<Scored>)>, threshold: f64) -> Vec<Dim> {
        dims.into_iter()
            .map(|(weight, c)| Dim {
                level: scoring::staged(&c, threshold).0,
                weight,
                criteria: Criteria::Staged(c),
            })
            .collect()
    }

    /// The overall level of staged `dims` after fulfilling `fulfilled` (rescored).
    fn staged_overall(dims: &[Dim], fulfilled: &[Gap], threshold: f64, mean: bool) -> u8 {
        let triples: Vec<(u8, f64, f64)> = dims
            .iter()
            .enumerate()
            .map(|(di, d)| {
                let Criteria::Staged(c) = &d.criteria else { unreachable!() };
                let mut c = c.clone();
                for g in fulfilled.iter().filter(|g| g.dimension == di) {
                    c[g.criterion].credit = 1.0;
                }
                let (l, i) = scoring::staged(&c, threshold);
                (l, i, d.weight)
            })
            .collect();
        scoring::overall(&triples, mean).0
    }

    #[test]
    fn minimum_raises_every_dimension_at_the_overall_level() {
        // Dimension 0 at 2 (one level-3 criterion short), 1 at 4, 2 at 2 (two short, one n/a).
        let na = Scored {
            applicable: false,
            ..s(3, 0.0)
        };
        let dims = staged_dims(
            vec![
                (1.0, vec![s(2, 1.0), s(3, 1.0), s(3, 0.0), s(4, 0.0)]),
                (1.0, vec![s(2, 1.0), s(3, 1.0), s(4, 1.0), s(5, 0.5)]),
                (1.0, vec![s(2, 1.0), s(3, 0.5), s(3, 0.0), na]),
            ],
            1.0,
        );
        let steps = steps(&rules(1.0, false), &dims, 2).unwrap();
        let mut ids: Vec<(usize, usize)> = steps.iter().map(|g| (g.dimension, g.criterion)).collect();
        ids.sort_unstable();
        assert_eq!(ids, [(0, 2), (2, 1), (2, 2)], "the n/a criterion and level 4 are not steps");
    }

    #[test]
    fn a_lower_threshold_needs_fewer_and_takes_the_heaviest() {
        let dims = staged_dims(vec![(1.0, vec![s(2, 0.0), Scored { weight: 3.0, ..s(2, 0.0) }, s(2, 1.0)])], 0.7);
        let steps = steps(&rules(0.7, false), &dims, 1).unwrap();
        assert_eq!(
            steps,
            [Gap {
                dimension: 0,
                criterion: 1
            }]
        );
    }

    #[test]
    fn mean_picks_the_cheapest_dimension_even_above_the_overall_level() {
        // Levels 1, 3, 4 (mean 2.67 -> 2). Raising dimension 2 from 4 to 5 costs one criterion
        // and lifts the mean to 3; raising dimension 0 to 3 would cost three.
        let dims = staged_dims(
            vec![
                (1.0, vec![s(2, 0.0), s(2, 0.0), s(3, 0.0)]),
                (1.0, vec![s(2, 1.0), s(3, 1.0), s(4, 0.0), s(4, 0.0)]),
                (1.0, vec![s(2, 1.0), s(3, 1.0), s(4, 1.0), s(5, 0.0)]),
            ],
            1.0,
        );
        assert_eq!(staged_overall(&dims, &[], 1.0, true), 2);
        let steps = steps(&rules(1.0, true), &dims, 2).unwrap();
        assert_eq!(
            steps,
            [Gap {
                dimension: 2,
                criterion: 3
            }]
        );
    }

    #[test]
    fn points_take_the_most_points_lost_and_stop_without_a_higher_band() {
        let p = |points, credit| Pointed {
            points,
            credit,
            applicable: true,
        };
        // 10 of 40 points: share 0.25, level 2; 0.5 needs 10 more: the 15-point criterion alone.
        let dims = vec![Dim {
            level: 2,
            weight: 1.0,
            criteria: Criteria::Points(vec![p(10.0, 1.0), p(5.0, 0.0), p(15.0, 0.0), p(10.0, 0.0)]),
        }];
        let r = rules(1.0, false);
        assert_eq!(
            steps(&r, &dims, 2).unwrap(),
            [Gap {
                dimension: 0,
                criterion: 2
            }]
        );
        let no_band = Rules {
            bands: vec![(2, 0.25)],
            ..rules(1.0, false)
        };
        assert!(steps(&no_band, &dims, 2).is_none());
    }

    #[test]
    fn a_rated_dimension_without_applicable_criteria_cannot_rise() {
        let dims = vec![Dim {
            level: 1,
            weight: 1.0,
            criteria: Criteria::Rated(vec![Rated { level: None, weight: 1.0 }]),
        }];
        assert!(steps(&rules(1.0, false), &dims, 1).is_none());
    }

    /// Random staged dimensions: (weight, criteria), few enough criteria to try every subset.
    fn staged_input() -> impl Strategy<Value = Vec<(f64, Vec<Scored>)>> {
        let criterion = (
            2u8..=5,
            prop::sample::select(vec![0.5, 1.0, 2.0]),
            prop::sample::select(vec![0.0, 0.5, 1.0, 1.0]),
            prop::bool::weighted(0.9),
        )
            .prop_map(|(level, weight, credit, applicable)| Scored {
                level,
                weight,
                credit,
                applicable,
            });
        prop::collection::vec((prop::sample::select(vec![1.0, 2.0]), prop::collection::vec(criterion, 0..6)), 1..4)
    }

    proptest! {
        /// Fulfilling the first steps raises the overall level by at least one, and no smaller
        /// set of unfulfilled criteria does.
        #[test]
        fn first_steps_raise_the_level_and_are_fewest(
            input in staged_input(),
            threshold in prop::sample::select(vec![0.5, 0.75, 1.0]),
            mean in any::<bool>(),
        ) {
            let dims = staged_dims(input, threshold);
            let level = staged_overall(&dims, &[], threshold, mean);
            prop_assume!(level < 5);
            let found = steps(&rules(threshold, mean), &dims, level);
            let found = found.expect("a staged level can always be raised");
            prop_assert!(staged_overall(&dims, &found, threshold, mean) > level);
            let open: Vec<Gap> = dims.iter().enumerate().flat_map(|(di, d)| {
                let Criteria::Staged(c) = &d.criteria else { unreachable!() };
                c.iter().enumerate().filter(|(_, s)| s.applicable && s.credit < 1.0).map(move |(ci, _)| Gap { dimension: di, criterion: ci }).collect::<Vec<_>>()
            }).collect();
            prop_assert!(found.iter().all(|g| open.contains(g)), "a step is applicable and not yet met");
            prop_assume!(open.len() <= 12);
            for mask in 0u32..(1 << open.len()) {
                if (mask.count_ones() as usize) < found.len() {
                    let subset: Vec<Gap> = open.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, g)| g.clone()).collect();
                    prop_assert!(staged_overall(&dims, &subset, threshold, mean) <= level, "a smaller set {subset:?} than {found:?} suffices");
                }
            }
        }

        /// Rated: answering the first steps at level 5 raises the overall level.
        #[test]
        fn rated_first_steps_raise_the_level(
            input in prop::collection::vec(prop::collection::vec((prop::option::weighted(0.9, 1u8..=5), prop::sample::select(vec![1.0, 2.0])), 0..5), 1..4),
            rated_mean in any::<bool>(),
            overall_mean in any::<bool>(),
        ) {
            let score = |dims: &[Vec<Rated>]| {
                let triples: Vec<(u8, f64, f64)> = dims.iter().map(|c| { let (l, i) = scoring::rated(c, rated_mean); (l, i, 1.0) }).collect();
                scoring::overall(&triples, overall_mean).0
            };
            let crits: Vec<Vec<Rated>> = input.into_iter().map(|c| c.into_iter().map(|(level, weight)| Rated { level, weight }).collect()).collect();
            let level = score(&crits);
            prop_assume!(level < 5);
            let dims: Vec<Dim> = crits.iter().map(|c| Dim { level: scoring::rated(c, rated_mean).0, weight: 1.0, criteria: Criteria::Rated(c.clone()) }).collect();
            let r = Rules { rated_mean, ..rules(1.0, overall_mean) };
            if let Some(found) = steps(&r, &dims, level) {
                let mut better = crits.clone();
                for g in &found {
                    prop_assert!(better[g.dimension][g.criterion].level.is_some());
                    better[g.dimension][g.criterion].level = Some(5);
                }
                prop_assert!(score(&better) > level);
            } else {
                prop_assert!(crits.iter().any(|c| c.iter().all(|r| r.level.is_none())));
            }
        }
    }
}
