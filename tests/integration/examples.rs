//! The shipped examples against the built-in rubric: their results are pinned, and they stay
//! consistent (the ministry's deliberate problems are exactly the ones it reports).

use super::{dgmat, stderr, stdout};
use serde_json::Value;

fn report(dir: &str) -> Value {
    let out = dgmat().args(["assess", dir, "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn levels(r: &Value) -> Vec<(String, u64)> {
    r["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d["level"].as_u64().unwrap()))
        .collect()
}

fn status<'a>(r: &'a Value, id: &str) -> &'a str {
    super::criterion(r, id)["status"].as_str().unwrap()
}

fn pairs(v: &[(&str, u64)]) -> Vec<(String, u64)> {
    v.iter().map(|(d, l)| (d.to_string(), *l)).collect()
}

#[test]
fn ministry_is_at_level_2() {
    let r = report("examples/ministry");
    assert_eq!(r["rubric"]["id"], "vn-dgmm");
    assert_eq!(r["overall"]["level"], 2);
    assert_eq!(super::shown(&r["overall"]["index"]), Some(2.31));
    assert_eq!(
        r["target"],
        serde_json::json!({"id": "dgp-2027", "level": 3, "due": "2027-12-31", "met": false})
    );
    let expected = [
        ("GOV", 2),
        ("CAT", 2),
        ("DQ", 2),
        ("SEC", 2),
        ("SHR", 2),
        ("OPN", 2),
        ("DIG", 3),
        ("USE", 2),
        ("STD", 2),
        ("SKL", 2),
        ("MON", 2),
    ];
    assert_eq!(levels(&r), pairs(&expected));
    assert_eq!(status(&r, "DQ-3.2"), "evidence_missing");
    assert_eq!(status(&r, "SEC-3.2"), "contradicted");
    assert_eq!(status(&r, "OPN-3.1"), "evidence_stale");
    assert_eq!(status(&r, "SEC-3.1"), "not_met");
    assert_eq!(r["gaps"].as_array().unwrap().len(), 27);
    let sec = r["gaps"].as_array().unwrap().iter().find(|g| g["criterion"] == "SEC-3.1").unwrap();
    let keys: Vec<&str> = sec["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["mont-vehicle-reg", "mont-mining", "mont-traffic-cam"]);
    assert_eq!(sec["records"][0]["line"], 35);
}

#[test]
fn province_is_at_level_3_and_meets_2027() {
    let r = report("examples/province");
    assert_eq!(r["overall"]["level"], 3);
    assert_eq!(super::shown(&r["overall"]["index"]), Some(3.89));
    assert_eq!(r["target"]["met"], true);
    let expected = [
        ("GOV", 4),
        ("CAT", 3),
        ("DQ", 3),
        ("SEC", 4),
        ("SHR", 3),
        ("OPN", 4),
        ("DIG", 3),
        ("USE", 3),
        ("STD", 3),
        ("SKL", 3),
        ("MON", 4),
    ];
    assert_eq!(levels(&r), pairs(&expected));
    assert_eq!(status(&r, "SHR-5.2"), "not_applicable");
    assert_eq!(status(&r, "DQ-5.2"), "not_applicable");
    assert!(r["gaps"].as_array().unwrap().is_empty());
    assert!(r["findings"].as_array().unwrap().is_empty());
    let r2030: Value = {
        let out = dgmat()
            .args(["assess", "examples/province", "-f", "json", "--target", "dgp-2030"])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert_eq!(
        r2030["target"],
        serde_json::json!({"id": "dgp-2030", "level": 4, "due": "2030-12-31", "met": false})
    );
    let gap_dims: std::collections::BTreeSet<&str> = r2030["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["dimension"].as_str().unwrap())
        .collect();
    assert_eq!(
        gap_dims.into_iter().collect::<Vec<_>>(),
        ["CAT", "DIG", "DQ", "SHR", "SKL", "STD", "USE"]
    );
}

#[test]
fn commune_is_at_level_4_and_meets_2030() {
    let r = report("examples/commune");
    assert_eq!(r["agency"]["tier"], "commune");
    assert_eq!(r["overall"]["level"], 4);
    assert_eq!(super::shown(&r["overall"]["index"]), Some(4.68));
    let expected = [
        ("GOV", 4),
        ("CAT", 5),
        ("DQ", 4),
        ("SEC", 4),
        ("SHR", 5),
        ("OPN", 4),
        ("DIG", 4),
        ("USE", 4),
        ("STD", 4),
        ("SKL", 5),
        ("MON", 5),
    ];
    assert_eq!(levels(&r), pairs(&expected));
    assert!(r["findings"].as_array().unwrap().is_empty());
    let out = dgmat()
        .args(["assess", "examples/commune", "-f", "json", "--target", "dgp-2030"])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["target"]["met"], true);
}

#[test]
fn the_readme_command_shows_levels_gaps_and_records() {
    let out = dgmat().args(["assess", "examples/ministry"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn vietnamese_table_of_the_ministry() {
    let out = dgmat().args(["assess", "examples/ministry", "--lang", "vi"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("Lĩnh vực") && text.contains("Việc cần làm"), "{text}");
    assert!(
        text.contains("An toàn thông tin"),
        "the rubric's Vietnamese dimension names are used:\n{text}"
    );
}

#[test]
fn checking_the_examples() {
    let out = dgmat()
        .args(["check", "examples/ministry", "examples/province", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "the examples have warnings but no errors");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut ids: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "SYS-DOSSIER-AFTER-GO-LIVE",
            "SYS-DOSSIER-AFTER-GO-LIVE",
            "contradicted",
            "evidence-missing",
            "evidence-stale"
        ]
    );
    assert_eq!(r["submissions"][1]["level"], 3);
}

#[test]
fn examples_validate_against_the_committed_schemas() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (schema, file) in [
        ("questionnaire.vn-dgmm.schema.json", "examples/ministry/questionnaire.yaml"),
        ("questionnaire.vn-dgmm.schema.json", "examples/province/questionnaire.yaml"),
        ("inventory.vn-dgmm.schema.json", "examples/ministry/inventory.yaml"),
        ("inventory.vn-dgmm.schema.json", "examples/province/inventory.yaml"),
        ("questionnaire.vn-dgmm.schema.json", "examples/commune/questionnaire.yaml"),
        ("inventory.vn-dgmm.schema.json", "examples/commune/inventory.yaml"),
    ] {
        let text = std::fs::read_to_string(format!("{root}/{file}")).unwrap();
        assert!(
            text.starts_with(&format!("# yaml-language-server: $schema=../../schemas/{schema}\n")),
            "{file}"
        );
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}/schemas/{schema}")).unwrap()).unwrap();
        let doc: Value = serde_saphyr::from_str(&text).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:#?}");
    }
}
