//! dgmat's integration tests: one binary, the CLI driven as users drive it.
#![allow(clippy::unwrap_used)]

mod assess;
mod batch;
mod check;
mod csv;
mod diff;
mod examples;
mod init;
mod library;
mod malformed;
mod realdata;
mod rubric;
mod schema;
mod scoring;

use assert_cmd::Command;

/// The dgmat binary, run from the package root so that paths in output are stable.
pub(crate) fn dgmat() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dgmat");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The small rubric whose behaviour the fixtures pin.
pub(crate) const MINI: &str = "tests/fixtures/good/rubric.yaml";

/// stdout of a finished command as text.
pub(crate) fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// stderr of a finished command as text.
pub(crate) fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
