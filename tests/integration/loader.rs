//! The fast reader and the event-driven YAML loader give exactly what the serde path gives: the
//! same node tree with the same positions, or the same finding, on every example, fixture,
//! shipped rubric, real-data file, a set of scalars YAML types in surprising ways, hostile
//! snippets and generated documents.

use std::path::{Path, PathBuf};

use dgmat::load::{events, scan, yaml};
use proptest::prelude::*;

fn yaml_files(root: &Path, out: &mut Vec<PathBuf>) {
    for entry in walkdir::WalkDir::new(root).sort_by_file_name().into_iter().flatten() {
        let p = entry.path();
        if entry.file_type().is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p.to_path_buf());
        }
    }
}

/// Compares the three paths on `text`; returns whether the event path handled it itself.
fn same(name: &str, text: &str) -> bool {
    let serde = yaml::parse_serde(name, text);
    assert_eq!(yaml::parse_node(name, text), serde, "{name}: the loaders differ");
    if let Ok(node) = scan::parse(text) {
        assert_eq!(
            Ok(&node),
            serde.as_ref(),
            "{name}: the fast path accepted what serde gives otherwise"
        );
    }
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
    for dir in ["examples", "tests/fixtures", "rubrics", "../shared/realdata"] {
        yaml_files(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).as_path(), &mut files);
    }
    assert!(files.len() > 50, "found only {} YAML files", files.len());
    let (mut fast, mut scanned) = (0, 0);
    for file in &files {
        let Ok(bytes) = std::fs::read(file) else { continue };
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        fast += usize::from(same(&file.display().to_string(), text));
        // The same file as written on Windows.
        same(&file.display().to_string(), &text.replace('\n', "\r\n"));
        scanned += usize::from(scan::parse(text).is_ok());
    }
    // The shipped example submissions, as people write them, are read by the fast reader itself.
    let mut examples = Vec::new();
    yaml_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"), &mut examples);
    assert!(examples.len() >= 10, "found only {} example files", examples.len());
    for file in &examples {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        assert!(scan::parse(&text).is_ok(), "{}: left to the parser", file.display());
        let crlf = text.replace('\n', "\r\n");
        assert!(scan::parse(&crlf).is_ok(), "{} in CRLF: left to the parser", file.display());
    }
    // Over everything, real-data models with block scalars included, a good share is too.
    assert!(
        scanned * 10 >= files.len() * 2,
        "the fast reader handled only {scanned} of {} files",
        files.len()
    );
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
        ("m:\n  <<: {k: v}\n  j: w\n", false),
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

/// Whether the fast reader handles `text` itself; whatever it returns equals the serde path's
/// tree (checked by [`same`]).
fn scanned(text: &str) -> bool {
    same("snippet.yaml", text);
    scan::parse(text).is_ok()
}

#[test]
fn fast_reader_reads_the_everyday_part_and_leaves_the_rest() {
    // (text, whether the fast reader reads it itself)
    let cases = [
        ("a: 1\nb: x y\nc: 'q'\nd: \"é\\u00e9\\n\"\n", true),
        ("a:\n  - x\n  - {k: v, l: [1, 2.5, -3, yes, ~]}\nb:\n- 1\n- 2\nc: {}\nd: []\n", true),
        ("- a: 1\n  b: 2\n- c: [x]\n", true),
        ("# head\n\na: b # c\n\n  # indented comment\nd: e#f\n", true),
        ("url: http://example.org/a?b=c\nt: 2024-01-05T10:00:00\n", true),
        ("é: {é: é, \"k y\": 'it''s'}\n", true),
        ("a:\n  b:\n    c: d\n  e: f\ng:\n", true),
        ("a:   \nb: # nothing\nc: 1", true),
        ("  a: 1\n  b: 2\n", true),
        ("k: [a, b]   # trailing comment\n", true),
        ("k: --x\nl: -5\nm: .5\n", true),
        // Left to the parser.
        ("a: 1\r\nb: 2\r\n", true),
        ("a:\r\n- \r\n  b: 1\r\nc: {k: v,\r\n  l: w}\r\nd:\r\n", true),
        ("a: 1\rb: 2\n", false),
        ("a: \"x\ry\"\n", false),
        ("a:\t1\n", false),
        ("\u{feff}a: 1\n", false),
        ("a: x\n  continued\n", false),
        ("a: \"two\n  lines\"\n", false),
        ("a: {k: v,\n  l: w}\n- x\n", false),
        ("a: {k: v,\n  l: [x, # why\n    y]}\nb: [http://x:80/, {u: a:b}]\n", true),
        ("a: {k: v,\nl: w}\n", false),
        ("a: {k: v,\n\n  l: w}\n", false),
        ("a: {k: v\n  , l: w}\n", false),
        ("a: [x:]\n", false),
        ("a: {x:,: 1}\n", false),
        ("a: [x,]\n", false),
        ("a: {k: }\n", false),
        ("a: {k}\n", false),
        ("a: [k: v]\n", false),
        ("a: {k:v}\n", false),
        ("a: b: c\n", false),
        ("a: - x\n", false),
        ("-\n- x\n", false),
        ("- - x\n", false),
        ("a: |\n  block\n", false),
        ("a: &x 1\nb: *x\n", false),
        ("a: !!str 1\n", false),
        ("<<: {a: 1}\n", false),
        ("y: 1\n", false),
        ("a: 1\na: 2\n", false),
        ("m: {ab: 1, cb: 2, ab: 3}\n", false),
        ("m:\n  ab: 1\n  cb: 2\n  ab: 3\n", false),
        ("m: {ab: 1, cb: 2, abc: 3}\n", true),
        ("a: 1\n b: 2\n", false),
        ("a:\n    b: 1\n  c: 2\n", false),
        ("'a'#c: 1\n", false),
        ("a: 'x'#c\n", false),
        ("a: \"x\" y\n", false),
        ("a: \"\\x41\"\n", false),
        ("? a\n: b\n", false),
        ("---\na: 1\n", true),
        ("--- # start\n- a\n", true),
        ("--- a: 1\n", false),
        ("-\n  a: 1\n-\n  - x\n", true),
        ("a:\n-\n  b: 1\n", true),
        ("a:\n- \n  b: 1\n", true),
        ("a:\n-   # why\n\n  b: 1\n", true),
        ("%YAML 1.2\n---\na: 1\n", false),
        ("a: 1\n...\n", false),
        ("plain scalar\n", false),
        ("a: \u{85}x\n", false),
        ("a: x\u{2028}y\n", false),
    ];
    for (text, fast) in cases {
        assert_eq!(scanned(text), fast, "{text:?}");
    }
}

/// Pieces of YAML lines, everyday and hostile, for generated documents.
const KEYS: &[&str] = &[
    "a", "b", "é", "\"q\"", "'s'", "<<", "y", "1", "k y", "a:b", "a#b", "-x", "?x", "~", "a ", "",
];
const VALUES: &[&str] = &[
    "1",
    "-1",
    "0x1F",
    "yes",
    "~",
    "",
    "x #c",
    "x#c",
    "'it''s'",
    "\"a\\\"b\"",
    "\"\\u00e9\"",
    "\"\\x41\"",
    "http://x",
    "a: b",
    "[a, b]",
    "{a: 1}",
    "[a, {b: c}]",
    "[]",
    "{}",
    "[a,]",
    "{a: }",
    "- x",
    "&a x",
    "*a",
    "!t x",
    "|",
    ">",
    "\"open",
    "é",
    "a,b",
    "[a:b]",
    "{a:b}",
    "--x",
    "-",
    ".5",
    "1e3",
    "2024-01-01",
    "x  ",
    "'a'#c",
    "\"a\" b",
    "{\"k\": v}",
    "[\"x\", 'y']",
    "{a: [1, 2], b: {c: d}}",
    "# c",
    "-.inf",
    "1e999",
];

fn line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(KEYS);
    let value = prop::sample::select(VALUES);
    prop_oneof![
        (key.clone(), value.clone()).prop_map(|(k, v)| format!("{k}: {v}")),
        key.clone().prop_map(|k| format!("{k}:")),
        value.clone().prop_map(|v| format!("- {v}")),
        (key, value).prop_map(|(k, v)| format!("- {k}: {v}")),
        Just("-".to_string()),
        Just("# comment".to_string()),
        Just(String::new()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Whatever the fast reader accepts, the serde path reads to the same tree and positions.
    #[test]
    fn fast_reader_agrees_with_serde_on_generated_documents(
        lines in prop::collection::vec((0usize..6, line()), 1..10),
        end in prop::sample::select(&["\n", ""][..]),
    ) {
        let text: String = lines.iter().map(|(indent, l)| format!("{}{l}\n", " ".repeat(*indent))).collect();
        let text = format!("{}{end}", text.trim_end_matches('\n'));
        if let Ok(node) = scan::parse(&text) {
            prop_assert_eq!(Ok(node), yaml::parse_serde("gen.yaml", &text), "{:?}", text);
        }
    }
}

/// A document tree for generated everyday YAML.
#[derive(Clone, Debug)]
enum Tree {
    Scalar(&'static str),
    Map(Vec<Tree>),
    List(Vec<Tree>),
}

/// Scalars as people write them, each in the everyday part the fast reader reads.
const EVERYDAY: &[&str] = &[
    "1",
    "-1",
    "2.5",
    "yes",
    "No",
    "~",
    "x y",
    "'it''s'",
    "\"a\\\"b\"",
    "\"\\u00e9\\t\"",
    "é ê",
    "http://x/y?z=1",
    "2024-01-05",
    "a#b",
    "--x",
    "0x1F",
    "007",
    "'yes'",
    "\"\"",
    "Sở Tài chính",
    "a, b",
    "x:y",
];

fn tree() -> impl Strategy<Value = Tree> {
    let leaf = prop::sample::select(EVERYDAY).prop_map(Tree::Scalar);
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Tree::Map),
            prop::collection::vec(inner, 0..5).prop_map(Tree::List),
        ]
    })
}

/// Writes `tree` as YAML, choosing among the everyday styles with `seed`: block or one-line or
/// several-line flow collections, sequences indented or at their key's column, compact
/// mappings in sequence items, comments and blank lines.
struct Writer {
    seed: u64,
    out: String,
    keys: usize,
}

impl Writer {
    fn coin(&mut self) -> bool {
        self.seed = self.seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.seed >> 33) & 1 == 1
    }

    fn key(&mut self) -> String {
        self.keys += 1;
        let names = ["id", "tên", "\"quoted key\"", "'single'", "a b", "k-1"];
        format!("{}{}", names[self.keys % names.len()].trim_end_matches(['"', '\'']), self.keys)
            + if names[self.keys % names.len()].starts_with('"') {
                "\""
            } else if names[self.keys % names.len()].starts_with('\'') {
                "'"
            } else {
                ""
            }
    }

    fn flow(&mut self, t: &Tree, indent: usize) {
        match t {
            // In a flow collection a comma ends a plain scalar: such a scalar is quoted there.
            Tree::Scalar(s) if s.contains(',') && !s.starts_with(['\'', '"']) => {
                self.out.push_str(&format!("'{s}'"));
            }
            Tree::Scalar(s) => self.out.push_str(s),
            Tree::Map(items) | Tree::List(items) => {
                let map = matches!(t, Tree::Map(_));
                self.out.push(if map { '{' } else { '[' });
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                        if self.coin() && self.coin() {
                            self.out.push('\n');
                            self.out.push_str(&" ".repeat(indent + 2));
                        } else {
                            self.out.push(' ');
                        }
                    }
                    if map {
                        let k = self.key();
                        self.out.push_str(&k);
                        self.out.push_str(": ");
                    }
                    self.flow(item, indent);
                }
                self.out.push(if map { '}' } else { ']' });
            }
        }
    }

    fn end_line(&mut self) {
        if self.coin() && self.coin() {
            self.out.push_str("  # note");
        }
        self.out.push('\n');
        if self.coin() && self.coin() && self.coin() {
            self.out.push('\n');
        }
    }

    /// A value after `key:` or `- ` on a line indented `indent`.
    fn value(&mut self, t: &Tree, indent: usize, in_map: bool) {
        let empty = matches!(t, Tree::Map(v) | Tree::List(v) if v.is_empty());
        if let Tree::Scalar(s) = t {
            self.out.push(' ');
            self.out.push_str(s);
            self.end_line();
            return;
        }
        if empty || self.coin() {
            self.out.push(' ');
            self.flow(t, indent);
            self.end_line();
            return;
        }
        self.end_line();
        let deeper = if in_map && matches!(t, Tree::List(_)) && self.coin() {
            indent
        } else {
            indent + 2
        };
        self.block(t, deeper);
    }

    fn block(&mut self, t: &Tree, indent: usize) {
        match t {
            Tree::Map(entries) => {
                for entry in entries {
                    self.out.push_str(&" ".repeat(indent));
                    let k = self.key();
                    self.out.push_str(&k);
                    self.out.push(':');
                    self.value(entry, indent, true);
                }
            }
            Tree::List(items) => {
                for item in items {
                    self.out.push_str(&" ".repeat(indent));
                    self.out.push('-');
                    match item {
                        Tree::Map(entries) if !entries.is_empty() && self.coin() => {
                            // A compact mapping: its first entry on the dash's line.
                            self.out.push(' ');
                            let k = self.key();
                            self.out.push_str(&k);
                            self.out.push(':');
                            self.value(&entries[0], indent + 2, true);
                            self.block(&Tree::Map(entries[1..].to_vec()), indent + 2);
                        }
                        _ => self.value(item, indent, false),
                    }
                }
            }
            Tree::Scalar(_) => unreachable!("the root and block values are collections"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Everyday documents, in every style mix, are read by the fast reader itself, to the tree
    /// and positions the serde path gives.
    #[test]
    fn fast_reader_reads_generated_everyday_documents(
        entries in prop::collection::vec(tree(), 1..6),
        seed in any::<u64>(),
        lead in prop::sample::select(&["", "---\n", "# head\n\n"][..]),
    ) {
        let mut w = Writer { seed, out: lead.to_string(), keys: 0 };
        w.block(&Tree::Map(entries), 0);
        // Some documents as written on Windows.
        let text = if seed % 3 == 0 { w.out.replace('\n', "\r\n") } else { w.out };
        let serde = yaml::parse_serde("gen.yaml", &text);
        prop_assert!(serde.is_ok(), "not YAML: {:?}\n{}", serde, text);
        prop_assert_eq!(scan::parse(&text).ok(), serde.ok(), "{}", text);
    }
}
