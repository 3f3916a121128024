//! Finding a submission's files: a folder's questionnaire, inventory, CSV collections,
//! workbooks and waivers, or files named one by one; which collection a file or sheet holds.
//! Every refusal is a located finding; nothing is parsed beyond telling a file's kind.

use std::path::{Path, PathBuf};

use super::{has_ext, spreadsheet, yaml};
use crate::finding::{Finding, Rule};
use crate::source::Sources;

#[derive(Default)]
pub(super) struct Files {
    /// The questionnaire (YAML or workbook).
    pub(super) questionnaire: Option<PathBuf>,
    /// `inventory.yaml` files.
    pub(super) inventories: Vec<PathBuf>,
    /// `<collection>.csv` files.
    pub(super) tables: Vec<PathBuf>,
    /// Workbooks (`.xlsx`, `.ods`): a sheet per collection.
    pub(super) books: Vec<PathBuf>,
    /// The submission's own `waivers.yaml`.
    pub(super) waivers: Option<PathBuf>,
}

impl Files {
    /// Whether there is a questionnaire, and how many inventory files.
    pub(super) fn count(&self) -> (bool, usize) {
        (
            self.questionnaire.is_some(),
            self.inventories.len() + self.tables.len() + self.books.len(),
        )
    }
}

/// How reports and findings name `p`: relative to `base` when it lies below it.
pub(super) fn display(p: &Path, base: Option<&Path>) -> String {
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

/// The bytes of the files [`submission_files`] finds in `dir`: how much there is to read, to
/// schedule the largest submissions first.
pub fn submission_bytes(dir: &Path) -> u64 {
    submission_files(dir)
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum()
}

/// Finds the questionnaire and inventory among `paths` (directories or files).
pub(super) fn locate(paths: &[PathBuf], base: Option<&Path>, sources: &mut Sources, warnings: &mut Vec<Finding>) -> Result<Files, Finding> {
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
