//! Questionnaire and inventory workbooks: `init --xlsx` writes them, `assess`, `check` and
//! `batch` read them back. The shipped examples survive the round trip (and a re-save by
//! LibreOffice) with the same assessment; workbooks built here by hand (not by our writer)
//! pin the located errors, the dropdown words and the formula rules.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::xlsx::{C, workbook};
use super::{MINI, dgmat, stderr, stdout};

/// `dgmat init DIR --xlsx --from SUBMISSION [--lang L]` into a fresh folder `dir`.
fn init_from(dir: &Path, from: &str, lang: &str) {
    let out = dgmat()
        .args(["init", "--xlsx", "--lang", lang, "--from", from])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

/// `dgmat assess PATH -f json`, which must succeed.
fn assess_json(path: &Path) -> Value {
    let out = dgmat().args(["assess", "-f", "json"]).arg(path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}: {}", path.display(), stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// A report without what depends on the files rather than on their content: the input paths
/// and hashes, and where each record, answer and finding is written (`inventory.yaml:35` is
/// `inventory.xlsx!systems row 5`). Findings are sorted by location in a report, so their
/// order follows the locations too and they are compared sorted.
fn content(mut report: Value) -> String {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for key in ["file", "line", "column", "inputs", "sha256"] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut report);
    if let Some(Value::Array(findings)) = report.get_mut("findings") {
        findings.sort_by_key(|f| f.to_string());
    }
    serde_json::to_string_pretty(&report).unwrap()
}

const EXAMPLES: [&str; 7] = [
    "ministry",
    "province",
    "commune",
    "odi-pathway-council",
    "uk-dma-agency",
    "eu-odm-country",
    "samm-digital-centre",
];

#[test]
fn every_example_round_trips_through_workbooks_to_the_same_report() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, lang) in EXAMPLES
        .iter()
        .map(|n| (*n, "en"))
        .chain([("province", "vi"), ("uk-dma-agency", "vi")])
    {
        let dir = tmp.path().join(format!("{name}-{lang}"));
        init_from(&dir, &format!("examples/{name}"), lang);
        assert!(dir.join("questionnaire.xlsx").is_file());
        let yaml = assess_json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name));
        let book = assess_json(&dir);
        let inputs: Vec<&str> = book["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["path"].as_str().unwrap())
            .collect();
        assert!(inputs.iter().any(|p| p.ends_with("questionnaire.xlsx")), "{name}: read {inputs:?}");
        assert_eq!(
            content(book),
            content(yaml),
            "{name} ({lang}) assessed differently from its workbooks"
        );
    }
}

#[test]
fn a_blank_workbook_template_passes_check_and_names_its_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("agency");
    let out = dgmat().args(["init", "--xlsx", "--lang", "vi"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = dgmat().arg("check").arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    // A second init refuses to overwrite the workbooks.
    let out = dgmat().args(["init", "--xlsx"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exist"), "{}", stderr(&out));
    // The workbook holds what a person needs: a dimension sheet with the dropdown words in
    // Vietnamese, and every sheet but the instructions' protected.
    let bytes = std::fs::read(dir.join("questionnaire.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let books = read("xl/workbook.xml");
    for sheet in ["Hướng dẫn", "GOV", "SEC", "_lists"] {
        assert!(books.contains(&format!("name=\"{sheet}\"")), "no sheet {sheet}: {books}");
    }
    let gov = read("xl/worksheets/sheet2.xml");
    assert!(gov.contains("<sheetProtection"), "GOV is not protected");
    assert!(gov.contains("<dataValidation"), "GOV has no dropdowns");
    assert!(gov.contains("có,một phần,không"), "GOV's dropdown is not in Vietnamese");
    assert!(gov.contains("<pane") && gov.contains("frozen"), "GOV's header is not frozen");
}

/// Where LibreOffice is, if anywhere: `DGMAT_SOFFICE`, else `soffice` or `libreoffice` on the
/// PATH.
fn soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DGMAT_SOFFICE") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("soffice"), d.join("libreoffice")])
        .find(|p| p.is_file())
}

#[test]
fn workbooks_saved_again_by_libreoffice_assess_the_same() {
    let Some(soffice) = soffice() else {
        println!("LibreOffice (soffice) not found; skipping the LibreOffice round-trip test");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("written");
    init_from(&dir, "examples/ministry", "vi");
    let yaml = content(assess_json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ministry")));
    for format in ["xlsx", "ods"] {
        let saved = tmp.path().join(format!("saved-{format}"));
        let out = std::process::Command::new(&soffice)
            .env("HOME", tmp.path().join("profile"))
            .args(["--headless", "--calc", "--convert-to", format, "--outdir"])
            .arg(&saved)
            .arg(dir.join("questionnaire.xlsx"))
            .arg(dir.join("inventory.xlsx"))
            .output()
            .unwrap();
        assert!(
            saved.join(format!("questionnaire.{format}")).is_file(),
            "LibreOffice did not save: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = assess_json(&saved);
        let inputs = report["inputs"].to_string();
        assert!(inputs.contains(&format!("questionnaire.{format}")), "{inputs}");
        assert_eq!(
            content(report),
            yaml,
            "the workbooks saved by LibreOffice as .{format} assess differently"
        );
    }
}

/// The agency sheet of a hand-made questionnaire for the mini rubric, with `tier`.
fn agency(tier: &str) -> (&'static str, Vec<Vec<C<'_>>>) {
    use C::*;
    (
        "Agency",
        vec![
            vec![S("Hand-made questionnaire")],
            vec![S("dgmat"), Blank, N(1.0)],
            vec![S("kind"), Blank, S("questionnaire")],
            vec![S("rubric"), Blank, S("mini")],
            vec![S("agency.id"), S("Agency id"), S("hand")],
            vec![S("agency.name"), Blank, S("Hand-made Agency")],
            vec![S("agency.tier"), Blank, S(tier)],
            // 2026-11-20 as a date cell.
            vec![S("assessed_on"), Blank, D(46_346.0)],
        ],
    )
}

/// The title, hint and header rows of a dimension sheet.
fn head<'a>() -> Vec<Vec<C<'a>>> {
    use C::*;
    vec![
        vec![S("SEC — Security")],
        vec![S("Pick the answers")],
        vec![
            S("id"),
            S("level"),
            S("question"),
            S("guidance"),
            S("answer"),
            S("note"),
            S("ref"),
            S("date"),
            S("url"),
        ],
    ]
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn a_hand_made_workbook_is_read_by_its_dropdown_words_and_saved_formula_values() {
    use C::*;
    let mut sec = head();
    // Vietnamese dropdown words, a second piece of evidence on the row below, a formula read by
    // its saved value, and n/a with its note.
    sec.push(vec![
        S("SEC-2.1"),
        N(2.0),
        Blank,
        Blank,
        S("Có"),
        Blank,
        S("Decision 1/QD"),
        D(46_300.0),
    ]);
    sec.push(vec![
        Blank,
        Blank,
        Blank,
        Blank,
        Blank,
        Blank,
        S("Report 2"),
        S("2026-10-01"),
        S("https://x.example"),
    ]);
    sec.push(vec![S("SEC-3.1"), N(3.0), S("computed")]);
    sec.push(vec![
        S("SEC-4.1"),
        N(4.0),
        Blank,
        Blank,
        S("không áp dụng"),
        S("No audits apply here"),
    ]);
    sec.push(vec![S("SEC-5.1"), N(5.0), Blank, Blank, F("50+45", Some("95"))]);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("hand");
    write(&dir, "questionnaire.xlsx", &workbook(&[agency("tỉnh"), ("SEC", sec)]));
    let out = dgmat().args(["assess", "-f", "json", "--rubric", MINI]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["agency"]["tier"], "province");
    assert_eq!(report["assessed_on"], "2026-11-20");
    let criteria = &report["dimensions"][0]["criteria"];
    let status = |id: &str| {
        criteria
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["status"].as_str().unwrap().to_string())
    };
    // SEC-2.1 is yes with evidence; its verify check finds no production system.
    assert_eq!(status("SEC-4.1").as_deref(), Some("not_applicable"));
    assert_eq!(status("SEC-5.1").as_deref(), Some("met"), "{criteria}");
    let evidence = report.to_string();
    assert!(
        evidence.contains("Report 2") && evidence.contains("https://x.example"),
        "the second evidence row is lost"
    );
}

#[test]
fn every_wrong_cell_is_reported_by_sheet_and_cell_in_one_run() {
    use C::*;
    let mut sec = head();
    sec.push(vec![
        S("SEC-2.1"),
        N(2.0),
        Blank,
        Blank,
        S("maybe"),
        Blank,
        S("Doc"),
        S("2026-02-30"),
    ]); // row 4
    sec.push(vec![S("SEC-3.1"), N(3.0), Blank, Blank, S("yes")]); // row 5
    sec.push(vec![S("SEC-4.1"), N(4.0), Blank, Blank, S("n/a")]); // row 6
    sec.push(vec![S("SEC-5.1"), N(5.0), Blank, Blank, F("A1*2", None)]); // row 7
    sec.push(vec![S("SEC-2.11"), N(2.0), Blank, Blank, S("yes")]); // row 8
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("wrong");
    write(
        &dir,
        "questionnaire.xlsx",
        &workbook(&[agency("provnce"), ("SEC", sec), ("Notes", vec![vec![S("x")]])]),
    );
    let out = dgmat().args(["assess", "--rubric", MINI]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let book = dir.join("questionnaire.xlsx").display().to_string();
    for (rule, cell, hint) in [
        ("invalid-value", "Agency!C7", "did you mean `province`?"),
        ("invalid-answer", "SEC!E4", "answer with yes | partial | no"),
        ("invalid-value", "SEC!H4", "YYYY-MM-DD"),
        ("computed-criterion", "SEC!A5", "fill in the inventory"),
        ("na-without-note", "SEC!E6", "why it does not apply"),
        ("uncached-formula", "SEC!E7", "save it again"),
        ("unknown-criterion", "SEC!A8", "did you mean `SEC-2.1`?"),
    ] {
        let at = format!("--> {book}!{cell}\n");
        let i = err.find(&at).unwrap_or_else(|| panic!("no finding at {cell}:\n{err}"));
        let before = &err[..i];
        let start = before.rfind("error[").unwrap();
        assert!(
            before[start..].starts_with(&format!("error[{rule}]")),
            "{cell}: {}",
            &before[start..]
        );
        let after = &err[i..];
        let end = after.find("\nerror[").unwrap_or(after.len());
        assert!(after[..end].contains(hint), "{cell} lacks the hint `{hint}`: {}", &after[..end]);
    }
    assert!(err.contains("sheet `Notes`"), "the stray sheet is not reported: {err}");
    // `check` reports the same cells as findings (exit 1), with their JSON locations.
    let out = dgmat().args(["check", "-f", "json", "--rubric", MINI]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json = stdout(&out);
    assert!(
        json.contains(&format!("\"file\":\"{book}!SEC\"")) || json.contains(&format!("\"file\": \"{book}!SEC\"")),
        "{json}"
    );
    // The summary counts the workbook once, however many of its sheets hold problems.
    let out = dgmat().args(["check", "--rubric", MINI]).arg(&dir).output().unwrap();
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("in 1 file(s)"), "{text}");
}

/// The agency block's problems are reported together, an empty agency id among them (as a YAML
/// questionnaire's are), and `check` points the `unanswered` warning at the first blank
/// question's row.
#[test]
fn an_empty_agency_id_is_reported_beside_the_other_problems_and_blank_rows_are_unanswered() {
    use C::*;
    let (name, mut rows) = agency("provnce");
    rows[4] = vec![S("agency.id"), S("Agency id"), Blank];
    let mut sec = head();
    sec.push(vec![S("SEC-2.1"), N(2.0)]); // row 4, blank
    sec.push(vec![S("SEC-3.1"), N(3.0), S("computed")]); // row 5, blank and computed
    sec.push(vec![S("SEC-4.1"), N(4.0), Blank, Blank, S("no")]); // row 6
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("blank-id");
    write(&dir, "questionnaire.xlsx", &workbook(&[(name, rows), ("SEC", sec)]));
    let out = dgmat().args(["check", "-f", "json", "--rubric", MINI]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let book = dir.join("questionnaire.xlsx").display().to_string();
    let at = |id: &str| -> Vec<String> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["id"] == id)
            .map(|f| format!("{}:{}:{} {}", f["file"].as_str().unwrap(), f["line"], f["column"], f["message"]))
            .collect()
    };
    let missing = at("missing-key");
    assert!(
        missing.len() == 1 && missing[0].starts_with(&format!("{book}!Agency:5:3 ")),
        "{missing:?}"
    );
    let tier = at("invalid-value");
    assert!(tier.len() == 1 && tier[0].contains("unknown tier `provnce`"), "{tier:?}");
    let unanswered: Vec<String> = at("unanswered").into_iter().filter(|f| f.contains("SEC Security")).collect();
    assert!(
        unanswered.len() == 1 && unanswered[0].starts_with(&format!("{book}!SEC:4:1 ")),
        "{unanswered:?}"
    );
    assert!(
        unanswered[0].contains("`SEC-2.1`, `SEC-5.1`") && !unanswered[0].contains("SEC-3.1"),
        "the blank question and the one without a row, not the computed one: {unanswered:?}"
    );
    assert!(at("computed-criterion").is_empty(), "a blank computed row is no answer");
}

#[test]
fn batch_discovers_workbook_questionnaires() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("round");
    init_from(&root.join("mont-workbook"), "examples/ministry", "en");
    // Only the questionnaire workbook marks the folder as a submission.
    std::fs::remove_file(root.join("mont-workbook/inventory.xlsx")).unwrap();
    let out_dir = tmp.path().join("out");
    let out = dgmat()
        .args(["batch", "--as-of", "2026-12-01"])
        .arg(&root)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    assert!(summary.contains("mont-workbook") && summary.contains(",ok,"), "{summary}");
    assert!(summary.contains(",mont,"), "{summary}");
}

#[test]
fn questionnaire_workbooks_obey_the_zip_and_row_caps() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("capped");
    init_from(&dir, "examples/ministry", "en");
    let out = dgmat().args(["assess", "--max-unzipped-mb", "0"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error[too-large]") && err.contains("questionnaire.xlsx would decompress"),
        "{err}"
    );
    let out = dgmat().args(["assess", "--max-rows", "5"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("error[too-many-rows]") && err.contains("questionnaire.xlsx!"), "{err}");
}

#[test]
fn inventory_formulas_are_read_by_their_saved_values() {
    use C::*;
    let header = vec![S("id"), S("status"), S("security_level")];
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("inv");
    let sheet = vec![
        header,
        vec![S("s1"), S("production"), F("1+2", Some("3"))],
        vec![S("s2"), S("production"), F("B9*2", None)],
    ];
    write(&dir, "inventory.xlsx", &workbook(&[("systems", sheet)]));
    let out = dgmat().args(["check", "--rubric", MINI]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        err.contains("error[uncached-formula]") && err.contains("inventory.xlsx!systems!C3"),
        "{err}"
    );
    assert!(!err.contains("systems!C2"), "the formula with a saved value was not read: {err}");
}

/// Answer cells typed in Vietnamese without the dropdown: any case, with or without
/// diacritics, and a percent written `95%`.
#[test]
fn answer_cells_typed_in_vietnamese_read_as_the_dropdown_words() {
    use C::*;
    let mut sec = head();
    sec.push(vec![
        S("SEC-2.1"),
        N(2.0),
        Blank,
        Blank,
        S("MOT PHAN"),
        Blank,
        S("Decision 1/QD"),
        D(46_300.0),
    ]);
    sec.push(vec![S("SEC-4.1"), N(4.0), Blank, Blank, S("co")]);
    sec.push(vec![S("SEC-5.1"), N(5.0), Blank, Blank, S("95%")]);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("typed");
    write(&dir, "questionnaire.xlsx", &workbook(&[agency("tỉnh"), ("SEC", sec)]));
    let out = dgmat().args(["assess", "-f", "json", "--rubric", MINI]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let criteria = report["dimensions"][0]["criteria"].as_array().unwrap().clone();
    let status = |id: &str| criteria.iter().find(|c| c["id"] == id).map(|c| c["status"].clone());
    assert_eq!(status("SEC-2.1"), Some(Value::from("partial")), "{criteria:?}");
    assert_eq!(status("SEC-4.1"), Some(Value::from("met")), "{criteria:?}");
    assert_eq!(status("SEC-5.1"), Some(Value::from("met")), "{criteria:?}");
}
