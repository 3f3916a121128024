//! What `check` notices that scoring does not: questions left blank and an agency still named
//! by the template's placeholder. A blank submission scores level 1 without an error; these
//! issues make it visible in CI and in the editor.

use crate::model::questionnaire::Questionnaire;
use crate::model::rubric::Rubric;

use super::{AgencyField, Assessment, Issue, Status};

/// Agency ids and names that only a template or a hurried respondent writes.
const PLACEHOLDERS: &[&str] = &[
    "my-agency",
    "agency",
    "agency-id",
    "agency name",
    "my agency",
    "example",
    "todo",
    "tbd",
    "fixme",
    "xxx",
    "changeme",
    "change-me",
    "...",
    "-",
];

/// Whether `text` is empty or a placeholder.
fn placeholder(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.is_empty() || PLACEHOLDERS.contains(&t.as_str())
}

/// The questions of each dimension that `a` left unanswered (one issue per dimension, listing
/// them; answers rejected as invalid are reported already and not listed), and an empty or
/// placeholder agency id or name.
pub fn completeness(rubric: &Rubric, questionnaire: Option<&Questionnaire>, a: &Assessment) -> Vec<Issue> {
    let Some(q) = questionnaire else {
        return Vec::new();
    };
    let mut issues = Vec::new();
    if placeholder(&q.agency.id) {
        issues.push(Issue::PlaceholderAgency {
            field: AgencyField::Id,
            value: q.agency.id.clone(),
            at: q.agency_location.clone(),
        });
    }
    // A name is optional; a name given blank (as `init` writes it) is not.
    if let Some(name) = q.agency.name.as_deref().filter(|n| placeholder(n)) {
        issues.push(Issue::PlaceholderAgency {
            field: AgencyField::Name,
            value: name.to_string(),
            at: q.agency_name_location.clone(),
        });
    }
    for (di, (d, result)) in rubric.dimensions.iter().zip(&a.dimensions).enumerate() {
        let criteria: Vec<String> = d
            .criteria
            .iter()
            .zip(&result.criteria)
            .filter(|(c, r)| c.check.is_none() && r.status == Status::Unanswered && !q.rejected.contains(&c.id.value))
            .map(|(c, _)| c.id.value.clone())
            .collect();
        let Some(first) = criteria.first() else { continue };
        let at = q
            .blank
            .iter()
            .find(|(id, _)| id == first)
            .map_or_else(|| q.answers_location.clone(), |(_, at)| at.clone());
        issues.push(Issue::Unanswered {
            dimension: di,
            criteria,
            at,
        });
    }
    issues
}
