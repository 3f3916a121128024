//! The hostile-input corpus: every input an agency could send to crash, hang or exhaust dgmat,
//! written into a directory with the command that feeds it to dgmat and what must come out.
//! Shared by the integration test (`tests/integration/hostile.rs`, which checks each outcome)
//! and the benchmark (`cargo run --release --example hostile`, which prints time and memory).

use std::fs;
use std::path::Path;

/// The small rubric of the test fixtures, which the cases are written against.
const MINI: &str = include_str!("../../tests/fixtures/good/rubric.yaml");
const ALIAS_BOMB: &str = include_str!("../../tests/fixtures/hostile/alias_bomb.yaml");
const ZIP_BOMB: &[u8] = include_bytes!("../../tests/fixtures/hostile/zip-bomb.xlsx");
const HEAD: &str = "dgmat: 1\nkind: inventory\n";

/// One hostile input and its expected outcome.
pub(crate) struct Case {
    /// Short name.
    pub(crate) name: &'static str,
    /// The arguments after `dgmat`, run in the corpus directory.
    pub(crate) args: Vec<String>,
    /// The exit code it must end with.
    pub(crate) exit: i32,
    /// Phrases that must appear in its stderr or stdout.
    pub(crate) expect: Vec<String>,
}

fn case(name: &'static str, args: &[&str], exit: i32, expect: &[&str]) -> Case {
    Case {
        name,
        args: args.iter().map(|s| s.to_string()).collect(),
        exit,
        expect: expect.iter().map(|s| s.to_string()).collect(),
    }
}

fn assess(file: &str) -> Vec<&str> {
    vec!["assess", file, "--rubric", "mini.yaml"]
}

/// The mini rubric with the production-system rule's `require` replaced.
fn rubric_with_require(require: &str) -> String {
    MINI.replace(
        "require: security_level != null\n        severity: error",
        &format!("require: {require}\n        severity: error"),
    )
}

/// Writes the corpus into `dir` (which must exist) and lists its cases.
pub(crate) fn write(dir: &Path) -> std::io::Result<Vec<Case>> {
    let put = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    };
    put("mini.yaml", MINI.as_bytes())?;
    let mut cases = Vec::new();

    put("alias-bomb.yaml", ALIAS_BOMB.as_bytes())?;
    cases.push(case(
        "YAML alias bomb",
        &assess("alias-bomb.yaml"),
        2,
        &["error[yaml-limit]", "alias-bomb.yaml:"],
    ));

    let depth = 100_000;
    put(
        "deep.yaml",
        format!("{HEAD}systems: {}{}\n", "[".repeat(depth), "]".repeat(depth)).as_bytes(),
    )?;
    cases.push(case("100,000-deep nesting", &assess("deep.yaml"), 2, &["deep.yaml:3:"]));

    let mut big = String::from(HEAD) + "systems:\n";
    let mut i = 0;
    while big.len() < 50 << 20 {
        big += &format!(
            "  - {{id: s{i:07}, status: production, security_level: {}, shares: yes}}\n",
            i % 5 + 1
        );
        i += 1;
    }
    put("big.yaml", big.as_bytes())?;
    drop(big);
    cases.push(case(
        "50 MB YAML file",
        &assess("big.yaml"),
        2,
        &["over the 10 MB limit for YAML", "--max-yaml-mb"],
    ));

    let mut line = String::from(HEAD) + "systems: [";
    for i in 0..160_000 {
        line += &format!("{{id: t{i:06}, status: planning}}, ");
    }
    line += "{id: broken, status: planning]\n";
    put("long-line.yaml", line.as_bytes())?;
    cases.push(case(
        "5 MB single line",
        &assess("long-line.yaml"),
        2,
        &["error[yaml-syntax]", "long-line.yaml:3:"],
    ));

    put(
        "invalid-utf8.yaml",
        b"dgmat: 1\nkind: inventory\nsystems:\n  - {id: \"s\xff1\", status: planning}\n",
    )?;
    cases.push(case(
        "invalid UTF-8",
        &assess("invalid-utf8.yaml"),
        2,
        &["error[encoding]", "invalid-utf8.yaml:4:", "not valid UTF-8"],
    ));

    put(
        "nul.yaml",
        b"dgmat: 1\nkind: inventory\nsystems:\n  - {id: s1, status: planning}\n\0\n",
    )?;
    cases.push(case(
        "NUL byte",
        &assess("nul.yaml"),
        2,
        &["error[encoding]", "nul.yaml:5:1", "NUL byte"],
    ));

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEAD.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    put("utf16.yaml", &utf16)?;
    cases.push(case(
        "UTF-16 with BOM",
        &assess("utf16.yaml"),
        2,
        &["error[encoding]", "UTF-16", "save the file as UTF-8"],
    ));

    put(
        "dup-keys.yaml",
        format!("{HEAD}systems:\n  - id: s1\n    status: planning\n    status: retired\n").as_bytes(),
    )?;
    cases.push(case(
        "duplicate keys",
        &assess("dup-keys.yaml"),
        2,
        &["error[duplicate-key]", "dup-keys.yaml:6:"],
    ));

    for (name, file, value, phrase) in [
        (
            "integer out of range",
            "int-overflow.yaml",
            "99999999999999999999999",
            "security_level",
        ),
        ("NaN for an integer", "nan.yaml", ".nan", "is not a finite number"),
        ("infinity for an integer", "inf.yaml", "-.inf", "is not a finite number"),
    ] {
        put(
            file,
            format!("{HEAD}systems:\n  - {{id: s1, status: production, security_level: {value}}}\n").as_bytes(),
        )?;
        let at = format!("{file}:4:");
        cases.push(case(name, &assess(file), 2, &["error[invalid-value]", &at, phrase]));
    }
    for (name, dir_name, value) in [
        ("NaN for a percentage", "q-nan", ".nan"),
        ("infinity for a percentage", "q-inf", ".inf"),
        ("1e400 for a percentage", "q-huge", "1e400"),
    ] {
        put(
            &format!("{dir_name}/questionnaire.yaml"),
            format!("dgmat: 1\nkind: questionnaire\nagency: {{id: a}}\nanswers:\n  SEC-5.1: {value}\n").as_bytes(),
        )?;
        let at = format!("{dir_name}/questionnaire.yaml:5:");
        cases.push(case(
            name,
            &assess(dir_name),
            2,
            &["error[invalid-value]", &at, "is not a finite number"],
        ));
    }

    put(
        "feb-30.yaml",
        format!("{HEAD}systems:\n  - {{id: s1, status: planning, go_live_on: 2026-02-30}}\n").as_bytes(),
    )?;
    cases.push(case(
        "date 2026-02-30",
        &assess("feb-30.yaml"),
        2,
        &["error[invalid-value]", "feb-30.yaml:4:", "`2026-02-30` is not a valid date"],
    ));

    put("zip-bomb/inventory.xlsx", ZIP_BOMB)?;
    cases.push(case(
        "XLSX zip bomb",
        &assess("zip-bomb"),
        2,
        &["error[too-large]", "would decompress to 1024 MB", "--max-unzipped-mb"],
    ));

    let mut wide = String::from("id,status");
    wide.extend(std::iter::repeat_n(",x", 1_000_000));
    put("wide-header/systems.csv", (wide.clone() + "\ns1,planning\n").as_bytes())?;
    cases.push(case(
        "CSV header with a million columns",
        &assess("wide-header"),
        2,
        &["over the limit of 1000", "systems.csv:1:1"],
    ));
    put(
        "wide-row/systems.csv",
        format!("id,status\ns1,planning\n{}\n", wide.replacen("id,status", "s2,planning", 1)).as_bytes(),
    )?;
    cases.push(case(
        "CSV row with a million cells",
        &assess("wide-row"),
        2,
        &["this row has 1000002 cells", "systems.csv:3:1"],
    ));
    drop(wide);

    let huge = (0..400).map(|i| format!("security_level == {i}")).collect::<Vec<_>>().join(" || ");
    put("cel-huge.yaml", rubric_with_require(&huge).as_bytes())?;
    cases.push(case(
        "huge CEL expression",
        &["rubric", "lint", "cel-huge.yaml"],
        2,
        &["error[expression]", "over the 4096-byte limit"],
    ));
    let nested = format!("\"{}true{}\"", "(".repeat(2000), ")".repeat(2000));
    put("cel-nested.yaml", rubric_with_require(&nested).as_bytes())?;
    cases.push(case(
        "deeply nested CEL expression",
        &["rubric", "lint", "cel-nested.yaml"],
        2,
        &["error[expression]", "nests brackets 33 deep, over the limit of 32"],
    ));

    let regex = MINI.replace(
        "require: approved_on != null && go_live_on != null && approved_on <= go_live_on",
        r#"require: id.matches("^(a+)+$") || id.matches("(x+x+)+y")"#,
    );
    put("regex/rubric.yaml", regex.as_bytes())?;
    // Ids of 200 characters, the longest a key may be: a backtracking engine would take 2^200 steps.
    put(
        "regex/sub/inventory.yaml",
        format!(
            "{HEAD}systems:\n  - {{id: \"{}b\", status: production, security_level: 1}}\n  - {{id: \"{}\", status: production, security_level: 1}}\n",
            "a".repeat(199),
            "x".repeat(200)
        )
        .as_bytes(),
    )?;
    cases.push(case(
        "catastrophic regex",
        &["assess", "regex/sub", "--rubric", "regex/rubric.yaml"],
        0,
        &["0 of 2 selected systems pass"],
    ));

    let mut answers = String::from("dgmat: 1\nkind: questionnaire\nagency: {id: a}\nanswers:\n");
    for i in 0..100_000 {
        answers += &format!("  X-{i}: yes\n");
    }
    put("unknown-ids/questionnaire.yaml", answers.as_bytes())?;
    cases.push(case(
        "100,000 unknown criterion ids",
        &assess("unknown-ids"),
        2,
        &[
            "error[unknown-criterion]",
            "unknown-ids/questionnaire.yaml:5:3",
            "100000 problem(s)",
        ],
    ));

    let agency = |id: &str| format!("dgmat: 1\nkind: questionnaire\nagency: {{id: \"{id}\"}}\nanswers:\n  SHR-2.1: yes\n");
    put("ids/a/questionnaire.yaml", agency("../../etc/x").as_bytes())?;
    put("ids/b/questionnaire.yaml", agency("CON").as_bytes())?;
    put("ids/c/questionnaire.yaml", agency(&"L".repeat(200)).as_bytes())?;
    cases.push(case(
        "agency ids ../../etc/x, CON and 200 characters (the longest accepted)",
        &["batch", "ids", "--out", "ids-out", "--rubric", "mini.yaml"],
        0,
        &["3 submissions: 3 assessed, 0 invalid"],
    ));

    put("loop/a/questionnaire.yaml", agency("a").as_bytes())?;
    #[cfg(unix)]
    {
        let link = dir.join("loop/a/back");
        if !link.exists() {
            std::os::unix::fs::symlink("..", &link)?;
        }
    }
    cases.push(case(
        "symlink loop in a batch root",
        &["batch", "loop", "--out", "loop-out", "--rubric", "mini.yaml"],
        1,
        &[
            "invalid: a/back: symbolic link loop (it leads back to a folder above it), not followed",
            "2 submissions: 1 assessed, 1 invalid",
        ],
    ));

    put("unreadable/a/questionnaire.yaml", agency("a").as_bytes())?;
    put("unreadable/b/questionnaire.yaml", agency("b").as_bytes())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        fs::set_permissions(dir.join("unreadable/b"), fs::Permissions::from_mode(0o000))?;
    }
    // Root reads any directory: then both submissions are assessed, which is also correct.
    let readable = fs::read_dir(dir.join("unreadable/b")).is_ok();
    cases.push(case(
        "unreadable directory in a batch root",
        &["batch", "unreadable", "--out", "unreadable-out", "--rubric", "mini.yaml"],
        0,
        if readable {
            &["2 submissions: 2 assessed"]
        } else {
            &["unreadable/b", "1 submissions: 1 assessed"]
        },
    ));
    runaway_rules(dir, &mut cases)?;
    special_files(dir, &mut cases)?;
    sizes_and_text(dir, &mut cases)?;
    Ok(cases)
}

/// Rubric expressions that would run for minutes: a regex that the `cel` crate rebuilt for every
/// record, and a comprehension nested in another over an agency's 20,000-item list.
fn runaway_rules(dir: &Path, cases: &mut Vec<Case>) -> std::io::Result<()> {
    let put = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    };
    // The record rule holds for every id but the last, which has a hyphen.
    put(
        "regex-per-record/rubric.yaml",
        rubric_with_require(r#"id.matches("^\\w{1,60}$")"#).as_bytes(),
    )?;
    let mut systems = String::from(HEAD) + "systems:\n";
    for i in 0..19_999 {
        systems += &format!("  - {{id: s{i:05}, status: production}}\n");
    }
    systems += "  - {id: bad-id, status: production}\n";
    put("regex-per-record/sub/inventory.yaml", systems.as_bytes())?;
    cases.push(case(
        "a regex over 20,000 records",
        &[
            "assess",
            "regex-per-record/sub",
            "--rubric",
            "regex-per-record/rubric.yaml",
            "--target",
            "2",
        ],
        0,
        &["Findings (1 error(s), 0 warning(s))", "error[SYS-LEVEL]", "systems `bad-id`"],
    ));

    let tags_rubric = MINI.replace(
        "      datasets: {type: list, of: string, refers_to: datasets}\n",
        "      datasets: {type: list, of: string, refers_to: datasets}\n      tags: {type: list, of: string}\n",
    );
    let tags_rubric = tags_rubric.replace(
        "require: security_level != null\n        severity: error",
        "require: tags.all(a, tags.exists_one(b, b == a))\n        severity: error",
    );
    put("quadratic/rubric.yaml", tags_rubric.as_bytes())?;
    let tags: Vec<String> = (0..20_000).map(|i| format!("t{i}")).collect();
    put(
        "quadratic/sub/inventory.yaml",
        format!("{HEAD}systems:\n  - {{id: s1, status: production, tags: [{}]}}\n", tags.join(", ")).as_bytes(),
    )?;
    cases.push(case(
        "a comprehension nested in another over 20,000 tags",
        &["assess", "quadratic/sub", "--rubric", "quadratic/rubric.yaml"],
        2,
        &[
            "error[rule-budget]",
            "quadratic/sub/inventory.yaml:4:5",
            "past the rule budget of 10000000 steps for one submission",
            "--max-rule-steps",
        ],
    ));
    // The budget is a cap like the others: 1,000 tags (about a million steps) pass by default
    // and are refused under --max-rule-steps 1000.
    put(
        "quadratic/small/inventory.yaml",
        format!(
            "{HEAD}systems:\n  - {{id: s1, status: production, tags: [{}]}}\n",
            tags[..1000].join(", ")
        )
        .as_bytes(),
    )?;
    cases.push(case(
        "the same over 1,000 tags",
        &["assess", "quadratic/small", "--rubric", "quadratic/rubric.yaml", "--target", "5"],
        0,
        &["SHR-4.1"],
    ));
    cases.push(case(
        "the same over 1,000 tags under --max-rule-steps 1000",
        &[
            "assess",
            "quadratic/small",
            "--rubric",
            "quadratic/rubric.yaml",
            "--max-rule-steps",
            "1000",
        ],
        2,
        &["error[rule-budget]", "over a list of 1000, past the rule budget of 1000 steps"],
    ));
    // In a batch the submission that overdraws it is an invalid row; the other is assessed.
    cases.push(case(
        "a batch where one submission overdraws the rule budget",
        &["batch", "quadratic", "--rubric", "quadratic/rubric.yaml", "--out", "quadratic-out"],
        1,
        &["invalid: sub: sub/inventory.yaml:4:5:", "past the rule budget of 10000000 steps"],
    ));
    Ok(())
}

/// Identifiers and texts too long to carry, control characters in ids, and terminal escape
/// sequences in names, which must reach the terminal neutralised (the test refuses any ESC byte
/// in any case's output).
fn sizes_and_text(dir: &Path, cases: &mut Vec<Case>) -> std::io::Result<()> {
    let put = |name: &str, bytes: &[u8]| -> std::io::Result<()> {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    };
    let questionnaire = |id: &str, name: &str| {
        format!("dgmat: 1\nkind: questionnaire\nagency: {{id: \"{id}\", name: \"{name}\"}}\nanswers:\n  SHR-2.1: yes\n")
    };
    put("long-id/questionnaire.yaml", questionnaire(&"L".repeat(10_000), "x").as_bytes())?;
    cases.push(case(
        "10,000-character agency id",
        &assess("long-id"),
        2,
        &[
            "error[invalid-value]",
            "long-id/questionnaire.yaml:1:1",
            "the agency id is 10000 characters long, over the limit of 200",
        ],
    ));
    put("long-name/questionnaire.yaml", questionnaire("a", &"N".repeat(8 << 20)).as_bytes())?;
    cases.push(case(
        "8 MB agency name",
        &assess("long-name"),
        2,
        &[
            "error[invalid-value]",
            "the agency name is 8388608 characters long, over the limit of 10000",
        ],
    ));
    put("nul-id/questionnaire.yaml", questionnaire("a\\0b", "x").as_bytes())?;
    cases.push(case(
        "NUL in an agency id",
        &assess("nul-id"),
        2,
        &["error[invalid-value]", "the agency id contains the control character U+0000"],
    ));
    put(
        "long-key/systems.csv",
        format!("id,status\n{},planning\n", "k".repeat(300)).as_bytes(),
    )?;
    cases.push(case(
        "300-character record key in a CSV file",
        &assess("long-key"),
        2,
        &[
            "error[invalid-value]",
            "long-key/systems.csv:2:1",
            "the key `id` is 300 characters long, over the limit of 200",
        ],
    ));
    // ESC ] 0 ; retitles a terminal, ESC [ 2 J clears it; \r would overwrite the line.
    put(
        "escape/questionnaire.yaml",
        questionnaire("a", "\\e]0;pwned\\a\\e[2J\\rAgency").as_bytes(),
    )?;
    put(
        "escape/inventory.yaml",
        b"dgmat: 1\nkind: inventory\nsystems:\n  - {id: s1, status: production}\n",
    )?;
    cases.push(case(
        "terminal escape sequences in an agency name",
        &["assess", "escape", "--rubric", "mini.yaml", "--target", "5"],
        0,
        &["\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{d}Agency"],
    ));
    put("escape-batch/a\u{1b}[31mred/questionnaire.yaml", questionnaire("a", "x").as_bytes())?;
    put(
        "escape-batch/a\u{1b}[31mred/systems.csv",
        b"id,status\ns1,production\ns1,production\n",
    )?;
    cases.push(case(
        "a folder name with an escape sequence in a batch",
        &["batch", "escape-batch", "--out", "escape-batch-out", "--rubric", "mini.yaml"],
        1,
        &["invalid: a\\u{1b}[31mred"],
    ));
    Ok(())
}

/// FIFOs and devices under the names of submission files: each is refused as not a regular
/// file, at once (a FIFO no one writes to would block a plain open; `/dev/zero` never ends).
/// The FIFO cases need the `mkfifo` command and are left out where it is missing.
fn special_files(dir: &Path, cases: &mut Vec<Case>) -> std::io::Result<()> {
    let agency = "dgmat: 1\nkind: questionnaire\nagency: {id: a}\nanswers:\n  SHR-2.1: yes\n";
    let mkfifo = |rel: &str| -> bool {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            let _ = fs::create_dir_all(parent);
        }
        path.exists() || std::process::Command::new("mkfifo").arg(&path).status().is_ok_and(|s| s.success())
    };
    if mkfifo("fifo-csv/systems.csv") {
        fs::write(dir.join("fifo-csv/questionnaire.yaml"), agency)?;
        cases.push(case(
            "FIFO named systems.csv",
            &assess("fifo-csv"),
            2,
            &["error[io]", "fifo-csv/systems.csv is a FIFO (named pipe), not a regular file"],
        ));
    }
    if mkfifo("fifo-xlsx/inventory.xlsx") {
        cases.push(case(
            "FIFO named inventory.xlsx",
            &assess("fifo-xlsx/inventory.xlsx"),
            2,
            &["error[io]", "inventory.xlsx is a FIFO (named pipe), not a regular file"],
        ));
    }
    if mkfifo("fifo-batch/b/systems.csv") {
        fs::create_dir_all(dir.join("fifo-batch/a"))?;
        fs::write(dir.join("fifo-batch/a/questionnaire.yaml"), agency)?;
        fs::write(dir.join("fifo-batch/b/questionnaire.yaml"), agency.replace("id: a", "id: b"))?;
        cases.push(case(
            "FIFO named systems.csv in a batch root",
            &["batch", "fifo-batch", "--out", "fifo-batch-out", "--rubric", "mini.yaml"],
            1,
            &["2 submissions: 1 assessed, 1 invalid", "not a regular file"],
        ));
    }
    #[cfg(unix)]
    if Path::new("/dev/zero").exists() {
        let link = dir.join("dev-zero/systems.csv");
        fs::create_dir_all(dir.join("dev-zero"))?;
        fs::write(dir.join("dev-zero/questionnaire.yaml"), agency)?;
        if fs::symlink_metadata(&link).is_err() {
            std::os::unix::fs::symlink("/dev/zero", &link)?;
        }
        cases.push(case(
            "/dev/zero linked as systems.csv",
            &assess("dev-zero"),
            2,
            &["error[io]", "dev-zero/systems.csv is a character device, not a regular file"],
        ));
    }
    Ok(())
}
