//! Reading input files and parsing YAML with serde-saphyr.
//!
//! Guarantees: a file is read whole once, checked to be UTF-8 (a UTF-16 file or an invalid byte
//! is a located error, not garbage), and parsed with duplicate keys rejected and a budget sized
//! from the input, so that a legitimate 20 MB inventory parses while an alias bomb or a
//! 100,000-deep nesting fails in milliseconds. Every error becomes a [`Finding`] with a location.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_saphyr::{Budget, DuplicateKeyPolicy, MessageFormatter, Options, UserMessageFormatter};

use crate::finding::{Finding, Rule, did_you_mean};
use crate::location::Location;

/// Refuses YAML of `len` bytes over the YAML cap ([`super::limits`]).
fn yaml_size_ok(name: &str, len: u64) -> Result<(), Finding> {
    let cap = super::limits::get().yaml_bytes;
    if len <= cap {
        return Ok(());
    }
    Err(Finding::error(
        Rule::FileTooLarge,
        format!(
            "{name} is {:.1} MB of YAML, over the {} MB limit for YAML",
            len as f64 / 1_048_576.0,
            cap >> 20
        ),
        None,
    )
    .with_help("give large inventories as <collection>.csv or inventory.xlsx, or raise the limit with --max-yaml-mb"))
}

/// Refuses the YAML file at `path` if it is over the YAML cap, before reading it.
pub fn check_size(path: &Path, name: &str) -> Result<(), Finding> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => yaml_size_ok(name, meta.len()),
        _ => Ok(()), // reading it reports the problem
    }
}

/// Reads `path` whole, refusing a directory or a file over the size cap ([`super::limits`]).
pub fn read_bytes(path: &Path, name: &str) -> Result<Vec<u8>, Finding> {
    let meta = std::fs::metadata(path).map_err(|e| io_finding(name, &e))?;
    if meta.is_dir() {
        return Err(Finding::error(Rule::Io, format!("{name} is a directory, not a file"), None));
    }
    let cap = super::limits::get().file_bytes;
    if meta.len() > cap {
        return Err(Finding::error(
            Rule::FileTooLarge,
            format!("{name} is {} MB, over the {} MB limit", meta.len() >> 20, cap >> 20),
            None,
        )
        .with_help("raise the limit with --max-file-mb (or the environment variable DGMAT_MAX_FILE_MB)"));
    }
    std::fs::read(path).map_err(|e| io_finding(name, &e))
}

/// Reads `path` as UTF-8 text; `name` is how findings will refer to the file.
pub fn read_text(path: &Path, name: &str) -> Result<Arc<str>, Finding> {
    let at = |line, column| Some(Location::file(name, line, column));
    let bytes = read_bytes(path, name)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Finding::error(Rule::Encoding, format!("{name} is encoded as UTF-16"), at(1, 1)).with_help("save the file as UTF-8"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by definition of valid_up_to.
            let good = std::str::from_utf8(good).unwrap_or_default();
            let (line, column) = line_col(good, good.len());
            return Err(Finding::error(
                Rule::Encoding,
                format!("{name} is not valid UTF-8 (invalid byte at offset {})", e.valid_up_to()),
                at(line, column),
            )
            .with_help("save the file as UTF-8"));
        }
    };
    if let Some(offset) = text.find('\0') {
        let (line, column) = line_col(text, offset);
        return Err(
            Finding::error(Rule::Encoding, format!("{name} contains a NUL byte"), at(line, column))
                .with_help("the file looks binary; dgmat reads YAML, CSV and XLSX"),
        );
    }
    Ok(Arc::from(text))
}

fn io_finding(name: &str, e: &std::io::Error) -> Finding {
    let help = match e.kind() {
        std::io::ErrorKind::NotFound => "check the path",
        std::io::ErrorKind::PermissionDenied => "check the file's permissions",
        _ => "check that the file is readable",
    };
    Finding::error(Rule::Io, format!("cannot read {name}: {e}"), None).with_help(help)
}

/// The 1-based line and character column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (u32::try_from(line).unwrap_or(u32::MAX), u32::try_from(column).unwrap_or(u32::MAX))
}

/// Parser options for an input of `len` bytes: duplicate keys are errors; the node and event
/// budgets grow with the input (serde-saphyr's defaults reject a 4 MB inventory) while the
/// depth and alias limits stay at their defaults, which is what stops bombs.
fn options(len: usize) -> Options {
    let mut budget = Budget::default();
    budget.max_nodes = budget.max_nodes.max(len);
    budget.max_events = budget.max_events.max(len.saturating_mul(2));
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(len.saturating_mul(2));
    let mut options = Options::default();
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.budget = Some(budget);
    options.with_snippet = false;
    options
}

/// Parses `text` (the file `name`) into `T`.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Finding> {
    yaml_size_ok(name, text.len() as u64)?;
    serde_saphyr::from_str_with_options::<T>(text, options(text.len())).map_err(|e| to_finding(name, &e))
}

/// Turns a serde-saphyr error into a located finding with a rule id and, where it helps, a hint.
fn to_finding(name: &str, e: &serde_saphyr::Error) -> Finding {
    let message = UserMessageFormatter.format_message(e).into_owned();
    let location = e.location().filter(|l| l.line() > 0).map(|l| {
        Location::file(
            name,
            u32::try_from(l.line()).unwrap_or(u32::MAX),
            u32::try_from(l.column()).unwrap_or(u32::MAX),
        )
    });
    let (rule, help) = classify(&message);
    let mut finding = Finding::error(rule, tidy(&message), location);
    if let Some(help) = help {
        finding = finding.with_help(help);
    }
    finding
}

/// Picks a rule id for a parser message and a hint where one is useful.
fn classify(message: &str) -> (Rule, Option<String>) {
    if let Some((word, expected)) = unknown_and_expected(message, "unknown field `") {
        let help = match did_you_mean(&word, expected.iter().map(String::as_str)) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("allowed keys here: {}", expected.join(", ")),
        };
        return (Rule::UnknownKey, Some(help));
    }
    if let Some((word, expected)) = unknown_and_expected(message, "unknown variant `") {
        let help = match did_you_mean(&word, expected.iter().map(String::as_str)) {
            Some(close) => format!("did you mean `{close}`? allowed: {}", expected.join(", ")),
            None => format!("allowed values: {}", expected.join(", ")),
        };
        return (Rule::InvalidValue, Some(help));
    }
    if message.contains("duplicate mapping key") {
        return (Rule::DuplicateKey, Some("remove or rename one of the two keys".into()));
    }
    if message.starts_with("missing field") {
        return (Rule::MissingKey, Some("add the key; see `dgmat schema` for the format".into()));
    }
    if message.contains("budget")
        || message.contains("limits breached")
        || message.contains("too large")
        || message.contains("recursion")
        || message.contains("nesting")
    {
        return (
            Rule::YamlLimit,
            Some("the document is too deeply nested or expands too many aliases; dgmat refuses it to stay safe".into()),
        );
    }
    if message.contains("is not a finite number") {
        return (
            Rule::InvalidValue,
            Some("write a finite number such as 3 or 0.5 (NaN, infinity and numbers beyond ±1.8e308 are refused)".into()),
        );
    }
    if message.starts_with("invalid") || message.contains("expected") {
        return (Rule::InvalidValue, None);
    }
    (Rule::YamlSyntax, None)
}

/// Splits "unknown field `x`, expected one of `a`, `b`" into ("x", ["a", "b"]).
fn unknown_and_expected(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = message.split_once(prefix)?.1;
    let (word, rest) = rest.split_once('`')?;
    let expected = rest
        .split_once("expected one of ")
        .or_else(|| rest.split_once("expected "))
        .map(|(_, list)| {
            list.split(',')
                .map(|s| s.trim().trim_matches('`').to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some((word.to_string(), expected))
}

/// Drops the location suffix some parser messages carry; the finding has its own location.
fn tidy(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains("column") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_gets_a_close_match() {
        let (rule, help) = classify("unknown field `securty_level`, expected one of id, security_level");
        assert_eq!(rule, Rule::UnknownKey);
        assert_eq!(help.as_deref(), Some("did you mean `security_level`?"));
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncđe", 6), (2, 3));
    }
}
