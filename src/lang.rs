//! The languages dgmat writes for people: a type from the command line inward, so that no
//! layer compares language codes as strings. Bottom layer: imports nothing of dgmat.

/// A language of reports, rubric texts and messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Vietnamese (tiếng Việt).
    Vi,
}

impl Lang {
    /// The language code, as rubric texts are keyed (`en`, `vi`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }
}
