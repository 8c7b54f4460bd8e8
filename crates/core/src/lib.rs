//! The engine of the explorer, free of any browser dependency: it compiles and is tested
//! on the host with plain `cargo test` (see ARCHITECTURE.md).
#![warn(missing_docs)]

pub mod builds;
pub mod chart;
pub mod compare;
pub mod corpus;
pub mod export;
pub mod import;
pub mod load;
pub mod markdown;
pub mod merge;
pub mod query;
pub mod related;
pub mod search;
pub mod set;
pub mod site;
pub mod state;
pub mod stats;
pub mod text;
pub mod url;
pub mod validate;
pub mod wording;
