//! Questionnaires: answers interpreted against the rubric's criteria.
//!
//! Guarantees of a loaded [`Questionnaire`]: every answer names a question criterion of the
//! rubric and has a value its answer type accepts; `n/a` appears only where the criterion allows
//! it and carries a note; evidence entries are well-formed with valid dates. A blank answer
//! (as `dgmat init` writes them) is simply unanswered. All problems are reported together.

use std::collections::HashMap;

use super::{limits, parse_date, suggestion};
use crate::finding::{Finding, Rule, did_you_mean};
use crate::location::{Location, Origin, Pos};
use crate::model::node::{Key, Node, Value};
use crate::model::questionnaire::{Agency, QuestionnaireFile, Respondent, Tier};
use crate::model::questionnaire::{Answer, AnswerValue, Evidence, Questionnaire};
use crate::model::rubric::{AnswerKind, AnswerType, Criterion, Rubric};

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

/// Checks the answers of `q` against `rubric`.
pub fn interpret(file: &str, q: QuestionnaireFile, rubric: &Rubric) -> (Questionnaire, Vec<Finding>) {
    interpret_parts(parts(file, q), rubric)
}

/// Checks the answers of a questionnaire's `parts` against `rubric`.
pub fn interpret_parts(q: Parts, rubric: &Rubric) -> (Questionnaire, Vec<Finding>) {
    let mut errors = Vec::new();
    let today = chrono::Local::now().date_naive();
    let assessed_on = q.assessed_on.as_ref().and_then(|(d, loc)| {
        let parsed = parse_date(d);
        let problem = match parsed {
            None => Some((
                format!("assessed_on `{d}` is not a valid date"),
                "write the date as YYYY-MM-DD".to_string(),
            )),
            Some(date) => implausible_assessment_date(date, today),
        };
        if let Some((message, help)) = problem {
            errors.push(Finding::error(Rule::InvalidValue, message, Some(loc.clone())).with_help(help));
            return None;
        }
        parsed
    });
    envelope_problems(&q, &mut errors);
    let criteria = rubric.criteria_by_id();
    let mut answers = HashMap::new();
    let mut rejected = Vec::new();
    let mut blank = Vec::new();
    for RawAnswer { id, origin, key, node } in &q.answers {
        let id = id.as_str();
        let key = Some(origin.at(*key));
        if rubric.tailors.as_ref().is_some_and(|t| t.removed.iter().any(|r| r == id)) {
            continue;
        }
        let Some(criterion) = criteria.get(id) else {
            let help = suggestion(id, criteria.keys().copied())
                .unwrap_or_else(|| format!("rubric `{}` has no criterion `{id}`; remove the answer", rubric.id.value));
            errors.push(Finding::error(Rule::UnknownCriterion, format!("answer to unknown criterion `{id}`"), key).with_help(help));
            continue;
        };
        if criterion.check.is_some() {
            errors.push(
                Finding::error(
                    Rule::ComputedCriterion,
                    format!("`{id}` is computed from the inventory and takes no answer"),
                    key,
                )
                .with_help("remove the answer; fill in the inventory instead"),
            );
            continue;
        }
        match answer(origin, node, criterion) {
            Ok(Some(a)) => {
                let texts = a
                    .note
                    .iter()
                    .map(|n| ("the note", n.as_str()))
                    .chain(a.evidence.iter().flat_map(|e| {
                        [
                            ("an evidence reference", Some(e.reference.as_str())),
                            ("an evidence URL", e.url.as_deref()),
                        ]
                        .into_iter()
                        .filter_map(|(what, s)| s.map(|s| (what, s)))
                    }));
                for (what, s) in texts {
                    if let Some(problem) = limits::text_problem(what, s) {
                        errors.push(
                            Finding::error(Rule::InvalidValue, format!("`{id}`: {problem}"), Some(a.location.clone()))
                                .with_help("shorten it; cite long documents by reference or URL"),
                        );
                    }
                }
                answers.insert(id.to_string(), a);
            }
            Ok(None) => blank.extend(key.map(|at| (id.to_string(), at))),
            Err(mut f) => {
                errors.append(&mut f);
                rejected.push(id.to_string());
            }
        }
    }
    let questionnaire = Questionnaire {
        file: q.file,
        agency: q.agency,
        agency_location: q.agency_location,
        agency_name_location: q.agency_name_location,
        answers_location: q.answers_location,
        rubric: q.rubric,
        assessed_on,
        respondent: q.respondent,
        answers,
        rejected,
        blank,
    };
    (questionnaire, errors)
}

/// Interprets one answer node (short or long form). `Ok(None)` is a blank answer.
fn answer(origin: &Origin, node: &Node, c: &Criterion) -> Result<Option<Answer>, Vec<Finding>> {
    let mut errors = Vec::new();
    let (value_node, note, evidence) = match &node.value {
        Value::Map(entries) => match long_form(origin, node, entries, c, &mut errors) {
            Some(parts) => parts,
            None => return Err(errors),
        },
        _ => (node, None, Vec::new()),
    };
    if value_node.value == Value::Null {
        return if errors.is_empty() { Ok(None) } else { Err(errors) };
    }
    let location = origin.at(value_node.pos);
    let value = match value(value_node, c) {
        Ok(v) => v,
        Err((msg, help)) => {
            errors.push(Finding::error(Rule::InvalidAnswer, msg, Some(location.clone())).with_help(help));
            return Err(errors);
        }
    };
    if value == AnswerValue::NotApplicable
        && let Some((rule, message, help)) = misused_na(c, note.as_deref())
    {
        errors.push(Finding::error(rule, message, Some(location.clone())).with_help(help));
    }
    if errors.is_empty() {
        Ok(Some(Answer {
            value,
            note,
            evidence,
            location,
        }))
    } else {
        Err(errors)
    }
}

/// The parts of a long-form answer `{answer, note, evidence}` (the mapping `node`): (the value
/// node, the note, the evidence); `None` when it has no `answer:`.
fn long_form<'n>(
    origin: &Origin,
    node: &Node,
    entries: &'n [(Key, Node)],
    c: &Criterion,
    errors: &mut Vec<Finding>,
) -> Option<(&'n Node, Option<String>, Vec<Evidence>)> {
    let mut value = None;
    let mut note = None;
    let mut evidence = Vec::new();
    for (k, v) in entries {
        match k.name.as_str() {
            "answer" => value = Some(v),
            "note" => match &v.value {
                Value::Null => {}
                _ => note = v.as_scalar_text(),
            },
            "evidence" => evidence = read_evidence(origin, v, errors),
            other => {
                let help = suggestion(other, ["answer", "note", "evidence"])
                    .unwrap_or_else(|| "an answer may have `answer`, `note` and `evidence`".to_string());
                errors.push(
                    Finding::error(
                        Rule::UnknownKey,
                        format!("unknown key `{other}` in the answer to `{}`", c.id.value),
                        at(origin, k.pos),
                    )
                    .with_help(help),
                );
            }
        }
    }
    let Some(value) = value else {
        errors.push(
            Finding::error(
                Rule::MissingKey,
                format!("the answer to `{}` has no `answer:`", c.id.value),
                at(origin, node.pos),
            )
            .with_help("add `answer: ...`"),
        );
        return None;
    };
    Some((value, note, evidence))
}

/// Why an `n/a` answer to `c` with `note` is not accepted, if it is not: (rule, message, help).
fn misused_na(c: &Criterion, note: Option<&str>) -> Option<(Rule, String, &'static str)> {
    if !c.allow_na {
        Some((
            Rule::NaNotAllowed,
            format!("`{}` does not accept n/a", c.id.value),
            "answer the question; this criterion applies to every agency",
        ))
    } else if note.is_none_or(|n| n.trim().is_empty()) {
        Some((
            Rule::NaWithoutNote,
            format!("n/a for `{}` needs a note saying why", c.id.value),
            "use the long form: {answer: n/a, note: \"why it does not apply\"}",
        ))
    } else {
        None
    }
}

fn read_evidence(origin: &Origin, node: &Node, errors: &mut Vec<Finding>) -> Vec<Evidence> {
    let items = match &node.value {
        Value::Seq(items) => items.as_slice(),
        Value::Null => return Vec::new(),
        _ => std::slice::from_ref(node),
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::Str(s) => out.push(Evidence {
                reference: s.clone(),
                date: None,
                url: None,
            }),
            Value::Map(entries) => {
                let mut ev = Evidence {
                    reference: String::new(),
                    date: None,
                    url: None,
                };
                for (k, v) in entries {
                    let text = v.as_scalar_text();
                    match (k.name.as_str(), text) {
                        ("ref", Some(t)) => ev.reference = t,
                        ("url", Some(t)) => ev.url = Some(t),
                        ("note", _) => {}
                        ("date", Some(t)) => match parse_date(&t) {
                            Some(d) => ev.date = Some(d),
                            None => errors.push(
                                Finding::error(
                                    Rule::InvalidValue,
                                    format!("evidence date `{t}` is not a valid date"),
                                    at(origin, v.pos),
                                )
                                .with_help("write the date as YYYY-MM-DD"),
                            ),
                        },
                        ("ref" | "url" | "date", None) => errors.push(Finding::error(
                            Rule::InvalidValue,
                            format!("evidence `{}` must be a single value", k.name),
                            at(origin, v.pos),
                        )),
                        (other, _) => {
                            let help = suggestion(other, ["ref", "date", "url", "note"])
                                .unwrap_or_else(|| "evidence has `ref`, `date`, `url` and `note`".to_string());
                            errors.push(
                                Finding::error(Rule::UnknownKey, format!("unknown key `{other}` in evidence"), at(origin, k.pos))
                                    .with_help(help),
                            );
                        }
                    }
                }
                if ev.reference.trim().is_empty() {
                    errors.push(
                        Finding::error(Rule::MissingKey, "evidence needs a `ref` naming the document", at(origin, item.pos))
                            .with_help("e.g. {ref: \"Decision 123/QD-UBND\", date: 2026-03-01}"),
                    );
                } else {
                    out.push(ev);
                }
            }
            other => errors.push(Finding::error(
                Rule::InvalidValue,
                format!("evidence must be a document reference or a map, found {}", other.kind()),
                at(origin, item.pos),
            )),
        }
    }
    out
}

/// Checks a value against the criterion's answer type; errors are (message, help).
fn value(node: &Node, c: &Criterion) -> Result<AnswerValue, (String, String)> {
    let id = &c.id.value;
    let Some(answer_type) = c.answer.as_ref().map(|a| &a.value) else {
        return Err((format!("`{id}` takes no answer"), "remove the answer".into()));
    };
    let text = node.as_scalar_text().map(|t| t.trim().to_lowercase());
    let word = text.as_deref().and_then(crate::model::words::answer_word);
    if word == Some("n/a") {
        return Ok(AnswerValue::NotApplicable);
    }
    let expected = answer_type.describe();
    let wrong = |found: &str| {
        (
            format!("`{id}` expects {expected}, found {found}"),
            format!("answer with {expected}"),
        )
    };
    let found = || text.clone().map_or_else(|| node.value.kind().to_string(), |t| format!("`{t}`"));
    match answer_type.kind {
        AnswerKind::YesNo | AnswerKind::YesPartialNo => match word {
            Some("yes") => Ok(AnswerValue::Yes),
            Some("no") => Ok(AnswerValue::No),
            Some("partial") if answer_type.kind == AnswerKind::YesPartialNo => Ok(AnswerValue::Partial),
            _ => Err(wrong(&found())),
        },
        AnswerKind::Percent | AnswerKind::Number => {
            let n = match &node.value {
                Value::Int(n) => Some(*n as f64),
                Value::Float(f) => Some(*f),
                Value::Str(s) => s.trim().trim_end_matches('%').trim().parse::<f64>().ok(),
                _ => None,
            };
            match n {
                Some(n) if n.is_finite() && (answer_type.kind == AnswerKind::Number || (0.0..=100.0).contains(&n)) => {
                    Ok(AnswerValue::Number(n))
                }
                _ => Err(wrong(&found())),
            }
        }
        AnswerKind::Choice => {
            let option = |n: &Node| option_text(n, answer_type);
            let picked: Vec<String> = match &node.value {
                Value::Seq(items) if answer_type.multiple => items.iter().filter_map(option).collect(),
                _ => option(node).into_iter().collect(),
            };
            if picked.is_empty() {
                return Err(wrong(&found()));
            }
            for p in &picked {
                if !answer_type.options.iter().any(|o| o.value == *p) {
                    let options: Vec<&str> = answer_type.options.iter().map(|o| o.value.as_str()).collect();
                    let help = did_you_mean(p, options.iter().copied())
                        .map_or_else(|| format!("answer with {expected}"), |c| format!("did you mean `{c}`?"));
                    return Err((format!("`{id}` has no option `{p}`"), help));
                }
            }
            Ok(AnswerValue::Choice(picked))
        }
        AnswerKind::Text => match node.as_scalar_text() {
            Some(t) => Ok(AnswerValue::Text(t)),
            None => Err(wrong(&found())),
        },
        AnswerKind::Level => {
            let n = match &node.value {
                Value::Int(n) => Some(*n),
                Value::Str(s) => s.trim().parse::<i64>().ok(),
                _ => None,
            };
            match n {
                Some(n @ 1..=5) => Ok(AnswerValue::Level(n as u8)),
                _ => Err(wrong(&found())),
            }
        }
    }
}

/// A choice answer's scalar as an option value. A plain `no`, `yes`, `on` or `off` reads as a
/// boolean in YAML; it names the option spelled that way when the question has one (an option
/// `no` is answered with `no`, not with `false`).
fn option_text(node: &Node, t: &AnswerType) -> Option<String> {
    let text = node.as_scalar_text()?;
    let Value::Bool(b) = node.value else { return Some(text) };
    if t.options.iter().any(|o| o.value == text) {
        return Some(text);
    }
    let spellings: &[&str] = if b {
        &["yes", "y", "on", "true"]
    } else {
        &["no", "n", "off", "false"]
    };
    let spelled = t
        .options
        .iter()
        .find(|o| spellings.contains(&o.value.to_ascii_lowercase().as_str()))
        .map(|o| o.value.clone());
    Some(spelled.unwrap_or(text))
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
