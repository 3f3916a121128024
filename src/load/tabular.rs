//! CSV inventories: one `<collection>.csv` per collection, typed by the rubric's fields.
//!
//! Headers match field names case-, space- and underscore-insensitively, and through a field's
//! `aliases`. Cells are typed exactly as YAML values are (the same code), so `yes`/`no`/`1`/`0`
//! booleans, ISO dates and `;`-separated lists work the same; an empty cell or one of the
//! collection's `null_values` is null. Every bad cell is reported at `file:line` with its column.

use super::inventory::{Inventory, push_record};
use super::node::{Key, Node, Pos, Value};
use crate::finding::{Finding, Location, did_you_mean};
use crate::model::rubric::{Collection, FieldType, Rubric};

/// The most columns a CSV header may have; real inventories have tens.
pub const MAX_COLUMNS: usize = 1_000;

/// A header's comparable form: lower case, without spaces, underscores, dashes and dots.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which field each header names (`None` for columns the rubric does not declare).
fn map_headers(coll: &Collection, headers: &csv::StringRecord) -> Vec<Option<usize>> {
    headers
        .iter()
        .map(|h| {
            let h = norm(h.trim());
            coll.fields
                .iter()
                .position(|(name, _, def)| norm(name) == h || def.aliases.iter().any(|a| norm(a) == h))
        })
        .collect()
}

/// Reads the CSV `text` (file `file`) as the records of collection `index` of the rubric.
pub fn load_csv(file: &str, text: &str, rubric: &Rubric, index: usize, inv: &mut Inventory) -> Vec<Finding> {
    load_csv_rows(file, text, rubric, index, inv, None)
}

/// The distinct values of column `column` (matched like field headers), sorted, and the number
/// of rows that leave it blank. Used to split a consolidated inventory into agencies.
pub fn group_values(text: &str, column: &str) -> Result<(Vec<String>, usize), String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| format!("cannot read the header row: {e}"))?.clone();
    let Some(col) = headers.iter().position(|h| norm(h) == norm(column)) else {
        let names: Vec<&str> = headers.iter().collect();
        let hint = did_you_mean(column, names.iter().copied())
            .map(|c| format!(" (did you mean `{c}`?)"))
            .unwrap_or_default();
        return Err(format!("there is no column `{column}`{hint}; columns: {}", names.join(", ")));
    };
    let mut values = std::collections::BTreeSet::new();
    let mut blank = 0;
    for record in reader.records() {
        let record = record.map_err(|e| format!("invalid CSV: {e}"))?;
        match record.get(col).map(str::trim) {
            Some(v) if !v.is_empty() => {
                values.insert(v.to_string());
            }
            _ if record.iter().all(|c| c.trim().is_empty()) => {}
            _ => blank += 1,
        }
    }
    Ok((values.into_iter().collect(), blank))
}

/// Like [`load_csv`], keeping only the rows whose column `only.0` holds `only.1`, with their
/// lines in the whole file.
pub fn load_csv_rows(
    file: &str,
    text: &str,
    rubric: &Rubric,
    index: usize,
    inv: &mut Inventory,
    only: Option<(&str, &str)>,
) -> Vec<Finding> {
    let (name, coll) = (&rubric.inventory.0[index].0.value, &rubric.inventory.0[index].1);
    let at = |line: u64| {
        Some(Location {
            file: file.to_string(),
            line: u32::try_from(line).unwrap_or(u32::MAX).max(1),
            column: 1,
        })
    };
    // The csv crate's own line count skips blank lines and miscounts CRLF files; byte offsets
    // are exact, so lines come from them.
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |byte: u64| {
        // After a CR line end, a record's position is the LF that follows it.
        let byte = if text.as_bytes().get(byte as usize) == Some(&b'\n') {
            byte + 1
        } else {
            byte
        };
        line_starts.partition_point(|&s| s as u64 <= byte) as u64
    };
    let mut findings = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return vec![Finding::error("csv", format!("cannot read the header row: {e}"), at(1))],
    };
    if headers.len() > MAX_COLUMNS {
        return vec![
            Finding::error(
                "csv",
                format!("the header has {} columns, over the limit of {MAX_COLUMNS}", headers.len()),
                at(1),
            )
            .with_help("is this really an inventory? check the delimiter and the file"),
        ];
    }
    let columns = map_headers(coll, &headers);
    let group = only.and_then(|(column, value)| headers.iter().position(|h| norm(h) == norm(column)).map(|c| (c, value)));
    let field_names: Vec<&str> = coll.fields.keys().collect();
    for (h, mapped) in headers.iter().zip(&columns) {
        let grouping = only.is_some_and(|(column, _)| norm(column) == norm(h));
        if mapped.is_none() && !h.trim().is_empty() && !grouping {
            let help = did_you_mean(h, field_names.iter().copied()).map_or_else(
                || {
                    format!(
                        "declare it in the rubric (a field or an `aliases` entry) to use it; fields of `{name}`: {}",
                        field_names.join(", ")
                    )
                },
                |c| format!("did you mean `{c}`? (or add it to the field's `aliases`)"),
            );
            findings.push(
                Finding::warning(
                    "unknown-column",
                    format!("column `{h}` is not a field of `{name}`; it is ignored"),
                    at(1),
                )
                .with_help(help),
            );
        }
    }
    for (i, def) in coll.fields.iter().map(|(_, _, d)| d).enumerate() {
        if def.required && !columns.contains(&Some(i)) {
            findings.push(
                Finding::error(
                    "missing-column",
                    format!("`{name}` has no column for the required field `{}`", field_names[i]),
                    at(1),
                )
                .with_help("add the column (its header is the field name or one of its aliases)"),
            );
            return findings;
        }
    }
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| line_of(p.byte()));
                findings.push(Finding::error("csv", format!("invalid CSV: {e}"), at(line)));
                break;
            }
        };
        let line = record.position().map_or(1, |p| line_of(p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some((c, value)) = group
            && record.get(c).map(str::trim) != Some(value)
        {
            continue;
        }
        if record.len() > headers.len() {
            findings.push(
                Finding::error(
                    "csv",
                    format!("this row has {} cells but the header has {}", record.len(), headers.len()),
                    at(line),
                )
                .with_help("a cell probably contains an unquoted comma; quote it"),
            );
            continue;
        }
        let pos = Pos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: 1,
        };
        let starts = text.lines().nth(line as usize - 1).map(cell_starts).unwrap_or_default();
        let mut entries = Vec::new();
        for (n, (cell, column)) in record.iter().zip(&columns).enumerate() {
            let Some(field) = column else { continue };
            // Point at the cell itself when it starts on the record's first line.
            let pos = Pos {
                column: starts.get(n).copied().unwrap_or(1),
                ..pos
            };
            let cell = cell.trim();
            let (fname, _, def) = coll.fields.iter().nth(*field).unwrap_or(("", pos, &coll.fields.0[0].1));
            let is_null = cell.is_empty() || coll.null_values.iter().any(|n| n == cell);
            let value = if is_null {
                Value::Null
            } else if def.kind.value == FieldType::List {
                Value::Seq(
                    cell.split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| Node {
                            value: Value::Str(s.to_string()),
                            pos,
                        })
                        .collect(),
                )
            } else {
                Value::Str(cell.to_string())
            };
            entries.push((
                Key {
                    name: fname.to_string(),
                    pos,
                },
                Node { value, pos },
            ));
        }
        let mut node = Node {
            value: Value::Map(entries),
            pos,
        };
        push_record(file, name, &mut node, coll, &mut inv.collections[index], &mut findings);
    }
    findings
}

/// The 1-based character column where each cell of a CSV line starts (quotes respected).
fn cell_starts(line: &str) -> Vec<u32> {
    let mut starts = vec![1];
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(u32::try_from(i).unwrap_or(u32::MAX - 2) + 2),
            _ => {}
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_start_after_unquoted_commas() {
        assert_eq!(cell_starts(r#"a,"b,c",d"#), [1, 3, 9]);
        assert_eq!(norm("Security Level"), norm("security_level"));
    }
}
