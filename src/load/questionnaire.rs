//! Questionnaires: answers interpreted against the rubric's criteria.
//!
//! Guarantees of a loaded [`crate::model::questionnaire::Questionnaire`]: every answer names a
//! question criterion of the rubric and has a value its answer type accepts; `n/a` appears only
//! where the criterion allows it and carries a note; evidence entries are well-formed with
//! valid dates. A blank answer (as `dgmat init` writes them) is simply unanswered. All problems
//! are reported together. This file reads the envelope (agency, tier, respondent, dates);
//! `questionnaire/answers.rs` checks the answers.

use super::{limits, suggestion};
use crate::finding::{Finding, Rule};
use crate::location::{Location, Origin, Pos};
use crate::model::node::{Key, Node, Value};
use crate::model::questionnaire::{Agency, QuestionnaireFile, Respondent, Tier};

mod answers;
pub use answers::{interpret, interpret_parts};

/// Where `pos` is in `origin`.
fn at(origin: &Origin, pos: Pos) -> Option<Location> {
    Some(origin.at(pos))
}

/// Reads a questionnaire's envelope: the file and the problems found in it (an unknown key, a
/// wrong tier, a missing agency), all of them; `Err` only when the file is not a questionnaire
/// at all (invalid YAML, no `dgmat: 1`, another kind). `interpret` then checks its answers
/// against a rubric.
pub fn parse(file: &str, text: &str) -> Result<(QuestionnaireFile, Vec<Finding>), Finding> {
    let root: Node = super::yaml::parse_node(file, text)?;
    let Value::Map(entries) = root.value else {
        return Err(super::check_header_nodes(file, None, None, "questionnaire")
            .err()
            .unwrap_or_else(|| Finding::error(Rule::InvalidValue, format!("{file} must be a mapping"), super::at(file, root.pos))));
    };
    let get = |k: &str| entries.iter().find(|(key, _)| key.name == k).map(|(_, v)| v);
    super::check_header_nodes(file, get("dgmat"), get("kind"), "questionnaire")?;
    let mut errors = Vec::new();
    let mut q = QuestionnaireFile {
        dgmat: 1,
        kind: "questionnaire".into(),
        rubric: None,
        agency: Agency {
            id: String::new(),
            name: None,
            tier: None,
            region: None,
        },
        assessed_on: None,
        respondent: None,
        answers: Vec::new(),
        agency_at: (Pos { line: 1, column: 1 }, Pos { line: 1, column: 1 }),
        answers_at: Pos { line: 1, column: 1 },
    };
    let mut has_agency = false;
    for (key, node) in entries {
        match key.name.as_str() {
            "dgmat" | "kind" => {}
            "rubric" => q.rubric = text_of(file, "rubric", &node, &mut errors).map(|t| (t, node.pos)),
            "assessed_on" => q.assessed_on = text_of(file, "assessed_on", &node, &mut errors).map(|t| (t, node.pos)),
            "agency" => {
                has_agency = true;
                let id_at = node.get("id").map_or(node.pos, |n| n.pos);
                q.agency_at = (id_at, node.get("name").map_or(node.pos, |n| n.pos));
                q.agency = agency(file, &node, &mut errors);
            }
            "respondent" => q.respondent = respondent(file, &node, &mut errors),
            "answers" => {
                q.answers_at = key.pos;
                match node.value {
                    Value::Map(answers) => q.answers = answers,
                    Value::Null => {}
                    other => errors.push(Finding::error(
                        Rule::InvalidValue,
                        format!("`answers` must map criterion ids to answers, found {}", other.kind()),
                        super::at(file, node.pos),
                    )),
                }
            }
            other => errors.push(unknown_key(file, other, key.pos, TOP_KEYS, "a questionnaire")),
        }
    }
    if !has_agency {
        errors.push(
            Finding::error(
                Rule::MissingKey,
                "the questionnaire names no `agency`",
                super::at(file, Pos { line: 1, column: 1 }),
            )
            .with_help("add `agency: {id: ..., name: ..., tier: ...}`"),
        );
    }
    Ok((q, errors))
}

/// The keys of a questionnaire.
const TOP_KEYS: &[&str] = &["dgmat", "kind", "rubric", "agency", "assessed_on", "respondent", "answers"];

/// The error for the key `name` at `pos`, which is none of `known` (keys of `what`).
fn unknown_key(file: &str, name: &str, pos: Pos, known: &[&str], what: &str) -> Finding {
    let help = suggestion(name, known.iter().copied()).unwrap_or_else(|| format!("allowed keys here: {}", known.join(", ")));
    Finding::error(Rule::UnknownKey, format!("unknown key `{name}` in {what}"), super::at(file, pos)).with_help(help)
}

/// The text of the scalar `node` (the value of `key`), or an error when it is not one.
fn text_of(file: &str, key: &str, node: &Node, errors: &mut Vec<Finding>) -> Option<String> {
    match &node.value {
        Value::Null => None,
        Value::Seq(_) | Value::Map(_) => {
            errors.push(Finding::error(
                Rule::InvalidValue,
                format!("`{key}` must be a single value, found {}", node.value.kind()),
                super::at(file, node.pos),
            ));
            None
        }
        _ => node.as_scalar_text(),
    }
}

/// The agency `{id, name, tier, region}`, reporting whatever is wrong with it.
fn agency(file: &str, node: &Node, errors: &mut Vec<Finding>) -> Agency {
    let mut agency = Agency {
        id: String::new(),
        name: None,
        tier: None,
        region: None,
    };
    let entries = match &node.value {
        Value::Map(entries) => entries,
        // `agency: moh`, the short form an inventory uses.
        Value::Str(id) => {
            agency.id = id.clone();
            return agency;
        }
        other => {
            errors.push(
                Finding::error(
                    Rule::InvalidValue,
                    format!("`agency` must be a mapping, found {}", other.kind()),
                    super::at(file, node.pos),
                )
                .with_help("write `agency: {id: ..., name: ..., tier: ...}`"),
            );
            return agency;
        }
    };
    let mut has_id = false;
    for (key, v) in entries {
        match key.name.as_str() {
            "id" => {
                has_id = true;
                agency.id = text_of(file, "id", v, errors).unwrap_or_default();
            }
            "name" => agency.name = text_of(file, "name", v, errors),
            "tier" => agency.tier = tier(file, v, errors),
            "region" => agency.region = text_of(file, "region", v, errors),
            other => errors.push(unknown_key(file, other, key.pos, &["id", "name", "tier", "region"], "`agency`")),
        }
    }
    if !has_id {
        errors.push(
            Finding::error(Rule::MissingKey, "the agency has no `id`", super::at(file, node.pos))
                .with_help("add `id: ...`, the agency's short id (it names the agency's files in batch output)"),
        );
    }
    agency
}

/// The agency's tier, or an error naming the tiers.
fn tier(file: &str, node: &Node, errors: &mut Vec<Finding>) -> Option<Tier> {
    const TIERS: [(&str, Tier); 4] = [
        ("ministry", Tier::Ministry),
        ("province", Tier::Province),
        ("commune", Tier::Commune),
        ("other", Tier::Other),
    ];
    let text = text_of(file, "tier", node, errors)?;
    if let Some((_, t)) = TIERS.iter().find(|(name, _)| *name == text) {
        return Some(*t);
    }
    let names = TIERS.map(|(n, _)| n);
    let help = suggestion(&text, names).map_or_else(
        || format!("allowed values: {}", names.join(", ")),
        |s| format!("{s} allowed: {}", names.join(", ")),
    );
    errors.push(
        Finding::error(
            Rule::InvalidValue,
            format!("unknown tier `{text}`, expected one of {}", names.join(", ")),
            super::at(file, node.pos),
        )
        .with_help(help),
    );
    None
}

/// Who answered, reporting unknown keys.
fn respondent(file: &str, node: &Node, errors: &mut Vec<Finding>) -> Option<Respondent> {
    let entries = match &node.value {
        Value::Null => return None,
        Value::Map(entries) => entries,
        other => {
            errors.push(Finding::error(
                Rule::InvalidValue,
                format!("`respondent` must be a mapping, found {}", other.kind()),
                super::at(file, node.pos),
            ));
            return None;
        }
    };
    let mut r = Respondent {
        name: None,
        role: None,
        email: None,
    };
    for (key, v) in entries {
        match key.name.as_str() {
            "name" => r.name = text_of(file, "name", v, errors),
            "role" => r.role = text_of(file, "role", v, errors),
            "email" => r.email = text_of(file, "email", v, errors),
            other => errors.push(unknown_key(file, other, key.pos, &["name", "role", "email"], "`respondent`")),
        }
    }
    Some(r)
}

/// A questionnaire's parts before its answers are checked against a rubric: the same whether
/// it was written in YAML or in a workbook, so that both meet every rule, hint and cap.
pub struct Parts {
    /// The file, as findings name it.
    pub file: String,
    /// Who is assessed.
    pub agency: Agency,
    /// Where the agency id is written.
    pub agency_location: Location,
    /// Where the agency name is written (else the agency).
    pub agency_name_location: Location,
    /// Where the answers start (`answers:` in YAML), for findings about the answers as a whole.
    pub answers_location: Location,
    /// The rubric it says it answers, and where.
    pub rubric: Option<(String, Location)>,
    /// The assessment date as written, and where.
    pub assessed_on: Option<(String, Location)>,
    /// Who answered.
    pub respondent: Option<Respondent>,
    /// The answers, in the order written; a blank answer is a `Null` node.
    pub answers: Vec<RawAnswer>,
}

/// One answer as written: the criterion id, where the id is, and the answer's node (short or
/// long form) with positions in `origin`.
pub struct RawAnswer {
    /// The criterion answered.
    pub id: String,
    /// The file or sheet the answer is in.
    pub origin: Origin,
    /// Where the id is written.
    pub key: Pos,
    /// The answer.
    pub node: Node,
}

/// The parts of the YAML questionnaire `q`, read from `file`.
pub fn parts(file: &str, q: QuestionnaireFile) -> Parts {
    let origin = Origin::file(file);
    let answers = q
        .answers
        .into_iter()
        .map(|(Key { name, pos }, node)| RawAnswer {
            id: name,
            origin: origin.clone(),
            key: pos,
            node,
        })
        .collect();
    Parts {
        file: file.to_string(),
        agency: q.agency,
        agency_location: origin.at(q.agency_at.0),
        agency_name_location: origin.at(q.agency_at.1),
        answers_location: origin.at(q.answers_at),
        rubric: q.rubric.map(|(r, pos)| (r, origin.at(pos))),
        assessed_on: q.assessed_on.map(|(d, pos)| (d, origin.at(pos))),
        respondent: q.respondent,
        answers,
    }
}

/// The earliest `assessed_on` accepted: no data-governance assessment predates it.
pub const EARLIEST_ASSESSMENT: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(1990, 1, 1) {
    Some(d) => d,
    None => panic!("a valid date"),
};

/// How far after today an `assessed_on` may lie: a questionnaire filled in ahead of its
/// assessment day, not one dated to outrun the evidence age limit.
pub const MAX_DAYS_AHEAD: i64 = 366;

/// Why `assessed_on` = `date` cannot be (message, help), judged on `today`; `None` when it can.
fn implausible_assessment_date(date: chrono::NaiveDate, today: chrono::NaiveDate) -> Option<(String, String)> {
    if date < EARLIEST_ASSESSMENT {
        return Some((
            format!("assessed_on {date} is before {EARLIEST_ASSESSMENT}"),
            "write the date of the assessment as YYYY-MM-DD; a year before 1990 is a typo".to_string(),
        ));
    }
    if (date - today).num_days() > MAX_DAYS_AHEAD {
        return Some((
            format!("assessed_on {date} is more than a year after today ({today})"),
            "write the date of the assessment as YYYY-MM-DD; evidence is judged against it, so it cannot lie in the future".to_string(),
        ));
    }
    None
}

/// The agency id's and the envelope texts' problems: too long, or a control character in the id.
fn envelope_problems(q: &Parts, errors: &mut Vec<Finding>) {
    let at = Some(q.agency_location.clone());
    if let Some(problem) = limits::id_problem("the agency id", &q.agency.id) {
        errors.push(
            Finding::error(Rule::InvalidValue, problem, at.clone())
                .with_help("an agency id is a short identifier such as `so-tttt-hanoi`; put the full name in `name:`"),
        );
    }
    let respondent = q.respondent.as_ref();
    let texts = [
        ("the agency name", q.agency.name.as_deref()),
        ("the agency region", q.agency.region.as_deref()),
        ("the respondent's name", respondent.and_then(|r| r.name.as_deref())),
        ("the respondent's role", respondent.and_then(|r| r.role.as_deref())),
        ("the respondent's e-mail", respondent.and_then(|r| r.email.as_deref())),
    ];
    for (what, s) in texts {
        if let Some(problem) = s.and_then(|s| limits::text_problem(what, s)) {
            errors.push(Finding::error(Rule::InvalidValue, problem, at.clone()).with_help("shorten it"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn assessment_dates_lie_between_1990_and_a_year_ahead() {
        let today = day(2026, 11, 20);
        assert!(implausible_assessment_date(day(1990, 1, 1), today).is_none());
        assert!(implausible_assessment_date(day(1989, 12, 31), today).is_some());
        assert!(implausible_assessment_date(day(2027, 11, 21), today).is_none());
        assert!(implausible_assessment_date(day(2027, 11, 22), today).is_some());
    }
}
