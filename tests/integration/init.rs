//! `dgmat init` templates and `dgmat rubric doc`.

use super::{MINI, dgmat, finding_ids, stderr, stdout};

#[test]
fn init_writes_templates_that_check_clean_and_hold_every_question() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("agency");
    let out = dgmat().args(["init", sub.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let q = std::fs::read_to_string(sub.join("questionnaire.yaml")).unwrap();
    let doc = stdout(&dgmat().args(["rubric", "show", "vn-dgmm"]).output().unwrap());
    let rubric: serde_json::Value = serde_saphyr::from_str(&doc).unwrap();
    for d in rubric["dimensions"].as_array().unwrap() {
        for c in d["criteria"].as_array().unwrap() {
            let id = c["id"].as_str().unwrap();
            if c.get("check").is_some() {
                assert!(
                    q.contains(&format!("] {id} — ")) && !q.contains(&format!("\n  {id}:")),
                    "{id} is listed as computed"
                );
            } else {
                assert!(q.contains(&format!("\n  {id}:\n")), "{id} has a blank answer");
            }
        }
    }
    // Valid as written, but a blank template is not clean: every dimension's questions are
    // listed as unanswered, and the placeholder agency id and the empty name are named.
    let out = dgmat().args(["check", sub.to_str().unwrap(), "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids = finding_ids(&r);
    let dimensions = rubric["dimensions"].as_array().unwrap();
    let asked = dimensions
        .iter()
        .filter(|d| d["criteria"].as_array().unwrap().iter().any(|c| c.get("check").is_none()))
        .count();
    assert_eq!(ids.iter().filter(|i| **i == "unanswered").count(), asked, "{ids:?}");
    assert_eq!(ids.iter().filter(|i| **i == "placeholder-agency").count(), 2, "{ids:?}");
    assert_eq!(ids.len(), asked + 2, "nothing else: {ids:?}");
    let gov = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "unanswered" && f["message"].as_str().unwrap().starts_with("GOV "))
        .unwrap();
    assert!(gov["message"].as_str().unwrap().contains("`GOV-2.1`"), "{gov:#}");
    assert_eq!(gov["file"], format!("{}/questionnaire.yaml", sub.to_str().unwrap()));
    let line = gov["line"].as_u64().unwrap() as usize;
    assert!(
        q.lines().nth(line - 1).unwrap().starts_with("  GOV-"),
        "points at the first blank answer"
    );
    // An empty name is not shown as `Agency:  (my-agency)`.
    let out = dgmat().args(["assess", sub.to_str().unwrap()]).output().unwrap();
    assert!(stdout(&out).starts_with("Agency: my-agency\n"), "{}", stdout(&out));
}

#[test]
fn init_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let q = dir.path().join("questionnaire.yaml");
    std::fs::write(&q, "my answers").unwrap();
    let out = dgmat()
        .args(["init", dir.path().to_str().unwrap(), "--rubric", MINI])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exist"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&q).unwrap(), "my answers");
    assert!(
        !dir.path().join("inventory.yaml").exists(),
        "nothing is written when one file exists"
    );
    let out = dgmat()
        .args(["init", dir.path().to_str().unwrap(), "--rubric", MINI, "--force"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(&q).unwrap().contains("kind: questionnaire"));
}

#[test]
fn init_templates_of_the_mini_rubric() {
    let dir = tempfile::tempdir().unwrap();
    dgmat()
        .args(["init", dir.path().to_str().unwrap(), "--rubric", MINI])
        .output()
        .unwrap();
    let q = std::fs::read_to_string(dir.path().join("questionnaire.yaml")).unwrap();
    let q: String = q
        .lines()
        .filter(|l| !l.starts_with("assessed_on:"))
        .map(|l| format!("{l}\n"))
        .collect();
    insta::assert_snapshot!("init_questionnaire", q);
    insta::assert_snapshot!(
        "init_inventory",
        std::fs::read_to_string(dir.path().join("inventory.yaml")).unwrap()
    );
}

#[test]
fn init_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    dgmat()
        .args(["init", dir.path().to_str().unwrap(), "--lang", "vi"])
        .output()
        .unwrap();
    let q = std::fs::read_to_string(dir.path().join("questionnaire.yaml")).unwrap();
    assert!(
        q.contains("Phiếu tự đánh giá") && q.contains("# Câu hỏi:") && q.contains("bắt buộc có tài liệu minh chứng"),
        "{}",
        &q[..2000]
    );
}

#[test]
fn a_filled_template_assesses() {
    let dir = tempfile::tempdir().unwrap();
    dgmat()
        .args(["init", dir.path().to_str().unwrap(), "--rubric", MINI])
        .output()
        .unwrap();
    let path = dir.path().join("questionnaire.yaml");
    let q = std::fs::read_to_string(&path)
        .unwrap()
        .replace("  SHR-2.1:\n", "  SHR-2.1: yes\n")
        .replace("id: my-agency", "id: filled");
    std::fs::write(&path, q).unwrap();
    let out = dgmat()
        .args(["assess", dir.path().to_str().unwrap(), "--rubric", MINI, "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["agency"]["id"], "filled");
    assert_eq!(r["dimensions"][1]["criteria"][0]["status"], "met");
}

#[test]
fn rubric_doc_of_the_mini_rubric() {
    let out = dgmat().args(["rubric", "doc", MINI]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn rubric_doc_of_the_default_rubric_covers_every_criterion() {
    let out = dgmat().args(["rubric", "doc", "vn-dgmm"]).output().unwrap();
    let text = stdout(&out);
    let doc = stdout(&dgmat().args(["rubric", "show", "vn-dgmm"]).output().unwrap());
    let rubric: serde_json::Value = serde_saphyr::from_str(&doc).unwrap();
    for d in rubric["dimensions"].as_array().unwrap() {
        assert!(text.contains(&format!("\n## {} — ", d["id"].as_str().unwrap())));
        for c in d["criteria"].as_array().unwrap() {
            assert!(text.contains(&format!("\n#### {} — ", c["id"].as_str().unwrap())), "{}", c["id"]);
        }
    }
    let vi = stdout(&dgmat().args(["rubric", "doc", "vn-dgmm", "--lang", "vi"]).output().unwrap());
    assert!(
        vi.contains("**Câu hỏi:**") && vi.contains("**Việc cần làm:**") && vi.contains("## Danh mục"),
        "{}",
        &vi[..1500]
    );
}

#[test]
fn init_csv_writes_a_header_row_per_collection_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let out = dgmat().args(["init", "--csv", "--rubric", MINI]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join("inventory.yaml").exists());
    let systems = std::fs::read_to_string(dir.path().join("systems.csv")).unwrap();
    assert_eq!(systems, "id,status,security_level,approved_on,go_live_on,shares,datasets\r\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("datasets.csv")).unwrap(), "id,open\r\n");
    // Filled in as a spreadsheet would save it, it loads with no unknown column.
    std::fs::write(dir.path().join("datasets.csv"), "id,open\r\nd1,yes\r\n").unwrap();
    let out = dgmat()
        .args(["check", "--rubric", MINI, "-f", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        r["findings"].as_array().unwrap().iter().all(|f| f["id"] != "unknown-column"),
        "{:#}",
        r["findings"]
    );
    assert_eq!(r["summary"]["files"], 3, "{r:#}");
}

/// `init` points each template at its rubric's schema in `schemas/` beside the submission, and
/// `schema --write` writes that file there: the blank templates validate against it, and a
/// wrong answer does not.
#[test]
fn init_points_at_the_schemas_that_schema_write_writes() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("agency");
    assert!(dgmat().args(["init", sub.to_str().unwrap()]).output().unwrap().status.success());
    let schemas = dir.path().join("schemas");
    let out = dgmat()
        .args(["schema", "--write", schemas.to_str().unwrap(), "--rubric", "vn-dgmm"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    for kind in ["questionnaire", "inventory"] {
        let text = std::fs::read_to_string(sub.join(format!("{kind}.yaml"))).unwrap();
        let target = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# yaml-language-server: $schema="))
            .unwrap_or_else(|| panic!("{kind}: no $schema line"));
        assert_eq!(target, format!("../schemas/{kind}.vn-dgmm.schema.json"));
        let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sub.join(target)).unwrap()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let mut doc: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        assert!(validator.is_valid(&doc), "{kind}: the blank template is valid");
        if kind == "questionnaire" {
            doc["answers"]["GOV-4.1"] = "maybe".into();
            assert!(!validator.is_valid(&doc), "GOV-4.1: maybe");
        }
    }
}
