//! The view model of a batch's `index.html`: the league table, the distribution of overall
//! levels as a bar chart, each target's and portfolio goal's result, and links to every
//! agency's report. Computed from the batch rows and indicators; the template only formats.

use serde::Serialize;

use crate::assess::portfolio::{Kpis, Row, RowStatus, Shares, TargetKpi};
use crate::assess::round::Round;
use crate::lang::Lang;
use crate::model::rubric::{LoadedRubric, Rubric};
use crate::report::assessment::view::tier_name;
use crate::report::catalog;
use crate::report::chart::{Bars, bars};
use crate::report::i18n::texts;

/// The page.
#[derive(Serialize)]
pub struct IndexView {
    /// Language code.
    pub lang: String,
    /// Fixed texts.
    pub t: &'static crate::report::i18n::Texts,
    /// dgmat's version.
    pub tool_version: &'static str,
    /// Rubric title.
    pub rubric_title: String,
    /// Rubric id.
    pub rubric_id: String,
    /// Rubric version.
    pub rubric_version: String,
    /// Rubric SHA-256.
    pub rubric_sha256: String,
    /// The round's name.
    pub round: String,
    /// The round's date.
    pub round_date: String,
    /// Agencies the shares are over.
    pub counted: usize,
    /// The integrity warnings (duplicates, look-alike ids, stale and incomplete submissions).
    pub warnings: Vec<String>,
    /// Submissions listed but not counted (superseded, in conflict, stale), by path.
    pub not_counted: Vec<NotCountedRow>,
    /// Shares at or above each level 2..5 within each tier.
    pub tier_shares: Vec<ShareRow>,
    /// Shares at or above each level 2..5 by each dimension's level.
    pub dimension_shares: Vec<ShareRow>,
    /// Counts.
    pub submissions: usize,
    /// Assessed.
    pub assessed: usize,
    /// Invalid.
    pub invalid: usize,
    /// Below the gate.
    pub below_gate: usize,
    /// Dimension ids, the league table's columns.
    pub dimensions: Vec<DimHead>,
    /// Assessed agencies, best first.
    pub league: Vec<LeagueRow>,
    /// Submissions that could not be assessed, by path.
    pub invalid_rows: Vec<InvalidRow>,
    /// Whether the rubric gives an overall level: without one (`overall: none`) the chart, the
    /// overall shares and the league's level and index columns are left out.
    pub has_overall: bool,
    /// Distribution of overall levels.
    pub chart: Bars,
    /// Shares at or above each level.
    pub shares: Vec<ShareView>,
    /// The rubric's targets.
    pub targets: Vec<TargetView>,
    /// With `batch --verified`: the verification figures.
    pub verification: Option<super::verified::VerificationView>,
}

/// A submission listed but not counted.
#[derive(Serialize)]
pub struct NotCountedRow {
    /// Submission path.
    pub path: String,
    /// Agency id.
    pub id: Option<String>,
    /// superseded, conflict or stale.
    pub status: &'static str,
    /// Its assessment date.
    pub assessed_on: String,
    /// Why it is not counted.
    pub note: String,
    /// The HTML report.
    pub html: Option<String>,
}

/// One line of shares at or above levels 2..5.
#[derive(Serialize)]
pub struct ShareRow {
    /// The tier or dimension.
    pub label: String,
    /// How many submissions it is over (tiers only).
    pub count: Option<usize>,
    /// Percent at or above levels 2, 3, 4 and 5.
    pub percents: Vec<String>,
}

/// A dimension column.
#[derive(Serialize)]
pub struct DimHead {
    /// Id.
    pub id: String,
    /// Name, for the tooltip.
    pub name: String,
}

/// One assessed agency.
#[derive(Serialize)]
pub struct LeagueRow {
    /// Rank (ties share a rank).
    pub rank: usize,
    /// Agency id.
    pub id: String,
    /// Agency name, else id.
    pub name: String,
    /// Tier.
    pub tier: Option<&'static str>,
    /// Submission path.
    pub path: String,
    /// Its assessment date.
    pub assessed_on: String,
    /// ok or incomplete.
    pub status: &'static str,
    /// Overall level.
    pub level: u8,
    /// Index, two decimals.
    pub index: String,
    /// Target met.
    pub target_met: bool,
    /// Dimension levels.
    pub dimensions: Vec<Option<u8>>,
    /// The verified overall level, when an inspector verified it.
    pub verified_level: Option<u8>,
    /// Self-assessed minus verified level, signed, when verified.
    pub overclaim: Option<String>,
    /// The ids of the dimensions holding its overall level.
    pub limited_by: String,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// The HTML report, relative to the output directory.
    pub html: Option<String>,
    /// The JSON report.
    pub json: Option<String>,
}

/// A submission that could not be assessed.
#[derive(Serialize)]
pub struct InvalidRow {
    /// Submission path.
    pub path: String,
    /// Agency id, when known.
    pub id: Option<String>,
    /// Why.
    pub error: String,
}

/// A share of agencies at or above a level.
#[derive(Serialize)]
pub struct ShareView {
    /// The level.
    pub level: u8,
    /// Percent, one decimal.
    pub percent: String,
}

/// A target over the batch.
#[derive(Serialize)]
pub struct TargetView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Level.
    pub level: u8,
    /// Due date.
    pub due: Option<String>,
    /// Agencies at or above it.
    pub met_count: usize,
    /// Their share, percent.
    pub percent: String,
    /// Portfolio goals.
    pub goals: Vec<GoalView>,
    /// Whether every goal is met (absent without goals).
    pub portfolio_met: Option<bool>,
}

/// A portfolio goal.
#[derive(Serialize)]
pub struct GoalView {
    /// Level.
    pub level: u8,
    /// Required share, percent.
    pub required: String,
    /// Reached share, percent.
    pub actual: String,
    /// Met.
    pub met: bool,
}

/// Shares at or above levels 2..5 as percents.
fn percents(s: &Shares, lang: Lang) -> Vec<String> {
    s.iter()
        .filter(|(l, _)| **l >= 2)
        .map(|(_, x)| crate::report::locale::percent(*x, lang))
        .collect()
}

/// Builds the index of a batch.
pub fn build(rubric: &LoadedRubric, rows: &[Row], kpis: &Kpis, round: &Round, warnings: &[String], lang: Lang) -> IndexView {
    let r = &rubric.rubric;
    IndexView {
        round: round.name.clone(),
        round_date: crate::report::locale::date(&round.date.to_string(), lang),
        counted: kpis.totals.counted,
        warnings: warnings.iter().map(|w| catalog::text(w, lang)).collect(),
        not_counted: rows
            .iter()
            .filter(|x| x.status.is_assessed() && !x.status.counts())
            .map(|x| NotCountedRow {
                path: x.path.clone(),
                id: x.agency_id.clone(),
                status: x.status.name(),
                assessed_on: crate::report::locale::date(x.assessed_on.as_deref().unwrap_or_default(), lang),
                note: catalog::text(x.note.as_deref().unwrap_or_default(), lang),
                html: html_of(x),
            })
            .collect(),
        tier_shares: kpis
            .at_or_above
            .tiers
            .iter()
            .map(|(t, k)| ShareRow {
                label: t.clone(),
                count: Some(k.submissions),
                percents: percents(&k.at_or_above, lang),
            })
            .collect(),
        dimension_shares: r
            .dimensions
            .iter()
            .filter_map(|d| {
                kpis.at_or_above.dimensions.get(&d.id.value).map(|s| ShareRow {
                    label: format!("{} {}", d.id.value, d.name.get(lang)),
                    count: None,
                    percents: percents(s, lang),
                })
            })
            .collect(),
        lang: lang.code().to_string(),
        t: texts(lang),
        tool_version: env!("CARGO_PKG_VERSION"),
        rubric_title: r.title.get(lang).to_string(),
        rubric_id: r.id.value.clone(),
        rubric_version: r.version.clone(),
        rubric_sha256: rubric.sha256.clone(),
        submissions: kpis.totals.submissions,
        assessed: kpis.totals.assessed,
        invalid: kpis.totals.invalid,
        below_gate: kpis.totals.below_gate,
        dimensions: r
            .dimensions
            .iter()
            .map(|d| DimHead {
                id: d.id.value.clone(),
                name: d.name.get(lang).to_string(),
            })
            .collect(),
        league: league(rows, lang),
        invalid_rows: invalid_rows(rows, lang),
        has_overall: r.scoring.overall != crate::model::rubric::Overall::None,
        chart: distribution(kpis, lang),
        shares: kpis
            .at_or_above
            .overall
            .iter()
            .map(|(l, s)| ShareView {
                level: *l,
                percent: crate::report::locale::percent(*s, lang),
            })
            .collect(),
        targets: kpis.targets.iter().map(|k| target(r, k, lang)).collect(),
        verification: kpis.verification.as_ref().map(|v| super::verified::build(r, v, lang)),
    }
}

/// The league table: the assessed agencies, best first, ties sharing a rank.
fn league(rows: &[Row], lang: Lang) -> Vec<LeagueRow> {
    let mut ok: Vec<&Row> = rows
        .iter()
        .filter(|x| matches!(x.status, RowStatus::Ok | RowStatus::Incomplete))
        .collect();
    // Best first: overall level, then index, then path so that ties have a stable order.
    ok.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(b.index.unwrap_or(0.0).total_cmp(&a.index.unwrap_or(0.0)))
            .then_with(|| a.path.cmp(&b.path))
    });
    let mut league: Vec<LeagueRow> = Vec::with_capacity(ok.len());
    for (i, row) in ok.iter().enumerate() {
        let rank = match league.last() {
            Some(prev)
                if Some(prev.level) == row.level && prev.index == crate::report::locale::decimal(row.index.unwrap_or(0.0), 2, lang) =>
            {
                prev.rank
            }
            _ => i + 1,
        };
        league.push(league_row(row, rank, lang));
    }
    league
}

/// One assessed agency's row of the league table, at `rank`.
fn league_row(row: &Row, rank: usize, lang: Lang) -> LeagueRow {
    let id = row.agency_id.clone().unwrap_or_default();
    LeagueRow {
        rank,
        name: row.agency_name.clone().unwrap_or_else(|| id.clone()),
        id,
        tier: tier_name(lang, row.tier),
        path: row.path.clone(),
        assessed_on: crate::report::locale::date(row.assessed_on.as_deref().unwrap_or_default(), lang),
        status: row.status.name(),
        level: row.level.unwrap_or(1),
        index: crate::report::locale::decimal(row.index.unwrap_or(0.0), 2, lang),
        target_met: row.target_met.unwrap_or(false),
        dimensions: row.dimensions.clone(),
        verified_level: row.verified_level,
        overclaim: row.overclaim.map(crate::report::reconcile::signed),
        limited_by: row.limited_by.join(" "),
        errors: row.errors,
        warnings: row.warnings,
        html: html_of(row),
        json: row.report.clone(),
    }
}

/// A row's HTML report, beside its JSON one.
fn html_of(row: &Row) -> Option<String> {
    row.report
        .as_ref()
        .and_then(|p| p.strip_suffix(".json"))
        .map(|p| format!("{p}.html"))
}

/// The submissions that could not be assessed, with why.
fn invalid_rows(rows: &[Row], lang: Lang) -> Vec<InvalidRow> {
    rows.iter()
        .filter(|x| x.status == RowStatus::Invalid)
        .map(|x| InvalidRow {
            path: x.path.clone(),
            id: x.agency_id.clone(),
            error: catalog::text(x.error.as_deref().unwrap_or_default(), lang),
        })
        .collect()
}

/// The bar chart of overall levels, with a bar of invalid submissions when there are any.
fn distribution(kpis: &Kpis, lang: Lang) -> Bars {
    let mut items: Vec<(String, usize, String)> = kpis
        .distribution
        .iter()
        .map(|(l, c)| (format!("{} {l}", texts(lang).level), *c, format!("bar-l{l}")))
        .collect();
    if kpis.totals.invalid > 0 {
        items.push((texts(lang).invalid.to_string(), kpis.totals.invalid, "bar-invalid".into()));
    }
    bars(&items)
}

/// A target's result over the batch, with its portfolio goals.
fn target(r: &Rubric, k: &TargetKpi, lang: Lang) -> TargetView {
    TargetView {
        title: r
            .targets
            .iter()
            .find(|x| x.id.value == k.id)
            .map_or(String::new(), |x| x.title.get(lang).to_string()),
        id: k.id.clone(),
        level: k.level,
        due: k.due.as_deref().map(|d| crate::report::locale::date(d, lang)),
        met_count: k.met_count,
        percent: crate::report::locale::percent(k.share, lang),
        goals: k
            .portfolio
            .iter()
            .map(|g| GoalView {
                level: g.level,
                required: crate::report::locale::percent(g.required, lang),
                actual: crate::report::locale::percent(g.actual, lang),
                met: g.met,
            })
            .collect(),
        portfolio_met: k.portfolio_met,
    }
}

/// Renders the batch index page.
pub fn render(view: &IndexView) -> Result<String, handlebars::RenderError> {
    crate::report::page::render("index", view)
}
