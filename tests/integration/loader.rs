//! The event-driven YAML loader gives exactly what the serde path gives: the same node tree with
//! the same positions, or the same finding, on every example, fixture, shipped rubric and a set of
//! scalars YAML types in surprising ways.

use std::path::{Path, PathBuf};

use dgmat::load::{events, yaml};

fn yaml_files(root: &Path, out: &mut Vec<PathBuf>) {
    for entry in walkdir::WalkDir::new(root).sort_by_file_name().into_iter().flatten() {
        let p = entry.path();
        if entry.file_type().is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p.to_path_buf());
        }
    }
}

/// Compares both paths on `text`; returns whether the event path handled it itself.
fn same(name: &str, text: &str) -> bool {
    let serde = yaml::parse_serde(name, text);
    assert_eq!(yaml::parse_node(name, text), serde, "{name}: the loaders differ");
    match events::parse(text) {
        Ok(node) => {
            assert_eq!(
                Ok(&node),
                serde.as_ref(),
                "{name}: the event path accepted what serde gives otherwise"
            );
            true
        }
        Err(events::GiveUp) => false,
    }
}

#[test]
fn event_loader_matches_serde_on_examples_fixtures_and_rubrics() {
    let mut files = Vec::new();
    for dir in ["examples", "tests/fixtures", "rubrics"] {
        yaml_files(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).as_path(), &mut files);
    }
    assert!(files.len() > 50, "found only {} YAML files", files.len());
    let mut fast = 0;
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else { continue };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        fast += usize::from(same(&file.display().to_string(), text));
    }
    // Most files are plain YAML and must not fall back to serde.
    assert!(
        fast * 10 >= files.len() * 7,
        "the event path handled only {fast} of {} files",
        files.len()
    );
}

#[test]
fn event_loader_types_scalars_and_keys_like_serde() {
    // (text, whether the event path reads it itself rather than handing it to serde)
    let cases = [
        ("a: yes\nb: No\nc: ~\nd: null\ne:\nf: 'yes'\ng: \"1\"\n", true),
        (
            "nums: [0, -0, +5, 007, -007, 1_000, 0x1F, 0X1F, 0o17, 0b101, 1.5, .5, 5., 1e5, -1.5e-3]\n",
            true,
        ),
        (
            "big: [9223372036854775807, 9223372036854775808, 18446744073709551616, -9223372036854775808, -9223372036854775809]\n",
            true,
        ),
        ("odd: [inf, nan, -.nan, 2024-01-05, 12:30, 1.2.3, 0x, +, ., _1, 1__0]\n", true),
        ("s: |\n  block\n  text\nt: >\n  folded\n  text\n", true),
        ("nested:\n  - {a: 1, b: [x, y]}\n  - - deep\n    - er\n", true),
        ("plain scalar at the root\n", true),
        ("2024: numeric key\n", false),
        ("yes: boolean key\n", false),
        ("x: 1\nx: 2\n", false),
        ("a: &anchor {k: v}\nb: *anchor\n", false),
        ("a: !!str 5\n", false),
        ("base: &b {k: v}\nm:\n  <<: *b\n  j: w\n", false),
        ("---\na: 1\n---\nb: 2\n", false),
        ("", false),
        ("# only a comment\n", false),
        ("a: .inf\n", false),
        ("a: .NaN\n", false),
        ("a: 1e999\n", false),
        ("a: [unclosed\n", false),
        ("a: -\n", false),
        ("? [complex, key]\n: value\n", false),
        ("~: null key\n", false),
    ];
    for (text, fast) in cases {
        assert_eq!(same("case.yaml", text), fast, "{text:?}");
    }
    // Large mappings are checked for repeated keys too (by a set of keys past a few dozen).
    let many: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
    assert!(same("many.yaml", &many));
    assert!(!same("many.yaml", &format!("{many}k7: again\n")));
}
