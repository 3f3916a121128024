//! The rule budget: how many comprehension steps (`list.all(x, ...)`, `exists`, `exists_one`,
//! `map`, `filter`) the expressions may take over one submission. CEL has no loops, but a
//! comprehension nested in another runs in the square of an agency-controlled list's length
//! (`tags.all(a, tags.exists_one(b, b == a))` over 20,000 tags: 400 million steps, 95 s). The
//! interpreter offers no step counter, so each evaluation is charged before it runs:
//! (longest list among the record's values + 1) raised to the expression's comprehension
//! nesting depth, an upper bound for the comprehensions a rubric writes over a record's lists.
//! An evaluation that would overdraw the budget does not run.

use std::cell::Cell;
use std::sync::OnceLock;

/// Steps per submission unless `--max-rule-steps` (or `DGMAT_MAX_RULE_STEPS`) says otherwise:
/// about two seconds of comprehension work, and a thousand times what a rubric iterating over
/// 20,000 records' short lists takes.
pub const DEFAULT_STEPS: u64 = 10_000_000;

static STEPS: OnceLock<u64> = OnceLock::new();

/// Sets the budget for this process; the first call wins (the command line sets it at start).
pub fn set_steps(steps: u64) {
    let _ = STEPS.set(steps);
}

/// The budget in force: the one set, else `DGMAT_MAX_RULE_STEPS`, else [`DEFAULT_STEPS`].
pub fn steps() -> u64 {
    *STEPS.get_or_init(|| {
        std::env::var("DGMAT_MAX_RULE_STEPS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_STEPS)
    })
}

/// What is left of one submission's budget.
#[derive(Debug)]
pub struct Steps {
    budget: u64,
    left: Cell<u64>,
    overdrawn: Cell<bool>,
}

impl Steps {
    /// A full budget of `budget` steps.
    pub fn new(budget: u64) -> Self {
        Steps {
            budget,
            left: Cell::new(budget),
            overdrawn: Cell::new(false),
        }
    }

    /// The budget it started with.
    pub fn budget(&self) -> u64 {
        self.budget
    }

    /// Whether an evaluation was refused for want of steps.
    pub fn overdrawn(&self) -> bool {
        self.overdrawn.get()
    }

    /// Takes `cost` steps if that many are left; else refuses, and every later charge too.
    pub(super) fn take(&self, cost: u64) -> bool {
        if cost == 0 {
            return true;
        }
        match self.left.get().checked_sub(cost) {
            Some(left) if !self.overdrawn.get() => {
                self.left.set(left);
                true
            }
            _ => {
                self.overdrawn.set(true);
                false
            }
        }
    }
}

/// The cost of one evaluation: `(longest + 1)^depth`, 0 without comprehensions.
pub(super) fn cost(depth: u32, longest: usize) -> u64 {
    if depth == 0 {
        return 0;
    }
    (longest as u64).saturating_add(1).checked_pow(depth).unwrap_or(u64::MAX)
}

/// How deep comprehension macros nest in `source` (string literals skipped): 0 for none, 2 for
/// `tags.all(a, tags.exists_one(b, b == a))`.
pub(super) fn comprehension_depth(source: &str) -> u32 {
    const MACROS: [&str; 5] = ["all", "exists", "exists_one", "map", "filter"];
    let chars: Vec<char> = source.chars().collect();
    let mut open: Vec<bool> = Vec::new();
    let (mut depth, mut deepest) = (0u32, 0u32);
    for (i, c) in super::brackets(source) {
        if matches!(c, '(' | '[' | '{') {
            let start = chars[..i]
                .iter()
                .rposition(|c| !(c.is_alphanumeric() || *c == '_'))
                .map_or(0, |p| p + 1);
            let name: String = chars[start..i].iter().collect();
            let is_macro = c == '(' && start > 0 && chars[start - 1] == '.' && MACROS.contains(&name.as_str());
            open.push(is_macro);
            if is_macro {
                depth += 1;
                deepest = deepest.max(depth);
            }
        } else {
            let closes_macro = open.pop() == Some(true);
            depth = depth.saturating_sub(u32::from(closes_macro));
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comprehensions_nest_by_their_brackets() {
        assert_eq!(comprehension_depth("security_level != null"), 0);
        assert_eq!(comprehension_depth("tags.exists(t, t == 'x') && size(tags) == 2"), 1);
        assert_eq!(comprehension_depth("tags.all(a, tags.exists_one(b, b == a))"), 2);
        assert_eq!(comprehension_depth("tags.map(a, a).all(b, b != '')"), 1);
        assert_eq!(comprehension_depth("x == '.all(.all('"), 0);
    }

    #[test]
    fn a_budget_refuses_what_would_overdraw_it_and_all_after() {
        let steps = Steps::new(100);
        assert!(steps.take(cost(1, 49)));
        assert!(!steps.take(cost(2, 20_000)));
        assert!(steps.overdrawn());
        assert!(!steps.take(1));
        assert!(steps.take(0));
    }
}
