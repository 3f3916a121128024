//! The overlay format (`kind: rubric` with `extends:`), described for the JSON Schema only:
//! [`crate::load::overlay`] reads overlays as YAML trees and merges them onto their base.

use std::collections::BTreeMap;

use schemars::JsonSchema;

use super::rubric::{Collection, Criterion, Group, LevelDef, Scoring, Target};
use super::text::Text;

/// A rubric that tailors another: only what changes is written.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct Overlay {
    /// Format version; must be 1.
    pub dgmat: u32,
    /// Must be `rubric`.
    pub kind: String,
    /// The tailored rubric's id, `[a-z0-9-]+`.
    pub id: String,
    /// Its version.
    pub version: String,
    /// The base: a shipped rubric id, or a path relative to this file. The base may not itself
    /// be an overlay.
    pub extends: String,
    /// Dimension or criterion id -> the keys it replaces (`{level: 2}`, `{action: ...}`); not
    /// `id` or `criteria`.
    #[serde(default, rename = "override")]
    pub overrides: BTreeMap<String, serde_json::Map<String, serde_json::Value>>,
    /// Dimension id -> criteria appended to it.
    #[serde(default)]
    pub add: BTreeMap<String, Vec<Criterion>>,
    /// Dimension or criterion ids left out; answers written to them for the base are ignored.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Replaces the base's title.
    #[serde(default)]
    pub title: Option<Text>,
    /// Replaces the base's description.
    #[serde(default)]
    pub description: Option<Text>,
    /// Replaces the base's levels.
    #[serde(default)]
    pub levels: Option<Vec<LevelDef>>,
    /// Replaces the base's scoring.
    #[serde(default)]
    pub scoring: Option<Scoring>,
    /// Replaces the base's targets.
    #[serde(default)]
    pub targets: Option<Vec<Target>>,
    /// Replaces the base's default target.
    #[serde(default)]
    pub default_target: Option<String>,
    /// Replaces the base's inventory collections.
    #[serde(default)]
    pub inventory: Option<BTreeMap<String, Collection>>,
    /// Replaces the base's groups.
    #[serde(default)]
    pub groups: Option<Vec<Group>>,
}
