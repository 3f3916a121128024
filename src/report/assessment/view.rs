//! The view model of the Markdown and HTML reports: everything they show about one assessment,
//! computed from a [`ReportInput`] so that the Markdown template and the HTML page writer only
//! format.
//!
//! Texts are raw here; each format escapes them as it writes them.

use crate::assess::{Assessment, CriterionResult, Status};
use crate::finding::Finding;
use crate::lang::Lang;
use crate::model::rubric::{Criterion, Method, Rubric};
use crate::report::chart::radar;
use crate::report::i18n::{status, texts};
use crate::report::{ReportInput, index_in, index2, locale, points_in, share_in};

pub use super::view_types::*;

/// How many failing records a gap lists before summarising the rest.
pub const MAX_RECORDS: usize = 20;

/// Every status, in the order the legend shows them.
pub const STATUSES: [Status; 8] = [
    Status::Met,
    Status::Partial,
    Status::NotMet,
    Status::EvidenceMissing,
    Status::EvidenceStale,
    Status::Contradicted,
    Status::Unanswered,
    Status::NotApplicable,
];

/// The name of a tier in `lang`.
pub fn tier_name(lang: Lang, tier: Option<crate::model::questionnaire::Tier>) -> Option<&'static str> {
    use crate::model::questionnaire::Tier::*;
    tier.map(|x| match x {
        Ministry => texts(lang).ministry,
        Province => texts(lang).province,
        Commune => texts(lang).commune,
        Other => texts(lang).other,
    })
}

/// The name of a tier written as a summary keys it (`province`) in `lang`; `None` for a key
/// that is no tier (`unknown`, `unspecified`).
pub fn tier_named(lang: Lang, key: &str) -> Option<&'static str> {
    let tier = serde_json::from_value(serde_json::Value::String(key.to_string())).ok();
    tier_name(lang, tier)
}

/// A symbol of a status that reads without colour (Markdown has none).
pub fn icon(s: Status) -> &'static str {
    match s {
        Status::Met => "✅",
        Status::Partial => "🟡",
        Status::NotMet => "❌",
        Status::EvidenceMissing => "📄",
        Status::EvidenceStale => "⌛",
        Status::Contradicted => "⚠️",
        Status::Unanswered => "❔",
        Status::NotApplicable => "➖",
        Status::Waived => "🛡️",
    }
}

/// Builds the view of `input`.
pub fn build(input: &ReportInput<'_>) -> ReportView {
    let cx = Ctx::new(input);
    let (a, lang) = (cx.a, cx.lang);
    let dimensions = cx.dimensions();
    let error_count = input.findings.iter().filter(|f| f.is_error()).count();
    let radar_dims: Vec<(String, String, u8)> = dimensions.iter().map(|d| (d.id.clone(), d.name.clone(), d.level)).collect();
    ReportView {
        lang: lang.code().to_string(),
        t: texts(lang),
        tool_version: env!("CARGO_PKG_VERSION"),
        agency: cx.agency(),
        assessed_on: locale::date(&a.assessed_on.to_string(), lang),
        rubric: RubricView {
            extends: super::outcomes::extends(input),
            ..cx.rubric_view()
        },
        overall: cx.overall(),
        target: cx.target(),
        why: super::why::why(cx.rubric, a, lang),
        first_steps: a
            .explanation
            .first_steps
            .iter()
            .map(|g| cx.criterion_view(g.dimension, g.criterion))
            .collect(),
        gap_count: a.gaps.len(),
        error_count,
        warning_count: input.findings.len() - error_count,
        radar: radar(&radar_dims, a.target.level),
        method: method_name(cx.method),
        score_heading: cx.score_heading(),
        extra_heading: cx.extra_heading(),
        extra_card: cx.extra_card(),
        action_plan: cx.action_plan(),
        groups: super::outcomes::groups(input),
        suggestions: super::outcomes::suggestions(input),
        has_overall: input.rubric.rubric.scoring.overall != crate::model::rubric::Overall::None,
        heatmap_title: cx.heatmap_title(),
        heatmap: cx.heatmap(&dimensions),
        points_chart: cx.points_chart(&dimensions),
        statuses: statuses(lang, &dimensions),
        evidence: cx.evidence(),
        findings: findings(input.findings, lang),
        waivers: super::waivers::list(cx.rubric, a, input.findings, lang),
        waivers_ignored: a.waivers_ignored,
        inputs: input.inputs.to_vec(),
        dimensions,
    }
}

/// What every part of the view is computed from.
struct Ctx<'a> {
    /// The rubric assessed against.
    rubric: &'a Rubric,
    /// Its SHA-256.
    sha256: &'a str,
    /// The result.
    a: &'a Assessment,
    /// The report's language.
    lang: Lang,
    /// The rubric's scoring method.
    method: Method,
}

impl<'a> Ctx<'a> {
    /// The context of `input`.
    fn new(input: &ReportInput<'a>) -> Self {
        let rubric = &input.rubric.rubric;
        Ctx {
            rubric,
            sha256: &input.rubric.sha256,
            a: input.assessment,
            lang: input.lang,
            method: rubric.scoring.method.value,
        }
    }

    /// The rubric's name of level `l`, empty when it has none.
    fn level_name(&self, l: u8) -> String {
        self.rubric
            .levels
            .iter()
            .find(|d| d.level.value == l)
            .map_or(String::new(), |d| d.name.get(self.lang).to_string())
    }

    /// `earned / possible pts`.
    fn pts(&self, earned: f64, possible: f64) -> String {
        format!(
            "{} / {} {}",
            points_in(earned, self.lang),
            points_in(possible, self.lang),
            texts(self.lang).pts
        )
    }

    /// The summary's method column: points and share, or the share of criteria at or above the
    /// target level.
    fn extra(&self, points: Option<(f64, f64)>, coverage: Option<[f64; 5]>) -> Option<String> {
        match self.method {
            Method::Staged => None,
            Method::Points => points.map(|(e, p)| {
                format!(
                    "{} / {} ({})",
                    points_in(e, self.lang),
                    points_in(p, self.lang),
                    share_in(e, p, self.lang)
                )
            }),
            Method::Rated => coverage.map(|c| share_in(c[usize::from(self.a.target.level.clamp(1, 5)) - 1], 1.0, self.lang)),
        }
    }

    /// The view of criterion `ci` of dimension `di`.
    fn criterion_view(&self, di: usize, ci: usize) -> CriterionView {
        let (rubric, lang) = (self.rubric, self.lang);
        let c = &rubric.dimensions[di].criteria[ci];
        let cr = &self.a.dimensions[di].criteria[ci];
        let (score, badge) = criterion_score(self.method, lang, c, cr);
        CriterionView {
            id: c.id.value.clone(),
            score,
            badge,
            title: c.title.get(lang).to_string(),
            status: cr.status.as_str(),
            status_name: status(lang, cr.status),
            icon: icon(cr.status),
            detail: cr.detail.as_ref().map(|d| crate::report::phrase::detail(rubric, c, d, lang)),
            note: cr.answer.as_ref().and_then(|x| x.note.clone()),
            action: c.advice(cr.answer.as_ref().map(|a| &a.value)).get(lang).to_string(),
            records: cr
                .records
                .iter()
                .take(MAX_RECORDS)
                .map(|r| RecordView {
                    collection: crate::report::phrase::collection_name(self.rubric, &r.collection, self.lang),
                    ..RecordView::from(r)
                })
                .collect(),
            more_records: cr.records.len().saturating_sub(MAX_RECORDS),
        }
    }

    /// Every dimension with its criteria, in rubric order.
    fn dimensions(&self) -> Vec<DimensionView> {
        let (a, lang) = (self.a, self.lang);
        self.rubric
            .dimensions
            .iter()
            .zip(&a.dimensions)
            .enumerate()
            .map(|(di, (d, r))| DimensionView {
                id: d.id.value.clone(),
                name: d.name.get(lang).to_string(),
                level: r.level,
                level_name: self.level_name(r.level),
                index: index_in(r.index, lang),
                bar: format!("{:.1}", index2(r.index) / 5.0 * 100.0),
                reached: r.level >= a.target.level,
                points: r.points.map(|(e, p)| self.pts(e, p)),
                extra: self.extra(r.points, r.coverage),
                gap_count: a.gaps.iter().filter(|g| g.dimension == di).count(),
                criteria: (0..d.criteria.len()).map(|ci| self.criterion_view(di, ci)).collect(),
            })
            .collect()
    }

    /// The gaps grouped by dimension, dimensions without gaps left out.
    fn action_plan(&self) -> Vec<PlanGroup> {
        let a = self.a;
        self.rubric
            .dimensions
            .iter()
            .enumerate()
            .filter_map(|(di, d)| {
                let gaps: Vec<CriterionView> = a
                    .gaps
                    .iter()
                    .filter(|g| g.dimension == di)
                    .map(|g| self.criterion_view(g.dimension, g.criterion))
                    .collect();
                (!gaps.is_empty()).then(|| PlanGroup {
                    id: d.id.value.clone(),
                    name: d.name.get(self.lang).to_string(),
                    level: a.dimensions[di].level,
                    gaps,
                })
            })
            .collect()
    }

    /// The heatmap of staged and rated rubrics; `None` for points rubrics.
    fn heatmap(&self, dimensions: &[DimensionView]) -> Option<Heatmap> {
        let (rubric, a, method) = (self.rubric, self.a, self.method);
        // The heatmap's column of each criterion: its level (staged), the level counted for it
        // (rated); 0 for none (not applicable).
        let heat_level = |di: usize, ci: usize| match method {
            Method::Staged => rubric.dimensions[di].criteria[ci].level.as_ref().map_or(0, |l| l.value),
            _ => a.dimensions[di].criteria[ci].rated_level().unwrap_or(0),
        };
        (method != Method::Points).then(|| build_heatmap(self.lang, dimensions, a.target.level, method == Method::Rated, heat_level))
    }

    /// The points chart of points rubrics: a bar per dimension, the total and the bands.
    fn points_chart(&self, dimensions: &[DimensionView]) -> Option<PointsChart> {
        let a = self.a;
        (self.method == Method::Points).then(|| {
            let mut rows: Vec<PointsRow> = dimensions
                .iter()
                .zip(&a.dimensions)
                .map(|(d, r)| points_row(d.id.clone(), d.name.clone(), d.level, r.points, a.target.level, self.lang))
                .collect();
            rows.push(PointsRow {
                total: true,
                ..points_row(
                    texts(self.lang).overall.to_string(),
                    String::new(),
                    a.level,
                    a.points,
                    a.target.level,
                    self.lang,
                )
            });
            let mut bands: Vec<BandView> = self
                .rubric
                .scoring
                .bands
                .iter()
                .map(|b| BandView {
                    level: b.level.value,
                    share: format!("{}%", points_in(b.min.clamp(0.0, 1.0) * 100.0, self.lang)),
                    left: format!("{:.1}", b.min.clamp(0.0, 1.0) * 100.0),
                    is_target: b.level.value == a.target.level,
                })
                .collect();
            bands.sort_by_key(|b| b.level);
            PointsChart { rows, bands }
        })
    }

    /// The title of the heatmap section for the scoring method.
    fn heatmap_title(&self) -> String {
        match self.method {
            Method::Staged => texts(self.lang).heatmap,
            Method::Rated => texts(self.lang).heatmap_rated,
            Method::Points => texts(self.lang).heatmap_points,
        }
        .to_string()
    }

    /// The evidence cited by the answers, in rubric order.
    fn evidence(&self) -> Vec<EvidenceView> {
        let mut evidence = Vec::new();
        for (d, r) in self.rubric.dimensions.iter().zip(&self.a.dimensions) {
            for (c, cr) in d.criteria.iter().zip(&r.criteria) {
                for e in cr.answer.iter().flat_map(|x| &x.evidence) {
                    let safe = e.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
                    evidence.push(EvidenceView {
                        criterion: c.id.value.clone(),
                        status: cr.status.as_str(),
                        status_name: status(self.lang, cr.status),
                        reference: e.reference.clone(),
                        date: e.date.map(|d| locale::date(&d.to_string(), self.lang)),
                        url: e.url.clone(),
                        href: safe.map(str::to_string),
                    });
                }
            }
        }
        evidence
    }

    /// The assessed agency.
    fn agency(&self) -> AgencyView {
        let agency = &self.a.agency;
        AgencyView {
            id: agency.id.clone(),
            name: agency.name.clone().unwrap_or_else(|| agency.id.clone()),
            tier: tier_name(self.lang, agency.tier),
        }
    }

    /// The rubric assessed against.
    fn rubric_view(&self) -> RubricView {
        RubricView {
            id: self.rubric.id.value.clone(),
            version: self.rubric.version.clone(),
            title: self.rubric.title.get(self.lang).to_string(),
            sha256: self.sha256.to_string(),
            extends: None,
        }
    }

    /// The overall level, index and points.
    fn overall(&self) -> LevelView {
        let a = self.a;
        LevelView {
            level: a.level,
            name: self.level_name(a.level),
            index: index_in(a.index, self.lang),
            points: a.points.map(|(e, p)| self.pts(e, p)),
            share: a.points.map(|(e, p)| share_in(e, p, self.lang)),
            extra: self.extra(a.points, a.coverage),
        }
    }

    /// The target and whether it is met.
    fn target(&self) -> TargetView {
        let target = &self.a.target;
        let target_def = target
            .id
            .as_ref()
            .and_then(|id| self.rubric.targets.iter().find(|x| &x.id.value == id));
        TargetView {
            id: target.id.clone(),
            title: target_def.map(|x| x.title.get(self.lang).to_string()),
            level: target.level,
            due: target.due.as_deref().map(|d| locale::date(d, self.lang)),
            name: self.level_name(target.level),
            met: target.met,
        }
    }

    /// The heading of the criteria tables' score column.
    fn score_heading(&self) -> String {
        match self.method {
            Method::Staged => texts(self.lang).level.to_string(),
            Method::Rated => texts(self.lang).answered.to_string(),
            Method::Points => texts(self.lang).points.to_string(),
        }
    }

    /// The heading of the summary's method column, `None` for staged rubrics.
    fn extra_heading(&self) -> Option<String> {
        match self.method {
            Method::Staged => None,
            Method::Rated => Some(capitalised(&format!("{} ≥ {}", texts(self.lang).criteria, self.a.target.level))),
            Method::Points => Some(texts(self.lang).points.to_string()),
        }
    }

    /// The summary card of the method, `None` for staged rubrics.
    fn extra_card(&self) -> Option<Card> {
        let (a, t) = (self.a, texts(self.lang));
        match self.method {
            Method::Staged => None,
            Method::Rated => a.coverage.and_then(|c| self.extra(None, Some(c))).map(|value| Card {
                key: t.share.to_string(),
                value,
                sub: format!("{} {} {}", t.criteria, t.at_or_above, a.target.level),
            }),
            Method::Points => a.points.map(|(e, p)| Card {
                key: t.points.to_string(),
                value: self.pts(e, p),
                sub: format!("{} {}", t.share, share_in(e, p, self.lang)),
            }),
        }
    }
}

/// The name of a scoring method as the templates test it.
fn method_name(method: Method) -> &'static str {
    match method {
        Method::Staged => "staged",
        Method::Rated => "rated",
        Method::Points => "points",
    }
}

/// The legend: every status with how many of the criteria of `dimensions` have it.
fn statuses(lang: Lang, dimensions: &[DimensionView]) -> Vec<StatusView> {
    let all: Vec<&'static str> = dimensions.iter().flat_map(|d| d.criteria.iter().map(|c| c.status)).collect();
    // `waived` joins the legend only where something is waived.
    let waived = all.contains(&Status::Waived.as_str()).then_some(&Status::Waived);
    STATUSES
        .iter()
        .chain(waived)
        .map(|&s| StatusView {
            status: s.as_str(),
            name: status(lang, s),
            icon: icon(s),
            count: all.iter().filter(|x| **x == s.as_str()).count(),
        })
        .collect()
}

/// The findings as the report lists them.
fn findings(findings: &[Finding], lang: Lang) -> Vec<FindingView> {
    findings
        .iter()
        .map(|f| (f, crate::report::catalog::localized(f, lang)))
        .map(|(f, shown)| FindingView {
            severity: f.severity.as_str(),
            severity_name: match f.severity {
                crate::finding::Severity::Error => crate::report::words::words(lang).error,
                crate::finding::Severity::Warning => crate::report::words::words(lang).warning,
            },
            rule: f.rule.to_string(),
            location: f.location.as_ref().map(ToString::to_string),
            message: shown.message,
            help: shown.help,
            waived: f
                .waived
                .as_ref()
                .map(|w| format!("{} {}: {}", texts(lang).waived_until, locale::date(&w.expires, lang), w.reason)),
        })
        .collect()
}

/// A criterion's cell in the criteria tables and its badge in the action plan (see
/// [`CriterionView::score`]).
fn criterion_score(method: Method, lang: Lang, c: &Criterion, cr: &CriterionResult) -> (String, Option<String>) {
    match method {
        Method::Staged => {
            let level = c.level.as_ref().map_or_else(|| "—".to_string(), |l| l.value.to_string());
            (level.clone(), Some(format!("{} {level}", texts(lang).level)))
        }
        Method::Rated => match (cr.answered_level, cr.rated_level()) {
            (Some(answered), Some(counted)) if answered != counted => (
                format!("{answered} → {counted}"),
                Some(format!(
                    "{} {answered} · {} {counted}",
                    texts(lang).answered_level,
                    texts(lang).counts_as
                )),
            ),
            (Some(answered), _) => (answered.to_string(), Some(format!("{} {answered}", texts(lang).answered_level))),
            (None, _) => ("—".to_string(), None),
        },
        Method::Points => match super::json::criterion_points(method, c, cr) {
            Some((earned, worth)) => (
                format!("{} / {}", points_in(earned, lang), points_in(worth, lang)),
                Some(format!(
                    "{} / {} {}",
                    points_in(earned, lang),
                    points_in(worth, lang),
                    texts(lang).pts
                )),
            ),
            None => ("—".to_string(), None),
        },
    }
}

/// The heatmap of `dimensions`: a column per level that `heat_level` (dimension index, criterion
/// index) gives some criterion (every level 1 to 5 with `every_level`), 0 (shown `—`) for
/// criteria without one.
fn build_heatmap(
    lang: Lang,
    dimensions: &[DimensionView],
    target: u8,
    every_level: bool,
    heat_level: impl Fn(usize, usize) -> u8,
) -> Heatmap {
    let mut levels: Vec<u8> = dimensions
        .iter()
        .enumerate()
        .flat_map(|(di, d)| (0..d.criteria.len()).map(move |ci| (di, ci)))
        .map(|(di, ci)| heat_level(di, ci))
        .chain(every_level.then_some(1..=5).into_iter().flatten())
        .collect();
    levels.sort_unstable();
    levels.dedup();
    Heatmap {
        levels: levels
            .iter()
            .map(|&level| HeatLevel {
                level,
                label: if level == 0 {
                    "—".to_string()
                } else {
                    format!("{} {level}", texts(lang).level)
                },
                is_target: level == target,
            })
            .collect(),
        rows: dimensions
            .iter()
            .enumerate()
            .map(|(di, d)| HeatRow {
                id: d.id.clone(),
                name: d.name.clone(),
                level: d.level,
                cells: levels
                    .iter()
                    .map(|&level| HeatCell {
                        reached: level > 0 && level <= d.level,
                        items: d
                            .criteria
                            .iter()
                            .enumerate()
                            .filter(|(ci, _)| heat_level(di, *ci) == level)
                            .map(|(_, c)| HeatItem {
                                id: c.id.clone(),
                                title: c.title.clone(),
                                status: c.status,
                                status_name: c.status_name,
                                icon: c.icon,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// A bar of the points chart.
fn points_row(id: String, name: String, level: u8, points: Option<(f64, f64)>, target: u8, lang: Lang) -> PointsRow {
    let (earned, possible) = points.unwrap_or((0.0, 0.0));
    let share = crate::assess::scoring::share(earned, possible);
    PointsRow {
        id,
        name,
        level,
        points: format!("{} / {}", points_in(earned, lang), points_in(possible, lang)),
        share: share_in(earned, possible, lang),
        width: format!("{:.1}", share * 100.0),
        reached: level >= target,
        total: false,
    }
}

/// `text` with its first letter upper-case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
