//! `dgmat report`: `assess` with the HTML report as the default format.

use super::Exit;
use crate::cli::{AssessArgs, Format};

/// Runs `dgmat report`. An HTML page is no use on a terminal: without `-o`, it goes to
/// `<agency-id>.html` in the current directory instead, and the path is printed.
pub fn run(args: &AssessArgs, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    use std::io::IsTerminal as _;
    let format = args.format.unwrap_or(Format::Html);
    let to_file = format == Format::Html && args.output.is_none() && std::io::stdout().is_terminal();
    super::assess::run_with(args, format, quiet, lang, to_file)
}
