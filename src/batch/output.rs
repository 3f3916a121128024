//! Writing batch outputs safely: sanitised file names, atomic writes, spreadsheet-safe CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Names Windows reserves whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4",
    "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The longest file stem used for an agency.
const MAX_STEM: usize = 80;

/// A file stem for an agency id that is safe on every file system: only ASCII letters, digits,
/// `-` and `_`; no leading dot; not a reserved device name; at most 80 characters (a long id
/// keeps a hash of the whole so that two long ids stay distinct).
pub fn sanitize(id: &str) -> String {
    let mut stem: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        stem = "agency".into();
    }
    if stem.len() > MAX_STEM {
        let hash = crate::load::rubric::hex(&sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(
            id.as_bytes(),
        )))[..12]
            .to_string();
        stem = format!("{}-{hash}", &stem[..MAX_STEM - 13]);
    }
    if RESERVED.contains(&stem.to_ascii_lowercase().as_str()) {
        stem = format!("_{stem}");
    }
    stem
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so a
/// reader (or a run killed midway) never sees a partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_name(path);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The temporary name used while `path` is written.
pub fn temp_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Removes temporary files an interrupted earlier run left in `dir`.
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && (name.ends_with(".tmp") || name.contains(".pending.")) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// A CSV cell that a spreadsheet will not run as a formula: a cell starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return is prefixed with `'`.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_ids_become_safe_names() {
        assert_eq!(sanitize("../../etc/x"), "etc-x");
        assert_eq!(sanitize("CON"), "_CON");
        assert_eq!(sanitize("bộ-y-tế"), "b--y-t");
        assert_eq!(sanitize(""), "agency");
        let long = "a".repeat(10_000);
        let stem = sanitize(&long);
        assert_eq!(stem.len(), MAX_STEM);
        assert_ne!(stem, sanitize(&format!("{long}b")));
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(csv_cell("-1+2"), "'-1+2");
        assert_eq!(csv_cell("Ministry"), "Ministry");
    }
}
