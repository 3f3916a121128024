//! Spreadsheet inventories: workbooks built here cell by cell (so that every cell type and
//! every dirty case is deliberate), then read through the CLI like a user's `inventory.xlsx`.

use std::io::Write as _;
use std::path::Path;
use std::time::Duration;

use super::{MINI, dgmat, stderr, stdout};
use serde_json::Value;

/// A cell of a test workbook.
#[derive(Clone, Copy)]
pub(crate) enum C<'a> {
    /// Text (an inline string).
    S(&'a str),
    /// A plain number.
    N(f64),
    /// A number formatted as a date (Excel's built-in format 14): a date serial.
    D(f64),
    /// A boolean.
    B(bool),
    /// An error value such as `#N/A`.
    E(&'a str),
    /// A formula and the text value saved with it, if any.
    F(&'a str, Option<&'a str>),
    /// Nothing.
    Blank,
}

fn column(mut n: usize) -> String {
    let mut s = Vec::new();
    n += 1;
    while n > 0 {
        s.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn sheet_xml(rows: &[Vec<C>]) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        x += &format!(r#"<row r="{}">"#, r + 1);
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column(c), r + 1);
            x += &match cell {
                C::S(s) => format!(
                    r#"<c r="{at}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                    escape(s)
                ),
                C::N(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
                C::D(n) => format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#),
                C::B(b) => format!(r#"<c r="{at}" t="b"><v>{}</v></c>"#, u8::from(*b)),
                C::E(e) => format!(r#"<c r="{at}" t="e"><v>{}</v></c>"#, escape(e)),
                C::F(f, Some(v)) => format!(r#"<c r="{at}" t="str"><f>{}</f><v>{}</v></c>"#, escape(f), escape(v)),
                C::F(f, None) => format!(r#"<c r="{at}"><f>{}</f></c>"#, escape(f)),
                C::Blank => String::new(),
            };
        }
        x += "</row>";
    }
    x + "</sheetData></worksheet>"
}

/// An .xlsx file with these sheets.
pub(crate) fn workbook(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, body: &str| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    let overrides: String = (1..=sheets.len())
        .map(|i| format!(r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#))
        .collect();
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{overrides}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let sheet_list: String = sheets
        .iter()
        .enumerate()
        .map(|(i, (name, _))| format!(r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#, escape(name), i + 1, i + 1))
        .collect();
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheet_list}</sheets></workbook>"#
        ),
    );
    let rels: String = (1..=sheets.len())
        .map(|i| format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>"#))
        .collect();
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
        ),
    );
    put(
        "xl/styles.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
    );
    for (i, (_, rows)) in sheets.iter().enumerate() {
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), &sheet_xml(rows));
    }
    zip.finish().unwrap().into_inner()
}

/// The `good` CSV fixture as a workbook: the same records, with spreadsheet-typed cells.
fn good_sheets<'a>() -> Vec<(&'a str, Vec<Vec<C<'a>>>)> {
    use C::*;
    vec![
        (
            "systems",
            vec![
                vec![
                    S("ID"),
                    S("Status"),
                    S("Security Level"),
                    S("Dossier approved"),
                    S("GO_LIVE_ON"),
                    S("shares"),
                    S("datasets"),
                ],
                // 2024-01-01 as a date-formatted cell, 2024-02-01 as a bare serial in a date column.
                vec![S("s1"), S("production"), N(3.0), D(45_292.0), N(45_323.0), B(true), S("d1")],
                vec![S("s2"), S("production"), N(2.0), S("2024-03-01"), D(45_323.0), S("Y")],
                vec![],
                vec![S("s3"), S("planning"), S("N/A"), Blank, Blank, B(false), S("d1; d2")],
            ],
        ),
        (
            "datasets",
            vec![vec![S("id"), S("open")], vec![S("d1"), B(true)], vec![S("d2"), N(0.0)]],
        ),
        ("Notes", vec![vec![S("free text the rubric does not know")]]),
    ]
}

fn submission(dir: &Path, book: &[u8]) {
    std::fs::write(dir.join("inventory.xlsx"), book).unwrap();
    std::fs::copy("tests/fixtures/csv/good/questionnaire.yaml", dir.join("questionnaire.yaml")).unwrap();
}

fn assess_json(dir: &Path) -> Value {
    let out = dgmat().args(["assess", "--rubric", MINI, "-f", "json"]).arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn an_xlsx_inventory_scores_like_the_same_csv_inventory() {
    let dir = tempfile::tempdir().unwrap();
    submission(dir.path(), &workbook(&good_sheets()));
    let xlsx = assess_json(dir.path());
    let out = dgmat()
        .args(["assess", "--rubric", MINI, "-f", "json", "tests/fixtures/csv/good"])
        .output()
        .unwrap();
    let csv: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(xlsx["overall"], csv["overall"]);
    let strip = |mut dims: Value| {
        for d in dims.as_array_mut().unwrap() {
            for c in d["criteria"].as_array_mut().unwrap() {
                c.as_object_mut().unwrap().remove("records");
            }
        }
        dims
    };
    assert_eq!(strip(xlsx["dimensions"].clone()), strip(csv["dimensions"].clone()));
    // The failing record is located by sheet and row (its file names the sheet).
    let record = &xlsx["gaps"][0]["records"][0];
    assert_eq!((&record["key"], &record["line"]), (&Value::from("s2"), &Value::from(3)));
    assert!(record["file"].as_str().unwrap().ends_with("/inventory.xlsx!systems"), "{record}");
    let findings = xlsx["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["id"], "unknown-collection");
    assert!(findings[0]["message"].as_str().unwrap().contains("sheet `Notes`"));
    assert!(xlsx["inputs"][1]["path"].as_str().unwrap().ends_with("/inventory.xlsx"));
    assert_eq!(xlsx["inputs"][1]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn sheet_records_are_shown_by_sheet_and_row_in_every_report() {
    let dir = tempfile::tempdir().unwrap();
    submission(dir.path(), &workbook(&good_sheets()));
    for format in ["table", "markdown", "html"] {
        let out = dgmat()
            .args(["assess", "--rubric", MINI, "-f", format])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("/inventory.xlsx!systems row 3"), "{format}: {text}");
        assert!(!text.contains("inventory.xlsx!systems:"), "{format}: no file:line for a sheet row");
    }
    // A yes that the sheet contradicts names the record by sheet and row as well.
    let mut sheets = good_sheets();
    sheets[0].1[1][2] = C::Blank;
    submission(dir.path(), &workbook(&sheets));
    let report = assess_json(dir.path());
    let contradiction = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "contradicted")
        .unwrap_or_else(|| panic!("{report:#}"));
    let related = &contradiction["related"][0];
    assert_eq!(related["label"], "systems s1", "{contradiction:#}");
    assert!(
        related["file"].as_str().unwrap().ends_with("/inventory.xlsx!systems"),
        "{contradiction:#}"
    );
    assert_eq!(related["line"], 2, "{contradiction:#}");
}

#[test]
fn bad_cells_are_located_as_sheet_references() {
    use C::*;
    let dir = tempfile::tempdir().unwrap();
    let book = workbook(&[(
        "systems",
        vec![
            vec![S("id"), S("status"), S("security_level"), S("approved_on")],
            vec![S("s1"), S("prod"), N(3.0), D(45_292.0)],
            vec![S("s2"), S("planning"), E("#N/A"), N(-5.0)],
            vec![S("s3"), S("planning"), N(2.5)],
        ],
    )]);
    std::fs::write(dir.path().join("inventory.xlsx"), book).unwrap();
    let out = dgmat()
        .args(["check", "--rubric", MINI, "-f", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, u64, u64)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (file, f["line"].as_u64().unwrap(), f["column"].as_u64().unwrap())
        })
        .collect();
    let at = |line, col| ("inventory.xlsx!systems".to_string(), line, col);
    assert_eq!(got, [at(2, 2), at(3, 3), at(3, 4), at(4, 3)], "{:#}", r["findings"]);
    let text = dgmat().args(["check", "--rubric", MINI]).arg(dir.path()).output().unwrap();
    let text = stderr(&text) + &stdout(&text);
    for needle in [
        "inventory.xlsx!systems!B2",
        "`prod` is not one of planning, production, retired",
        "inventory.xlsx!systems!C3",
        "spreadsheet error #N/A",
        "inventory.xlsx!systems!D3",
        "-5 is not a date",
        "inventory.xlsx!systems!C4",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    // 1 GiB of sheet XML in a 1 MB file.
    let out = dgmat()
        .args(["assess", "tests/fixtures/hostile/zip-bomb.xlsx"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("error[too-large]"), "{err}");
    assert!(err.contains("would decompress to 1024 MB"), "{err}");
    assert!(err.contains("--max-unzipped-mb"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn caps_are_flags_and_a_row_cap_names_the_row() {
    use C::*;
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<Vec<C>> = std::iter::once(vec![S("id"), S("status")])
        .chain((0..5).map(|_| vec![S("x"), S("planning")]))
        .collect();
    std::fs::write(dir.path().join("systems.xlsx"), workbook(&[("Sheet1", rows)])).unwrap();
    let out = dgmat()
        .args(["assess", "--rubric", MINI, "--max-rows", "3"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("systems.xlsx!Sheet1 has more than 3 rows"), "{err}");
    assert!(err.contains("systems.xlsx!Sheet1!A5"), "{err}");
    // The same cap from the environment, and a tiny decompressed-size cap.
    let out = dgmat()
        .args(["assess", "--rubric", MINI])
        .env("DGMAT_MAX_ROWS", "3")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(stderr(&out).contains("too-many-rows"), "{}", stderr(&out));
    let out = dgmat()
        .args(["assess", "--rubric", MINI, "--max-unzipped-mb", "0"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(stderr(&out).contains("over the 0 MB limit"), "{}", stderr(&out));
    // Within the caps, the workbook named after a collection fills it from its first sheet:
    // five records, all with the same id.
    let out = dgmat()
        .args(["check", "--rubric", MINI, "-f", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dups = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "duplicate-record")
        .count();
    assert_eq!(dups, 4, "{:#}", r["findings"]);
}

#[test]
fn a_file_that_is_not_a_workbook_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("inventory.xlsx"), "id,status\ns1,planning\n").unwrap();
    let out = dgmat().args(["assess", "--rubric", MINI]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("inventory.xlsx: it is not a zip archive"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    std::fs::write(dir.path().join("inventory.xlsx"), b"PK\x03\x04garbage").unwrap();
    let out = dgmat().args(["assess", "--rubric", MINI]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn a_consolidated_workbook_is_split_by_agency() {
    use C::*;
    let dir = tempfile::tempdir().unwrap();
    let book = workbook(&[(
        "systems",
        vec![
            vec![S("Org"), S("id"), S("status"), S("security_level")],
            vec![S("alpha"), S("a1"), S("production"), N(3.0)],
            vec![S("beta"), S("b1"), S("production")],
            vec![S("alpha"), S("a2"), S("planning")],
            vec![Blank, S("x1"), S("planning")],
        ],
    )]);
    let file = dir.path().join("all.xlsx");
    std::fs::write(&file, book).unwrap();
    let out_dir = dir.path().join("out");
    let o = dgmat()
        .args(["batch", "--rubric", MINI, "--group-by", "org", "--inventory"])
        .arg(&file)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(stderr(&o).contains("1 row(s) leave `org` blank"), "{}", stderr(&o));
    let csv = std::fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].starts_with("all.xlsx#org=alpha,alpha,,,incomplete,"), "{csv}");
    let beta: Value = serde_json::from_str(&std::fs::read_to_string(out_dir.join("agencies/beta.json")).unwrap()).unwrap();
    let sec = &beta["dimensions"][0]["criteria"];
    assert_eq!((sec[1]["selected"].as_u64(), sec[1]["passing"].as_u64()), (Some(1), Some(0)));
    assert!(
        sec[1]["records"][0]["file"].as_str().unwrap().ends_with("/all.xlsx!systems"),
        "{beta:#}"
    );
    assert_eq!(sec[1]["records"][0]["line"], 3);
}

/// An .ods file with these sheets (OpenDocument: typed cells carry their value as attributes).
fn ods(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
    )
    .unwrap();
    let mut body = String::new();
    for (name, rows) in sheets {
        body += &format!(r#"<table:table table:name="{}">"#, escape(name));
        for row in rows {
            body += "<table:table-row>";
            for cell in row {
                body += &match cell {
                    C::S(s) => format!(r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#, escape(s)),
                    C::N(n) => format!(r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#),
                    C::D(_) => r#"<table:table-cell office:value-type="date" office:date-value="2024-01-01"><text:p>2024-01-01</text:p></table:table-cell>"#.to_string(),
                    C::B(b) => format!(r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#),
                    C::E(e) => format!(r#"<table:table-cell><text:p>{}</text:p></table:table-cell>"#, escape(e)),
                    C::F(f, v) => format!(
                        r#"<table:table-cell table:formula="of:={}" office:value-type="string" office:string-value="{}"><text:p>{}</text:p></table:table-cell>"#,
                        escape(f),
                        escape(v.unwrap_or_default()),
                        escape(v.unwrap_or_default())
                    ),
                    C::Blank => "<table:table-cell/>".to_string(),
                };
            }
            body += "</table:table-row>";
        }
        body += "</table:table>";
    }
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
        )
        .as_bytes(),
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn an_ods_inventory_reads_like_the_xlsx_one() {
    use C::*;
    let sheets = vec![(
        "systems",
        vec![
            vec![
                S("id"),
                S("status"),
                S("security_level"),
                S("approved_on"),
                S("go_live_on"),
                S("shares"),
            ],
            vec![S("s1"), S("production"), N(3.0), D(45_292.0), S("2024-02-01"), B(true)],
            vec![S("s2"), S("production"), N(2.0), S("2024-03-01"), S("2024-02-01"), B(false)],
            vec![S("s3"), S("retired"), S("high")],
        ],
    )];
    let run = |name: &str, bytes: Vec<u8>| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let out = dgmat()
            .args(["check", "--rubric", MINI, "-f", "json"])
            .arg(dir.path())
            .output()
            .unwrap();
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let file = f["file"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
                (f["id"].as_str().unwrap().to_string(), file, f["line"].clone(), f["column"].clone())
            })
            .collect::<Vec<_>>()
    };
    let from_ods = run("inventory.ods", ods(&sheets));
    assert_eq!(
        from_ods,
        [(
            "invalid-value".to_string(),
            "inventory.ods!systems".to_string(),
            Value::from(4),
            Value::from(3)
        )],
        "the text `high` in an integer column, located by cell"
    );
    let from_xlsx = run("inventory.xlsx", workbook(&sheets));
    assert_eq!(from_xlsx.len(), 1);
    assert_eq!((&from_xlsx[0].2, &from_xlsx[0].3), (&from_ods[0].2, &from_ods[0].3));
}

#[test]
fn an_old_binary_workbook_named_directly_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let xls = dir.path().join("inventory.xls");
    std::fs::write(&xls, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 binary").unwrap();
    let out = dgmat().args(["assess", "--rubric", MINI]).arg(&xls).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("error[unsupported-input]") && err.contains("save it as .xlsx"),
        "{err}"
    );
}
