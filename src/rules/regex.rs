//! `matches()` for rubric expressions, with each pattern compiled once.
//!
//! The `cel` crate's own `matches` builds the regex anew on every call: a rubric's
//! `id.matches("^\\w{1,300}$")` over 100 records took 7 s, and would take 24 minutes over
//! 20,000. This one keeps the compiled regex (or the error it gave) per pattern, in a cache
//! shared by every thread of a batch. Patterns usually come from the rubric and are few; one
//! built from record data could vary without end, so the cache stops growing at
//! [`CACHE_PATTERNS`] and later patterns are compiled per call. The `regex` crate is linear in
//! the input, so a catastrophic pattern such as `(a+)+$` cannot backtrack.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use cel::ExecutionError;
use cel::common::types::{CelBool, CelString};

/// The most patterns kept compiled.
pub(super) const CACHE_PATTERNS: usize = 256;

type Compiled = Arc<Result<regex::Regex, String>>;

fn cache() -> &'static Mutex<HashMap<String, Compiled>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Compiled>>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// The compiled `pattern`, from the cache when it is there.
pub(super) fn compiled(pattern: &str) -> Compiled {
    // A poisoned lock only means another thread panicked mid-insert; the map is still sound.
    let mut map = cache().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(done) = map.get(pattern) {
        return done.clone();
    }
    let done: Compiled = Arc::new(regex::Regex::new(pattern).map_err(|e| e.to_string()));
    if map.len() < CACHE_PATTERNS {
        map.insert(pattern.to_string(), done.clone());
    }
    done
}

/// `s.matches(re)` and `matches(s, re)`: whether `re` matches anywhere in `s`.
fn matches(this: &CelString<'_>, re: &CelString<'_>) -> Result<CelBool, ExecutionError> {
    match compiled(re.inner()).as_ref() {
        Ok(regex) => Ok(CelBool::from(regex.is_match(this.inner()))),
        Err(err) => Err(ExecutionError::FunctionError {
            function: "matches".to_string(),
            message: format!("'{}' not a valid regex:\n{err}", re.inner()),
        }),
    }
}

/// Adds `matches` to `env`, which must not have it (the `cel` crate's `regex` feature is off).
pub(super) fn add(env: &mut cel::Env) -> Result<(), cel::DeclarationError> {
    cel::add_overload!(env, fn matches: (CelString, CelString) -> Result<CelBool>, id = "matches")?;
    cel::add_member_overload!(env, fn matches: (CelString, CelString) -> Result<CelBool>)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_is_compiled_once() {
        let first = compiled("^dgmat-test-[a-z]+$");
        let again = compiled("^dgmat-test-[a-z]+$");
        assert!(Arc::ptr_eq(&first, &again));
        assert!(compiled("(").as_ref().is_err());
    }
}
