//! Fault injection for the tests of dgmat's panic safety. Compiled into debug builds only: a
//! release binary has no such hook, whatever its environment says.

/// Panics when the environment variable `DGMAT_FAULT_INJECT` names `point` (debug builds).
#[cfg(debug_assertions)]
pub fn check(point: &str) {
    if std::env::var("DGMAT_FAULT_INJECT").is_ok_and(|v| v == point) {
        panic!("fault injected at {point}");
    }
}

/// Does nothing: release builds carry no fault injection.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn check(_point: &str) {}
