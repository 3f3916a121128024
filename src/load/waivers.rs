//! Reading a waivers file (`kind: waivers`) into checked [`Waiver`]s.
//!
//! Every problem of the file is reported in one run, each located: an entry that names neither
//! or both of `criterion` and `rule`, a rule without `records`, an empty reason or approver, an
//! impossible `expires` date, an `agency` in a submission's own file. Whether a waiver matches
//! anything is the assessment's business (`waiver-unused`), since only the rubric and the
//! inventory know.

use std::path::Path;
use std::sync::Arc;

use serde_saphyr::Spanned;

use super::{at, limits, yaml};
use crate::finding::{Finding, Rule};
use crate::location::Pos;
use crate::model::waivers::{Waived, Waiver, WaiverEntry, WaiversFile};

/// The name of a submission's own waivers file.
pub const FILE_NAMES: [&str; 2] = ["waivers.yaml", "waivers.yml"];

/// Where a waivers file comes from, which decides whether its entries may name an agency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A submission's `waivers.yaml`: every entry is the agency's own.
    Submission,
    /// `--waivers FILE`, for every agency assessed: an entry may name its `agency`.
    Ministry,
}

/// A waivers file that could not be read: every problem found, and its text when it was read.
#[derive(Debug)]
pub struct Unreadable {
    /// The problems, located.
    pub findings: Vec<Finding>,
    /// The file's text, for snippets.
    pub text: Option<Arc<str>>,
}

/// Reads the waivers file at `path`, named `name` in findings: its entries and text.
pub fn read(path: &Path, name: &str, scope: Scope) -> Result<(Vec<Waiver>, Arc<str>), Unreadable> {
    let unreadable = |f| Unreadable {
        findings: vec![f],
        text: None,
    };
    yaml::check_size(path, name).map_err(unreadable)?;
    let text = yaml::read_text(path, name).map_err(unreadable)?;
    parse(name, &text, scope).map(|w| (w, text.clone())).map_err(|findings| Unreadable {
        findings,
        text: Some(text),
    })
}

/// Parses the waivers file `name` from `text`.
pub fn parse(name: &str, text: &str, scope: Scope) -> Result<Vec<Waiver>, Vec<Finding>> {
    let file: WaiversFile = super::parse_kind(name, text, "waivers").map_err(|f| vec![f])?;
    super::check_envelope(name, &file.dgmat, &file.kind, "waivers").map_err(|f| vec![f])?;
    let mut errors = Vec::new();
    let waivers: Vec<Waiver> = file
        .waivers
        .iter()
        .filter_map(|entry| check_entry(name, entry, scope, &mut errors))
        .collect();
    if errors.is_empty() { Ok(waivers) } else { Err(errors) }
}

/// One entry checked, or `None` after reporting what is wrong with it.
fn check_entry(file: &str, entry: &Spanned<WaiverEntry>, scope: Scope, errors: &mut Vec<Finding>) -> Option<Waiver> {
    let e = &entry.value;
    let start = errors.len();
    let entry_at = at(file, Pos::of(entry));
    let invalid =
        |message: String, pos: Pos, help: &str| Finding::error(Rule::InvalidValue, message, at(file, pos)).with_help(help.to_string());
    let waived = match (&e.criterion, &e.rule) {
        (Some(c), None) => {
            if let Some(records) = &e.records {
                errors.push(invalid(
                    "`records` belong to a rule waiver, not to a criterion".into(),
                    Pos::of(records),
                    "remove `records`, or name the record rule with `rule:`",
                ));
            }
            Some(Waived::Criterion(c.value.trim().to_string()))
        }
        (None, Some(r)) => match &e.records {
            Some(records) if !records.value.is_empty() => Some(Waived::Rule {
                rule: r.value.trim().to_string(),
                records: records.value.iter().map(|k| k.trim().to_string()).collect(),
            }),
            Some(records) => {
                errors.push(invalid(
                    "`records` is empty".into(),
                    Pos::of(records),
                    "list the keys of the records the rule is waived for",
                ));
                None
            }
            None => {
                errors.push(
                    Finding::error(
                        Rule::MissingKey,
                        format!("the waiver of rule `{}` lists no `records`", r.value),
                        entry_at.clone(),
                    )
                    .with_help("list the keys of the records the rule is waived for: `records: [moh-legacy]`"),
                );
                None
            }
        },
        (Some(c), Some(_)) => {
            errors.push(invalid(
                "a waiver names either a `criterion` or a `rule`, not both".into(),
                Pos::of(c),
                "split it into two waivers",
            ));
            None
        }
        (None, None) => {
            errors.push(
                Finding::error(Rule::MissingKey, "a waiver names no `criterion` or `rule`", entry_at.clone())
                    .with_help("add `criterion: ID`, or `rule: ID` with `records: [KEY, ...]`"),
            );
            None
        }
    };
    for (key, value) in [("reason", &e.reason), ("approved_by", &e.approved_by)] {
        if value.value.trim().is_empty() {
            errors.push(invalid(
                format!("`{key}` is empty"),
                Pos::of(value),
                "a waiver says why it is granted and who approved it",
            ));
        }
    }
    let texts = [
        Some(&e.reason),
        Some(&e.approved_by),
        e.reference.as_ref(),
        e.criterion.as_ref(),
        e.rule.as_ref(),
    ];
    for value in texts.into_iter().flatten() {
        if let Some(problem) = limits::text_problem("the value", &value.value) {
            errors.push(invalid(problem, Pos::of(value), "shorten it"));
        }
    }
    let expires = super::parse_date(&e.expires.value).filter(|_| e.expires.value.trim().len() == 10);
    if expires.is_none() {
        errors.push(invalid(
            format!("`expires` is `{}`, not a date", e.expires.value),
            Pos::of(&e.expires),
            "write the last day the waiver holds as YYYY-MM-DD",
        ));
    }
    let agency = match (&e.agency, scope) {
        (Some(a), Scope::Submission) => {
            errors.push(invalid(
                "`agency` is for the ministry-wide file given with --waivers".into(),
                Pos::of(a),
                "remove it: a submission's own waivers.yaml is that agency's",
            ));
            None
        }
        (Some(a), Scope::Ministry) => {
            if let Some(problem) = limits::id_problem("the agency id", &a.value) {
                errors.push(invalid(problem, Pos::of(a), "write the agency's id"));
            }
            Some(a.value.trim().to_string())
        }
        (None, _) => None,
    };
    if errors.len() > start {
        return None;
    }
    Some(Waiver {
        waived: waived?,
        agency,
        reason: e.reason.value.trim().to_string(),
        approved_by: e.approved_by.value.trim().to_string(),
        reference: e.reference.as_ref().map(|r| r.value.trim().to_string()),
        expires: expires?,
        location: entry_at?,
    })
}

#[cfg(test)]
mod tests {
    use super::{Scope, parse};
    use crate::finding::Rule;

    #[test]
    fn every_problem_is_located() {
        let text = "dgmat: 1\nkind: waivers\nwaivers:\n  - {criterion: A-1, rule: R, reason: x, approved_by: y, expires: 2027-01-01}\n  - {criterion: A-2, reason: '', approved_by: y, expires: 2027-02-30}\n";
        let errors = parse("w.yaml", text, Scope::Submission).unwrap_err();
        let at: Vec<(Rule, u32)> = errors
            .iter()
            .map(|f| (f.rule.builtin().unwrap(), f.location.as_ref().unwrap().line))
            .collect();
        assert_eq!(at, [(Rule::InvalidValue, 4), (Rule::InvalidValue, 5), (Rule::InvalidValue, 5)]);
    }

    #[test]
    fn a_good_file_reads() {
        let text = "dgmat: 1\nkind: waivers\nwaivers:\n  - criterion: A-1\n    reason: retiring\n    approved_by: Director\n    ref: Decision 1\n    expires: 2027-06-30\n  - {rule: SYS-LEVEL, records: [s1, s2], reason: r, approved_by: a, expires: 2027-01-01, agency: moh}\n";
        let w = parse("w.yaml", text, Scope::Ministry).unwrap();
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].location.line, 4);
        assert_eq!(w[1].agency.as_deref(), Some("moh"));
    }
}
