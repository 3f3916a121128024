//! The HTML pages' templates: one registry for the batch index, progress, reconcile and publish
//! pages, which share a style sheet with the assessment page (written by hand, in
//! `assessment::html`).
//!
//! Templates live in `templates/*.hbs`, are built into the binary and run in strict mode, so a
//! template that names a missing field fails the tests instead of printing nothing. Handlebars'
//! HTML escaping applies to every value (the `code` helper escapes what it writes); the
//! templates never use the unescaped `{{{ }}}`. Pages need no network and no JavaScript, and
//! print cleanly.

use std::sync::OnceLock;

use handlebars::Handlebars;
use serde::Serialize;

use crate::report::escape;

fn registry() -> &'static Handlebars<'static> {
    static REGISTRY: OnceLock<Handlebars<'static>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        // Messages mark code with backticks: `<code>`, the text around and inside escaped.
        hb.register_helper(
            "code",
            crate::report::text_helper(|s| escape::code_spans(s, escape::html, escape::html_code)),
        );
        // The style sheet is written into each page's template rather than called as a
        // partial: a partial call copies the page's whole data first, a tenth of a batch's
        // rendering time.
        let style = include_str!("templates/style.css.hbs");
        let templates = [
            ("index", include_str!("templates/index.html.hbs")),
            ("progress", include_str!("templates/progress.html.hbs")),
            ("reconcile", include_str!("templates/reconcile.html.hbs")),
            ("publish", include_str!("templates/publish.html.hbs")),
        ];
        for (name, text) in templates {
            hb.register_template_string(name, text.replace("{{> style}}", style))
                .unwrap_or_else(|e| panic!("templates/{name}: {e}"));
        }
        hb
    })
}

/// Renders the page template `name` (`index`, `progress`, `reconcile`, `publish`) with `view`.
pub fn render(name: &str, view: &impl Serialize) -> Result<String, handlebars::RenderError> {
    Ok(tidy(&registry().render(name, view)?))
}

/// `text` without its blank lines and trailing spaces (which template blocks leave): smaller
/// files, the same page. Every HTML page goes through it, written by template or by hand.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
