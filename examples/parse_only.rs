//! The floors of `dgmat batch`: only read and parse every submission file below a root, nothing
//! else. The benchmark compares the loader and batch times against them.
//!
//! ```sh
//! cargo run --release --example parse_only -- ROOT [-j N] [--events | --serde | --event-tree | --compare]
//! ```
//!
//! Modes: `--events` only pulls the YAML parser's events (the floor: no tree is built);
//! `--serde` builds the node tree through serde (the old path); `--event-tree` builds it from
//! the parser's events (the loader before the fast reader); by default the loader dgmat uses
//! (the fast reader, falling back to the others); `--compare` runs the loader and the serde
//! path on every file and counts the files where they differ.

use std::path::PathBuf;

use dgmat::load::{events, yaml};
use rayon::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Events,
    Serde,
    EventTree,
    Loader,
    Compare,
}

fn main() {
    let mut root = None;
    let mut jobs = 0;
    let mut mode = Mode::Loader;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-j" => jobs = args.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            "--events" => mode = Mode::Events,
            "--serde" => mode = Mode::Serde,
            "--event-tree" => mode = Mode::EventTree,
            "--compare" => mode = Mode::Compare,
            _ => root = Some(PathBuf::from(arg)),
        }
    }
    let Some(root) = root else {
        eprintln!("usage: parse_only ROOT [-j N] [--events | --serde | --event-tree | --compare]");
        std::process::exit(2);
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
                let Ok(text) = yaml::read_text(p, &name) else { return (0, 1) };
                let ok = match mode {
                    Mode::Events => events_only(&text),
                    Mode::Serde => yaml::parse_serde(&name, &text).is_ok(),
                    Mode::EventTree => events::parse(&text).is_ok() || yaml::parse_serde(&name, &text).is_ok(),
                    Mode::Loader => yaml::parse_node(&name, &text).is_ok(),
                    Mode::Compare => yaml::parse_node(&name, &text) == yaml::parse_serde(&name, &text),
                };
                if ok { (text.len(), 0) } else { (0, 1) }
            })
            .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
    });
    let secs = started.elapsed().as_secs_f64();
    let what = if mode == Mode::Compare { "differing" } else { "unparsable" };
    println!(
        "{} files, {:.1} MB, {failed} {what}, {secs:.3} s, {:.1} MB/s",
        files.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}

/// Pulls every event of `text` from the parser with serde-saphyr's options, building nothing.
fn events_only(text: &str) -> bool {
    let mut options = granit_parser::Options::default();
    options.emit_comments = false;
    granit_parser::Parser::new_from_str_with_options(text, options).all(|e| e.is_ok())
}
