//! Everything put into words or rendered: assessment reports, check findings, diff, batch
//! pages and summaries, rubric documents and templates. Each format renders a precomputed
//! result ([`ReportInput`], a `CheckReport`, a `Diff`, portfolio rows) and decides nothing.
//!
//! `phrase` and `i18n` are the only places results become sentences; `escape` the only place
//! input text is made inert. May import: `assess`, `model`, `finding`, `rule`, `location`,
//! `lang`, `source`, `diff`. Never `load`, `batch` or `commands`.

/// `eprintln!` through [`write_stderr`]: every line dgmat writes beside its output goes through
/// it, `crate::report::stderr!("note: {note}")`.
macro_rules! stderr {
    ($($arg:tt)*) => {
        $crate::report::write_stderr(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use stderr;

/// Writes `text` to stderr with control characters from inputs (folder names, agency ids,
/// messages) neutralised ([`escape::terminal`]), ignoring a closed stderr instead of panicking
/// (`dgmat ... 2>&1 | head`).
pub fn write_stderr(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr().lock().write_all(escape::terminal(text).as_bytes());
}

pub mod assessment;
pub mod batch;
pub mod catalog;
pub mod chart;
pub mod check;
pub mod diff;
pub mod escape;
pub mod i18n;
pub mod locale;
pub mod page;
pub mod phrase;
pub mod progress;
pub mod publish;
pub mod reconcile;
pub mod rubric;
pub mod rules_vi;
pub mod words;

use crate::assess::Assessment;
use crate::finding::Finding;
use crate::lang::Lang;
use crate::model::rubric::LoadedRubric;
use crate::model::submission::InputFile;

/// Everything a report shows about one assessed submission.
pub struct ReportInput<'a> {
    /// The rubric.
    pub rubric: &'a LoadedRubric,
    /// The result.
    pub assessment: &'a Assessment,
    /// The input files with their hashes.
    pub inputs: &'a [InputFile],
    /// Load warnings and assessment findings, sorted.
    pub findings: &'a [Finding],
    /// Language of rubric texts and headings (`en`, `vi`).
    pub lang: Lang,
}

/// A template helper that writes its one parameter through `f` (which must make it safe for
/// the template's format: the helper's output is not escaped again).
pub(crate) fn text_helper(f: fn(&str) -> String) -> Box<dyn handlebars::HelperDef + Send + Sync> {
    Box::new(
        move |h: &handlebars::Helper<'_>,
              _: &handlebars::Handlebars<'_>,
              _: &handlebars::Context,
              _: &mut handlebars::RenderContext<'_, '_>,
              out: &mut dyn handlebars::Output|
              -> handlebars::HelperResult {
            let text = h
                .param(0)
                .map(|p| p.value().as_str().map_or_else(|| p.value().to_string(), str::to_string))
                .unwrap_or_default();
            out.write(&f(&text))?;
            Ok(())
        },
    )
}

/// An index rounded down to two decimals, so that 2.999 never shows as the next level.
pub fn index2(x: f64) -> f64 {
    ((x * 100.0) + 1e-9).floor() / 100.0
}

/// Points without a trailing `.0` and at most 2 decimals.
pub fn fmt_points(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r}") }
}

/// The share `earned / possible` as a percentage rounded down to one decimal: `62.5%`.
pub fn fmt_share(earned: f64, possible: f64) -> String {
    let share = crate::assess::scoring::share(earned, possible);
    format!("{:.1}%", (share * 1000.0).floor() / 10.0)
}

/// An index for people: rounded down to two decimals, in `lang`'s way (`2,31`).
pub fn index_in(x: f64, lang: Lang) -> String {
    locale::decimal(index2(x), 2, lang)
}

/// [`fmt_points`] in `lang`'s way.
pub fn points_in(x: f64, lang: Lang) -> String {
    locale::comma(fmt_points(x), lang)
}

/// [`fmt_share`] in `lang`'s way.
pub fn share_in(earned: f64, possible: f64, lang: Lang) -> String {
    locale::comma(fmt_share(earned, possible), lang)
}
