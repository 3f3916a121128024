//! Where a batch's time goes, for the benchmark: with `DGMAT_PROFILE=1` in the environment,
//! `dgmat batch` adds up the time each worker spends in each phase and prints the totals to
//! stderr at the end. Without it, nothing is measured beyond one relaxed load per phase.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The phases of a batch that are timed.
#[derive(Clone, Copy)]
pub enum Phase {
    /// Finding the submissions below ROOT (the walk, and each folder's files and sizes).
    Discover,
    /// Reading and parsing a submission's files (and checking them against the rubric).
    Load,
    /// Scoring, gaps and findings.
    Assess,
    /// The agency's JSON report.
    Json,
    /// The agency's HTML report (its view model, and the page written from it).
    Html,
    /// Writing the agency's two reports.
    Write,
    /// Giving the agency reports their final names.
    Name,
    /// The summaries and index.html, rendered and written.
    Summaries,
    /// The one sync of the new output set before the swap.
    Sync,
    /// Swapping the new set in, and removing the one it replaces.
    Swap,
}

const NAMES: [&str; 10] = [
    "discover",
    "load",
    "assess",
    "json",
    "html",
    "write",
    "name",
    "summaries",
    "sync",
    "swap",
];

static NANOS: [AtomicU64; 10] = [const { AtomicU64::new(0) }; 10];

/// Whether `DGMAT_PROFILE` asks for the figures.
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DGMAT_PROFILE").is_some_and(|v| !v.is_empty() && v != "0"))
}

/// Runs `f`, adding its time to `phase` when profiling.
pub fn time<T>(phase: Phase, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let started = Instant::now();
    let out = f();
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    NANOS[phase as usize].fetch_add(nanos, Ordering::Relaxed);
    out
}

/// The totals, one line, when profiling: thread-seconds per phase (summed over workers).
pub fn report() {
    if !enabled() {
        return;
    }
    let parts: Vec<String> = NAMES
        .iter()
        .zip(&NANOS)
        .map(|(name, n)| format!("{name} {:.3}", n.load(Ordering::Relaxed) as f64 / 1e9))
        .collect();
    crate::report::stderr!("profile (thread-seconds): {}", parts.join(", "));
}
