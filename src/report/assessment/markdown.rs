//! The Markdown report (GitHub-flavoured, fit for a pull- or merge-request comment): summary
//! table, action plan, every dimension's criteria, evidence, findings, inputs.
//!
//! Rendered by `templates/report.md.hbs` with an escape function for Markdown instead of HTML,
//! so every `{{value}}` from an input is inert text, even inside a table cell.

use std::sync::OnceLock;

use handlebars::Handlebars;

use crate::report::{ReportInput, escape};

fn registry() -> &'static Handlebars<'static> {
    static REGISTRY: OnceLock<Handlebars<'static>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(crate::report::escape::markdown);
        // Inside an HTML block (`<summary>`), Markdown is not parsed: HTML escaping is right.
        hb.register_helper("html", crate::report::text_helper(crate::report::escape::html));
        // Messages mark code with backticks: a code span, its content made safe.
        hb.register_helper(
            "code",
            crate::report::text_helper(|s| escape::code_spans(s, escape::markdown, escape::markdown_code_span)),
        );
        hb.register_template_string("report", include_str!("../templates/report.md.hbs"))
            .unwrap_or_else(|e| panic!("templates/report.md.hbs: {e}"));
        hb
    })
}

/// Renders the Markdown report.
pub fn render(input: &ReportInput<'_>) -> Result<String, handlebars::RenderError> {
    let view = super::view::build(input);
    let text = registry().render("report", &view)?;
    // Templates are written for readability; collapse the blank lines their blocks leave.
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out.trim_start().to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_blocks_get_html_escaping() {
        let value = serde_json::json!({"x": "a|*b* <i>"});
        let text = super::registry().render_template("<summary>{{html x}}</summary> {{x}}", &value);
        assert_eq!(text.unwrap(), "<summary>a|*b* &lt;i&gt;</summary> a\\|\\*b\\* &lt;i&gt;");
    }
}
