//! `dgmat rubric list|show|lint`.

use super::Exit;
use crate::cli::RubricCommand;
use crate::load::rubric::SHIPPED;
use crate::load::rubric_source;
use crate::source::Sources;

/// Runs `dgmat rubric ...`.
pub fn run(cmd: &RubricCommand, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    match cmd {
        RubricCommand::List => {
            let mut out = String::new();
            for (id, _, _) in SHIPPED {
                match rubric_source::load(id) {
                    Ok(r) => out.push_str(&format!("{id}\t{}\t{}\n", r.rubric.version, r.rubric.title.get(lang))),
                    Err(_) => out.push_str(&format!("{id}\t(invalid)\n")),
                }
            }
            super::print(&out)?;
            Ok(Exit::Ok)
        }
        RubricCommand::Show { rubric: spec, resolved } => match rubric_source::load(spec) {
            Ok(r) => {
                let text = if *resolved {
                    r.resolved.as_ref().unwrap_or(&r.text)
                } else {
                    &r.text
                };
                super::print(text)?;
                Ok(Exit::Ok)
            }
            Err(findings) => Err(super::Failure::findings(findings, super::rubric_sources(spec)).into()),
        },
        RubricCommand::Lint { rubric: spec } => lint(spec, quiet, lang),
        RubricCommand::Doc { rubric: spec } => {
            let r = super::load_rubric(spec)?;
            super::print(&crate::report::rubric::doc::render(&r, lang))?;
            Ok(Exit::Ok)
        }
    }
}

fn lint(spec: &str, quiet: bool, lang: crate::lang::Lang) -> anyhow::Result<Exit> {
    let w = crate::report::words::words(lang);
    let (findings, sources, ok, counts) = match rubric_source::load(spec) {
        Ok(r) => {
            let mut sources = Sources::default();
            sources.insert(&r.file, r.text.clone());
            let criteria: usize = r.rubric.dimensions.iter().map(|d| d.criteria.len()).sum();
            let counts = (r.rubric.dimensions.len(), criteria, r.rubric.inventory.0.len());
            (r.warnings, sources, true, counts)
        }
        Err(findings) => (findings, super::rubric_sources(spec), false, (0, 0, 0)),
    };
    let mut findings = findings;
    crate::finding::sort_findings(&mut findings);
    super::print_findings(&sources, &findings, lang);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    if ok {
        if !quiet {
            crate::report::stderr!("{}", (w.lint_ok)(spec, counts.0, counts.1, counts.2, warnings));
        }
        Ok(Exit::Ok)
    } else {
        crate::report::stderr!("{}", (w.lint_failed)(spec, errors, warnings));
        Ok(Exit::Invalid)
    }
}
