//! Crash and panic safety: a panic is an internal error (exit 2) or, in a batch, that
//! submission's invalid row; a batch killed with SIGKILL leaves no broken output, and a rerun
//! produces the same bytes as an uninterrupted run. Panics are injected through
//! `DGMAT_FAULT_INJECT`, a hook compiled into debug builds only (`src/fault.rs`).

use std::path::Path;
use std::time::{Duration, Instant};

use super::batch::tree;
use super::{dgmat, stderr};

#[test]
fn a_panic_is_a_short_internal_error_with_exit_2() {
    let out = dgmat()
        .args(["assess", "examples/ministry"])
        .env("DGMAT_FAULT_INJECT", "run")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("error: internal error in dgmat at "), "{err}");
    assert!(err.contains("please report this as a bug"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_panic_in_one_batch_submission_is_its_invalid_row() {
    let dir = tempfile::tempdir().unwrap();
    let root = super::vn_examples();
    let out = dgmat()
        .args(["batch", "--as-of", "2026-12-01"])
        .arg(root.path())
        .arg("--out")
        .arg(dir.path())
        .env("DGMAT_FAULT_INJECT", "assess:mont")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "an invalid row fails the batch: {}", stderr(&out));
    let csv = std::fs::read_to_string(dir.path().join("summary.csv")).unwrap();
    let ministry = csv.lines().find(|l| l.starts_with("ministry,")).unwrap();
    assert!(ministry.starts_with("ministry,mont,"), "the row still names the agency: {csv}");
    assert!(
        ministry.contains(",invalid,") && ministry.contains("internal error while assessing"),
        "{csv}"
    );
    assert_eq!(
        csv.lines().filter(|l| l.contains(",ok,")).count(),
        2,
        "the others are assessed: {csv}"
    );
}

/// `n` copies of the ministry example under `root`, each with its own agency id.
pub(crate) fn many_ministries(root: &Path, n: usize) {
    let q = std::fs::read_to_string("examples/ministry/questionnaire.yaml").unwrap();
    let inv = std::fs::read_to_string("examples/ministry/inventory.yaml").unwrap();
    for i in 0..n {
        let dir = root.join(format!("m{i:03}"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("questionnaire.yaml"),
            q.replace("agency: {id: mont,", &format!("agency: {{id: m{i:03},")),
        )
        .unwrap();
        std::fs::write(dir.join("inventory.yaml"), inv.replace("agency: mont", &format!("agency: m{i:03}"))).unwrap();
    }
}

fn batch(root: &Path, out: &Path, jobs: &str) -> assert_cmd::Command {
    let mut cmd = dgmat();
    cmd.args(["batch", "-q", "--as-of", "2026-12-01", "-j", jobs])
        .arg(root)
        .arg("--out")
        .arg(out);
    cmd
}

#[test]
fn a_batch_killed_mid_run_leaves_no_broken_output_and_a_rerun_matches() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    many_ministries(&root, 60);
    let reference = dir.path().join("reference");
    let out = batch(&root, &reference, "2").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = tree(&reference);
    assert_eq!(expected.iter().filter(|(p, _)| p.ends_with(".json")).count(), 61);

    // The output directory already holds a complete earlier run; kill the new one mid-way.
    let target = dir.path().join("out");
    batch(&root, &target, "2").output().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("dgmat"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["batch", "-q", "--as-of", "2026-12-01", "-j", "1"])
        .arg(&root)
        .arg("--out")
        .arg(&target)
        .spawn()
        .unwrap();
    let started = Instant::now();
    // The new set is built in a staging folder inside the output directory.
    let pending = |dir: &Path| {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".pending."))
            .count()
    };
    while pending(&target) < 20 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no cleanup runs
    child.wait().unwrap();
    assert!(pending(&target) >= 20, "the kill came mid-run");
    // Every file under its final name is whole: byte for byte the earlier complete run.
    let after_kill = tree(&target);
    let ours = |path: &str| path.split('/').any(|part| part.starts_with('.'));
    for (path, bytes) in &after_kill {
        if ours(path) {
            continue; // the lock, staging folder, pending or temporary files of the killed run
        }
        let want = expected.iter().find(|(p, _)| p == path).map(|(_, b)| b);
        assert_eq!(Some(bytes), want, "{path} was damaged by the kill");
    }
    assert_eq!(
        after_kill.iter().filter(|(p, _)| !ours(p)).count(),
        expected.len(),
        "no final file was lost"
    );

    // A rerun completes, clears what the killed run left, and gives the same bytes.
    let out = batch(&root, &target, "1").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(tree(&target) == expected, "the rerun differs from an uninterrupted run");
}

#[test]
fn outputs_do_not_depend_on_the_order_files_were_created_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    many_ministries(&a, 6);
    // The same submissions, created in the opposite order.
    for i in (0..6).rev() {
        let from = a.join(format!("m{i:03}"));
        let to = b.join(format!("m{i:03}"));
        std::fs::create_dir_all(&to).unwrap();
        for f in ["inventory.yaml", "questionnaire.yaml"] {
            std::fs::copy(from.join(f), to.join(f)).unwrap();
        }
    }
    let (out_a, out_b) = (dir.path().join("out-a"), dir.path().join("out-b"));
    assert!(batch(&a, &out_a, "1").output().unwrap().status.success());
    assert!(batch(&b, &out_b, "2").output().unwrap().status.success());
    // The root's name appears in no output: everything compares byte for byte.
    let (ta, tb) = (tree(&out_a), tree(&out_b));
    assert_eq!(ta.len(), 15, "6 reports and pages, summaries and the index");
    assert!(ta == tb, "outputs differ with disk order or -j");
}
