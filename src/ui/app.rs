use std::rc::Rc;

use yew::prelude::*;

use super::components::{Header, Notices};
use super::hooks::{
    use_app_state, use_kept_corpus, use_url_sync, Adopt, AppContext, InUse, KeptInputs, LoadedFile,
    Shared, Store, StoreAction,
};
use crate::core::corpus::Corpus;
use crate::core::load::LoadError;
use crate::core::query::{Explorer, ExplorerBuilder};
use crate::core::state::{AppState, CorpusInUse};
use crate::core::url::{self, Route};
use crate::ui::browser;

/// How many messages are indexed between two pauses when a reader's corpus is put in use.
const INDEX_SLICE: usize = 2_000;

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
    // Indexed once: the first view starts on it, and "back to the built-in corpus" reuses it.
    let builtin = use_memo((), |_| {
        Corpus::builtin()
            .map(|corpus| InUse::new(Explorer::new(corpus)))
            .map_err(Shared::new)
    });
    match &*builtin {
        Ok(explorer) => html! { <Loaded builtin={explorer.clone()} url={props.url.clone()} /> },
        Err(error) => html! { <CorpusError error={error.clone()} /> },
    }
}

/// Props of [`CorpusError`].
#[derive(Properties, PartialEq)]
pub struct CorpusErrorProps {
    /// Why the corpus could not be loaded.
    pub error: Shared<LoadError>,
}

/// The banner shown instead of the app when the built-in corpus cannot be loaded.
#[function_component(CorpusError)]
pub fn corpus_error(props: &CorpusErrorProps) -> Html {
    html! {
        <main id="main" class="page">
            <div class="banner banner-error" role="alert" data-testid="corpus-error">
                <h1>{ "The built-in corpus could not be loaded" }</h1>
                <p>{ "The app cannot show any messages. Please report this problem." }</p>
                // The first-view build says how many problems there are; the full app
                // lists them (their wording is the validator's, which the first view
                // does not carry: the tests keep the built-in corpus valid).
                if crate::ui::FULL_APP {
                    <ul>{ for props.error.problems.iter().take(20).map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                } else {
                    <p>{ format!("{} problem(s) were found.", props.error.problems.len()) }</p>
                }
            </div>
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct LoadedProps {
    builtin: InUse,
    url: AttrValue,
}

/// Holds the corpus in use (the built-in one or a file the user loaded), the one reducer,
/// the corpus file kept on this device, and provides the context every page reads.
#[function_component(Loaded)]
fn loaded(props: &LoadedProps) -> Html {
    // The address the page was opened with, read once: resolved on the built-in corpus
    // now, and again on a reader's corpus when a link made on it puts that corpus in use.
    let link = use_memo(props.url.clone(), |url| url::parse(url));
    let store = {
        let builtin = props.builtin.clone();
        let link = link.clone();
        use_reducer_eq(move || {
            let explorer = builtin;
            let parsed = link.resolve(explorer.corpus());
            Store {
                state: AppState::from_url(parsed.view, parsed.warnings),
                explorer,
                builtin: true,
                file: None,
            }
        })
    };
    // Puts a reader's corpus in use (only the full app reads files and keeps them): indexed a
    // slice at a time, with a pause between, so a 20 MB corpus never blocks the page for
    // long, then rendered in a task of its own.
    let adopt: Adopt = {
        let store = store.clone();
        Rc::new(
            move |corpus: Corpus, loaded: LoadedFile, kept: bool, reopen: Option<Rc<url::Link>>| {
                if !crate::ui::FULL_APP {
                    return;
                }
                let in_use = corpus_in_use(&corpus, false, kept, reopen);
                let store = store.clone();
                browser::spawn(async move {
                    let mut builder = ExplorerBuilder::new(corpus);
                    while !builder.step(INDEX_SLICE) {
                        browser::pause(0).await;
                    }
                    let explorer = InUse::new(builder.finish());
                    browser::pause(0).await;
                    store.dispatch(StoreAction::Use(explorer, Some(loaded), in_use));
                });
            },
        )
    };
    let kept = use_kept_corpus(KeptInputs {
        file: store.file.clone(),
        explorer: store.explorer.clone(),
        adopt: adopt.clone(),
        link: link.clone(),
    });
    let onload = {
        let adopt = adopt.clone();
        Callback::from(move |(corpus, loaded): (Corpus, LoadedFile)| {
            adopt(corpus, loaded, false, None)
        })
    };
    let onreset = {
        // The built-in corpus is still indexed: back to it at once.
        let (builtin, store) = (props.builtin.clone(), store.clone());
        Callback::from(move |_: ()| {
            if crate::ui::FULL_APP {
                let in_use = corpus_in_use(builtin.corpus(), true, false, None);
                store.dispatch(StoreAction::Use(builtin.clone(), None, in_use));
            }
        })
    };
    let context = AppContext {
        store,
        onload,
        onreset,
        kept: kept.kept,
        onkeep: kept.onkeep,
        onforget: kept.onforget,
        onusekept: kept.onusekept,
        looking_for: kept.looking_for,
    };
    // The sets on this device: the full app's and the set view's (the first view hands
    // "Add to set" over).
    #[cfg(feature = "sets")]
    let sets = super::hooks::use_sets();
    #[cfg(feature = "sets")]
    let shell = html! {
        <ContextProvider<super::hooks::SetsContext> context={sets}>
            <Shell />
        </ContextProvider<super::hooks::SetsContext>>
    };
    #[cfg(not(feature = "sets"))]
    let shell = html! { <Shell /> };
    html! {
        <ContextProvider<AppContext> context={context}>
            { shell }
        </ContextProvider<AppContext>>
    }
}

/// What the page says of a corpus put in use: which corpus (`CorpusInUse::notice`), then,
/// for a link made on it (`reopen`), that link resolved on it and what that dropped.
fn corpus_in_use(
    corpus: &Corpus,
    builtin: bool,
    kept: bool,
    reopen: Option<Rc<url::Link>>,
) -> CorpusInUse {
    // A link made on this corpus is read again now that its ids are known.
    let reopened = reopen.map(|link| link.resolve(corpus));
    let mut in_use = CorpusInUse {
        id: corpus.id.clone(),
        title: corpus.title.clone(),
        messages: corpus.messages.len(),
        builtin,
        kept,
        reopened: None,
        notices: Vec::new(),
    };
    in_use.notices.push(in_use.notice());
    if let Some(parsed) = reopened {
        in_use
            .notices
            .extend(parsed.warnings.iter().map(ToString::to_string));
        in_use.reopened = Some(Box::new(parsed.view));
    }
    in_use
}

#[function_component(Shell)]
fn shell() -> Html {
    let context = use_app_state();
    use_url_sync(&context);
    use_settled_view(&context.state().view);
    let page = match &context.state().view.route {
        // A link made on a reader's own corpus: said before anything is shown (only the
        // full app opens such links).
        _ if crate::ui::FULL_APP && context.looking_for.is_some() => html! {
            <LinkedCorpus id={context.looking_for.clone().unwrap_or_default()} />
        },
        route => super::pages::page(route),
    };
    // Presentation mode is for a projector: no site navigation around the slides.
    let presenting = matches!(
        context.state().view.route,
        Route::Present | Route::SetSlides
    );
    html! {
        <>
            if !presenting { <Header /> }
            <main id="main" class={classes!("page", presenting.then_some("presenting"))} tabindex="-1">
                if !crate::ui::FULL_APP || context.looking_for.is_none() { <Notices /> }
                { page }
            </main>
        </>
    }
}

/// Props of [`LinkedCorpus`].
#[derive(Properties, PartialEq)]
struct LinkedCorpusProps {
    /// The corpus id the link names.
    id: String,
}

/// What a link made on a reader's own corpus shows while that corpus is looked for on
/// this device: which corpus it names, and that it is not the built-in one.
#[function_component(LinkedCorpus)]
fn linked_corpus(props: &LinkedCorpusProps) -> Html {
    html! {
        <section class="linked-corpus" data-testid="linked-corpus">
            <h1>{ "A link made on another corpus" }</h1>
            <p role="status">{ url::linked_corpus_sentence(&props.id) }</p>
        </section>
    }
}

/// After each change of view has rendered: a new route opens at its top with focus on its
/// heading, Back and Forward return where the reader was (the loader keeps the places).
#[hook]
fn use_settled_view(view: &url::View) {
    let rendered = url::render(view);
    // Which view, and which message: the route's own address, without the selection.
    let route = url::render(&url::View {
        route: view.route.clone(),
        ..url::View::default()
    });
    let last_route = use_mut_ref(|| None::<String>);
    use_effect_with(rendered, move |_| {
        let previous = last_route.borrow_mut().replace(route.clone());
        let changed = previous.is_some_and(|p| p != route);
        crate::ui::browser::settle_view(changed);
    });
}
