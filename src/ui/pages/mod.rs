//! One component per route; each reads the app state through `use_app_state`.

mod about;
mod charts;
mod compare;
mod explore;
mod message;
mod present;

pub use about::AboutPage;
pub use charts::ChartsPage;
pub use compare::ComparePage;
pub use explore::ExplorePage;
pub use message::MessagePage;
pub use present::PresentPage;
