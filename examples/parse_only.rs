//! The floor of `dgmat batch`: only read and parse every submission file below a root with the
//! same YAML reader and budgets, nothing else. The benchmark compares batch time against it.
//!
//! ```sh
//! cargo run --release --example parse_only -- ROOT [-j N]
//! ```

use std::path::PathBuf;

use dgmat::load::yaml;
use dgmat::model::node::Node;
use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next().map(PathBuf::from) else {
        eprintln!("usage: parse_only ROOT [-j N]");
        std::process::exit(2);
    };
    let jobs = match (args.next().as_deref(), args.next()) {
        (Some("-j"), Some(n)) => n.parse().unwrap_or(0),
        _ => 0,
    };
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    // Same scheduling as `dgmat batch` (largest first, one at a time), so the comparison is fair.
    files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let started = std::time::Instant::now();
    let (bytes, failed) = pool.install(|| {
        files
            .par_iter()
            .with_max_len(1)
            .map(|p| {
                let name = p.to_string_lossy();
                match yaml::read_text(p, &name).and_then(|text| yaml::parse::<Node>(&name, &text).map(|_| text.len())) {
                    Ok(n) => (n, 0),
                    Err(_) => (0, 1),
                }
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} files, {:.1} MB, {failed} unparsable, {secs:.3} s, {:.1} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
