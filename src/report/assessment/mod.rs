//! Reports of one assessment: the terminal table, the JSON report, Markdown and the HTML page.
//! `view` builds the view model (`view_types`) that the Markdown template and the HTML page
//! writer render; each format computes nothing of its own.

// The page writer is laid out one piece of markup per line, as the page reads; rustfmt would
// stack the texts of each `put!` one per line and double the file.
#[rustfmt::skip]
pub mod html;
pub mod json;
pub mod markdown;
pub mod outcomes;
pub mod table;
pub mod view;
pub mod view_types;
pub mod waivers;
pub mod why;
