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

/// Text for HTML element content or a quoted attribute.
pub fn html(s: &str) -> String {
    handlebars::html_escape(s)
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
}
