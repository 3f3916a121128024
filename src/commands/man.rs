//! `dgmat man`: the man page on stdout, or a page per subcommand written into a directory.
//!
//! The page on stdout names the subcommands as `dgmat assess`, not as `dgmat-assess(1)` pages
//! that were never installed; `--dir` writes those pages, and then the main page names them.

use std::path::Path;

use super::Exit;

/// Runs `dgmat man`.
pub fn run(dir: Option<&Path>, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let cmd = <crate::cli::Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    let Some(dir) = dir else {
        let mut page = render(cmd.clone())?;
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            page = page.replace(&format!("dgmat\\-{name}(1)"), &format!("dgmat {name}"));
        }
        super::print(&page)?;
        return Ok(Exit::Ok);
    };
    let mut cmd = cmd;
    cmd.build();
    let mut pages = Vec::new();
    collect(cmd, &mut pages)?;
    std::fs::create_dir_all(dir)?;
    for (name, page) in &pages {
        super::write_atomic(&dir.join(name), page)?;
    }
    if !quiet {
        crate::report::stderr!(
            "{}",
            (crate::report::words::words(lang).wrote_into)(pages.len(), false, &dir.display().to_string())
        );
    }
    Ok(Exit::Ok)
}

/// The page of `cmd` and of each of its subcommands, as (file name, roff).
fn collect(cmd: clap::Command, pages: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub.clone(), pages)?;
    }
    let name = clap_mangen::Man::new(cmd.clone()).get_filename();
    pages.push((name, render(cmd)?));
    Ok(())
}

/// The roff page of `cmd`.
fn render(cmd: clap::Command) -> anyhow::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
