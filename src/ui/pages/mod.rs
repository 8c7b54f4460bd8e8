//! One component per route, and [`page`], the one place where a route meets its
//! component. Which module starts for a route is the route table's (`core::url::Route`):
//! the smaller builds (without the `full` feature) carry only their pages (the first view's
//! `explore`, the set view's `sets`, the charts view's `charts`, and a message's page in
//! each); for any other route they show a stand-in that hands over to the full app.

use yew::prelude::*;

use crate::core::url::Route;
#[cfg(not(feature = "full"))]
use crate::ui::components::LoadingFullApp;

#[cfg(feature = "full")]
mod about;
#[cfg(feature = "charts")]
mod charts;
#[cfg(feature = "full")]
mod cite;
#[cfg(feature = "charts")]
mod compare;
#[cfg(feature = "explore")]
mod explore;
#[cfg(feature = "full")]
mod load;
mod message;
#[cfg(feature = "full")]
mod present;
#[cfg(feature = "sets")]
mod set;
#[cfg(feature = "full")]
mod set_edit;
#[cfg(feature = "sets")]
mod set_slides;

/// The page of a route.
pub fn page(route: &Route) -> Html {
    match route {
        #[cfg(feature = "explore")]
        Route::Explore => html! { <explore::ExplorePage /> },
        Route::Message(id) => html! { <message::MessagePage id={AttrValue::from(id.clone())} /> },
        #[cfg(feature = "charts")]
        Route::Compare => html! { <compare::ComparePage /> },
        #[cfg(feature = "charts")]
        Route::Charts => html! { <charts::ChartsPage /> },
        #[cfg(feature = "full")]
        Route::About => html! { <about::AboutPage /> },
        #[cfg(feature = "full")]
        Route::Load => html! { <load::LoadPage /> },
        #[cfg(feature = "full")]
        Route::Present => html! { <present::PresentPage /> },
        #[cfg(feature = "full")]
        Route::Cite => html! { <cite::CitePage /> },
        #[cfg(feature = "sets")]
        Route::Set => html! { <set::SetPage /> },
        #[cfg(feature = "sets")]
        Route::SetSlides => html! { <set_slides::SetSlidesPage /> },
        // The routes this build lacks (`Route::module`), while the full app loads.
        #[cfg(not(feature = "full"))]
        route => html! { <LoadingFullApp view={route.name()} /> },
    }
}
