//! The batch output directory: one run at a time (a lock naming its holder), clean-up of
//! dgmat's own leftovers only, and output failures that stop the run (exit 2, naming the path)
//! with the previous output set left byte for byte as it was.

use std::path::Path;
use std::time::{Duration, Instant};

use super::batch::tree;
use super::{dgmat, stderr};

/// `dgmat batch` of `root` into `out`, dated so that the examples are current.
fn batch(root: &Path, out: &Path) -> assert_cmd::Command {
    let mut cmd = dgmat();
    cmd.args(["batch", "-q", "--as-of", "2026-12-01"]).arg(root).arg("--out").arg(out);
    cmd
}

/// Whether permissions stop this process (not when it runs as root).
#[cfg(unix)]
fn permissions_enforced(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o555)).unwrap();
    let enforced = std::fs::write(probe.join("x"), b"x").is_err();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir_all(&probe).unwrap();
    enforced
}

#[test]
fn a_run_on_a_locked_output_folder_stops_at_once_naming_the_holder() {
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    // A live process holds the lock: this test's own.
    let lock = out.path().join(".dgmat.lock");
    let held = format!("pid={}\nstarted=2026-05-01T08:00:00Z\n", std::process::id());
    std::fs::write(&lock, &held).unwrap();
    let started = Instant::now();
    let o = batch(root.path(), out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("in use by another dgmat batch")
            && err.contains(&format!("pid {}", std::process::id()))
            && err.contains("started 2026-05-01T08:00:00Z"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "it fails at once");
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), held, "the holder's lock is left alone");
    assert_eq!(tree(out.path()).len(), 1, "nothing was written beside the lock");
}

#[test]
fn two_batches_at_once_on_one_output_folder_the_second_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    super::crash::many_ministries(&root, 40);
    let out = dir.path().join("out");
    let mut first = std::process::Command::new(assert_cmd::cargo::cargo_bin!("dgmat"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["batch", "-q", "--as-of", "2026-12-01", "-j", "1"])
        .arg(&root)
        .arg("--out")
        .arg(&out)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !out.join(".dgmat.lock").exists() && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(2));
    }
    let second = batch(&root, &out).output().unwrap();
    let running = first.try_wait().unwrap().is_none();
    assert!(first.wait().unwrap().success());
    assert!(running, "the first run was still running when the second started");
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert!(
        stderr(&second).contains(&format!("pid {}", first.id())),
        "names the holder: {}",
        stderr(&second)
    );
    // The first run's output is whole and its own: 40 reports, and the lock is gone.
    let files = tree(&out);
    assert_eq!(files.iter().filter(|(p, _)| p.ends_with(".json")).count(), 41, "{:?}", files.len());
    assert!(files.iter().all(|(p, _)| !p.starts_with('.')), "no lock or staging left");
}

#[test]
fn a_stale_lock_is_taken_over_and_said_so() {
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    std::fs::write(
        out.path().join(".dgmat.lock"),
        format!("pid={}\nstarted=2026-05-01T08:00:00Z\n", gone.id()),
    )
    .unwrap();
    let o = batch(root.path(), out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("took over the lock") && stderr(&o).contains(&format!("pid {}", gone.id())),
        "{}",
        stderr(&o)
    );
    assert!(!out.path().join(".dgmat.lock").exists(), "released at the end");
    assert!(out.path().join("summary.csv").is_file());
}

#[test]
fn clean_up_removes_only_dgmat_s_own_leftovers() {
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    std::fs::create_dir(out.path().join("agencies")).unwrap();
    for (path, text) in [
        (".draft.tmp", "the user's draft"),
        ("agencies/.draft.tmp", "another draft"),
        ("agencies/notes.txt", "the user's notes"),
        ("notes.md", "notes"),
    ] {
        std::fs::write(out.path().join(path), text).unwrap();
    }
    // What a killed run of dgmat left: a temporary file of a process that is gone.
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let leftover = out.path().join(format!(".summary.csv.dgmat-{}-3.tmp", gone.id()));
    std::fs::write(&leftover, "half").unwrap();
    let o = batch(root.path(), out.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(out.path().join(".draft.tmp")).unwrap(), "the user's draft");
    assert_eq!(
        std::fs::read_to_string(out.path().join("agencies/.draft.tmp")).unwrap(),
        "another draft"
    );
    assert_eq!(
        std::fs::read_to_string(out.path().join("agencies/notes.txt")).unwrap(),
        "the user's notes"
    );
    assert_eq!(std::fs::read_to_string(out.path().join("notes.md")).unwrap(), "notes");
    assert!(!leftover.exists(), "dgmat's own leftover is cleared");
}

#[test]
fn a_report_that_cannot_be_written_stops_the_run_and_keeps_the_previous_set() {
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    assert_eq!(batch(root.path(), out.path()).output().unwrap().status.code(), Some(0));
    let before = tree(out.path());
    // A failure while writing one agency's report, then one while writing the summaries: the
    // disk filling up, injected (debug builds) because as root no permission stops a write.
    for (point, path) in [("write:mont", "agencies/.0.pending.json"), ("write:summary.json", "summary.json")] {
        let o = batch(root.path(), out.path()).env("DGMAT_FAULT_INJECT", point).output().unwrap();
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{point}: an output failure is exit 2: {err}");
        assert!(
            err.contains("error: cannot write ") && err.contains("No space left on device"),
            "{point}: {err}"
        );
        let named = err.lines().find(|l| l.starts_with("error:")).unwrap();
        assert!(named.contains(out.path().to_str().unwrap()), "{point}: names the path: {err}");
        assert!(
            named.contains(path.rsplit('/').next().unwrap().trim_start_matches(".0")),
            "{point}: {err}"
        );
        assert!(!err.contains("invalid:"), "no agency is blamed: {err}");
        assert!(tree(out.path()) == before, "{point}: the previous output set is untouched");
    }
}

/// The new set's files are synced once, before the swap: when that sync fails, nothing of the
/// new set has become visible and the run stops with the previous set as it was.
#[test]
fn a_failed_sync_before_the_swap_keeps_the_previous_set() {
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    assert_eq!(batch(root.path(), out.path()).output().unwrap().status.code(), Some(0));
    let before = tree(out.path());
    let o = batch(root.path(), out.path()).env("DGMAT_FAULT_INJECT", "sync").output().unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("cannot sync the new output set") && err.contains("No space left on device"),
        "{err}"
    );
    assert!(tree(out.path()) == before, "the previous output set is untouched");
}

#[cfg(unix)]
#[test]
fn a_read_only_agencies_folder_stops_the_run_and_keeps_the_previous_set() {
    use std::os::unix::fs::PermissionsExt as _;
    let root = super::vn_examples();
    let out = tempfile::tempdir().unwrap();
    assert_eq!(batch(root.path(), out.path()).output().unwrap().status.code(), Some(0));
    let before = tree(out.path());
    if !permissions_enforced(out.path()) {
        eprintln!("note: running as root, a read-only folder cannot stop a write; see the injected failures");
        return;
    }
    let agencies = out.path().join("agencies");
    std::fs::set_permissions(&agencies, std::fs::Permissions::from_mode(0o555)).unwrap();
    let o = batch(root.path(), out.path()).output().unwrap();
    std::fs::set_permissions(&agencies, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains(agencies.to_str().unwrap()), "{}", stderr(&o));
    assert!(tree(out.path()) == before, "the previous output set is untouched");
}

#[test]
fn an_output_folder_that_cannot_be_created_is_exit_2_naming_it() {
    let root = super::vn_examples();
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the output folder's parent should be: stops even root.
    let file = dir.path().join("report.txt");
    std::fs::write(&file, "mine").unwrap();
    let o = batch(root.path(), &file.join("results")).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("cannot create the output directory {}", file.join("results").display())),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    // `agencies` as a file of the user's: refused, not replaced.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("agencies"), "not a folder").unwrap();
    let o = batch(root.path(), &out).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("agencies is not a folder"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(out.join("agencies")).unwrap(), "not a folder");
}

#[test]
fn a_second_run_replaces_the_whole_set_and_leaves_nothing_of_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    super::crash::many_ministries(&root, 70);
    let out = dir.path().join("out");
    assert_eq!(batch(&root, &out).arg("-j2").output().unwrap().status.code(), Some(0));
    // A note of the inspector's own in agencies/ survives the swap.
    std::fs::write(out.join("agencies").join("NOTES.txt"), "kept").unwrap();
    for i in 10..70 {
        std::fs::remove_dir_all(root.join(format!("m{i:03}"))).unwrap();
    }
    let second = batch(&root, &out).arg("-j2").output().unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let files = tree(&out);
    let reports = |ext: &str| files.iter().filter(|(p, _)| p.starts_with("agencies/") && p.ends_with(ext)).count();
    assert_eq!((reports(".json"), reports(".html")), (10, 10), "only the second run's reports");
    assert!(files.iter().any(|(p, b)| p == "agencies/NOTES.txt" && b == b"kept"));
    let hidden: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(hidden.is_empty(), "no staging folder, lock or old set left: {hidden:?}");
}
