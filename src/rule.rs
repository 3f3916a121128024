//! Rule ids: every rule dgmat itself reports, typed, with what it means and what to do.
//!
//! The one source for SARIF's rules table, JUnit test names and the README's list of rules
//! (a test checks that the README lists every rule here). A rubric's own record rules
//! (`SYS-LEVEL`) are ids the rubric chooses; they travel as [`RuleId::Rubric`].
//! Bottom layer: imports nothing of dgmat.

use std::fmt;

use serde::{Serialize, Serializer};

macro_rules! rules {
    ($( $variant:ident = $id:literal { $short:literal, $help:literal } )*) => {
        /// One of dgmat's own rules.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(
                #[doc = $short]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in the order of the README's list.
            pub const ALL: &[Rule] = &[$(Rule::$variant),*];

            /// The stable id every output uses.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// What the rule finds, in one line.
            pub fn description(self) -> &'static str {
                match self { $(Rule::$variant => $short,)* }
            }

            /// Why it matters and what to do about it.
            pub fn help(self) -> &'static str {
                match self { $(Rule::$variant => $help,)* }
            }
        }
    };
}

rules! {
    // Reading files.
    Io = "io" {
        "A file that cannot be read",
        "The path does not exist, is not a file, or cannot be opened. Check the path and its permissions."
    }
    NoInput = "no-input" {
        "A submission without questionnaire or inventory",
        "A submission folder holds `questionnaire.yaml` and any of `inventory.yaml`, `<collection>.csv` or `inventory.xlsx`."
    }
    UnsupportedInput = "unsupported-input" {
        "An input file this version does not read",
        "dgmat reads YAML, CSV, XLSX and ODS files. Save old `.xls`/`.xlsb` workbooks as `.xlsx`."
    }
    Encoding = "encoding" {
        "A file that is not UTF-8 text",
        "Save the file as UTF-8 (in Excel: CSV UTF-8). A byte-order mark is accepted."
    }
    FileTooLarge = "file-too-large" {
        "A file over the size limit",
        "Files are read only up to a size cap, against runaway or hostile inputs. Raise it with `--max-file-mb` or `--max-yaml-mb` if the file is genuine."
    }
    TooLarge = "too-large" {
        "A workbook that would inflate past the size limit",
        "A workbook is a zip archive; its inflated size is checked before reading. Raise the cap with `--max-unzipped-mb` if the workbook is genuine."
    }
    TooManyRows = "too-many-rows" {
        "A table with more rows than the limit",
        "Rows past the cap are not read. Raise it with `--max-rows` (or `DGMAT_MAX_ROWS`) if the file is genuine."
    }
    UncachedFormula = "uncached-formula" {
        "A workbook formula saved without its value",
        "dgmat reads a formula cell by the value the spreadsheet saved with it and never computes formulas itself. Open the workbook in Excel or LibreOffice and save it, or type the value."
    }
    Csv = "csv" {
        "A CSV file that cannot be parsed",
        "Check the delimiter (a comma), the quoting and that every row has as many cells as the header."
    }
    Spreadsheet = "spreadsheet" {
        "A workbook that cannot be read",
        "The file is not a readable XLSX or ODS workbook. Open it in a spreadsheet program and save it again."
    }
    YamlSyntax = "yaml-syntax" {
        "Invalid YAML",
        "Fix the YAML at the place shown: indentation, a missing colon, an unclosed quote or bracket."
    }
    YamlLimit = "yaml-limit" {
        "A YAML document over the parser's safety limits",
        "Aliases that expand too far or nesting that goes too deep are refused, against alias bombs. Write the document out plainly."
    }
    DuplicateKey = "duplicate-key" {
        "A key repeated in one YAML mapping",
        "A mapping names each key once; YAML parsers disagree on which value wins. Remove one of them."
    }
    // The shape of a file.
    FormatVersion = "format-version" {
        "A missing or unsupported `dgmat:` format version",
        "Every dgmat file starts with `dgmat: 1` and a `kind:` line."
    }
    WrongKind = "wrong-kind" {
        "A file of another kind than expected",
        "Pass rubrics with `--rubric` and questionnaires and inventories as the submission; the `kind:` line says which a file is."
    }
    UnknownKey = "unknown-key" {
        "A key the format does not define",
        "Unknown keys are errors so that a misspelt key is never silently ignored. The hint names the closest known key."
    }
    MissingKey = "missing-key" {
        "A required key is missing",
        "Add the key named in the message; `dgmat schema` prints every format's keys."
    }
    InvalidValue = "invalid-value" {
        "A value of the wrong type or outside its allowed values",
        "Write a value of the type the field declares: the message names it (dates are YYYY-MM-DD)."
    }
    // Inventories.
    UnknownCollection = "unknown-collection" {
        "A collection the rubric does not declare",
        "An inventory holds only the collections the rubric lists under `inventory:`; check the name of the file, sheet or key."
    }
    UnknownColumn = "unknown-column" {
        "A table column that is not a field of its collection",
        "The header row names the collection's fields; rename the column or remove it."
    }
    MissingColumn = "missing-column" {
        "A table without a column its collection requires",
        "Add a column for every required field of the collection (`dgmat rubric doc` lists them)."
    }
    GroupBy = "group-by" {
        "A consolidated inventory without the column to split it by",
        "`batch --group-by COLUMN` splits one table into one submission per value of COLUMN: name a column of its header row."
    }
    MissingField = "missing-field" {
        "A record without a required field",
        "Fill in the field: the rubric marks it `required`."
    }
    DuplicateRecord = "duplicate-record" {
        "Two records of a collection with the same key",
        "A collection's key identifies each record once; rename or merge the two records."
    }
    DanglingReference = "dangling-reference" {
        "A reference to a record that does not exist",
        "A list field that `refers_to` another collection must name keys of that collection: add the record or correct the reference."
    }
    RuleError = "rule-error" {
        "A rubric rule that could not be evaluated on a record",
        "The record's values defeat the rule's expression (a wrong type, say); the message names the record and the rule."
    }
    // Questionnaires.
    UnknownCriterion = "unknown-criterion" {
        "An answer to a criterion the rubric does not have",
        "Answer only the rubric's criteria: check the id, and that the questionnaire's `rubric:` is the rubric used."
    }
    ComputedCriterion = "computed-criterion" {
        "An answer was given to a criterion computed from the inventory",
        "Criteria with a `check:` are scored from the inventory, not asked; remove the answer."
    }
    InvalidAnswer = "invalid-answer" {
        "An answer its criterion's answer type does not accept",
        "Give one of the values the criterion's answer type lists (`dgmat init` writes them beside each question)."
    }
    NaNotAllowed = "na-not-allowed" {
        "n/a given where the criterion does not allow it",
        "Only criteria marked `allow_na: true` may be answered n/a; answer yes, partial or no."
    }
    NaWithoutNote = "na-without-note" {
        "n/a given without a note saying why",
        "An n/a answer leaves the criterion out of the score, so it needs a `note:` saying why it does not apply."
    }
    EvidenceMissing = "evidence-missing" {
        "A claim that needs evidence cites no evidence",
        "The criterion requires evidence for credit: add `evidence: [{ref: ..., date: ...}]` to the answer."
    }
    EvidenceStale = "evidence-stale" {
        "The evidence cited is older than the rubric accepts",
        "Every piece of evidence predates the rubric's `evidence_max_age_days`: cite current evidence, or renew the document."
    }
    EvidenceFuture = "evidence-future" {
        "Evidence dated after the assessment date",
        "Evidence cannot be issued after the assessment that cites it, so it is not counted: a claim that needs evidence and cites only such evidence earns no credit. Correct the date, or the `assessed_on` date."
    }
    RuleBudget = "rule-budget" {
        "Rubric expressions that would iterate too long over a submission",
        "A comprehension over a record's list (`tags.all(a, tags.exists_one(b, b == a))`) costs the list's length to the power of its nesting; one submission may spend 10,000,000 such steps. The evaluation that would overdraw them is not run and the submission is not assessed. Raise the budget with `--max-rule-steps` (or `DGMAT_MAX_RULE_STEPS`) if the rubric and the data are genuine."
    }
    Contradicted = "contradicted" {
        "A yes answer that the inventory contradicts",
        "The answer claims the criterion is met, but the criterion's inventory check fails on the records cited: correct the answer or the records."
    }
    AgencyMismatch = "agency-mismatch" {
        "The inventory and the questionnaire name different agencies",
        "A submission is one agency's: submit the questionnaire and inventory of the same agency."
    }
    RubricMismatch = "rubric-mismatch" {
        "The questionnaire names another rubric than the one used",
        "The questionnaire's `rubric:` and `--rubric` disagree; pass the rubric the questionnaire answers."
    }
    NoInventory = "no-inventory" {
        "A submission without an inventory, whose rubric checks one",
        "The criteria computed from the inventory are `unanswered` and no answer is checked against it. Add `inventory.yaml` (or `<collection>.csv`, `inventory.xlsx`) beside the questionnaire."
    }
    Unanswered = "unanswered" {
        "Questions left unanswered",
        "An unanswered question earns no credit and blocks its level. Answer each question listed (`no` is an answer too); `dgmat init` writes every question."
    }
    PlaceholderAgency = "placeholder-agency" {
        "An agency id or name that is empty or a placeholder",
        "Reports, batch rows and file names use the agency's id and name: replace the template's placeholder with the agency's own."
    }
    WaiverExpired = "waiver-expired" {
        "A waiver that expired before the assessment date",
        "The waiver's `expires` date is before `assessed_on`, so the criterion or rule it names is evaluated as if it had none. Renew the waiver with a new decision, or remove it."
    }
    WaiverUnused = "waiver-unused" {
        "A waiver that matches nothing",
        "The criterion it names is met, does not apply or is not in the rubric, or the records it names break no such rule. Remove the waiver, or correct its criterion, rule or record keys."
    }
    AnswerNotApplicable = "answer-not-applicable" {
        "An answer to a question that does not apply",
        "The question's `applies_when` condition is false for this submission, so the answer is not counted. Remove it, or correct the earlier answer the condition depends on."
    }
    // Rubrics.
    Rubric = "rubric" {
        "A rubric that cannot be found",
        "`--rubric` takes a rubric file or the id of a shipped rubric (`dgmat rubric list`)."
    }
    RubricId = "rubric-id" {
        "An invalid rubric id",
        "A rubric id is lower-case letters, digits and dashes: [a-z0-9-]+."
    }
    RubricLevels = "rubric-levels" {
        "A rubric whose levels are not 1 to 5 in order",
        "List exactly the levels 1, 2, 3, 4 and 5, in that order."
    }
    RubricScoring = "rubric-scoring" {
        "Invalid scoring settings",
        "Check `scoring:`: shares and credits between 0 and 1, a method of staged, rated or points."
    }
    RubricTarget = "rubric-target" {
        "An invalid target",
        "Targets have unique ids and levels 1-5; `default_target` names one of them; portfolio shares are between 0 and 1."
    }
    RubricInventory = "rubric-inventory" {
        "An invalid inventory declaration",
        "Each collection declares its key among its fields; enums list values; `refers_to` names another collection."
    }
    RubricCheck = "rubric-check" {
        "An invalid inventory check",
        "A `check:` or `verify:` names a declared collection and needs `min_ratio` (0-1) or `min_count`."
    }
    RubricWeight = "rubric-weight" {
        "An invalid weight",
        "Weights are positive numbers (default 1)."
    }
    RubricCriteria = "rubric-criteria" {
        "An invalid criterion",
        "A criterion has a unique id and either a question (`answer:`) or a `check:`, with a level for staged rubrics."
    }
    RubricAnswer = "rubric-answer" {
        "An invalid answer type",
        "Check the criterion's `answer:`: pass and partial thresholds, choice options with unique values and credits between 0 and 1."
    }
    RubricBands = "rubric-bands" {
        "Invalid points bands",
        "Points rubrics map shares to levels with `bands`, highest level first, shares between 0 and 1, falling."
    }
    RubricPoints = "rubric-points" {
        "Invalid points",
        "In a points rubric every counted criterion carries `points` (0 makes it informational); other methods do not use them."
    }
    RubricCondition = "rubric-condition" {
        "An `applies_when` condition that names an unknown criterion or depends on itself",
        "A condition reads `answers[\"ID\"]` of criteria the rubric declares; conditions must not form a cycle (A asks after B, B after A)."
    }
    RubricGroup = "rubric-group" {
        "An invalid group of dimensions",
        "Each group has a unique id and lists one or more dimensions the rubric declares."
    }
    RubricOverlay = "rubric-overlay" {
        "An overlay that names what its base does not have",
        "`override` and `remove` name dimension or criterion ids of the base; `add` names a base dimension and new, unique criterion ids."
    }
    Expression = "expression" {
        "A rubric expression that does not compile",
        "The CEL expression is shown with the place of the problem; only the collection's declared fields and `assessed_on` are variables."
    }
    DuplicateId = "duplicate-id" {
        "An id used twice in a rubric",
        "Dimension, criterion, rule and target ids are unique within a rubric."
    }
    EmptyLevel = "empty-level" {
        "A level of a dimension without criteria",
        "A staged level without criteria is passed automatically; give each level at least one criterion."
    }
    UnusedSetting = "unused-setting" {
        "A setting the rubric's scoring method ignores",
        "Remove the setting, or change `scoring.method` to the one it belongs to."
    }
}

/// Where the README explains a rule, as an absolute URI (SARIF requires one): the README's
/// anchor `#rule-<id>` under the address the build names in `DGMAT_DOCS_URL` (the published
/// README), else under the package's `repository`. `None` when the build names neither: a
/// relative link would be invalid SARIF, and an invented address would be worse.
pub fn help_uri(id: &str) -> Option<String> {
    let docs = option_env!("DGMAT_DOCS_URL").filter(|u| !u.is_empty());
    let repo = option_env!("CARGO_PKG_REPOSITORY").filter(|r| !r.is_empty());
    match (docs, repo) {
        (Some(docs), _) => Some(format!("{docs}#rule-{id}")),
        (None, Some(repo)) => Some(format!("{}/blob/main/README.md#rule-{id}", repo.trim_end_matches('/'))),
        (None, None) => None,
    }
}

/// The id of a finding's rule: one of dgmat's own, or a record rule a rubric declares.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// One of dgmat's own rules.
    Builtin(Rule),
    /// A rubric's record rule (`SYS-LEVEL`).
    Rubric(String),
}

impl RuleId {
    /// The id as every output writes it.
    pub fn as_str(&self) -> &str {
        match self {
            RuleId::Builtin(r) => r.id(),
            RuleId::Rubric(id) => id,
        }
    }

    /// The built-in rule, if it is one.
    pub fn builtin(&self) -> Option<Rule> {
        match self {
            RuleId::Builtin(r) => Some(*r),
            RuleId::Rubric(_) => None,
        }
    }
}

impl From<Rule> for RuleId {
    fn from(r: Rule) -> Self {
        RuleId::Builtin(r)
    }
}

impl PartialEq<Rule> for RuleId {
    fn eq(&self, other: &Rule) -> bool {
        *self == RuleId::Builtin(*other)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Ids sort as text, as outputs have always sorted them.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl schemars::JsonSchema for RuleId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "String".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_every_rule_is_described() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert!(seen.insert(r.id()), "rule id `{}` is used twice", r.id());
            assert!(
                !r.description().is_empty() && r.description() != r.id(),
                "{} has no description",
                r.id()
            );
            assert!(r.help().len() > r.description().len() / 2, "{} has no help", r.id());
        }
    }
}
