//! Vietnamese all the way: answers and cells written in Vietnamese words read as their English
//! twins, and every output for people under `--lang vi` is free of dgmat's English texts.

use super::{MINI, dgmat, stderr};
use serde_json::Value;
use std::path::Path;

/// Copies the files of `from` into `to`, each rewritten by `edit`.
fn copy_edited(from: &str, to: &Path, mut edit: impl FnMut(&str, String) -> String) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(from)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(to.join(&name), edit(&name, text)).unwrap();
    }
}

/// The JSON report of the submission at `dir`, without what names its files (paths, hashes).
fn assessed(dir: &Path, rubric: Option<&str>) -> Value {
    let mut cmd = dgmat();
    cmd.args(["assess", "--format", "json"]).arg(dir);
    if let Some(r) = rubric {
        cmd.args(["--rubric", r]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap().replace(&dir.display().to_string(), "DIR");
    let mut r: Value = serde_json::from_str(&text).unwrap();
    r.as_object_mut().unwrap().remove("inputs");
    r
}

/// The commune answered `Có`, `không`, `Một phần`, `không áp dụng` (and some without
/// diacritics) assesses exactly as the shipped English answers.
#[test]
fn a_questionnaire_answered_in_vietnamese_words_assesses_as_its_english_twin() {
    let tmp = tempfile::tempdir().unwrap();
    let (en, vi) = (tmp.path().join("en"), tmp.path().join("vi"));
    copy_edited("examples/commune", &en, |_, t| t);
    let mut changed = 0;
    copy_edited("examples/commune", &vi, |name, text| {
        if name != "questionnaire.yaml" {
            return text;
        }
        let words = [(": yes", [": Có", ": co"]), (": no", [": không", ": KHONG"]), (": partial", [": Một phần", ": mot phan"]), (": n/a", [": không áp dụng", ": Không áp dụng"])];
        let mut out = String::new();
        for (i, line) in text.lines().enumerate() {
            let mut line = line.to_string();
            for (en, vi) in &words {
                if let Some(head) = line.strip_suffix(en) {
                    line = format!("{head}{}", vi[i % 2]);
                    changed += 1;
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    });
    assert!(changed > 50, "the twin must differ: {changed} answers rewritten");
    let (en_report, vi_report) = (assessed(&en, None), assessed(&vi, None));
    assert_eq!(en_report["overall"]["level"], 4, "the commune's shipped result");
    assert_eq!(
        serde_json::to_string_pretty(&en_report).unwrap().replace(&en.display().to_string(), ""),
        serde_json::to_string_pretty(&vi_report).unwrap().replace(&vi.display().to_string(), "")
    );
}

/// CSV cells: `Có`/`Không`/`x` as booleans, `N/A`, `NULL` and `-` as null, `85%` as 85.
#[test]
fn cells_written_in_vietnamese_read_as_their_english_twins() {
    let tmp = tempfile::tempdir().unwrap();
    let (en, vi) = (tmp.path().join("en"), tmp.path().join("vi"));
    copy_edited("tests/fixtures/csv/good", &en, |_, t| t);
    copy_edited("tests/fixtures/csv/good", &vi, |name, text| match name {
        "datasets.csv" => text.replace("d1,true", "d1,Có").replace("d2,0", "d2,không"),
        "systems.csv" => text
            .replace("2024-02-01,yes,d1", "2024-02-01,x,d1")
            .replace("2024-02-01,Y,,", "2024-02-01,Có,N/A,-"),
        "questionnaire.yaml" => text.replace("SEC-4.1: yes", "SEC-4.1: CÓ").replace("SEC-5.1: 60", "SEC-5.1: 60%"),
        _ => text,
    });
    let (en_report, vi_report) = (assessed(&en, Some(MINI)), assessed(&vi, Some(MINI)));
    assert_eq!(en_report, vi_report);
}
