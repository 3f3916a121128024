//! Escaping for every format dgmat writes text from inputs into: Markdown, HTML, CSV cells
//! that a spreadsheet opens, and GitHub workflow commands. One function per context, so every
//! renderer escapes a value the same way.

/// Text that Markdown shows as written: the characters that start emphasis, code, links,
/// headings, tables or HTML are escaped, and line breaks become spaces so a table cell stays
/// one cell.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a Markdown code span (`` `...` ``): a backtick would end the span and a pipe
/// would end a table cell; line breaks become spaces.
pub fn markdown_code(s: &str) -> String {
    s.replace('`', "'").replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Text for a terminal: every control character but the line feed (escape sequences that
/// recolour, retitle or clear the terminal, a carriage return that overwrites a line, a NUL,
/// C1 controls) and the bidirectional overrides that reorder what is shown are written as
/// visible `\u{1b}` escapes, so an agency name or folder name prints as what it is. Applied to
/// the whole text of every terminal output (table, gap list, findings with their `help:` lines,
/// batch stderr, `diff`): dgmat's own terminal text holds no control characters.
pub fn terminal(s: &str) -> String {
    let unsafe_char = |c: char| (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(unsafe_char) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` with each `` `code` `` span marked as code: `plain` escapes the text around the
/// spans, `code` escapes and wraps each span's content. A backtick without its pair is left to
/// `plain`, which shows it as written.
pub fn code_spans(text: &str, plain: fn(&str) -> String, code: fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('`') {
        let Some((inside, tail)) = after.split_once('`') else {
            break;
        };
        out.push_str(&plain(before));
        out.push_str(&code(inside));
        rest = tail;
    }
    out.push_str(&plain(rest));
    out
}

/// A code span of HTML: `<code>` around the escaped text.
pub fn html_code(s: &str) -> String {
    format!("<code>{}</code>", html(s))
}

/// A code span of Markdown: backticks around the text, made safe inside them.
pub fn markdown_code_span(s: &str) -> String {
    format!("`{}`", markdown_code(s))
}

/// Text for HTML element content or a quoted attribute.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    html_into(&mut out, s);
    out
}

/// [`html`], appended to `out`: `& < > " ' \` =` become character references, as Handlebars
/// escapes them, so hand-written pages and template pages escape alike.
pub fn html_into(out: &mut String, s: &str) {
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let reference = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            b'`' => "&#x60;",
            b'=' => "&#x3D;",
            _ => continue,
        };
        out.push_str(&s[done..i]);
        out.push_str(reference);
        done = i + 1;
    }
    out.push_str(&s[done..]);
}

/// A CSV cell that a spreadsheet will not run as a formula: a leading `= + - @`, tab or
/// carriage return gets a `'` before it.
pub fn csv_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A GitHub workflow command's message, as the Actions runner unescapes it.
pub fn workflow_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A GitHub workflow command's property value.
pub fn workflow_property(s: &str) -> String {
    workflow_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn terminal_text_shows_control_characters_instead_of_obeying_them() {
        assert_eq!(
            terminal("Sở \u{1b}]0;x\u{7}\r\0\u{9b}1m\u{202e}ok\n"),
            "Sở \\u{1b}]0;x\\u{7}\\u{d}\\u{0}\\u{9b}1m\\u{202e}ok\n"
        );
        assert_eq!(terminal("plain\ntext ✓"), "plain\ntext ✓");
    }

    use super::*;

    /// An escaper, an input that would break its format, and what the escaper must give.
    type Case = (fn(&str) -> String, &'static str, &'static str);

    #[test]
    fn syntax_in_inputs_is_inert() {
        let cases: [Case; 9] = [
            (markdown, "a|b *c* _d_", "a\\|b \\*c\\* \\_d\\_"),
            (markdown, "<script>", "&lt;script&gt;"),
            (markdown, "[x](y) # `z`", "\\[x\\](y) \\# \\`z\\`"),
            (markdown, "one\r\ntwo", "one two"),
            (markdown_code, "a`b|c\nd", "a'b\\|c d"),
            (csv_cell, "=1+1", "'=1+1"),
            (csv_cell, "@SUM(A1)", "'@SUM(A1)"),
            (csv_cell, "UBND tỉnh", "UBND tỉnh"),
            (workflow_data, "50%\n::error::x", "50%25%0A::error::x"),
        ];
        for (escape, input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
        assert_eq!(workflow_property("a:b,c"), "a%3Ab%2Cc");
    }

    proptest::proptest! {
        /// Pages written by hand and pages rendered by Handlebars escape text alike.
        #[test]
        fn html_escapes_as_handlebars_does(s in "[a-z<>&\"'`= \u{e0}-\u{1ef9}]{0,40}") {
            proptest::prop_assert_eq!(html(&s), handlebars::html_escape(&s));
        }
    }

    #[test]
    fn code_spans_become_code_and_stay_inert() {
        let msg = "unknown field `<b>x|y</b>` in `a`, and a lone ` tick";
        assert_eq!(
            code_spans(msg, html, html_code),
            "unknown field <code>&lt;b&gt;x|y&lt;/b&gt;</code> in <code>a</code>, and a lone &#x60; tick"
        );
        assert_eq!(
            code_spans(msg, markdown, markdown_code_span),
            "unknown field `<b>x\\|y</b>` in `a`, and a lone \\` tick"
        );
        assert_eq!(code_spans("no code", html, html_code), "no code");
    }
}
