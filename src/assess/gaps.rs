//! Gaps: the criteria that block a target level, by scoring method (SPEC section 3, Gaps).
//!
//! Each method orders its gaps so that the first ones are what to work on first: staged by
//! level, weight and id; rated by how far below the target; points by the points lost.

use super::{DimensionResult, Gap, Status};
use crate::model::rubric::{Method, Rubric};

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
    let mut out: Vec<(u8, &str, Gap)> = Vec::new();
    for (di, (d, r)) in rubric.dimensions.iter().zip(dims).enumerate() {
        for (ci, (c, cr)) in d.criteria.iter().zip(&r.criteria).enumerate() {
            if let Some(level) = cr.rated_level()
                && level < target
            {
                out.push((
                    target - level,
                    &c.id.value,
                    Gap {
                        dimension: di,
                        criterion: ci,
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    out.into_iter().map(|g| g.2).collect()
}

/// Points: in every dimension below `target`, each applicable criterion short of full credit,
/// most points lost first, then by id.
fn points_gaps(rubric: &Rubric, dims: &[DimensionResult], target: u8) -> Vec<Gap> {
    let mut out: Vec<(f64, &str, Gap)> = Vec::new();
    for (di, (d, r)) in rubric.dimensions.iter().zip(dims).enumerate() {
        if r.level >= target {
            continue;
        }
        for (ci, (c, cr)) in d.criteria.iter().zip(&r.criteria).enumerate() {
            if cr.status != Status::NotApplicable && cr.credit < 1.0 - 1e-9 {
                out.push((
                    c.points.unwrap_or(0.0) * (1.0 - cr.credit),
                    &c.id.value,
                    Gap {
                        dimension: di,
                        criterion: ci,
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    out.into_iter().map(|g| g.2).collect()
}

/// Staged: for each dimension below `target`, the criteria at levels in (dimension level,
/// target] that are not met or not applicable; by level, weight (high first), then id.
fn staged_gaps(rubric: &Rubric, dims: &[DimensionResult], target: u8) -> Vec<Gap> {
    let mut out: Vec<(u8, f64, &str, Gap)> = Vec::new();
    for (di, (d, r)) in rubric.dimensions.iter().zip(dims).enumerate() {
        if r.level >= target {
            continue;
        }
        for (ci, (c, cr)) in d.criteria.iter().zip(&r.criteria).enumerate() {
            let level = c.level.as_ref().map_or(2, |l| l.value);
            if level > r.level && level <= target && !matches!(cr.status, Status::Met | Status::NotApplicable) {
                out.push((
                    level,
                    c.weight,
                    &c.id.value,
                    Gap {
                        dimension: di,
                        criterion: ci,
                    },
                ));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then_with(|| a.2.cmp(b.2)));
    out.into_iter().map(|g| g.3).collect()
}
