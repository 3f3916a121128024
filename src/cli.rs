//! The command line, declared with clap derive. All help text lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::load::limits;

const EXIT_CODES: &str = "\
Exit codes:
  0  done, and every gate passed
  1  done, but a gate failed (--fail-below; check: an error finding, --min-level, --target;
     batch: an invalid submission)
  2  could not run: usage error, unreadable or invalid input, invalid rubric";

const REPORT_HELP: &str = "\
Examples:
  dgmat report examples/ministry -o ministry.html
      the HTML report; open it in a browser or print it to PDF
  dgmat report examples/ministry --format markdown -o report.md
      Markdown for a pull- or merge-request comment (e.g. gh pr comment --body-file report.md)
  dgmat report examples/ministry --lang vi --target dgp-2030 -o bao-cao.html
      in Vietnamese, against the 2030 target

Exit codes:
  0  done, and every gate passed
  1  done, but a gate failed (--fail-below)
  2  could not run: usage error, unreadable or invalid input, invalid rubric, unwritable -o FILE";

/// Data-governance maturity assessor: scores an agency's questionnaire and inventory against a
/// maturity rubric (levels 1-5) and reports what blocks the next or target level.
#[derive(Debug, Parser)]
#[command(name = "dgmat", version, about, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    /// Silence progress and summaries on stderr (errors are still shown).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Refuse input files larger than this.
    #[arg(
        long,
        global = true,
        value_name = "MB",
        env = "DGMAT_MAX_FILE_MB",
        default_value_t = limits::DEFAULT.file_bytes >> 20,
        help_heading = "Limits"
    )]
    pub max_file_mb: u64,
    /// Refuse YAML files larger than this (larger inventories read much faster as CSV or XLSX).
    #[arg(
        long,
        global = true,
        value_name = "MB",
        env = "DGMAT_MAX_YAML_MB",
        default_value_t = limits::DEFAULT.yaml_bytes >> 20,
        help_heading = "Limits"
    )]
    pub max_yaml_mb: u64,
    /// Refuse spreadsheets whose contents would decompress to more than this (zip bombs).
    #[arg(
        long,
        global = true,
        value_name = "MB",
        env = "DGMAT_MAX_UNZIPPED_MB",
        default_value_t = limits::DEFAULT.unzipped_bytes >> 20,
        help_heading = "Limits"
    )]
    pub max_unzipped_mb: u64,
    /// Refuse a CSV file or sheet with more rows than this.
    #[arg(
        long,
        global = true,
        value_name = "N",
        env = "DGMAT_MAX_ROWS",
        default_value_t = limits::DEFAULT.rows as u64,
        help_heading = "Limits"
    )]
    pub max_rows: u64,
    /// Stop a submission's assessment when its rubric expressions would take more comprehension
    /// steps than this (a list's length to the power of the comprehensions' nesting).
    #[arg(
        long,
        global = true,
        value_name = "N",
        env = "DGMAT_MAX_RULE_STEPS",
        default_value_t = crate::rules::DEFAULT_STEPS,
        help_heading = "Limits"
    )]
    pub max_rule_steps: u64,
    /// Language of everything written for people: reports, messages, stderr, templates.
    #[arg(long, global = true, value_enum, ignore_case = true, env = "DGMAT_LANG", default_value_t = Lang::En)]
    pub lang: Lang,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess one submission: a level per dimension and overall, and the gaps to the target.
    ///
    /// PATH is a submission directory (holding questionnaire.yaml and/or inventory.yaml) or the
    /// files themselves.
    ///
    /// Example: dgmat assess examples/ministry --target dgp-2027
    #[command(after_help = EXIT_CODES)]
    Assess(AssessArgs),
    /// Write a report people read: a self-contained HTML page (default) or GitHub-flavoured
    /// Markdown for a pull-request comment.
    ///
    /// The same as `assess` with `--format html`: the levels (a radar chart against the target
    /// and a table), the action plan (every gap grouped by dimension, with its action and failing
    /// records as file:line), a heatmap of criterion status by dimension and level, the evidence
    /// cited, the findings, and the input files with their SHA-256. The HTML needs no network and
    /// no JavaScript and prints cleanly.
    #[command(after_help = REPORT_HELP)]
    Report(AssessArgs),
    /// Validate submissions for CI: every problem with file:line:col, in text, JSON, SARIF,
    /// JUnit or GitHub annotations.
    ///
    /// Each directory is one submission; files named directly are grouped by directory, and each
    /// group is checked with its sibling submission files (a pre-commit hook passing the changed
    /// files checks whole submissions). Exit 1 when any error is found or a maturity gate
    /// (--min-level, --target) fails.
    ///
    /// Example: dgmat check submission/ --format sarif -o dgmat.sarif
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Assess every submission below ROOT and write summary.csv, summary.json, index.html and a
    /// JSON and HTML report per agency into DIR, with the national indicators on stderr.
    ///
    /// A submission is a directory holding questionnaire.yaml and/or inventory.yaml. Every
    /// submission is assessed against one rubric (--rubric, else vn-dgmm). An invalid submission
    /// becomes an `invalid` row with its located error; it never stops the batch.
    ///
    /// Example: dgmat batch submissions/ --out results/ --target dgp-2027
    ///
    /// Example: dgmat batch --inventory all-agencies.csv --group-by AGENCY --rubric R --out results/
    #[command(after_help = EXIT_CODES)]
    Batch(BatchArgs),
    /// Compare two assessments of an agency: level and index change per dimension and overall,
    /// criteria newly met and newly failing, gaps closed and opened.
    ///
    /// OLD and NEW are each a JSON report saved by `dgmat assess --format json`, or a submission
    /// (directory or files) that is assessed now with --rubric, --target and --lang as `assess`
    /// would. A warning (stderr and output) says when the two used different rubrics or rubric
    /// versions, agencies or targets.
    #[command(after_help = DIFF_HELP)]
    Diff(DiffArgs),
    /// Progress across batch rounds toward the rubric's dated targets.
    ///
    /// RESULTS are two or more output directories of `dgmat batch` (each holding its
    /// summary.json), ordered by their round's date. Reports, per target, the share reaching it in
    /// each round, the share required, the due date, a linear projection to the due date and
    /// whether it is on track; the transitions of overall levels between the last two rounds
    /// (agencies matched by id) with new and missing agencies; the agencies that went down a
    /// level and those below the target in every round; each dimension's shares per round.
    ///
    /// Example: dgmat progress results-2025/ results-2026/ -f html -o progress.html
    #[command(after_help = EXIT_CODES)]
    Progress(ProgressArgs),
    /// Compare an agency's self-assessment with an inspector's verification of it.
    ///
    /// SELF and INSPECTOR are two submissions (folders or questionnaire files) of one agency,
    /// against one rubric. The verified assessment takes the inspector's answer wherever the
    /// inspector answered and the agency's elsewhere (unverified), on the inspector's inventory
    /// if given, else the agency's. Reports both levels per dimension and overall, every
    /// criterion where the two differ with both answers, statuses, notes and evidence and
    /// whether the agency over- or under-claimed, and the agreement with Cohen's kappa.
    ///
    /// Example: dgmat reconcile submissions/moh/ inspections/moh/ -f html -o moh-verified.html
    #[command(after_help = RECONCILE_EXIT_CODES)]
    Reconcile(ReconcileArgs),
    /// Write the statistics of a batch round a ministry may publish: the share of agencies at
    /// or above each level, overall, per tier, per region and per dimension, as
    /// statistics.csv, statistics.json and a self-contained statistics.html.
    ///
    /// RESULTS is an output directory of `dgmat batch` (or its summary.json). A group of fewer
    /// than --min-group agencies is suppressed, and so are as many other groups of its kind as
    /// needed so that no suppressed figure can be worked out from the totals. No agency id or
    /// name is written.
    ///
    /// Example: dgmat publish results-2026/ --out public-2026/ --lang vi
    #[command(after_help = EXIT_CODES)]
    Publish(PublishArgs),
    /// Write a questionnaire template (every question of the rubric, guidance as comments) and
    /// an inventory template into DIR.
    ///
    /// With --csv, the inventory template is one `<collection>.csv` header row per collection
    /// instead (open them in a spreadsheet; save as CSV, or paste them as sheets of
    /// inventory.xlsx). With --xlsx, both are workbooks to fill in Excel or LibreOffice:
    /// questionnaire.xlsx (the agency block, then a sheet per dimension with the answers in
    /// dropdowns) and inventory.xlsx (a typed sheet per collection); --from fills them from an
    /// existing submission. Existing files are not overwritten unless --force is given.
    ///
    /// Example: dgmat init my-agency/ --lang vi
    ///
    /// Example: dgmat init my-agency/ --csv
    ///
    /// Example: dgmat init my-agency/ --xlsx --lang vi
    ///
    /// Example: dgmat init review/ --xlsx --from last-year/
    Init(InitArgs),
    /// List, show or lint rubrics.
    #[command(subcommand)]
    Rubric(RubricCommand),
    /// Print the JSON Schema (2020-12) of a file format, for editors and other tools.
    ///
    /// With --rubric, the questionnaire schema lists the rubric's questions with the answers
    /// each accepts (an editor then flags `GOV-4.1: maybe` and unknown ids), and the inventory
    /// schema its collections and fields. --write DIR writes every schema into DIR, under the
    /// names the files written by `dgmat init` point to.
    ///
    /// Example: dgmat schema questionnaire --rubric vn-dgmm > questionnaire.vn-dgmm.schema.json
    ///
    /// Example: dgmat schema --write schemas/ (beside the directories `dgmat init` wrote)
    Schema {
        /// Which format.
        #[arg(value_enum, required_unless_present = "write", conflicts_with = "write")]
        kind: Option<SchemaKind>,
        /// The rubric whose questions and inventory fields to use [default: vn-dgmm for the
        /// inventory; with --write, every shipped rubric].
        #[arg(long, short, value_name = "R")]
        rubric: Option<String>,
        /// Write the schemas of every format into DIR: rubric, questionnaire, report, diff,
        /// waivers and summary, and `questionnaire.<rubric>.schema.json` and
        /// `inventory.<rubric>.schema.json`.
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Print a shell completion script.
    ///
    /// Example: dgmat completions bash > /etc/bash_completion.d/dgmat
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), or write a page per subcommand into DIR.
    ///
    /// Example: dgmat man > dgmat.1 && man ./dgmat.1
    ///
    /// Example: dgmat man --dir /usr/local/share/man/man1 (dgmat.1, dgmat-assess.1, ...)
    Man {
        /// Write dgmat.1 and a page per subcommand (dgmat-assess.1, ...) into DIR.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Options of `dgmat assess`.
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Submission directory, or questionnaire and inventory files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Rubric file or shipped rubric id [default: the questionnaire's `rubric:`, else vn-dgmm].
    #[arg(long, short, value_name = "R")]
    pub rubric: Option<String>,
    /// Target: a target id of the rubric (e.g. dgp-2030) or a level 1-5
    /// [default: the rubric's default_target, else the next level].
    #[arg(long, short, value_name = "T")]
    pub target: Option<String>,
    /// Output format [default: table for assess, html for report].
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit with 1 when the overall level is below L (a CI gate).
    #[arg(long, value_name = "L", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub fail_below: Option<u8>,
    #[command(flatten)]
    pub waivers: WaiverArgs,
}

/// The waivers options of every command that assesses submissions.
#[derive(Debug, Args, Clone, Default)]
pub struct WaiverArgs {
    /// Apply the ministry-wide waivers of FILE (`kind: waivers`) to every submission, beside
    /// each submission's own waivers.yaml; an entry naming an `agency` applies to it alone.
    #[arg(long, value_name = "FILE", conflicts_with = "no_waivers")]
    pub waivers: Option<PathBuf>,
    /// Ignore every waiver (for an audit): criteria and rules are evaluated as if none had been
    /// granted, and the reports say so.
    #[arg(long)]
    pub no_waivers: bool,
}

const DIFF_HELP: &str = "\
Examples:
  dgmat assess agency/ --format json -o 2026.json   # keep this year's report
  dgmat diff 2025.json 2026.json                     # progress since last year
  dgmat diff 2025.json agency/                       # against today's answers
  dgmat diff 2025.json 2026.json --format markdown -o progress.md

Exit codes:
  0  compared (whatever the direction of change)
  2  could not run: a side is unreadable, not a dgmat JSON report, or an invalid submission";

/// Options of `dgmat diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier assessment: a JSON report or a submission.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,
    /// The later assessment: a JSON report or a submission.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,
    /// For submissions: rubric file or shipped rubric id [default: the questionnaire's `rubric:`].
    #[arg(long, short, value_name = "R")]
    pub rubric: Option<String>,
    /// For submissions: a target id of the rubric or a level 1-5 [default: the rubric's].
    #[arg(long, short, value_name = "T")]
    pub target: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Write the comparison to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when anything got worse: the overall or a dimension's level went down, or a
    /// criterion that was met no longer is (a CI gate on year-over-year progress).
    #[arg(long)]
    pub fail_on_regression: bool,
    #[command(flatten)]
    pub waivers: WaiverArgs,
}

const RECONCILE_EXIT_CODES: &str = "\
Exit codes:
  0  reconciled (whatever the disagreements)
  2  could not run: a side is unreadable or invalid, or the two name different agencies or
     answer different rubrics";

/// Options of `dgmat reconcile`.
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The agency's submission: a folder, or a questionnaire file.
    #[arg(value_name = "SELF")]
    pub own: PathBuf,
    /// The inspector's submission of the same agency: a folder, or a questionnaire file.
    #[arg(value_name = "INSPECTOR")]
    pub inspector: PathBuf,
    /// Rubric file or shipped rubric id, for both [default: the questionnaires' `rubric:`, else vn-dgmm].
    #[arg(long, short, value_name = "R")]
    pub rubric: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `dgmat progress`.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Batch output directories (or their summary.json files); with --db, the database's rounds
    /// are added to them. Two or more rounds in all.
    #[arg(value_name = "RESULTS", required_unless_present = "db")]
    pub results: Vec<PathBuf>,
    /// Read the rounds of this database (written by `dgmat batch --db FILE`).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Options of `dgmat publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// A batch output directory (holding summary.json), or the summary.json file.
    #[arg(value_name = "RESULTS")]
    pub results: PathBuf,
    /// Directory to write statistics.csv, statistics.json and statistics.html into (created if
    /// missing; not the RESULTS directory, which names agencies).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The least number of agencies a published group may have.
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_group: u64,
}

/// Output formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Text table and lists for a terminal.
    Table,
    /// Versioned JSON (`dgmat_diff: 1`).
    Json,
    /// Markdown, for an issue or a pull request.
    Markdown,
}

/// Options of `dgmat check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Submission directories or files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Rubric file or shipped rubric id [default: the questionnaire's `rubric:`, else vn-dgmm].
    #[arg(long, short, value_name = "R")]
    pub rubric: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Write the output to FILE (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also fail (exit 1) when a submission's overall level is below L.
    #[arg(long, value_name = "L", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub min_level: Option<u8>,
    /// Also fail when a submission does not reach this target (a target id or a level 1-5).
    #[arg(long, short, value_name = "T")]
    pub target: Option<String>,
    /// Treat warnings as errors.
    #[arg(long)]
    pub warnings_as_errors: bool,
    /// Worker threads [default: all cores]; the output is the same whatever the number.
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    #[command(flatten)]
    pub waivers: WaiverArgs,
}

/// Arguments of `dgmat init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Directory to write into (created if missing).
    pub dir: PathBuf,
    /// Rubric file or shipped rubric id [default: the --from submission's, else vn-dgmm].
    #[arg(long, short, value_name = "R")]
    pub rubric: Option<String>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Write `<collection>.csv` header templates instead of inventory.yaml.
    #[arg(long, conflicts_with = "xlsx")]
    pub csv: bool,
    /// Write questionnaire.xlsx and inventory.xlsx workbooks (dropdowns, typed cells) instead
    /// of YAML.
    #[arg(long)]
    pub xlsx: bool,
    /// Fill the workbooks from this submission (a directory or files: YAML, CSV or workbooks).
    #[arg(long, value_name = "SUBMISSION", requires = "xlsx")]
    pub from: Option<PathBuf>,
}

/// Options of `dgmat batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Directory to search for submissions.
    #[arg(value_name = "ROOT", required_unless_present = "inventory", conflicts_with = "inventory")]
    pub root: Option<PathBuf>,
    /// Instead of ROOT: one CSV inventory covering many agencies, split by --group-by into one
    /// inventory-only submission per agency (their questions are reported as unanswered).
    #[arg(long, value_name = "FILE", requires = "group_by")]
    pub inventory: Option<PathBuf>,
    /// The column of --inventory that names each row's agency (e.g. AGENCY_ACRONYM).
    #[arg(long, value_name = "COLUMN", requires = "inventory")]
    pub group_by: Option<String>,
    /// Output directory (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Rubric file or shipped rubric id, used for every submission [default: vn-dgmm].
    #[arg(long, short, value_name = "R")]
    pub rubric: Option<String>,
    /// Target: a target id of the rubric or a level 1-5 [default: the rubric's default_target].
    #[arg(long, short, value_name = "T")]
    pub target: Option<String>,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,
    /// Count a submission as failing when its overall level is below L (exit 1).
    #[arg(long, value_name = "L", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub fail_below: Option<u8>,
    /// The round's name, stamped on every summary [default: the --as-of date].
    #[arg(long, value_name = "NAME")]
    pub round: Option<String>,
    /// The round's date (YYYY-MM-DD): submissions without assessed_on are dated so, and one
    /// assessed more than the rubric's scoring.max_age_days before it is stale [default: today].
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<chrono::NaiveDate>,
    /// Also append the round to this SQLite database (created if missing); a round name
    /// already there is refused unless --replace-round.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// With --db: replace a round of the same name instead of refusing.
    #[arg(long, requires = "db")]
    pub replace_round: bool,
    /// Follow symbolic links that lead outside ROOT (by default they are not followed, and
    /// each is an invalid row saying so).
    #[arg(long)]
    pub follow_links: bool,
    /// Inspectors' submissions (found below DIR as below ROOT), each verifying the agency its
    /// questionnaire names: the summaries add the verified level and the over-claim, and the
    /// shares count verified agencies by their verified levels.
    #[arg(long, value_name = "DIR")]
    pub verified: Option<PathBuf>,
    #[command(flatten)]
    pub waivers: WaiverArgs,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Each finding with its source line and a caret, then a summary.
    Text,
    /// Versioned JSON.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// JUnit XML, for GitLab and Jenkins test reports.
    Junit,
    /// GitHub Actions workflow annotations.
    Github,
}

/// Report formats of `assess`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable table and gap list.
    Table,
    /// The versioned JSON report.
    Json,
    /// GitHub-flavoured Markdown, for a pull- or merge-request comment.
    Markdown,
    /// One self-contained HTML page with charts.
    Html,
}

/// The formats `dgmat schema` describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A rubric file.
    Rubric,
    /// A questionnaire file.
    Questionnaire,
    /// An inventory file, for the chosen rubric.
    Inventory,
    /// The JSON report of `assess --format json`.
    Report,
    /// The JSON comparison of `diff --format json`.
    Diff,
    /// A waivers file (`waivers.yaml`, or `--waivers FILE`).
    Waivers,
    /// The `summary.json` of `batch`.
    Summary,
}

/// `dgmat rubric ...`.
#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// List the rubrics built into dgmat.
    List,
    /// Print a rubric's YAML (a shipped id or a file).
    Show {
        /// Shipped rubric id or path.
        rubric: String,
        /// For an overlay (`extends:`), print the rubric merged onto its base instead of the
        /// overlay as written.
        #[arg(long)]
        resolved: bool,
    },
    /// Validate a rubric and report problems with file:line:col; exit 2 on errors.
    Lint {
        /// Shipped rubric id or path.
        rubric: String,
    },
    /// Render a rubric as Markdown: levels, targets, every criterion with its question or
    /// check, evidence, action and references, and the inventory fields.
    Doc {
        /// Shipped rubric id or path.
        rubric: String,
    },
}
