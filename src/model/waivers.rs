//! The waivers format (`kind: waivers`): exemptions from criteria or record rules granted for a
//! time, read from a submission's `waivers.yaml` or from a ministry-wide `--waivers FILE`.
//!
//! [`WaiversFile`] is the file as written (its serde attributes also describe the format to the
//! JSON Schema); [`Waiver`] is an entry checked by [`crate::load::waivers`], which is what the
//! assessment applies.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::location::Location;

/// A waivers file as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaiversFile {
    /// Format version; must be 1.
    #[schemars(with = "u32")]
    pub dgmat: Spanned<u32>,
    /// Must be `waivers`.
    #[schemars(with = "String")]
    pub kind: Spanned<String>,
    /// The waivers granted.
    #[serde(default)]
    #[schemars(with = "Vec<WaiverEntry>")]
    pub waivers: Vec<Spanned<WaiverEntry>>,
}

/// One waiver as written: a criterion, or a record rule with the records it is waived for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaiverEntry {
    /// The criterion waived (`SEC-3.1`); or give `rule` and `records`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub criterion: Option<Spanned<String>>,
    /// The rubric record rule waived (`SYS-LEVEL`), for the `records` listed.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub rule: Option<Spanned<String>>,
    /// The keys of the records the rule is waived for.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub records: Option<Spanned<Vec<String>>>,
    /// Ministry-wide files only: the agency id the waiver is granted to (else every agency).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub agency: Option<Spanned<String>>,
    /// Why it is waived.
    #[schemars(with = "String")]
    pub reason: Spanned<String>,
    /// Who approved it.
    #[schemars(with = "String")]
    pub approved_by: Spanned<String>,
    /// The decision that granted it (`Decision 45/QD-BTTTT`).
    #[serde(default, rename = "ref")]
    #[schemars(with = "Option<String>")]
    pub reference: Option<Spanned<String>>,
    /// The last day it holds (`YYYY-MM-DD`); from the next day the criterion or rule is
    /// evaluated again.
    #[schemars(with = "String")]
    pub expires: Spanned<String>,
}

/// What a waiver exempts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Waived {
    /// A criterion, by id.
    Criterion(String),
    /// A record rule, by id, for the records listed (by key).
    Rule {
        /// The rule id.
        rule: String,
        /// The record keys.
        records: Vec<String>,
    },
}

/// A waiver, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiver {
    /// What it exempts.
    pub waived: Waived,
    /// The agency it is granted to (ministry-wide files), else every agency it is applied to.
    pub agency: Option<String>,
    /// Why.
    pub reason: String,
    /// Who approved it.
    pub approved_by: String,
    /// The decision that granted it.
    pub reference: Option<String>,
    /// The last day it holds.
    pub expires: chrono::NaiveDate,
    /// Where the entry is written.
    pub location: Location,
}

/// The waivers an assessment applies.
#[derive(Clone, Debug, Default)]
pub struct Waivers {
    /// The entries that concern the agency: its folder's and the ministry-wide ones granted to
    /// it or to every agency.
    pub entries: Vec<Waiver>,
    /// `--no-waivers`: every waiver is ignored (an audit), and reports say so.
    pub ignored: bool,
}

impl Waivers {
    /// The entries in force: none when ignored.
    pub fn in_force(&self) -> &[Waiver] {
        if self.ignored { &[] } else { &self.entries }
    }
}

impl Waivers {
    /// Adds the ministry-wide `entries` granted to `agency` or to every agency. Ids are
    /// compared as a batch round compares them: NFC-normalised and trimmed.
    pub fn add_ministry(&mut self, entries: &[Waiver], agency: &str) {
        use unicode_normalization::UnicodeNormalization as _;
        let key = |id: &str| id.trim().nfc().collect::<String>();
        let agency = key(agency);
        self.entries.extend(
            entries
                .iter()
                .filter(|w| w.agency.as_deref().is_none_or(|a| key(a) == agency))
                .cloned(),
        );
    }
}

impl Waiver {
    /// How outputs show the waiver beside what it exempts.
    pub fn waived_by(&self) -> crate::finding::WaivedBy {
        crate::finding::WaivedBy {
            reason: self.reason.clone(),
            approved_by: self.approved_by.clone(),
            reference: self.reference.clone(),
            expires: self.expires.to_string(),
            location: self.location.clone(),
        }
    }

    /// What it exempts, in a few words: `criterion SEC-3.1`, `rule SYS-LEVEL for s1, s2`.
    pub fn label(&self) -> String {
        match &self.waived {
            Waived::Criterion(id) => format!("criterion `{id}`"),
            Waived::Rule { rule, records } => format!("rule `{rule}` for {}", records.join(", ")),
        }
    }
}

/// The ministry-wide waivers of `--waivers FILE`: its entries, name and text.
#[derive(Debug)]
pub struct MinistryWaivers {
    /// The entries.
    pub entries: Vec<Waiver>,
    /// How findings name the file.
    pub name: String,
    /// Its text, for snippets.
    pub text: std::sync::Arc<str>,
}
