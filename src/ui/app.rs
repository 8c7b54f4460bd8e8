use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::components::{Header, Notices};
use super::hooks::{use_app_state, use_url_sync, AppContext, Store};
use super::pages::{AboutPage, ExplorePage, MessagePage};
use crate::core::corpus::Corpus;
use crate::core::query::Explorer;
use crate::core::state::AppState;
use crate::core::url::{self, Route};

/// Props of the root: the URL fragment the page was opened with.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The location hash at start (`#/explore?…`); empty for the home view.
    #[prop_or_default]
    pub url: AttrValue,
}

/// The root: loads the built-in corpus, holds the one reducer, provides the context, and
/// shows the page the URL names. A corpus that fails to load gives an error banner.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let loaded = use_memo((), |_| {
        Corpus::builtin().map(|c| Rc::new(RefCell::new(Explorer::new(c))))
    });
    match &*loaded {
        Ok(explorer) => html! { <Loaded explorer={explorer.clone()} url={props.url.clone()} /> },
        Err(error) => html! {
            <main id="main" class="page">
                <div class="banner banner-error" role="alert" data-testid="corpus-error">
                    <h1>{ "The built-in corpus could not be loaded" }</h1>
                    <p>{ "The app cannot show any messages. Please report this problem." }</p>
                    <ul>{ for error.problems.iter().take(20).map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                </div>
            </main>
        },
    }
}

#[derive(Properties)]
struct LoadedProps {
    explorer: Rc<RefCell<Explorer>>,
    url: AttrValue,
}

impl PartialEq for LoadedProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.explorer, &other.explorer) && self.url == other.url
    }
}

#[function_component(Loaded)]
fn loaded(props: &LoadedProps) -> Html {
    let explorer = props.explorer.clone();
    let url = props.url.clone();
    let store = use_reducer_eq(move || {
        let parsed = url::parse(&url, explorer.borrow().corpus());
        Store(AppState::from_url(parsed.view, parsed.warnings))
    });
    let context = AppContext {
        store,
        explorer: props.explorer.clone(),
    };
    html! {
        <ContextProvider<AppContext> context={context}>
            <Shell />
        </ContextProvider<AppContext>>
    }
}

#[function_component(Shell)]
fn shell() -> Html {
    let context = use_app_state();
    use_url_sync(&context);
    let page = match &context.state().view.route {
        Route::Explore => html! { <ExplorePage /> },
        Route::Message(id) => html! { <MessagePage id={AttrValue::from(id.clone())} /> },
        Route::About => html! { <AboutPage /> },
    };
    html! {
        <>
            <Header />
            <main id="main" class="page" tabindex="-1">
                <Notices />
                { page }
            </main>
        </>
    }
}
