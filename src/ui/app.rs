use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::{Header, Notices};
use super::hooks::{use_app_state, use_url_sync, AppContext, KeptCorpus, LoadedFile, Store};
use super::pages::{AboutPage, ChartsPage, ComparePage, ExplorePage, MessagePage, PresentPage};
use crate::core::corpus::Corpus;
use crate::core::load::LoadError;
use crate::core::query::Explorer;
use crate::core::state::{loaded_corpus_id, Action, AppState, CorpusInUse};
use crate::core::url::{self, Route};

/// Props of the root: the URL fragment the page was opened with.
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The location hash at start (`#/explore?…`); empty for the home view.
    #[prop_or_default]
    pub url: AttrValue,
}

/// The root: loads the built-in corpus (an error banner if it fails) and hands it to the
/// part of the app that holds the state.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let builtin = use_memo((), |_| Corpus::builtin().map(Rc::new));
    match &*builtin {
        Ok(corpus) => html! { <Loaded builtin={corpus.clone()} url={props.url.clone()} /> },
        Err(error) => html! { <CorpusError error={error.clone()} /> },
    }
}

/// Props of [`CorpusError`].
#[derive(Properties, PartialEq)]
pub struct CorpusErrorProps {
    /// Why the corpus could not be loaded.
    pub error: LoadError,
}

/// The banner shown instead of the app when the built-in corpus cannot be loaded.
#[function_component(CorpusError)]
pub fn corpus_error(props: &CorpusErrorProps) -> Html {
    html! {
        <main id="main" class="page">
            <div class="banner banner-error" role="alert" data-testid="corpus-error">
                <h1>{ "The built-in corpus could not be loaded" }</h1>
                <p>{ "The app cannot show any messages. Please report this problem." }</p>
                <ul>{ for props.error.problems.iter().take(20).map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct LoadedProps {
    builtin: Rc<Corpus>,
    url: AttrValue,
}

/// Holds the corpus in use (the built-in one or a file the user loaded), the one reducer,
/// the corpus file kept on this device, and provides the context every page reads.
#[function_component(Loaded)]
fn loaded(props: &LoadedProps) -> Html {
    let active = {
        let builtin = props.builtin.clone();
        use_state(move || Rc::new(RefCell::new(Explorer::new((*builtin).clone()))))
    };
    let is_builtin = use_state(|| true);
    // The file of the corpus in use (when it is the reader's), and the kept file.
    let file = use_state(|| None::<LoadedFile>);
    let kept = use_state(|| None::<(KeptCorpus, LoadedFile)>);
    let store = {
        let explorer = (*active).clone();
        let url = props.url.clone();
        use_reducer_eq(move || {
            let parsed = url::parse(&url, explorer.borrow().corpus());
            Store(AppState::from_url(parsed.view, parsed.warnings))
        })
    };
    let swap = {
        let (active, is_builtin, store) = (active.clone(), is_builtin.clone(), store.clone());
        move |corpus: Corpus, builtin: bool, reopen: Option<String>| {
            let in_use = CorpusInUse {
                id: corpus.id.clone(),
                title: corpus.title.clone(),
                messages: corpus.messages.len(),
                builtin,
            };
            // A link made on this corpus is read again now that its ids are known.
            let reopened = reopen.map(|hash| url::parse(&hash, &corpus));
            active.set(Rc::new(RefCell::new(Explorer::new(corpus))));
            is_builtin.set(builtin);
            store.dispatch(Action::CorpusChanged(in_use));
            if let Some(parsed) = reopened {
                store.dispatch(Action::Navigated(Box::new(parsed.view), parsed.warnings));
            }
        }
    };
    let adopt = {
        let (swap, file) = (swap.clone(), file.clone());
        move |mut corpus: Corpus, loaded: LoadedFile, reopen: Option<String>| {
            corpus.id = loaded_corpus_id(&corpus.id);
            file.set(Some(loaded));
            swap(corpus, false, reopen)
        }
    };
    {
        // A kept file is read and checked again at start; a link made on it opens with it.
        let (kept, adopt, url) = (kept.clone(), adopt.clone(), props.url.clone());
        use_effect_with((), move |_| {
            // Only the full app reads corpus files (the loader starts it for corpus links).
            if !cfg!(feature = "full") {
                return;
            }
            browser::spawn(async move {
                let Some(found) = browser::kept_corpus().await else {
                    return;
                };
                let Ok(corpus) = Corpus::from_file(&found.name, &found.bytes) else {
                    return;
                };
                let loaded = LoadedFile {
                    name: found.name,
                    bytes: Rc::new(found.bytes),
                };
                let named = KeptCorpus {
                    id: corpus.id.clone(),
                    title: corpus.title.clone(),
                };
                let linked = url::links_corpus(&url, &named.id);
                kept.set(Some((named, loaded.clone())));
                if linked {
                    adopt(corpus, loaded, Some(url.to_string()));
                }
            });
        });
    }
    let onload = {
        let adopt = adopt.clone();
        Callback::from(move |(corpus, loaded): (Corpus, LoadedFile)| adopt(corpus, loaded, None))
    };
    let onreset = {
        let (builtin, file, swap) = (props.builtin.clone(), file.clone(), swap.clone());
        Callback::from(move |_: ()| {
            file.set(None);
            swap((*builtin).clone(), true, None)
        })
    };
    let onkeep = {
        let (file, kept, explorer) = (file.clone(), kept.clone(), (*active).clone());
        Callback::from(move |_: ()| {
            // (Only the full app has a reader's file to keep.)
            let Some(loaded) = (*file).clone().filter(|_| cfg!(feature = "full")) else {
                return;
            };
            let corpus = explorer.borrow().corpus().clone();
            let named = KeptCorpus {
                id: corpus.id,
                title: corpus.title,
            };
            let kept = kept.clone();
            browser::spawn(async move {
                if browser::keep_corpus(loaded.name.clone(), loaded.bytes.clone()).await {
                    kept.set(Some((named, loaded)));
                }
            });
        })
    };
    let onforget = {
        let kept = kept.clone();
        Callback::from(move |_: ()| {
            if !cfg!(feature = "full") {
                return;
            }
            let kept = kept.clone();
            browser::spawn(async move {
                browser::forget_corpus().await;
                kept.set(None);
            });
        })
    };
    let onusekept = {
        let (kept, adopt) = (kept.clone(), adopt.clone());
        Callback::from(move |_: ()| {
            let Some((_, loaded)) = (*kept).clone() else {
                return;
            };
            if !cfg!(feature = "full") {
                return;
            }
            if let Ok(corpus) = Corpus::from_file(&loaded.name, &loaded.bytes) {
                adopt(corpus, loaded, None);
            }
        })
    };
    let context = AppContext {
        store,
        explorer: (*active).clone(),
        builtin: *is_builtin,
        onload,
        onreset,
        kept: (*kept).as_ref().map(|(named, _)| named.clone()),
        onkeep,
        onforget,
        onusekept,
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
        Route::Compare => html! { <ComparePage /> },
        Route::Charts => html! { <ChartsPage /> },
        Route::About => html! { <AboutPage /> },
        Route::Present => html! { <PresentPage /> },
    };
    // Presentation mode is for a projector: no site navigation around the slides.
    let presenting = context.state().view.route == Route::Present;
    html! {
        <>
            if !presenting { <Header /> }
            <main id="main" class={classes!("page", presenting.then_some("presenting"))} tabindex="-1">
                <Notices />
                { page }
            </main>
        </>
    }
}
