//! Source texts and the one diagnostic renderer.
//!
//! Every loaded file's text is kept in a [`Sources`] map so that any finding can be shown with
//! its source line and a caret, the way cargo and zizmor show theirs. Rendering is plain text
//! (no colour codes) so that logs and snapshots stay readable.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::finding::{Finding, Severity};
use crate::location::Location;

/// The words a diagnostic is written with, in one language (see `report::words`).
pub struct Labels {
    /// The severity word of an error.
    pub error: &'static str,
    /// The severity word of a warning.
    pub warning: &'static str,
    /// The label of notes.
    pub note: &'static str,
    /// The label of the help line.
    pub help: &'static str,
    /// "and N more" related places.
    pub and_more: fn(usize) -> String,
    /// Findings past the cap: (not shown, errors, warnings).
    pub not_shown: fn(usize, usize, usize) -> String,
    /// A waived finding's note: (expires, reason, approved by, `, ref` or nothing).
    pub waived_until: fn(&str, &str, &str, &str) -> String,
}

/// The most findings shown one by one in text output.
pub const MAX_SHOWN: usize = 200;

/// The texts of the files loaded so far, by the name findings use for them.
#[derive(Default, Clone, Debug)]
pub struct Sources {
    texts: BTreeMap<String, Text>,
}

/// One file's text, and where its lines start: computed when a finding in it is first rendered,
/// so that a thousand findings in a large file cost one pass over it, not a thousand.
#[derive(Clone, Debug)]
struct Text {
    text: Arc<str>,
    lines: OnceLock<Vec<usize>>,
}

/// The byte offset where each line of `text` starts.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

impl Sources {
    /// Remembers `text` under `name`.
    pub fn insert(&mut self, name: &str, text: Arc<str>) {
        self.texts.insert(
            name.to_string(),
            Text {
                text,
                lines: OnceLock::new(),
            },
        );
    }

    /// Line `line` (1-based) of the text stored under `name`, without its line end.
    fn line(&self, name: &str, line: u32) -> Option<&str> {
        let Text { text, lines } = self.texts.get(name)?;
        let starts = lines.get_or_init(|| line_starts(text));
        let i = usize::try_from(line.checked_sub(1)?).ok()?;
        let start = *starts.get(i)?;
        let end = starts.get(i + 1).map_or(text.len(), |&e| e - 1);
        text.get(start..end).map(|l| l.strip_suffix('\r').unwrap_or(l))
    }

    /// Adds every text of `other`.
    pub fn extend(&mut self, other: Sources) {
        self.texts.extend(other.texts);
    }

    /// The text stored under `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.texts.get(name).map(|t| &*t.text)
    }

    /// Renders `findings` one after another, up to [`MAX_SHOWN`], then one line counting the
    /// rest: a hostile or very dirty file must not bury the terminal (or a CI log) under
    /// megabytes of diagnostics. Machine formats (JSON, SARIF, JUnit) list every finding.
    /// `all` says how to see every finding.
    pub fn render_list(&self, findings: &[Finding], all: &str, labels: &Labels, out: &mut String) {
        use std::fmt::Write as _;
        for f in findings.iter().take(MAX_SHOWN) {
            let _ = writeln!(
                out,
                "{}
",
                self.render(f, labels)
            );
        }
        if let Some(rest) = findings.get(MAX_SHOWN..).filter(|r| !r.is_empty()) {
            let errors = rest.iter().filter(|f| f.is_error()).count();
            let _ = writeln!(out, "{}; {all}\n", (labels.not_shown)(rest.len(), errors, rest.len() - errors));
        }
    }

    /// Renders `finding` as `error[rule]: message`, then `--> file:line:col`, the source line
    /// with a caret under the offending token, and the help line.
    pub fn render(&self, finding: &Finding, labels: &Labels) -> String {
        let level = match finding.severity {
            Severity::Error => Level::ERROR.with_name(labels.error),
            Severity::Warning => Level::WARNING.with_name(labels.warning),
        };
        let note = Level::NOTE.with_name(labels.note);
        let title = level.primary_title(finding.message.as_str()).id(finding.rule.as_str());
        let mut groups = Vec::new();
        let snippet = finding.location.as_ref().and_then(|loc| self.snippet(loc, AnnotationKind::Primary));
        let mut head = Group::with_title(title);
        match (snippet, &finding.location) {
            (Some(snippet), _) => head = head.element(snippet),
            (None, Some(loc)) if loc.is_cell() => head = head.element(annotate_snippets::Origin::path(loc.to_string())),
            (None, Some(loc)) => {
                head = head.element(
                    annotate_snippets::Origin::path(loc.path())
                        .line(loc.line as usize)
                        .char_column(loc.column as usize),
                )
            }
            (None, None) => {}
        }
        groups.push(head);
        // The records behind a finding (those contradicting an answer, say), each at its line.
        for r in finding.related.iter().take(MAX_RELATED) {
            let title = note.clone().secondary_title(format!("{} ({})", r.label, r.location.record_place()));
            let mut group = Group::with_title(title);
            if let Some(snippet) = self.snippet(&r.location, AnnotationKind::Context) {
                group = group.element(snippet);
            }
            groups.push(group);
        }
        if finding.related.len() > MAX_RELATED {
            let more = (labels.and_more)(finding.related.len() - MAX_RELATED);
            groups.push(Group::with_title(note.clone().secondary_title(more)));
        }
        if let Some(help) = &finding.help {
            groups.push(Group::with_title(Level::HELP.with_name(labels.help).secondary_title(help.as_str())));
        }
        // A waived finding says by what, until when, and where the waiver is written.
        if let Some(w) = &finding.waived {
            let reference = w.reference.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
            let title = note
                .clone()
                .secondary_title((labels.waived_until)(&w.expires, &w.reason, &w.approved_by, &reference));
            let mut group = Group::with_title(title);
            if let Some(snippet) = self.snippet(&w.location, AnnotationKind::Context) {
                group = group.element(snippet);
            }
            groups.push(group);
        }
        Renderer::plain().render(&groups)
    }
}

impl Sources {
    /// The source line of `loc` with an annotation of `kind` under the token at its column; `None`
    /// for spreadsheet cells, unknown files and lines too long to echo.
    fn snippet<'a>(&'a self, loc: &'a Location, kind: AnnotationKind) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
        if loc.is_cell() {
            return None;
        }
        let line = self.line(loc.path(), loc.line)?;
        // Very long lines (minified or hostile input) are not worth echoing whole.
        if line.len() > 400 {
            return None;
        }
        let start = line
            .char_indices()
            .nth(loc.column.saturating_sub(1) as usize)
            .map_or(line.len(), |(i, _)| i);
        let end = token_end(line, start);
        Some(
            Snippet::source(line)
                .line_start(loc.line as usize)
                .path(loc.path())
                .annotation(kind.span(start..end)),
        )
    }
}

/// Related places shown under a finding; the rest are counted.
const MAX_RELATED: usize = 5;

/// The end of the value starting at byte `start`, so that the caret underlines all of it: a
/// quoted scalar to its closing quote, a plain scalar to where YAML ends it (`: ` after a key, a
/// ` #` comment, and inside `{...}` or `[...]` a `,`, `}` or `]`), trailing spaces left out;
/// at least one character so that the caret is always visible.
fn token_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    let one = || rest.chars().next().map_or(start, |c| start + c.len_utf8());
    // A mapping or sequence opener stands for the whole node: mark just the bracket.
    if rest.starts_with(['{', '[']) || rest == "-" || rest.starts_with("- ") {
        return one();
    }
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            match c {
                '\\' if quote == '"' && !escaped => escaped = true,
                c if c == quote && !escaped => return start + i + 1,
                _ => escaped = false,
            }
        }
        return line.len();
    }
    let flow = in_flow(&line[..start]);
    let bytes = rest.as_bytes();
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        let next = bytes.get(i + 1).copied();
        let ends = match c {
            ':' => next.is_none_or(|b| b == b' ' || b == b'\t') || (flow && matches!(next, Some(b',' | b'}' | b']'))),
            '#' => i > 0 && rest[..i].ends_with([' ', '\t']),
            ',' | '}' | ']' => flow,
            _ => false,
        };
        if ends {
            end = i;
            break;
        }
    }
    let len = rest[..end].trim_end().len();
    if len == 0 { one() } else { start + len }
}

/// Whether the text before a value leaves a `{` or `[` open (the value is inside a flow
/// collection, where `,`, `}` and `]` end a plain scalar). Quoted text is skipped.
fn in_flow(before: &str) -> bool {
    let mut depth = 0i32;
    let mut quote = None;
    for c in before.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            (None, '#') => break,
            _ => {}
        }
    }
    depth > 0
}

#[cfg(test)]
mod tests {
    use super::token_end;

    /// The text the caret underlines for the value at `start` of `line`.
    fn token(line: &str, start: usize) -> &str {
        &line[start..token_end(line, start)]
    }

    #[test]
    fn carets_cover_the_whole_value() {
        let line = "  - {id: s1, name: Hospital information system, status: live}";
        assert_eq!(token(line, line.find("Hospital").unwrap()), "Hospital information system");
        assert_eq!(token(line, line.find("live").unwrap()), "live");
        let line = "agency: {id: demo, name: Demo agency, tier: county}";
        assert_eq!(token(line, line.find("county").unwrap()), "county");
        let line = "    evidence: [{ref: Decision 7, date: 2026-13-01}]";
        assert_eq!(token(line, line.find("Decision").unwrap()), "Decision 7");
        let line = "name: Ministry of Health   # the full name";
        assert_eq!(token(line, 6), "Ministry of Health");
        let line = r#"  note: "a, b: \"c\"" # x"#;
        assert_eq!(token(line, 8), r#""a, b: \"c\"""#);
        assert_eq!(token("  SEC-2.1: yes", 2), "SEC-2.1", "a key ends at its colon");
        assert_eq!(token("go_live: 2024-01-01T08:30:00", 9), "2024-01-01T08:30:00");
        assert_eq!(token("url: https://x.example/a", 5), "https://x.example/a");
        assert_eq!(token("  - {id: s2}", 4), "{");
        assert_eq!(token("  - x", 2), "-");
        assert_eq!(token("n: -5", 3), "-5");
        assert_eq!(token("a: ", 3), "", "nothing to underline at the end of a line");
    }
}
