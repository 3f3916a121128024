//! The HTML report of one assessment: a self-contained page (radar chart, heatmap, action
//! plan, evidence, findings, inputs) rendered from the view model.

use crate::report::ReportInput;

/// Renders the HTML report of one assessment.
pub fn render(input: &ReportInput<'_>) -> Result<String, handlebars::RenderError> {
    crate::report::page::render("report", &super::view::build(input))
}
