//! `dgmat report`: `assess` with the HTML report as the default format.

use super::Exit;
use crate::cli::{AssessArgs, Format};

/// Runs `dgmat report`.
pub fn run(args: &AssessArgs, quiet: bool) -> anyhow::Result<Exit> {
    super::assess::run_as(args, args.format.unwrap_or(Format::Html), quiet)
}
