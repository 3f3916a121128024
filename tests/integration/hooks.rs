//! The shipped pre-commit hook and the README's CI examples, run the way pre-commit and a CI
//! runner run them, on a repository of submissions.

use std::path::Path;

use super::{finding_ids, stderr, stdout};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A repository holding copies of the shipped examples `names` under `under`.
fn repo(under: &str, names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in names {
        let to = dir.path().join(under).join(name);
        std::fs::create_dir_all(&to).unwrap();
        for f in std::fs::read_dir(Path::new(ROOT).join("examples").join(name)).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
        }
    }
    std::fs::write(dir.path().join("README.md"), "submissions\n").unwrap();
    dir
}

/// The shipped hook `dgmat-check`: (its entry split into words, its `files` pattern).
fn hook() -> (Vec<String>, regex::Regex) {
    let text = std::fs::read_to_string(format!("{ROOT}/.pre-commit-hooks.yaml")).unwrap();
    let hooks: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let hook = hooks.as_array().unwrap().iter().find(|h| h["id"] == "dgmat-check").unwrap();
    assert_eq!(hook["pass_filenames"], true, "the hook passes the changed files");
    let entry = hook["entry"].as_str().unwrap().split_whitespace().map(str::to_string).collect();
    // pre-commit matches `files` with Python's re.search; this pattern means the same in Rust.
    (entry, regex::Regex::new(hook["files"].as_str().unwrap()).unwrap())
}

/// Runs the hook as pre-commit does on a commit changing `changed`: the entry, then the
/// changed files its `files` pattern selects, from the repository's root.
fn run_hook(repo: &Path, changed: &[&str]) -> std::process::Output {
    let (entry, files) = hook();
    assert_eq!(entry[0], "dgmat");
    let selected: Vec<&str> = changed.iter().copied().filter(|f| files.is_match(f)).collect();
    assert!(!selected.is_empty());
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dgmat");
    cmd.current_dir(repo).args(&entry[1..]).args(&selected).args(["--format", "json"]);
    cmd.output().unwrap()
}

#[test]
fn the_hook_selects_submission_files_only() {
    let (_, files) = hook();
    for f in [
        "moh/questionnaire.yaml",
        "moh/inventory.yml",
        "moh/inventory.xlsx",
        "moh/questionnaire.xlsx",
        "moh/questionnaire.ods",
        "moh/systems.csv",
        "moh/waivers.yaml",
        "questionnaire.yaml",
    ] {
        assert!(files.is_match(f), "{f}");
    }
    for f in [
        "README.md",
        "moh/notes.yaml",
        "moh/my-questionnaire.yaml.bak",
        "rubrics/vn-dgmm.yaml",
    ] {
        assert!(!files.is_match(f), "{f}");
    }
}

/// A commit touching two agencies' questionnaires only: two whole submissions, each checked
/// against its own inventory; no merged submission (`agency-mismatch`, "two questionnaires"),
/// no contradiction by a missing inventory.
#[test]
fn the_hook_on_two_agencies_questionnaires_checks_two_whole_submissions() {
    let dir = repo("", &["province", "commune"]);
    let out = run_hook(
        dir.path(),
        &["province/questionnaire.yaml", "commune/questionnaire.yaml", "README.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids = finding_ids(&r);
    for bad in ["contradicted", "agency-mismatch", "no-input", "no-inventory"] {
        assert!(!ids.contains(&bad), "{bad} in {ids:?}");
    }
    let subs = r["submissions"].as_array().unwrap();
    assert_eq!(subs.len(), 2, "{subs:#?}");
    assert_eq!(subs[0]["agency"], "lamgiang");
    assert_eq!(subs[0]["path"], "province/questionnaire.yaml province/inventory.yaml");
    assert_eq!(subs[1]["agency"], "suoilam");
    assert_eq!(r["summary"]["files"], 4, "each questionnaire with its inventory");
}

/// Naming only a questionnaire still checks its inventory's records.
#[test]
fn a_changed_questionnaire_brings_its_inventory() {
    let dir = repo("", &["ministry"]);
    let out = run_hook(dir.path(), &["ministry/questionnaire.yaml"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let record_rule = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["file"] == "ministry/inventory.yaml")
        .unwrap_or_else(|| panic!("no finding in the inventory: {r:#}"));
    assert_eq!(record_rule["id"], "SYS-DOSSIER-AFTER-GO-LIVE");
}

/// The README's GitHub Actions and GitLab CI commands, run by a shell from the repository's
/// root: each writes its report, and the check passes on clean submissions.
#[test]
fn the_readme_ci_examples_run() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).unwrap();
    let commands: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- run: ").or_else(|| l.trim().strip_prefix("- ")))
        .filter(|l| l.starts_with("dgmat check "))
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    let dir = repo("submissions", &["province", "commune"]);
    let bin = assert_cmd::cargo::cargo_bin!("dgmat");
    let path = format!("{}:{}", bin.parent().unwrap().display(), std::env::var("PATH").unwrap_or_default());
    for command in commands {
        let out = std::process::Command::new("sh")
            .args(["-c", command])
            .current_dir(dir.path())
            .env("PATH", &path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        let report = command.split_whitespace().last().unwrap();
        let text = std::fs::read_to_string(dir.path().join(report)).unwrap();
        assert!(stderr(&out).contains("of 2 submission(s)"), "{command}: {}", stderr(&out));
        if report.ends_with(".sarif") {
            let log: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "dgmat", "{command}");
        } else {
            assert!(
                text.contains(r#"<testsuite name="submissions/province/inventory.yaml""#),
                "{command}: {text}"
            );
        }
    }
}
