//! The assessment page byte for byte: small submissions that between them take every branch of
//! the page (each scoring method, targets by id and by level, groups and suggestions, waivers in
//! force and ignored, stale and missing evidence, findings with help, hostile text, Vietnamese),
//! each pinned whole. The style sheet, the same on every page, is pinned once; the tool's
//! version is replaced so a release does not rewrite every snapshot.

use super::{MINI, dgmat, stderr, stdout};

const GOOD: &str = "tests/fixtures/good/sub";
const WAIVED: &str = "tests/fixtures/pages/waived";
const FULL: &str = "tests/fixtures/pages/full";
const POINTS: [&str; 4] = [
    "tests/fixtures/points/sub",
    "--rubric",
    "tests/fixtures/points/rubric.yaml",
    "--lang=en",
];
const RATED: [&str; 4] = [
    "tests/fixtures/rated/sub",
    "--rubric",
    "tests/fixtures/rated/rubric.yaml",
    "--lang=en",
];
const LANGUAGE: [&str; 3] = [
    "tests/fixtures/language/questionnaire.yaml",
    "--rubric",
    "tests/fixtures/language/rubric.yaml",
];

/// Each page's name and the arguments of `dgmat report` that make it.
fn pages() -> Vec<(&'static str, Vec<&'static str>)> {
    let mini = |args: &[&'static str]| [args, &["--rubric", MINI]].concat();
    vec![
        ("mini", mini(&[GOOD])),
        ("mini-target-t4", mini(&[GOOD, "--target", "t4"])),
        ("mini-target-level-5", mini(&[GOOD, "--target", "5"])),
        ("hostile", mini(&["tests/fixtures/hostile/report"])),
        (
            "stale-evidence",
            mini(&[
                "tests/fixtures/statuses/evidence_stale.yaml",
                "tests/fixtures/good/sub/inventory.yaml",
            ]),
        ),
        (
            "missing-evidence",
            mini(&[
                "tests/fixtures/statuses/evidence_missing.yaml",
                "tests/fixtures/good/sub/inventory.yaml",
            ]),
        ),
        ("waived", mini(&[WAIVED])),
        ("waivers-ignored", mini(&[WAIVED, "--no-waivers"])),
        ("waived-vi", mini(&[WAIVED, "--lang", "vi"])),
        ("points", POINTS.to_vec()),
        ("rated", RATED.to_vec()),
        ("language-en", [&LANGUAGE[..], &["--lang", "en"]].concat()),
        ("language-vi", [&LANGUAGE[..], &["--lang", "vi"]].concat()),
        (
            "overlay-suggestions-links",
            vec![FULL, "--rubric", "tests/fixtures/pages/full/rubric.yaml"],
        ),
        (
            "target-due",
            vec![
                "tests/fixtures/pages/due",
                "--rubric",
                "tests/fixtures/progress/rubric.yaml",
                "--target",
                "t4",
            ],
        ),
    ]
}

/// The page for `args`, with the style sheet's body and the tool's version replaced.
fn page(args: &[&str]) -> (String, String) {
    let out = dgmat().arg("report").args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    let html = stdout(&out).replace(&format!("dgmat {}", env!("CARGO_PKG_VERSION")), "dgmat VERSION");
    let (head, rest) = html.split_once("<style>\n").expect("a style sheet");
    let (style, tail) = rest.split_once("</style>\n").expect("the style sheet's end");
    (format!("{head}<style>\n…\n</style>\n{tail}"), style.to_string())
}

#[test]
fn assessment_pages_are_pinned_byte_for_byte() {
    let mut styles = Vec::new();
    for (name, args) in pages() {
        let (html, style) = page(&args);
        insta::assert_snapshot!(format!("page-{name}"), html);
        styles.push(style);
    }
    insta::assert_snapshot!("page-style", styles[0]);
    assert!(styles.iter().all(|s| *s == styles[0]), "every page has the same style sheet");
}
