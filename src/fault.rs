//! Fault injection for the tests of dgmat's panic safety. Compiled into debug builds only: a
//! release binary has no such hook, whatever its environment says.

/// Panics when the environment variable `DGMAT_FAULT_INJECT` names `point` (debug builds).
/// `point` is formatted only here, so a release build pays nothing at the call site.
#[cfg(debug_assertions)]
pub fn check(point: std::fmt::Arguments<'_>) {
    if std::env::var("DGMAT_FAULT_INJECT").is_ok_and(|v| v == point.to_string()) {
        panic!("fault injected at {point}");
    }
}

/// Does nothing: release builds carry no fault injection.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn check(_point: std::fmt::Arguments<'_>) {}

/// Fails with "no space left on device" when `DGMAT_FAULT_INJECT` names `point` (debug
/// builds): how the tests make a write fail even as root, whom permissions do not stop.
#[cfg(debug_assertions)]
pub fn io(point: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    if std::env::var("DGMAT_FAULT_INJECT").is_ok_and(|v| v == point.to_string()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "No space left on device (injected)",
        ));
    }
    Ok(())
}

/// Never fails: release builds carry no fault injection.
#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn io(_point: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    Ok(())
}
