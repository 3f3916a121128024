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
/// diacritics), its systems' status written as the rubric's Vietnamese label (`Đang vận hành`),
/// assesses exactly as the shipped English answers.
#[test]
fn a_questionnaire_answered_in_vietnamese_words_assesses_as_its_english_twin() {
    let tmp = tempfile::tempdir().unwrap();
    let (en, vi) = (tmp.path().join("en"), tmp.path().join("vi"));
    copy_edited("examples/commune", &en, |_, t| t);
    let mut changed = 0;
    copy_edited("examples/commune", &vi, |name, text| {
        if name == "inventory.yaml" {
            // Enum values written as their Vietnamese labels, with and without diacritics.
            let text = text.replacen("status: production", "status: Đang vận hành", 3);
            return text.replace("status: production", "status: dang van hanh");
        }
        if name != "questionnaire.yaml" {
            return text;
        }
        let words = [
            (": yes", [": Có", ": co"]),
            (": no", [": không", ": KHONG"]),
            (": partial", [": Một phần", ": mot phan"]),
            (": n/a", [": không áp dụng", ": Không áp dụng"]),
        ];
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
        serde_json::to_string_pretty(&en_report)
            .unwrap()
            .replace(&en.display().to_string(), ""),
        serde_json::to_string_pretty(&vi_report)
            .unwrap()
            .replace(&vi.display().to_string(), "")
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

/// dgmat's own English: every report text, terminal word and line, finding template, status
/// and rule description, in pieces (the fixed parts between the values filled in), less those
/// that read the same in Vietnamese (`SHA-256`, `n/a`) and those too short to tell.
fn english_pieces() -> Vec<String> {
    use dgmat::lang::Lang;
    let mut pieces: Vec<(String, String)> = Vec::new();
    // Report texts: the same key in both languages.
    fn leaves(en: &Value, vi: &Value, out: &mut Vec<(String, String)>) {
        match (en, vi) {
            (Value::Object(e), Value::Object(v)) => e.iter().for_each(|(k, x)| leaves(x, &v[k], out)),
            (Value::String(e), Value::String(v)) => out.push((e.clone(), v.clone())),
            _ => {}
        }
    }
    let texts = |l| serde_json::to_value(dgmat::report::i18n::texts(l)).unwrap();
    leaves(&texts(Lang::En), &texts(Lang::Vi), &mut pieces);
    let words = |l| dgmat::report::words::words(l).samples();
    pieces.extend(words(Lang::En).into_iter().zip(words(Lang::Vi)));
    pieces.extend(dgmat::report::catalog::templates().map(|(e, v)| (e.to_string(), v.to_string())));
    for &r in dgmat::rule::Rule::ALL {
        use dgmat::report::rules_vi::{description, help};
        pieces.push((description(r, Lang::En).into(), description(r, Lang::Vi).into()));
        pieces.push((help(r, Lang::En).into(), help(r, Lang::Vi).into()));
    }
    for s in STATUSES {
        pieces.push((
            dgmat::report::i18n::status(Lang::En, *s).into(),
            dgmat::report::i18n::status(Lang::Vi, *s).into(),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (en, vi) in pieces {
        if en == vi {
            continue;
        }
        for part in en.split(['◊', '7']).flat_map(|p| p.split("{}")) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            // A piece says something in English when it has a word of four letters or more.
            let wordy = part.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w.len() >= 4);
            if wordy && !vi.contains(part) && part.is_ascii() {
                out.push(part.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Every shipped example.
const EXAMPLES: [&str; 7] = [
    "commune",
    "province",
    "ministry",
    "uk-dma-agency",
    "odi-pathway-council",
    "eu-odm-country",
    "samm-digital-centre",
];

const STATUSES: &[dgmat::assess::Status] = &dgmat::assess::Status::ALL;

/// The English pieces of `pieces` that `output` (named `what`) shows, outside what quotes the
/// user's own files or names things: a diagnostic's source line, code and ids in backticks or
/// brackets, paths, HTML tags and styles. Where the submission itself is written in English
/// (`english_input`), single words are not counted, only phrases.
fn english_in(what: &str, output: &str, pieces: &[String], english_input: bool) -> Vec<String> {
    let tags = regex::Regex::new(r"(?s)<style.*?</style>|<[^>]*>").unwrap();
    let text = tags.replace_all(output, "\n");
    let quoted = regex::Regex::new(r"^\s*\d*\s*\|").unwrap();
    // Code and values: `x`, [rule-id], {yaml}, paths, `a | b` lists, `một trong: a, b` lists,
    // an option's value before its label (`# none: ...`), YAML keys and values.
    let names = regex::Regex::new(
        r"`[^`]*`|\[[^\]]*\]|\{[^}]*(?:\}|$)|\S*[/.][A-Za-z]\S*|\w+(?: \([^)|]*\))?(?: \\?\| \w+(?: \([^)|]*\))?)+|(?:một trong|danh sách gồm): [^—]*|^\s*#\s+[\w-]+(?::|\s{2,})|^\s*-\s+[\w-]+:|^\s*[\w-]+:(?: [\w-]+$)?",
    )
    .unwrap();
    let mut found = Vec::new();
    for raw in text.lines().filter(|l| !quoted.is_match(l)) {
        let line = names.replace_all(raw, " ");
        let line = line.as_ref();
        // In English input, a phrase of three words or more is dgmat's own, not a coincidence.
        for p in pieces.iter().filter(|p| !english_input || p.matches(' ').count() >= 2) {
            // A word inside an identifier (`evidence_date`, `invalid-answer`) is not a word.
            let joins = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.' | '=' | ':');
            let whole = |i: usize| {
                let before = line[..i].chars().next_back().is_none_or(|c| !joins(c));
                let after = line[i + p.len()..].chars().next().is_none_or(|c| !joins(c) || c == '.' || c == ':');
                before && after
            };
            if line.match_indices(p.as_str()).any(|(i, _)| whole(i)) {
                found.push(format!("{what}: `{p}` in: {}", raw.trim()));
            }
        }
    }
    found
}

/// Runs dgmat in Vietnamese (`DGMAT_LANG=vi`), returning stdout and stderr together.
fn vi(args: &[&str]) -> String {
    let out = dgmat().env("DGMAT_LANG", "vi").args(args).output().unwrap();
    assert!(out.status.code().is_some_and(|c| c < 3), "{args:?}: {}", stderr(&out));
    format!("{}\n{}", String::from_utf8_lossy(&out.stdout), stderr(&out))
}

/// Every output of the shipped examples and of submissions that trigger every finding, under
/// `--lang vi`, is free of dgmat's own English.
#[test]
fn every_output_in_vietnamese_is_free_of_dgmat_english() {
    let pieces = english_pieces();
    assert!(pieces.len() > 200, "the list is built from dgmat's own tables: {}", pieces.len());
    let tmp = tempfile::tempdir().unwrap();
    let t = |name: &str| tmp.path().join(name).display().to_string();
    let mut outputs: Vec<(String, String)> = Vec::new();
    let run = |outputs: &mut Vec<(String, String)>, what: String, args: &[&str]| outputs.push((what, vi(args)));
    // Submissions written in English (agency names, notes, evidence, rubric texts without a
    // Vietnamese translation): only dgmat's phrases are looked for in what they show.
    let english_input = |what: &str| {
        [
            "ministry",
            "uk-dma",
            "odi-pathway",
            "eu-odm",
            "samm",
            "fixtures",
            "batch",
            "progress",
            "publish",
            "reconcile",
            "agencies",
            "index.html",
            "diff",
        ]
        .iter()
        .any(|e| what.contains(e))
    };
    let examples = EXAMPLES;
    for e in examples {
        let path = format!("examples/{e}");
        for format in ["table", "markdown", "html"] {
            run(&mut outputs, format!("assess {e} {format}"), &["assess", &path, "--format", format]);
        }
        run(&mut outputs, format!("check {e}"), &["check", &path]);
    }
    let mini = MINI;
    let mut subs: Vec<String> = vec!["tests/fixtures/every-problem".into(), "tests/fixtures/hostile/report".into()];
    for dir in ["tests/fixtures/statuses", "tests/fixtures/malformed"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
            subs.push(format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy()));
        }
    }
    for sub in &subs {
        run(&mut outputs, format!("check {sub}"), &["check", "--rubric", mini, sub]);
        run(
            &mut outputs,
            format!("check github {sub}"),
            &["check", "--rubric", mini, sub, "--format", "github"],
        );
        run(
            &mut outputs,
            format!("assess {sub}"),
            &["assess", "--rubric", mini, sub, "--format", "markdown"],
        );
    }
    run(&mut outputs, "diff".into(), &["diff", "examples/province", "examples/ministry"]);
    run(
        &mut outputs,
        "diff markdown".into(),
        &["diff", "examples/province", "examples/ministry", "--format", "markdown"],
    );
    let results = t("results");
    run(
        &mut outputs,
        "batch".into(),
        &["batch", "examples", "--out", &results, "--as-of", "2026-12-01"],
    );
    for entry in std::fs::read_dir(&results)
        .unwrap()
        .chain(std::fs::read_dir(format!("{results}/agencies")).unwrap())
    {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            outputs.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    run(&mut outputs, "progress".into(), &["progress", &results, &results]);
    run(
        &mut outputs,
        "publish".into(),
        &["publish", &results, "--out", &t("public"), "--min-group", "1"],
    );
    run(&mut outputs, "init".into(), &["init", &t("init")]);
    for file in ["questionnaire.yaml", "inventory.yaml"] {
        outputs.push((file.into(), std::fs::read_to_string(tmp.path().join("init").join(file)).unwrap()));
    }
    run(&mut outputs, "rubric doc".into(), &["rubric", "doc", "vn-dgmm"]);
    run(&mut outputs, "rubric lint".into(), &["rubric", "lint", "vn-dgmm"]);
    run(
        &mut outputs,
        "reconcile".into(),
        &["reconcile", "examples/province", "examples/province"],
    );
    let found: Vec<String> = outputs
        .iter()
        .flat_map(|(what, text)| english_in(what, text, &pieces, english_input(what)))
        .collect();
    assert!(
        found.is_empty(),
        "{} English texts of dgmat's own under --lang vi:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Every finding the fixtures and examples trigger (their JSON keeps dgmat's English) has a
/// Vietnamese message and help in the catalog: none comes through untranslated.
#[test]
fn every_finding_message_has_a_vietnamese_template() {
    use dgmat::lang::Lang;
    let mut paths: Vec<(String, Option<&str>)> = vec![
        ("tests/fixtures/every-problem".into(), Some(MINI)),
        ("tests/fixtures/hostile/report".into(), Some(MINI)),
    ];
    for dir in ["tests/fixtures/statuses", "tests/fixtures/malformed", "tests/fixtures/csv/bad"] {
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).unwrap() {
            paths.push((format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy()), Some(MINI)));
        }
    }
    for e in EXAMPLES {
        paths.push((format!("examples/{e}"), None));
    }
    // Broken YAML, as people break it: the parser's own messages.
    let tmp = tempfile::tempdir().unwrap();
    let broken = [
        "agency: {id: a\n",
        "agency:\n  id: a\n name: b\n",
        "agency: \"abc\n",
        "agency: a: b\n",
        "\tagency: x\n",
        "agency: [a, b\n",
        "answers:\n  A: yes\n  - b\n",
    ];
    for (i, body) in broken.iter().enumerate() {
        let path = tmp.path().join(format!("broken-{i}.yaml"));
        std::fs::write(&path, format!("dgmat: 1\nkind: questionnaire\n{body}")).unwrap();
        paths.push((path.display().to_string(), Some(MINI)));
    }
    let mut untranslated = Vec::new();
    let mut seen = 0;
    for (path, rubric) in &paths {
        let mut cmd = dgmat();
        cmd.args(["check", "--format", "json", path]);
        if let Some(r) = rubric {
            cmd.args(["--rubric", r]);
        }
        let out = cmd.output().unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{path}: {e}"));
        for f in report["findings"].as_array().unwrap() {
            // A rubric's own record rules speak the rubric's words, not dgmat's.
            if f["id"].as_str().unwrap().chars().any(|c| c.is_ascii_uppercase()) {
                continue;
            }
            for text in [&f["message"], &f["help"]].into_iter().filter_map(Value::as_str) {
                seen += 1;
                let vi = dgmat::report::catalog::text(text, Lang::Vi);
                if vi == text || vi.is_ascii() {
                    untranslated.push(format!("{path}: [{}] {text}", f["id"]));
                }
            }
        }
    }
    assert!(seen > 100, "the fixtures trigger findings: {seen}");
    untranslated.sort();
    untranslated.dedup();
    assert!(
        untranslated.is_empty(),
        "{} without a Vietnamese template:\n{}",
        untranslated.len(),
        untranslated.join("\n")
    );
}

/// Numbers with a decimal comma and dates as dd/mm/yyyy in what people read; the JSON and CSV
/// keep the decimal point and ISO dates. `--lang` is taken by every command, and after the
/// subcommand as before it; `DGMAT_LANG` does the same.
#[test]
fn vietnamese_conventions_in_outputs_for_people_only() {
    let table = vi(&["assess", "examples/commune"]);
    assert!(table.contains("Ngày đánh giá: 10/11/2026"), "{table}");
    assert!(table.contains("4,68") && !table.contains("4.68"), "{table}");
    assert!(table.contains("[M5] GOV-5.1"), "level tags read M, for mức: {table}");
    let flag = dgmat().args(["--lang", "vi", "assess", "examples/commune"]).output().unwrap();
    let env = dgmat()
        .env("DGMAT_LANG", "vi")
        .args(["assess", "examples/commune"])
        .output()
        .unwrap();
    assert_eq!(
        flag.stdout, env.stdout,
        "--lang before the subcommand, and DGMAT_LANG, say the same"
    );
    let json = vi(&["assess", "examples/commune", "--format", "json"]);
    assert!(json.contains("\"assessed_on\": \"2026-11-10\"") && json.contains("4.68"), "{json}");
    let check = dgmat()
        .args(["check", "tests/fixtures/every-problem", "--rubric", MINI, "--lang", "vi"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        text.contains("lỗi[unknown-key]: khóa `respondnt` không hợp lệ trong phiếu tự đánh giá"),
        "{text}"
    );
    assert!(text.contains("22 lỗi, 1 cảnh báo trong 2 tệp của 1 bộ hồ sơ"), "{text}");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let batch = vi(&["batch", "examples", "--out", out.to_str().unwrap(), "--as-of", "2026-12-01"]);
    assert!(batch.contains("đợt đánh giá 2026-12-01, tính đến ngày 01/12/2026"), "{batch}");
    let csv = std::fs::read_to_string(out.join("summary.csv")).unwrap();
    assert!(csv.contains(",2026-11-10,") && csv.contains(",4.68,"), "{csv}");
}

/// Enum values are shown with the labels a cell may use instead, in the reader's language,
/// wherever a field is described: the init templates and `rubric doc`.
#[test]
fn enum_labels_are_shown_beside_their_values() {
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat().args(["--lang", "vi", "init"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let inventory = std::fs::read_to_string(dir.path().join("inventory.yaml")).unwrap();
    assert!(inventory.contains("production (Đang vận hành)"), "{inventory}");
    let doc = dgmat().args(["rubric", "doc", "vn-dgmm"]).output().unwrap();
    let doc = String::from_utf8(doc.stdout).unwrap();
    assert!(doc.contains("production (In production)"), "the English labels");
    assert!(
        !doc.contains("planning (Planning)"),
        "a label that only repeats its value is left out"
    );
}

/// `check` speaks the reader's language where people read it (text, pull-request annotations):
/// the rubric's own Vietnamese rule messages and the gate; its JSON keeps the English messages.
#[test]
fn check_for_people_uses_the_rubric_in_vietnamese_and_json_stays_english() {
    let vi_message = "Hồ sơ đề xuất cấp độ được phê duyệt sau ngày hệ thống đưa vào vận hành";
    let en_message = "The security-level dossier was approved after the system went live";
    for format in ["text", "github"] {
        let out = dgmat()
            .args(["--lang", "vi", "check", "examples/ministry", "--min-level", "3", "-f", format])
            .output()
            .unwrap();
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert!(all.contains(vi_message) && !all.contains(en_message), "{format}: {all}");
        assert!(
            all.contains("mức tổng thể 2 thấp hơn mức yêu cầu 3 (GOV ở mức 2"),
            "{format}: {all}"
        );
    }
    let out = dgmat()
        .args(["--lang", "vi", "check", "examples/ministry", "-f", "json"])
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains(en_message) && !json.contains(vi_message));
    // A submission that does not load whole: the rules run on what did load, in Vietnamese too.
    let dir = tempfile::tempdir().unwrap();
    copy_edited("examples/ministry", dir.path(), |name, text| {
        if name == "questionnaire.yaml" {
            text.replacen("\nagency:", "\nrespondnt: {name: X}\nagency:", 1)
        } else {
            text
        }
    });
    let out = dgmat().args(["--lang", "vi", "check"]).arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("lỗi[unknown-key]"), "{text}");
    assert!(text.contains(vi_message) && !text.contains(en_message), "{text}");
}
