//! The engine of the explorer, free of any browser dependency: it compiles and is tested
//! on the host with plain `cargo test` (see ARCHITECTURE.md).
#![warn(missing_docs)]

pub mod corpus;
pub mod query;
pub mod search;
pub mod state;
pub mod url;
pub mod validate;
