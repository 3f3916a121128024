//! The output directory of a batch: one run at a time, and a new output set that replaces the
//! previous one only when it is complete.
//!
//! Guarantees: a run holds `OUT/.dgmat.lock` (created exclusively, holding its pid and start
//! time) from before it writes anything until it ends; a second run on the same folder stops
//! at once naming the holder, and takes over only a lock whose process is gone. The new set
//! (`agencies/`, the summaries, `index.html`) is built in `OUT/.dgmat-staging-PID-N/`, on the
//! same file system, and swapped in by renames at the end; an output failure before the swap
//! leaves the previous set as it was, byte for byte.
//!
//! Durability: the files of the new set are written without a sync each, straight under their
//! names inside the staging folder, and the whole folder is synced once, just
//! before the swap ([`crate::write::sync_tree`]); the output folder is synced after it. This
//! keeps the rule that no reader, and no crash, ever meets a half-written file under a final
//! name: (1) before the swap, the new files exist only in the staging folder, which nobody
//! reads and the next run removes; (2) the swap's renames happen only after the sync has
//! returned, so every file they make visible is already whole on disk, the same ordering as a
//! sync per file followed by its rename, with the syncs batched; (3) a rename is atomic, so a
//! crash during the swap leaves each name on its old file or its new one, both complete. A
//! failed sync stops the run before the swap, with the previous set untouched.
//!
//! Clean-up removes only dgmat's own names:
//! staging folders and temporary files of runs that are no longer alive. Anything else in OUT
//! (and in `agencies/`) is left where it is.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use super::profile::{self, Phase};
use crate::failure::Failure;
use crate::write::pid_alive;

/// The lock file's name inside the output directory.
pub const LOCK: &str = ".dgmat.lock";
/// The prefix of staging folders inside the output directory.
const STAGING: &str = ".dgmat-staging-";
/// The files of an output set besides `agencies/`.
pub const SUMMARIES: [&str; 3] = ["summary.csv", "summary.json", "index.html"];

/// The lock a run holds on its output directory; released (the file removed) when dropped.
pub struct Lock {
    path: PathBuf,
    text: String,
}

impl Lock {
    /// Takes the lock on `out`, or fails naming the run that holds it. A lock left by a run
    /// that is no longer alive is taken over; the returned note says so.
    pub fn take(out: &Path) -> anyhow::Result<(Lock, Option<String>)> {
        let path = out.join(LOCK);
        let text = format!(
            "pid={}\nstarted={}\n",
            std::process::id(),
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ")
        );
        match create(&path, &text) {
            Ok(()) => return Ok((Lock { path, text }, None)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("cannot create the lock file {}", path.display())),
        }
        let held = std::fs::read_to_string(&path).unwrap_or_default();
        let (pid, started) = holder(&held);
        if pid.is_none_or(pid_alive) {
            return Err(busy(out, &path, pid, started).into());
        }
        // Taken over by a rename to a name of our own: of two runs that both found the lock
        // stale, only one moves it, and it checks that it moved the stale lock it read.
        let moved = path.with_file_name(format!("{LOCK}.stale-{}", std::process::id()));
        std::fs::rename(&path, &moved).with_context(|| format!("cannot take over the stale lock {}", path.display()))?;
        let got = std::fs::read_to_string(&moved).unwrap_or_default();
        if got != held {
            // Another run took it over first and this moved its fresh lock: put it back.
            let _ = std::fs::hard_link(&moved, &path);
            let _ = std::fs::remove_file(&moved);
            let (pid, started) = holder(&got);
            return Err(busy(out, &path, pid, started).into());
        }
        let _ = std::fs::remove_file(&moved);
        match create(&path, &text) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let now = std::fs::read_to_string(&path).unwrap_or_default();
                let (pid, started) = holder(&now);
                return Err(busy(out, &path, pid, started).into());
            }
            Err(e) => return Err(e).with_context(|| format!("cannot create the lock file {}", path.display())),
        }
        let note = format!(
            "took over the lock {} left by an earlier run (pid {}, started {}) that is no longer running",
            path.display(),
            pid.map_or_else(|| "?".into(), |p| p.to_string()),
            started.unwrap_or("?")
        );
        Ok((Lock { path, text }, Some(note)))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only our own lock: never one another run holds.
        if std::fs::read_to_string(&self.path).is_ok_and(|t| t == self.text) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Creates `path` holding `text`, failing if it exists.
fn create(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// The pid and start time a lock file's text names.
fn holder(text: &str) -> (Option<u32>, Option<&str>) {
    let field = |k: &str| text.lines().find_map(|l| l.strip_prefix(k)).map(str::trim);
    (field("pid=").and_then(|p| p.parse().ok()), field("started="))
}

/// The error of a run that finds its output directory taken.
fn busy(out: &Path, lock: &Path, pid: Option<u32>, started: Option<&str>) -> Failure {
    Failure::Usage(format!(
        "{} is in use by another dgmat batch (pid {}, started {}); wait for it to finish, or, if no dgmat is running, delete {}",
        out.display(),
        pid.map_or_else(|| "unknown".into(), |p| p.to_string()),
        started.unwrap_or("unknown"),
        lock.display()
    ))
}

/// A new output set being built inside the output directory.
pub struct Staging {
    /// The staging folder.
    pub dir: PathBuf,
    /// Its `agencies/`.
    pub agencies: PathBuf,
    /// False once swapped in.
    live: bool,
}

impl Staging {
    /// Removes staging folders and temporary files that dead runs left in `out`, then creates
    /// this run's staging folder.
    pub fn create(out: &Path) -> anyhow::Result<Staging> {
        if let Ok(entries) = std::fs::read_dir(out) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(pid) = staging_owner(&name)
                    && !pid_alive(pid)
                    && e.file_type().is_ok_and(|t| t.is_dir())
                {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        crate::write::remove_leftovers(out);
        crate::write::remove_leftovers(&out.join("agencies"));
        let dir = out.join(format!("{STAGING}{}-{}", std::process::id(), crate::write::next_number()));
        let agencies = dir.join("agencies");
        std::fs::create_dir_all(&agencies).with_context(|| format!("cannot create {}", agencies.display()))?;
        Ok(Staging { dir, agencies, live: true })
    }

    /// Swaps the complete set in `self` for the one in `out`: `agencies/` by two renames (the
    /// old folder moved aside, the new moved in), then each summary by one rename. Files in the
    /// old `agencies/` that are not dgmat's reports move into the new one.
    pub fn swap_into(mut self, out: &Path) -> anyhow::Result<()> {
        // Everything the renames below make visible must be on disk first (see the module
        // documentation).
        profile::time(Phase::Sync, || {
            crate::fault::io(format_args!("sync")).and_then(|()| crate::write::sync_tree(&self.dir))
        })
        .with_context(|| format!("cannot sync the new output set in {}", self.dir.display()))?;
        profile::time(Phase::Swap, || self.swap(out))
    }

    /// [`Self::swap_into`] once the new set is on disk.
    fn swap(&mut self, out: &Path) -> anyhow::Result<()> {
        let current = out.join("agencies");
        let old = self.dir.join("old-agencies");
        let had = current.is_dir();
        if had {
            std::fs::rename(&current, &old).with_context(|| format!("cannot replace {}", current.display()))?;
        }
        if let Err(e) = std::fs::rename(&self.agencies, &current) {
            if had {
                let _ = std::fs::rename(&old, &current);
            }
            return Err(e).with_context(|| format!("cannot replace {}", current.display()));
        }
        for name in SUMMARIES {
            let to = out.join(name);
            std::fs::rename(self.dir.join(name), &to).with_context(|| format!("cannot replace {}", to.display()))?;
        }
        if had && let Ok(entries) = std::fs::read_dir(&old) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if !is_report_name(&name) && !current.join(&name).exists() {
                    let _ = std::fs::rename(e.path(), current.join(&name));
                }
            }
        }
        self.live = false;
        remove_set(&self.dir);
        // The swap itself: the renames in `out` become durable.
        crate::write::sync_dir(out).with_context(|| format!("cannot sync {}", out.display()))?;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // A run that failed leaves nothing of its new set behind.
        if self.live {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Removes the staging folder `dir` once swapped: the previous set's reports (moved into
/// `old-agencies/`) are removed in parallel, on the batch's threads, then the rest. Removing a
/// round's thousands of files one by one is most of what replacing an output set costs.
fn remove_set(dir: &Path) {
    use rayon::prelude::*;
    if let Ok(entries) = std::fs::read_dir(dir.join("old-agencies")) {
        let files: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .collect();
        files.par_iter().with_min_len(64).for_each(|f| {
            let _ = std::fs::remove_file(f);
        });
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The pid in one of dgmat's staging folder names.
fn staging_owner(name: &str) -> Option<u32> {
    let (pid, n) = name.strip_prefix(STAGING)?.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok())?
}

/// Whether `name` is one dgmat gives an agency report (a sanitised stem, `.json` or `.html`),
/// or a pending report of an older dgmat.
fn is_report_name(name: &str) -> bool {
    let stem = name.strip_suffix(".json").or_else(|| name.strip_suffix(".html"));
    stem.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        || (name.starts_with('.') && name.contains(".pending."))
}
