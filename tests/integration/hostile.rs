//! The hostile-input corpus (issue: hardening), each case through the CLI: a clear, located
//! error and exit 2 (or a safe, correct result), no panic, no runaway output, no hang. Time and
//! memory are measured by the benchmark `cargo run --release --example hostile`, not here; the
//! timeout below only turns a hang into a failure.

#[path = "../../examples/hostile/corpus.rs"]
mod corpus;

use std::time::Duration;

use super::dgmat;

#[test]
fn no_hostile_input_panics_hangs_or_floods() {
    let dir = tempfile::tempdir().unwrap();
    let cases = corpus::write(dir.path()).unwrap();
    assert!(cases.len() >= 25);
    let mut problems = Vec::new();
    for case in &cases {
        let out = dgmat()
            .args(&case.args)
            .current_dir(dir.path())
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let all = format!("{}{}", String::from_utf8_lossy(&out.stderr), String::from_utf8_lossy(&out.stdout));
        if out.status.code() != Some(case.exit) {
            problems.push(format!(
                "{}: exit {:?}, expected {}\n{all}",
                case.name,
                out.status.code(),
                case.exit
            ));
        }
        for phrase in &case.expect {
            if !all.contains(phrase.as_str()) {
                problems.push(format!("{}: `{phrase}` missing from\n{}", case.name, &all[..all.len().min(3000)]));
            }
        }
        for bad in ["panicked", "internal error", "RUST_BACKTRACE", "stack overflow"] {
            if all.contains(bad) {
                problems.push(format!("{}: `{bad}` in output", case.name));
            }
        }
        // Escape sequences from inputs reach the terminal neutralised, never as ESC.
        if all.contains('\u{1b}') || all.contains('\0') {
            problems.push(format!("{}: a raw ESC or NUL in the output", case.name));
        }
        // A 5 MB line or 100,000 errors must not come back as megabytes of diagnostics.
        if all.len() > 1 << 20 {
            problems.push(format!("{}: {} bytes of output", case.name, all.len()));
        }
    }
    // Hostile agency ids stay inside the output directory, under safe names.
    let out = dir.path().join("ids-out");
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        assert!(name.len() <= 255 && !name.contains(".."), "{}", entry.path().display());
        assert!(!name.eq_ignore_ascii_case("con.json"), "reserved device name written: {name}");
    }
    let reports: Vec<String> = std::fs::read_dir(out.join("agencies"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(reports.iter().filter(|n| n.ends_with(".json")).count(), 3, "{reports:?}");
    assert_eq!(reports.iter().filter(|n| n.ends_with(".html")).count(), 3, "{reports:?}");
    assert!(!dir.path().join("etc").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(dir.path().join("unreadable/b"), std::fs::Permissions::from_mode(0o755));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
