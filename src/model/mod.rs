//! The domain: rubric, questionnaire, inventory and submission types, and the YAML node tree.
//!
//! The file types mirror SPEC section 2 exactly; unknown keys are rejected by serde
//! (`deny_unknown_fields`) and the values findings point at carry their position. May import:
//! `rules` (a rubric holds compiled expressions), `finding`, `location`, `lang`, `source`.
//! Never `load`: the loader fills these types, they do not know how.

pub mod answer;
pub mod collection;
pub mod grouping;
pub mod inventory;
pub mod node;
pub mod overlay;
pub mod questionnaire;
pub mod rubric;
pub mod submission;
pub mod text;
pub mod waivers;
pub mod words;
pub mod workbook;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::location::Pos;

/// A YAML mapping read in file order, keys with their positions.
#[derive(Clone, Debug)]
pub struct OrderedMap<V>(pub Vec<(Spanned<String>, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k.value == key).map(|(_, v)| v)
    }

    /// The keys, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.value.as_str())
    }

    /// Entries, in file order, with each key's position.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Pos, &V)> {
        self.0.iter().map(|(k, v)| (k.value.as_str(), Pos::of(k), v))
    }

    /// Mutable values, in file order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.0.iter_mut().map(|(_, v)| v)
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    out.push((k, map.next_value::<V>()?));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

impl<V: schemars::JsonSchema> schemars::JsonSchema for OrderedMap<V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<V>();
        schemars::json_schema!({"type": "object", "additionalProperties": value})
    }
}
