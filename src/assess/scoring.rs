//! Staged scoring as pure functions (SPEC section 3), property-tested.
//!
//! Invariants: a dimension's level is in 1..=5; its index is in [level, level + 1) and is 5 at
//! level 5; raising one criterion's credit never lowers the level or the index.

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
    }
}
