//! The reports people read: `assess --format markdown|html` and `dgmat report`, their escaping,
//! languages and outline, the batch index page, and the HTML as a browser renders it.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::{MINI, dgmat, stderr, stdout};

const MINISTRY: &str = "examples/ministry";
const HOSTILE: &str = "tests/fixtures/hostile/report";

fn run(args: &[&str]) -> String {
    let out = dgmat().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// Text between tags, with the tags removed.
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The outline of an HTML page: its language, headings, section ids and how many of each chart
/// element it draws. Small enough to snapshot, and it changes when the page's structure does.
fn outline(html: &str) -> String {
    let mut lines = Vec::new();
    let lang = html.split("<html lang=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("?");
    lines.push(format!("lang: {lang}"));
    for line in html.lines() {
        for tag in ["<section id=\"", "<h1", "<h2", "<h3"] {
            if let Some(start) = line.find(tag) {
                let rest = &line[start..];
                if tag.starts_with("<section") {
                    let id = rest[tag.len()..].split('"').next().unwrap();
                    lines.push(format!("section #{id}"));
                } else {
                    let close = format!("</{}>", &tag[1..]);
                    let inner = rest.split(&close).next().unwrap();
                    lines.push(format!("  {}: {}", &tag[1..], strip_tags(inner).trim()));
                }
            }
        }
    }
    for needle in [
        "<svg",
        "class=\"ring\"",
        "class=\"radar-axis\"",
        "class=\"dot\"",
        "<polygon class=\"levels\"",
        "<polygon class=\"target\"",
        "id=\"heatmap\"",
        "class=\"chip st-",
        "class=\"gap\"",
        "<script",
        "http://",
        "https://",
    ] {
        lines.push(format!("count {needle}: {}", html.matches(needle).count()));
    }
    lines.join("\n")
}

#[test]
fn markdown_report_of_the_ministry() {
    let md = run(&["assess", MINISTRY, "--format", "markdown"]);
    insta::assert_snapshot!(md);
}

/// A points rubric's example (eu-odm) and a rated rubric's (uk-dma).
const POINTS: &str = "examples/eu-odm-country";
const RATED: &str = "examples/uk-dma-agency";

#[test]
fn markdown_report_of_a_points_rubric() {
    let md = run(&["assess", POINTS, "--format", "markdown"]);
    insta::assert_snapshot!(md);
}

#[test]
fn markdown_report_of_a_rated_rubric() {
    let md = run(&["assess", RATED, "--format", "markdown"]);
    insta::assert_snapshot!(md);
}

#[test]
fn no_criterion_shows_level_0_whatever_the_method() {
    for dir in [MINISTRY, RATED, POINTS] {
        for lang in ["en", "vi"] {
            for format in ["markdown", "html"] {
                let text = run(&["assess", dir, "--format", format, "--lang", lang]);
                for zero in ["Level 0", "Mức 0"] {
                    assert!(!text.contains(zero), "{dir} {lang} {format}: {zero}");
                }
                // The second cell of a criteria (or summary) row is never a bare 0.
                for line in text.lines().filter(|l| l.starts_with("| **")) {
                    assert_ne!(line.split(" | ").nth(1), Some("0"), "{dir} {lang} {format}: {line}");
                }
                for row in text.split("<tr><td><strong>").skip(1) {
                    assert!(
                        !row.contains("<td class=\"num\">0</td><td><span class=\"badge"),
                        "{dir} {lang}: {row}"
                    );
                }
            }
        }
    }
}

#[test]
fn points_reports_show_points_earned_of_possible() {
    let report: serde_json::Value = serde_json::from_str(&run(&["assess", POINTS, "--format", "json"])).unwrap();
    let html = run(&["report", POINTS]);
    let md = run(&["assess", POINTS, "--format", "markdown"]);
    let of = |x: &serde_json::Value| format!("{} / {}", x["points"].as_f64().unwrap(), x["max_points"].as_f64().unwrap());
    let overall = of(&report["overall"]);
    assert_eq!(overall, "262.5 / 380", "the example's total");
    assert!(html.contains(&format!("<div class=\"v\">{overall} pts</div>")), "overall card");
    assert!(html.contains("Share 69.0%"), "overall share");
    assert!(html.contains(&format!("<td class=\"num\">{overall} (69.0%)</td>")), "summary total");
    assert!(md.contains(&format!("Points: {overall} pts (Share 69.0%)")), "{md}");
    for d in report["dimensions"].as_array().unwrap() {
        assert!(html.contains(&format!(" · {} pts)</h3>", of(d))), "{}", d["id"]);
    }
    for g in report["gaps"].as_array().unwrap() {
        let badge = format!("<span class=\"badge\">{} pts</span>", of(g));
        let gap = html
            .split(&format!("id=\"gap-{}\"", g["criterion"].as_str().unwrap()))
            .nth(1)
            .unwrap();
        assert!(gap.split("</div>").next().unwrap().contains(&badge), "{badge}");
    }
    // Without criterion levels, a chart of the points share replaces the heatmap.
    assert!(!html.contains("id=\"heatmap\""));
    let chart = html.split("id=\"points-chart\"").nth(1).unwrap().split("</table>").next().unwrap();
    let dims = report["dimensions"].as_array().unwrap().len();
    assert_eq!(
        chart.matches("class=\"pbar\"").count(),
        dims + 1,
        "a bar per dimension and the total"
    );
    assert_eq!(html.matches("class=\"radar-axis\"").count(), dims);
}

#[test]
fn rated_reports_show_answered_levels_and_coverage() {
    let report: serde_json::Value = serde_json::from_str(&run(&["assess", RATED, "--format", "json"])).unwrap();
    let html = run(&["report", RATED]);
    for d in report["dimensions"].as_array().unwrap() {
        for c in d["criteria"].as_array().unwrap() {
            let id = c["id"].as_str().unwrap();
            let row = html
                .split(&format!("<tr id=\"crit-{id}\"><td><strong>{id}</strong>"))
                .nth(1)
                .unwrap();
            let cell = row.split("<td class=\"num\">").nth(1).unwrap().split("</td>").next().unwrap();
            assert!(cell.starts_with(&c["answered_level"].to_string()), "{id}: {cell}");
        }
    }
    // MAN-1 claims level 3 without evidence: it counts as level 1.
    assert!(html.contains("<span class=\"badge\">answered 3 · counts as 1</span>"));
    let cov = report["overall"]["coverage"]["3"].as_f64().unwrap();
    assert!(
        html.contains(&format!("<div class=\"v\">{:.1}%</div>", cov * 100.0)),
        "coverage card"
    );
    // The heatmap places criteria by the level counted for them, every level 1 to 5.
    let heat = html.split("id=\"heatmap\"").nth(1).unwrap().split("</table>").next().unwrap();
    let head = heat.split("</thead>").next().unwrap();
    assert_eq!(head.matches("<th class=").count(), 5, "{head}");
    assert!(head.contains("Level 5"), "{head}");
    let man = heat.split("MAN · 1").nth(1).unwrap().split("</tr>").next().unwrap();
    assert!(
        man.split("</td>").next().unwrap().contains(">MAN-1<"),
        "MAN-1 counts at level 1: {man}"
    );
}

#[test]
fn report_defaults_to_html_and_its_outline_is_pinned() {
    let html = run(&["report", MINISTRY]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{}", &html[..80]);
    assert_eq!(
        html,
        run(&["assess", MINISTRY, "--format", "html"]),
        "report is assess with --format html"
    );
    assert_eq!(html, run(&["report", MINISTRY]), "same inputs, same bytes");
    insta::assert_snapshot!(outline(&html));
}

#[test]
fn html_shows_levels_gaps_records_and_hashes_from_the_assessment() {
    let report: serde_json::Value = serde_json::from_str(&run(&["assess", MINISTRY, "--format", "json"])).unwrap();
    let html = run(&["report", MINISTRY]);
    let dims = report["dimensions"].as_array().unwrap();
    assert_eq!(html.matches("class=\"radar-axis\"").count(), dims.len());
    for d in dims {
        assert!(html.contains(&format!("id=\"dim-{}\"", d["id"].as_str().unwrap())));
    }
    let gaps = report["gaps"].as_array().unwrap();
    assert_eq!(html.matches("class=\"gap\"").count(), gaps.len());
    for g in gaps {
        for r in g["records"].as_array().into_iter().flatten() {
            let place = format!("{}:{}", r["file"].as_str().unwrap(), r["line"]);
            assert!(html.contains(&place), "{place} missing");
        }
    }
    for input in report["inputs"].as_array().unwrap() {
        assert!(html.contains(input["sha256"].as_str().unwrap()));
    }
    assert!(html.contains(report["rubric"]["sha256"].as_str().unwrap()));
    let md = run(&["report", MINISTRY, "--format", "markdown"]);
    assert!(md.contains("examples/ministry/inventory.yaml:35"), "{md}");
    assert!(md.contains(report["rubric"]["sha256"].as_str().unwrap()));
}

#[test]
fn input_text_is_escaped_in_html_and_markdown() {
    let html = run(&["report", HOSTILE, "--rubric", MINI]);
    assert!(!html.contains("<script"), "raw script tag in HTML");
    assert!(!html.contains("<img"), "raw img tag in HTML");
    assert!(!html.contains("<b>"), "raw b tag in HTML");
    assert!(!html.contains("href=\"javascript"), "a javascript: URL became a link");
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt; | *Bold*"),
        "agency name"
    );
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt; | *starred* note"),
        "note"
    );
    assert!(
        html.contains("&lt;script&gt;alert(&#x27;rec&#x27;)&lt;/script&gt;|*rec*"),
        "record id"
    );
    assert!(html.contains("<title>Data-governance maturity report: &lt;script&gt;"), "title");

    let md = run(&["report", HOSTILE, "--rubric", MINI, "--format", "markdown"]);
    assert!(!md.contains("<script") && !md.contains("<img") && !md.contains("<b>"), "{md}");
    assert!(
        md.contains("&lt;script&gt;alert('name')&lt;/script&gt; \\| \\*Bold\\* \\_Agency\\_ \\[link\\](javascript:x) \\# h"),
        "{md}"
    );
    assert!(
        md.contains("&lt;script&gt;alert('note')&lt;/script&gt; \\| \\*starred\\* note"),
        "{md}"
    );
    assert!(md.contains("&lt;script&gt;alert('rec')&lt;/script&gt;\\|\\*rec\\*"), "{md}");
    // A note's line break would end its table row.
    assert!(md.contains("line one line two \\| &lt;b&gt;bold&lt;/b&gt; |"), "{md}");
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!([3, 5, 6].contains(&cells), "a table row with a stray pipe: {line}");
    }
}

#[test]
fn vietnamese_reports() {
    let html = run(&["report", MINISTRY, "--lang", "vi"]);
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("Kế hoạch khắc phục"), "fixed texts in Vietnamese");
    assert!(html.contains("Trạng thái tiêu chí theo lĩnh vực và mức"));
    assert!(html.contains("chưa đạt"), "status names in Vietnamese");
    let md = run(&["report", MINI_SUB, "--rubric", MINI, "--lang", "vi", "--format", "markdown"]);
    assert!(md.contains("Kế hoạch khắc phục"), "{md}");
    assert!(md.contains("Lặp lại được"), "rubric texts in Vietnamese: {md}");
    assert!(md.contains("Bộ tiêu chí nhỏ"), "{md}");
}

const MINI_SUB: &str = "tests/fixtures/good/sub";

#[test]
fn output_file_is_written_and_a_bad_path_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ministry.html");
    let out = dgmat().args(["report", MINISTRY, "-o", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&file).unwrap().contains("id=\"radar\""));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left: {leftovers:?}");

    let bad = dir.path().join("missing-dir/report.md");
    let out = dgmat()
        .args(["report", MINISTRY, "--format", "markdown", "-o", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("cannot write") && err.contains("missing-dir/report.md"), "{err}");
}

#[test]
fn report_help_teaches_by_example() {
    let help = run(&["report", "--help"]);
    assert!(help.contains("dgmat report examples/ministry -o ministry.html"), "{help}");
    assert!(help.contains("--format markdown"), "{help}");
    assert!(help.contains("- markdown:") && help.contains("- html:"), "{help}");
    assert!(help.contains("Exit codes:"), "{help}");
}

#[test]
fn batch_writes_an_index_and_an_html_report_per_agency() {
    let out = tempfile::tempdir().unwrap();
    let root = super::vn_examples();
    let o = dgmat()
        .arg("batch")
        .arg(root.path())
        .args(["--out", out.path().to_str().unwrap(), "--as-of", "2026-12-01"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.path().join("summary.json")).unwrap()).unwrap();
    // The league table: best overall level first, then index.
    let mut rows: Vec<(u64, f64, String)> = summary["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["level"].as_u64().unwrap(),
                r["index"].as_f64().unwrap(),
                r["report"].as_str().unwrap().replace(".json", ".html"),
            )
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let league = index.split("id=\"league\"").nth(1).unwrap();
    let positions: Vec<usize> = rows
        .iter()
        .map(|r| league.find(&format!("<a href=\"{}\">", r.2)).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "league order {rows:?}");
    for r in &rows {
        let page = std::fs::read_to_string(out.path().join(&r.2)).unwrap();
        assert!(page.contains("id=\"radar\""), "{}", r.2);
    }
    assert_eq!(index.matches("<rect class=\"bar-l").count(), 5, "a bar per level");
    assert!(index.contains("dgp-2030") && index.contains("dgp-2027"), "targets");
    assert_eq!(
        index.matches("<script").count(),
        1,
        "the one script is the league table's optional sort and filter"
    );
}

/// Where Chromium is, if anywhere: `DGMAT_CHROMIUM`, else `chromium` or `chromium-browser` on
/// the PATH, else /usr/bin/chromium.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DGMAT_CHROMIUM") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .chain([PathBuf::from("/usr/bin/chromium")])
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `page` with `args`, returning its stdout; gives up after two minutes.
fn headless(browser: &Path, profile: &Path, args: &[String], page: &Path) -> String {
    let mut child = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn browser_renders_the_html_report() {
    let Some(browser) = chromium() else {
        println!("chromium not found; skipping browser test");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("ministry.html");
    run(&["report", MINISTRY, "-q", "-o", page.to_str().unwrap()]);
    let profile = dir.path().join("profile");
    let shot = dir.path().join("shot.png");
    headless(
        &browser,
        &profile,
        &[format!("--screenshot={}", shot.display()), "--window-size=1200,2000".into()],
        &page,
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1200, 2000));
    let pixels = &buf[..info.buffer_size()];
    let mean = pixels.iter().map(|&p| f64::from(p)).sum::<f64>() / pixels.len() as f64;
    let variance = pixels.iter().map(|&p| (f64::from(p) - mean).powi(2)).sum::<f64>() / pixels.len() as f64;
    assert!(variance > 100.0, "the screenshot looks blank (variance {variance:.1})");

    let dom = headless(&browser, &profile, &["--dump-dom".into()], &page);
    let radar = dom.split("id=\"radar\"").nth(1).and_then(|s| s.split("</svg>").next()).unwrap();
    let report: serde_json::Value = serde_json::from_str(&run(&["assess", MINISTRY, "--format", "json"])).unwrap();
    let dims = report["dimensions"].as_array().unwrap().len();
    assert_eq!(dims, 11, "vn-dgmm has 11 dimensions");
    assert_eq!(radar.matches("class=\"radar-axis\"").count(), dims, "one radar axis per dimension");
    let heatmap = dom.split("id=\"heatmap\"").nth(1).and_then(|s| s.split("</table>").next()).unwrap();
    assert_eq!(
        heatmap.matches("<tr>").count(),
        dims + 1,
        "a heatmap row per dimension, and the header"
    );

    // Printed (Chromium's print-to-PDF): A4, at most 10 pages, the summary and every first step
    // on page 1.
    let pdf_path = dir.path().join("ministry.pdf");
    let print = [
        format!("--print-to-pdf={}", pdf_path.display()),
        "--no-pdf-header-footer".into(),
        "--print-to-pdf-no-header".into(),
    ];
    headless(&browser, &profile, &print, &page);
    let pdf = std::fs::read(&pdf_path).unwrap();
    let boxes = media_boxes(&pdf);
    assert!(
        (2..=10).contains(&boxes.len()),
        "the ministry report prints on {} pages",
        boxes.len()
    );
    assert_eq!(boxes.len(), pdf_pages(&pdf), "a media box per page");
    for (w, h) in boxes {
        assert!((w - 595.3).abs() < 2.0 && (h - 841.9).abs() < 2.0, "not A4: {w} x {h} pt");
    }
    let Some(first) = pdf_page_text(&pdf_path, 1) else {
        println!("pdftotext not found; skipping the page-1 check");
        return;
    };
    let first = first.split_whitespace().collect::<Vec<_>>().join(" ");
    for text in [
        "Why this level",
        "Overall level 2 (Repeatable), held there by 10 dimensions",
        "First steps to level 3",
    ] {
        assert!(first.contains(text), "page 1 lacks {text:?}: {first}");
    }
    let steps = report["first_steps"].as_array().unwrap();
    assert_eq!(steps.len(), 27);
    for id in steps {
        assert!(first.contains(id.as_str().unwrap()), "first step {id} is not on page 1");
    }
}

/// The pages of a PDF: its `/Type /Page` objects (Chromium writes them uncompressed).
fn pdf_pages(pdf: &[u8]) -> usize {
    let key = b"/Type /Page";
    pdf.windows(key.len() + 1)
        .filter(|w| w.starts_with(key) && !w[key.len()].is_ascii_alphabetic())
        .count()
}

/// Each page's size in points, from the PDF's `/MediaBox [0 0 W H]` entries.
fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.split("/MediaBox [")
        .skip(1)
        .filter_map(|s| {
            let nums: Vec<f64> = s.split(']').next()?.split_whitespace().filter_map(|n| n.parse().ok()).collect();
            (nums.len() == 4).then(|| (nums[2] - nums[0], nums[3] - nums[1]))
        })
        .collect()
}

/// The text of page `n` of a PDF, by poppler's `pdftotext`; `None` when it is not installed.
fn pdf_page_text(pdf: &Path, n: u32) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-f", &n.to_string(), "-l", &n.to_string(), "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    assert!(out.status.success(), "pdftotext failed: {}", stderr(&out));
    Some(stdout(&out))
}

#[test]
fn batch_pages_escape_input_text_and_use_sanitised_names() {
    let out = tempfile::tempdir().unwrap();
    let o = dgmat()
        .args([
            "batch",
            "tests/fixtures/hostile",
            "--rubric",
            MINI,
            "--out",
            out.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    // The page's own script (the league table's optional sort and filter) is the only one.
    assert_eq!(index.matches("<script").count(), 1, "raw script tag in index.html");
    assert!(index.contains("<script>\n// Optional: sort the league table"), "{index}");
    assert!(
        index.contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt; | *Bold*"),
        "{index}"
    );
    assert!(index.contains("<a href=\"agencies/evil-script---x.html\">"), "{index}");
    let page = std::fs::read_to_string(out.path().join("agencies/evil-script---x.html")).unwrap();
    assert!(!page.contains("<script") && page.contains("id=\"radar\""));
}

/// On a terminal (`script` gives the run one), `report` without `-o` writes the page to
/// `<agency-id>.html` and prints the path rather than dumping HTML; into a pipe it still prints
/// the page.
#[test]
fn report_on_a_terminal_writes_the_agency_file() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("dgmat");
    let sub = format!("{}/examples/ministry", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{} report {sub}", bin.display()), "/dev/null"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = super::stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("wrote mont.html"), "{text}");
    assert!(!text.contains("<html"), "{text}");
    let page = std::fs::read_to_string(dir.path().join("mont.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    let piped = super::dgmat().args(["report", "examples/ministry"]).output().unwrap();
    assert!(super::stdout(&piped).starts_with("<!DOCTYPE html>"));
}
