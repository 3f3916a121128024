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

/// How `main` shows an error: a [`Failure`]'s findings with their snippets (through
/// `findings`, which renders them in the run's language) and its summary, or the error chain on
/// one line; `error` is the word that starts the last line.
pub fn render_error(
    err: &anyhow::Error,
    error: &str,
    findings: impl Fn(&[Finding], &Sources) -> String,
    line: impl Fn(&str) -> String,
) -> String {
    match err.downcast_ref::<Failure>() {
        Some(Failure::Findings {
            findings: list,
            sources,
            summary,
        }) => {
            let mut text = findings(list, sources);
            if let Some(summary) = summary {
                text.push_str(&format!("{error}: {}\n", line(summary)));
            }
            text
        }
        _ => format!("{error}: {}\n", line(&format!("{err:#}"))),
    }
}
