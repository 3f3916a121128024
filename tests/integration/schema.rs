//! `dgmat schema`: the committed schemas in `schemas/` are what the binary prints, and the
//! shipped files validate against them.

use super::{MINI, dgmat, stdout};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn schema(args: &[&str]) -> Value {
    let out = dgmat().arg("schema").args(args).output().unwrap();
    assert!(out.status.success());
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn yaml(path: &str) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap()).unwrap()
}

fn assert_valid(schema: &Value, path: &str) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let doc = yaml(path);
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:#?}");
}

#[test]
fn committed_schemas_are_current() {
    for (file, args) in [
        ("rubric.schema.json", vec!["rubric"]),
        ("questionnaire.schema.json", vec!["questionnaire"]),
        ("report.schema.json", vec!["report"]),
        ("diff.schema.json", vec!["diff"]),
        ("inventory.vn-dgmm.schema.json", vec!["inventory", "--rubric", "vn-dgmm"]),
    ] {
        let committed: Value = serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/schemas/{file}")).unwrap()).unwrap();
        assert!(
            committed == schema(&args),
            "schemas/{file} is stale: regenerate it with `dgmat schema {} > schemas/{file}`",
            args.join(" ")
        );
        assert_eq!(committed["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
}

#[test]
fn fixtures_validate_against_the_schemas() {
    assert_valid(&schema(&["rubric"]), MINI);
    assert_valid(&schema(&["rubric"]), "rubrics/vn-dgmm.yaml");
    assert_valid(&schema(&["questionnaire"]), "tests/fixtures/good/sub/questionnaire.yaml");
    assert_valid(&schema(&["questionnaire"]), "tests/fixtures/statuses/evidence_fresh_enough.yaml");
    assert_valid(&schema(&["inventory", "--rubric", MINI]), "tests/fixtures/good/sub/inventory.yaml");
}

#[test]
fn schemas_reject_what_dgmat_rejects() {
    let inventory = schema(&["inventory", "--rubric", MINI]);
    let validator = jsonschema::validator_for(&inventory).unwrap();
    assert!(!validator.is_valid(&yaml("tests/fixtures/malformed/unknown_field.yaml")));
    assert!(!validator.is_valid(&yaml("tests/fixtures/malformed/bad_enum.yaml")));
    assert!(!validator.is_valid(&yaml("tests/fixtures/malformed/out_of_range.yaml")));
    let questionnaire = jsonschema::validator_for(&schema(&["questionnaire"])).unwrap();
    assert!(!questionnaire.is_valid(&yaml("tests/fixtures/malformed/bad_tier.yaml")));
    assert!(!questionnaire.is_valid(&yaml("tests/fixtures/malformed/unknown_answer_key.yaml")));
}

#[test]
fn the_json_report_matches_its_schema() {
    let out = dgmat()
        .args(["assess", "tests/fixtures/good/sub", "--rubric", MINI, "-f", "json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema(&["report"])).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn completions_and_man_page() {
    let out = dgmat().args(["completions", "bash"]).output().unwrap();
    assert!(stdout(&out).contains("dgmat") && stdout(&out).contains("assess"));
    let out = dgmat().arg("man").output().unwrap();
    assert!(stdout(&out).starts_with(".ie") && stdout(&out).contains(".SH NAME"));
}

#[test]
fn cli_definition_is_consistent() {
    <dgmat::cli::Cli as clap::CommandFactory>::command().debug_assert();
}

#[test]
fn the_json_diff_matches_its_schema() {
    let out = dgmat()
        .args(["diff", "examples/ministry", "examples/province", "-f", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let diff: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !diff["warnings"].as_array().unwrap().is_empty(),
        "two agencies: a warning to validate too"
    );
    let validator = jsonschema::validator_for(&schema(&["diff"])).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&diff)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema is strict enough to notice a missing field.
    let mut broken = diff.clone();
    broken.as_object_mut().unwrap().remove("overall");
    assert!(!validator.is_valid(&broken));
}
