//! Progress between two assessments (`dgmat diff`): the change of each dimension's and the
//! overall level and index, criteria newly met and newly failing, gaps closed and opened.
//!
//! Works on JSON reports (SPEC section 5) so that a report saved last year can be compared
//! with one made today; submissions are assessed and rendered to the same report first. Pure:
//! nothing here reads files or prints. Output is deterministic: dimensions in the new report's
//! order (then any only the old one has), criteria and gaps in report order.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

/// The diff format version.
pub const DIFF_VERSION: u32 = 1;

/// The parts of a JSON report a diff reads.
#[derive(Debug, Deserialize)]
pub struct ReportView {
    /// The report format version; must be 1.
    pub dgmat_report: u32,
    /// The rubric used.
    pub rubric: RubricView,
    /// Who was assessed.
    pub agency: AgencyView,
    /// As of when.
    pub assessed_on: String,
    /// Overall result.
    pub overall: LevelView,
    /// The target measured against.
    pub target: TargetView,
    /// Per dimension.
    pub dimensions: Vec<DimensionView>,
    /// Criteria blocking the target.
    #[serde(default)]
    pub gaps: Vec<GapView>,
}

/// A report's rubric reference.
#[derive(Debug, Deserialize)]
pub struct RubricView {
    /// Rubric id.
    pub id: String,
    /// Rubric version.
    pub version: String,
}

/// A report's agency.
#[derive(Debug, Deserialize)]
pub struct AgencyView {
    /// Agency id.
    pub id: String,
    /// Agency name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A level and index.
#[derive(Debug, Deserialize)]
pub struct LevelView {
    /// Level 1..5.
    pub level: u8,
    /// Index in [1, 5].
    pub index: f64,
}

/// A report's target.
#[derive(Debug, Deserialize)]
pub struct TargetView {
    /// Target id, if a rubric target.
    #[serde(default)]
    pub id: Option<String>,
    /// Target level.
    pub level: u8,
}

/// A report's dimension.
#[derive(Debug, Deserialize)]
pub struct DimensionView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Level.
    pub level: u8,
    /// Index.
    pub index: f64,
    /// Its criteria.
    pub criteria: Vec<CriterionView>,
}

/// A report's criterion.
#[derive(Debug, Deserialize)]
pub struct CriterionView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Status (`met`, `partial`, ...).
    pub status: String,
}

/// A report's gap.
#[derive(Debug, Deserialize)]
pub struct GapView {
    /// Dimension id.
    pub dimension: String,
    /// Criterion id.
    pub criterion: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: String,
}

/// One side of the comparison.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Side {
    /// Where it came from (a report file or a submission).
    pub source: String,
    /// `id@version` of its rubric.
    pub rubric: String,
    /// Agency id.
    pub agency: String,
    /// As of when.
    pub assessed_on: String,
    /// Overall level.
    pub level: u8,
    /// Overall index.
    pub index: f64,
    /// Target level.
    pub target: u8,
}

/// A change of level and index (`None` where a side lacks the dimension).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// Dimension id (`overall` for the whole).
    pub id: String,
    /// Dimension name.
    pub name: String,
    /// Level before.
    pub old_level: Option<u8>,
    /// Level after.
    pub new_level: Option<u8>,
    /// After minus before, when both exist.
    pub level_change: Option<i16>,
    /// Index before.
    pub old_index: Option<f64>,
    /// Index after.
    pub new_index: Option<f64>,
    /// After minus before, rounded to 2 decimals, when both exist.
    pub index_change: Option<f64>,
}

/// A criterion whose status changed across the met line.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct CriterionChange {
    /// Dimension id.
    pub dimension: String,
    /// Criterion id.
    pub criterion: String,
    /// Title (as the new report has it).
    pub title: String,
    /// Status before.
    pub old_status: String,
    /// Status after.
    pub new_status: String,
}

/// A gap present on one side only.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GapChange {
    /// Dimension id.
    pub dimension: String,
    /// Criterion id.
    pub criterion: String,
    /// Title.
    pub title: String,
    /// Its status on the side that has the gap.
    pub status: String,
}

/// The whole comparison.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Diff {
    /// Format version.
    pub dgmat_diff: u32,
    /// Before.
    pub old: Side,
    /// After.
    pub new: Side,
    /// Reasons the two may not be comparable (different rubric, agency or target).
    pub warnings: Vec<String>,
    /// Overall change.
    pub overall: Change,
    /// Per dimension.
    pub dimensions: Vec<Change>,
    /// Criteria not met before and met now.
    pub newly_met: Vec<CriterionChange>,
    /// Criteria met before and not now (not-applicable ones excepted).
    pub newly_failing: Vec<CriterionChange>,
    /// Gaps of the old report that the new one no longer has.
    pub gaps_closed: Vec<GapChange>,
    /// Gaps of the new report that the old one did not have.
    pub gaps_opened: Vec<GapChange>,
}

impl Diff {
    /// What got worse: the overall or a dimension's level went down, or criteria stopped being
    /// met. Empty when nothing regressed.
    pub fn regressions(&self) -> Vec<String> {
        let mut out: Vec<String> = std::iter::once(&self.overall)
            .chain(&self.dimensions)
            .filter_map(|c| match (c.old_level, c.new_level, c.level_change) {
                (Some(old), Some(new), Some(d)) if d < 0 => Some(format!("{} level {old} → {new}", c.id)),
                _ => None,
            })
            .collect();
        if !self.newly_failing.is_empty() {
            let named: Vec<String> = self
                .newly_failing
                .iter()
                .map(|c| format!("{} (now {})", c.criterion, c.new_status))
                .collect();
            let n = named.len();
            let noun = if n == 1 { "criterion" } else { "criteria" };
            out.push(format!("{n} {noun} no longer met: {}", named.join(", ")));
        }
        out
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn change(id: &str, name: &str, old: Option<(u8, f64)>, new: Option<(u8, f64)>) -> Change {
    let both = old.zip(new);
    Change {
        id: id.to_string(),
        name: name.to_string(),
        old_level: old.map(|o| o.0),
        new_level: new.map(|n| n.0),
        level_change: both.map(|(o, n)| i16::from(n.0) - i16::from(o.0)),
        old_index: old.map(|o| o.1),
        new_index: new.map(|n| n.1),
        index_change: both.map(|(o, n)| round2(n.1 - o.1)),
    }
}

fn side(source: &str, r: &ReportView) -> Side {
    Side {
        source: source.to_string(),
        rubric: format!("{}@{}", r.rubric.id, r.rubric.version),
        agency: r.agency.id.clone(),
        assessed_on: r.assessed_on.clone(),
        level: r.overall.level,
        index: r.overall.index,
        target: r.target.level,
    }
}

/// Compares `old` (read from `old_source`) with `new`.
pub fn diff(old_source: &str, old: &ReportView, new_source: &str, new: &ReportView) -> Diff {
    let (newly_met, newly_failing) = criterion_changes(old, new);
    Diff {
        dgmat_diff: DIFF_VERSION,
        old: side(old_source, old),
        new: side(new_source, new),
        warnings: warnings(old, new),
        overall: change(
            "overall",
            "Overall",
            Some((old.overall.level, old.overall.index)),
            Some((new.overall.level, new.overall.index)),
        ),
        dimensions: dimension_changes(old, new),
        newly_met,
        newly_failing,
        gaps_closed: gaps_only_in(old, new),
        gaps_opened: gaps_only_in(new, old),
    }
}

/// Why the two reports may not be comparable: different rubrics, agencies or targets.
fn warnings(old: &ReportView, new: &ReportView) -> Vec<String> {
    let mut warnings = Vec::new();
    if old.rubric.id != new.rubric.id {
        warnings.push(format!(
            "the reports use different rubrics (`{}` and `{}`): levels may not be comparable",
            old.rubric.id, new.rubric.id
        ));
    } else if old.rubric.version != new.rubric.version {
        warnings.push(format!(
            "the reports use different versions of rubric `{}` ({} and {}): criteria may have changed",
            new.rubric.id, old.rubric.version, new.rubric.version
        ));
    }
    if old.agency.id != new.agency.id {
        warnings.push(format!(
            "the reports are for different agencies (`{}` and `{}`)",
            old.agency.id, new.agency.id
        ));
    }
    if old.target.level != new.target.level {
        warnings.push(format!(
            "the reports measure different targets (level {} and level {}): gaps closed and opened reflect that too",
            old.target.level, new.target.level
        ));
    }
    warnings
}

/// Each dimension's change: the new report's dimensions in order, then those only the old one has.
fn dimension_changes(old: &ReportView, new: &ReportView) -> Vec<Change> {
    let old_dims: HashMap<&str, &DimensionView> = old.dimensions.iter().map(|d| (d.id.as_str(), d)).collect();
    let new_ids: HashSet<&str> = new.dimensions.iter().map(|d| d.id.as_str()).collect();
    let mut dimensions: Vec<Change> = new
        .dimensions
        .iter()
        .map(|d| {
            let before = old_dims.get(d.id.as_str()).map(|o| (o.level, o.index));
            change(&d.id, &d.name, before, Some((d.level, d.index)))
        })
        .collect();
    dimensions.extend(
        old.dimensions
            .iter()
            .filter(|d| !new_ids.contains(d.id.as_str()))
            .map(|d| change(&d.id, &d.name, Some((d.level, d.index)), None)),
    );
    dimensions
}

/// The criteria of both reports that became met, and those that stopped being met.
fn criterion_changes(old: &ReportView, new: &ReportView) -> (Vec<CriterionChange>, Vec<CriterionChange>) {
    let old_status: HashMap<&str, &str> = old
        .dimensions
        .iter()
        .flat_map(|d| &d.criteria)
        .map(|c| (c.id.as_str(), c.status.as_str()))
        .collect();
    let mut newly_met = Vec::new();
    let mut newly_failing = Vec::new();
    for d in &new.dimensions {
        for c in &d.criteria {
            let Some(before) = old_status.get(c.id.as_str()).copied() else {
                continue;
            };
            let entry = || CriterionChange {
                dimension: d.id.clone(),
                criterion: c.id.clone(),
                title: c.title.clone(),
                old_status: before.to_string(),
                new_status: c.status.clone(),
            };
            if before != "met" && c.status == "met" {
                newly_met.push(entry());
            } else if before == "met" && !matches!(c.status.as_str(), "met" | "not_applicable" | "waived") {
                newly_failing.push(entry());
            }
        }
    }
    (newly_met, newly_failing)
}

/// The gaps of `this` report that `other` does not have (by dimension and criterion), in order.
fn gaps_only_in(this: &ReportView, other: &ReportView) -> Vec<GapChange> {
    let key = |g: &GapView| (g.dimension.clone(), g.criterion.clone());
    let others: HashSet<(String, String)> = other.gaps.iter().map(key).collect();
    this.gaps
        .iter()
        .filter(|g| !others.contains(&key(g)))
        .map(|g| GapChange {
            dimension: g.dimension.clone(),
            criterion: g.criterion.clone(),
            title: g.title.clone(),
            status: g.status.clone(),
        })
        .collect()
}
