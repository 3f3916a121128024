//! The questionnaire format (`kind: questionnaire`, SPEC 2.2) as read from YAML.
//!
//! The envelope is typed; the answers stay generic [`Node`]s because only the rubric knows what
//! each answer should look like. [`crate::load::questionnaire`] interprets them.

use std::collections::HashMap;

use crate::location::Location;
use schemars::JsonSchema;
use serde::Deserialize;

use crate::location::Pos;
use crate::model::node::{Key, Node};

/// A questionnaire as written.
// It is read through the generic `Node` tree (so that every problem of the envelope is reported
// in one run, not the first one serde meets); the serde attributes describe the format to the
// JSON Schema. Positions travel beside the values that findings point at.
#[derive(Debug, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireFile {
    /// Format version; must be 1.
    pub dgmat: u32,
    /// Must be `questionnaire`.
    pub kind: String,
    /// The rubric answered: `id` or `id@version`.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("default" = null))]
    pub rubric: Option<(String, Pos)>,
    /// Who is assessed.
    pub agency: Agency,
    /// The date of the assessment (`YYYY-MM-DD`).
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("default" = null))]
    pub assessed_on: Option<(String, Pos)>,
    /// Who answered.
    #[serde(default)]
    pub respondent: Option<Respondent>,
    /// Criterion id -> answer (short or long form).
    #[serde(default)]
    #[schemars(with = "Option<super::OrderedMap<Node>>")]
    pub answers: Vec<(Key, Node)>,
    /// Where the agency's id and name are written (else the agency, else the file's start).
    #[schemars(skip)]
    pub agency_at: (Pos, Pos),
    /// Where `answers:` is written (else the file's start).
    #[schemars(skip)]
    pub answers_at: Pos,
}

/// The assessed agency.
#[derive(Clone, Debug, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Short id, used for file names in batch output.
    pub id: String,
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Administrative tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// The region (vùng) it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
}

/// Administrative tier of an agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// A ministry or ministerial-level agency.
    Ministry,
    /// A province or centrally-run city.
    Province,
    /// A commune-level unit.
    Commune,
    /// Anything else.
    Other,
}

/// Who answered the questionnaire.
#[derive(Clone, Debug, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// Name.
    #[serde(default)]
    pub name: Option<String>,
    /// Role or title.
    #[serde(default)]
    pub role: Option<String>,
    /// Contact e-mail.
    #[serde(default)]
    pub email: Option<String>,
}

/// A questionnaire checked against a rubric.
#[derive(Debug)]
pub struct Questionnaire {
    /// The file it came from.
    pub file: String,
    /// Who is assessed.
    pub agency: Agency,
    /// Where the agency id is written.
    pub agency_location: Location,
    /// Where the agency name is written (else the agency).
    pub agency_name_location: Location,
    /// The rubric it says it answers (`id` or `id@version`).
    pub rubric: Option<(String, Location)>,
    /// The assessment date.
    pub assessed_on: Option<chrono::NaiveDate>,
    /// Who answered.
    pub respondent: Option<Respondent>,
    /// Criterion id -> answer.
    pub answers: HashMap<String, Answer>,
    /// Criteria answered with something their answer type does not accept: reported, and not
    /// counted as unanswered.
    pub rejected: Vec<String>,
    /// Where `answers:` is written (else the file's start).
    pub answers_location: Location,
    /// Questions listed with a blank answer (as `dgmat init` writes them), with where.
    pub blank: Vec<(String, Location)>,
}

/// One answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The value given.
    pub value: AnswerValue,
    /// The respondent's note.
    pub note: Option<String>,
    /// Evidence cited.
    pub evidence: Vec<Evidence>,
    /// Where the answer is written.
    pub location: Location,
}

/// An answer's value, already checked against the answer type.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// yes / true.
    Yes,
    /// partial.
    Partial,
    /// no / false.
    No,
    /// n/a (allowed and noted).
    NotApplicable,
    /// A percent or number answer.
    Number(f64),
    /// The chosen option values.
    Choice(Vec<String>),
    /// A level answer, 1..=5 (rated rubrics).
    Level(u8),
    /// A free-text answer (informational questions).
    Text(String),
}

/// A piece of evidence cited for an answer.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Evidence {
    /// What it is: a decision number, a document title.
    #[serde(rename = "ref")]
    pub reference: String,
    /// When it was issued.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub date: Option<chrono::NaiveDate>,
    /// Where to find it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The rubric id a `rubric:` reference names (without `@version`).
pub fn rubric_id(reference: &str) -> &str {
    reference.split_once('@').map_or(reference, |(id, _)| id)
}
