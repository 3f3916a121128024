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
    /// A record with a value that failed typing (in a collection that does not tolerate
    /// invalid records): reported, kept for the integrity checks, left out of every rule and
    /// check.
    pub rejected: bool,
}

/// An agency's inventory: one record list per collection the rubric declares, in its order.
#[derive(Debug, Default)]
pub struct Inventory {
    /// The agency id the inventory names, with where it says so.
    pub agency: Option<(String, Location)>,
    /// Records per rubric collection (same order as `rubric.inventory`).
    pub collections: Vec<Vec<Record>>,
    /// Whether the submission holds an inventory at all (a file, a table or a workbook):
    /// without one, inventory checks have nothing to count and are not judged.
    pub submitted: bool,
}

impl Inventory {
    /// An inventory with no records, shaped for `rubric`.
    pub fn empty(rubric: &Rubric) -> Self {
        Inventory {
            agency: None,
            submitted: false,
            collections: rubric.inventory.0.iter().map(|_| Vec::new()).collect(),
        }
    }

    /// Leaves the rejected records out, once the integrity checks have seen them.
    pub fn drop_rejected(&mut self) {
        for records in &mut self.collections {
            records.retain(|r| !r.rejected);
        }
    }
}
