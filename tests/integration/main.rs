//! dgmat's integration tests: one binary, the CLI driven as users drive it.
#![allow(clippy::unwrap_used)]

mod assess;
mod batch;
mod check;
mod crash;
mod csv;
mod diff;
mod discovery;
mod examples;
mod explain;
mod frameworks;
mod hooks;
mod hostile;
mod init;
mod language;
mod layers;
mod library;
mod links;
mod loader;
mod malformed;
mod outdir;
mod overlay;
mod pages;
mod progress;
mod publish;
mod realdata;
mod reconcile;
mod report;
mod rubric;
mod rules;
mod schema;
mod scoring;
mod store;
mod store_verified;
mod vietnamese;
mod waivers;
mod workbook;
mod xlsx;

use assert_cmd::Command;

/// The dgmat binary, run from the package root so that paths in output are stable.
pub(crate) fn dgmat() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dgmat");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    // The language comes from the test, never from the environment it runs in.
    cmd.env_remove("DGMAT_LANG");
    cmd
}

/// A path under `../shared/realdata` (real third-party inputs, see its SOURCES.md), or `None`
/// (with a note) when it is absent: it lives beside the checkout, not in it.
pub(crate) fn realdata(path: &str) -> Option<std::path::PathBuf> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/realdata")
        .join(path);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("note: {} is absent (it lives beside the checkout); skipping", path.display());
        None
    }
}

/// The small rubric whose behaviour the fixtures pin.
pub(crate) const MINI: &str = "tests/fixtures/good/rubric.yaml";

/// stdout of a finished command as text.
pub(crate) fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// stderr of a finished command as text.
pub(crate) fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A batch root holding copies of the three shipped vn-dgmm examples (the library rubrics'
/// examples beside them answer other rubrics, and a batch assesses against one).
pub(crate) fn vn_examples() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    for name in ["ministry", "province", "commune"] {
        let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
        std::fs::create_dir_all(root.path().join(name)).unwrap();
        for f in std::fs::read_dir(&from).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), root.path().join(name).join(f.file_name())).unwrap();
        }
    }
    root
}

/// Every criterion of a rubric or a JSON report (both list `dimensions[].criteria[]`), by id.
pub(crate) fn criteria_by_id(v: &serde_json::Value) -> std::collections::BTreeMap<String, serde_json::Value> {
    v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["criteria"].as_array().unwrap())
        .map(|c| (c["id"].as_str().unwrap().to_string(), c.clone()))
        .collect()
}

/// The criterion `id` of a JSON report.
pub(crate) fn criterion<'a>(r: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    r["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["criteria"].as_array().unwrap())
        .find(|c| c["id"] == id)
        .unwrap()
}

/// The criterion ids of a JSON report's gaps, in order.
pub(crate) fn gap_ids(r: &serde_json::Value) -> Vec<&str> {
    r["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["criterion"].as_str().unwrap())
        .collect()
}

/// The rule ids of a JSON report's or check's findings, in order.
pub(crate) fn finding_ids(report: &serde_json::Value) -> Vec<&str> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect()
}

/// A submission folder `dir` answering the small rubric.
pub(crate) fn mini_submission(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/sub/questionnaire.yaml"),
        dir.join("questionnaire.yaml"),
    )
    .unwrap();
}

/// A quiet batch of `root` into `out` against the small rubric, on a pinned date.
pub(crate) fn mini_batch(root: &std::path::Path, out: &std::path::Path, extra: &[&str]) -> std::process::Output {
    dgmat()
        .args(["batch", "-q", "--as-of", "2026-12-01", "--rubric", MINI])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

/// An exact index from a JSON report, rounded down to two decimals as reports show it (JSON
/// carries exact values; the hand computations in the tests are written to two decimals).
pub fn shown(v: &serde_json::Value) -> Option<f64> {
    v.as_f64().map(|x| ((x * 100.0) + 1e-9).floor() / 100.0)
}
