//! One module per subcommand: glue from loading to evaluation to rendering, and nothing else.
//!
//! A command that cannot run returns a [`Failure`] (rendered once by `main`, exit 2); a command
//! that ran returns its [`Exit`]. May import anything below it; nothing imports `commands`.

pub mod assess;
pub mod batch;
pub mod check;
pub mod diff;
pub mod init;
pub mod man;
pub mod progress;
pub mod publish;
pub mod reconcile;
pub mod report;
pub mod rubric;
pub mod schema;

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

pub use crate::failure::Failure;
use crate::finding::Finding;
use crate::model::waivers::MinistryWaivers;
use crate::source::Sources;

/// How a run ended; the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, every gate passed.
    Ok = 0,
    /// 1: done, a gate failed.
    GateFailed = 1,
    /// 2: could not run (usage error, invalid input or rubric).
    Invalid = 2,
}

/// Loads the rubric `spec`, or fails with its findings shown in the rubric's own lines.
pub fn load_rubric(spec: &str) -> Result<crate::model::rubric::LoadedRubric, Failure> {
    crate::load::rubric_source::load(spec).map_err(|findings| Failure::findings(findings, rubric_sources(spec)))
}

/// The target `--target` names (the rubric's default without it).
pub fn target(rubric: &crate::model::rubric::Rubric, spec: Option<&str>) -> Result<crate::assess::TargetChoice, Failure> {
    let Some(spec) = spec else {
        return Ok(crate::assess::TargetChoice::Default);
    };
    crate::assess::parse_target(rubric, spec).map_err(|msg| Failure::Usage(format!("--target: {msg}")))
}

/// Loads the submission at `paths`, or fails with every problem found and `what` it stops
/// (`could not assess`).
pub fn load_submission(
    paths: &[std::path::PathBuf],
    rubric: Option<&str>,
    what: &str,
) -> Result<crate::model::submission::Submission, Failure> {
    load_submission_as(paths, crate::load::submission::RubricChoice::Spec(rubric), what)
}

/// [`load_submission`] against the rubric `choice` names.
pub fn load_submission_as(
    paths: &[std::path::PathBuf],
    choice: crate::load::submission::RubricChoice<'_>,
    what: &str,
) -> Result<crate::model::submission::Submission, Failure> {
    crate::load::submission::load_with(paths, choice, None).map_err(|failure| load_failure(failure, what))
}

/// A submission that failed to load, as the failure that shows every problem found and `what`
/// it stops.
pub fn load_failure(failure: crate::load::submission::LoadFailure, what: &str) -> Failure {
    let mut findings = failure.findings;
    // The rules and checks still run on what loaded, so that one run shows every problem.
    if let Some(partial) = &failure.partial {
        let today = chrono::Local::now().date_naive();
        let assessed = crate::pipeline::assess(partial, &crate::assess::TargetChoice::Default, crate::lang::Lang::En, today);
        findings = crate::finding::merged(&findings, assessed.findings);
    }
    let errors = findings.iter().filter(|f| f.is_error()).count();
    Failure::findings(findings, failure.sources).with_summary(format!("{what}: {errors} problem(s) in the input"))
}

/// The rubric text `spec` names, for showing its findings.
pub fn rubric_sources(spec: &str) -> Sources {
    let mut sources = Sources::default();
    if let Some((name, text)) = crate::load::rubric::source_text(spec) {
        if let Some((base, base_text)) = crate::load::overlay::base_source(&name, &text) {
            sources.insert(&base, base_text);
        }
        sources.insert(&name, text);
    }
    sources
}

/// How `main` shows an error in `lang`: a [`Failure`]'s findings with their snippets and its
/// summary, or the error chain on one line.
pub fn render_error(err: &anyhow::Error, lang: crate::lang::Lang) -> String {
    let w = crate::report::words::words(lang);
    crate::failure::render_error(
        err,
        w.error,
        |findings, sources| {
            let mut text = String::new();
            crate::report::words::render_findings(sources, findings, w.json_lists_all, lang, &mut text);
            text
        },
        |line| crate::report::catalog::text(line, lang),
    )
}

/// Writes every finding to stderr with its source snippet (for warnings of a command that
/// goes on; a command that stops returns a [`Failure`]).
pub fn print_findings(sources: &Sources, findings: &[Finding], lang: crate::lang::Lang) {
    let mut text = String::new();
    let w = crate::report::words::words(lang);
    crate::report::words::render_findings(sources, findings, w.json_lists_all, lang, &mut text);
    crate::report::write_stderr(&text);
}

/// Writes `text` to `path` (`-o`) atomically (see [`crate::write`]), naming the path if it
/// fails. A symbolic link to a regular file is written through (the new file is renamed over
/// the link's target, which keeps its permissions); a device, FIFO, folder, socket or a link to
/// one of them, or to nothing, is refused and left as it was.
pub fn write_atomic(path: &Path, text: &str) -> anyhow::Result<()> {
    let target = output_target(path)?;
    crate::write::write_atomic(&target, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
}

/// The regular file `-o path` stands for: itself, or the regular file its link leads to.
fn output_target(path: &Path) -> Result<std::path::PathBuf, Failure> {
    let refuse = |what: String| {
        Failure::Usage(format!(
            "-o {}: {what}; dgmat writes only to a regular file or a new name (omit -o to write to stdout)",
            path.display()
        ))
    };
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(Failure::Usage(format!("cannot write {}: {e}", path.display()))),
    };
    if meta.is_file() {
        return Ok(path.to_path_buf());
    }
    if meta.is_symlink() {
        return match std::fs::canonicalize(path) {
            Ok(target) => match std::fs::metadata(&target) {
                Ok(m) if m.is_file() => Ok(target),
                Ok(m) => Err(refuse(format!(
                    "it is a symbolic link to {}, which is {}",
                    target.display(),
                    kind(&m.file_type())
                ))),
                Err(e) => Err(refuse(format!("it is a symbolic link to {}: {e}", target.display()))),
            },
            Err(_) => Err(refuse("it is a symbolic link that leads nowhere".into())),
        };
    }
    Err(refuse(format!("it is {}", kind(&meta.file_type()))))
}

/// What a file that is not a regular file is, in words.
fn kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() { "a folder" } else { "not a regular file" }
}

/// Stops with exit 2 when `assessed` overdrew the rule budget: the rules left unevaluated make
/// its scores meaningless, so no report is written.
pub fn refuse_overdrawn(assessed: &crate::pipeline::Assessed, sub: &crate::model::submission::Submission) -> anyhow::Result<()> {
    let overdrawn: Vec<Finding> = assessed
        .findings
        .iter()
        .filter(|f| f.rule == crate::rule::Rule::RuleBudget)
        .cloned()
        .collect();
    if overdrawn.is_empty() {
        return Ok(());
    }
    Err(Failure::findings(overdrawn, sub.sources.clone())
        .with_summary("could not assess: the rubric's expressions would run too long on this submission")
        .into())
}

/// Writes `text` to stdout.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Reads `--waivers FILE` (nothing without it, or with `--no-waivers`); a bad file stops the
/// command with its located problems (exit 2).
pub fn ministry_waivers(args: &crate::cli::WaiverArgs) -> Result<Option<MinistryWaivers>, Failure> {
    let Some(path) = args.waivers.as_deref().filter(|_| !args.no_waivers) else {
        return Ok(None);
    };
    let name = path.to_string_lossy().replace('\\', "/");
    match crate::load::waivers::read(path, &name, crate::load::waivers::Scope::Ministry) {
        Ok((entries, text)) => Ok(Some(MinistryWaivers { entries, name, text })),
        Err(crate::load::waivers::Unreadable { findings, text }) => {
            let mut sources = Sources::default();
            if let Some(text) = text {
                sources.insert(&name, text);
            }
            let errors = findings.len();
            Err(Failure::findings(findings, sources).with_summary(format!("could not read --waivers: {errors} problem(s)")))
        }
    }
}

/// Applies the waiver options to a loaded submission (see [`Submission::apply_waivers`]).
///
/// [`Submission::apply_waivers`]: crate::model::submission::Submission::apply_waivers
pub fn apply_waivers(sub: &mut crate::model::submission::Submission, ministry: Option<&MinistryWaivers>, args: &crate::cli::WaiverArgs) {
    sub.apply_waivers(ministry, args.no_waivers);
}
