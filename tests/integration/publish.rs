//! `dgmat publish` on a round built from the shipped examples: 3 ministries, 8 provinces and
//! 14 communes in four regions, their levels varied. The ministries are too few to publish:
//! the test checks that nothing about them can be worked out from the published figures, and
//! that no agency id or name appears in any output.

use std::collections::BTreeMap;
use std::path::Path;

use crate::{dgmat, stderr};

/// (example, tier, id, region, lowered): an agency of the round; `lowered` agencies answer
/// `GOV-2.1` with `no`, which puts them at level 1.
fn agencies() -> Vec<(&'static str, &'static str, String, &'static str, bool)> {
    let mut out = Vec::new();
    for i in 0..3 {
        out.push(("ministry", "ministry", format!("bo-{i}"), ["north", "south", "north"][i], i == 1));
    }
    for i in 0..8 {
        out.push((
            "province",
            "province",
            format!("tinh-{i}"),
            ["north", "south", "central", "mekong"][i % 4],
            i % 3 == 0,
        ));
    }
    for i in 0..14 {
        out.push((
            "commune",
            "commune",
            format!("xa-{i}"),
            ["north", "south", "central", "mekong"][i % 4],
            i % 4 == 1,
        ));
    }
    out
}

fn name_of(id: &str) -> String {
    format!("Agency {} of the test round", id.to_uppercase())
}

/// Writes the round under `root`: each agency a copy of its example with its id, name, tier
/// and region.
fn round(root: &Path) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for (example, tier, id, region, lowered) in agencies() {
        let dir = root.join(&id);
        std::fs::create_dir_all(&dir).unwrap();
        for f in std::fs::read_dir(examples.join(example)).unwrap() {
            let f = f.unwrap();
            let name = f.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(f.path()).unwrap();
            let text: String = text
                .lines()
                .map(|l| match (name.as_str(), l.starts_with("agency:")) {
                    ("questionnaire.yaml", true) => {
                        format!("agency: {{id: {id}, name: \"{}\", tier: {tier}, region: {region}}}", name_of(&id))
                    }
                    ("inventory.yaml", true) => format!("agency: {id}"),
                    _ => l.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            let text = if lowered {
                text.replacen("GOV-2.1:\n    answer: yes", "GOV-2.1:\n    answer: no", 1)
            } else {
                text
            };
            std::fs::write(dir.join(&name), text).unwrap();
        }
    }
}

fn batch_and_publish(k: &str) -> (tempfile::TempDir, tempfile::TempDir, tempfile::TempDir) {
    let (root, results, public) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    round(root.path());
    let out = dgmat()
        .args(["batch", "-q", "--as-of", "2026-12-01", "--round", "2026"])
        .arg(root.path())
        .arg("--out")
        .arg(results.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = dgmat()
        .arg("publish")
        .arg(results.path())
        .arg("--out")
        .arg(public.path())
        .args(["--min-group", k, "-q"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (root, results, public)
}

/// A published group: (agencies, count at or above each level 1..5), `None` when suppressed.
type Figures = Option<(u64, [u64; 5])>;

fn groups(doc: &serde_json::Value, by: &str) -> BTreeMap<String, Figures> {
    doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["by"] == by)
        .map(|g| {
            let figures = g["agencies"].as_u64().map(|n| {
                let share = |l: usize| g["shares"][l.to_string()].as_f64().unwrap();
                (n, [1, 2, 3, 4, 5].map(|l| (share(l) * n as f64).round() as u64))
            });
            (g["group"].as_str().unwrap().to_string(), figures)
        })
        .collect()
}

#[test]
fn a_tier_of_three_agencies_reveals_nothing_about_them() {
    let (_root, results, public) = batch_and_publish("5");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(public.path().join("statistics.json")).unwrap()).unwrap();
    assert_eq!(doc["dgmat_publish"], 1);
    assert_eq!(doc["min_group"], 5);
    // The true figures, from the batch summary the statistics were made from.
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(results.path().join("summary.json")).unwrap()).unwrap();
    let truth = |tier: &str| {
        let levels: Vec<u64> = summary["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["tier"] == tier)
            .map(|r| r["level"].as_u64().unwrap())
            .collect();
        (
            levels.len() as u64,
            [1, 2, 3, 4, 5].map(|l| levels.iter().filter(|x| **x >= l).count() as u64),
        )
    };
    let ministries = truth("ministry");
    assert_eq!(ministries.0, 3);
    assert!(
        ministries.1[1] < 3 && ministries.1[1] > 0,
        "the round must vary the ministries' levels: {ministries:?}"
    );

    let overall = groups(&doc, "overall")["all"].unwrap();
    assert_eq!(overall.0, 25);
    let tiers = groups(&doc, "tier");
    assert_eq!(tiers["ministry"], None, "a group of 3 is suppressed");
    // The attack: the total minus the visible tiers leaves the suppressed ones together.
    let hidden: Vec<&String> = tiers.iter().filter(|(_, f)| f.is_none()).map(|(k, _)| k).collect();
    assert!(
        hidden.len() >= 2,
        "one suppressed group would be the total minus the others: {tiers:?}"
    );
    let mut rest = overall;
    for (n, c) in tiers.values().flatten() {
        rest.0 -= n;
        for (r, v) in rest.1.iter_mut().zip(c) {
            *r -= v;
        }
    }
    // Even knowing that there are 3 ministries, their count at each level is not determined by
    // what is left, wherever the round itself is mixed at that level.
    for l in 0..5 {
        if overall.1[l] == 0 || overall.1[l] == overall.0 {
            continue; // the total itself says every agency is (or none is) at this level
        }
        let low = (rest.1[l] + 3).saturating_sub(rest.0);
        let high = rest.1[l].min(3);
        assert!(low < high, "level {}: the ministries' count would be {low}: {rest:?}", l + 1);
        assert!((low..=high).contains(&ministries.1[l]));
    }
    // Nor per region: each visible region plus the rest adds up, and no region of fewer than
    // five agencies is shown.
    for (name, f) in groups(&doc, "region") {
        if let Some((n, _)) = f {
            assert!(n >= 5, "{name}");
        }
    }
    // Dimensions cover every agency.
    assert!(groups(&doc, "dimension").values().all(|f| f.is_some_and(|(n, _)| n == 25)));
}

#[test]
fn no_agency_id_or_name_appears_in_any_output() {
    let (_root, _results, public) = batch_and_publish("5");
    let mut files = Vec::new();
    for f in std::fs::read_dir(public.path()).unwrap() {
        files.push(f.unwrap().path());
    }
    files.sort();
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["statistics.csv", "statistics.html", "statistics.json"]);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for (_, _, id, _, _) in agencies() {
            assert!(!text.contains(&id), "{} names {id}", path.display());
            assert!(!text.contains(&name_of(&id)), "{} names {}", path.display(), name_of(&id));
        }
    }
    let html = std::fs::read_to_string(public.path().join("statistics.html")).unwrap();
    assert!(!html.contains("<script") && !html.contains("http"), "self-contained");
}

#[test]
fn min_group_and_language() {
    let (_root, results, public) = batch_and_publish("1");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(public.path().join("statistics.json")).unwrap()).unwrap();
    assert!(groups(&doc, "tier").values().all(Option::is_some), "K = 1 suppresses nothing");
    // Everything suppressed when the round itself is smaller than K; the summary file itself
    // is accepted as RESULTS; Vietnamese page.
    let out = tempfile::tempdir().unwrap();
    dgmat()
        .arg("publish")
        .arg(results.path().join("summary.json"))
        .arg("--out")
        .arg(out.path())
        .args(["--min-group", "30", "--lang", "vi", "-q"])
        .assert()
        .code(0);
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("statistics.json")).unwrap()).unwrap();
    assert!(
        doc["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["shares"].is_null() && g["agencies"].is_null())
    );
    let html = std::fs::read_to_string(out.path().join("statistics.html")).unwrap();
    assert!(html.contains("<html lang=\"vi\">") && html.contains("không công bố"));
    // The batch results folder, which names agencies, is refused as --out.
    let refused = dgmat()
        .arg("publish")
        .arg(results.path())
        .arg("--out")
        .arg(results.path().join("public"))
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(!results.path().join("public").exists());
}
