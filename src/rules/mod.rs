//! Rule expressions in CEL: compiled once when the rubric loads, evaluated per record.
//!
//! An [`Expr`] is read from the rubric as a string with its position; [`Expr::compile`] parses
//! it, checks that it names only declared fields (and `assessed_on`), and resolves each name to
//! an index into the record's value vector, so evaluation binds just the variables the
//! expression uses on a child scope of one shared root context. May import: `finding`,
//! `location`; never `model` or `load` (the model holds expressions, not the other way).

mod budget;
mod keys;
mod regex;

use std::sync::Arc;

pub use budget::{DEFAULT_STEPS, Steps, set_steps, steps};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::finding::{Finding, Rule, did_you_mean};
use crate::location::Location;
use crate::location::Pos;

/// The longest expression accepted, in bytes; rubric rules are one-liners, not programs.
const MAX_EXPR_LEN: usize = 4096;

/// The variable every expression may use besides the collection's fields.
pub const ASSESSED_ON: &str = "assessed_on";

/// A CEL expression from the rubric.
#[derive(Clone, Debug)]
pub struct Expr {
    /// The expression text.
    pub source: String,
    /// Where the expression's scalar starts in the rubric.
    pub pos: Pos,
    compiled: Option<Arc<Compiled>>,
}

struct Compiled {
    program: cel::Program,
    vars: Vec<(String, Var)>,
    /// How deep comprehensions nest: what an evaluation costs ([`budget`]).
    depth: u32,
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled").field("vars", &self.vars.len()).finish()
    }
}

#[derive(Clone, Copy, Debug)]
enum Var {
    Field(usize),
    AssessedOn,
}

impl<'de> Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<String>::deserialize(d)?;
        Ok(Expr {
            pos: Pos::of(&s),
            source: s.value,
            compiled: None,
        })
    }
}

impl schemars::JsonSchema for Expr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Expression".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A CEL expression over the collection's declared fields and `assessed_on`",
            "maxLength": MAX_EXPR_LEN
        })
    }
}

/// The CEL environment shared by every expression of a rubric: the standard library, and
/// `matches()` with each pattern compiled once (`rules/regex.rs`).
pub fn env() -> Arc<cel::Env> {
    let mut env = cel::Env::stdlib();
    // The standard library has no `matches` without the `cel` crate's `regex` feature, which
    // is off: the names cannot clash.
    let _ = regex::add(&mut env);
    Arc::new(env)
}

impl Expr {
    /// Compiles the expression for a collection whose fields are `fields` (in record order).
    /// `file` and `text` are the rubric's name and text, used to point errors inside the string.
    pub fn compile(&mut self, env: &cel::Env, fields: &[&str], file: &str, text: &str) -> Result<(), Finding> {
        if self.source.len() > MAX_EXPR_LEN {
            return Err(Finding::error(
                Rule::Expression,
                format!("expression is {} bytes long, over the {MAX_EXPR_LEN}-byte limit", self.source.len()),
                Some(self.location(file, text, 1, 1)),
            )
            .with_help("split the condition into several rules or criteria"));
        }
        if let Some((depth, at)) = too_deep(&self.source) {
            return Err(Finding::error(
                Rule::Expression,
                format!("expression nests brackets {depth} deep, over the limit of {MAX_NESTING}"),
                Some(self.location(file, text, 1, at)),
            )
            .with_help("split the condition into several rules or criteria"));
        }
        if self.source.trim().is_empty() {
            return Err(Finding::error(
                Rule::Expression,
                "expression is empty",
                Some(self.location(file, text, 1, 1)),
            ));
        }
        let program = env.compile(&self.source).map_err(|errors| {
            let first = errors.errors.first();
            let (mut line, mut col) = first.map_or((1, 1), |e| (e.pos.0.max(1) as u32, e.pos.1.max(1) as u32));
            let mut msg = first.map_or_else(|| errors.to_string(), |e| e.msg.clone());
            // The parser's own limits come wrapped in debug output with no position.
            if let Some(inner) = msg
                .split_once("msg: \"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(m, _)| m.to_string())
            {
                msg = if inner.starts_with("Recursion limit") {
                    format!("the expression is nested too deeply ({})", inner.to_lowercase())
                } else {
                    inner
                };
                (line, col) = (1, 1);
            }
            Finding::error(
                Rule::Expression,
                format!("invalid CEL expression: {msg}"),
                Some(self.location(file, text, line, col)),
            )
            .with_help("see https://cel.dev for the expression syntax")
        })?;
        let references = program.references();
        let mut names: Vec<&str> = references.variables();
        names.sort_unstable();
        let mut vars = Vec::with_capacity(names.len());
        for name in names {
            if name == ASSESSED_ON {
                vars.push((name.to_string(), Var::AssessedOn));
            } else if let Some(i) = fields.iter().position(|f| *f == name) {
                vars.push((name.to_string(), Var::Field(i)));
            } else if !is_bound_by_macro(&self.source, name) {
                let column = self.source.find(name).map_or(1, |i| self.source[..i].chars().count() + 1);
                let mut finding = Finding::error(
                    Rule::Expression,
                    format!("expression uses `{name}`, which is not a declared field of this collection"),
                    Some(self.location(file, text, 1, column as u32)),
                );
                finding = match did_you_mean(name, fields.iter().copied()) {
                    Some(close) => finding.with_help(format!("did you mean `{close}`?")),
                    None => finding.with_help(format!("declared fields: {}", fields.join(", "))),
                };
                return Err(finding);
            }
        }
        drop(references);
        let depth = budget::comprehension_depth(&self.source);
        self.compiled = Some(Arc::new(Compiled { program, vars, depth }));
        Ok(())
    }

    /// The literal keys the compiled expression looks up in the map variable `var`
    /// (`answers["Q-1"]`, `answers.q1`, `"Q-1" in answers`), in the order written, each once.
    pub fn map_keys(&self, var: &str) -> Vec<String> {
        let Some(compiled) = &self.compiled else { return Vec::new() };
        let mut keys = Vec::new();
        keys::map_keys(compiled.program.expression(), var, &mut keys);
        let mut seen = std::collections::HashSet::new();
        keys.retain(|k| seen.insert(k.clone()));
        keys
    }

    /// Where line `line`, column `col` of the expression is in the rubric. For a quoted or
    /// plain one-line scalar that is exact; inside block scalars it is the scalar's start.
    pub fn location(&self, file: &str, text: &str, line: u32, col: u32) -> Location {
        let mut at = Location::file(file, self.pos.line, self.pos.column);
        let Some(src_line) = text.lines().nth(self.pos.line.saturating_sub(1) as usize) else {
            return at;
        };
        let first = src_line.chars().nth(self.pos.column.saturating_sub(1) as usize);
        match first {
            Some('|' | '>') => {}
            Some(q @ ('"' | '\'')) if line == 1 => {
                let _ = q;
                at.column += col;
            }
            Some(_) if line == 1 => at.column += col - 1,
            _ => {}
        }
        at
    }

    /// Evaluates the expression on a record whose field values (in declaration order) are
    /// `values`; the result must be a boolean.
    pub fn eval(&self, scope: &Scope<'_>, values: &[Val]) -> Result<bool, String> {
        let compiled = self.compiled.as_ref().ok_or("expression was not compiled")?;
        let longest = compiled
            .vars
            .iter()
            .filter_map(|(_, var)| match var {
                Var::Field(i) => values.get(*i),
                Var::AssessedOn => None,
            })
            .filter_map(|v| v.as_ref().downcast_ref::<cel::common::types::CelList>())
            .map(|l| l.inner().len())
            .max()
            .unwrap_or(0);
        let cost = budget::cost(compiled.depth, longest);
        if !scope.steps.take(cost) {
            return Err(format!(
                "`{}` would take about {cost} steps over a list of {longest}, past the rule budget of {} steps for one submission",
                self.source,
                scope.steps.budget()
            ));
        }
        // The record's values are lent to the interpreter through a resolver: nothing is
        // copied or converted per evaluation.
        let vars = Vars {
            names: &compiled.vars,
            values,
            assessed_on: scope.assessed_on,
        };
        let mut ctx = cel::Context::with_env(scope.env.clone());
        ctx.set_variable_resolver(&vars);
        match compiled.program.execute(&ctx) {
            Ok(cel::Value::Bool(b)) => Ok(b),
            Ok(other) => Err(format!("`{}` gave {:?}, not true or false", self.source, other.type_of())),
            Err(e) => Err(format!("`{}` could not be evaluated: {e}", self.source)),
        }
    }
}

/// A date as a CEL timestamp at midnight UTC.
pub fn date_value(d: chrono::NaiveDate) -> cel::Value {
    let dt = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc().fixed_offset();
    cel::Value::Timestamp(dt)
}

/// A value as the CEL interpreter holds it.
pub type Val = Box<dyn cel::common::value::Val>;

/// A field value in plain terms, to write it out again (`init --xlsx --from`).
#[derive(Clone, Debug, PartialEq)]
pub enum Plain {
    /// No value.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// Any other number.
    Number(f64),
    /// Text (strings and enum values).
    Text(String),
    /// A date.
    Date(chrono::NaiveDate),
    /// A list.
    List(Vec<Plain>),
}

/// `v` in plain terms.
pub fn plain(v: &Val) -> Plain {
    use cel::common::types::{CelList, CelTimestamp};
    let v = v.as_ref();
    if let Ok(s) = <&str>::try_from(v) {
        Plain::Text(s.to_string())
    } else if let Ok(b) = <&bool>::try_from(v) {
        Plain::Bool(*b)
    } else if let Ok(n) = <&i64>::try_from(v) {
        Plain::Int(*n)
    } else if let Ok(n) = <&f64>::try_from(v) {
        Plain::Number(*n)
    } else if let Some(t) = v.downcast_ref::<CelTimestamp>() {
        Plain::Date(t.inner().date_naive())
    } else if let Some(l) = v.downcast_ref::<CelList>() {
        Plain::List(l.inner().iter().map(plain).collect())
    } else {
        Plain::Null
    }
}

/// Converts a value once, for many evaluations.
pub fn to_val(value: cel::Value) -> Val {
    Val::try_from(value).unwrap_or_else(|_| Box::new(cel::common::types::CelNull))
}

/// What every evaluation of one assessment shares.
pub struct Scope<'a> {
    /// The rubric's CEL environment.
    pub env: &'a Arc<cel::Env>,
    /// `assessed_on` as a timestamp.
    pub assessed_on: &'a Val,
    /// What is left of the submission's rule budget.
    pub steps: Steps,
}

struct Vars<'a> {
    names: &'a [(String, Var)],
    values: &'a [Val],
    assessed_on: &'a Val,
}

impl cel::context::VariableResolver for Vars<'_> {
    fn resolve<'b>(&'b self, variable: &str) -> Option<cel::common::value::CowVal<'b, 'b>> {
        let (_, var) = self.names.iter().find(|(n, _)| n == variable)?;
        let value = match var {
            Var::Field(i) => self.values.get(*i)?,
            Var::AssessedOn => self.assessed_on,
        };
        Some(cel::common::value::CowVal::Borrowed(value.as_ref()))
    }
}

/// Whether `name` is the iteration variable of a macro such as `list.exists(x, ...)`, which
/// `references()` lists alongside real variables.
fn is_bound_by_macro(source: &str, name: &str) -> bool {
    ["all", "exists", "exists_one", "map", "filter"].iter().any(|m| {
        let pattern = format!(".{m}(");
        source.match_indices(&pattern).any(|(i, _)| {
            source[i + pattern.len()..]
                .trim_start()
                .strip_prefix(name)
                .is_some_and(|rest| rest.trim_start().starts_with(','))
        })
    })
}

/// The deepest bracket nesting an expression may have. The CEL parser recurses per bracket and
/// would overflow the stack long before its own limit on a hostile expression.
pub const MAX_NESTING: usize = 32;

/// The brackets of an expression outside its string literals, each with its index in
/// characters: what both the nesting bound and the rule budget look at.
pub(super) fn brackets(source: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    source.chars().enumerate().filter_map(move |(i, c)| {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            return None;
        }
        match c {
            '"' | '\'' => {
                quote = Some(c);
                None
            }
            '(' | '[' | '{' | ')' | ']' | '}' => Some((i, c)),
            _ => None,
        }
    })
}

/// The nesting depth and 1-based column where an expression first nests brackets deeper than
/// [`MAX_NESTING`] (string literals skipped), or `None`.
fn too_deep(source: &str) -> Option<(usize, u32)> {
    let mut depth = 0usize;
    for (i, c) in brackets(source) {
        if matches!(c, '(' | '[' | '{') {
            depth += 1;
            if depth > MAX_NESTING {
                return Some((depth, u32::try_from(i + 1).unwrap_or(u32::MAX)));
            }
        } else {
            depth = depth.saturating_sub(1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_nesting_is_bounded_outside_strings() {
        assert_eq!(too_deep(&format!("{}1{}", "(".repeat(32), ")".repeat(32))), None);
        assert_eq!(too_deep(&format!("size({}1{})", "[".repeat(40), "]".repeat(40))), Some((33, 37)));
        assert_eq!(too_deep(&format!("x == \"{}\"", "(".repeat(100))), None);
        assert_eq!(too_deep(r#"x == 'it\'s (' && (y)"#), None);
    }

    fn expr(s: &str) -> Expr {
        Expr {
            source: s.into(),
            pos: Pos { line: 1, column: 1 },
            compiled: None,
        }
    }

    #[test]
    fn unknown_field_is_rejected_with_a_hint() {
        let mut e = expr("securty_level != null");
        let err = e.compile(&env(), &["id", "security_level"], "r.yaml", "").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `security_level`?"));
    }

    #[test]
    fn macro_variables_are_not_fields() {
        let mut e = expr("tags.exists(t, t == 'x')");
        assert!(e.compile(&env(), &["tags"], "r.yaml", "").is_ok());
    }

    #[test]
    fn null_fields_and_dates_evaluate() {
        let env = env();
        let mut e = expr("a != null && a <= assessed_on");
        e.compile(&env, &["a"], "r.yaml", "").unwrap();
        let day = |s: &str| to_val(cel::Value::Timestamp(chrono::DateTime::parse_from_rfc3339(s).unwrap()));
        let on = day("2026-01-02T00:00:00Z");
        let scope = Scope {
            env: &env,
            assessed_on: &on,
            steps: Steps::new(DEFAULT_STEPS),
        };
        assert_eq!(e.eval(&scope, &[to_val(cel::Value::Null)]), Ok(false));
        assert_eq!(e.eval(&scope, &[day("2026-01-01T00:00:00Z")]), Ok(true));
    }

    #[test]
    fn macros_see_their_own_variables() {
        let env = env();
        let mut e = expr("tags.exists(t, t == 'x') && size(tags) == 2");
        e.compile(&env, &["tags"], "r.yaml", "").unwrap();
        let on = to_val(cel::Value::Null);
        let scope = Scope {
            env: &env,
            assessed_on: &on,
            steps: Steps::new(DEFAULT_STEPS),
        };
        let tags = to_val(cel::Value::List(Arc::new(vec!["y".into(), "x".into()])));
        assert_eq!(e.eval(&scope, &[tags]), Ok(true));
    }
}
