//! What a batch publishes: the league table page (`index.html`) and the summaries. Renders
//! rows and indicators computed in [`crate::assess::portfolio`]; imports nothing of `batch`.

pub mod index;
pub mod summary;
pub mod verified;
