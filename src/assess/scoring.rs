//! The three scoring methods as pure functions (SPEC section 3), property-tested.
//!
//! Invariants: a dimension's level is in 1..=5. Staged: its index is in [level, level + 1) and
//! is 5 at level 5; raising one criterion's credit never lowers the level or the index. Rated:
//! the minimum of the answered levels is never above their rounded-down mean. Points: more
//! credit never lowers the share, the level or the index.

/// Tolerance for comparing weighted shares with the threshold.
const EPS: f64 = 1e-9;

/// One criterion as scoring sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    /// Its level, 2..=5.
    pub level: u8,
    /// Its weight (> 0).
    pub weight: f64,
    /// Credit earned, 0..=1.
    pub credit: f64,
    /// False for `not_applicable`: it leaves the denominator.
    pub applicable: bool,
}

/// The weighted credit share of the criteria at `level`, or `None` when none applies.
pub fn level_share(criteria: &[Scored], level: u8) -> Option<f64> {
    let (earned, possible) = criteria
        .iter()
        .filter(|c| c.level == level && c.applicable)
        .fold((0.0, 0.0), |(e, p), c| (e + c.weight * c.credit, p + c.weight));
    (possible > 0.0).then(|| (earned / possible).clamp(0.0, 1.0))
}

/// A dimension's staged level and index. A level passes when its share reaches `threshold`
/// (a level with no applicable criteria passes); the dimension stops at the first that fails.
pub fn staged(criteria: &[Scored], threshold: f64) -> (u8, f64) {
    let mut level = 1;
    for next in 2..=5u8 {
        match level_share(criteria, next) {
            Some(share) if share + EPS < threshold => {
                return (level, f64::from(level) + share);
            }
            _ => level = next,
        }
    }
    (5, 5.0)
}

/// The overall level and index from dimension (level, index, weight) triples.
/// `mean` takes the weighted mean of levels rounded down; otherwise the minimum.
pub fn overall(dims: &[(u8, f64, f64)], mean: bool) -> (u8, f64) {
    let total: f64 = dims.iter().map(|d| d.2).sum();
    if dims.is_empty() || total <= 0.0 {
        return (1, 1.0);
    }
    let index = dims.iter().map(|d| d.1 * d.2).sum::<f64>() / total;
    let level = if mean {
        let m = dims.iter().map(|d| f64::from(d.0) * d.2).sum::<f64>() / total;
        (m + EPS).floor().clamp(1.0, 5.0) as u8
    } else {
        dims.iter().map(|d| d.0).min().unwrap_or(1)
    };
    (level, index.clamp(1.0, 5.0))
}

/// One criterion of a rated rubric: the level it was answered with (`None` leaves the
/// denominator: `not_applicable`), and its weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rated {
    /// The answered level, 1..=5; `None` for not applicable.
    pub level: Option<u8>,
    /// Its weight (> 0).
    pub weight: f64,
}

/// A rated dimension's level and index: the level is the minimum of the answered levels (or,
/// with `mean`, their weighted mean rounded down); the index is their weighted mean. With no
/// applicable criterion the dimension is at level 1, index 1.
pub fn rated(criteria: &[Rated], mean: bool) -> (u8, f64) {
    let answered: Vec<(f64, f64)> = criteria
        .iter()
        .filter_map(|c| c.level.map(|l| (f64::from(l.clamp(1, 5)), c.weight)))
        .collect();
    let total: f64 = answered.iter().map(|a| a.1).sum();
    if answered.is_empty() || total <= 0.0 {
        return (1, 1.0);
    }
    let index = (answered.iter().map(|a| a.0 * a.1).sum::<f64>() / total).clamp(1.0, 5.0);
    let level = if mean {
        (index + EPS).floor() as u8
    } else {
        answered.iter().map(|a| a.0 as u8).min().unwrap_or(1)
    };
    (level.clamp(1, 5), index)
}

/// The share of applicable criteria answered at or above each level 1..=5 (rated coverage).
/// With no applicable criterion every share is 0.
pub fn coverage(levels: impl Iterator<Item = Option<u8>> + Clone) -> [f64; 5] {
    let applicable = levels.clone().flatten().count();
    let mut out = [0.0; 5];
    if applicable == 0 {
        return out;
    }
    for (i, slot) in out.iter_mut().enumerate() {
        let at_or_above = levels.clone().flatten().filter(|l| usize::from(*l) > i).count();
        *slot = at_or_above as f64 / applicable as f64;
    }
    out
}

/// One criterion of a points rubric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pointed {
    /// The points it is worth (> 0).
    pub points: f64,
    /// Credit earned, 0..=1.
    pub credit: f64,
    /// False for `not_applicable`: its points leave the possible total.
    pub applicable: bool,
}

/// Points earned and possible over `criteria` (not-applicable ones count in neither).
pub fn points(criteria: &[Pointed]) -> (f64, f64) {
    criteria
        .iter()
        .filter(|c| c.applicable)
        .fold((0.0, 0.0), |(e, p), c| (e + c.points * c.credit.clamp(0.0, 1.0), p + c.points))
}

/// The share earned / possible, in [0, 1]. Nothing possible (every criterion not applicable)
/// counts as a full share, as a staged level without applicable criteria passes.
pub fn share(earned: f64, possible: f64) -> f64 {
    if possible <= 0.0 {
        1.0
    } else {
        (earned / possible).clamp(0.0, 1.0)
    }
}

/// The level `share` earns under `bands` ((level, least share) pairs, any order): the highest
/// level whose least share is reached; level 1 below every band.
pub fn band_level(share: f64, bands: &[(u8, f64)]) -> u8 {
    bands
        .iter()
        .filter(|(_, min)| share + EPS >= *min)
        .map(|(level, _)| *level)
        .max()
        .unwrap_or(1)
        .clamp(1, 5)
}

/// A points dimension (or the whole rubric): (level, index) of a share, index = 1 + 4 × share.
pub fn points_level(share: f64, bands: &[(u8, f64)]) -> (u8, f64) {
    (band_level(share, bands), 1.0 + 4.0 * share.clamp(0.0, 1.0))
}

/// A group's score and the most it can be, from its dimensions' scores: each dimension's
/// level (out of 5), or in a points rubric its points earned (out of its points possible);
/// summed, or averaged.
pub fn group(rubric: &crate::model::rubric::Rubric, g: &crate::model::rubric::Group, dims: &[super::DimensionResult]) -> (f64, f64) {
    let scores: Vec<(f64, f64)> = g
        .dimensions
        .iter()
        .filter_map(|id| rubric.dimensions.iter().position(|d| d.id.value == id.value))
        .map(|i| dims[i].points.unwrap_or((f64::from(dims[i].level), 5.0)))
        .collect();
    let (sum, max) = scores.iter().fold((0.0, 0.0), |(s, m), (ds, dm)| (s + ds, m + dm));
    match g.score {
        crate::model::rubric::GroupScore::Sum => (sum, max),
        crate::model::rubric::GroupScore::Mean if scores.is_empty() => (0.0, 0.0),
        crate::model::rubric::GroupScore::Mean => (sum / scores.len() as f64, max / scores.len() as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(level: u8, credit: f64) -> Scored {
        Scored {
            level,
            weight: 1.0,
            credit,
            applicable: true,
        }
    }

    #[test]
    fn worked_example() {
        // Level 2 fully met, level 3 half met: level 2, index 2.5.
        let crits = [c(2, 1.0), c(2, 1.0), c(3, 1.0), c(3, 0.0), c(4, 1.0)];
        assert_eq!(staged(&crits, 1.0), (2, 2.5));
    }

    #[test]
    fn partial_credit_blocks_at_full_threshold_but_passes_lower_one() {
        let crits = [c(2, 0.5), c(2, 1.0)];
        assert_eq!(staged(&crits, 1.0), (1, 1.75));
        assert_eq!(staged(&crits, 0.75).0, 5);
    }

    #[test]
    fn not_applicable_leaves_the_denominator() {
        let crits = [
            c(2, 1.0),
            Scored {
                applicable: false,
                ..c(2, 0.0)
            },
        ];
        assert_eq!(staged(&crits, 1.0), (5, 5.0));
    }

    #[test]
    fn weights_count() {
        let crits = [Scored { weight: 3.0, ..c(2, 1.0) }, c(2, 0.0)];
        assert_eq!(staged(&crits, 0.75), (5, 5.0));
        assert_eq!(staged(&crits, 1.0), (1, 1.75));
    }

    #[test]
    fn overall_minimum_and_mean() {
        let dims = [(2, 2.5, 1.0), (4, 4.0, 1.0), (3, 3.5, 2.0)];
        assert_eq!(overall(&dims, false).0, 2);
        assert_eq!(overall(&dims, true).0, 3);
        assert!((overall(&dims, false).1 - 3.375).abs() < 1e-12);
    }

    fn r(level: u8, weight: f64) -> Rated {
        Rated {
            level: Some(level),
            weight,
        }
    }

    #[test]
    fn rated_worked_example() {
        // Levels 3, 2, 4 (weights 1, 1, 2): weakest link 2; mean (3 + 2 + 8) / 4 = 3.25.
        let crits = [r(3, 1.0), r(2, 1.0), r(4, 2.0)];
        assert_eq!(rated(&crits, false), (2, 3.25));
        assert_eq!(rated(&crits, true), (3, 3.25));
    }

    #[test]
    fn rated_not_applicable_leaves_and_nothing_answered_is_level_1() {
        let crits = [r(4, 1.0), Rated { level: None, weight: 5.0 }];
        assert_eq!(rated(&crits, false), (4, 4.0));
        assert_eq!(rated(&[Rated { level: None, weight: 1.0 }], false), (1, 1.0));
        assert_eq!(rated(&[], true), (1, 1.0));
    }

    #[test]
    fn rated_coverage_counts_at_or_above() {
        let levels = [Some(3), Some(2), Some(4), None, Some(5)];
        assert_eq!(coverage(levels.iter().copied()), [1.0, 1.0, 0.75, 0.5, 0.25]);
    }

    const BANDS: [(u8, f64); 4] = [(5, 0.9), (4, 0.75), (3, 0.5), (2, 0.25)];

    #[test]
    fn bands_at_their_edges() {
        assert_eq!(band_level(0.0, &BANDS), 1);
        assert_eq!(band_level(0.2499, &BANDS), 1);
        assert_eq!(band_level(0.25, &BANDS), 2);
        assert_eq!(band_level(0.5, &BANDS), 3);
        assert_eq!(band_level(0.7499, &BANDS), 3);
        assert_eq!(band_level(0.75, &BANDS), 4);
        assert_eq!(band_level(0.9, &BANDS), 5);
        assert_eq!(band_level(1.0, &BANDS), 5);
        // 3 of 4 points is exactly 0.75 even after floating-point division.
        assert_eq!(band_level(share(0.3 + 0.3 + 0.3, 1.2), &BANDS), 4);
    }

    #[test]
    fn points_worked_example() {
        // 10 points met, 10 half met (partial), 5 not met, 5 not applicable:
        // earned 15 of 25 possible = 0.6 -> level 3, index 1 + 4 * 0.6 = 3.4.
        let p = |points, credit, applicable| Pointed {
            points,
            credit,
            applicable,
        };
        let crits = [p(10.0, 1.0, true), p(10.0, 0.5, true), p(5.0, 0.0, true), p(5.0, 0.0, false)];
        let (earned, possible) = points(&crits);
        assert_eq!((earned, possible), (15.0, 25.0));
        let (level, index) = points_level(share(earned, possible), &BANDS);
        assert_eq!(level, 3);
        assert!((index - 3.4).abs() < 1e-12);
        assert_eq!(share(0.0, 0.0), 1.0);
    }

    fn criteria() -> impl Strategy<Value = Vec<Scored>> {
        prop::collection::vec(
            (
                2u8..=5,
                0.1f64..5.0,
                prop::sample::select(vec![0.0, 0.5, 1.0]),
                prop::bool::weighted(0.9),
            )
                .prop_map(|(level, weight, credit, applicable)| Scored {
                    level,
                    weight,
                    credit,
                    applicable,
                }),
            0..24,
        )
    }

    proptest! {
        #[test]
        fn level_and_index_are_in_range(crits in criteria(), threshold in 0.05f64..=1.0) {
            let (level, index) = staged(&crits, threshold);
            prop_assert!((1..=5).contains(&level));
            prop_assert!(index >= f64::from(level));
            if level == 5 { prop_assert_eq!(index, 5.0) } else { prop_assert!(index < f64::from(level) + 1.0) }
        }

        #[test]
        fn more_credit_never_lowers_level_or_index(crits in criteria(), pick in any::<prop::sample::Index>(), threshold in 0.05f64..=1.0) {
            prop_assume!(!crits.is_empty());
            let (level, index) = staged(&crits, threshold);
            let mut better = crits.clone();
            let i = pick.index(better.len());
            better[i].credit = 1.0;
            let (level2, index2) = staged(&better, threshold);
            prop_assert!(level2 >= level);
            prop_assert!(index2 + 1e-9 >= index);
        }

        #[test]
        fn overall_level_is_within_dimension_levels(dims in prop::collection::vec((1u8..=5, 0.1f64..3.0), 1..12), mean in any::<bool>()) {
            let dims: Vec<(u8, f64, f64)> = dims.into_iter().map(|(l, w)| (l, f64::from(l), w)).collect();
            let (level, index) = overall(&dims, mean);
            let lo = dims.iter().map(|d| d.0).min().unwrap();
            let hi = dims.iter().map(|d| d.0).max().unwrap();
            prop_assert!(level >= lo && level <= hi);
            prop_assert!((1.0..=5.0).contains(&index));
        }

        #[test]
        fn rated_minimum_is_at_most_mean(levels in prop::collection::vec((prop::option::weighted(0.9, 1u8..=5), 0.1f64..5.0), 0..16)) {
            let crits: Vec<Rated> = levels.into_iter().map(|(level, weight)| Rated { level, weight }).collect();
            let (min, index) = rated(&crits, false);
            let (mean, index2) = rated(&crits, true);
            prop_assert!(min <= mean);
            prop_assert_eq!(index, index2);
            prop_assert!(f64::from(mean) <= index + 1e-9 && index < f64::from(mean) + 1.0);
            prop_assert!((1..=5).contains(&min) && (1..=5).contains(&mean));
        }

        #[test]
        fn rated_higher_answer_never_lowers_level(levels in prop::collection::vec(1u8..=5, 1..16), pick in any::<prop::sample::Index>(), mean in any::<bool>()) {
            let crits: Vec<Rated> = levels.iter().map(|l| Rated { level: Some(*l), weight: 1.0 }).collect();
            let mut better = crits.clone();
            let i = pick.index(better.len());
            better[i].level = Some(5);
            prop_assert!(rated(&better, mean).0 >= rated(&crits, mean).0);
            prop_assert!(rated(&better, mean).1 + 1e-9 >= rated(&crits, mean).1);
        }

        #[test]
        fn a_larger_share_never_earns_a_lower_band(a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(band_level(lo, &BANDS) <= band_level(hi, &BANDS));
            prop_assert!(points_level(lo, &BANDS).1 <= points_level(hi, &BANDS).1);
        }

        #[test]
        fn more_points_credit_never_lowers_level_or_index(
            crits in prop::collection::vec((0.5f64..20.0, prop::sample::select(vec![0.0, 0.25, 0.5, 1.0]), prop::bool::weighted(0.9)), 1..20),
            pick in any::<prop::sample::Index>(),
        ) {
            let crits: Vec<Pointed> = crits.into_iter().map(|(points, credit, applicable)| Pointed { points, credit, applicable }).collect();
            let (e, p) = points(&crits);
            let (level, index) = points_level(share(e, p), &BANDS);
            let mut better = crits.clone();
            let i = pick.index(better.len());
            better[i].credit = 1.0;
            let (e2, p2) = points(&better);
            let (level2, index2) = points_level(share(e2, p2), &BANDS);
            prop_assert!(level2 >= level);
            prop_assert!(index2 + 1e-9 >= index);
            prop_assert!((1.0..=5.0).contains(&index) && (1..=5).contains(&level));
        }
    }
}
