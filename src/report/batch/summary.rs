//! The batch summaries: `summary.csv`, `summary.json` and the few lines on the terminal.

use serde::Serialize;

use crate::assess::portfolio::{Kpis, Row};
use crate::assess::round::Round;
use crate::lang::Lang;
use crate::model::rubric::{LoadedRubric, Overall};
use crate::report::escape;
use crate::report::locale;
use crate::report::words::words;

/// `summary.csv`: one row per submission, cells a spreadsheet will not run as formulas. It
/// starts with a UTF-8 byte-order mark, without which Excel reads the file in the local code
/// page and garbles Vietnamese names.
pub fn csv(rubric: &LoadedRubric, rows: &[Row], round: &Round) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer("\u{FEFF}".as_bytes().to_vec());
    let mut header: Vec<String> = [
        "path",
        "agency_id",
        "agency_name",
        "tier",
        "status",
        "overall_level",
        "index",
        "target_met",
    ]
    .map(String::from)
    .to_vec();
    header.extend(rubric.rubric.dimensions.iter().map(|d| d.id.value.clone()));
    header.extend(["errors", "warnings", "report", "error", "assessed_on", "round", "note"].map(String::from));
    // Added after the original columns, so that spreadsheets reading them by position still work.
    header.extend(["region", "waived"].map(String::from));
    header.extend(["verified_level", "overclaim", "verified_by"].map(String::from));
    // The dimensions holding each level, last: added after the verification columns.
    header.push("limited_by".to_string());
    w.write_record(&header)?;
    let has_overall = rubric.rubric.scoring.overall != Overall::None;
    let opt = |v: Option<String>| v.unwrap_or_default();
    for r in rows {
        let mut record = vec![
            r.path.clone(),
            opt(r.agency_id.clone()),
            opt(r.agency_name.clone()),
            opt(r.tier.map(|t| format!("{t:?}").to_lowercase())),
            r.status.name().to_string(),
            // A rubric without an overall level (`overall: none`) leaves both cells blank.
            opt(r.level.filter(|_| has_overall).map(|l| l.to_string())),
            opt(r.index.filter(|_| has_overall).map(|x| format!("{x:.2}"))),
            opt(r.target_met.map(|m| m.to_string())),
        ];
        record.extend(r.dimensions.iter().map(|d| opt(d.map(|l| l.to_string()))));
        record.extend([
            r.errors.to_string(),
            r.warnings.to_string(),
            opt(r.report.clone()),
            opt(r.error.clone()),
            opt(r.assessed_on.clone()),
            round.name.clone(),
            opt(r.note.clone()),
            opt(r.region.clone()),
            r.waived.to_string(),
        ]);
        let mut record: Vec<String> = record.iter().map(|c| escape::csv_cell(c)).collect();
        // The over-claim is a number dgmat computed: a leading minus is a sign, not a formula.
        record.extend([
            opt(r.verified_level.map(|l| l.to_string())),
            opt(r.overclaim.map(|o| o.to_string())),
            escape::csv_cell(&opt(r.verified_by.clone())),
            escape::csv_cell(&r.limited_by.join(";")),
        ]);
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// The `summary.json` document, for `dgmat schema summary`.
pub type SummarySchema = SummaryJson<'static>;

/// The summary of a batch (`dgmat batch`): the round, its indicators and one row per submission.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Summary")]
pub struct SummaryJson<'a> {
    /// The summary format version.
    #[schemars(extend("const" = 1))]
    dgmat_batch: u32,
    tool: Tool,
    rubric: RubricRef<'a>,
    round: &'a Round,
    #[serde(flatten)]
    kpis: &'a Kpis,
    /// What the batch warned about: several submissions of one agency, stale submissions,
    /// look-alike agency ids, submissions without a questionnaire, and (`--verified`) inspector
    /// submissions that were not used.
    warnings: &'a [String],
    /// One row per submission, sorted by path.
    rows: &'a [Row],
}

/// The program that wrote the summary.
#[derive(Serialize, schemars::JsonSchema)]
struct Tool {
    /// Always `dgmat`.
    #[schemars(extend("const" = "dgmat"))]
    name: &'static str,
    /// Its version.
    version: &'static str,
}

/// The rubric the batch was assessed against. The keys are in alphabetical order, as the
/// summary has always written them.
#[derive(Serialize, schemars::JsonSchema)]
struct RubricRef<'a> {
    /// Its dimension ids, in rubric order: the order of each row's `dimensions`.
    dimensions: Vec<&'a str>,
    /// Its id.
    id: &'a str,
    /// SHA-256 of its text, hex.
    sha256: &'a str,
    /// Its version.
    version: &'a str,
}

/// `summary.json`: the indicators and every row.
pub fn json(r: &LoadedRubric, kpis: &Kpis, rows: &[Row], round: &Round, warnings: &[String]) -> anyhow::Result<String> {
    let doc = SummaryJson {
        dgmat_batch: 1,
        tool: Tool {
            name: "dgmat",
            version: env!("CARGO_PKG_VERSION"),
        },
        rubric: RubricRef {
            dimensions: r.rubric.dimensions.iter().map(|d| d.id.value.as_str()).collect(),
            id: &r.rubric.id.value,
            sha256: &r.sha256,
            version: &r.rubric.version,
        },
        round,
        kpis,
        warnings,
        rows,
    };
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(text)
}

/// The terminal summary in `lang`: distribution, shares and targets, a few lines.
/// `has_overall` is false for a rubric without an overall level (`overall: none`): the
/// distribution and shares of overall levels are left out, and a target counts the agencies
/// with every dimension at its level.
pub fn text(k: &Kpis, round: &Round, has_overall: bool, lang: Lang) -> String {
    use std::fmt::Write;
    let w = words(lang);
    let pct = |x: f64| locale::percent(x, lang);
    let letter = crate::report::i18n::texts(lang).level_letter;
    let mut out = String::new();
    let t = &k.totals;
    let _ = writeln!(
        out,
        "{}",
        (w.batch_round)(&round.name, &locale::date(&round.date.to_string(), lang))
    );
    let _ = writeln!(out, "{}", (w.batch_submissions)(t.submissions, t.assessed, t.invalid, t.below_gate));
    let _ = writeln!(
        out,
        "{}",
        (w.batch_counted)(t.counted, t.superseded, t.conflict, t.stale, t.incomplete)
    );
    if has_overall {
        let dist: Vec<String> = k.distribution.iter().map(|(l, c)| format!("{letter}{l}: {c}")).collect();
        let _ = writeln!(out, "{}{}", w.batch_levels, dist.join("  "));
        let shares: Vec<String> = k
            .at_or_above
            .overall
            .iter()
            .skip(1)
            .map(|(l, s)| format!("≥{l}: {}", pct(*s)))
            .collect();
        let _ = writeln!(out, "{}{}", w.batch_at_or_above, shares.join("  "));
        for (tier, kpi) in &k.at_or_above.tiers {
            let shares: Vec<String> = kpi.at_or_above.iter().skip(1).map(|(l, s)| format!("≥{l}: {}", pct(*s))).collect();
            let tier = match crate::report::assessment::view::tier_named(lang, tier) {
                Some(name) => name.to_lowercase(),
                None if tier == "unknown" => w.tier_unknown.to_string(),
                None => tier.clone(),
            };
            let _ = writeln!(out, "  {tier:<16} {} {}", shares.join("  "), (w.batch_tier_count)(kpi.submissions));
        }
    } else {
        let _ = writeln!(out, "{}", w.batch_no_overall);
    }
    for target in &k.targets {
        let due = target.due.as_ref().map(|d| locale::date(d, lang)).unwrap_or_default();
        let line = (w.batch_target)(&target.id, target.level, &due, target.met_count, t.counted, &pct(target.share));
        let _ = write!(out, "{line}");
        if let Some(met) = target.portfolio_met {
            let goals: Vec<String> = target
                .portfolio
                .iter()
                .map(|g| (w.batch_goal)(g.level, &pct(g.actual), &pct(g.required)))
                .collect();
            let _ = write!(out, "{}", (w.batch_portfolio)(met, &goals.join(", ")));
        }
        out.push('\n');
    }
    crate::report::escape::terminal(&out)
}
