//! One component per route, and [`page`], the one place where a route meets its
//! component. Which module renders a route is the route table's (`core::url::Route`):
//! the first-view build (without the `full` feature) carries only the pages of its
//! routes; for any other route it shows a stand-in that hands over to the full app.

use yew::prelude::*;

use crate::core::url::Route;
#[cfg(not(feature = "full"))]
use crate::ui::components::LoadingFullApp;

#[cfg(feature = "full")]
mod about;
#[cfg(feature = "full")]
mod charts;
#[cfg(feature = "full")]
mod cite;
#[cfg(feature = "full")]
mod compare;
mod explore;
#[cfg(feature = "full")]
mod load;
mod message;
#[cfg(feature = "full")]
mod present;
#[cfg(feature = "full")]
mod set;
#[cfg(feature = "full")]
mod set_slides;

/// The page of a route.
pub fn page(route: &Route) -> Html {
    match route {
        Route::Explore => html! { <explore::ExplorePage /> },
        Route::Message(id) => html! { <message::MessagePage id={AttrValue::from(id.clone())} /> },
        #[cfg(feature = "full")]
        Route::Compare => html! { <compare::ComparePage /> },
        #[cfg(feature = "full")]
        Route::Charts => html! { <charts::ChartsPage /> },
        #[cfg(feature = "full")]
        Route::About => html! { <about::AboutPage /> },
        #[cfg(feature = "full")]
        Route::Load => html! { <load::LoadPage /> },
        #[cfg(feature = "full")]
        Route::Present => html! { <present::PresentPage /> },
        #[cfg(feature = "full")]
        Route::Cite => html! { <cite::CitePage /> },
        #[cfg(feature = "full")]
        Route::Set => html! { <set::SetPage /> },
        #[cfg(feature = "full")]
        Route::SetSlides => html! { <set_slides::SetSlidesPage /> },
        // The full app's routes (`Route::module`), while it loads.
        #[cfg(not(feature = "full"))]
        route => html! { <LoadingFullApp view={route.name()} /> },
    }
}
