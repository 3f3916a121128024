//! The answers a rubric's questions accept (`answer:` of a criterion, SPEC 2.1): yes/no,
//! percent, number, choice and level, with their options, as read from YAML.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::text::Text;

/// The kind of a question's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AnswerKind {
    /// yes / no.
    YesNo,
    /// yes / partial / no.
    YesPartialNo,
    /// 0..100 against `pass` and `partial`.
    Percent,
    /// A number against `pass` and `partial`.
    Number,
    /// One (or several) of `options`.
    Choice,
    /// A level 1..5 (rated method).
    Level,
    /// Free text: informational only, never counted.
    Text,
}

/// A question's answer type: `yes-no`, `yes-partial-no`, or a map with `type:` and parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerType {
    /// The kind.
    pub kind: AnswerKind,
    /// Percent/number: value that meets the criterion.
    pub pass: Option<f64>,
    /// Percent/number: value that earns partial credit.
    pub partial: Option<f64>,
    /// Choice: the options.
    pub options: Vec<ChoiceOption>,
    /// Choice: several options may be picked; their credits add, capped at 1.
    pub multiple: bool,
    /// Level: a statement per level.
    pub statements: BTreeMap<u8, Text>,
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// The value an answer gives.
    pub value: String,
    /// What the option says.
    #[serde(default)]
    pub label: Option<Text>,
    /// Credit in [0, 1].
    pub credit: f64,
    /// With this answer the dimension reaches at most this level (1..5).
    #[serde(default)]
    pub level: Option<u8>,
    /// Advice for this answer, instead of the criterion's `action`.
    #[serde(default)]
    pub action: Option<Text>,
}

/// An answer type written as a map.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct AnswerSpec {
    #[serde(rename = "type")]
    kind: AnswerKind,
    #[serde(default)]
    pass: Option<f64>,
    #[serde(default)]
    partial: Option<f64>,
    #[serde(default)]
    options: Vec<ChoiceOption>,
    #[serde(default)]
    multiple: bool,
    /// Level answers: what each level 1..5 means (also written `levels:`).
    #[serde(default, alias = "levels")]
    statements: BTreeMap<u8, Text>,
}

impl AnswerType {
    fn simple(kind: AnswerKind) -> Self {
        AnswerType {
            kind,
            pass: None,
            partial: None,
            options: Vec::new(),
            multiple: false,
            statements: BTreeMap::new(),
        }
    }

    /// A short description for templates and messages.
    pub fn describe(&self) -> String {
        match self.kind {
            AnswerKind::YesNo => "yes | no".into(),
            AnswerKind::YesPartialNo => "yes | partial | no".into(),
            AnswerKind::Percent => "a percentage 0-100".into(),
            AnswerKind::Number => "a number".into(),
            AnswerKind::Choice => {
                let values: Vec<&str> = self.options.iter().map(|o| o.value.as_str()).collect();
                let joined = values.join(" | ");
                if self.multiple { format!("a list of: {joined}") } else { joined }
            }
            AnswerKind::Level => "a level 1-5".into(),
            AnswerKind::Text => "free text".into(),
        }
    }
}

impl<'de> Deserialize<'de> for AnswerType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnswerType;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("`yes-no`, `yes-partial-no`, `text`, or a map with `type: percent|number|choice|level|text`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AnswerType, E> {
                match v {
                    "yes-no" => Ok(AnswerType::simple(AnswerKind::YesNo)),
                    "text" => Ok(AnswerType::simple(AnswerKind::Text)),
                    "yes-partial-no" => Ok(AnswerType::simple(AnswerKind::YesPartialNo)),
                    "percent" | "number" | "choice" | "level" => Err(E::custom(format!(
                        "answer type `{v}` needs parameters: write it as a map, e.g. {{type: {v}, ...}}"
                    ))),
                    other => Err(E::custom(format!(
                        "unknown variant `{other}`, expected one of yes-no, yes-partial-no, text"
                    ))),
                }
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<AnswerType, A::Error> {
                let spec = AnswerSpec::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(AnswerType {
                    kind: spec.kind,
                    pass: spec.pass,
                    partial: spec.partial,
                    options: spec.options,
                    multiple: spec.multiple,
                    statements: spec.statements,
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for AnswerType {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "AnswerType".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let spec = generator.subschema_for::<AnswerSpec>();
        schemars::json_schema!({
            "description": "`yes-no`, `yes-partial-no`, or a map with `type: percent|number|choice|level` and its parameters",
            "anyOf": [{"type": "string", "enum": ["yes-no", "yes-partial-no", "text"]}, spec]
        })
    }
}
