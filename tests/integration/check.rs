//! `dgmat check`: exact findings per rule family, every output format, and the exit-code gate.

use super::malformed::CASES;
use super::{MINI, dgmat, finding_ids, stderr, stdout};
use serde_json::Value;

fn check_json(args: &[&str]) -> (Option<i32>, Value) {
    let out = dgmat()
        .args(["check", "--rubric", MINI, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out))),
    )
}

fn finding<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {report:#}"))
}

#[test]
fn each_load_rule_family_is_reported_at_its_exact_place() {
    for (file, rule, at, _) in CASES {
        let path = format!("tests/fixtures/malformed/{file}");
        let (code, report) = check_json(&[&path]);
        assert_eq!(code, Some(1), "{file}: an invalid file fails the check");
        let f = finding(&report, rule);
        let mut parts = at.trim_start_matches(':').split(':').map(|n| n.parse::<u64>().unwrap());
        assert_eq!(f["file"], path.as_str(), "{file}");
        assert_eq!(f["line"].as_u64(), parts.next(), "{file}");
        assert_eq!(f["column"].as_u64(), parts.next(), "{file}");
        assert_eq!(f["severity"], "error");
    }
}

#[test]
fn assessment_rule_families_are_reported() {
    let (code, r) = check_json(&[
        "tests/fixtures/statuses/contradicted.yaml",
        "tests/fixtures/statuses/contradicting_inventory.yaml",
    ]);
    assert_eq!(code, Some(1), "SYS-LEVEL is an error");
    let f = finding(&r, "SYS-LEVEL");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(6), Some(5)));
    let f = finding(&r, "contradicted");
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64(), f["severity"].as_str()),
        (Some(7), Some(13), Some("warning"))
    );

    let (code, r) = check_json(&[
        "tests/fixtures/statuses/evidence_missing.yaml",
        "tests/fixtures/good/sub/inventory.yaml",
    ]);
    assert_eq!(code, Some(0), "warnings alone pass");
    let f = finding(&r, "evidence-missing");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(6), Some(12)));

    let (_, r) = check_json(&[
        "tests/fixtures/statuses/evidence_stale.yaml",
        "tests/fixtures/good/sub/inventory.yaml",
    ]);
    let f = finding(&r, "evidence-stale");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(7), Some(13)));

    let (_, r) = check_json(&[
        "tests/fixtures/statuses/evidence_missing.yaml",
        "tests/fixtures/statuses/other_agency_inventory.yaml",
    ]);
    let f = finding(&r, "agency-mismatch");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(3), Some(9)));

    let (_, r) = check_json(&["tests/fixtures/statuses/other_rubric.yaml"]);
    let f = finding(&r, "rubric-mismatch");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(3), Some(9)));
}

#[test]
fn all_problems_of_several_files_in_one_run() {
    let (code, r) = check_json(&[
        "tests/fixtures/malformed/unknown_criterion.yaml",
        "tests/fixtures/malformed/dangling_reference.yaml",
    ]);
    assert_eq!(code, Some(1));
    let ids = finding_ids(&r);
    // The record rule still runs on the inventory beside the broken reference.
    assert_eq!(
        ids,
        ["SYS-LEVEL", "dangling-reference", "unanswered", "unanswered", "unknown-criterion"]
    );
    assert_eq!(r["summary"]["errors"], 3);
}

#[test]
fn clean_submission_passes_and_gates_apply() {
    let out = dgmat()
        .args(["check", "tests/fixtures/good/sub", "--rubric", MINI])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("0 error(s), 0 warning(s) in 2 file(s) of 1 submission(s)"),
        "{}",
        stdout(&out)
    );
    let out = dgmat()
        .args(["check", "tests/fixtures/good/sub", "--rubric", MINI, "--min-level", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("overall level 2 is below the required 3 (SEC at 2)"),
        "{}",
        stdout(&out)
    );
    let out = dgmat()
        .args(["check", "tests/fixtures/good/sub", "--rubric", MINI, "--target", "t3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = dgmat()
        .args(["check", "tests/fixtures/good/sub", "--rubric", MINI, "--target", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let files = [
        "tests/fixtures/statuses/evidence_missing.yaml",
        "tests/fixtures/good/sub/inventory.yaml",
    ];
    let out = dgmat().args(["check", "--rubric", MINI]).args(files).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = dgmat()
        .args(["check", "--rubric", MINI, "--warnings-as-errors"])
        .args(files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn nothing_checkable_exits_2() {
    let out = dgmat().args(["check", "no/such/dir", "--rubric", MINI]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dgmat()
        .args([
            "check",
            "tests/fixtures/good/sub",
            "--rubric",
            "tests/fixtures/malformed/bad_enum.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
}

const BROKEN: [&str; 3] = [
    "tests/fixtures/statuses/contradicted.yaml",
    "tests/fixtures/statuses/contradicting_inventory.yaml",
    "--min-level=3",
];

fn formatted(format: &str) -> String {
    let out = dgmat()
        .args(["check", "--rubric", MINI, "--format", format])
        .args(BROKEN)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    stdout(&out)
}

#[test]
fn text_format() {
    insta::assert_snapshot!(formatted("text"));
}

#[test]
fn json_format() {
    insta::assert_snapshot!(formatted("json"));
}

#[test]
fn github_format() {
    let text = formatted("github");
    assert!(
        text.contains("::error file=tests/fixtures/statuses/contradicting_inventory.yaml,line=6,col=5,title=dgmat SYS-LEVEL::"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn junit_format() {
    let text = formatted("junit");
    assert!(
        text.contains(r#"<testsuite name="tests/fixtures/statuses/contradicting_inventory.yaml""#),
        "{text}"
    );
    assert!(text.contains(r#"<testcase name="SYS-LEVEL""#), "{text}");
    assert!(text.contains("<failure"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn sarif_format_is_valid_sarif_2_1_0() {
    let text = formatted("sarif");
    let log: Value = serde_json::from_str(&text).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/tests/fixtures/sarif-schema-2.1.0.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken), "the schema check can fail");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 4, "two unanswered, contradicted, SYS-LEVEL");
    let uri = &results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "tests/fixtures/statuses/contradicting_inventory.yaml", "relative URIs");
    insta::assert_snapshot!(text);
}

/// Every rule SARIF lists for the malformed-input fixtures is described (not its bare id) and
/// has a help text; a contradiction cites the failing records as related locations.
#[test]
fn sarif_rules_are_described_and_contradictions_cite_their_records() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/malformed");
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| format!("tests/fixtures/malformed/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    paths.sort();
    let mut seen = std::collections::BTreeSet::new();
    for path in &paths {
        let out = dgmat()
            .args(["check", "--rubric", MINI, "--format", "sarif", path])
            .output()
            .unwrap();
        let log: Value = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{path}: {e}"));
        for rule in log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap() {
            let id = rule["id"].as_str().unwrap();
            let short = rule["shortDescription"]["text"].as_str().unwrap();
            let help = rule["help"]["text"].as_str().unwrap_or_default();
            assert!(short != id && !short.is_empty(), "{path}: rule {id} is described by its id");
            assert!(help.len() > 20, "{path}: rule {id} has no help: {rule:#}");
            assert!(
                rule["fullDescription"]["text"].as_str().is_some_and(|f| f != id),
                "{path}: {rule:#}"
            );
            seen.insert(id.to_string());
        }
    }
    assert!(seen.len() >= 10, "the fixtures cover too few rules: {seen:?}");

    let out = dgmat()
        .args(["check", "--rubric", MINI, "--format", "sarif"])
        .args([
            "tests/fixtures/statuses/contradicted.yaml",
            "tests/fixtures/statuses/contradicting_inventory.yaml",
        ])
        .output()
        .unwrap();
    let log: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let contradiction = results.iter().find(|r| r["ruleId"] == "contradicted").unwrap();
    let related = contradiction["relatedLocations"].as_array().unwrap();
    assert_eq!(related.len(), 1, "{contradiction:#}");
    let place = &related[0]["physicalLocation"];
    assert_eq!(
        place["artifactLocation"]["uri"],
        "tests/fixtures/statuses/contradicting_inventory.yaml"
    );
    assert_eq!(place["region"]["startLine"], 6);
    assert!(
        related[0]["message"]["text"].as_str().unwrap().contains("systems s2"),
        "{contradiction:#}"
    );
}

/// A questionnaire and an inventory holding one instance of every kind of problem: one run
/// reports every one at its place, and the record rules still run on the records that typed
/// (s1's security level is invalid, so s1 is left out: only s2 breaks SYS-LEVEL).
#[test]
fn every_problem_of_a_submission_is_reported_in_one_run() {
    let (code, r) = check_json(&["tests/fixtures/every-problem"]);
    assert_eq!(code, Some(1));
    let q = "tests/fixtures/every-problem/questionnaire.yaml";
    let i = "tests/fixtures/every-problem/inventory.yaml";
    let expected: &[(&str, &str, u64, u64)] = &[
        ("unknown-key", i, 7, 1),         // unknown collection
        ("invalid-value", i, 9, 50),      // not an integer
        ("SYS-LEVEL", i, 10, 5),          // the rule, on a record that typed
        ("invalid-value", i, 11, 22),     // not one of the enum's values
        ("invalid-value", i, 12, 50),     // out of range
        ("invalid-value", i, 13, 61),     // not a boolean
        ("invalid-value", i, 14, 66),     // impossible date
        ("unknown-key", i, 15, 53),       // unknown field
        ("missing-field", i, 16, 5),      // required field
        ("duplicate-record", i, 17, 5),   // key used twice
        ("dangling-reference", i, 18, 5), // reference to nothing
        ("invalid-value", i, 19, 11),     // collection not a list
        ("invalid-value", q, 6, 45),      // unknown tier
        ("invalid-value", q, 7, 14),      // bad assessed_on
        ("unknown-key", q, 8, 1),         // unknown top-level key
        ("contradicted", q, 10, 12),      // verify fails on s2
        ("computed-criterion", q, 11, 3), // answer to a check
        ("na-without-note", q, 12, 12),
        ("invalid-answer", q, 13, 12), // percent 120
        ("unknown-criterion", q, 14, 3),
        ("na-not-allowed", q, 15, 12),
        ("unknown-key", q, 18, 5),    // unknown key of a long-form answer
        ("invalid-value", q, 19, 40), // bad evidence date
    ];
    let found: Vec<(&str, &str, u64, u64)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap(),
                f["file"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, expected, "{r:#}");
    assert_eq!(r["submissions"][0]["valid"], false);
}

/// Many submissions (valid, invalid, several rubrics), checked on one thread and on four: every
/// format's bytes and the exit code are the same, so -j never changes what CI sees.
#[test]
fn output_is_the_same_whatever_the_number_of_threads() {
    let mut paths: Vec<String> = [
        "commune",
        "eu-odm-country",
        "ministry",
        "odi-pathway-council",
        "province",
        "samm-digital-centre",
        "uk-dma-agency",
    ]
    .iter()
    .map(|d| format!("examples/{d}"))
    .collect();
    paths.extend(
        ["a-valid", "b-duplicate", "c-invalid", "d-hostile", "nested/e-formula"]
            .iter()
            .map(|d| format!("tests/fixtures/batch/{d}")),
    );
    paths.push("tests/fixtures/good/sub".into());
    for format in ["text", "json", "sarif", "junit", "github"] {
        let run = |jobs: &str| {
            dgmat()
                .args(["check", "--format", format, "-j", jobs])
                .args(&paths)
                .env("NO_COLOR", "1")
                .output()
                .unwrap()
        };
        let one = run("1");
        let four = run("4");
        assert!(one.stdout.len() > 1000, "{format}: {}", stderr(&one));
        assert_eq!(one.status.code(), four.status.code(), "{format}");
        assert!(one.stdout == four.stdout, "{format}: -j 1 and -j 4 differ");
        assert_eq!(stderr(&one), stderr(&four), "{format}");
    }
}
