//! One module per subcommand: glue from loading to evaluation to rendering.

pub mod assess;
pub mod batch;
pub mod check;
pub mod diff;
pub mod init;
pub mod report;
pub mod rubric;
pub mod schema;

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::finding::Finding;
use crate::source::Sources;

/// Loads the rubric `spec`, or prints why it cannot be loaded (with the rubric's own lines) and
/// returns `None`: the caller exits with 2.
pub fn load_rubric(spec: &str) -> Option<crate::model::rubric::LoadedRubric> {
    match crate::load::rubric::load(spec) {
        Ok(r) => Some(r),
        Err(findings) => {
            print_findings(&rubric_sources(spec), &findings);
            None
        }
    }
}

/// The target `--target` names (the rubric's default without it), or `None` after saying why
/// the name is wrong: the caller exits with 2.
pub fn target(rubric: &crate::model::rubric::Rubric, spec: Option<&str>) -> Option<crate::assess::TargetChoice> {
    let Some(spec) = spec else {
        return Some(crate::assess::TargetChoice::Default);
    };
    crate::assess::parse_target(rubric, spec)
        .map_err(|msg| crate::stderr!("error: --target: {msg}"))
        .ok()
}

/// The rubric text `spec` names, for showing its findings.
pub fn rubric_sources(spec: &str) -> Sources {
    let mut sources = Sources::default();
    if let Some((name, text)) = crate::load::rubric::source_text(spec) {
        sources.insert(&name, text);
    }
    sources
}

/// Writes every finding to stderr with its source snippet.
pub fn print_findings(sources: &Sources, findings: &[Finding]) {
    let mut text = String::new();
    sources.render_list(findings, "`dgmat check --format json` lists them all", &mut text);
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes `text` to `path` atomically (see [`crate::write`]), naming the path if it fails.
pub fn write_atomic(path: &Path, text: &str) -> anyhow::Result<()> {
    crate::write::write_atomic(path, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
}

/// Writes `text` to stdout.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
