//! `dgmat publish`'s outputs: `statistics.json` (`dgmat_publish: 1`), `statistics.csv` and the
//! self-contained `statistics.html`, rendered from the groups [`crate::assess::publish`]
//! computed. Nothing here names an agency: the groups carry tiers, regions and dimension ids.

use serde::Serialize;

use crate::assess::publish::{By, Group, RoundInput, RubricInput, UNSPECIFIED};
use crate::lang::Lang;
use crate::report::escape;
use crate::report::i18n::texts;

/// The JSON format version.
pub const PUBLISH_VERSION: u32 = 1;

/// What every output shows.
pub struct Statistics<'a> {
    /// The rubric.
    pub rubric: &'a RubricInput,
    /// The round.
    pub round: &'a RoundInput,
    /// The least group published.
    pub min_group: usize,
    /// The groups.
    pub groups: &'a [Group],
    /// Whether agencies an inspector verified count at their verified levels.
    pub on_verified: bool,
}

#[derive(Serialize)]
struct Json<'a> {
    dgmat_publish: u32,
    tool: serde_json::Value,
    rubric: serde_json::Value,
    round: &'a RoundInput,
    min_group: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    shares_on: Option<&'static str>,
    groups: &'a [Group],
}

/// `statistics.json`.
pub fn json(s: &Statistics<'_>) -> anyhow::Result<String> {
    let doc = Json {
        dgmat_publish: PUBLISH_VERSION,
        tool: serde_json::json!({"name": "dgmat", "version": env!("CARGO_PKG_VERSION")}),
        rubric: serde_json::json!({"id": s.rubric.id, "version": s.rubric.version}),
        round: s.round,
        min_group: s.min_group,
        // The same words as the batch's `verification.shares_on`.
        shares_on: s.on_verified.then_some("verified levels where verified"),
        groups: s.groups,
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

/// How `by` is written in the CSV.
fn by_name(by: By) -> &'static str {
    match by {
        By::Overall => "overall",
        By::Tier => "tier",
        By::Region => "region",
        By::Dimension => "dimension",
    }
}

/// `statistics.csv`: one row per group; a suppressed group's cells are empty and its
/// `suppressed` cell `true`. UTF-8 with a byte-order mark, as `summary.csv`.
pub fn csv(s: &Statistics<'_>) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer("\u{FEFF}".as_bytes().to_vec());
    w.write_record([
        "round",
        "by",
        "group",
        "agencies",
        "share_1",
        "share_2",
        "share_3",
        "share_4",
        "share_5",
        "suppressed",
    ])?;
    for g in s.groups {
        let mut record = vec![s.round.name.clone(), by_name(g.by).to_string(), g.group.clone()];
        record.push(g.agencies.map(|n| n.to_string()).unwrap_or_default());
        for l in 1..=5u8 {
            record.push(
                g.shares
                    .as_ref()
                    .and_then(|m| m.get(&l))
                    .map(|x| format!("{x:.4}"))
                    .unwrap_or_default(),
            );
        }
        record.push(g.shares.is_none().to_string());
        w.write_record(record.iter().map(|c| escape::csv_cell(c)))?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

#[derive(Serialize)]
struct Page<'a> {
    lang: &'static str,
    t: &'static crate::report::i18n::Texts,
    tool_version: &'static str,
    round: &'a str,
    date: String,
    rubric: String,
    suppression_note: String,
    verified_note: Option<&'static str>,
    levels: [u8; 5],
    sections: Vec<Section>,
}

#[derive(Serialize)]
struct Section {
    title: String,
    rows: Vec<PageRow>,
}

#[derive(Serialize)]
struct PageRow {
    group: String,
    suppressed: bool,
    agencies: String,
    shares: Vec<String>,
}

/// `statistics.html`: one table per way of grouping, in `lang`.
pub fn html(s: &Statistics<'_>, lang: Lang) -> Result<String, handlebars::RenderError> {
    let t = texts(lang);
    let sections = [
        (By::Overall, t.overall),
        (By::Tier, t.by_tier),
        (By::Region, t.by_region),
        (By::Dimension, t.by_dimension),
    ]
    .into_iter()
    .map(|(by, title)| Section {
        title: title.to_string(),
        rows: s.groups.iter().filter(|g| g.by == by).map(|g| row(g, lang)).collect(),
    })
    .filter(|sec| !sec.rows.is_empty())
    .collect();
    crate::report::page::render(
        "publish",
        &Page {
            lang: lang.code(),
            t,
            tool_version: env!("CARGO_PKG_VERSION"),
            round: &s.round.name,
            date: crate::report::locale::date(&s.round.date, lang),
            rubric: format!("{}@{}", s.rubric.id, s.rubric.version),
            suppression_note: t.suppression_note.replace("{k}", &s.min_group.to_string()),
            verified_note: s.on_verified.then_some(t.reconcile.shares_on_verified),
            levels: [1, 2, 3, 4, 5],
            sections,
        },
    )
}

/// A group as the page shows it: tiers and `unspecified` in `lang`, shares as percentages.
fn row(g: &Group, lang: Lang) -> PageRow {
    let t = texts(lang);
    let group = match (g.by, g.group.as_str()) {
        (By::Overall, _) => t.overall.to_string(),
        (_, UNSPECIFIED) => t.unspecified.to_string(),
        (By::Tier, name) => crate::report::assessment::view::tier_named(lang, name).unwrap_or(name).to_string(),
        (_, name) => name.to_string(),
    };
    PageRow {
        group,
        suppressed: g.shares.is_none(),
        agencies: g.agencies.map(|n| n.to_string()).unwrap_or_default(),
        shares: g
            .shares
            .iter()
            .flat_map(|m| m.values())
            .map(|x| format!("{}%", crate::report::locale::decimal(x * 100.0, 1, lang)))
            .collect(),
    }
}
