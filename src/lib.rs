//! Messages Explorer: explore, compare and chart the IGF Messages.
//!
//! [`core`] is the engine, a crate of its own with no browser dependency
//! (`messages-explorer-core`, tested natively); [`ui`] is a thin layer of Yew components
//! over it. See ARCHITECTURE.md.

pub use messages_explorer_core as core;
pub mod ui;
