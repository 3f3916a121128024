//! Why a run stops: the one error channel from commands (and `batch`) to `main`, which
//! renders located findings once, with their source lines, and exits with 2.

use crate::finding::Finding;
use crate::source::Sources;

/// Why a command could not run. It travels up to `main` inside the `anyhow` error, which
/// renders it once (located findings with their source lines, then one `error:` line) and
/// exits with 2: no command prints an error and then returns quietly.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Problems in an input, each located.
    #[error("{}", summary.as_deref().unwrap_or("the input is invalid"))]
    Findings {
        /// The problems, errors first.
        findings: Vec<Finding>,
        /// The texts they point into, for snippets.
        sources: Sources,
        /// The line after them, if any.
        summary: Option<String>,
    },
    /// A usage mistake (a path that is not a directory, an unknown target): one line.
    #[error("{0}")]
    Usage(String),
}

impl Failure {
    /// Findings with no summary line.
    pub fn findings(findings: Vec<Finding>, sources: Sources) -> Self {
        Failure::Findings {
            findings,
            sources,
            summary: None,
        }
    }

    /// The same failure ending with `summary`.
    pub fn with_summary(self, summary: impl Into<String>) -> Self {
        match self {
            Failure::Findings { findings, sources, .. } => Failure::Findings {
                findings,
                sources,
                summary: Some(summary.into()),
            },
            usage => usage,
        }
    }
}

/// How `main` shows an error: a [`Failure`]'s findings with their snippets and its summary,
/// or the error chain on one line.
pub fn render_error(err: &anyhow::Error) -> String {
    match err.downcast_ref::<Failure>() {
        Some(Failure::Findings {
            findings,
            sources,
            summary,
        }) => {
            let mut text = String::new();
            sources.render_list(findings, "`dgmat check --format json` lists them all", &mut text);
            if let Some(summary) = summary {
                text.push_str(&format!("error: {summary}\n"));
            }
            text
        }
        _ => format!("error: {err:#}\n"),
    }
}
