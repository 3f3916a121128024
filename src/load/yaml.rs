//! Reading input files and parsing YAML with serde-saphyr.
//!
//! Guarantees: a file is read whole once, checked to be UTF-8 (a UTF-16 file or an invalid byte
//! is a located error, not garbage), and parsed with duplicate keys rejected and a budget sized
//! from the input, so that a legitimate 20 MB inventory parses while an alias bomb or a
//! 100,000-deep nesting fails in milliseconds. Every error becomes a [`Finding`] with a location.

use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde_saphyr::{DuplicateKeyPolicy, MessageFormatter, Options, UserMessageFormatter};

use crate::finding::{Finding, Rule, did_you_mean};
use crate::location::Location;
use crate::model::node::Node;

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

/// What `file_type` is, when it is not a regular file: a FIFO would block the read and a
/// device such as `/dev/zero` never ends, so only regular files are read.
pub fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The refusal of `name`, which is `kind` ([`special_kind`]).
pub fn not_regular(name: &str, kind: &str) -> Finding {
    let what = if kind == "not a regular file" {
        format!("{name} is not a regular file")
    } else {
        format!("{name} is {kind}, not a regular file")
    };
    Finding::error(Rule::Io, what, None).with_help("dgmat reads only regular files; give the path of the file itself")
}

fn too_large(name: &str, len: u64, cap: u64) -> Finding {
    Finding::error(
        Rule::FileTooLarge,
        format!("{name} is {} MB, over the {} MB limit", len >> 20, cap >> 20),
        None,
    )
    .with_help("raise the limit with --max-file-mb (or the environment variable DGMAT_MAX_FILE_MB)")
}

/// Opens `path` for reading without blocking: opening a FIFO that no one writes to would wait
/// forever, and one swapped in after the type was checked must not either.
fn open_nonblocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // On a regular file O_NONBLOCK changes nothing; on a FIFO it makes open return at once.
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads `path` whole, refusing anything but a regular file, and a file over the size cap
/// ([`super::limits`]) both by the size it reports and by the bytes actually read (a file in
/// `/proc` reports 0 bytes; a file may grow while it is read).
pub fn read_bytes(path: &Path, name: &str) -> Result<Vec<u8>, Finding> {
    let meta = std::fs::metadata(path).map_err(|e| io_finding(name, &e))?;
    if let Some(kind) = special_kind(meta.file_type()) {
        return Err(not_regular(name, kind));
    }
    let cap = super::limits::get().file_bytes;
    if meta.len() > cap {
        return Err(too_large(name, meta.len(), cap));
    }
    let file = open_nonblocking(path).map_err(|e| io_finding(name, &e))?;
    // The path may have been replaced between the check above and the open: check the handle.
    let meta = file.metadata().map_err(|e| io_finding(name, &e))?;
    if let Some(kind) = special_kind(meta.file_type()) {
        return Err(not_regular(name, kind));
    }
    read_capped(file, meta.len(), cap, name)
}

/// Reads `reader` to its end, stopping one byte past `cap`: what is refused is the bytes read,
/// not the size the file reported (`reported`, used only to size the buffer).
fn read_capped(reader: impl std::io::Read, reported: u64, cap: u64, name: &str) -> Result<Vec<u8>, Finding> {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(usize::try_from(reported.min(cap)).unwrap_or(0));
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_finding(name, &e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(name, bytes.len() as u64, cap));
    }
    Ok(bytes)
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

/// Parser options for an input of `len` bytes: duplicate keys are errors, and [`super::limits::yaml_budget`].
fn options(len: usize) -> Options {
    let mut options = Options::default();
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.budget = Some(super::limits::yaml_budget(len));
    options.with_snippet = false;
    options
}

/// Parses `text` (the file `name`) into `T` through serde.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Finding> {
    yaml_size_ok(name, text.len() as u64)?;
    serde_saphyr::from_str_with_options::<T>(text, options(text.len())).map_err(|e| to_finding(name, &e))
}

/// Parses `text` (the file `name`) into the generic node tree: the everyday part of YAML by the
/// fast reader ([`super::scan`]), the rest from the parser's events ([`super::events`]), and
/// whatever that path does not handle, an error included, by [`parse_serde`]; so results and
/// findings are the same as through serde.
pub fn parse_node(name: &str, text: &str) -> Result<Node, Finding> {
    yaml_size_ok(name, text.len() as u64)?;
    if let Ok(node) = super::scan::parse(text) {
        return Ok(node);
    }
    match super::events::parse(text) {
        Ok(node) => Ok(node),
        Err(super::events::GiveUp) => parse_serde(name, text),
    }
}

/// Parses `text` into the node tree through serde only: the reference [`parse_node`] is
/// compared against, and the benchmark's "serde path".
pub fn parse_serde(name: &str, text: &str) -> Result<Node, Finding> {
    parse::<Node>(name, text)
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

    /// An endless reader that fails once it has given `limit` bytes, so that reading past the
    /// cap shows up as an error rather than as memory running out.
    struct Endless {
        given: u64,
        limit: u64,
    }

    impl std::io::Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.given >= self.limit {
                return Err(std::io::Error::other("read far past the cap"));
            }
            buf.fill(b'a');
            self.given += buf.len() as u64;
            Ok(buf.len())
        }
    }

    #[test]
    fn reads_stop_at_the_cap_whatever_size_was_reported() {
        let reader = Endless { given: 0, limit: 1 << 20 };
        let err = read_capped(reader, 0, 4096, "systems.csv").unwrap_err();
        assert_eq!(err.rule, Rule::FileTooLarge, "{}", err.message);
        let ok = read_capped(&b"id\ns1\n"[..], 0, 6, "systems.csv").unwrap();
        assert_eq!(ok, b"id\ns1\n");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncđe", 6), (2, 3));
    }
}
