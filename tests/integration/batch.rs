//! `dgmat batch`: rows, indicators, safe and deterministic outputs, exit codes.

use std::path::Path;

use super::{MINI, dgmat, stderr};
use serde_json::Value;

const ROOT: &str = "tests/fixtures/batch";

fn run_batch(root: &str, out: &Path, extra: &[&str]) -> std::process::Output {
    dgmat()
        .args([
            "batch",
            root,
            "--out",
            out.to_str().unwrap(),
            "--rubric",
            MINI,
            "--as-of",
            "2026-12-01",
        ])
        .args(extra)
        .output()
        .unwrap()
}

/// Every file below `dir`, with its bytes, by relative path.
pub(crate) fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn rows_and_indicators() {
    let out = tempfile::tempdir().unwrap();
    let o = run_batch(ROOT, out.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "an invalid submission fails the batch: {}", stderr(&o));
    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    assert!(csv.starts_with('\u{FEFF}'), "a byte-order mark, so that Excel reads UTF-8");
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        lines[0],
        "path,agency_id,agency_name,tier,status,overall_level,index,target_met,SEC,SHR,errors,warnings,report,error,assessed_on,round,note,region,waived,verified_level,overclaim,verified_by,limited_by"
    );
    assert_eq!(
        lines[1],
        "a-valid,demo,Demo agency,province,ok,2,2.50,false,2,3,0,0,agencies/demo.json,,2026-11-20,2026-12-01,,,0,,,,SEC"
    );
    assert!(
        lines[2].starts_with(
            "b-duplicate,demo,Demo agency (second submission),province,superseded,1,2.00,false,1,3,0,0,agencies/demo-2.json,,2026-06-01,2026-12-01,\"superseded by a-valid"
        ),
        "the earlier of two submissions of one agency is listed, not counted: {}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("c-invalid,broken,Broken agency,commune,invalid,,,,,,1,0,,"),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains("c-invalid/questionnaire.yaml:5:12: `SEC-2.1` expects yes | partial | no, found `maybe`"),
        "{}",
        lines[3]
    );
    assert_eq!(
        lines[4],
        "d-hostile,../../etc/x,Hostile,commune,ok,1,1.50,false,1,2,0,1,agencies/etc-x.json,,2026-11-20,2026-12-01,,,0,,,,SEC"
    );
    assert_eq!(
        lines[5],
        r#"nested/e-formula,CON,"'=HYPERLINK(""http://x"")",ministry,ok,1,1.50,false,1,2,0,1,agencies/_CON.json,,2026-11-20,2026-12-01,,,0,,,,SEC"#
    );
    assert_eq!(lines.len(), 6, "the hidden directory is not a submission");

    let s: Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(s["round"], serde_json::json!({"name": "2026-12-01", "date": "2026-12-01"}));
    assert_eq!(
        s["totals"],
        serde_json::json!({"submissions": 5, "assessed": 4, "invalid": 1, "below_gate": 0, "counted": 4,
                           "incomplete": 0, "superseded": 1, "conflict": 0, "stale": 0})
    );
    assert_eq!(s["distribution"], serde_json::json!({"1": 2, "2": 1, "3": 0, "4": 0, "5": 0}));
    assert_eq!(s["at_or_above"]["overall"]["1"], 0.75, "the invalid submission reaches no level");
    assert_eq!(s["at_or_above"]["overall"]["2"], 0.25, "the superseded one is not counted");
    assert_eq!(s["at_or_above"]["dimensions"]["SHR"]["3"], 0.25);
    assert_eq!(
        s["at_or_above"]["tiers"]["province"],
        serde_json::json!({"submissions": 1, "at_or_above": {"1": 1.0, "2": 1.0, "3": 0.0, "4": 0.0, "5": 0.0}})
    );
    assert_eq!(
        s["targets"][0],
        serde_json::json!({"id": "t3", "level": 3, "required_share": 1.0, "met_count": 0, "share": 0.0})
    );
    assert_eq!(s["targets"][1]["portfolio_met"], false);
    assert_eq!(
        s["targets"][1]["portfolio"][1],
        serde_json::json!({"level": 5, "required": 0.9, "actual": 0.0, "met": false})
    );
    assert_eq!(s["rows"].as_array().unwrap().len(), 5);

    let err = stderr(&o);
    assert!(err.contains("target t3 (level 3): 0 of 4 (0.0%)"), "{err}");
    assert!(err.contains("invalid: c-invalid:"), "{err}");
    assert!(
        err.contains("warning: agency `demo` is claimed by 2 submissions: a-valid (2026-11-20), b-duplicate (2026-06-01); a-valid counts"),
        "{err}"
    );
}

#[test]
fn outputs_stay_inside_the_output_directory_and_nothing_is_overwritten() {
    let out = tempfile::tempdir().unwrap();
    run_batch(ROOT, out.path(), &[]);
    let files: Vec<String> = tree(out.path()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        files,
        [
            "agencies/_CON.html",
            "agencies/_CON.json",
            "agencies/demo-2.html",
            "agencies/demo-2.json",
            "agencies/demo.html",
            "agencies/demo.json",
            "agencies/etc-x.html",
            "agencies/etc-x.json",
            "index.html",
            "summary.csv",
            "summary.json"
        ]
    );
    let first: Value = serde_json::from_slice(&std::fs::read(out.path().join("agencies/demo.json")).unwrap()).unwrap();
    let second: Value = serde_json::from_slice(&std::fs::read(out.path().join("agencies/demo-2.json")).unwrap()).unwrap();
    assert_eq!(first["inputs"][0]["path"], "a-valid/questionnaire.yaml");
    assert_eq!(second["inputs"][0]["path"], "b-duplicate/questionnaire.yaml");
}

#[test]
fn agency_report_is_the_assess_json_document() {
    let out = tempfile::tempdir().unwrap();
    run_batch(ROOT, out.path(), &[]);
    let rubric = format!("{}/{MINI}", env!("CARGO_MANIFEST_DIR"));
    let assessed = dgmat()
        .current_dir(format!("{}/{ROOT}", env!("CARGO_MANIFEST_DIR")))
        .args(["assess", "a-valid", "-f", "json", "--rubric", &rubric])
        .output()
        .unwrap();
    assert_eq!(std::fs::read(out.path().join("agencies/demo.json")).unwrap(), assessed.stdout);
}

#[test]
fn same_bytes_whatever_the_thread_count_and_on_reruns() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    run_batch(ROOT, one.path(), &["-j", "1"]);
    run_batch(ROOT, two.path(), &["-j", "2"]);
    assert_eq!(tree(one.path()), tree(two.path()));
    run_batch(ROOT, two.path(), &["-j", "2"]);
    assert_eq!(
        tree(one.path()),
        tree(two.path()),
        "a rerun into the same directory gives the same files"
    );
}

#[test]
fn gate_and_fatal_errors() {
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args([
            "batch",
            "tests/fixtures/batch/a-valid",
            "--out",
            out.path().to_str().unwrap(),
            "--rubric",
            MINI,
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = dgmat()
        .args([
            "batch",
            "tests/fixtures/batch/a-valid",
            "--out",
            out.path().to_str().unwrap(),
            "--rubric",
            MINI,
            "--fail-below",
            "3",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let o = dgmat()
        .args(["batch", "no/such/root", "--out", out.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let o = dgmat()
        .args([
            "batch",
            ROOT,
            "--out",
            out.path().to_str().unwrap(),
            "--rubric",
            "tests/fixtures/malformed/bad_enum.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_folders_are_reported_not_fatal() {
    let root = tempfile::tempdir().unwrap();
    let agency = root.path().join("agency");
    std::fs::create_dir(&agency).unwrap();
    std::fs::copy(
        format!("{}/tests/fixtures/good/sub/questionnaire.yaml", env!("CARGO_MANIFEST_DIR")),
        agency.join("questionnaire.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(root.path(), agency.join("loop")).unwrap();
    let locked = root.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    // Root reads any folder; then only the loop can be shown.
    let enforced = std::fs::read_dir(&locked).is_err();
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args([
            "batch",
            root.path().to_str().unwrap(),
            "--out",
            out.path().to_str().unwrap(),
            "--rubric",
        ])
        .arg(format!("{}/{MINI}", env!("CARGO_MANIFEST_DIR")))
        .output()
        .unwrap();
    // An unreadable folder and a loop are `invalid` rows, never silently absent.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("invalid: agency/loop: symbolic link loop"), "{}", stderr(&o));
    if enforced {
        assert!(
            stderr(&o).contains("invalid: locked: could not be read: Permission denied"),
            "{}",
            stderr(&o)
        );
    } else {
        eprintln!("note: running as root, the unreadable-folder case cannot be exercised");
    }
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let csv = std::fs::read_to_string(out.path().join("summary.csv")).unwrap();
    assert_eq!(csv.lines().count(), if enforced { 4 } else { 3 }, "{csv}");
    assert!(csv.contains("agency/loop,,") && csv.contains(",invalid,"), "{csv}");
}

/// The example generator, which `cargo test` builds beside the test binary.
fn generator() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    dir.join("examples").join(format!("generate{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn generated_rounds_are_reproducible_and_spread_across_levels() {
    let generate = generator();
    assert!(generate.is_file(), "{} is built by `cargo test`", generate.display());
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        let status = std::process::Command::new(&generate)
            .args(["--agencies", "40", "--seed", "3", "--invalid-share", "0.1", "--out"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(status.success());
    }
    assert_eq!(tree(a.path()), tree(b.path()), "same seed, same bytes");
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args(["batch", a.path().to_str().unwrap(), "--out", out.path().to_str().unwrap()])
        .args(["--as-of", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "some submissions are broken on purpose: {}", stderr(&o));
    let s: Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(s["totals"]["submissions"], 40);
    assert!(s["totals"]["invalid"].as_u64().unwrap() >= 1);
    let levels = s["distribution"]
        .as_object()
        .unwrap()
        .values()
        .filter(|c| c.as_u64().unwrap() > 0)
        .count();
    assert!(levels >= 3, "maturity spreads across levels: {}", s["distribution"]);
}

/// `-q` silences progress and the summary, not the errors: the invalid submissions are still
/// listed on stderr.
#[test]
fn quiet_batch_still_lists_invalid_submissions() {
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args([
            "-q",
            "batch",
            "tests/fixtures/batch",
            "--out",
            out.path().to_str().unwrap(),
            "--rubric",
            MINI,
            "--as-of",
            "2026-12-01",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.matches("invalid: c-invalid: ").count(), 1, "listed once: {err}");
    assert!(!err.contains("round 2026-12-01") && !err.contains("wrote "), "no summary: {err}");
}
