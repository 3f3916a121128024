//! The view model's types: everything the Markdown and HTML reports show about one assessment,
//! as plain data the Markdown template and the HTML page writer format. [`super::view`] builds
//! them.
//!
//! Texts are raw here; each format escapes them as it writes them.

use serde::Serialize;

use crate::assess::RecordRef;
use crate::model::submission::InputFile;
use crate::report::chart::Radar;

/// The report of one assessment, as the Markdown template and the HTML page see it.
#[derive(Serialize)]
pub struct ReportView {
    /// Language code, for `<html lang>`.
    pub lang: String,
    /// Fixed texts.
    pub t: &'static crate::report::i18n::Texts,
    /// dgmat's version.
    pub tool_version: &'static str,
    /// Who.
    pub agency: AgencyView,
    /// As of.
    pub assessed_on: String,
    /// Against what.
    pub rubric: RubricView,
    /// The overall result.
    pub overall: LevelView,
    /// The target.
    pub target: TargetView,
    /// Why this level: the summary's sentences.
    pub why: super::why::Why,
    /// The smallest set of criteria whose fulfilment raises the overall level by one.
    pub first_steps: Vec<CriterionView>,
    /// Number of gaps.
    pub gap_count: usize,
    /// Error findings.
    pub error_count: usize,
    /// Warning findings.
    pub warning_count: usize,
    /// The scoring method: `staged`, `rated` or `points`.
    pub method: &'static str,
    /// The heading of the criteria tables' second column: the level (staged), the level
    /// answered (rated) or the points (points).
    pub score_heading: String,
    /// The heading of the summary's method column (`Points`, `at or above level 3`); `None`
    /// for staged rubrics, whose summary has no such column.
    pub extra_heading: Option<String>,
    /// A summary card for the method: the points earned (points) or the share of criteria at or
    /// above the target level (rated); `None` for staged.
    pub extra_card: Option<Card>,
    /// Per dimension, in rubric order.
    pub dimensions: Vec<DimensionView>,
    /// The gaps, grouped by dimension (rubric order), in priority order within each.
    pub action_plan: Vec<PlanGroup>,
    /// The rubric's groups of dimensions with their scores.
    pub groups: Vec<super::outcomes::GroupView>,
    /// Advice on answers that meet their criterion.
    pub suggestions: Vec<super::outcomes::SuggestionView>,
    /// Whether the rubric gives an overall level (`scoring.overall` is not `none`).
    pub has_overall: bool,
    /// The title of the heatmap section.
    pub heatmap_title: String,
    /// Criterion status by dimension and level (staged: the criteria's levels; rated: the
    /// levels counted for them); `None` for points rubrics, which show `points_chart`.
    pub heatmap: Option<Heatmap>,
    /// Points rubrics: the share of points earned by dimension.
    pub points_chart: Option<PointsChart>,
    /// The legend: every status with its name and how many criteria have it.
    pub statuses: Vec<StatusView>,
    /// Evidence cited by the answers, in rubric order.
    pub evidence: Vec<EvidenceView>,
    /// Findings, sorted.
    pub findings: Vec<FindingView>,
    /// Everything waived, with its waiver.
    pub waivers: Vec<super::waivers::WaiverView>,
    /// `--no-waivers`: every waiver was ignored.
    pub waivers_ignored: bool,
    /// Input files and their SHA-256.
    pub inputs: Vec<InputFile>,
    /// The radar chart.
    pub radar: Radar,
}

/// The agency.
#[derive(Serialize)]
pub struct AgencyView {
    /// Id.
    pub id: String,
    /// Name, else the id.
    pub name: String,
    /// Tier, in the report's language.
    pub tier: Option<&'static str>,
}

/// The rubric.
#[derive(Serialize)]
pub struct RubricView {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Title.
    pub title: String,
    /// SHA-256 of its text.
    pub sha256: String,
    /// An overlay's base, `id@version`, and the SHA-256 of its text.
    pub extends: Option<(String, String)>,
}

/// A level with its name and index.
#[derive(Serialize)]
pub struct LevelView {
    /// 1..5.
    pub level: u8,
    /// The rubric's name of the level.
    pub name: String,
    /// Index, two decimals.
    pub index: String,
    /// Points rubrics: `earned / possible pts`.
    pub points: Option<String>,
    /// Points rubrics: the share earned, `62.5%`.
    pub share: Option<String>,
    /// The summary's method column: the points and share (points rubrics) or the share of
    /// criteria at or above the target level (rated rubrics); `None` for staged.
    pub extra: Option<String>,
}

/// A summary card.
#[derive(Serialize)]
pub struct Card {
    /// Its heading.
    pub key: String,
    /// The value, large.
    pub value: String,
    /// A line under it.
    pub sub: String,
}

/// The target.
#[derive(Serialize)]
pub struct TargetView {
    /// Target id, when it is one of the rubric's.
    pub id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Level required.
    pub level: u8,
    /// The date it is due.
    pub due: Option<String>,
    /// Name of that level.
    pub name: String,
    /// Whether the overall level reaches it.
    pub met: bool,
}

/// One dimension.
#[derive(Serialize)]
pub struct DimensionView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Level reached.
    pub level: u8,
    /// Name of that level.
    pub level_name: String,
    /// Index, two decimals.
    pub index: String,
    /// Width of the index bar, percent of level 5.
    pub bar: String,
    /// Whether it reaches the target level.
    pub reached: bool,
    /// Points rubrics: `earned / possible pts`.
    pub points: Option<String>,
    /// The summary's method column, as for the overall level.
    pub extra: Option<String>,
    /// Its gaps.
    pub gap_count: usize,
    /// Its criteria, in rubric order.
    pub criteria: Vec<CriterionView>,
}

/// One criterion and its result.
#[derive(Serialize)]
pub struct CriterionView {
    /// Id.
    pub id: String,
    /// The criteria table's second column: its level (staged), the level answered (rated,
    /// `—` when none) or `earned / worth` points (points, `—` when it does not apply).
    pub score: String,
    /// The action plan's badge: `Level 3`, `answered 2` or `5 / 10 pts`; `None` when there is
    /// nothing to show (a rated criterion without an answered level).
    pub badge: Option<String>,
    /// Title.
    pub title: String,
    /// Status (snake_case, for CSS classes).
    pub status: &'static str,
    /// Status in the report's language.
    pub status_name: &'static str,
    /// A symbol of the status, for Markdown.
    pub icon: &'static str,
    /// Why, in words.
    pub detail: Option<String>,
    /// The respondent's note.
    pub note: Option<String>,
    /// What to do.
    pub action: String,
    /// The first failing records.
    pub records: Vec<RecordView>,
    /// How many more failing records there are.
    pub more_records: usize,
}

/// A failing record.
#[derive(Serialize)]
pub struct RecordView {
    /// Its collection.
    pub collection: String,
    /// Its key.
    pub key: String,
    /// Where it is written: `file:line`, or `book.xlsx!Sheet row 12`.
    pub place: String,
}

impl From<&RecordRef> for RecordView {
    fn from(r: &RecordRef) -> Self {
        RecordView {
            collection: r.collection.clone(),
            key: r.key.clone(),
            place: r.location.record_place(),
        }
    }
}

/// One dimension's bar in the points chart.
#[derive(Serialize)]
pub struct PointsRow {
    /// Dimension id (`Overall` for the total row).
    pub id: String,
    /// Dimension name.
    pub name: String,
    /// Its level.
    pub level: u8,
    /// `earned / possible pts`.
    pub points: String,
    /// The share earned, `62.5%`.
    pub share: String,
    /// Width of the bar, percent.
    pub width: String,
    /// Whether it reaches the target level.
    pub reached: bool,
    /// Whether this is the total row.
    pub total: bool,
}

/// A band of a points rubric: the least share of a level.
#[derive(Serialize)]
pub struct BandView {
    /// The level.
    pub level: u8,
    /// Its least share, `70%`.
    pub share: String,
    /// Where its mark sits on a bar, percent.
    pub left: String,
    /// Whether it is the target level's band.
    pub is_target: bool,
}

/// The share of points earned by dimension, with the bands marked on every bar.
#[derive(Serialize)]
pub struct PointsChart {
    /// One per dimension, then the total.
    pub rows: Vec<PointsRow>,
    /// The bands, lowest level first.
    pub bands: Vec<BandView>,
}

/// The gaps of one dimension.
#[derive(Serialize)]
pub struct PlanGroup {
    /// Dimension id.
    pub id: String,
    /// Dimension name.
    pub name: String,
    /// Its level.
    pub level: u8,
    /// Its gaps, in priority order.
    pub gaps: Vec<CriterionView>,
}

/// A column of the heatmap.
#[derive(Serialize)]
pub struct HeatLevel {
    /// The level (0: criteria without a level, as in rated and points rubrics).
    pub level: u8,
    /// Its heading: `Level 3`, or `—` for criteria without a level.
    pub label: String,
    /// Whether it is the target level.
    pub is_target: bool,
}

/// A row of the heatmap.
#[derive(Serialize)]
pub struct HeatRow {
    /// Dimension id.
    pub id: String,
    /// Dimension name.
    pub name: String,
    /// Its level.
    pub level: u8,
    /// One per heatmap level.
    pub cells: Vec<HeatCell>,
}

/// A cell of the heatmap: the criteria of one dimension at one level.
#[derive(Serialize)]
pub struct HeatCell {
    /// Whether the dimension has reached this level.
    pub reached: bool,
    /// The criteria.
    pub items: Vec<HeatItem>,
}

/// One criterion in the heatmap.
#[derive(Serialize)]
pub struct HeatItem {
    /// Id.
    pub id: String,
    /// Title, for the tooltip.
    pub title: String,
    /// Status (snake_case).
    pub status: &'static str,
    /// Status in the report's language.
    pub status_name: &'static str,
    /// A symbol of the status, for Markdown.
    pub icon: &'static str,
}

/// The criteria at each level, by dimension.
#[derive(Serialize)]
pub struct Heatmap {
    /// Columns.
    pub levels: Vec<HeatLevel>,
    /// Rows.
    pub rows: Vec<HeatRow>,
}

/// A status in the legend.
#[derive(Serialize)]
pub struct StatusView {
    /// snake_case.
    pub status: &'static str,
    /// In the report's language.
    pub name: &'static str,
    /// A symbol of the status, for Markdown.
    pub icon: &'static str,
    /// Criteria with it.
    pub count: usize,
}

/// A piece of evidence.
#[derive(Serialize)]
pub struct EvidenceView {
    /// The criterion it supports.
    pub criterion: String,
    /// Its status.
    pub status: &'static str,
    /// Its status in the report's language.
    pub status_name: &'static str,
    /// The document.
    pub reference: String,
    /// Its date.
    pub date: Option<String>,
    /// Its address as given.
    pub url: Option<String>,
    /// Its address when it is safe to link (http or https).
    pub href: Option<String>,
}

/// A finding.
#[derive(Serialize)]
pub struct FindingView {
    /// error or warning.
    pub severity: &'static str,
    /// The severity in the report's language, as the badge shows it.
    pub severity_name: &'static str,
    /// Rule id.
    pub rule: String,
    /// file:line:column.
    pub location: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
    /// "waived until DATE: reason", when a waiver exempts it.
    pub waived: Option<String>,
}
