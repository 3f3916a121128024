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

#[derive(Default)]
struct Files {
    questionnaire: Option<PathBuf>,
    inventories: Vec<PathBuf>,
    /// `<collection>.csv` files.
    tables: Vec<PathBuf>,
    /// Workbooks (`.xlsx`, `.ods`): a sheet per collection.
    books: Vec<PathBuf>,
    /// The submission's own `waivers.yaml`.
    waivers: Option<PathBuf>,
}

impl Files {
    fn count(&self) -> (bool, usize) {
        (
            self.questionnaire.is_some(),
            self.inventories.len() + self.tables.len() + self.books.len(),
        )
    }
}

/// How reports and findings name `p`: relative to `base` when it lies below it.
fn display(p: &Path, base: Option<&Path>) -> String {
    let p = base.and_then(|b| p.strip_prefix(b).ok()).unwrap_or(p);
    p.to_string_lossy().replace('\\', "/")
}

const QUESTIONNAIRE_NAMES: [&str; 2] = ["questionnaire.yaml", "questionnaire.yml"];
const INVENTORY_NAMES: [&str; 2] = ["inventory.yaml", "inventory.yml"];
/// Questionnaire workbooks: a workbook of this name holds answers, not inventory sheets.
const QUESTIONNAIRE_BOOKS: [&str; 3] = ["questionnaire.xlsx", "questionnaire.xlsm", "questionnaire.ods"];

/// The help for a workbook in a format dgmat does not read.
const SAVE_AS_HELP: &str = "save it as .xlsx (Excel Workbook) or .ods";

/// The submission files of the directory `dir` (`""` for the current one), sorted, when it is
/// a submission's directory (it holds `questionnaire.yaml`, `questionnaire.xlsx`,
/// `inventory.yaml` or `inventory.xlsx`): those, its `<collection>.csv` tables and its workbooks (not the lock file
/// of a workbook open in a spreadsheet program). A file named on the command line brings these
/// siblings with it, so that a hook passing only the changed files checks whole submissions. A
/// folder of unrelated exports (many CSV files, no questionnaire) brings none: with a rubric of
/// one collection, every CSV file would fill it.
pub fn submission_files(dir: &Path) -> Vec<PathBuf> {
    let read = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let named = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let anchor = |p: &Path| {
        let name = named(p);
        QUESTIONNAIRE_NAMES.contains(&name.as_str())
            || crate::model::workbook::is_questionnaire_book(&name)
            || INVENTORY_NAMES.contains(&name.as_str())
            || (spreadsheet::is_spreadsheet(p) && p.file_stem().is_some_and(|s| s.eq_ignore_ascii_case("inventory")))
    };
    let mut out: Vec<PathBuf> = std::fs::read_dir(read)
        .map(|d| d.flatten().map(|e| dir.join(e.file_name())).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = named(p);
            let lock = name.starts_with("~$") || name.starts_with(".~lock");
            let waivers = super::waivers::FILE_NAMES.contains(&name.as_str());
            !lock && (anchor(p) || waivers || has_ext(p, &["csv"]) || spreadsheet::is_spreadsheet(p))
        })
        .collect();
    if !out.iter().any(|p| anchor(p)) {
        return Vec::new();
    }
    out.sort();
    out
}

/// Finds the questionnaire and inventory among `paths` (directories or files).
fn locate(paths: &[PathBuf], base: Option<&Path>, sources: &mut Sources, warnings: &mut Vec<Finding>) -> Result<Files, Finding> {
    let mut files = Files::default();
    for path in paths {
        if path.is_dir() {
            locate_in_dir(&mut files, path, base, warnings)?;
        } else if path.is_file() && has_ext(path, &["csv"]) {
            files.tables.push(path.clone());
        } else if path.is_file() && crate::model::workbook::is_questionnaire_book(&path.to_string_lossy()) {
            set_questionnaire(&mut files, path.clone(), base)?;
        } else if path.is_file() && spreadsheet::is_spreadsheet(path) {
            files.books.push(path.clone());
        } else if path.is_file() && spreadsheet::is_unsupported_spreadsheet(path) {
            return Err(Finding::error(
                Rule::UnsupportedInput,
                format!("{} is an old binary spreadsheet, which dgmat does not read", display(path, base)),
                None,
            )
            .with_help(SAVE_AS_HELP));
        } else if path.is_file() {
            locate_yaml_file(&mut files, path, base, sources)?;
        } else if let Some(kind) = std::fs::metadata(path).ok().and_then(|m| yaml::special_kind(m.file_type())) {
            return Err(yaml::not_regular(&display(path, base), kind));
        } else {
            return Err(Finding::error(Rule::Io, format!("{} does not exist", display(path, base)), None).with_help("check the path"));
        }
    }
    Ok(files)
}

/// Adds the submission files found in the directory `dir`; an error when it holds none.
fn locate_in_dir(files: &mut Files, dir: &Path, base: Option<&Path>, warnings: &mut Vec<Finding>) -> Result<(), Finding> {
    let before = files.count();
    // Both `questionnaire.yaml` and `.yml` present is the two-questionnaires error naming both:
    // taking one silently would assess answers the agency may not have meant.
    for q in QUESTIONNAIRE_NAMES.iter().map(|n| dir.join(n)).filter(|p| p.is_file()) {
        set_questionnaire(files, q, base)?;
    }
    for q in QUESTIONNAIRE_BOOKS.iter().map(|n| dir.join(n)).filter(|p| p.is_file()) {
        set_questionnaire(files, q, base)?;
    }
    let named: Vec<PathBuf> = INVENTORY_NAMES.iter().map(|n| dir.join(n)).filter(|p| p.is_file()).collect();
    if let [a, b, ..] = named.as_slice() {
        return Err(Finding::error(
            Rule::NoInput,
            format!("two inventories given: {} and {}", display(a, base), display(b, base)),
            None,
        )
        .with_help("keep one of them: dgmat would not know which one the agency meant"));
    }
    files.inventories.extend(named);
    let waivers: Vec<PathBuf> = super::waivers::FILE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .collect();
    if let [a, b, ..] = waivers.as_slice() {
        return Err(Finding::error(
            Rule::NoInput,
            format!("two waivers files given: {} and {}", display(a, base), display(b, base)),
            None,
        )
        .with_help("keep one of them: dgmat would not know which one was approved"));
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        add_dir_entry(files, p, base, warnings);
    }
    if before == files.count() {
        // A folder holding only waivers is no submission.
        return Err(Finding::error(
            Rule::NoInput,
            format!(
                "{} holds no questionnaire.yaml or .xlsx, inventory.yaml, <collection>.csv or inventory.xlsx",
                display(dir, base)
            ),
            None,
        )
        .with_help("run `dgmat init DIR` to create templates, or name the files directly"));
    }
    set_waivers(files, waivers.into_iter().next(), base)?;
    Ok(())
}

/// Sets the submission's waivers file; a second one is an error naming both.
fn set_waivers(files: &mut Files, path: Option<PathBuf>, base: Option<&Path>) -> Result<(), Finding> {
    let Some(path) = path else {
        return Ok(());
    };
    if let Some(first) = &files.waivers {
        return Err(Finding::error(
            Rule::NoInput,
            format!("two waivers files given: {} and {}", display(first, base), display(&path, base)),
            None,
        )
        .with_help("merge them into one: a submission has one waivers file"));
    }
    files.waivers = Some(path);
    Ok(())
}

/// Adds the file `p` of a submission directory when it is a table or a workbook; warns about
/// workbooks in formats dgmat does not read.
fn add_dir_entry(files: &mut Files, p: PathBuf, base: Option<&Path>, warnings: &mut Vec<Finding>) {
    let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    if name.starts_with("~$") || name.starts_with(".~lock") {
        return; // the lock file of a workbook open in Excel or LibreOffice
    }
    if crate::model::workbook::is_questionnaire_book(&name) {
        return; // found by its name, as the questionnaire
    }
    if has_ext(&p, &["csv"]) {
        files.tables.push(p);
    } else if spreadsheet::is_spreadsheet(&p) {
        files.books.push(p);
    } else if spreadsheet::is_unsupported_spreadsheet(&p) {
        warnings.push(
            Finding::warning(
                Rule::UnsupportedInput,
                format!(
                    "{} is ignored: dgmat reads .xlsx and .ods workbooks, not this format",
                    display(&p, base)
                ),
                None,
            )
            .with_help(SAVE_AS_HELP),
        );
    }
}

/// Adds the YAML file `path`, named on the command line, as the kind its text declares.
fn locate_yaml_file(files: &mut Files, path: &Path, base: Option<&Path>, sources: &mut Sources) -> Result<(), Finding> {
    let name = display(path, base);
    yaml::check_size(path, &name)?;
    let text = yaml::read_text(path, &name)?;
    sources.insert(&name, text.clone());
    match detect_kind(&name, &text) {
        Some("questionnaire") => set_questionnaire(files, path.to_path_buf(), base)?,
        Some("inventory") => files.inventories.push(path.to_path_buf()),
        Some("waivers") => set_waivers(files, Some(path.to_path_buf()), base)?,
        Some("rubric") => {
            return Err(
                Finding::error(Rule::WrongKind, format!("{name} is a rubric, not a submission file"), None)
                    .with_help(format!("pass it with --rubric {name}")),
            );
        }
        _ => return Err(not_a_submission_file(&name, &text)),
    }
    Ok(())
}

/// Why the file `name` is not a submission file: what its header check finds wrong (a missing
/// `dgmat: 1`, a misspelt kind), then what a submission file must be.
fn not_a_submission_file(name: &str, text: &str) -> Finding {
    let help = "a submission file starts with `dgmat: 1` and `kind: questionnaire` or `kind: inventory`";
    let mut finding = super::check_header(name, text, "questionnaire")
        .err()
        .unwrap_or_else(|| Finding::error(Rule::WrongKind, format!("{name} is neither a questionnaire nor an inventory"), None));
    if finding.rule == Rule::WrongKind {
        finding.message = format!("{name} is neither a questionnaire nor an inventory");
        finding.help = Some(help.into());
    }
    finding
}

fn set_questionnaire(files: &mut Files, path: PathBuf, base: Option<&Path>) -> Result<(), Finding> {
    if let Some(first) = &files.questionnaire {
        return Err(Finding::error(
            Rule::NoInput,
            format!("two questionnaires given: {} and {}", display(first, base), display(&path, base)),
            None,
        )
        .with_help("assess one agency at a time, or use `dgmat batch`"));
    }
    files.questionnaire = Some(path);
    Ok(())
}

/// The `kind:` of a dgmat file, read leniently from its first lines.
fn detect_kind(name: &str, text: &str) -> Option<&'static str> {
    let base = name.rsplit('/').next().unwrap_or(name);
    if QUESTIONNAIRE_NAMES.contains(&base) {
        return Some("questionnaire");
    }
    if INVENTORY_NAMES.contains(&base) {
        return Some("inventory");
    }
    if super::waivers::FILE_NAMES.contains(&base) {
        return Some("waivers");
    }
    text.lines().take(50).find_map(|l| {
        let kind = l
            .strip_prefix("kind:")?
            .split('#')
            .next()?
            .trim()
            .trim_matches(|c| c == '"' || c == '\'');
        ["questionnaire", "inventory", "rubric", "waivers"].into_iter().find(|k| *k == kind)
    })
}

/// The collection a CSV file fills: the one it is named after, else the only one when the
/// rubric declares just one (a consolidated export such as `dataset_inventory_2018_03_11.csv`).
pub fn collection_for(path: &Path, rubric: &crate::model::rubric::Rubric) -> Option<usize> {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
    let only = (rubric.inventory.0.len() == 1).then_some(0);
    rubric.inventory.0.iter().position(|(k, _)| k.value.to_lowercase() == stem).or(only)
}

/// Which collection each sheet of a workbook fills, and the sheets that fill none. A sheet
/// named after a collection fills it; otherwise the first sheet fills the collection the
/// workbook is named after (`datasets.xlsx`), or the rubric's only collection.
pub fn sheet_collections(stem: &str, sheets: &[String], rubric: &crate::model::rubric::Rubric) -> (Vec<(String, usize)>, Vec<String>) {
    let by_name = |name: &str| rubric.inventory.keys().position(|k| k.eq_ignore_ascii_case(name.trim()));
    let mut chosen: Vec<(String, usize)> = sheets.iter().filter_map(|s| by_name(s).map(|i| (s.clone(), i))).collect();
    if chosen.is_empty()
        && let Some(first) = sheets.first()
        && let Some(i) = by_name(stem).or((rubric.inventory.0.len() == 1).then_some(0))
    {
        chosen.push((first.clone(), i));
    }
    let ignored = sheets.iter().filter(|s| !chosen.iter().any(|(c, _)| c == *s)).cloned().collect();
    (chosen, ignored)
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
