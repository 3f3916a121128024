//! SARIF 2.1.0 for code-scanning tools: a minimal, hand-written subset of the format.
//!
//! Only located findings become results (maturity levels are not alerts). URIs are the paths
//! as given, relative to the directory dgmat ran in, under the `%SRCROOT%` base, which is how
//! GitHub code scanning maps them onto the repository.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{CheckReport, RuleDoc, rule_doc};
use crate::location::Location;

/// A SARIF physical location.
fn physical(loc: &Location) -> Value {
    json!({
        "artifactLocation": {"uri": uri(loc.path()), "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": loc.line, "startColumn": loc.column},
    })
}

/// Renders the SARIF log.
pub fn render(report: &CheckReport) -> String {
    let located: Vec<_> = report.findings.iter().filter(|f| f.location.is_some()).collect();
    let mut rules: BTreeMap<&str, RuleDoc> = BTreeMap::new();
    for f in &located {
        rules
            .entry(f.rule.as_str())
            .or_insert_with(|| rule_doc(&f.rule, f.severity.as_str(), report));
    }
    let rule_index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let rules_json: Vec<Value> = rules
        .iter()
        .map(|(id, doc)| {
            let mut rule = json!({
                "id": id,
                "name": id,
                "shortDescription": {"text": doc.short},
                "fullDescription": {"text": doc.full},
                "help": {"text": doc.help},
                "defaultConfiguration": {"level": doc.level},
            });
            if let Some(uri) = &doc.help_uri {
                rule["helpUri"] = json!(uri);
            }
            rule
        })
        .collect();
    let results: Vec<Value> = located
        .iter()
        .filter_map(|f| {
            let loc = f.location.as_ref()?;
            let mut text = f.message.clone();
            if let Some(help) = &f.help {
                text.push_str(&format!(" ({help})"));
            }
            let mut result = json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index.get(f.rule.as_str()).copied().unwrap_or(0),
                "level": f.severity.as_str(),
                "message": {"text": text},
                "locations": [{"physicalLocation": physical(loc)}],
                "partialFingerprints": {"dgmat/v1": format!("{}:{}:{}", f.rule, uri(loc.path()), f.message)},
            });
            // SARIF's own way to keep a waived result visible but not alerting.
            if let Some(w) = &f.waived {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": format!("{} (approved by {}; expires {})", w.reason, w.approved_by, w.expires),
                }]);
            }
            if !f.related.is_empty() {
                let related: Vec<Value> = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        json!({
                            "id": i + 1,
                            "physicalLocation": physical(&r.location),
                            "message": {"text": format!("{} ({})", r.label, r.location.record_place())},
                        })
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            Some(result)
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "dgmat",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules_json,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

/// A relative URI reference for a path: forward slashes, no leading `./`, spaces escaped.
fn uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    p.replace('%', "%25").replace(' ', "%20")
}
