//! Reader-facing text: a plain string or a map of language code to string.

use std::collections::BTreeMap;

use crate::lang::Lang;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

/// A text in one or several languages (`"..."` or `{en: "...", vi: "..."}`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(BTreeMap<String, String>);

/// The language of a plain-string text.
const PLAIN: &str = "";

impl Text {
    /// A text with a single, untagged translation.
    pub fn plain(s: impl Into<String>) -> Self {
        Text(BTreeMap::from([(PLAIN.to_string(), s.into())]))
    }

    /// The text in `lang`, else in English, else the plain string, else any translation.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.get(PLAIN))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Whether the text has a translation in `lang` (a plain string counts for none).
    pub fn has(&self, lang: Lang) -> bool {
        self.0.contains_key(lang.code())
    }

    /// Every translation, in every language.
    pub fn translations(&self) -> impl Iterator<Item = &str> {
        self.0.values().map(String::as_str)
    }

    /// Whether every translation is empty or white space.
    pub fn is_blank(&self) -> bool {
        self.0.values().all(|s| s.trim().is_empty())
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.get(PLAIN) {
            Some(plain) if self.0.len() == 1 => s.serialize_str(plain),
            _ => self.0.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a map of language code to string ({en: ..., vi: ...})")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text::plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(lang) = map.next_key::<String>()? {
                    let valid = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
                    if !valid {
                        return Err(de::Error::custom(format!(
                            "`{lang}` is not a language code; use a two-letter code such as en or vi"
                        )));
                    }
                    out.insert(lang, map.next_value::<String>()?);
                }
                if out.is_empty() {
                    return Err(de::Error::custom("a text needs at least one language"));
                }
                Ok(Text(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A string, or a map of language code to string ({en: ..., vi: ...})",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "additionalProperties": {"type": "string"}, "propertyNames": {"pattern": "^[a-z]{2,3}$"}, "minProperties": 1}
            ]
        })
    }
}
