//! A questionnaire's answers checked against the rubric's criteria: each answer's value for
//! its answer type, `n/a` where allowed and explained, evidence entries and their dates.

use std::collections::HashMap;

use super::{Parts, RawAnswer, at, envelope_problems, implausible_assessment_date, parts};
use crate::finding::{Finding, Rule, did_you_mean};
use crate::load::{limits, parse_date, suggestion};
use crate::location::Origin;
use crate::model::node::{Key, Node, Value};
use crate::model::questionnaire::QuestionnaireFile;
use crate::model::questionnaire::{Answer, AnswerValue, Evidence, Questionnaire};
use crate::model::rubric::{AnswerKind, AnswerType, Criterion, Rubric};

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
