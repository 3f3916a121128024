//! The rubric library (odi-pathway, samm, uk-dma, eu-odm): shipped, lint-clean, and their examples'
//! results pinned (worked by hand in examples/EXPECTED.md); batch KPIs over a rated rubric.

use super::{dgmat, gap_ids, stderr, stdout};
use serde_json::{Value, json};

fn report(dir: &str) -> Value {
    let out = dgmat().args(["assess", dir, "--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn dims(r: &Value) -> Vec<(String, u64, f64)> {
    r["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["level"].as_u64().unwrap(),
                super::shown(&d["index"]).unwrap(),
            )
        })
        .collect()
}

fn expect(v: &[(&str, u64, f64)]) -> Vec<(String, u64, f64)> {
    v.iter().map(|(d, l, i)| (d.to_string(), *l, *i)).collect()
}

#[test]
fn the_library_is_shipped_and_lint_clean() {
    let out = dgmat().args(["rubric", "list"]).output().unwrap();
    let list = stdout(&out);
    for (id, version) in [
        ("odi-pathway", "2026.2"),
        ("samm", "2.0"),
        ("uk-dma", "2026.1"),
        ("eu-odm", "2026.1"),
    ] {
        assert!(list.contains(&format!("{id}\t{version}\t")), "{list}");
        let out = dgmat().args(["rubric", "lint", id]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stderr(&out).contains("0 warning(s)"), "{}", stderr(&out));
        let out = dgmat().args(["rubric", "doc", id]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
    }
}

/// A group's id, score and most score.
type GroupScore = (String, f64, f64);

/// The levels of a report's dimensions and its groups' scores, by id.
fn levels_and_groups(r: &Value) -> (Vec<(String, u64)>, Vec<GroupScore>) {
    let levels = dims(r).into_iter().map(|(id, level, _)| (id, level)).collect();
    let groups = r["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap().to_string(),
                g["score"].as_f64().unwrap(),
                g["max"].as_f64().unwrap(),
            )
        })
        .collect();
    (levels, groups)
}

fn owned<T: Copy>(v: &[(&str, T)]) -> Vec<(String, T)> {
    v.iter().map(|(id, x)| (id.to_string(), *x)).collect()
}

fn owned3(v: &[(&str, f64, f64)]) -> Vec<GroupScore> {
    v.iter().map(|(id, a, b)| (id.to_string(), *a, *b)).collect()
}

#[test]
fn odi_pathway_council_scores_by_activity_and_theme() {
    let r = report("examples/odi-pathway-council");
    assert_eq!(r["rubric"]["id"], "odi-pathway");
    let (levels, groups) = levels_and_groups(&r);
    // Worked in examples/EXPECTED.md: the first negative answer of each activity sets its level.
    let expected = [
        ("REL", 3),
        ("STD", 3),
        ("GOV", 3),
        ("SEN", 4),
        ("EXP", 2),
        ("KNM", 5),
        ("ENG", 2),
        ("DOC", 3),
        ("SUP", 2),
        ("COM", 4),
        ("FIN", 1),
        ("VAL", 2),
        ("PRO", 2),
        ("STR", 3),
        ("CAT", 2),
    ];
    assert_eq!(levels, owned(&expected));
    let themes = [
        ("data-management", 13.0, 20.0),
        ("knowledge-skills", 7.0, 10.0),
        ("customer-support", 11.0, 20.0),
        ("investment", 5.0, 15.0),
        ("strategic-oversight", 5.0, 10.0),
    ];
    assert_eq!(groups, owned3(&themes));
}

#[test]
fn samm_digital_centre_scores_by_practice_and_function() {
    let r = report("examples/samm-digital-centre");
    assert_eq!(r["rubric"]["id"], "samm");
    let points: Vec<(String, f64)> = r["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d["points"].as_f64().unwrap()))
        .collect();
    // Worked in examples/EXPECTED.md: per level the mean of the two streams, summed.
    let expected = [
        ("G-SM", 0.5),
        ("G-PC", 1.0),
        ("G-EG", 0.375),
        ("D-TA", 0.125),
        ("D-SR", 0.625),
        ("D-SA", 1.125),
        ("I-SB", 1.25),
        ("I-SD", 1.125),
        ("I-DM", 0.375),
        ("V-AA", 0.25),
        ("V-RT", 0.375),
        ("V-ST", 0.375),
        ("O-IM", 0.5),
        ("O-EM", 1.625),
        ("O-OM", 0.125),
    ];
    assert_eq!(points, owned(&expected));
    let (levels, groups) = levels_and_groups(&r);
    let at_samm_1 = ["G-PC", "D-SA", "I-SB", "I-SD", "O-EM"];
    for (id, level) in &levels {
        assert_eq!(*level, if at_samm_1.contains(&id.as_str()) { 3 } else { 2 }, "{id}");
    }
    let functions = [
        ("governance", 0.625),
        ("design", 0.625),
        ("implementation", 2.75 / 3.0),
        ("verification", 1.0 / 3.0),
        ("operations", 0.75),
    ];
    assert_eq!(groups.len(), functions.len());
    for ((id, score, max), (want_id, want)) in groups.iter().zip(functions) {
        assert_eq!(id, want_id);
        assert!((score - want).abs() < 1e-9, "{id}: {score} != {want}");
        assert_eq!(*max, 3.0);
    }
    // 9.75 of 45 points: the mean practice score 0.65 of 3.
    assert_eq!(
        (r["overall"]["points"].as_f64(), r["overall"]["max_points"].as_f64()),
        (Some(9.75), Some(45.0))
    );
}

#[test]
fn uk_dma_agency_is_at_level_1_by_its_weakest_topic() {
    let r = report("examples/uk-dma-agency");
    assert_eq!(r["rubric"]["method"], "rated");
    assert_eq!(
        (r["overall"]["level"].as_u64(), super::shown(&r["overall"]["index"])),
        (Some(1), Some(2.9))
    );
    let expected = [
        ("ENG", 2, 2.5),
        ("SKL", 2, 2.5),
        ("SYS", 3, 3.5),
        ("KNW", 3, 3.5),
        ("DEC", 3, 3.5),
        ("ETH", 2, 2.5),
        ("MAN", 1, 1.0),
        ("PRO", 3, 3.5),
        ("DIR", 3, 3.5),
        ("RES", 3, 3.0),
    ];
    assert_eq!(dims(&r), expect(&expected));
    assert_eq!(
        r["overall"]["coverage"],
        json!({"1": 1.0, "2": 0.9, "3": 0.75, "4": 0.25, "5": 0.0})
    );
    assert_eq!(r["target"], json!({"id": "dma-learning", "level": 3, "met": false}));
    // MAN-1 claims level 3 without the required evidence: it counts as 1.
    assert_eq!(gap_ids(&r), ["MAN-1", "MAN-2", "ENG-2", "ETH-1", "SKL-2"]);
    assert_eq!(r["gaps"][0]["status"], "evidence_missing");
}

#[test]
fn eu_odm_country_is_a_follower() {
    let r = report("examples/eu-odm-country");
    assert_eq!(r["rubric"]["method"], "points");
    // 262.5 of 380 possible (POL-4 n/a) = 0.691 -> level 3; index (3.75 + 3.9 + 4.4 + 3.0) / 4.
    assert_eq!(
        (r["overall"]["points"].as_f64(), r["overall"]["max_points"].as_f64()),
        (Some(262.5), Some(380.0))
    );
    assert_eq!(
        (r["overall"]["level"].as_u64(), super::shown(&r["overall"]["index"])),
        (Some(3), Some(3.76))
    );
    // QUA at 0.85 and IMP at 0.50 sit exactly on their bands' edges.
    let expected = [("POL", 3, 3.75), ("POR", 4, 3.9), ("QUA", 5, 4.4), ("IMP", 3, 3.0)];
    assert_eq!(dims(&r), expect(&expected));
    assert_eq!(r["target"], json!({"id": "fast-tracker", "level": 4, "met": false}));
    assert_eq!(gap_ids(&r), ["IMP-4", "IMP-1", "IMP-3", "POL-2", "POL-3"]);
}

#[test]
fn shipped_rubrics_are_chosen_by_id() {
    let out = dgmat()
        .args([
            "assess",
            "examples/uk-dma-agency",
            "--rubric",
            "uk-dma",
            "--target",
            "dma-developing",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Target: dma-developing (Level 4)"));
}

#[test]
fn batch_kpis_over_a_rated_rubric() {
    let root = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let q = std::fs::read_to_string("examples/uk-dma-agency/questionnaire.yaml").unwrap();
    for (name, text) in [
        ("a", q.clone()),
        // Evidence for MAN-1 and a retention schedule at level 2: every topic at 2 or more.
        (
            "b",
            q.replace("harbour-agency", "bay-agency")
                .replace("MAN-2: {answer: 1,", "MAN-2: {answer: 2,")
                .replace(
                    "    answer: 3\n",
                    "    answer: 3\n    evidence: [{ref: \"Quality rules\", date: 2026-05-01}]\n",
                ),
        ),
    ] {
        std::fs::create_dir_all(root.path().join(name)).unwrap();
        std::fs::write(root.path().join(name).join("questionnaire.yaml"), text).unwrap();
    }
    let out = dgmat()
        .args([
            "batch",
            root.path().to_str().unwrap(),
            "--rubric",
            "uk-dma",
            "--as-of",
            "2026-12-01",
            "--out",
            out_dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s: Value = serde_json::from_str(&std::fs::read_to_string(out_dir.path().join("summary.json")).unwrap()).unwrap();
    assert_eq!(s["distribution"], json!({"1": 1, "2": 1, "3": 0, "4": 0, "5": 0}));
    assert_eq!(
        s["at_or_above"]["dimensions"]["MAN"],
        json!({"1": 1.0, "2": 0.5, "3": 0.0, "4": 0.0, "5": 0.0})
    );
}
