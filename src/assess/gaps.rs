//! Gaps: the criteria that block a target level, by scoring method (SPEC section 3, Gaps).
//!
//! Each method orders its gaps so that the first ones are what to work on first: staged by
//! level, weight and id; rated by how far below the target; points by the points lost.

use std::cmp::Ordering;

use super::{CriterionResult, DimensionResult, Gap, Status};
use crate::model::rubric::{Criterion, Method, Rubric};

/// The criteria blocking level `target`, by the rubric's method (SPEC section 3, Gaps).
pub(super) fn gaps(rubric: &Rubric, dims: &[DimensionResult], target: u8) -> Vec<Gap> {
    match rubric.scoring.method.value {
        Method::Staged => staged_gaps(rubric, dims, target),
        Method::Rated => rated_gaps(rubric, dims, target),
        Method::Points => points_gaps(rubric, dims, target),
    }
}

/// Rated: every criterion counted below `target`, furthest below first, then by id.
fn rated_gaps(rubric: &Rubric, dims: &[DimensionResult], target: u8) -> Vec<Gap> {
    ranked(
        rubric,
        dims,
        |_, _, cr| {
            let below = cr.rated_level().filter(|level| *level < target).map(|level| target - level);
            below.or_else(|| capped(cr, target).then(|| target - cr.cap.unwrap_or(target)))
        },
        |a, b| b.cmp(a),
    )
}

/// Points: in every dimension below `target`, each applicable criterion short of full credit,
/// most points lost first, then by id.
fn points_gaps(rubric: &Rubric, dims: &[DimensionResult], target: u8) -> Vec<Gap> {
    ranked(
        rubric,
        dims,
        |r, c, cr| {
            let short = cr.counts && cr.status.is_scored() && cr.credit < 1.0 - 1e-9;
            (r.level < target && (short || capped(cr, target))).then(|| c.points.unwrap_or(0.0) * (1.0 - cr.credit))
        },
        |a, b| b.total_cmp(a),
    )
}

/// Staged: for each dimension below `target`, the criteria at levels in (dimension level,
/// target] that are not met or not applicable; by level, weight (high first), then id.
fn staged_gaps(rubric: &Rubric, dims: &[DimensionResult], target: u8) -> Vec<Gap> {
    ranked(
        rubric,
        dims,
        |r, c, cr| {
            let level = c.level.as_ref().map_or(2, |l| l.value);
            let blocks = level > r.level && level <= target && !matches!(cr.status, Status::Met | Status::NotApplicable | Status::Waived);
            (r.level < target && (blocks || capped(cr, target))).then_some((level, c.weight))
        },
        |a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)),
    )
}

/// Whether the answer to `cr` holds its dimension below `target` (an option's `level`).
fn capped(cr: &CriterionResult, target: u8) -> bool {
    cr.status.is_scored() && cr.cap.is_some_and(|cap| cap < target)
}

/// The criteria that `rank` gives a key (with their dimension's result), ordered by `order` of
/// their keys, then by id.
fn ranked<K>(
    rubric: &Rubric,
    dims: &[DimensionResult],
    rank: impl Fn(&DimensionResult, &Criterion, &CriterionResult) -> Option<K>,
    order: impl Fn(&K, &K) -> Ordering,
) -> Vec<Gap> {
    let mut out: Vec<(K, &str, Gap)> = Vec::new();
    for (di, (d, r)) in rubric.dimensions.iter().zip(dims).enumerate() {
        for (ci, (c, cr)) in d.criteria.iter().zip(&r.criteria).enumerate() {
            // Informational criteria are never gaps, unless their answer caps the level.
            if !cr.counts && cr.cap.is_none() {
                continue;
            }
            if let Some(key) = rank(r, c, cr) {
                out.push((
                    key,
                    &c.id.value,
                    Gap {
                        dimension: di,
                        criterion: ci,
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| order(&a.0, &b.0).then_with(|| a.1.cmp(b.1)));
    out.into_iter().map(|g| g.2).collect()
}
