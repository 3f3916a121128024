//! The inventory collections a rubric declares (`inventory:` in the rubric, SPEC 2.1): their
//! fields, types and record rules, as read from YAML.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::OrderedMap;
use super::text::Text;
use crate::finding::Severity;
use crate::rules::Expr;

/// An inventory collection (systems, datasets, ...).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    /// Title.
    #[serde(default)]
    pub title: Option<Text>,
    /// What the collection holds.
    #[serde(default)]
    pub description: Option<Text>,
    /// The field whose value is unique per record.
    #[schemars(with = "String")]
    pub key: Spanned<String>,
    /// Declared fields, in order.
    pub fields: OrderedMap<FieldDef>,
    /// Record checks.
    #[serde(default)]
    pub rules: Vec<RecordRule>,
    /// Cell texts that mean "no value" in CSV inventories, besides an empty cell
    /// (e.g. `["NULL", "N/A", "-"]`).
    #[serde(default)]
    pub null_values: Vec<String>,
    /// What a bad record is: `error` (the default) stops the submission; `warn` reports each
    /// bad cell, missing or duplicate key and dangling reference as a warning and still counts
    /// the record (bad values read as null, a keyless record is named by its line). For
    /// consolidated real-world exports, where one dirty row must not hide an agency's figures.
    #[serde(default)]
    pub invalid_records: InvalidRecords,
}

/// How a collection treats records that break its declarations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvalidRecords {
    /// Every problem is an error.
    #[default]
    Error,
    /// Problems are warnings and the records still count.
    Warn,
}

/// A declared inventory field.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// Value type.
    #[serde(rename = "type")]
    #[schemars(with = "FieldType")]
    pub kind: Spanned<FieldType>,
    /// A missing or empty value is an error.
    #[serde(default)]
    pub required: bool,
    /// Enum: the allowed values.
    #[serde(default)]
    pub values: Option<Vec<String>>,
    /// Integer/number: least value.
    #[serde(default)]
    pub min: Option<f64>,
    /// Integer/number: greatest value.
    #[serde(default)]
    pub max: Option<f64>,
    /// List: item type.
    #[serde(default)]
    pub of: Option<FieldType>,
    /// List/string: each value must be a key of this collection.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub refers_to: Option<Spanned<String>>,
    /// What the field means.
    #[serde(default)]
    pub description: Option<Text>,
    /// Other column headers that mean this field in CSV inventories (`DATA_OWNER`, "Data owner").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Enum: what values mean for people (`production: {en: In production, vi: Đang vận hành}`);
    /// a cell or value may be written as a value's label, in any of its languages.
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, Text>,
}

/// Inventory value types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// Text.
    String,
    /// Whole number.
    Integer,
    /// Any number.
    Number,
    /// true/false.
    Boolean,
    /// ISO date `YYYY-MM-DD`.
    Date,
    /// One of `values`.
    Enum,
    /// A list of `of`.
    List,
}

impl FieldType {
    /// The name used in the rubric.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
            FieldType::Enum => "enum",
            FieldType::List => "list",
        }
    }
}

/// A check run on every record of a collection; each failure is a finding.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordRule {
    /// Stable id, reported as the finding's rule.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Which records the rule applies to (default: all).
    #[serde(default)]
    pub when: Option<Expr>,
    /// What each of them must satisfy.
    pub require: Expr,
    /// Error or warning.
    #[serde(default)]
    pub severity: Severity,
    /// The finding's message.
    pub message: Text,
    /// The finding's help line.
    #[serde(default)]
    pub help: Option<Text>,
}

impl FieldDef {
    /// The enum value whose label `text` is, in any language, any case, with or without
    /// diacritics.
    pub fn value_labelled(&self, text: &str) -> Option<&str> {
        let wanted = crate::model::words::fold(text);
        self.labels
            .iter()
            .find(|(_, label)| label.translations().any(|l| crate::model::words::fold(l) == wanted))
            .map(|(value, _)| value.as_str())
    }

    /// How a field is declared, in words.
    pub fn describe(&self) -> String {
        match self.kind.value {
            FieldType::Enum => format!("one of: {}", self.values.as_deref().unwrap_or_default().join(", ")),
            FieldType::List => format!("a list of {}", self.of.unwrap_or(FieldType::String).as_str()),
            FieldType::Date => "a date YYYY-MM-DD".into(),
            FieldType::Integer | FieldType::Number => {
                let kind = self.kind.value.as_str();
                match (self.min, self.max) {
                    (Some(lo), Some(hi)) => format!("{kind} from {lo} to {hi}"),
                    (Some(lo), None) => format!("{kind} of at least {lo}"),
                    (None, Some(hi)) => format!("{kind} of at most {hi}"),
                    (None, None) => kind.into(),
                }
            }
            other => other.as_str().into(),
        }
    }
}
