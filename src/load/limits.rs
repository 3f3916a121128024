//! The caps every loader enforces, set once per process from the command line (or the
//! environment) and read wherever a file is opened.

use std::sync::OnceLock;

/// Sizes above which dgmat refuses an input instead of reading it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes (`--max-file-mb`, `DGMAT_MAX_FILE_MB`).
    pub file_bytes: u64,
    /// The largest YAML text parsed, in bytes (`--max-yaml-mb`, `DGMAT_MAX_YAML_MB`): YAML with
    /// a location for every value parses at about 35 MB/s and takes about 9 times its size in
    /// memory, so larger inventories belong in CSV or XLSX, which read many times faster.
    pub yaml_bytes: u64,
    /// The most a spreadsheet may decompress to, in bytes (`--max-unzipped-mb`,
    /// `DGMAT_MAX_UNZIPPED_MB`), checked against its zip directory before anything is inflated.
    pub unzipped_bytes: u64,
    /// The most rows one sheet or CSV file may hold (`--max-rows`, `DGMAT_MAX_ROWS`).
    pub rows: usize,
}

/// 256 MB files, 10 MB of YAML, 512 MB decompressed, a million rows.
pub const DEFAULT: Limits = Limits {
    file_bytes: 256 << 20,
    yaml_bytes: 10 << 20,
    unzipped_bytes: 512 << 20,
    rows: 1_000_000,
};

/// The longest identifier read (an agency id, a record's key), in characters: ids become file
/// names, table cells and database keys, so an 8 MB id would be copied into all of them.
pub const ID_CHARS: usize = 200;

/// The longest text value read (a name, a note, an evidence reference, a string field), in
/// characters: enough for any paragraph, and 40 agencies of it stay small in a batch index.
pub const TEXT_CHARS: usize = 10_000;

/// Characters of `s`, counting no further than `cap + 1`.
fn chars_up_to(s: &str, cap: usize) -> usize {
    s.chars().take(cap.saturating_add(1)).count()
}

/// Why `s` cannot be the identifier `what`: too long, or holding a control character (a NUL
/// or an escape sequence has no place in a name that becomes a file name or a table cell).
pub fn id_problem(what: &str, s: &str) -> Option<String> {
    if chars_up_to(s, ID_CHARS) > ID_CHARS {
        return Some(format!(
            "{what} is {} characters long, over the limit of {ID_CHARS}",
            s.chars().count()
        ));
    }
    s.chars()
        .find(|c| c.is_control())
        .map(|c| format!("{what} contains the control character U+{:04X}", u32::from(c)))
}

/// Why `s` cannot be the text `what`: longer than [`TEXT_CHARS`].
pub fn text_problem(what: &str, s: &str) -> Option<String> {
    (chars_up_to(s, TEXT_CHARS) > TEXT_CHARS)
        .then(|| format!("{what} is {} characters long, over the limit of {TEXT_CHARS}", s.chars().count()))
}

static LIMITS: OnceLock<Limits> = OnceLock::new();

/// Sets the caps for this process; the first call wins (the command line sets them at start).
pub fn set(limits: Limits) {
    let _ = LIMITS.set(limits);
}

/// The caps in force: those set, else the environment's, else [`DEFAULT`].
pub fn get() -> Limits {
    *LIMITS.get_or_init(|| from_env(|k| std::env::var(k).ok()))
}

/// Reads the `DGMAT_MAX_*` variables through `var`; unset or unparsable ones keep the default.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Limits {
    let num = |k: &str| var(k).and_then(|v| v.trim().parse::<u64>().ok());
    Limits {
        file_bytes: num("DGMAT_MAX_FILE_MB").map_or(DEFAULT.file_bytes, |mb| mb.saturating_mul(1 << 20)),
        yaml_bytes: num("DGMAT_MAX_YAML_MB").map_or(DEFAULT.yaml_bytes, |mb| mb.saturating_mul(1 << 20)),
        unzipped_bytes: num("DGMAT_MAX_UNZIPPED_MB").map_or(DEFAULT.unzipped_bytes, |mb| mb.saturating_mul(1 << 20)),
        rows: num("DGMAT_MAX_ROWS").map_or(DEFAULT.rows, |n| usize::try_from(n).unwrap_or(usize::MAX)),
    }
}

/// The budget for an input of `len` bytes: the node and event budgets grow with the input
/// (serde-saphyr's defaults reject a 4 MB inventory) while the depth and alias limits stay at
/// their defaults, which is what stops bombs.
pub(crate) fn yaml_budget(len: usize) -> serde_saphyr::Budget {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = budget.max_nodes.max(len);
    budget.max_events = budget.max_events.max(len.saturating_mul(2));
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(len.saturating_mul(2));
    budget
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_each_cap_and_ignores_garbage() {
        let l = from_env(|k| match k {
            "DGMAT_MAX_FILE_MB" => Some("3".into()),
            "DGMAT_MAX_ROWS" => Some("ten".into()),
            _ => None,
        });
        assert_eq!(l.file_bytes, 3 << 20);
        assert_eq!(l.rows, DEFAULT.rows);
        assert_eq!(l.unzipped_bytes, DEFAULT.unzipped_bytes);
    }
}
