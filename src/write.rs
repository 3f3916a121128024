//! The one way dgmat writes a file: to a temporary name beside it, synced, then renamed over
//! the target, so that a reader or a run killed midway never sees a half-written file.
//! Temporary names carry the run's pid and a counter (`.NAME.dgmat-PID-N.tmp`), so two runs
//! never share one, and clean-up removes only names of that pattern left by a run that is no
//! longer alive. Replacing an existing file keeps its permissions (and its owner where the
//! system allows). Imports nothing of dgmat.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Numbers the temporary names of this run.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `bytes` to `path` through a temporary file in the same directory, synced, and a rename, so a
/// reader (or a run killed midway) never sees a partial file. An existing file at `path`
/// keeps its permissions and, where allowed, its owner.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_name(path);
    let existing = std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file);
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        // Before any byte is written: a 0600 report must never be readable by others, not
        // even as its temporary file.
        if let Some(old) = &existing {
            keep_owner(&f, old);
            f.set_permissions(old.permissions())?;
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes `bytes` to the new file `path` (which must not exist) inside a staging folder: no
/// temporary name, no rename and no sync. Only for a folder that nobody reads until
/// [`sync_tree`] has made all of it durable and it is swapped in whole (see
/// [`crate::batch::outset`]); a file left half-written by a failure or a kill goes with its
/// staging folder. A batch writes thousands of reports: one sync for all of them instead of
/// one per file, and one name per file instead of three, is most of what its output costs the
/// kernel.
pub fn write_unsynced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    let result = f.write_all(bytes);
    if result.is_err() {
        let _ = std::fs::remove_file(path);
    }
    result
}

/// Makes everything written below `dir` durable: its files' data and the entries of its
/// folders. On Linux one `syncfs` of `dir`'s file system does it (and reports a write-back
/// error of any file since the folder was opened, from Linux 5.8); elsewhere each file and then
/// each folder is synced, deepest first.
pub fn sync_tree(dir: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let f = std::fs::File::open(dir)?;
        rustix::fs::syncfs(&f)?;
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        sync_each(dir)
    }
}

/// Syncs every file below `dir`, then each folder after its contents.
#[cfg(not(target_os = "linux"))]
fn sync_each(dir: &Path) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_type()?.is_dir() {
            sync_each(&e.path())?;
        } else {
            std::fs::File::open(e.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
}

/// Makes the entries of the folder `dir` durable (renames into or out of it), where the system
/// can sync a folder; elsewhere a rename is durable once the system says it is.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Writes a set of files that belong together: each is first written whole under a temporary
/// name beside its target, and only when all are written are they renamed into place, so a
/// failure (a full disk, say) replaces none of the previous set. On failure the temporary files
/// are removed and the error names the file.
pub fn write_set(files: &[(PathBuf, Vec<u8>)]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut written: Vec<(PathBuf, &Path)> = Vec::new();
    let clean = |written: &[(PathBuf, &Path)]| {
        for (tmp, _) in written {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for (path, bytes) in files {
        let tmp = temp_name(path);
        if let Err(e) = write_atomic(&tmp, bytes) {
            clean(&written);
            return Err((path.clone(), e));
        }
        written.push((tmp, path));
    }
    for (i, (tmp, path)) in written.iter().enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            clean(&written[i..]);
            return Err((path.to_path_buf(), e));
        }
    }
    Ok(())
}

/// Gives `f` the owner and group of `old` where the system allows it (as root; otherwise
/// the group at most), silently leaving them otherwise.
#[cfg(unix)]
fn keep_owner(f: &std::fs::File, old: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt as _;
    let _ = std::os::unix::fs::fchown(f, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_f: &std::fs::File, _old: &std::fs::Metadata) {}

/// A name unique to this run and this call, in `path`'s directory, for writing `path`.
pub fn temp_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = next_number();
    path.with_file_name(format!(".{name}.dgmat-{}-{n}.tmp", std::process::id()))
}

/// A number not used before by this run, for names that must be unique to it.
pub fn next_number() -> u64 {
    COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// The pid in one of dgmat's own temporary names (`.NAME.dgmat-PID-N.tmp`), or `None` for any
/// other name: a user's `.draft.tmp` is not dgmat's.
pub fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once(".dgmat-")?;
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok())?
}

/// Whether the process `pid` is alive. Only Linux can tell (`/proc`); elsewhere every pid
/// counts as alive, so nothing of a possibly running process is ever taken.
pub fn pid_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Removes from `dir` the temporary files of dgmat runs that are no longer alive, and nothing
/// else.
pub fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(pid) = temp_owner(&name)
            && !pid_alive(pid)
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dgmat_temporary_names_are_dgmat_s() {
        let ours = temp_name(Path::new("out/summary.csv"));
        let name = ours.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(temp_owner(&name), Some(std::process::id()));
        assert_ne!(ours, temp_name(Path::new("out/summary.csv")), "unique per call");
        for theirs in [
            ".draft.tmp",
            ".summary.csv.123.tmp",
            "x.dgmat-1-2.tmp",
            ".a.dgmat-1-.tmp",
            ".a.dgmat-x-1.tmp",
        ] {
            assert_eq!(temp_owner(theirs), None, "{theirs}");
        }
    }

    #[test]
    fn a_staging_write_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_unsynced(&path, b"first").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        let again = write_unsynced(&path, b"second").unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first", "the file it refused is left whole");
    }
}
