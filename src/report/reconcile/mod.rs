//! A self-assessment beside the inspector's verification (`dgmat reconcile`): the view model
//! every format shares, and the table, Markdown, HTML and JSON renderings. The facts come from
//! [`crate::assess::reconcile`]; this module only words and formats them.

pub mod json;
pub mod text;
pub mod texts;

use serde::Serialize;

use crate::assess::reconcile::{Agreement, Comparison, Direction};
use crate::assess::{Assessment, CriterionResult};
use crate::lang::Lang;
use crate::model::rubric::{Criterion, LoadedRubric};
use crate::model::submission::InputFile;
use crate::report::i18n::{Texts, status, texts};

/// Everything a reconciliation report shows.
pub struct ReconcileInput<'a> {
    /// The rubric both sides answer.
    pub rubric: &'a LoadedRubric,
    /// The agency's own assessment.
    pub own: &'a Assessment,
    /// The verified assessment.
    pub verified: &'a Assessment,
    /// Agreement and disagreements.
    pub comparison: &'a Comparison,
    /// The inspector's date, when given.
    pub inspected_on: Option<chrono::NaiveDate>,
    /// The agency's files.
    pub own_inputs: &'a [InputFile],
    /// The inspector's files.
    pub inspector_inputs: &'a [InputFile],
    /// Language of texts.
    pub lang: Lang,
}

/// The report as every format sees it; texts are raw (each format escapes them).
#[derive(Serialize)]
pub struct ReconcileView {
    /// Language code.
    pub lang: String,
    /// Fixed texts.
    pub t: &'static Texts,
    /// dgmat's version.
    pub tool_version: &'static str,
    /// Agency name (else id).
    pub agency_name: String,
    /// Agency id.
    pub agency_id: String,
    /// Rubric id@version.
    pub rubric: String,
    /// Rubric SHA-256.
    pub rubric_sha256: String,
    /// The agency's date.
    pub assessed_on: String,
    /// The inspector's date.
    pub inspected_on: Option<String>,
    /// The agency's files.
    pub own_inputs: Vec<InputFile>,
    /// The inspector's files.
    pub inspector_inputs: Vec<InputFile>,
    /// One line per dimension.
    pub dimensions: Vec<LevelsView>,
    /// The overall line.
    pub overall: LevelsView,
    /// Agreement over every criterion the inspector assessed.
    pub agreement: AgreementView,
    /// How many criteria keep the agency's answer.
    pub unverified: usize,
    /// How many criteria differ.
    pub disagreement_count: usize,
    /// Every criterion that differs.
    pub disagreements: Vec<DisagreementView>,
}

/// Both levels of a dimension (or overall).
#[derive(Serialize)]
pub struct LevelsView {
    /// Dimension id (empty overall).
    pub id: String,
    /// Its name, or "Overall".
    pub name: String,
    /// Self-assessed level.
    pub own_level: u8,
    /// Self-assessed index, 2 decimals.
    pub own_index: String,
    /// Verified level.
    pub verified_level: u8,
    /// Verified index, 2 decimals.
    pub verified_index: String,
    /// Self level minus verified level, signed (`+1`, `0`, `-1`).
    pub overclaim: String,
    /// Whether the agency's level is above the verified one.
    pub over: bool,
    /// Agreement over the dimension's (or all) inspected criteria.
    pub agreement: AgreementView,
}

/// Agreement figures, formatted.
#[derive(Serialize)]
pub struct AgreementView {
    /// Criteria compared.
    pub criteria: u64,
    /// In the same category.
    pub agree: u64,
    /// In different categories.
    pub disagree: u64,
    /// agree / criteria as a percentage, or a dash.
    pub rate: String,
    /// Kappa with two decimals, or why it is undefined.
    pub kappa: String,
}

/// One criterion that differs.
#[derive(Serialize)]
pub struct DisagreementView {
    /// Dimension id.
    pub dimension: String,
    /// Criterion id.
    pub criterion: String,
    /// `L3`, `10 pts` or empty.
    pub tag: String,
    /// Title.
    pub title: String,
    /// `over`, `under` or `none`.
    pub direction: &'static str,
    /// The direction in words.
    pub direction_text: &'static str,
    /// The agency's side.
    pub own: SideView,
    /// The inspector's side (the verified result).
    pub inspector: SideView,
    /// Whether the inspector assessed the criterion.
    pub inspected: bool,
}

/// One side of a disagreement.
#[derive(Serialize)]
pub struct SideView {
    /// The answer in words (or "not answered").
    pub answer: String,
    /// The status in words.
    pub status: &'static str,
    /// The status's snake_case name (for styling).
    pub status_class: &'static str,
    /// The note.
    pub note: Option<String>,
    /// The evidence cited: "ref (date) url".
    pub evidence: Vec<String>,
}

/// Builds the view of `input`.
pub fn build(input: &ReconcileInput<'_>) -> ReconcileView {
    let lang = input.lang;
    let t = texts(lang);
    let rubric = &input.rubric.rubric;
    let c = input.comparison;
    let dimensions = rubric
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let (own, ver) = (&input.own.dimensions[i], &input.verified.dimensions[i]);
            levels(
                (d.id.value.clone(), d.name.get(lang).to_string()),
                (own.level, own.index),
                (ver.level, ver.index),
                &c.dimensions[i],
                lang,
            )
        })
        .collect();
    let overall = levels(
        (String::new(), t.overall.to_string()),
        (input.own.level, input.own.index),
        (input.verified.level, input.verified.index),
        &c.agreement,
        lang,
    );
    let disagreements = c
        .disagreements
        .iter()
        .map(|d| {
            let dim = &rubric.dimensions[d.dimension];
            let crit = &dim.criteria[d.criterion];
            let own = &input.own.dimensions[d.dimension].criteria[d.criterion];
            let ver = &input.verified.dimensions[d.dimension].criteria[d.criterion];
            DisagreementView {
                dimension: dim.id.value.clone(),
                criterion: crit.id.value.clone(),
                tag: tag(crit),
                title: crit.title.get(lang).to_string(),
                direction: direction_name(d.direction),
                direction_text: direction_text(d.direction, lang),
                own: side(crit, own, true, lang),
                inspector: side(crit, ver, d.inspected, lang),
                inspected: d.inspected,
            }
        })
        .collect::<Vec<_>>();
    ReconcileView {
        lang: lang.code().to_string(),
        t,
        tool_version: env!("CARGO_PKG_VERSION"),
        agency_name: input
            .own
            .agency
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| input.own.agency.id.clone()),
        agency_id: input.own.agency.id.clone(),
        rubric: format!("{}@{}", rubric.id.value, rubric.version),
        rubric_sha256: input.rubric.sha256.clone(),
        assessed_on: crate::report::locale::date(&input.own.assessed_on.to_string(), lang),
        inspected_on: input.inspected_on.map(|d| crate::report::locale::date(&d.to_string(), lang)),
        own_inputs: input.own_inputs.to_vec(),
        inspector_inputs: input.inspector_inputs.to_vec(),
        dimensions,
        overall,
        agreement: agreement(&c.agreement, lang),
        unverified: c.unverified(),
        disagreement_count: disagreements.len(),
        disagreements,
    }
}

/// The name the outputs give a direction.
pub fn direction_name(d: Direction) -> &'static str {
    match d {
        Direction::Over => "over",
        Direction::Under => "under",
        Direction::None => "none",
    }
}

/// A direction in words.
fn direction_text(d: Direction, lang: Lang) -> &'static str {
    let r = texts(lang).reconcile;
    match d {
        Direction::Over => r.over,
        Direction::Under => r.under,
        Direction::None => r.same_credit,
    }
}

/// A criterion's tag: its level (staged) or points.
fn tag(c: &Criterion) -> String {
    match (&c.level, c.points) {
        (Some(l), _) => format!("L{}", l.value),
        (None, Some(p)) => format!("{} pts", crate::report::fmt_points(p)),
        (None, None) => String::new(),
    }
}

/// One side of a disagreement; `answered` says whether its answer is that side's own.
fn side(c: &Criterion, r: &CriterionResult, answered: bool, lang: Lang) -> SideView {
    let answer = r.answer.as_ref().filter(|_| answered);
    SideView {
        answer: answer.map_or_else(
            || texts(lang).reconcile.not_answered.to_string(),
            |a| crate::report::phrase::answer(c, &a.value, lang),
        ),
        status: status(lang, r.status),
        status_class: r.status.as_str(),
        note: answer.and_then(|a| a.note.clone()),
        evidence: answer
            .map(|a| {
                a.evidence
                    .iter()
                    .map(|e| {
                        let mut s = e.reference.clone();
                        if let Some(d) = e.date {
                            s.push_str(&format!(" ({d})"));
                        }
                        if let Some(u) = &e.url {
                            s.push_str(&format!(" {u}"));
                        }
                        s
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Both levels of a dimension or overall, with the agreement over its criteria.
fn levels(
    (id, name): (String, String),
    (own_level, own_index): (u8, f64),
    (verified_level, verified_index): (u8, f64),
    a: &Agreement,
    lang: Lang,
) -> LevelsView {
    let diff = i16::from(own_level) - i16::from(verified_level);
    LevelsView {
        id,
        name,
        own_level,
        own_index: crate::report::index_in(own_index, lang),
        verified_level,
        verified_index: crate::report::index_in(verified_index, lang),
        overclaim: signed(diff),
        over: diff > 0,
        agreement: agreement(a, lang),
    }
}

/// `+1`, `0`, `-2`.
pub fn signed(x: i16) -> String {
    if x > 0 { format!("+{x}") } else { x.to_string() }
}

/// Agreement figures, formatted for `lang`.
pub fn agreement(a: &Agreement, lang: Lang) -> AgreementView {
    AgreementView {
        criteria: a.criteria(),
        agree: a.agree(),
        disagree: a.disagree(),
        rate: a.rate().map_or_else(
            || "–".to_string(),
            |r| format!("{}%", crate::report::locale::decimal(r * 100.0, 1, lang)),
        ),
        kappa: kappa_text(a.kappa(), lang),
    }
}

/// Kappa with two decimals, or why it is undefined.
pub fn kappa_text(kappa: Option<f64>, lang: Lang) -> String {
    kappa.map_or_else(
        || texts(lang).reconcile.kappa_undefined.to_string(),
        |k| crate::report::locale::decimal(k, 2, lang),
    )
}

/// Renders the HTML page.
pub fn html(input: &ReconcileInput<'_>) -> Result<String, handlebars::RenderError> {
    crate::report::page::render("reconcile", &build(input))
}

/// Why two submissions cannot be reconciled, naming both sides (an error message).
pub fn mismatch(m: &crate::assess::reconcile::Mismatch, own: &std::path::Path, inspector: &std::path::Path) -> String {
    use crate::assess::reconcile::Mismatch;
    let (own, inspector_path) = (own.display(), inspector.display());
    match m {
        Mismatch::Agency { own: a, inspector: b } => format!(
            "the agency's submission {own} is of agency `{a}` but the inspector's {inspector_path} is of agency `{b}`; \
             reconcile compares two submissions of one agency: check that both give the same `agency.id`"
        ),
        Mismatch::Rubric { own: a, inspector: b } => format!(
            "the agency's submission {own} answers rubric `{a}` but the inspector's {inspector_path} answers `{b}`; \
             reconcile compares answers to one rubric: give both the same `rubric:` (or pass --rubric)"
        ),
    }
}

/// A batch warning about an inspector's submission that verified no agency.
pub fn inspection_note(n: &crate::assess::reconcile::InspectionNote) -> String {
    use crate::assess::reconcile::InspectionNote;
    match n {
        InspectionNote::Unmatched { path, agency } => {
            format!("inspection {path} (agency `{agency}`) verified nothing: no assessed submission below ROOT is of that agency")
        }
        InspectionNote::Ambiguous { paths, agency } => format!(
            "inspections {} all name agency `{agency}`: none of them is used; keep one",
            paths.join(", ")
        ),
        InspectionNote::Unusable { path, why } => format!("inspection {path} is not used: {why}"),
    }
}
