//! Validation of the rubric language beyond one criterion: `applies_when` conditions (compiled
//! once, naming declared criteria, without cycles), answer outcomes on choice options, and
//! `groups` of dimensions.

use std::collections::{HashMap, HashSet};

use super::Validator;
use crate::finding::Rule;
use crate::load::suggestion;
use crate::location::Pos;
use crate::model::rubric::{Criterion, Method, Overall, Rubric};

/// The variables a condition may use, in the order their values are bound.
pub const CONDITION_VARS: &[&str] = &["answers", "agency"];

impl Validator<'_> {
    /// Compiles every `applies_when`, checks the criteria each names, and rejects cycles.
    pub(super) fn conditions(&mut self, r: &mut Rubric, env: &cel::Env) {
        let ids: Vec<String> = r.dimensions.iter().flat_map(|d| &d.criteria).map(|c| c.id.value.clone()).collect();
        let mut graph: Vec<(String, Pos, Vec<String>)> = Vec::new();
        for c in r.dimensions.iter_mut().flat_map(|d| &mut d.criteria) {
            let Some(e) = &mut c.applies_when else { continue };
            if let Err(f) = e.compile(env, CONDITION_VARS, self.file, self.text) {
                self.errors.push(f);
                continue;
            }
            let keys = e.map_keys("answers");
            let mut known = Vec::new();
            for key in keys {
                if ids.contains(&key) {
                    known.push(key);
                    continue;
                }
                let column = e.source.find(&key).map_or(1, |i| e.source[..i].chars().count() + 1);
                let at = e.location(self.file, self.text, 1, column as u32);
                let help = suggestion(&key, ids.iter().map(String::as_str))
                    .unwrap_or_else(|| "name a criterion of this rubric: answers[\"ID\"]".into());
                let mut f = crate::finding::Finding::error(
                    Rule::RubricCondition,
                    format!(
                        "criterion `{}`: `applies_when` reads `{key}`, which is not a criterion of this rubric",
                        c.id.value
                    ),
                    Some(at),
                );
                f.help = Some(help);
                self.errors.push(f);
            }
            graph.push((c.id.value.clone(), e.pos, known));
        }
        self.cycles(&graph);
    }

    /// Reports one error per cycle of conditions, at the condition of its first criterion.
    fn cycles(&mut self, graph: &[(String, Pos, Vec<String>)]) {
        let edges: HashMap<&str, &[String]> = graph.iter().map(|(id, _, to)| (id.as_str(), to.as_slice())).collect();
        let mut reported: HashSet<String> = HashSet::new();
        for (start, pos, _) in graph {
            if reported.contains(start) {
                continue;
            }
            if let Some(path) = cycle_from(start, &edges) {
                reported.extend(path.iter().cloned());
                self.error(
                    Rule::RubricCondition,
                    format!("`applies_when` conditions form a cycle: {} -> {start}", path.join(" -> ")),
                    *pos,
                    Some("a question may only depend on questions that do not depend on it".into()),
                );
            }
        }
    }

    /// Answer outcomes (`level`, `action`) on the options of criterion `c`'s choice answer.
    pub(super) fn outcomes(&mut self, c: &Criterion) {
        let Some(a) = &c.answer else { return };
        for o in &a.value.options {
            if let Some(l) = o.level
                && !(1..=5).contains(&l)
            {
                self.error(
                    Rule::RubricAnswer,
                    format!(
                        "criterion `{}`: option `{}` caps the level at {l}, which is not a level 1-5",
                        c.id.value, o.value
                    ),
                    Pos::of(a),
                    None,
                );
            }
            if o.action.as_ref().is_some_and(|t| t.is_blank()) {
                self.error(
                    Rule::RubricAnswer,
                    format!("criterion `{}`: option `{}` has a blank `action`", c.id.value, o.value),
                    Pos::of(a),
                    Some("write the advice for this answer, or remove `action:`".into()),
                );
            }
        }
    }

    /// Groups: unique ids, declared dimensions; and an
    /// `overall: none` only where it means something.
    pub(super) fn groups(&mut self, r: &Rubric) {
        let dims: Vec<&str> = r.dimensions.iter().map(|d| d.id.value.as_str()).collect();
        let mut ids = HashSet::new();
        for g in &r.groups {
            self.id_format(Rule::RubricGroup, "group", &g.id);
            self.declared_once(ids.insert(g.id.value.as_str()), "group", &g.id);
            if g.dimensions.is_empty() {
                self.error(
                    Rule::RubricGroup,
                    format!("group `{}` lists no dimensions", g.id.value),
                    Pos::of(&g.id),
                    None,
                );
            }
            for d in &g.dimensions {
                if !dims.contains(&d.value.as_str()) {
                    self.error(
                        Rule::RubricGroup,
                        format!(
                            "group `{}` lists `{}`, which is not a dimension of this rubric",
                            g.id.value, d.value
                        ),
                        Pos::of(d),
                        suggestion(&d.value, dims.iter().copied()),
                    );
                }
            }
        }
        if r.scoring.rated == Overall::None {
            self.error(
                Rule::RubricScoring,
                "`scoring.rated` is `minimum` or `mean`; `none` belongs to `scoring.overall`",
                Pos::of(&r.scoring.method),
                None,
            );
        }
        if r.scoring.overall == Overall::None && r.scoring.method.value == Method::Points {
            self.error(
                Rule::RubricScoring,
                "a points rubric's overall level comes from its total share of points; `overall: none` does not apply",
                Pos::of(&r.scoring.method),
                Some("remove `overall: none`, or score the rubric by the staged or rated method".into()),
            );
        }
    }
}

/// A path of conditions from `start` back to itself, if there is one.
fn cycle_from(start: &str, edges: &HashMap<&str, &[String]>) -> Option<Vec<String>> {
    let mut stack: Vec<(String, Vec<String>)> = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = HashSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in edges.get(node.as_str()).copied().unwrap_or_default() {
            if next == start {
                return Some(path);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}
