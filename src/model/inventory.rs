//! An agency's inventory of systems and datasets, typed by the rubric's field declarations.

use crate::location::Location;
use crate::model::rubric::Rubric;
use crate::rules::Val;

/// One inventory record.
#[derive(Debug)]
pub struct Record {
    /// Its key value.
    pub key: String,
    /// Where the record starts (its file is the inventory it came from).
    pub location: Location,
    /// Field values in the collection's declaration order, as the CEL interpreter holds
    /// them (built once, lent to every evaluation); `null` where absent.
    pub values: Vec<Val>,
}

/// An agency's inventory: one record list per collection the rubric declares, in its order.
#[derive(Debug, Default)]
pub struct Inventory {
    /// The agency id the inventory names, with where it says so.
    pub agency: Option<(String, Location)>,
    /// Records per rubric collection (same order as `rubric.inventory`).
    pub collections: Vec<Vec<Record>>,
}

impl Inventory {
    /// An inventory with no records, shaped for `rubric`.
    pub fn empty(rubric: &Rubric) -> Self {
        Inventory {
            agency: None,
            collections: rubric.inventory.0.iter().map(|_| Vec::new()).collect(),
        }
    }
}
