//! Runs the hostile-input corpus through a dgmat binary and prints, per case, the exit code,
//! the wall time and the peak memory, against the targets (2 s, 200 MB).
//!
//! ```sh
//! cargo build --release && cargo run --release --example hostile [-- DGMAT_BINARY]
//! ```
//!
//! Peak memory comes from `/usr/bin/time -f %M` (Debian package `time`); without it the column
//! reads `n/a`.

mod corpus;

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

fn main() {
    let bin = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| {
        let exe = std::env::current_exe().unwrap_or_default();
        exe.parent().and_then(|p| p.parent()).map(|p| p.join("dgmat")).unwrap_or_default()
    });
    if !bin.is_file() {
        eprintln!("no dgmat binary at {}; build it with `cargo build --release`", bin.display());
        std::process::exit(2);
    }
    let dir = std::env::temp_dir().join(format!("dgmat-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let cases = corpus::write(&dir).expect("corpus written");
    let time = std::path::Path::new("/usr/bin/time").is_file();
    println!("{:<52} {:>4} {:>8} {:>9}  outcome", "case", "exit", "seconds", "peak MB");
    let mut failed = 0;
    let mut worst = (0.0f64, 0.0f64);
    for case in &cases {
        let mut cmd = if time {
            let mut c = Command::new("/usr/bin/time");
            c.args(["-f", "%M"]).arg(&bin);
            c
        } else {
            Command::new(&bin)
        };
        let start = Instant::now();
        let out = cmd.args(&case.args).current_dir(&dir).output().expect("dgmat runs");
        let secs = start.elapsed().as_secs_f64();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let peak = if time {
            stderr
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
                .map(|kb| kb / 1024.0)
        } else {
            None
        };
        worst = (worst.0.max(secs), worst.1.max(peak.unwrap_or(0.0)));
        let all = format!("{stderr}{}", String::from_utf8_lossy(&out.stdout));
        let expected =
            out.status.code() == Some(case.exit) && case.expect.iter().all(|p| all.contains(p.as_str())) && !all.contains("panicked");
        failed += usize::from(!expected);
        println!(
            "{:<52} {:>4} {:>8.3} {:>9}  {}",
            case.name,
            out.status.code().map_or("sig".into(), |c| c.to_string()),
            secs,
            peak.map_or("n/a".into(), |p| format!("{p:.1}")),
            if expected { "as expected" } else { "UNEXPECTED" }
        );
    }
    println!(
        "worst: {:.3} s, {:.1} MB (targets: 2 s, 200 MB); {failed} unexpected outcome(s)",
        worst.0, worst.1
    );
    let _ = std::process::Command::new("chmod").args(["-R", "u+rwx"]).arg(&dir).status();
    let _ = std::fs::remove_dir_all(&dir);
    if failed > 0 {
        std::process::exit(1);
    }
}
