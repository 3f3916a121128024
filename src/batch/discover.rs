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
/// (unreadable folders, symlink loops, links leaving ROOT), which do not stop the walk. A
/// submission directory holds one of `markers`. `skip` (the output directory) is never
/// entered; neither are hidden directories such as `.git`. Unless `follow_links`, a symbolic
/// link whose target lies outside ROOT is not followed: a link to a folder is a problem of its
/// own, and a submission holding a link to a file outside is a problem instead of a submission
/// (its files are not read), so nothing from outside ROOT is published and nothing vanishes.
pub fn submissions(root: &Path, skip: Option<&Path>, markers: &[String], follow_links: bool) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let skip = skip.and_then(|s| s.canonicalize().ok());
    let real_root = if follow_links { None } else { root.canonicalize().ok() };
    // Links leaving ROOT: (the link, its target, whether the target is a folder).
    let outside = std::cell::RefCell::new(Vec::new());
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0
                && e.path_is_symlink()
                && let Some(real_root) = &real_root
                && let Ok(target) = e.path().canonicalize()
                && !target.starts_with(real_root)
            {
                outside.borrow_mut().push((e.path().to_path_buf(), target, e.file_type().is_dir()));
                return false;
            }
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
    for (link, target, is_dir) in outside.into_inner() {
        if is_dir {
            problems.push(Problem {
                path: link,
                why: format!(
                    "not followed: a symbolic link to {}, outside ROOT (--follow-links to follow it)",
                    target.display()
                ),
                is_loop: false,
            });
        } else if let Some(dir) = link.parent()
            && let Some(i) = found.iter().position(|d| d == dir)
        {
            let name = link.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            problems.push(Problem {
                path: found.remove(i),
                why: format!(
                    "not assessed: {name} is a symbolic link to {}, outside ROOT (--follow-links to read it)",
                    target.display()
                ),
                is_loop: false,
            });
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
