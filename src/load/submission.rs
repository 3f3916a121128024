//! A submission: the files of one agency, loaded and checked against the rubric.
//!
//! A submission is a directory holding `questionnaire.yaml` and/or `inventory.yaml`, or those
//! files named one by one. Loading resolves the rubric (`--rubric`, else the questionnaire's
//! `rubric:`, else the default), then interprets the answers and types the inventory. Either
//! everything loads, or every problem found is returned together with the source texts needed
//! to show them.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::inventory;
use super::locate::{Files, display, locate};
pub use super::locate::{collection_for, sheet_collections, submission_bytes, submission_files};
use super::questionnaire;
use super::questionnaire_book;
use super::rubric::{self, DEFAULT_RUBRIC, hex};
use super::rubric_source;
use super::tabular::{self, Table};
use super::{has_ext, limits, spreadsheet, yaml};
use crate::finding::{Finding, Rule};
use crate::model::inventory::Inventory;
use crate::model::questionnaire::{Questionnaire, rubric_id};
use crate::model::rubric::{LoadedRubric, Rubric};
use crate::model::submission::{InputFile, Submission};
use crate::source::Sources;

/// Why a submission could not be loaded.
#[derive(Debug)]
pub struct LoadFailure {
    /// Every problem found, errors first.
    pub findings: Vec<Finding>,
    /// True when nothing could be checked: the path is missing or the rubric is invalid.
    pub fatal: bool,
    /// The agency the questionnaire names, when its envelope could be read.
    pub agency: Option<crate::model::questionnaire::Agency>,
    /// The texts needed to show them.
    pub sources: Sources,
    /// What did load, when the problems are in the files' contents: the records and answers
    /// that passed, so that the rules and checks can still run on them and a run reports every
    /// problem at once. `None` when nothing could be loaded.
    pub partial: Option<Box<Submission>>,
}

/// A consolidated inventory (CSV, or a workbook's sheet) covering many agencies, split by one
/// column.
pub struct Consolidated {
    /// How findings name the file.
    pub name: String,
    /// Its text, when it is CSV (for snippets).
    text: Option<Arc<str>>,
    /// Its rows.
    table: Table,
    /// The rows of each agency.
    groups: std::collections::BTreeMap<String, Vec<usize>>,
    /// SHA-256 of the file.
    pub sha256: String,
    /// The column that names the agency.
    pub column: String,
    /// The rubric collection its rows fill.
    pub collection: usize,
}

impl Consolidated {
    /// Reads `path` and lists the agencies in `column`: (the file, the values, blank rows).
    pub fn open(path: &Path, rubric: &LoadedRubric, column: &str) -> Result<(Self, Vec<String>, usize), Finding> {
        let name = display(path, None);
        let unknown = || {
            Finding::error(Rule::UnknownCollection, format!("{name} matches no collection of the rubric"), None).with_help(
                "name the file (or, in a workbook, the sheet) after a collection (`datasets.csv`), or use a rubric with a single collection",
            )
        };
        let (text, table, sha256, collection) = if spreadsheet::is_spreadsheet(path) {
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let mut chosen = None;
            let book = spreadsheet::read(path, &name, limits::get(), &mut |sheets| {
                chosen = sheet_collections(&stem, sheets, &rubric.rubric).0.into_iter().next();
                chosen.iter().map(|(s, _)| s.clone()).collect()
            })?;
            let (Some((_, collection)), Some(table)) = (chosen, book.tables.into_iter().next()) else {
                return Err(unknown());
            };
            (None, table, book.sha256, collection)
        } else {
            let collection = collection_for(path, &rubric.rubric).ok_or_else(unknown)?;
            let text = yaml::read_text(path, &name)?;
            let table = tabular::read_csv(&name, &text, limits::get().rows)?;
            let sha256 = hex(&Sha256::digest(text.as_bytes()));
            (Some(text), table, sha256, collection)
        };
        let col = tabular::find_column(&table, column).map_err(|e| Finding::error(Rule::GroupBy, format!("{name}: {e}"), None))?;
        let (groups, blank) = tabular::group_rows(&table, col);
        let values = groups.keys().cloned().collect();
        Ok((
            Consolidated {
                name,
                text,
                table,
                groups,
                sha256,
                column: column.to_string(),
                collection,
            },
            values,
            blank,
        ))
    }

    /// How many rows the agency `value` has.
    pub fn rows_of(&self, value: &str) -> usize {
        self.groups.get(value).map_or(0, Vec::len)
    }

    /// The inventory-only submission of the agency `value`: its rows, every question unanswered.
    pub fn submission(&self, value: &str, rubric: Arc<LoadedRubric>) -> Result<Submission, LoadFailure> {
        let mut sources = Sources::default();
        if let Some(text) = &self.text {
            sources.insert(&self.name, text.clone());
        }
        sources.insert(&rubric.file, rubric.text.clone());
        let mut inv = Inventory::empty(&rubric.rubric);
        inv.agency = Some((value.to_string(), crate::location::Location::file(self.name.clone(), 1, 1)));
        let rows = self.groups.get(value).map(Vec::as_slice).unwrap_or_default();
        let mut errors = tabular::load_table(
            &self.table,
            rows.iter().map(|&i| &self.table.rows[i]),
            &rubric.rubric,
            self.collection,
            &mut inv,
            Some(&self.column),
        );
        errors.extend(inventory::check_integrity(&rubric.rubric, &inv));
        inv.submitted = true;
        inv.drop_rejected();
        let agency = crate::model::questionnaire::Agency {
            id: value.to_string(),
            name: None,
            tier: None,
            region: None,
        };
        let inputs = vec![InputFile {
            path: self.name.clone(),
            sha256: self.sha256.clone(),
        }];
        let submission = Submission {
            rubric,
            questionnaire: None,
            inventory: inv,
            inputs,
            sources,
            warnings: Vec::new(),
            waivers: Default::default(),
        };
        conclude(submission, errors, Some(agency))
    }
}

/// Loads the submission made of `paths` against `rubric_spec` (a path or shipped id), or, if
/// none is given, the rubric its questionnaire names, else the default rubric.
pub fn load(paths: &[PathBuf], rubric_spec: Option<&str>) -> Result<Submission, LoadFailure> {
    load_with(paths, RubricChoice::Spec(rubric_spec), None)
}

/// Which rubric a submission is assessed against.
pub enum RubricChoice<'a> {
    /// A path or shipped id; `None` means the questionnaire's `rubric:`, else the default.
    Spec(Option<&'a str>),
    /// An already loaded rubric (batch runs load theirs once).
    Loaded(Arc<LoadedRubric>),
    /// As `Spec`, each rubric loaded once per cache: `check` over many submissions naming the
    /// same rubric reads and compiles it once, not once per submission.
    Cached(Option<&'a str>, &'a RubricCache),
}

/// Rubrics (or the findings that refused them) by the spec that named them, shared by the
/// threads of one run.
#[derive(Default)]
pub struct RubricCache(std::sync::Mutex<std::collections::HashMap<String, Loaded>>);

/// A rubric as loaded, or the findings that refused it.
type Loaded = Result<Arc<LoadedRubric>, Vec<Finding>>;

impl RubricCache {
    /// The rubric `spec` names, loaded on first use.
    fn get(&self, spec: &str) -> Result<Arc<LoadedRubric>, Vec<Finding>> {
        // Held while loading: a second thread asking for the same rubric waits for it rather
        // than compiling it again.
        let mut map = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(spec.to_string())
            .or_insert_with(|| rubric_source::load(spec).map(Arc::new))
            .clone()
    }
}

/// Loads a submission; files are named relative to `base` when they lie below it.
pub fn load_with(paths: &[PathBuf], choice: RubricChoice<'_>, base: Option<&Path>) -> Result<Submission, LoadFailure> {
    let mut sources = Sources::default();
    let mut warnings = Vec::new();
    let files = match locate(paths, base, &mut sources, &mut warnings) {
        Ok(f) => f,
        Err(e) => {
            let fatal = e.rule == Rule::Io || e.rule == Rule::NoInput;
            return Err(LoadFailure {
                findings: vec![e],
                fatal,
                agency: None,
                sources,
                partial: None,
            });
        }
    };
    let mut l = Loader {
        base,
        sources,
        inputs: Vec::new(),
        errors: Vec::new(),
        warnings,
    };
    let q_file = files.questionnaire.as_deref().and_then(|path| l.questionnaire_file(path));
    let agency = q_file.as_ref().map(|q| q.parts.agency.clone());
    let named = q_file
        .as_ref()
        .and_then(|q| q.parts.rubric.as_ref())
        .map(|(r, _)| rubric_id(r).to_string());
    let loaded = match resolve_rubric(choice, named) {
        Ok(r) => r,
        Err((mut f, spec)) => {
            if let Some(text) = rubric::source_text(&spec) {
                l.sources.insert(&text.0, text.1);
            }
            f.append(&mut l.errors);
            return Err(LoadFailure {
                findings: f,
                fatal: true,
                agency,
                sources: l.sources,
                partial: None,
            });
        }
    };
    l.sources.insert(&loaded.file, loaded.text.clone());
    let questionnaire = q_file.map(|q| l.interpret(q, &loaded.rubric));
    let inv = l.inventory(&files, &loaded.rubric);
    let waivers = files.waivers.as_deref().map(|path| l.waivers(path)).unwrap_or_default();
    let Loader {
        sources,
        inputs,
        errors,
        warnings,
        ..
    } = l;
    let submission = Submission {
        rubric: loaded,
        questionnaire,
        inventory: inv,
        inputs,
        sources,
        warnings,
        waivers: crate::model::waivers::Waivers {
            entries: waivers,
            ignored: false,
        },
    };
    conclude(submission, errors, agency)
}

/// The rubric `choice` names: the given one, else `named` (the questionnaire's `rubric:`), else
/// the default; on failure, its findings and the spec tried.
fn resolve_rubric(choice: RubricChoice<'_>, named: Option<String>) -> Result<Arc<LoadedRubric>, (Vec<Finding>, String)> {
    match choice {
        RubricChoice::Loaded(r) => Ok(r),
        RubricChoice::Spec(spec) => {
            let spec = spec.map(str::to_string).or(named).unwrap_or_else(|| DEFAULT_RUBRIC.to_string());
            rubric_source::load(&spec).map(Arc::new).map_err(|f| (f, spec))
        }
        RubricChoice::Cached(spec, cache) => {
            let spec = spec.map(str::to_string).or(named).unwrap_or_else(|| DEFAULT_RUBRIC.to_string());
            cache.get(&spec).map_err(|f| (f, spec))
        }
    }
}

/// `submission`, unless `errors` hold an error: then the failure that reports `errors` and,
/// after them, the submission's warnings. Otherwise `errors` join the warnings.
fn conclude(
    mut submission: Submission,
    mut errors: Vec<Finding>,
    agency: Option<crate::model::questionnaire::Agency>,
) -> Result<Submission, LoadFailure> {
    if errors.iter().any(Finding::is_error) {
        errors.append(&mut submission.warnings);
        return Err(LoadFailure {
            findings: errors,
            fatal: false,
            agency,
            sources: submission.sources.clone(),
            partial: Some(Box::new(submission)),
        });
    }
    submission.warnings.append(&mut errors);
    Ok(submission)
}

/// A questionnaire whose envelope has been read: a YAML file's parts, or a workbook's agency
/// block with the sheets its answers will be read from once the rubric is known.
struct QuestionnaireSource {
    parts: questionnaire::Parts,
    sheets: Option<questionnaire_book::Sheets>,
}

/// What loading a submission gathers as it reads its files.
struct Loader<'a> {
    /// Files below it are named relative to it.
    base: Option<&'a Path>,
    /// The texts read, for showing findings.
    sources: Sources,
    /// The files read, with their hashes.
    inputs: Vec<InputFile>,
    /// Problems that may stop the load (they can include warnings).
    errors: Vec<Finding>,
    /// Problems that do not stop it.
    warnings: Vec<Finding>,
}

impl Loader<'_> {
    /// Reads the file `path`, keeping its text and hash: (its name, its text).
    fn read(&mut self, path: &Path) -> Result<(String, Arc<str>), Finding> {
        let name = display(path, self.base);
        if !has_ext(path, &["csv"]) {
            yaml::check_size(path, &name)?;
        }
        let text = yaml::read_text(path, &name)?;
        self.sources.insert(&name, text.clone());
        self.inputs.push(InputFile {
            path: name.clone(),
            sha256: hex(&Sha256::digest(text.as_bytes())),
        });
        Ok((name, text))
    }

    /// Reads the questionnaire's envelope (a YAML file's header and agency, a workbook's agency
    /// sheet), or `None` after an error.
    fn questionnaire_file(&mut self, path: &Path) -> Option<QuestionnaireSource> {
        if spreadsheet::is_spreadsheet(path) {
            let name = display(path, self.base);
            return match questionnaire_book::read(path, &name, limits::get()) {
                Ok((book, mut problems)) => {
                    self.errors.append(&mut problems);
                    self.inputs.push(InputFile {
                        path: name,
                        sha256: book.sha256,
                    });
                    Some(QuestionnaireSource {
                        parts: book.parts,
                        sheets: Some(book.sheets),
                    })
                }
                Err(e) => {
                    self.errors.push(e);
                    None
                }
            };
        }
        match self
            .read(path)
            .and_then(|(name, text)| questionnaire::parse(&name, &text).map(|(q, problems)| (questionnaire::parts(&name, q), problems)))
        {
            Ok((parts, mut problems)) => {
                self.errors.append(&mut problems);
                Some(QuestionnaireSource { parts, sheets: None })
            }
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// Checks the answers of the questionnaire `q` against `rubric`, and warns when it names
    /// another rubric.
    fn interpret(&mut self, q: QuestionnaireSource, rubric: &Rubric) -> Questionnaire {
        let QuestionnaireSource { mut parts, sheets } = q;
        if let Some(sheets) = &sheets {
            let (answers, mut problems) = questionnaire_book::answers(sheets, rubric);
            parts.answers = answers;
            self.errors.append(&mut problems);
        }
        let rubric_ref = parts.rubric.clone();
        let (q, mut problems) = questionnaire::interpret_parts(parts, rubric);
        self.errors.append(&mut problems);
        if let Some((reference, location)) = rubric_ref {
            let (id, version) = reference.split_once('@').map_or((reference.as_str(), None), |(i, v)| (i, Some(v)));
            let names = |id_: &str, version_: &str| id == id_ && version.is_none_or(|v| v == version_);
            let base = rubric.tailors.as_ref().is_some_and(|t| names(&t.base_id, &t.base_version));
            if !names(&rubric.id.value, &rubric.version) && !base {
                self.warnings.push(
                    Finding::warning(
                        Rule::RubricMismatch,
                        format!(
                            "the questionnaire answers `{reference}` but is assessed against `{}@{}`",
                            rubric.id.value, rubric.version
                        ),
                        Some(location),
                    )
                    .with_help("answers are matched by criterion id; check that they mean the same thing in both"),
                );
            }
        }
        q
    }

    /// Reads the submission's own waivers file (its problems stop the load, located).
    fn waivers(&mut self, path: &Path) -> Vec<crate::model::waivers::Waiver> {
        match self.read(path) {
            Ok((name, text)) => super::waivers::parse(&name, &text, super::waivers::Scope::Submission).unwrap_or_else(|mut e| {
                self.errors.append(&mut e);
                Vec::new()
            }),
            Err(e) => {
                self.errors.push(e);
                Vec::new()
            }
        }
    }

    /// Reads the inventory files, tables and workbooks into one inventory and checks its
    /// integrity.
    fn inventory(&mut self, files: &Files, rubric: &Rubric) -> Inventory {
        let mut inv = Inventory::empty(rubric);
        for path in &files.inventories {
            match self.read(path) {
                Ok((name, text)) => self.errors.extend(inventory::load_yaml(&name, &text, rubric, &mut inv)),
                Err(e) => self.errors.push(e),
            }
        }
        for path in &files.tables {
            self.table(path, rubric, &mut inv);
        }
        for path in &files.books {
            self.workbook(path, rubric, &mut inv);
        }
        self.errors.extend(inventory::check_integrity(rubric, &inv));
        inv.submitted = files.count().1 > 0;
        inv.drop_rejected();
        inv
    }

    /// Reads the CSV file `path` into the collection it is named after, or warns that it
    /// matches none.
    fn table(&mut self, path: &Path, rubric: &Rubric, inv: &mut Inventory) {
        let Some(index) = collection_for(path, rubric) else {
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
            let help = crate::finding::did_you_mean(&stem, rubric.inventory.keys()).map_or_else(
                || {
                    format!(
                        "name the file after a collection: {}",
                        rubric.inventory.keys().map(|k| format!("{k}.csv")).collect::<Vec<_>>().join(", ")
                    )
                },
                |c| format!("did you mean `{c}.csv`?"),
            );
            self.warnings.push(
                Finding::warning(
                    Rule::UnknownCollection,
                    format!("{} is ignored: the rubric has no collection `{stem}`", display(path, self.base)),
                    None,
                )
                .with_help(help),
            );
            return;
        };
        match self.read(path) {
            Ok((name, text)) => self.errors.extend(tabular::load_csv(&name, &text, rubric, index, inv)),
            Err(e) => self.errors.push(e),
        }
    }

    /// Reads the sheets of the workbook `path` that fill a collection, and warns about the
    /// others.
    fn workbook(&mut self, path: &Path, rubric: &Rubric, inv: &mut Inventory) {
        let name = display(path, self.base);
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let mut chosen = Vec::new();
        let warnings = &mut self.warnings;
        let book = spreadsheet::read(path, &name, limits::get(), &mut |sheets| {
            let (pairs, ignored) = sheet_collections(&stem, sheets, rubric);
            chosen = pairs;
            warnings.extend(ignored.iter().map(|sheet| ignored_sheet(sheet, &name, rubric)));
            chosen.iter().map(|(s, _)| s.clone()).collect()
        });
        let book = match book {
            Ok(book) => book,
            Err(e) => {
                self.errors.push(e);
                return;
            }
        };
        self.inputs.push(InputFile {
            path: name.clone(),
            sha256: book.sha256,
        });
        for table in &book.tables {
            let crate::location::Origin::Sheet { sheet, .. } = &table.origin else {
                continue;
            };
            if let Some((_, index)) = chosen.iter().find(|(s, _)| s == sheet) {
                self.errors
                    .extend(tabular::load_table(table, table.rows.iter(), rubric, *index, inv, None));
            }
        }
    }
}

/// The warning for the sheet `sheet` of the workbook `name`, which fills no collection.
fn ignored_sheet(sheet: &str, name: &str, rubric: &Rubric) -> Finding {
    let help = super::suggestion(sheet, rubric.inventory.keys()).unwrap_or_else(|| {
        format!(
            "name each sheet after a collection: {}",
            rubric.inventory.keys().collect::<Vec<_>>().join(", ")
        )
    });
    Finding::warning(
        Rule::UnknownCollection,
        format!("sheet `{sheet}` of {name} is ignored: the rubric has no collection `{sheet}`"),
        None,
    )
    .with_help(help)
}
