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
        ("waivers.schema.json", vec!["waivers"]),
        ("summary.schema.json", vec!["summary"]),
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

/// `dgmat schema --write` writes exactly what `schemas/` holds.
#[test]
fn schema_write_writes_the_committed_schemas() {
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat().args(["schema", "--write"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", super::stderr(&out));
    let names = |d: &std::path::Path| {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    let committed = std::path::Path::new(ROOT).join("schemas");
    assert_eq!(
        names(dir.path()),
        names(&committed),
        "regenerate with `dgmat schema --write schemas`"
    );
    for name in names(dir.path()) {
        assert!(
            std::fs::read(dir.path().join(&name)).unwrap() == std::fs::read(committed.join(&name)).unwrap(),
            "schemas/{name} is stale: regenerate with `dgmat schema --write schemas`"
        );
    }
    assert!(names(&committed).contains(&"questionnaire.vn-dgmm.schema.json".to_string()));
}

/// The `$schema` line of a shipped example: the committed schema it names.
fn schema_of(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
    let target = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
        .unwrap_or_else(|| panic!("{path} has no $schema line"));
    let dir = std::path::Path::new(ROOT).join(path);
    let file = dir.parent().unwrap().join(target);
    serde_json::from_str(&std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path} -> {}: {e}", file.display()))).unwrap()
}

/// Every shipped example validates against the rubric-specific schema its `$schema` line names,
/// which is the schema `dgmat schema questionnaire --rubric R` prints for its rubric; a wrong
/// answer, an unknown id and an answer to a computed criterion are rejected.
#[test]
fn the_examples_validate_against_their_rubrics_schemas() {
    let mut seen = 0;
    for entry in std::fs::read_dir(format!("{ROOT}/examples")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        for kind in ["questionnaire", "inventory"] {
            let path = format!("examples/{name}/{kind}.yaml");
            if !std::path::Path::new(ROOT).join(&path).exists() {
                continue;
            }
            let q = yaml(&format!("examples/{name}/questionnaire.yaml"));
            let rubric = q["rubric"].as_str().unwrap();
            let schema = schema_of(&path);
            assert_eq!(
                schema,
                self::schema(&[kind, "--rubric", rubric]),
                "{path}: its $schema line names {rubric}'s schema"
            );
            assert_valid(&schema, &path);
            seen += 1;
        }
    }
    assert!(seen >= 10, "{seen}");

    let validator = jsonschema::validator_for(&schema(&["questionnaire", "--rubric", "vn-dgmm"])).unwrap();
    let mut q = yaml("examples/ministry/questionnaire.yaml");
    assert!(validator.is_valid(&q));
    let answers = q["answers"].as_object_mut().unwrap();
    let good = answers["GOV-4.1"].clone();
    answers.insert("GOV-4.1".into(), "maybe".into());
    assert!(!validator.is_valid(&q), "GOV-4.1: maybe");
    let answers = q["answers"].as_object_mut().unwrap();
    answers.insert("GOV-4.1".into(), serde_json::json!({"answer": "maybe", "note": "x"}));
    assert!(!validator.is_valid(&q), "the long form too");
    let answers = q["answers"].as_object_mut().unwrap();
    answers.insert("GOV-4.1".into(), good);
    answers.insert("XYZ-9.9".into(), "yes".into());
    assert!(!validator.is_valid(&q), "an unknown id");
    let answers = q["answers"].as_object_mut().unwrap();
    answers.remove("XYZ-9.9");
    answers.insert("SEC-3.1".into(), "yes".into());
    assert!(!validator.is_valid(&q), "an answer to a computed criterion");
    // Blank answers (as `init` writes them) are valid.
    let answers = q["answers"].as_object_mut().unwrap();
    answers.remove("SEC-3.1");
    answers.insert("GOV-4.1".into(), Value::Null);
    assert!(validator.is_valid(&q));
}

/// The schema states what each criterion accepts: options, ranges, n/a where allowed.
#[test]
fn a_rubrics_questionnaire_schema_lists_what_each_question_accepts() {
    let s = schema(&["questionnaire", "--rubric", MINI]);
    let answers = &s["properties"]["answers"];
    assert_eq!(answers["additionalProperties"], false);
    let ids: Vec<&str> = answers["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        ["SEC-2.1", "SEC-4.1", "SEC-5.1", "SHR-2.1", "SHR-5.1"],
        "questions only, not checks"
    );
    let v = jsonschema::validator_for(&s).unwrap();
    let doc = |answer: Value| serde_json::json!({"dgmat": 1, "kind": "questionnaire", "agency": {"id": "a"}, "answers": answer});
    for (answer, ok) in [
        (serde_json::json!({"SEC-5.1": 90}), true),
        (serde_json::json!({"SEC-5.1": 120}), false),
        (serde_json::json!({"SEC-5.1": "85%"}), true),
        (serde_json::json!({"SEC-4.1": "n/a"}), true),
        (serde_json::json!({"SHR-2.1": "n/a"}), false),
        (serde_json::json!({"SHR-2.1": "partial"}), false),
        (serde_json::json!({"SEC-2.1": "partial"}), true),
        (serde_json::json!({"SHR-5.1": "some"}), true),
        (serde_json::json!({"SHR-5.1": "most"}), false),
    ] {
        assert_eq!(v.is_valid(&doc(answer.clone())), ok, "{answer}");
    }
    assert!(
        answers["properties"]["SEC-5.1"]["description"]
            .as_str()
            .unwrap()
            .contains("a percentage 0-100")
    );
    let out = dgmat().args(["schema", "questionnaire", "--rubric", "no-such"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
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

/// `dgmat man` names no page that does not exist: on stdout the subcommands are `dgmat assess`;
/// `man --dir` writes every page the pages refer to.
#[test]
fn man_pages_name_only_pages_that_exist() {
    let refs = |page: &str| -> Vec<String> {
        page.split(|c: char| c.is_whitespace())
            .filter(|w| w.starts_with("dgmat\\-") && w.ends_with("(1)"))
            .map(|w| format!("{}.1", w.trim_end_matches("(1)").replace("\\-", "-")))
            .collect()
    };
    let out = dgmat().arg("man").output().unwrap();
    let page = stdout(&out);
    assert!(page.contains("dgmat assess"), "{page}");
    assert_eq!(refs(&page), Vec::<String>::new(), "the page alone names no other page");
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat().args(["man", "--dir"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", super::stderr(&out));
    let main = std::fs::read_to_string(dir.path().join("dgmat.1")).unwrap();
    let named = refs(&main);
    assert!(named.contains(&"dgmat-assess.1".to_string()), "{named:?}");
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for name in refs(&page) {
            assert!(dir.path().join(&name).exists(), "{name} is named but not written");
        }
    }
}

/// The errors of `doc` against `schema`, located.
fn errors(schema: &Value, doc: &Value) -> Vec<String> {
    jsonschema::validator_for(schema)
        .unwrap()
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// A batch over the three vn-dgmm examples, an invalid submission and a second copy of the
/// commune (the two conflict: same agency, same date), optionally with an inspector's verification of the ministry and
/// one of an agency not in the round: its `summary.json`.
fn batch_summary(verified: bool) -> Value {
    let root = super::vn_examples();
    let ministry = std::fs::read_to_string(format!("{ROOT}/examples/ministry/questionnaire.yaml")).unwrap();
    let put = |dir: &std::path::Path, name: &str, text: &str| {
        std::fs::create_dir_all(dir.join(name)).unwrap();
        std::fs::write(dir.join(name).join("questionnaire.yaml"), text).unwrap();
    };
    let broken = ministry.replacen("agency: {id: mont,", "agency: {id: broken,", 1).replacen(
        "  GOV-2.1:\n    answer: yes",
        "  GOV-2.1:\n    answer: maybe",
        1,
    );
    assert!(
        broken.contains("id: broken") && broken.contains("answer: maybe"),
        "the example still holds them"
    );
    put(root.path(), "zz-broken", &broken);
    let commune = root.path().join("commune");
    std::fs::create_dir_all(root.path().join("zz-commune")).unwrap();
    for f in ["questionnaire.yaml", "inventory.yaml"] {
        std::fs::copy(commune.join(f), root.path().join("zz-commune").join(f)).unwrap();
    }
    let inspections = tempfile::tempdir().unwrap();
    put(
        inspections.path(),
        "mont",
        &ministry.replacen("  GOV-2.1:\n    answer: yes", "  GOV-2.1:\n    answer: no", 1),
    );
    put(
        inspections.path(),
        "ghost",
        &ministry.replacen("agency: {id: mont,", "agency: {id: ghost,", 1),
    );
    let out = tempfile::tempdir().unwrap();
    let mut cmd = dgmat();
    cmd.arg("batch")
        .arg(root.path())
        .arg("--out")
        .arg(out.path())
        .args(["--as-of", "2026-12-01", "-j", "2", "-q"]);
    if verified {
        cmd.arg("--verified").arg(inspections.path());
    }
    let o = cmd.output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "the invalid submission fails the batch: {}",
        super::stderr(&o)
    );
    serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap()).unwrap()
}

/// `summary.json` validates against `dgmat schema summary`, with and without `--verified`, and
/// every status the batch gave is one the schema lists.
#[test]
fn the_batch_summary_matches_its_schema() {
    let schema = schema(&["summary"]);
    for verified in [false, true] {
        let summary = batch_summary(verified);
        let statuses: Vec<&str> = summary["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["status"].as_str().unwrap())
            .collect();
        assert_eq!(
            statuses,
            ["conflict", "ok", "ok", "invalid", "conflict"],
            "commune, ministry, province, zz-broken, zz-commune"
        );
        assert!(!summary["warnings"].as_array().unwrap().is_empty(), "the conflict is warned about");
        assert_eq!(summary.get("verification").is_some(), verified);
        if verified {
            assert_eq!(summary["verification"]["unmatched"], serde_json::json!(["ghost"]));
            assert!(
                summary["rows"][1]["verification"]["dimensions"].is_array(),
                "the ministry is verified"
            );
        }
        let found = errors(&schema, &summary);
        assert!(found.is_empty(), "verified: {verified}: {found:#?}");
    }
}

/// The summary schema notices a wrong status, a missing key, a wrong type and a wrong version.
#[test]
fn the_summary_schema_rejects_a_wrong_summary() {
    let schema = schema(&["summary"]);
    let summary = batch_summary(true);
    assert!(errors(&schema, &summary).is_empty());
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut doc = summary.clone();
        edit(&mut doc);
        errors(&schema, &doc)
    };
    for (what, found) in [
        ("a status not listed", broken(&|d| d["rows"][0]["status"] = "done".into())),
        (
            "a row without its status",
            broken(&|d| {
                d["rows"][0].as_object_mut().unwrap().remove("status");
            }),
        ),
        (
            "a row without its overall level, not even null",
            broken(&|d| {
                d["rows"][2].as_object_mut().unwrap().remove("level");
            }),
        ),
        (
            "no totals",
            broken(&|d| {
                d.as_object_mut().unwrap().remove("totals");
            }),
        ),
        ("a count as text", broken(&|d| d["totals"]["counted"] = "5".into())),
        ("a share at level `x`", broken(&|d| d["at_or_above"]["overall"]["x"] = 0.5.into())),
        ("another format version", broken(&|d| d["dgmat_batch"] = 2.into())),
        (
            "a verification without its kappa",
            broken(&|d| {
                d["verification"]["agreement"].as_object_mut().unwrap().remove("kappa");
            }),
        ),
    ] {
        assert!(!found.is_empty(), "{what} is not caught");
    }
}
