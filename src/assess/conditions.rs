//! Conditional questions: which criteria apply to a submission, by their `applies_when`
//! conditions over the answers (as written) and the agency.
//!
//! A condition sees `null` for a criterion that is unanswered, answered n/a, or itself not
//! applicable, so chains follow: Q25 asks after Q24, which asks after Q23.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::questionnaire::{Agency, Answer, AnswerValue};
use crate::model::rubric::{Criterion, Rubric};
use crate::rules::{Scope, to_val};

/// Whether a criterion applies, and if not, why.
#[derive(Clone, Debug, PartialEq)]
pub enum Applies {
    /// It applies (no condition, or the condition holds).
    Yes,
    /// Its condition is false.
    No,
    /// Its condition could not be evaluated; the criterion is treated as applying.
    Error(String),
}

/// The applicability of every criterion with a condition, by id.
pub fn applicability(rubric: &Rubric, answers: &HashMap<String, Answer>, agency: &Agency, scope: &Scope<'_>) -> HashMap<String, Applies> {
    let criteria: HashMap<&str, &Criterion> = rubric.criteria_by_id();
    let mut state = State {
        criteria: &criteria,
        answers,
        agency: to_val(agency_value(agency)),
        scope,
        done: HashMap::new(),
        visiting: Vec::new(),
    };
    for c in rubric.dimensions.iter().flat_map(|d| &d.criteria) {
        if c.applies_when.is_some() {
            state.applies(&c.id.value);
        }
    }
    state.done
}

struct State<'a, 's> {
    criteria: &'a HashMap<&'a str, &'a Criterion>,
    answers: &'a HashMap<String, Answer>,
    agency: crate::rules::Val,
    scope: &'a Scope<'s>,
    done: HashMap<String, Applies>,
    visiting: Vec<String>,
}

impl State<'_, '_> {
    /// Whether criterion `id` applies, deciding first the criteria its condition reads.
    fn applies(&mut self, id: &str) -> bool {
        if let Some(a) = self.done.get(id) {
            return *a != Applies::No;
        }
        let Some(expr) = self.criteria.get(id).and_then(|c| c.applies_when.as_ref()) else {
            return true;
        };
        if self.visiting.iter().any(|v| v == id) {
            // The loader rejects cycles; should one slip through, the criterion applies.
            return true;
        }
        self.visiting.push(id.to_string());
        let keys = expr.map_keys("answers");
        let mut map = HashMap::new();
        for key in keys {
            let value = self.value(&key);
            map.insert(cel::objects::Key::String(Arc::new(key)), value);
        }
        self.visiting.pop();
        let answers = to_val(cel::Value::Map(cel::objects::Map { map: Arc::new(map) }));
        let result = match expr.eval(self.scope, &[answers, self.agency.clone()]) {
            Ok(true) => Applies::Yes,
            Ok(false) => Applies::No,
            Err(e) => Applies::Error(e),
        };
        let applies = result != Applies::No;
        self.done.insert(id.to_string(), result);
        applies
    }

    /// The answer to `id` as a condition sees it: as written, or null when unanswered, n/a or
    /// not applicable.
    fn value(&mut self, id: &str) -> cel::Value {
        if !self.applies(id) {
            return cel::Value::Null;
        }
        self.answers.get(id).map_or(cel::Value::Null, |a| answer_value(&a.value))
    }
}

/// An answer's value as written: `"yes"`, `"no"`, `"partial"`, a number, an option value (a
/// list of them for multiple choice), the text; null for n/a.
pub fn answer_value(v: &AnswerValue) -> cel::Value {
    let text = |s: &str| cel::Value::String(Arc::new(s.to_string()));
    match v {
        AnswerValue::Yes => text("yes"),
        AnswerValue::No => text("no"),
        AnswerValue::Partial => text("partial"),
        AnswerValue::NotApplicable => cel::Value::Null,
        AnswerValue::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => cel::Value::Int(*n as i64),
        AnswerValue::Number(n) => cel::Value::Float(*n),
        AnswerValue::Level(l) => cel::Value::Int(i64::from(*l)),
        AnswerValue::Text(t) => text(t),
        AnswerValue::Choice(picked) if picked.len() == 1 => text(&picked[0]),
        AnswerValue::Choice(picked) => cel::Value::List(Arc::new(picked.iter().map(|p| text(p)).collect())),
    }
}

/// The agency as a condition sees it: `id`, `name` and `tier` (null when not given).
fn agency_value(a: &Agency) -> cel::Value {
    let text = |s: &str| cel::Value::String(Arc::new(s.to_string()));
    let tier = a.tier.map(|t| {
        serde_json::to_value(t)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    });
    let mut map = HashMap::new();
    for (k, v) in [("id", Some(a.id.clone())), ("name", a.name.clone()), ("tier", tier)] {
        map.insert(
            cel::objects::Key::String(Arc::new(k.to_string())),
            v.as_deref().map_or(cel::Value::Null, text),
        );
    }
    cel::Value::Map(cel::objects::Map { map: Arc::new(map) })
}
