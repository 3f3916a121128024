//! dgmat: a data-governance maturity assessor.
//!
//! It loads a maturity rubric (YAML, levels 1-5), reads an agency's questionnaire answers and
//! inventory of systems and datasets, and scores them into a level per dimension and overall,
//! with a gap report naming what blocks the target level. Data flows one way:
//! [`load`] → [`assess`] → [`report`]; [`commands`] glue them for each subcommand.

pub mod assess;
pub mod batch;
pub mod cli;
pub mod commands;
pub mod diff;
pub mod failure;
pub mod fault;
pub mod finding;
pub mod lang;
pub mod load;
pub mod location;
pub mod model;
pub mod pipeline;
pub mod report;
pub mod rule;
pub mod rules;
pub mod schema;
pub mod source;
pub mod store;
pub mod write;

pub use commands::Exit;

/// Runs the command line.
pub fn run(cli: &cli::Cli) -> anyhow::Result<Exit> {
    fault::check(format_args!("run"));
    load::limits::set(load::limits::Limits {
        file_bytes: cli.max_file_mb.saturating_mul(1 << 20),
        yaml_bytes: cli.max_yaml_mb.saturating_mul(1 << 20),
        unzipped_bytes: cli.max_unzipped_mb.saturating_mul(1 << 20),
        rows: usize::try_from(cli.max_rows).unwrap_or(usize::MAX),
    });
    rules::set_steps(cli.max_rule_steps);
    match &cli.command {
        cli::Command::Assess(args) => commands::assess::run(args, cli.quiet, cli.lang),
        cli::Command::Report(args) => commands::report::run(args, cli.quiet, cli.lang),
        cli::Command::Batch(args) => commands::batch::run(args, cli.quiet, cli.lang),
        cli::Command::Init(args) => commands::init::run(args, cli.quiet, cli.lang),
        cli::Command::Check(args) => commands::check::run(args, cli.quiet, cli.lang),
        cli::Command::Diff(args) => commands::diff::run(args, cli.quiet, cli.lang),
        cli::Command::Progress(args) => commands::progress::run(args, cli.quiet, cli.lang),
        cli::Command::Reconcile(args) => commands::reconcile::run(args, cli.quiet, cli.lang),
        cli::Command::Publish(args) => commands::publish::run(args, cli.quiet, cli.lang),
        cli::Command::Rubric(cmd) => commands::rubric::run(cmd, cli.quiet, cli.lang),
        cli::Command::Schema { kind, rubric, write } => {
            commands::schema::run(*kind, rubric.as_deref(), write.as_deref(), cli.quiet, cli.lang)
        }
        cli::Command::Completions { shell } => {
            let mut cmd = <cli::Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "dgmat", &mut out);
            commands::print(&String::from_utf8_lossy(&out))?;
            Ok(Exit::Ok)
        }
        cli::Command::Man { dir } => commands::man::run(dir.as_deref(), cli.quiet, cli.lang),
    }
}
