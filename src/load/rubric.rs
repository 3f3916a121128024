//! Loading and validating a rubric; compiling its expressions.
//!
//! A rubric that loads is internally consistent: levels 1..5, unique ids, well-formed answer
//! types and field declarations, targets at real levels, and every expression compiled against
//! the fields of its collection. Problems that make the rubric unusable are errors (exit 2);
//! doubtful but usable choices are warnings, shown by `dgmat rubric lint`.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde_saphyr::Spanned;

use sha2::{Digest, Sha256};

use super::{at, suggestion, yaml};
use crate::finding::{Finding, Rule};
use crate::location::Pos;
use crate::model::OrderedMap;
use crate::model::rubric::LoadedRubric;
use crate::model::rubric::{
    AnswerKind, AnswerType, Check, Collection, Criterion, Dimension, EvidenceRule, FieldDef, FieldType, Method, Rubric,
};
use crate::rules::{self, Expr};

mod language;
mod method;

pub use language::CONDITION_VARS;

/// The rubrics built into the binary: (id, file name, text).
pub const SHIPPED: &[(&str, &str, &str)] = &[
    ("vn-dgmm", "vn-dgmm.yaml", include_str!("../../rubrics/vn-dgmm.yaml")),
    ("odi-pathway", "odi-pathway.yaml", include_str!("../../rubrics/odi-pathway.yaml")),
    ("uk-dma", "uk-dma.yaml", include_str!("../../rubrics/uk-dma.yaml")),
    ("eu-odm", "eu-odm.yaml", include_str!("../../rubrics/eu-odm.yaml")),
    ("samm", "samm.yaml", include_str!("../../rubrics/samm.yaml")),
    (
        "dc-dataset-inventory",
        "dc-dataset-inventory.yaml",
        include_str!("../../rubrics/dc-dataset-inventory.yaml"),
    ),
    (
        "us-ai-use-cases",
        "us-ai-use-cases.yaml",
        include_str!("../../rubrics/us-ai-use-cases.yaml"),
    ),
];

/// The rubric used when neither `--rubric` nor the questionnaire names one.
pub const DEFAULT_RUBRIC: &str = "vn-dgmm";

/// The name and text of the rubric `spec` names, for showing its errors: a readable file, else
/// a shipped rubric.
pub fn source_text(spec: &str) -> Option<(String, Arc<str>)> {
    match yaml::read_text(Path::new(spec), spec) {
        Ok(text) => Some((spec.to_string(), text)),
        Err(_) => SHIPPED
            .iter()
            .find(|(id, _, _)| *id == spec)
            .map(|(_, file, text)| (format!("rubrics/{file}"), Arc::from(*text))),
    }
}

/// Parses and validates the rubric `text` (named `file` in findings).
pub fn from_text(file: &str, text: Arc<str>) -> Result<LoadedRubric, Vec<Finding>> {
    let mut rubric: Rubric = super::parse_kind(file, &text, "rubric").map_err(|f| vec![f])?;
    super::check_envelope(file, &rubric.dgmat, &rubric.kind, "rubric").map_err(|f| vec![f])?;
    let env = rules::env();
    let mut v = Validator {
        file,
        text: &text,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    v.validate(&mut rubric, &env);
    if !v.errors.is_empty() {
        let mut all = v.errors;
        all.extend(v.warnings);
        return Err(all);
    }
    let warnings = v.warnings;
    let sha256 = hex(&Sha256::digest(text.as_bytes()));
    Ok(LoadedRubric {
        rubric,
        file: file.to_string(),
        text,
        sha256,
        env,
        warnings,
        base: None,
        resolved: None,
    })
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct Validator<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
}

impl Validator<'_> {
    fn error(&mut self, rule: Rule, msg: impl Into<String>, pos: Pos, help: Option<String>) {
        let mut f = Finding::error(rule, msg, at(self.file, pos));
        f.help = help;
        self.errors.push(f);
    }

    fn validate(&mut self, r: &mut Rubric, env: &cel::Env) {
        self.id_format(Rule::RubricId, "rubric", &r.id);
        self.levels(r);
        self.scoring(r);
        self.targets(r);
        self.collections(r, env);
        self.dimensions(r, env);
        self.conditions(r, env);
        self.groups(r);
    }

    /// Reports the id of a `what` (rubric, target) unless it matches `[a-z0-9-]+`.
    fn id_format(&mut self, rule: Rule, what: &str, id: &Spanned<String>) {
        if !is_id(&id.value) {
            self.error(rule, format!("{what} id `{}` must match [a-z0-9-]+", id.value), Pos::of(id), None);
        }
    }

    /// Reports the `what` (target, dimension, criterion) `id` as declared twice unless `first`.
    fn declared_once(&mut self, first: bool, what: &str, id: &Spanned<String>) {
        if !first {
            self.error(
                Rule::DuplicateId,
                format!("{what} `{}` is declared twice", id.value),
                Pos::of(id),
                None,
            );
        }
    }

    fn levels(&mut self, r: &Rubric) {
        let found: Vec<u8> = r.levels.iter().map(|l| l.level.value).collect();
        if found != [1, 2, 3, 4, 5] {
            let pos = r
                .levels
                .iter()
                .zip(1u8..)
                .find(|(l, n)| l.level.value != *n)
                .map_or(Pos { line: 1, column: 1 }, |(l, _)| Pos::of(&l.level));
            self.error(
                Rule::RubricLevels,
                format!("levels must be exactly 1, 2, 3, 4, 5 in order; found {found:?}"),
                pos,
                Some("declare one entry per level: {level: 1, name: ...} ... {level: 5, name: ...}".into()),
            );
        }
    }

    fn scoring(&mut self, r: &Rubric) {
        let s = &r.scoring;
        let pos = Pos::of(&s.method);
        if s.method.value == Method::Points {
            self.bands(r);
        } else if let Some(b) = s.bands.first() {
            self.error(
                Rule::RubricScoring,
                "`bands` belong to the points method",
                Pos::of(&b.level),
                Some("remove `bands`, or set `scoring.method: points`".into()),
            );
        }
        if s.rated == crate::model::rubric::Overall::Mean && s.method.value != Method::Rated {
            self.warnings.push(
                Finding::warning(
                    Rule::UnusedSetting,
                    "`scoring.rated: mean` has no effect: only the rated method uses it",
                    at(self.file, pos),
                )
                .with_help("remove `rated:`, or set `scoring.method: rated`"),
            );
        }
        if !(0.0..=1.0).contains(&s.partial_credit) {
            self.error(Rule::RubricScoring, "partial_credit must be between 0 and 1", pos, None);
        }
        if !(s.level_threshold > 0.0 && s.level_threshold <= 1.0) {
            self.error(Rule::RubricScoring, "level_threshold must be above 0 and at most 1", pos, None);
        }
    }

    fn targets(&mut self, r: &Rubric) {
        let mut seen = HashSet::new();
        for t in &r.targets {
            self.id_format(Rule::RubricTarget, "target", &t.id);
            self.declared_once(seen.insert(t.id.value.as_str()), "target", &t.id);
            if !(1..=5).contains(&t.level.value) {
                self.error(
                    Rule::RubricTarget,
                    format!("target level {} is not a level 1-5", t.level.value),
                    Pos::of(&t.level),
                    None,
                );
            }
            if let Some(due) = &t.due
                && t.due_date().is_none()
            {
                self.error(
                    Rule::RubricTarget,
                    format!("target `{}` is due `{}`, which is not a date", t.id.value, due.value),
                    Pos::of(due),
                    Some("write the due date as YYYY-MM-DD, e.g. `due: 2027-12-31`".into()),
                );
            }
            if let Some(p) = &t.portfolio {
                for (level, share) in &p.at_least {
                    if !(1..=5).contains(level) || !(0.0..=1.0).contains(share) {
                        self.error(
                            Rule::RubricTarget,
                            format!("portfolio goal {level}: {share} needs a level 1-5 and a share between 0 and 1"),
                            Pos::of(&t.id),
                            None,
                        );
                    }
                }
            }
        }
        if let Some(d) = &r.default_target
            && !seen.contains(d.value.as_str())
        {
            let help = suggestion(&d.value, seen.iter().copied());
            self.error(
                Rule::RubricTarget,
                format!("default_target `{}` is not a declared target", d.value),
                Pos::of(d),
                help,
            );
        }
    }

    fn collections(&mut self, r: &mut Rubric, env: &cel::Env) {
        let names: Vec<String> = r.inventory.keys().map(String::from).collect();
        for (name, coll) in r.inventory.0.iter_mut() {
            if coll.fields.get(&coll.key.value).is_none() {
                let help = suggestion(&coll.key.value, coll.fields.keys());
                self.error(
                    Rule::RubricInventory,
                    format!("key `{}` of collection `{}` is not one of its fields", coll.key.value, name.value),
                    Pos::of(&coll.key),
                    help,
                );
            }
            for (fname, fpos, f) in coll.fields.iter() {
                self.field(fname, fpos, f, &names);
            }
            self.collection_rules(&name.value, coll, env);
        }
    }

    /// Checks the declaration `f` of the field `fname` (at `fpos`); `names` are the rubric's
    /// collections.
    fn field(&mut self, fname: &str, fpos: Pos, f: &FieldDef, names: &[String]) {
        let kind = f.kind.value;
        for message in field_shape_problems(fname, f) {
            self.error(Rule::RubricInventory, message, Pos::of(&f.kind), None);
        }
        let Some(target) = &f.refers_to else { return };
        if !names.contains(&target.value) {
            let help = suggestion(&target.value, names.iter().map(String::as_str));
            self.error(
                Rule::RubricInventory,
                format!("field `{fname}` refers to `{}`, which is not a collection", target.value),
                Pos::of(target),
                help,
            );
        }
        if !matches!(kind, FieldType::String | FieldType::List) {
            self.error(
                Rule::RubricInventory,
                format!("only string and list fields may have refers_to (`{fname}` is {})", kind.as_str()),
                fpos,
                None,
            );
        }
    }

    /// Checks the rules of the collection `name`: unique ids, expressions that compile.
    fn collection_rules(&mut self, name: &str, coll: &mut Collection, env: &cel::Env) {
        let field_refs: Vec<&str> = coll.fields.keys().collect();
        let mut rule_ids = HashSet::new();
        for rule in &mut coll.rules {
            if !rule_ids.insert(rule.id.value.clone()) {
                self.error(
                    Rule::DuplicateId,
                    format!("rule `{}` is declared twice in `{name}`", rule.id.value),
                    Pos::of(&rule.id),
                    None,
                );
            }
            if let Some(when) = &mut rule.when {
                self.compile(when, env, &field_refs);
            }
            self.compile(&mut rule.require, env, &field_refs);
        }
    }

    fn compile(&mut self, e: &mut Expr, env: &cel::Env, fields: &[&str]) {
        if let Err(f) = e.compile(env, fields, self.file, self.text) {
            self.errors.push(f);
        }
    }

    fn check(&mut self, c: &mut Check, inventory: &OrderedMap<Collection>, env: &cel::Env) {
        let Some(coll) = inventory.get(&c.collection.value) else {
            let help = suggestion(&c.collection.value, inventory.keys());
            self.error(
                Rule::RubricCheck,
                format!(
                    "check uses collection `{}`, which the rubric's inventory does not declare",
                    c.collection.value
                ),
                Pos::of(&c.collection),
                help,
            );
            return;
        };
        let fields: Vec<&str> = coll.fields.keys().collect();
        if let Some(e) = &mut c.filter {
            self.compile(e, env, &fields);
        }
        if let Some(e) = &mut c.require {
            self.compile(e, env, &fields);
        }
        if let Some(r) = c.min_ratio
            && !(0.0..=1.0).contains(&r)
        {
            self.error(
                Rule::RubricCheck,
                format!("min_ratio {r} must be between 0 and 1"),
                Pos::of(&c.collection),
                None,
            );
        }
    }

    fn dimensions(&mut self, r: &mut Rubric, env: &cel::Env) {
        let mut dims = HashSet::new();
        let mut crits = HashSet::new();
        let inventory = std::mem::take(&mut r.inventory);
        let method = r.scoring.method.value;
        for d in &mut r.dimensions {
            self.declared_once(dims.insert(d.id.value.clone()), "dimension", &d.id);
            if d.weight.is_nan() || d.weight <= 0.0 {
                self.error(
                    Rule::RubricWeight,
                    format!("dimension `{}` needs a weight above 0", d.id.value),
                    Pos::of(&d.id),
                    None,
                );
            }
            if d.criteria.is_empty() {
                self.error(
                    Rule::RubricCriteria,
                    format!("dimension `{}` has no criteria", d.id.value),
                    Pos::of(&d.id),
                    None,
                );
            }
            let mut levels_used = BTreeSet::new();
            for c in &mut d.criteria {
                self.declared_once(crits.insert(c.id.value.clone()), "criterion", &c.id);
                self.criterion(c, method, &mut levels_used, &inventory, env);
            }
            if method == Method::Staged {
                self.empty_levels(d, &levels_used);
            }
        }
        r.inventory = inventory;
    }

    /// Checks criterion `c` of a rubric scored by `method`; the staged levels it is at are added
    /// to `levels_used`.
    fn criterion(
        &mut self,
        c: &mut Criterion,
        method: Method,
        levels_used: &mut BTreeSet<u8>,
        inventory: &OrderedMap<Collection>,
        env: &cel::Env,
    ) {
        let pos = Pos::of(&c.id);
        let id = c.id.value.clone();
        if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
            self.error(
                Rule::RubricCriteria,
                format!("criterion id `{id}` must be non-empty without spaces"),
                pos,
                None,
            );
        }
        self.criterion_method(c, method, levels_used);
        if c.weight.is_nan() || c.weight <= 0.0 {
            self.error(Rule::RubricWeight, format!("criterion `{id}` needs a weight above 0"), pos, None);
        }
        for message in criterion_problems(&id, c) {
            self.error(Rule::RubricCriteria, message, pos, None);
        }
        if let Some(a) = &c.answer {
            self.answer_type(&id, a, method);
        }
        self.outcomes(c);
        if let Some(check) = &mut c.check {
            self.check(check, inventory, env);
        }
        if let Some(check) = &mut c.verify {
            self.check(check, inventory, env);
        }
    }

    /// Warns about each level 2-5 that no criterion of the staged dimension `d` is at. A level
    /// that an answer can cap the dimension below is not passed by every agency, so it is not
    /// reported (Pathway's first question of an activity gates levels 2 and 3 at once).
    fn empty_levels(&mut self, d: &Dimension, levels_used: &BTreeSet<u8>) {
        if d.criteria.is_empty() {
            return;
        }
        let lowest_cap = d
            .criteria
            .iter()
            .filter_map(|c| c.answer.as_ref())
            .flat_map(|a| &a.value.options)
            .filter_map(|o| o.level)
            .min()
            .unwrap_or(u8::MAX);
        for level in (2..=5u8).filter(|l| !levels_used.contains(l) && *l <= lowest_cap) {
            self.warnings.push(
                Finding::warning(
                    Rule::EmptyLevel,
                    format!(
                        "dimension `{}` has no criteria at level {level}, so every agency passes that level",
                        d.id.value
                    ),
                    at(self.file, Pos::of(&d.id)),
                )
                .with_help(format!("add at least one criterion at level {level}")),
            );
        }
    }

    fn answer_type(&mut self, id: &str, a: &Spanned<AnswerType>, method: Method) {
        let pos = Pos::of(a);
        let t = &a.value;
        if t.kind == AnswerKind::Level && method != Method::Rated {
            self.error(
                Rule::RubricAnswer,
                format!(
                    "criterion `{id}`: level answers belong to the rated method, not {}",
                    if method == Method::Points { "points" } else { "staged" }
                ),
                pos,
                Some("use a yes-no, yes-partial-no, percent, number or choice answer, or set `scoring.method: rated`".into()),
            );
        }
        for message in answer_type_problems(id, t, method) {
            self.error(Rule::RubricAnswer, message, pos, None);
        }
    }
}

/// What is wrong with the type, `values`, `of` and bounds declared for the field `fname`.
fn field_shape_problems(fname: &str, f: &FieldDef) -> Vec<String> {
    let kind = f.kind.value;
    let mut problems = Vec::new();
    if kind == FieldType::Enum && f.values.as_ref().is_none_or(Vec::is_empty) {
        problems.push(format!("enum field `{fname}` needs `values`"));
    }
    if kind != FieldType::Enum && f.values.is_some() {
        problems.push(format!("field `{fname}` has `values` but is not an enum"));
    }
    let values = f.values.as_deref().unwrap_or_default();
    for labelled in f.labels.keys().filter(|v| !values.contains(v)) {
        problems.push(format!("field `{fname}` labels `{labelled}`, which is not one of its values"));
    }
    if kind != FieldType::List && f.of.is_some() {
        problems.push(format!("field `{fname}` has `of` but is not a list"));
    }
    if f.of == Some(FieldType::List) || f.of == Some(FieldType::Enum) {
        problems.push(format!(
            "list field `{fname}` must hold scalars (string, integer, number, boolean, date)"
        ));
    }
    if (f.min.is_some() || f.max.is_some()) && !matches!(kind, FieldType::Integer | FieldType::Number) {
        problems.push(format!("field `{fname}` has min/max but is not a number"));
    }
    problems
}

/// What is wrong with criterion `id` as a whole: its `action`, and whether it is a question or
/// a check (and only that).
fn criterion_problems(id: &str, c: &Criterion) -> Vec<String> {
    let mut problems = Vec::new();
    if c.action.is_blank() {
        problems.push(format!("criterion `{id}` needs an `action`"));
    }
    let asks = c.question.is_some() || c.answer.is_some();
    if c.check.is_some() && asks {
        problems.push(format!(
            "criterion `{id}` has both a `check` and a question; a criterion is one or the other"
        ));
    } else if c.check.is_none() && !(c.question.is_some() && c.answer.is_some()) {
        problems.push(format!(
            "criterion `{id}` needs either a `question` with an `answer` type, or a `check`"
        ));
    }
    if c.check.is_some() && (c.allow_na || c.evidence == EvidenceRule::Required) {
        problems.push(format!("criterion `{id}`: `evidence` and `allow_na` belong to question criteria"));
    }
    if c.check.is_some() && c.verify.is_some() {
        problems.push(format!(
            "criterion `{id}`: `verify` belongs to question criteria; a check verifies itself"
        ));
    }
    problems
}

/// What is wrong with the answer type `t` of criterion `id` in a rubric scored by `method`,
/// besides a level answer outside the rated method.
fn answer_type_problems(id: &str, t: &AnswerType, method: Method) -> Vec<String> {
    let mut problems = match t.kind {
        AnswerKind::YesNo | AnswerKind::YesPartialNo | AnswerKind::Text => Vec::new(),
        AnswerKind::Percent | AnswerKind::Number => {
            let Some(pass) = t.pass else {
                let kind = if t.kind == AnswerKind::Percent { "percent" } else { "number" };
                return vec![format!("criterion `{id}`: a {kind} answer needs `pass`")];
            };
            threshold_problems(id, t, pass)
        }
        AnswerKind::Choice => choice_problems(id, t),
        AnswerKind::Level if method == Method::Rated => match t.statements.keys().find(|l| !(1..=5).contains(*l)) {
            Some(bad) => vec![format!("criterion `{id}`: a statement for level {bad}, which is not a level 1-5")],
            None => Vec::new(),
        },
        AnswerKind::Level => Vec::new(),
    };
    if t.kind != AnswerKind::Level && !t.statements.is_empty() {
        problems.push(format!("criterion `{id}`: `statements` only apply to level answers"));
    }
    if !matches!(t.kind, AnswerKind::Percent | AnswerKind::Number) && (t.pass.is_some() || t.partial.is_some()) {
        problems.push(format!(
            "criterion `{id}`: `pass`/`partial` only apply to percent and number answers"
        ));
    }
    problems
}

/// What is wrong with the `pass` and `partial` thresholds of a percent or number answer.
fn threshold_problems(id: &str, t: &AnswerType, pass: f64) -> Vec<String> {
    let mut problems = Vec::new();
    if t.kind == AnswerKind::Percent && !(0.0..=100.0).contains(&pass) {
        problems.push(format!("criterion `{id}`: pass {pass} is not a percentage 0-100"));
    }
    if let Some(partial) = t.partial
        && partial > pass
    {
        problems.push(format!("criterion `{id}`: partial ({partial}) must not exceed pass ({pass})"));
    }
    problems
}

/// What is wrong with the options of a choice answer: none, one listed twice, a credit
/// outside 0-1.
fn choice_problems(id: &str, t: &AnswerType) -> Vec<String> {
    let mut problems = Vec::new();
    if t.options.is_empty() {
        problems.push(format!("criterion `{id}`: a choice answer needs `options`"));
    }
    let mut seen = HashSet::new();
    for o in &t.options {
        if !seen.insert(o.value.as_str()) {
            problems.push(format!("criterion `{id}`: option `{}` is listed twice", o.value));
        }
        if !(0.0..=1.0).contains(&o.credit) {
            problems.push(format!(
                "criterion `{id}`: option `{}` has credit {}, outside 0-1",
                o.value, o.credit
            ));
        }
    }
    problems
}
