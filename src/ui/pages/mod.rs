//! One component per route; each reads the app state through `use_app_state`.
//!
//! The first-view build (without the `full` feature) carries Explore and the message page;
//! its Compare, Charts, Present, About and Your messages are stand-ins that hand over to the full app.

#[cfg(feature = "full")]
mod about;
#[cfg(feature = "full")]
mod charts;
#[cfg(feature = "full")]
mod compare;
mod explore;
#[cfg(not(feature = "full"))]
mod full_app;
#[cfg(feature = "full")]
mod load;
mod message;
#[cfg(feature = "full")]
mod present;

#[cfg(feature = "full")]
pub use about::AboutPage;
#[cfg(feature = "full")]
pub use charts::ChartsPage;
#[cfg(feature = "full")]
pub use compare::ComparePage;
pub use explore::ExplorePage;
#[cfg(not(feature = "full"))]
pub use full_app::{AboutPage, ChartsPage, ComparePage, LoadPage, PresentPage};
#[cfg(feature = "full")]
pub use load::LoadPage;
pub use message::MessagePage;
#[cfg(feature = "full")]
pub use present::PresentPage;
