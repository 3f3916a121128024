//! "Why this level": the plain-language summary every report opens with, phrased from the
//! assessment's [`Explanation`](crate::assess::explain::Explanation): the overall level and the
//! dimensions holding it there, what stands between the agency and the next level, and how far
//! the target is.

use serde::Serialize;

use crate::assess::Assessment;
use crate::lang::Lang;
use crate::model::rubric::{Overall, Rubric};
use crate::report::i18n::texts;

/// Up to this many holding dimensions are named in full; more are listed by id.
const NAMED: usize = 3;

/// The summary's sentences and the first steps' heading.
#[derive(Serialize)]
pub struct Why {
    /// The sentences, in order: the level and what holds it, the next level, the target.
    pub lines: Vec<String>,
    /// The first steps' heading (`First steps to level 3`); `None` when there are none.
    pub first_steps_heading: Option<String>,
}

/// `template` with each `{key}` replaced by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |out, (k, v)| out.replace(&format!("{{{k}}}"), v))
}

/// `1 criterion`, `27 criteria` (or levels) in `lang`.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        one.to_string()
    } else {
        fill(many, &[("n", &n.to_string())])
    }
}

/// The target as the summary names it: `dgp-2027 (level 3, due 2027-12-31)`, or `level 3`.
pub fn target_label(a: &Assessment, lang: Lang) -> String {
    let t = texts(lang);
    let level = format!("{} {}", t.level.to_lowercase(), a.target.level);
    let due = a
        .target
        .due
        .as_ref()
        .map(|d| format!(", {} {}", t.due.to_lowercase(), crate::report::locale::date(d, lang)))
        .unwrap_or_default();
    match &a.target.id {
        Some(id) => format!("{id} ({level}{due})"),
        None => format!("{level}{due}"),
    }
}

/// The summary of `a` in `lang`.
pub fn why(rubric: &Rubric, a: &Assessment, lang: Lang) -> Why {
    let t = texts(lang);
    let e = &a.explanation;
    let name = rubric
        .levels
        .iter()
        .find(|d| d.level.value == a.level)
        .map_or("", |d| d.name.get(lang));
    let level = a.level.to_string();
    let mut lines = Vec::new();
    let no_overall = rubric.scoring.overall == Overall::None;
    if no_overall {
        lines.push(t.why_no_overall.to_string());
    } else if a.level >= 5 {
        lines.push(fill(t.why_top, &[("level", &level), ("name", name)]));
    } else {
        let dims = dimension_list(rubric, &e.limited_by, lang);
        lines.push(fill(t.why_held, &[("level", &level), ("name", name), ("dims", &dims)]));
        lines.push(match e.next_level {
            Some(next) => fill(
                t.why_next,
                &[
                    ("next", &next.to_string()),
                    ("criteria", &count(e.first_steps.len(), t.one_criterion, t.n_criteria)),
                ],
            ),
            None => t.why_no_next.to_string(),
        });
    }
    let target = target_label(a, lang);
    lines.push(if a.target.met {
        fill(t.why_target_met, &[("target", &target)])
    } else if no_overall {
        // Without an overall level the target is met when every dimension reaches it.
        let below: Vec<usize> = (0..a.dimensions.len())
            .filter(|&di| a.dimensions[di].level < a.target.level)
            .collect();
        fill(
            t.why_target_dims,
            &[
                ("target", &target),
                ("dims", &dimension_list(rubric, &below, lang)),
                ("criteria", &count(a.gaps.len(), t.one_criterion, t.n_criteria)),
            ],
        )
    } else {
        let away = usize::from(a.target.level.saturating_sub(a.level));
        fill(
            t.why_target_away,
            &[
                ("target", &target),
                ("levels", &count(away, t.one_level, t.n_levels)),
                ("criteria", &count(a.gaps.len(), t.one_criterion, t.n_criteria)),
            ],
        )
    });
    Why {
        lines,
        first_steps_heading: e
            .next_level
            .filter(|_| !e.first_steps.is_empty())
            .map(|next| fill(t.first_steps_to, &[("next", &next.to_string())])),
    }
}

/// The dimensions `dims` (indexes, rubric order) named in a sentence: up to [`NAMED`] with
/// their names, more by id with their count.
fn dimension_list(rubric: &Rubric, dims: &[usize], lang: Lang) -> String {
    let t = texts(lang);
    if dims.len() <= NAMED {
        let list: Vec<String> = dims
            .iter()
            .map(|&di| {
                let d = &rubric.dimensions[di];
                format!("{} {}", d.id.value, d.name.get(lang))
            })
            .collect();
        fill(t.why_dims_few, &[("list", &list.join("; "))])
    } else {
        let list: Vec<&str> = dims.iter().map(|&di| rubric.dimensions[di].id.value.as_str()).collect();
        fill(t.why_dims_many, &[("n", &dims.len().to_string()), ("list", &list.join(", "))])
    }
}
