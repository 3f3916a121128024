//! SARIF 2.1.0 for code-scanning tools: a minimal, hand-written subset of the format.
//!
//! Only located findings become results (maturity levels are not alerts). URIs are the paths
//! as given, relative to the directory dgmat ran in, under the `%SRCROOT%` base, which is how
//! GitHub code scanning maps them onto the repository.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::findings::CheckReport;
use crate::finding::rule_description;

/// Renders the SARIF log.
pub fn render(report: &CheckReport) -> String {
    let located: Vec<_> = report.findings.iter().filter(|f| f.location.is_some()).collect();
    let mut rules: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for f in &located {
        let description = rule_description(&f.rule)
            .or_else(|| report.rule_docs.get(&f.rule).map(String::as_str))
            .unwrap_or(f.rule.as_str());
        rules.entry(f.rule.as_str()).or_insert((description, f.severity.as_str()));
    }
    let rule_index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let rules_json: Vec<Value> = rules
        .iter()
        .map(|(id, (description, level))| {
            json!({
                "id": id,
                "name": id,
                "shortDescription": {"text": description},
                "defaultConfiguration": {"level": level},
            })
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
            Some(json!({
                "ruleId": f.rule,
                "ruleIndex": rule_index.get(f.rule.as_str()).copied().unwrap_or(0),
                "level": f.severity.as_str(),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(loc.path()), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": loc.line, "startColumn": loc.column},
                    }
                }],
                "partialFingerprints": {"dgmat/v1": format!("{}:{}:{}", f.rule, uri(loc.path()), f.message)},
            }))
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
