//! The crate's layers point one way: `main` → `commands` → `batch` → `report` → `assess` →
//! `model`, with `load` filling `model` from files and `store` (the database of rounds) used by
//! `commands` only; `rules`, `finding`, `rule` and `location`
//! sit at the bottom. This test reads `src/` and fails on an import cycle between top-level
//! modules or on an arrow that runs back up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module -> the top-level modules its code (not its comments or tests) names.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    collect(&src, &mut files);
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let top = rel.components().next().unwrap().as_os_str().to_string_lossy();
        let module = top.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" || rel.ends_with("proptests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let deps = graph.entry(module.clone()).or_default();
        for line in text.lines() {
            let line = line.trim_start();
            if line.starts_with("#[cfg(test)]") {
                break; // unit tests may reach across layers
            }
            if line.starts_with("//") {
                continue;
            }
            for (i, _) in line.match_indices("crate::") {
                let name: String = line[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && name != module {
                    deps.insert(name);
                }
            }
        }
    }
    graph
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A cycle through `start`, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        start: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(node).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn top_level_modules_import_without_cycles() {
    let graph = imports();
    assert!(graph.len() > 10, "the scan found too few modules: {graph:?}");
    for module in graph.keys() {
        if let Some(path) = cycle(&graph, module) {
            panic!("import cycle: {}", path.join(" -> "));
        }
    }
}

#[test]
fn no_arrow_runs_back_up() {
    let graph = imports();
    let forbidden = [
        ("report", "batch"),
        ("report", "commands"),
        ("report", "load"),
        ("assess", "load"),
        ("assess", "report"),
        ("assess", "batch"),
        ("model", "load"),
        ("model", "assess"),
        ("model", "report"),
        ("rules", "load"),
        ("rules", "model"),
        ("load", "assess"),
        ("load", "report"),
        ("batch", "commands"),
        ("store", "commands"),
        ("store", "batch"),
        ("store", "report"),
        ("store", "load"),
        ("batch", "store"),
        ("report", "store"),
        ("assess", "store"),
        ("model", "store"),
        ("load", "store"),
    ];
    let mut wrong = Vec::new();
    for (from, to) in forbidden {
        if graph.get(from).is_some_and(|deps| deps.contains(to)) {
            wrong.push(format!("src/{from} imports crate::{to}"));
        }
    }
    // The bottom layers import nothing of dgmat but each other.
    for bottom in ["location", "rule", "lang", "write", "fault"] {
        if let Some(deps) = graph.get(bottom)
            && !deps.is_empty()
        {
            wrong.push(format!("src/{bottom} imports {deps:?}"));
        }
    }
    assert!(wrong.is_empty(), "arrows that run back up:\n{}", wrong.join("\n"));
}
