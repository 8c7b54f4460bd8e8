//! Props-only pieces (plus the header and notices, which read the context).

mod chart_figure;
mod copy_link;
mod corpus_loader;
mod facet_list;
mod full_app;
mod header;
mod highlighted;
mod message_card;
mod notices;
#[cfg(feature = "full")]
mod paste_messages;
mod selection_tools;
mod set_toggle;
mod slide_frame;

pub use chart_figure::{data_url, ChartFigure};
pub use copy_link::CopyLink;
pub use corpus_loader::CorpusLoader;
pub use facet_list::FacetList;
pub use full_app::{LoadingFullApp, RelatedOnRequest};
pub use header::Header;
pub use highlighted::Highlighted;
pub use message_card::MessageCard;
pub use notices::Notices;
#[cfg(feature = "full")]
pub use paste_messages::PasteMessages;
pub use selection_tools::SelectionTools;
pub use set_toggle::set_toggle;
#[cfg(feature = "sets")]
pub use set_toggle::SetNav;
pub use slide_frame::SlideFrame;
