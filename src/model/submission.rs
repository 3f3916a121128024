//! A submission as loaded: the rubric it is assessed against, its questionnaire and inventory,
//! the files read and their texts (for snippets).

use std::sync::Arc;

use crate::finding::Finding;
use crate::model::inventory::Inventory;
use crate::model::questionnaire::Questionnaire;
use crate::model::rubric::LoadedRubric;
use crate::source::Sources;

/// An input file as the report lists it.
#[derive(Clone, Debug, serde::Serialize, schemars::JsonSchema)]
pub struct InputFile {
    /// The path as given (forward slashes).
    pub path: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
}

/// A loaded submission.
#[derive(Debug)]
pub struct Submission {
    /// The rubric it is assessed against.
    pub rubric: Arc<LoadedRubric>,
    /// The questionnaire, if the submission has one.
    pub questionnaire: Option<Questionnaire>,
    /// The inventory (empty if the submission has none).
    pub inventory: Inventory,
    /// The input files, in the order read.
    pub inputs: Vec<InputFile>,
    /// Their texts (and the rubric's), for snippets.
    pub sources: Sources,
    /// Problems that do not stop the assessment.
    pub warnings: Vec<Finding>,
}
