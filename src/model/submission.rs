//! A submission as loaded: the rubric it is assessed against, its questionnaire and inventory,
//! the files read and their texts (for snippets).

use std::sync::Arc;

use crate::finding::Finding;
use crate::model::inventory::Inventory;
use crate::model::questionnaire::Questionnaire;
use crate::model::rubric::LoadedRubric;
use crate::model::waivers::Waivers;
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
    /// The waivers that concern it: its folder's `waivers.yaml`, and the ministry-wide ones
    /// the command adds ([`Waivers::add_ministry`]).
    pub waivers: Waivers,
}

impl Submission {
    /// Applies the waiver options: with `no_waivers`, marks every waiver ignored (an audit);
    /// else adds the ministry-wide entries granted to this agency or to all, and lists the file
    /// among the inputs.
    pub fn apply_waivers(&mut self, ministry: Option<&crate::model::waivers::MinistryWaivers>, no_waivers: bool) {
        use sha2::Digest as _;
        if no_waivers {
            self.waivers.ignored = true;
            return;
        }
        let Some(m) = ministry else {
            return;
        };
        let agency = match (&self.questionnaire, &self.inventory.agency) {
            (Some(q), _) => q.agency.id.clone(),
            (None, Some((id, _))) => id.clone(),
            (None, None) => String::new(),
        };
        self.waivers.add_ministry(&m.entries, &agency);
        self.sources.insert(&m.name, m.text.clone());
        let digest = sha2::Sha256::digest(m.text.as_bytes());
        self.inputs.push(InputFile {
            path: m.name.clone(),
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        });
    }
}
