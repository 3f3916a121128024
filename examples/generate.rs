//! Writes a synthetic national assessment round against the default rubric `vn-dgmm`.
//!
//! ```sh
//! cargo run --release --example generate -- --agencies 340 --seed 7 --out /tmp/round [--invalid-share 0.02]
//! ```
//!
//! Each agency gets a directory `OUT/<tier>/<id>/` with a full `questionnaire.yaml` (every
//! question answered) and an `inventory.yaml`. Tiers follow Vietnam's shape (a few ministries, more
//! provinces, mostly communes) and sizes grow with the tier: 5-300 systems and 20-2,000 datasets,
//! the largest for ministries. Each agency draws a maturity from 1 to 5 that drives its answers
//! and how complete its inventory records are, so assessed levels spread across the scale.
//! `--invalid-share F` breaks a share F of the submissions in one of several realistic ways.
//! `--shape light` writes a round shaped like the one the speed issue was measured on (20-400
//! systems and a few datasets each): about 33 KB per agency, 11 MB for 340 (the issue's was
//! 6.5 MB; dgmat's generated records carry more fields), instead of the full one (about 150 KB
//! per agency, 52 MB for 340).
//! The same seed always writes the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dgmat::load::rubric_source;
use dgmat::model::rubric::{AnswerKind, Collection, FieldDef, FieldType, Rubric};

/// splitmix64: tiny, fast and good enough for test data; no dependency needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

struct Args {
    agencies: usize,
    seed: u64,
    out: PathBuf,
    invalid_share: f64,
    light: bool,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        agencies: 340,
        seed: 1,
        out: PathBuf::from("round"),
        invalid_share: 0.0,
        light: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--agencies" => a.agencies = value()?.parse().map_err(|e| format!("--agencies: {e}"))?,
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => a.out = PathBuf::from(value()?),
            "--invalid-share" => a.invalid_share = value()?.parse().map_err(|e| format!("--invalid-share: {e}"))?,
            "--shape" => {
                a.light = match value()?.as_str() {
                    "light" => true,
                    "full" => false,
                    other => return Err(format!("--shape: `{other}` is neither full nor light")),
                }
            }
            "-h" | "--help" => {
                return Err("usage: generate --agencies N --seed S --out DIR [--invalid-share F] [--shape full|light]".into());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

#[derive(Clone, Copy)]
enum Tier {
    Ministry,
    Province,
    Commune,
}

impl Tier {
    fn name(self) -> &'static str {
        match self {
            Tier::Ministry => "ministry",
            Tier::Province => "province",
            Tier::Commune => "commune",
        }
    }
    /// (systems, datasets) ranges.
    fn sizes(self, light: bool) -> ((i64, i64), (i64, i64)) {
        if light {
            return match self {
                Tier::Ministry => ((200, 400), (10, 40)),
                Tier::Province => ((50, 150), (5, 20)),
                Tier::Commune => ((20, 30), (2, 8)),
            };
        }
        match self {
            Tier::Ministry => ((60, 300), (400, 2000)),
            Tier::Province => ((20, 120), (100, 800)),
            Tier::Commune => ((5, 20), (20, 120)),
        }
    }
}

/// The assessment date of the round, and day arithmetic on it.
const ASSESSED_ON: (i32, u32, u32) = (2026, 11, 20);

fn date(days_before: i64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(ASSESSED_ON.0, ASSESSED_ON.1, ASSESSED_ON.2).unwrap_or_default();
    (base - chrono::Duration::days(days_before)).to_string()
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let loaded = match rubric_source::load("vn-dgmm") {
        Ok(r) => r,
        Err(f) => {
            eprintln!("the default rubric does not load: {f:?}");
            std::process::exit(2);
        }
    };
    let mut rng = Rng(a.seed);
    let mut bytes = 0usize;
    let mut invalid = 0usize;
    for i in 0..a.agencies {
        let tier = match rng.unit() {
            x if x < 0.05 => Tier::Ministry,
            x if x < 0.15 => Tier::Province,
            _ => Tier::Commune,
        };
        let id = format!("{}-{:05}", tier.name(), i + 1);
        // Maturity 1..5, weighted towards the middle as national surveys find.
        let maturity = *rng.pick(&[1, 2, 2, 2, 3, 3, 3, 4, 4, 5]);
        let dir = a.out.join(tier.name()).join(&id);
        let mut questionnaire = questionnaire(&loaded.rubric, &id, tier, maturity, &mut rng);
        let mut inventory = inventory(&loaded.rubric, &id, tier, maturity, a.light, &mut rng);
        if rng.chance(a.invalid_share) {
            invalid += 1;
            corrupt(&mut questionnaire, &mut inventory, &mut rng);
        }
        bytes += questionnaire.len() + inventory.len();
        write(&dir.join("questionnaire.yaml"), &questionnaire);
        write(&dir.join("inventory.yaml"), &inventory);
    }
    eprintln!(
        "wrote {} agencies ({invalid} broken on purpose), {:.1} MB, to {}",
        a.agencies,
        bytes as f64 / 1e6,
        a.out.display()
    );
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Answers every question: criteria at or below the agency's maturity are met (with
/// evidence), the next level is met half the time, the rest are not.
fn questionnaire(r: &Rubric, id: &str, tier: Tier, maturity: u8, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "dgmat: 1\nkind: questionnaire\nrubric: {}", r.id.value);
    let _ = writeln!(
        out,
        "agency: {{id: {id}, name: \"Synthetic {} {id}\", tier: {}}}",
        tier.name(),
        tier.name()
    );
    let (y, m, d) = ASSESSED_ON;
    let _ = writeln!(
        out,
        "assessed_on: {y}-{m:02}-{d:02}\nrespondent: {{name: Generated, role: IT lead}}\nanswers:"
    );
    for c in r.dimensions.iter().flat_map(|d| &d.criteria) {
        let Some(answer) = &c.answer else { continue };
        let level = c.level.as_ref().map_or(2, |l| l.value);
        let good = level <= maturity || (level == maturity + 1 && rng.chance(0.5));
        let t = &answer.value;
        let value = match t.kind {
            AnswerKind::YesNo => (if good { "yes" } else { "no" }).to_string(),
            AnswerKind::Text => "\"generated\"".to_string(),
            AnswerKind::YesPartialNo => (if good {
                "yes"
            } else if rng.chance(0.5) {
                "partial"
            } else {
                "no"
            })
            .to_string(),
            AnswerKind::Percent => {
                let pass = t.pass.unwrap_or(100.0) as i64;
                (if good {
                    rng.range(pass, 100)
                } else {
                    rng.range(0, (pass - 1).max(0))
                })
                .to_string()
            }
            AnswerKind::Number => {
                let pass = t.pass.unwrap_or(1.0) as i64;
                (if good {
                    pass + rng.range(0, 20)
                } else {
                    rng.range(0, (pass - 1).max(0))
                })
                .to_string()
            }
            AnswerKind::Choice => {
                let other = rng.pick(&t.options).value.clone();
                if t.multiple {
                    // Several options add up: a good answer picks every option that earns credit.
                    let all: Vec<&str> = t.options.iter().filter(|o| o.credit > 0.0).map(|o| o.value.as_str()).collect();
                    if good {
                        format!("[{}]", all.join(", "))
                    } else {
                        format!("[{other}]")
                    }
                } else {
                    let best = t
                        .options
                        .iter()
                        .max_by(|a, b| a.credit.total_cmp(&b.credit))
                        .map(|o| o.value.clone())
                        .unwrap_or_default();
                    if good { best } else { other }
                }
            }
            AnswerKind::Level => maturity.to_string(),
        };
        let evidence = c.evidence == dgmat::model::rubric::EvidenceRule::Required && value != "no";
        if evidence {
            let _ = writeln!(
                out,
                "  {}:\n    answer: {value}\n    evidence:\n      - {{ref: \"Decision {}/QD-{}\", date: {}}}",
                c.id.value,
                rng.range(1, 999),
                id.to_uppercase(),
                date(rng.range(10, 600))
            );
        } else {
            let _ = writeln!(out, "  {}: {value}", c.id.value);
        }
    }
    out
}

/// The inventory: records of every declared collection, complete with probability set by
/// the agency's maturity.
fn inventory(r: &Rubric, id: &str, tier: Tier, maturity: u8, light: bool, rng: &mut Rng) -> String {
    // Mature agencies keep complete records; some still have a few defects.
    let quality = match maturity {
        1 => 0.6,
        2 => 0.85,
        _ if rng.chance(0.25) => 0.998,
        _ => 1.0,
    };
    let ((s_lo, s_hi), (d_lo, d_hi)) = tier.sizes(light);
    let n_datasets = rng.range(d_lo, d_hi) as usize;
    let n_systems = rng.range(s_lo, s_hi) as usize;
    // Every collection's size is drawn first, so that references can name existing records.
    let sizes: Vec<(String, usize)> = r
        .inventory
        .keys()
        .map(|name| {
            let n = match name {
                "systems" => n_systems,
                "datasets" => n_datasets,
                _ => rng.range(3, 12) as usize,
            };
            (name.to_string(), n)
        })
        .collect();
    let ctx = Ctx {
        agency: id,
        sizes: &sizes,
        q: quality,
    };
    let mut out = String::with_capacity(300 * (n_datasets + n_systems));
    let _ = writeln!(out, "dgmat: 1\nkind: inventory\nagency: {id}");
    for ((name, _, coll), (_, n)) in r.inventory.iter().zip(&sizes) {
        let _ = writeln!(out, "{name}:");
        for i in 0..*n {
            record(&mut out, name, coll, &ctx, i, rng);
        }
    }
    out
}

/// What every record of an agency's inventory shares.
struct Ctx<'a> {
    agency: &'a str,
    /// Each collection and its number of records.
    sizes: &'a [(String, usize)],
    /// The agency's share of complete values.
    q: f64,
}

impl Ctx<'_> {
    /// The id of record `i` of `collection`.
    fn id(&self, collection: &str, i: usize) -> String {
        let prefix = match collection {
            "systems" => "sys",
            "datasets" => "ds",
            other => other,
        };
        format!("{}-{prefix}-{i:04}", self.agency)
    }

    /// The id of a random existing record of `collection`.
    fn reference(&self, collection: &str, rng: &mut Rng) -> String {
        let n = self.sizes.iter().find(|(c, _)| c == collection).map_or(1, |(_, n)| (*n).max(1));
        self.id(collection, rng.range(0, n as i64 - 1) as usize)
    }
}

fn record(out: &mut String, coll_name: &str, coll: &Collection, ctx: &Ctx<'_>, i: usize, rng: &mut Rng) {
    let q = ctx.q;
    let status = *rng.pick(&[
        "production",
        "production",
        "production",
        "production",
        "production",
        "production",
        "development",
        "planning",
        "retired",
    ]);
    let go_live = rng.range(60, 3600);
    let personal = rng.chance(0.35);
    let uses_ai = rng.chance(0.1 + 0.3 * q);
    let access = *rng.pick(&["open", "shared", "shared", "private"]);
    let procedure = rng.chance(0.3);
    // A unit's staff counts must nest (trained <= data roles <= staff).
    let staff = rng.range(10, 200);
    let roles = rng.range(1, 10.min(staff));
    let mut fields: Vec<String> = Vec::new();
    for (field, _, def) in coll.fields.iter() {
        let good = rng.chance(q);
        let value = match (coll_name, field) {
            (_, f) if f == coll.key.value => Some(ctx.id(coll_name, i)),
            _ if def.refers_to.is_some() => {
                let target = def.refers_to.as_ref().map_or("", |t| t.value.as_str());
                if def.kind.value == FieldType::List {
                    let ids: Vec<String> = (0..rng.range(1, 3)).map(|_| ctx.reference(target, rng)).collect();
                    Some(format!("[{}]", ids.join(", ")))
                } else {
                    Some(ctx.reference(target, rng))
                }
            }
            ("systems", "status") => Some(status.to_string()),
            ("systems", "go_live_on") => (status == "production" || status == "retired").then(|| date(go_live)),
            ("systems", "security_approved_on") => {
                if good {
                    Some(date(go_live + rng.range(1, 90)))
                } else {
                    rng.chance(0.5).then(|| date((go_live - rng.range(10, 400)).max(1)))
                }
            }
            ("systems", "security_level") => good.then(|| (if personal { rng.range(2, 4) } else { rng.range(1, 3) }).to_string()),
            ("systems", "hosts_personal_data") => Some(personal.to_string()),
            ("systems", "standalone") => Some(rng.chance(0.05).to_string()),
            ("systems", "uses_ai") => Some(uses_ai.to_string()),
            ("systems", "ai_risk_assessed_on") => (uses_ai && good).then(|| date(rng.range(10, 300))),
            ("units", "staff") => Some(staff.to_string()),
            ("units", "data_role_staff") => Some(roles.to_string()),
            ("units", "data_role_staff_trained") => Some((if good { roles } else { rng.range(0, roles) }).to_string()),
            ("units", "data_role_staff_certified") => Some((if good { roles } else { rng.range(0, roles) } / 2).to_string()),
            ("units", "literacy_trained") => Some((if good { staff } else { rng.range(0, staff) }).to_string()),
            ("datasets", "contains_personal_data") => Some((personal && access != "open").to_string()),
            ("datasets", "access_class") => Some(access.to_string()),
            ("datasets", "published_on_portal") => Some((access == "open" && good).to_string()),
            ("datasets", "master_data") => Some(rng.chance(0.1).to_string()),
            ("datasets", "procedure_records") => Some(procedure.to_string()),
            ("datasets", "digitisation_pct") => procedure.then(|| (if good { 100 } else { rng.range(20, 99) }).to_string()),
            ("datasets", "format") => Some(
                (if good {
                    *rng.pick(&["csv", "json", "xml", "geojson"])
                } else {
                    *rng.pick(&["pdf", "xlsx", "docx"])
                })
                .to_string(),
            ),
            _ => generic(field, def, good, rng),
        };
        if let Some(v) = value {
            fields.push(format!("{field}: {v}"));
        }
    }
    let _ = writeln!(out, "  - {{{}}}", fields.join(", "));
}

/// A value for any other declared field, by its type: `good` values meet what a mature agency
/// would record.
fn generic(field: &str, def: &FieldDef, good: bool, rng: &mut Rng) -> Option<String> {
    let kind = def.kind.value;
    if !def.required && !good && rng.chance(0.5) {
        return None;
    }
    Some(match kind {
        FieldType::String => format!("\"{} {}\"", field.replace('_', " "), rng.range(1, 99)),
        FieldType::Boolean => good.to_string(),
        FieldType::Date => date(if good { rng.range(5, 300) } else { rng.range(800, 2500) }),
        FieldType::Integer | FieldType::Number => {
            let lo = def.min.unwrap_or(0.0) as i64;
            let hi = def.max.unwrap_or(10.0) as i64;
            let mid = lo + (hi - lo) * 9 / 10;
            (if good { rng.range(mid, hi) } else { rng.range(lo, mid) }).to_string()
        }
        FieldType::Enum => {
            let values = def.values.as_deref().unwrap_or_default();
            if values.is_empty() {
                return None;
            }
            // The last declared value is usually the most mature (none < manual < automated).
            if good {
                values[values.len() - 1].clone()
            } else {
                rng.pick(values).clone()
            }
        }
        FieldType::List => "[]".into(),
    })
}

/// Breaks a submission the way real ones break.
fn corrupt(questionnaire: &mut String, inventory: &mut String, rng: &mut Rng) {
    match rng.range(0, 4) {
        0 => *inventory = inventory.replacen("status: production", "status: live", 1),
        1 => *questionnaire = questionnaire.replacen("answers:\n", "answers:\n  XYZ-9.9: yes\n", 1),
        2 => {
            if let Some(at) = inventory.find("go_live_on: ") {
                let start = at + "go_live_on: ".len();
                inventory.replace_range(start..start + 10, "2026-02-30");
            }
        }
        3 => *inventory = inventory.replacen("\n  - {", "\n  - {owner: nobody, ", 1),
        _ => inventory.push_str("systems: [unclosed\n"),
    }
}
