//! Documents made from a rubric alone: the rubric as Markdown (`rubric doc`) and the
//! questionnaire and inventory templates (`init`).

pub mod doc;
pub mod init;
pub mod workbook;
