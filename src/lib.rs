//! Messages Explorer: explore, compare and chart the IGF Messages.
//!
//! [`core`] is plain Rust (data model, validation, search, query, URL state) tested
//! natively; [`ui`] is a thin layer of Yew components over it. See ARCHITECTURE.md.

pub mod core;
pub mod ui;
