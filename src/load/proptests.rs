//! Property tests of the loaders: no input, however malformed, makes a loader panic. Arbitrary
//! bytes are the crude half; structurally valid YAML built from the rubric's own vocabulary
//! (right keys, wrong values, wrong shapes) reaches the deeper code paths.

use std::sync::Arc;

use proptest::prelude::*;

use super::inventory;
use super::{limits, questionnaire, rubric, rubric_source, spreadsheet, tabular};
use crate::model::inventory::Inventory;

const MINI: &str = include_str!("../../tests/fixtures/good/rubric.yaml");

/// One rubric of each scoring method: staged (mini), rated (uk-dma), points (eu-odm).
static RUBRICS: std::sync::LazyLock<[crate::model::rubric::LoadedRubric; 3]> = std::sync::LazyLock::new(|| {
    [
        mini(),
        rubric_source::load("uk-dma").expect("shipped"),
        rubric_source::load("eu-odm").expect("shipped"),
    ]
});

fn mini() -> crate::model::rubric::LoadedRubric {
    rubric::from_text("rubric.yaml", Arc::from(MINI)).expect("the fixture rubric loads")
}

/// Keys of the mini rubric's files: fields, answer keys, envelope keys and criterion ids.
const WORDS: &[&str] = &[
    "id",
    "status",
    "security_level",
    "approved_on",
    "go_live_on",
    "shares",
    "datasets",
    "open",
    "answer",
    "evidence",
    "note",
    "ref",
    "date",
    "name",
    "tier",
    "systems",
    "SEC-2.1",
    "SEC-4.1",
    "SEC-5.1",
    "SHR-2.1",
    "SHR-5.1",
];

/// Values those keys take.
const VALUES: &[&str] = &["production", "planning", "yes", "no", "n/a", "partial"];

/// A YAML value made of the words a dgmat file uses, nested a few levels.
fn yaml_value() -> impl Strategy<Value = String> {
    let words = prop::sample::select(WORDS.iter().chain(VALUES).copied().collect::<Vec<_>>());
    let scalar = prop_oneof![
        words.prop_map(str::to_string),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| f.to_string()),
        Just("2026-02-30".to_string()),
        Just("2026-11-20".to_string()),
        Just("~".to_string()),
        Just("''".to_string()),
        "[ -~]{0,12}".prop_map(|s| format!("{s:?}")),
    ];
    scalar.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec((yaml_key(), inner), 0..6).prop_map(|kv| format!(
                "{{{}}}",
                kv.into_iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ")
            )),
        ]
    })
}

/// A criterion id of one of the shipped rubrics, or a word.
fn criterion_id() -> impl Strategy<Value = String> {
    let mut ids: Vec<String> = ["uk-dma", "eu-odm"]
        .iter()
        .flat_map(|id| rubric_source::load(id).expect("shipped").rubric.dimensions)
        .chain(mini().rubric.dimensions)
        .flat_map(|d| d.criteria.into_iter().map(|c| c.id.value))
        .collect();
    ids.push("answer".into());
    prop::sample::select(ids)
}

fn yaml_key() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS.to_vec()).prop_map(str::to_string)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_a_loader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let r = mini();
        let text = String::from_utf8_lossy(&bytes);
        let mut inv = Inventory::empty(&r.rubric);
        let _ = inventory::load_yaml("inventory.yaml", &text, &r.rubric, &mut inv);
        if let Ok((q, _)) = questionnaire::parse("questionnaire.yaml", &text) {
            let _ = questionnaire::interpret("questionnaire.yaml", q, &r.rubric);
        }
        let _ = rubric::from_text("rubric.yaml", Arc::from(text.as_ref()));
        let _ = tabular::load_csv("systems.csv", &text, &r.rubric, 0, &mut inv);
        let _ = inventory::check_integrity(&r.rubric, &inv);
        let _ = spreadsheet::read_bytes(&bytes, false, "inventory.xlsx", limits::DEFAULT, &mut |s| s.to_vec());
        let _ = spreadsheet::read_bytes(&bytes, true, "inventory.ods", limits::DEFAULT, &mut |s| s.to_vec());
    }

    #[test]
    fn structurally_valid_inventories_never_panic(records in prop::collection::vec(yaml_value(), 0..8), datasets in prop::collection::vec(yaml_value(), 0..4)) {
        let r = mini();
        let text = format!(
            "dgmat: 1\nkind: inventory\nsystems:\n{}datasets:\n{}",
            records.iter().map(|v| format!("  - {v}\n")).collect::<String>(),
            datasets.iter().map(|v| format!("  - {v}\n")).collect::<String>(),
        );
        let mut inv = Inventory::empty(&r.rubric);
        let findings = inventory::load_yaml("inventory.yaml", &text, &r.rubric, &mut inv);
        let _ = inventory::check_integrity(&r.rubric, &inv);
        // Whatever went wrong is located in the file.
        for f in findings {
            prop_assert!(f.location.as_ref().is_none_or(|l| l.path() == "inventory.yaml" && l.line >= 1), "{f:?}");
        }
    }

    #[test]
    fn structurally_valid_questionnaires_never_panic(answers in prop::collection::vec((criterion_id(), yaml_value()), 0..8)) {
        let text = format!(
            "dgmat: 1\nkind: questionnaire\nagency: {{id: a}}\nassessed_on: 2026-11-20\nanswers:\n{}",
            answers.iter().map(|(k, v)| format!("  {k}: {v}\n")).collect::<String>(),
        );
        // Against every scoring method: staged (mini), rated (uk-dma), points (eu-odm).
        for r in RUBRICS.iter() {
            if let Ok((q, _)) = questionnaire::parse("questionnaire.yaml", &text) {
                let (q, _) = questionnaire::interpret("questionnaire.yaml", q, &r.rubric);
                let inv = Inventory::empty(&r.rubric);
                let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
                let a = crate::assess::assess(r, (Some(&q), &inv, &Default::default()), &crate::assess::TargetChoice::Default, today);
                prop_assert!((1..=5).contains(&a.level), "level {}", a.level);
            }
        }
    }

    #[test]
    fn csv_cells_of_any_text_never_panic(rows in prop::collection::vec(prop::collection::vec("[ -~\u{e0}-\u{ff}\n\"]{0,10}", 0..9), 0..8)) {
        let r = mini();
        let text = std::iter::once("id,status,security_level,approved_on,go_live_on,shares,datasets".to_string())
            .chain(rows.iter().map(|row| row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(",")))
            .collect::<Vec<_>>()
            .join("\r\n");
        let mut inv = Inventory::empty(&r.rubric);
        let findings = tabular::load_csv("systems.csv", &text, &r.rubric, 0, &mut inv);
        let lines = text.lines().count() as u32 + 1;
        for f in findings {
            prop_assert!(f.location.as_ref().is_none_or(|l| l.line >= 1 && l.line <= lines), "{f:?} in {text:?}");
        }
    }
}
