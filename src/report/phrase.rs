//! Results into words: a criterion's [`Detail`] and the assessment's [`Issue`]s phrased in the
//! report's language. `assess/` states facts; this is the only place they become sentences.

use crate::assess::round::{RoundFinding, RowNote};
use crate::assess::waivers::Unused;
use crate::assess::{AgencyField, Counts, Detail, Issue};
use crate::finding::{Finding, Related, Rule, RuleId, sort_findings};
use crate::lang::Lang;
use crate::model::questionnaire::AnswerValue;
use crate::model::rubric::{Check, Criterion, Rubric};

/// The detail of criterion `c` in `lang`: "answered yes", "10 of 13 selected systems pass (77%)".
pub fn detail(rubric: &Rubric, c: &Criterion, d: &Detail, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    match (d, c.check.as_ref(), c.verify.as_ref()) {
        (Detail::Answered(value, note), ..) => answered(c, value, note.as_deref().unwrap_or_default(), lang),
        (Detail::Check(n), Some(check), _) => counts(rubric, check, n, lang),
        (Detail::Contradicted(n), _, Some(verify)) => {
            let lead = if vi {
                "trả lời có, nhưng danh mục cho thấy khác"
            } else {
                "answered yes, but the inventory disagrees"
            };
            format!("{lead}: {}", counts(rubric, verify, n, lang))
        }
        // A check's counts always come with the check that made them.
        (Detail::Check(_) | Detail::Contradicted(_), ..) => String::new(),
        (Detail::Condition(condition), ..) => {
            format!("{} ({condition})", crate::report::i18n::texts(lang).condition_false)
        }
        (Detail::NoInventory, ..) if vi => "chưa nộp danh mục".to_string(),
        (Detail::NoInventory, ..) => "no inventory submitted".to_string(),
        (Detail::EvidenceMissing, ..) => evidence(None, lang),
        (Detail::EvidenceStale { days, assessed_on }, ..) => evidence(Some((*days, *assessed_on)), lang),
        (Detail::EvidenceFuture { assessed_on }, ..) if vi => format!(
            "minh chứng duy nhất được nêu ghi ngày sau ngày đánh giá {} nên không được tính",
            crate::report::locale::date(&assessed_on.to_string(), lang)
        ),
        (Detail::EvidenceFuture { assessed_on }, ..) => {
            format!("the only evidence cited is dated after the assessment date, {assessed_on}, and is not counted")
        }
    }
}

/// Missing evidence (`None`), or evidence older than `days` before the assessment date.
fn evidence(stale: Option<(u32, chrono::NaiveDate)>, lang: Lang) -> String {
    match (stale, lang) {
        (None, Lang::En) => "the answer claims credit but cites no evidence".to_string(),
        (None, Lang::Vi) => "câu trả lời được tính điểm nhưng không nêu tài liệu minh chứng".to_string(),
        (Some((days, assessed_on)), Lang::En) => format!("all evidence is older than {days} days before {assessed_on}"),
        (Some((days, assessed_on)), Lang::Vi) => format!(
            "mọi minh chứng đều cũ hơn {days} ngày tính đến {}",
            crate::report::locale::date(&assessed_on.to_string(), lang)
        ),
    }
}

/// The name of collection `name` for people: its title (lower case) in Vietnamese, else its key.
pub fn collection_name(rubric: &Rubric, name: &str, lang: Lang) -> String {
    let title = (lang == Lang::Vi)
        .then(|| rubric.inventory.get(name).and_then(|coll| coll.title.as_ref()))
        .flatten()
        .map(|t| t.get(lang).to_lowercase());
    title.unwrap_or_else(|| name.to_string())
}

fn answered(c: &Criterion, value: &AnswerValue, note: &str, lang: Lang) -> String {
    match value {
        AnswerValue::NotApplicable if lang == Lang::Vi => format!("không áp dụng: {note}"),
        AnswerValue::NotApplicable => format!("not applicable: {note}"),
        _ if lang == Lang::Vi => format!("trả lời: {}", answer(c, value, Lang::Vi)),
        _ => format!("answered {}", answer(c, value, Lang::En)),
    }
}

/// An answer's value in `lang`: "yes", "partial", "60", "some (Some datasets), all", "level 3", "n/a".
pub fn answer(c: &Criterion, value: &AnswerValue, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let word = |en: &str, vi_word: &str| if vi { vi_word.to_string() } else { en.to_string() };
    match value {
        AnswerValue::NotApplicable => "n/a".to_string(),
        AnswerValue::Yes => word("yes", "có"),
        AnswerValue::Partial => word("partial", "một phần"),
        AnswerValue::No => word("no", "không"),
        AnswerValue::Number(n) => format!("{n}"),
        AnswerValue::Choice(p) => choices(c, p, lang),
        AnswerValue::Level(l) => format!("{} {l}", word("level", "mức")),
        AnswerValue::Text(t) => format!("\"{t}\""),
    }
}

/// A choice question's options with what each says and does, one line each: `no: We do not
/// publish (at most level 1) → Start publishing one dataset`; options without label, level or
/// action are left out.
pub fn option_lines(c: &Criterion, lang: Lang) -> Vec<String> {
    let t = crate::report::i18n::texts(lang);
    let Some(a) = &c.answer else { return Vec::new() };
    a.value
        .options
        .iter()
        .filter(|o| o.label.is_some() || o.level.is_some() || o.action.is_some())
        .map(|o| {
            let mut line = o.value.clone();
            if let Some(label) = &o.label {
                line.push_str(&format!(": {}", label.get(lang)));
            }
            if let Some(l) = o.level {
                line.push_str(&format!(" ({} {l})", t.at_most_level));
            }
            if let Some(action) = &o.action {
                line.push_str(&format!(" → {}", action.get(lang)));
            }
            line
        })
        .collect()
}

/// The options picked, each with its label: `no (We do not publish data)`.
pub fn choices(c: &Criterion, picked: &[String], lang: Lang) -> String {
    let labelled = |v: &String| match c.option(v).and_then(|o| o.label.as_ref()) {
        Some(label) if !label.is_blank() => format!("{v} ({})", label.get(lang)),
        _ => v.clone(),
    };
    picked.iter().map(labelled).collect::<Vec<_>>().join(", ")
}

/// A check's counts: "10 of 13 selected systems pass (77%); 3 fail, 100% needed".
fn counts(rubric: &Rubric, check: &Check, c: &Counts, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    // Vietnamese readers see the collection's title, not its key.
    let collection = collection_name(rubric, &check.collection.value, lang);
    let (selected, passing) = (c.selected, c.passing);
    if selected == 0 {
        return if vi {
            format!("không có {collection} nào được chọn")
        } else {
            format!("no {collection} selected")
        };
    }
    let pct = passing as f64 / selected as f64 * 100.0;
    let mut out = match (check.require.is_some(), vi) {
        (true, false) => format!("{passing} of {selected} selected {collection} pass ({pct:.0}%)"),
        (true, true) => format!("{passing}/{selected} {collection} được chọn đạt ({pct:.0}%)"),
        (false, false) => format!("{selected} {collection} selected"),
        (false, true) => format!("{selected} {collection} được chọn"),
    };
    if let Some(m) = c.shortfall.ratio {
        let (failing, need) = (selected - passing, m * 100.0);
        out.push_str(&if vi {
            format!("; {failing} không đạt, cần {need:.0}%")
        } else {
            format!("; {failing} fail, {need:.0}% needed")
        });
    }
    if let Some(n) = c.shortfall.count {
        out.push_str(&if vi {
            format!("; cần ít nhất {n}")
        } else {
            format!("; at least {n} needed")
        });
    }
    out
}

/// The assessment's issues as findings, sorted; a record that defeats an expression is
/// reported once, however many checks use it.
pub fn findings(rubric: &Rubric, issues: &[Issue], lang: Lang) -> Vec<Finding> {
    let mut out: Vec<Finding> = issues.iter().map(|i| finding(rubric, i, lang)).collect();
    sort_findings(&mut out);
    out.dedup();
    out
}

/// One issue as a finding.
fn finding(rubric: &Rubric, issue: &Issue, lang: Lang) -> Finding {
    match issue {
        Issue::Contradicted {
            dimension,
            criterion,
            at,
            counts,
            failing,
        } => {
            let c = &rubric.dimensions[*dimension].criteria[*criterion];
            let text = detail(rubric, c, &Detail::Contradicted(counts.clone()), lang);
            Finding::warning(Rule::Contradicted, format!("`{}` {text}", c.id.value), Some(at.clone()))
                .with_help(if failing.is_empty() {
                    "correct the answer or the inventory"
                } else {
                    "correct the answer or the records that fail the check"
                })
                .with_related(failing.iter().map(|r| Related {
                    location: r.location.clone(),
                    label: r.label(),
                }))
        }
        Issue::AnswerNotApplicable { criterion, condition, at } => Finding::warning(
            Rule::AnswerNotApplicable,
            format!("`{criterion}` is answered, but it does not apply here (`{condition}` is false); the answer is not counted"),
            Some(at.clone()),
        )
        .with_help("remove the answer, or correct the earlier answer the condition reads"),
        Issue::ConditionError { criterion, error, at } => Finding::warning(
            Rule::Expression,
            format!("`{criterion}`: its `applies_when` could not be evaluated ({error}); it is treated as applying"),
            Some(at.clone()),
        )
        .with_help("write the condition so that it gives true or false for every answer, including null"),
        Issue::EvidenceMissing { criterion, at } => Finding::warning(
            Rule::EvidenceMissing,
            format!("`{criterion}`: {}", evidence(None, Lang::En)),
            Some(at.clone()),
        )
        .with_help("add `evidence: [{ref: ..., date: ...}]` to the answer"),
        Issue::EvidenceStale {
            criterion,
            at,
            days,
            assessed_on,
        } => Finding::warning(
            Rule::EvidenceStale,
            format!("`{criterion}`: {}", evidence(Some((*days, *assessed_on)), Lang::En)),
            Some(at.clone()),
        )
        .with_help("cite current evidence, or renew the document"),
        Issue::EvidenceFuture {
            criterion,
            at,
            date,
            assessed_on,
        } => Finding::warning(
            Rule::EvidenceFuture,
            format!("`{criterion}`: evidence dated {date}, after the assessment date {assessed_on}, is not counted"),
            Some(at.clone()),
        )
        .with_help("correct the evidence's date, or the questionnaire's `assessed_on`"),
        Issue::AgencyMismatch {
            inventory,
            questionnaire,
            at,
        } => Finding::warning(
            Rule::AgencyMismatch,
            format!("the inventory is for agency `{inventory}` but the questionnaire for `{questionnaire}`"),
            Some(at.clone()),
        )
        .with_help("submit the questionnaire and inventory of the same agency"),
        Issue::RecordRule {
            collection,
            rule,
            key,
            at,
            waiver,
        } => {
            let (name, coll) = &rubric.inventory.0[*collection];
            let rule = &coll.rules[*rule];
            let mut f = Finding::error(
                RuleId::Rubric(rule.id.value.clone()),
                format!("{} `{key}`: {}", name.value, rule.message.get(lang)),
                Some(at.clone()),
            );
            f.severity = rule.severity;
            f.help = rule.help.as_ref().map(|h| h.get(lang).to_string());
            f.waived = waiver.as_ref().map(|w| Box::new(w.waived_by()));
            f
        }
        Issue::WaiverExpired { waiver, assessed_on } => Finding::warning(
            Rule::WaiverExpired,
            format!(
                "the waiver of {} expired on {}, before the assessment date {assessed_on}: it is evaluated as if not waived",
                waiver.label(),
                waiver.expires
            ),
            Some(waiver.location.clone()),
        )
        .with_help("renew the waiver with a new decision and date, or remove it"),
        Issue::WaiverUnused { waiver, why } => {
            let message = match why {
                Unused::NoCriterion => format!("the waiver of {} matches nothing: the rubric has no such criterion", waiver.label()),
                Unused::NotNeeded(status) => format!(
                    "the waiver of {} matches nothing: the criterion is {} without it",
                    waiver.label(),
                    status.as_str()
                ),
                Unused::NoRule => format!(
                    "the waiver of {} matches nothing: the rubric has no such record rule",
                    waiver.label()
                ),
                Unused::Records(keys) => format!(
                    "the waiver of {} is unused for {}: no such record breaks the rule",
                    waiver.label(),
                    keys.join(", ")
                ),
            };
            Finding::warning(Rule::WaiverUnused, message, Some(waiver.location.clone()))
                .with_help("remove the waiver, or correct its criterion, rule or record keys")
        }
        Issue::NoInventory { computed, verified, at } => {
            let mut what = Vec::new();
            if *computed > 0 {
                what.push(format!("{computed} criteria computed from the inventory are unanswered"));
            }
            if *verified > 0 {
                what.push(format!("{verified} answer(s) are not checked against it"));
            }
            Finding::warning(
                Rule::NoInventory,
                format!("no inventory submitted: {}", what.join(", and ")),
                Some(at.clone()),
            )
            .with_help("add inventory.yaml (or <collection>.csv, inventory.xlsx) beside the questionnaire; `dgmat init` writes a template")
        }
        Issue::Unanswered { dimension, criteria, at } => {
            let d = &rubric.dimensions[*dimension];
            let ids: Vec<String> = criteria.iter().map(|c| format!("`{c}`")).collect();
            Finding::warning(
                Rule::Unanswered,
                format!(
                    "{} {}: {} question(s) unanswered: {}",
                    d.id.value,
                    d.name.get(lang),
                    criteria.len(),
                    ids.join(", ")
                ),
                Some(at.clone()),
            )
            .with_help("answer each question (`no` is an answer too); an unanswered question earns no credit")
        }
        Issue::PlaceholderAgency { field, value, at } => {
            let field = match field {
                AgencyField::Id => "id",
                AgencyField::Name => "name",
            };
            let message = if value.trim().is_empty() {
                format!("the agency {field} is empty")
            } else {
                format!("the agency {field} `{value}` is a placeholder")
            };
            Finding::warning(Rule::PlaceholderAgency, message, Some(at.clone()))
                .with_help(format!("write the agency's own {field}: reports, batch rows and file names use it"))
        }
        Issue::RuleBudget {
            collection,
            key,
            error,
            at,
        } => Finding::error(Rule::RuleBudget, format!("{collection} `{key}`: {error}"), Some(at.clone()))
            .with_help("raise the budget with --max-rule-steps (or DGMAT_MAX_RULE_STEPS) if the rubric and the data are genuine"),
        Issue::RuleError {
            collection,
            key,
            error,
            at,
        } => Finding::warning(Rule::RuleError, format!("{collection} `{key}`: {error}"), Some(at.clone()))
            .with_help("the record is counted as failing; guard optional fields with `field != null && ...` in the rubric"),
    }
}

/// A round's finding as a batch warning, naming the paths involved.
pub fn round_finding(f: &RoundFinding) -> String {
    match f {
        RoundFinding::Claimed {
            agency,
            submissions,
            counted,
        } => {
            let all: Vec<String> = submissions
                .iter()
                .map(|(path, on)| format!("{path} ({})", on.as_deref().unwrap_or("no date")))
                .collect();
            let (n, all) = (submissions.len(), all.join(", "));
            match counted {
                Some(won) => format!("agency `{agency}` is claimed by {n} submissions: {all}; {won} counts, the other(s) are superseded"),
                None => format!(
                    "agency `{agency}` is claimed by {n} submissions: {all}; the latest share one date, so they conflict and the agency counts as reaching no level until one is removed"
                ),
            }
        }
        RoundFinding::Stale {
            path,
            assessed_on,
            days,
            round_date,
        } => format!("stale: {path}: {}; not counted", stale(*assessed_on, *days, *round_date)),
        RoundFinding::LookAlike { ids } => {
            let named: Vec<String> = ids
                .iter()
                .map(|(id, paths)| format!("{} ({})", id.escape_debug(), paths.join(", ")))
                .collect();
            format!(
                "agency ids {} differ only by case, invisible characters or look-alike letters; if they are one agency, give its submissions one id",
                named.join(" and ")
            )
        }
    }
}

/// Why a row of a round does not count, as its `note`.
pub fn row_note(n: &RowNote) -> String {
    match n {
        RowNote::Superseded { agency, by: Some(won) } => format!(
            "superseded by {won}, which counts for agency `{agency}` (a questionnaire beats an inventory alone and a readable submission an unreadable one; then the latest assessed_on wins)"
        ),
        RowNote::Superseded { agency, by: None } => {
            format!("superseded by later submissions for agency `{agency}`, which conflict with each other")
        }
        RowNote::Conflict { agency, with } => format!(
            "conflicts with {}: same agency `{agency}`, same assessed_on; the agency counts as reaching no level until one is removed",
            with.join(", ")
        ),
        RowNote::Stale {
            assessed_on,
            days,
            round_date,
        } => format!("{} (the rubric's scoring.max_age_days)", stale(*assessed_on, *days, *round_date)),
    }
}

fn stale(assessed_on: chrono::NaiveDate, days: u32, round_date: chrono::NaiveDate) -> String {
    format!("assessed on {assessed_on}, more than {days} days before the round's date {round_date}")
}

/// The note of a submission without a questionnaire, and its batch warning.
pub fn incomplete(path: &str) -> (String, String) {
    (
        "no questionnaire: its questions count as unanswered".to_string(),
        format!("incomplete: {path}: no questionnaire; its questions count as unanswered"),
    )
}
