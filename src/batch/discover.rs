//! Finding the submissions below a batch root, in a deterministic order.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// File names that make a directory a submission, besides `<collection>.csv` and `.xlsx`.
const MARKERS: [&str; 9] = [
    "questionnaire.yaml",
    "questionnaire.yml",
    "questionnaire.xlsx",
    "questionnaire.xlsm",
    "questionnaire.ods",
    "inventory.yaml",
    "inventory.yml",
    "inventory.xlsx",
    "inventory.ods",
];

/// The file names that make a directory a submission for a rubric with these collections.
pub fn markers<'a>(collections: impl Iterator<Item = &'a str>) -> Vec<String> {
    MARKERS
        .iter()
        .map(|m| m.to_string())
        .chain(collections.flat_map(|c| [format!("{c}.csv"), format!("{c}.xlsx")]))
        .collect()
}

/// A place the walk could not enter.
pub struct Problem {
    /// The folder (or link).
    pub path: PathBuf,
    /// Why.
    pub why: String,
    /// A symbolic-link loop, deliberately not followed (not a folder that failed to be read).
    pub is_loop: bool,
}

/// The submission directories below `root` (sorted by path) and the problems met on the way
/// (unreadable folders, symlink loops), which do not stop the walk. A submission directory
/// holds one of `markers`. `skip` (the output
/// directory) is never entered; neither are hidden directories such as `.git`.
pub fn submissions(root: &Path, skip: Option<&Path>, markers: &[String]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_skip = skip.as_ref().is_some_and(|s| e.path().canonicalize().is_ok_and(|p| &p == s));
            !(hidden || is_skip)
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() => match has_marker(e.path(), markers) {
                Ok(true) => found.push(e.into_path()),
                Ok(false) => {}
                // A folder whose files cannot even be looked up (a path too long, say) may be a
                // submission: it is reported, never silently left out.
                Err(why) => problems.push(Problem {
                    path: e.into_path(),
                    why,
                    is_loop: false,
                }),
            },
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                let is_loop = err.loop_ancestor().is_some();
                let why = if is_loop {
                    "symbolic link loop (it leads back to a folder above it), not followed".to_string()
                } else {
                    format!(
                        "could not be read: {}",
                        err.io_error().map_or_else(|| err.to_string(), ToString::to_string)
                    )
                };
                problems.push(Problem { path, why, is_loop });
            }
        }
    }
    (found, problems)
}

/// Whether `dir` holds one of `markers` as a file; an error saying why one could not be looked
/// up (anything but its absence).
pub fn has_marker(dir: &Path, markers: &[String]) -> Result<bool, String> {
    for m in markers {
        match std::fs::metadata(dir.join(m)) {
            Ok(meta) if meta.is_file() => return Ok(true),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("could not be read: cannot look for {m}: {e}")),
        }
    }
    Ok(false)
}

/// The bytes of a submission's files, to schedule the largest first.
pub fn size(dir: &Path, markers: &[String]) -> u64 {
    markers
        .iter()
        .filter_map(|m| std::fs::metadata(dir.join(m)).ok())
        .map(|m| m.len())
        .sum()
}
