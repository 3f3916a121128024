//! The rubric format (`kind: rubric`, SPEC 2.1) as read from YAML.
//!
//! Loading only checks shapes; [`crate::load::rubric`] validates meaning (levels 1..5, unique
//! ids, answer types, field types, expressions) and compiles every expression once.

use std::collections::BTreeMap;

use std::sync::Arc;

use crate::finding::Finding;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::OrderedMap;
pub use super::answer::{AnswerKind, AnswerType, ChoiceOption};
pub use super::collection::{Collection, FieldDef, FieldType, InvalidRecords, RecordRule};
pub use super::grouping::{Group, GroupScore};
use super::text::Text;
use crate::rules::Expr;

fn one() -> f64 {
    1.0
}

/// A maturity rubric.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Format version; must be 1.
    #[schemars(with = "u32")]
    pub dgmat: Spanned<u32>,
    /// Must be `rubric`.
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    /// `[a-z0-9-]+`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Free-form version string.
    pub version: String,
    /// Title.
    pub title: Text,
    /// Longer description.
    #[serde(default)]
    pub description: Option<Text>,
    /// Exactly levels 1..5.
    pub levels: Vec<LevelDef>,
    /// How answers become levels.
    #[serde(default)]
    pub scoring: Scoring,
    /// Named target levels.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// The target used when `--target` is not given.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub default_target: Option<Spanned<String>>,
    /// The collections an inventory may hold.
    #[serde(default)]
    pub inventory: OrderedMap<Collection>,
    /// The dimensions, in report order.
    pub dimensions: Vec<Dimension>,
    /// Named groups of dimensions (themes, business functions), each scored as the sum or the
    /// mean of its dimensions' levels.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Set when the rubric is an overlay merged onto its base (not written in the file).
    #[serde(skip)]
    #[schemars(skip)]
    pub tailors: Option<Tailoring>,
}

/// What an overlay changed of its base, as answers need to know it.
#[derive(Clone, Debug, Default)]
pub struct Tailoring {
    /// The base's id.
    pub base_id: String,
    /// The base's version.
    pub base_version: String,
    /// Criterion ids the overlay removed: answers to them, written for the base, are ignored.
    pub removed: Vec<String>,
}

/// One maturity level's name.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelDef {
    /// 1..5.
    #[schemars(with = "u8")]
    pub level: Spanned<u8>,
    /// Name, e.g. "Defined".
    pub name: Text,
    /// What the level means.
    #[serde(default)]
    pub description: Option<Text>,
}

/// Scoring method and parameters (SPEC section 3).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Scoring {
    /// staged, rated or points.
    #[schemars(with = "Method")]
    pub method: Spanned<Method>,
    /// Credit of a `partial` answer.
    pub partial_credit: f64,
    /// Staged: share of a level's weighted credit needed to pass it.
    pub level_threshold: f64,
    /// How dimension levels combine into the overall level.
    pub overall: Overall,
    /// Evidence older than this (relative to `assessed_on`) makes an answer `evidence_stale`.
    pub evidence_max_age_days: Option<u32>,
    /// In a batch, a submission assessed more than this many days before the round's date
    /// (`--as-of`) is `stale`: listed, not counted.
    pub max_age_days: Option<u32>,
    /// Points method: share of points -> level.
    pub bands: Vec<Band>,
    /// Rated method: minimum or mean of the answered levels.
    pub rated: Overall,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            method: Spanned::new(Method::Staged, serde_saphyr::Location::UNKNOWN, serde_saphyr::Location::UNKNOWN),
            partial_credit: 0.5,
            level_threshold: 1.0,
            overall: Overall::Minimum,
            evidence_max_age_days: None,
            max_age_days: None,
            bands: Vec::new(),
            rated: Overall::Minimum,
        }
    }
}

/// Scoring method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Levels pass in order (CMMI, DMBOK).
    Staged,
    /// Each criterion answered with a level (UK DMA).
    Rated,
    /// Weighted points into bands (EU ODM).
    Points,
}

/// How levels combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Overall {
    /// The weakest dimension decides.
    #[default]
    Minimum,
    /// Weighted mean, rounded down.
    Mean,
    /// No single level (`scoring.overall` only): the rubric reports dimensions and groups, and
    /// no overall level or target.
    None,
}

/// Points method: the least share of points that earns a level.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// 1..5.
    #[schemars(with = "u8")]
    pub level: Spanned<u8>,
    /// Share in [0, 1].
    pub min: f64,
}

/// A named target level, e.g. a national programme's milestone.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// `[a-z0-9-]+`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Title.
    pub title: Text,
    /// The level every agency should reach.
    #[schemars(with = "u8")]
    pub level: Spanned<u8>,
    /// The date by which the target is to be reached (`YYYY-MM-DD`).
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub due: Option<Spanned<String>>,
    /// Batch goal over all agencies.
    #[serde(default)]
    pub portfolio: Option<Portfolio>,
}

impl Target {
    /// The due date, when given and valid (the loader rejects an invalid one).
    pub fn due_date(&self) -> Option<chrono::NaiveDate> {
        self.due
            .as_ref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok())
    }

    /// The share of agencies that must reach the target's level: its portfolio goal for that
    /// level, else every agency.
    pub fn required_share(&self) -> f64 {
        self.portfolio
            .as_ref()
            .and_then(|p| p.at_least.get(&self.level.value).copied())
            .unwrap_or(1.0)
    }
}

/// A batch goal: the share of agencies at or above each level.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    /// Level -> least share of agencies at or above it.
    pub at_least: BTreeMap<u8, f64>,
}

/// A dimension (area) of the rubric.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Short id, e.g. `SEC`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Name.
    pub name: Text,
    /// What the dimension covers.
    #[serde(default)]
    pub description: Option<Text>,
    /// Weight in means (default 1).
    #[serde(default = "one")]
    pub weight: f64,
    /// Criteria, in order.
    pub criteria: Vec<Criterion>,
}

/// A criterion: a question for the agency or a check computed from its inventory.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Unique id, e.g. `SEC-3.1`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Staged: the level this criterion belongs to (2..5).
    #[serde(default)]
    #[schemars(with = "Option<u8>")]
    pub level: Option<Spanned<u8>>,
    /// Points method: the points it is worth.
    #[serde(default)]
    pub points: Option<f64>,
    /// Weight within its level (default 1).
    #[serde(default = "one")]
    pub weight: f64,
    /// Short title.
    pub title: Text,
    /// The question asked (question criteria).
    #[serde(default)]
    pub question: Option<Text>,
    /// What counts as a yes.
    #[serde(default)]
    pub guidance: Option<Text>,
    /// The answer type (question criteria).
    #[serde(default)]
    #[schemars(with = "Option<AnswerType>")]
    pub answer: Option<Spanned<AnswerType>>,
    /// Whether a claim needs evidence.
    #[serde(default)]
    pub evidence: EvidenceRule,
    /// Whether `n/a` is accepted (with a note).
    #[serde(default)]
    pub allow_na: bool,
    /// An inventory check instead of a question.
    #[serde(default)]
    pub check: Option<Check>,
    /// An inventory check that a `yes` answer must agree with.
    #[serde(default)]
    pub verify: Option<Check>,
    /// What to do to meet it.
    pub action: Text,
    /// Legal or framework basis.
    #[serde(default)]
    pub references: Vec<Text>,
    /// A CEL condition over `answers` (criterion id -> the answer as written, null when
    /// unanswered, n/a or not applicable) and `agency` (id, name, tier): when false the criterion
    /// is `not_applicable`.
    #[serde(default)]
    pub applies_when: Option<Expr>,
    /// Whether the criterion counts towards levels and gaps (default true). `false` makes it
    /// informational: asked, recorded and shown, never counted.
    #[serde(default = "yes")]
    pub scored: bool,
}

fn yes() -> bool {
    true
}

impl Criterion {
    /// Whether the criterion counts: not `scored: false`, not worth `points: 0`, not a free-text
    /// question.
    pub fn counts(&self) -> bool {
        self.scored && self.points != Some(0.0) && self.answer.as_ref().is_none_or(|a| a.value.kind != AnswerKind::Text)
    }

    /// The advice for an answer: the `action` of the first option picked that has one, else the
    /// criterion's.
    pub fn advice(&self, answer: Option<&crate::model::questionnaire::AnswerValue>) -> &Text {
        self.option_advice(answer).unwrap_or(&self.action)
    }

    /// The `action` of the first option picked that has one.
    pub fn option_advice(&self, answer: Option<&crate::model::questionnaire::AnswerValue>) -> Option<&Text> {
        let Some(crate::model::questionnaire::AnswerValue::Choice(picked)) = answer else {
            return None;
        };
        picked.iter().find_map(|p| self.option(p).and_then(|o| o.action.as_ref()))
    }

    /// The option of a choice question with value `value`.
    pub fn option(&self, value: &str) -> Option<&ChoiceOption> {
        self.answer.as_ref()?.value.options.iter().find(|o| o.value == value)
    }
}

/// Whether a criterion's claim must carry evidence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceRule {
    /// Evidence is welcome but not needed.
    #[default]
    Optional,
    /// A `yes`/`partial` without evidence is `evidence_missing`.
    Required,
}

/// A computed check over an inventory collection.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// The collection checked.
    #[schemars(with = "String")]
    pub collection: Spanned<String>,
    /// Which records are selected (default: all).
    #[serde(default, rename = "where")]
    pub filter: Option<Expr>,
    /// What each selected record must satisfy (default: true).
    #[serde(default)]
    pub require: Option<Expr>,
    /// Least share of selected records that satisfy `require`.
    #[serde(default)]
    pub min_ratio: Option<f64>,
    /// Least number of selected records that satisfy `require`.
    #[serde(default)]
    pub min_count: Option<u64>,
    /// Status when nothing is selected.
    #[serde(default)]
    pub when_empty: WhenEmpty,
    /// The check in words.
    #[serde(default)]
    pub description: Option<Text>,
}

/// What an inventory check yields when it selects no record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WhenEmpty {
    /// Nothing to fail: met.
    Met,
    /// Nothing to show: not met.
    #[default]
    NotMet,
    /// Leaves the denominator.
    NotApplicable,
}

/// A validated rubric with its compiled expressions.
pub struct LoadedRubric {
    /// The rubric.
    pub rubric: Rubric,
    /// How findings name the rubric file (`rubrics/vn-dgmm.yaml` for shipped ones).
    pub file: String,
    /// The rubric text, for snippets.
    pub text: Arc<str>,
    /// SHA-256 of the text, hex.
    pub sha256: String,
    /// The CEL environment its expressions were compiled in.
    pub env: Arc<cel::Env>,
    /// Doubtful but usable choices.
    pub warnings: Vec<Finding>,
    /// An overlay's base rubric (`extends:`); `None` for a rubric written whole.
    pub base: Option<BaseRubric>,
    /// An overlay merged onto its base, as YAML (`rubric show --resolved`).
    pub resolved: Option<Arc<str>>,
}

/// The rubric an overlay extends, as reports name it.
#[derive(Clone, Debug, serde::Serialize, JsonSchema)]
pub struct BaseRubric {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// SHA-256 of its text, hex.
    pub sha256: String,
}

impl std::fmt::Debug for LoadedRubric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedRubric")
            .field("file", &self.file)
            .field("sha256", &self.sha256)
            .finish_non_exhaustive()
    }
}

impl Rubric {
    /// Every criterion by its id.
    pub fn criteria_by_id(&self) -> std::collections::HashMap<&str, &Criterion> {
        self.dimensions
            .iter()
            .flat_map(|d| &d.criteria)
            .map(|c| (c.id.value.as_str(), c))
            .collect()
    }
}
