//! `batch --verified DIR`: the inspectors' submissions below DIR (found as the batch finds the
//! agencies'), paired with the agencies' submissions by agency id (NFC-normalised, trimmed),
//! and each pair reconciled as `dgmat reconcile` does.
//!
//! Guarantees: an inspector's submission that cannot be used (unreadable, invalid, naming no
//! agency or another rubric), that shares its agency with another, or that matches no agency is
//! reported, never fatal; a pair is reconciled only when exactly one inspector's submission
//! names the agency. Inspector submissions are read once to learn their agency, and again by the
//! worker that reconciles them, so that no worker holds more than its own pair.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{BatchOptions, discover};
use crate::assess::agency_id::agency_key;
use crate::assess::portfolio::{Row, RowVerification};
use crate::assess::reconcile::InspectionNote;
use crate::finding::{Finding, Rule};
use crate::load::submission::{self, RubricChoice};
use crate::model::submission::Submission;

/// The inspectors' submissions of a batch, by the agency they name.
pub struct Inspections {
    /// The `--verified` folder.
    dir: PathBuf,
    /// Agency key -> (path as reported, folder), for agencies named by exactly one.
    by_key: HashMap<String, (String, PathBuf)>,
    /// How many were found.
    pub found: usize,
    /// Why some are not used, in path order (more may be added while pairing).
    notes: Mutex<Vec<InspectionNote>>,
}

impl Inspections {
    /// Finds and reads every submission below `dir` to learn which agency each verifies.
    pub fn discover(opts: &BatchOptions<'_>, dir: &Path) -> anyhow::Result<Self> {
        let markers = discover::markers(opts.rubric.rubric.inventory.keys());
        let (dirs, problems) = discover::submissions(dir, Some(opts.out), &markers, opts.follow_links);
        let label = |p: &Path| p.strip_prefix(dir).unwrap_or(p).to_string_lossy().replace('\\', "/");
        let mut notes: Vec<InspectionNote> = problems
            .into_iter()
            .map(|p| InspectionNote::Unusable {
                path: label(&p.path),
                why: p.why,
            })
            .collect();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(opts.jobs).build()?;
        let read: Vec<(PathBuf, Result<String, String>)> = pool.install(|| {
            dirs.par_iter()
                .map(|d| (d.clone(), load(opts, dir, d).and_then(|s| agency(&s))))
                .collect()
        });
        let mut named: BTreeMap<String, Vec<(String, PathBuf)>> = BTreeMap::new();
        for (d, agency) in read {
            match agency {
                Ok(id) => named.entry(agency_key(&id)).or_default().push((label(&d), d)),
                Err(why) => notes.push(InspectionNote::Unusable { path: label(&d), why }),
            }
        }
        let mut by_key = HashMap::new();
        for (key, mut found) in named {
            if found.len() == 1 {
                by_key.insert(key, found.remove(0));
            } else {
                notes.push(InspectionNote::Ambiguous {
                    paths: found.into_iter().map(|(l, _)| l).collect(),
                    agency: key,
                });
            }
        }
        Ok(Inspections {
            dir: dir.to_path_buf(),
            found: dirs.len(),
            by_key,
            notes: Mutex::new(notes),
        })
    }

    /// Reconciles `sub`, assessed as `assessed` into `row`, with the inspector's submission of its
    /// agency, if there is exactly one: the row gets its verified levels.
    pub fn verify(&self, opts: &BatchOptions<'_>, sub: &Submission, assessed: &crate::assess::Assessment, row: &mut Row) {
        let Some((path, dir)) = self.by_key.get(&agency_key(&assessed.agency.id)) else {
            return;
        };
        let inspector = match load(opts, &self.dir, dir) {
            Ok(s) => s,
            Err(why) => return self.note(InspectionNote::Unusable { path: path.clone(), why }),
        };
        let (verified, comparison) = crate::pipeline::verify(sub, assessed, &inspector, &opts.target, opts.lang, opts.today);
        if let Some(f) = verified.findings.iter().find(|f| f.rule == crate::finding::Rule::RuleBudget) {
            return self.note(InspectionNote::Unusable {
                path: path.clone(),
                why: located(f),
            });
        }
        let v = &verified.assessment;
        row.verified_level = Some(v.level);
        row.overclaim = Some(i16::from(assessed.level) - i16::from(v.level));
        row.verified_by = Some(path.clone());
        row.verification = Some(Box::new(RowVerification {
            dimensions: v.dimensions.iter().map(|d| d.level).collect(),
            agreement: comparison.dimensions,
        }));
    }

    /// Every inspector's submission not used, with why, in path order: those noted so far and
    /// those that verified none of `rows`.
    pub fn notes(self, rows: &[Row]) -> Vec<InspectionNote> {
        let mut notes = self.notes.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (key, (path, _)) in &self.by_key {
            let used = rows.iter().any(|r| r.verified_by.as_ref() == Some(path));
            let noted = notes
                .iter()
                .any(|n| matches!(n, InspectionNote::Unusable { path: p, .. } if p == path));
            if !used && !noted {
                notes.push(InspectionNote::Unmatched {
                    path: path.clone(),
                    agency: key.clone(),
                });
            }
        }
        notes.sort_by(|a, b| sort_key(a).cmp(sort_key(b)));
        notes
    }

    fn note(&self, note: InspectionNote) {
        self.notes.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(note);
    }
}

/// The path a note sorts by.
fn sort_key(n: &InspectionNote) -> &str {
    match n {
        InspectionNote::Unmatched { path, .. } | InspectionNote::Unusable { path, .. } => path,
        InspectionNote::Ambiguous { paths, .. } => paths.first().map_or("", String::as_str),
    }
}

/// Loads the inspector's submission `d` below `root` against the batch's rubric; why not, as
/// the first error located.
fn load(opts: &BatchOptions<'_>, root: &Path, d: &Path) -> Result<Submission, String> {
    let sub = submission::load_with(
        std::slice::from_ref(&d.to_path_buf()),
        RubricChoice::Loaded(opts.rubric.clone()),
        Some(root),
    )
    .map_err(|f| first_error(&f.findings))?;
    if let Some(f) = sub
        .warnings
        .iter()
        .find(|f| f.rule == crate::rule::RuleId::Builtin(Rule::RubricMismatch))
    {
        return Err(located(f));
    }
    Ok(sub)
}

/// The agency an inspector's submission names (its questionnaire's, else its inventory's).
fn agency(sub: &Submission) -> Result<String, String> {
    sub.questionnaire
        .as_ref()
        .map(|q| q.agency.id.clone())
        .or_else(|| sub.inventory.agency.as_ref().map(|(id, _)| id.clone()))
        .ok_or_else(|| "it names no agency (no questionnaire, and no `agency:` in its inventory)".to_string())
}

/// A finding with its place: `file:line:col: message`.
fn located(f: &Finding) -> String {
    f.location
        .as_ref()
        .map_or_else(|| f.message.clone(), |l| format!("{l}: {}", f.message))
}

/// The first error of `findings`, located, and how many more.
pub fn first_error(findings: &[Finding]) -> String {
    let errors: Vec<_> = findings.iter().filter(|x| x.is_error()).collect();
    let first = errors.first().map_or_else(|| "invalid submission".to_string(), |e| located(e));
    if errors.len() > 1 {
        format!("{first} (and {} more)", errors.len() - 1)
    } else {
        first
    }
}

/// The batch's verification figures, with the inspector submissions not used listed by kind.
pub fn figures(
    rubric: &crate::model::rubric::LoadedRubric,
    rows: &[Row],
    found: usize,
    notes: &[InspectionNote],
) -> crate::assess::portfolio::VerificationKpi {
    let mut kpi = crate::assess::portfolio::verification(rubric, rows, found);
    for n in notes {
        match n {
            InspectionNote::Unmatched { path, .. } => kpi.unmatched.push(path.clone()),
            InspectionNote::Ambiguous { paths, .. } => kpi.ambiguous.extend(paths.iter().cloned()),
            InspectionNote::Unusable { path, why } => kpi.invalid.push(format!("{path}: {why}")),
        }
    }
    kpi
}
