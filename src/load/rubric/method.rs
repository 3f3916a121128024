//! Rubric validation specific to the scoring method: which criteria carry a `level` or
//! `points`, which answer types a method takes, and the points bands.

use std::collections::BTreeSet;

use super::Validator;
use crate::finding::{Finding, Rule};
use crate::load::at;
use crate::location::Pos;
use crate::model::rubric::{AnswerKind, Criterion, Method, Rubric};

impl Validator<'_> {
    /// Points bands: one per level 2..5 (a level-1 band, if given, starts at 0), shares in
    /// [0, 1] that increase with the level. Below the level-2 band is level 1.
    pub(super) fn bands(&mut self, r: &Rubric) {
        let bands = &r.scoring.bands;
        if bands.is_empty() {
            self.error(
                Rule::RubricBands,
                "a points rubric needs `scoring.bands`: the least share of points for each level 2-5",
                Pos::of(&r.scoring.method),
                Some("e.g. bands: [{level: 5, min: 0.9}, {level: 4, min: 0.75}, {level: 3, min: 0.5}, {level: 2, min: 0.25}]".into()),
            );
            return;
        }
        let mut seen = BTreeSet::new();
        for b in bands {
            let pos = Pos::of(&b.level);
            if !(1..=5).contains(&b.level.value) {
                self.error(
                    Rule::RubricBands,
                    format!("band level {} is not a level 1-5", b.level.value),
                    pos,
                    None,
                );
            } else if !seen.insert(b.level.value) {
                self.error(Rule::RubricBands, format!("level {} has two bands", b.level.value), pos, None);
            }
            if !(0.0..=1.0).contains(&b.min) {
                self.error(
                    Rule::RubricBands,
                    format!("band min {} for level {} must be a share between 0 and 1", b.min, b.level.value),
                    pos,
                    Some("write shares as fractions: 0.75, not 75".into()),
                );
            }
            if b.level.value == 1 && b.min != 0.0 {
                self.error(
                    Rule::RubricBands,
                    format!(
                        "the level-1 band must start at 0 (found {}): every share earns at least level 1",
                        b.min
                    ),
                    pos,
                    Some("remove the level-1 band, or write {level: 1, min: 0}".into()),
                );
            }
        }
        for level in 2..=5u8 {
            if !seen.contains(&level) {
                self.error(
                    Rule::RubricBands,
                    format!("no band for level {level}: bands must cover every level 2-5"),
                    Pos::of(&bands[0].level),
                    Some(format!("add {{level: {level}, min: ...}}")),
                );
            }
        }
        let mut by_level: Vec<&crate::model::rubric::Band> = bands.iter().collect();
        by_level.sort_by_key(|b| b.level.value);
        for pair in by_level.windows(2) {
            if pair[0].level.value != pair[1].level.value && pair[1].min <= pair[0].min {
                self.error(
                    Rule::RubricBands,
                    format!(
                        "bands are not increasing: level {} needs {} but level {} needs {}",
                        pair[1].level.value, pair[1].min, pair[0].level.value, pair[0].min
                    ),
                    Pos::of(&pair[1].level),
                    Some("a higher level must need a larger share of the points".into()),
                );
            }
        }
    }

    /// The `level`, `points` and answer-type rules of `method` for criterion `c`; staged
    /// levels used are added to `levels_used`.
    pub(super) fn criterion_method(&mut self, c: &Criterion, method: Method, levels_used: &mut BTreeSet<u8>) {
        let pos = Pos::of(&c.id);
        let id = c.id.value.as_str();
        self.criterion_level(c, method, levels_used);
        self.criterion_points(c, method);
        if method == Method::Rated && c.counts() {
            let is_level = c.answer.as_ref().is_some_and(|a| a.value.kind == AnswerKind::Level);
            if c.check.is_some() || (c.answer.is_some() && !is_level) {
                self.error(
                    Rule::RubricAnswer,
                    format!("criterion `{id}`: every criterion of a rated rubric is a question answered with a level"),
                    c.answer.as_ref().map_or(pos, Pos::of),
                    Some("use `answer: {type: level, statements: {1: ..., 5: ...}}`".into()),
                );
            }
        }
        if method == Method::Points && c.weight != 1.0 {
            self.warnings.push(
                Finding::warning(
                    Rule::UnusedSetting,
                    format!("criterion `{id}` has a weight, which points scoring ignores"),
                    at(self.file, pos),
                )
                .with_help("express the criterion's importance in its `points`"),
            );
        }
    }

    /// The `level` rule of `method` for criterion `c`; a staged level used is added to
    /// `levels_used`.
    fn criterion_level(&mut self, c: &Criterion, method: Method, levels_used: &mut BTreeSet<u8>) {
        let id = c.id.value.as_str();
        match (&c.level, method) {
            (Some(l), Method::Staged) if (2..=5).contains(&l.value) => {
                levels_used.insert(l.value);
            }
            (Some(l), Method::Staged) => self.error(
                Rule::RubricCriteria,
                format!(
                    "criterion `{id}` is at level {}; staged criteria belong to levels 2-5 (level 1 is the floor)",
                    l.value
                ),
                Pos::of(l),
                None,
            ),
            (None, Method::Staged) if c.counts() => {
                self.error(
                    Rule::RubricCriteria,
                    format!("criterion `{id}` needs a `level` (2-5)"),
                    Pos::of(&c.id),
                    None,
                );
            }
            (Some(l), Method::Rated) => self.error(
                Rule::RubricCriteria,
                format!("criterion `{id}` has a `level`, but in a rated rubric the answer is the level"),
                Pos::of(l),
                Some("remove `level:`; answer the criterion with {type: level}".into()),
            ),
            (Some(l), Method::Points) => self.error(
                Rule::RubricCriteria,
                format!("criterion `{id}` has a `level`, but in a points rubric levels come from `bands`"),
                Pos::of(l),
                Some("remove `level:` and give the criterion `points:`".into()),
            ),
            (None, _) => {}
        }
    }

    /// The `points` rule of `method` for criterion `c`.
    fn criterion_points(&mut self, c: &Criterion, method: Method) {
        let pos = Pos::of(&c.id);
        let id = c.id.value.as_str();
        match (c.points, method) {
            (Some(_), Method::Staged | Method::Rated) => self.error(
                Rule::RubricCriteria,
                format!("criterion `{id}` has `points`, which only the points method uses"),
                pos,
                Some("remove `points:`, or set `scoring.method: points`".into()),
            ),
            (None, Method::Points) if c.counts() => self.error(
                Rule::RubricPoints,
                format!("criterion `{id}` has no `points`; every criterion of a points rubric is worth some"),
                pos,
                Some("add e.g. `points: 10`".into()),
            ),
            (Some(p), Method::Points) if !(p.is_finite() && p >= 0.0) => self.error(
                Rule::RubricPoints,
                format!("criterion `{id}` is worth {p} points; points must be 0 (informational) or more"),
                pos,
                None,
            ),
            _ => {}
        }
    }
}
