//! What a batch finds below ROOT, and what it refuses: nothing vanishes (every place it could
//! not enter is an `invalid` row), `--out` never lies among the submissions, a submission
//! with two questionnaires names both.

use std::path::Path;

use super::{MINI, dgmat, mini_batch, mini_submission as submission, stderr};

fn batch(root: &Path, out: &Path) -> std::process::Output {
    mini_batch(root, out, &[])
}

#[test]
fn out_equal_to_root_or_inside_a_submission_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    submission(&root.join("agency"));
    for (out, says) in [
        (root.clone(), "is ROOT itself"),
        (root.join("."), "is ROOT itself"),
        (root.join("agency/results"), "is inside the submission agency"),
        (root.join("agency"), "is a submission folder"),
    ] {
        let o = batch(&root, &out);
        assert_eq!(o.status.code(), Some(2), "{}: {}", out.display(), stderr(&o));
        assert!(stderr(&o).contains(says), "{}: {}", out.display(), stderr(&o));
        assert!(
            !out.join("summary.csv").exists() && !root.join("agency/results").exists(),
            "nothing written"
        );
    }
    // Beside ROOT, or in a folder of ROOT that is no submission: fine.
    let o = batch(&root, &root.join("results"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn questionnaire_yaml_and_yml_both_present_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    submission(&root.join("twice"));
    std::fs::copy(root.join("twice/questionnaire.yaml"), root.join("twice/questionnaire.yml")).unwrap();
    submission(&root.join("once"));
    let o = dgmat().args(["assess", "--rubric", MINI]).arg(root.join("twice")).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("two questionnaires given")
            && stderr(&o).contains("questionnaire.yaml and ")
            && stderr(&o).contains("questionnaire.yml"),
        "{}",
        stderr(&o)
    );
    let out = dir.path().join("out");
    let o = batch(&root, &out);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    let row = csv.lines().find(|l| l.starts_with("twice,")).unwrap();
    assert!(
        row.contains(",invalid,") && row.contains("twice/questionnaire.yaml and twice/questionnaire.yml"),
        "{csv}"
    );
    assert!(csv.lines().any(|l| l.starts_with("once,") && l.contains(",ok,")), "{csv}");
}
