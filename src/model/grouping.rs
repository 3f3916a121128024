//! Groups of dimensions (`groups:` in a rubric): Pathway's themes, SAMM's business functions.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::text::Text;

/// A named group of dimensions, scored from their levels.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Short id, unique among groups.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Name.
    pub name: Text,
    /// The ids of its dimensions.
    #[schemars(with = "Vec<String>")]
    pub dimensions: Vec<Spanned<String>>,
    /// `sum` (the default) or `mean` of the dimensions' levels.
    #[serde(default)]
    pub score: GroupScore,
}

/// How a group's score combines its dimensions' levels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum GroupScore {
    /// The sum of the levels; the most is 5 per dimension.
    #[default]
    Sum,
    /// The mean of the levels; the most is 5.
    Mean,
}
