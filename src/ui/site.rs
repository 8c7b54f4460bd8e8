//! The static site's frame and listing pages (`core::site`), rendered on the server at
//! build time (the `site` example): plain HTML that reads fully with no script. A
//! message's page puts the app's own message page (rendered the same way) in this frame.
//! Links are written from the site's root; `core::site::static_links` makes them relative
//! to each page.

use yew::prelude::*;

use crate::core::site::{CitationFile, Listing, BROWSE_PATH};

/// Props of [`StaticFrame`].
#[derive(Properties, PartialEq)]
pub struct StaticFrameProps {
    /// The page's content (the app's message page, or a [`ListingPage`]).
    pub children: Html,
    /// Where this page's message or listing is in the app ("#/message/x"), for the way
    /// into the explorer.
    pub app_address: AttrValue,
    /// The app's own header, rendered at `app_address`, on a page the app can start on (a
    /// message's): the page is then what the app draws there, in the element it replaces
    /// when it starts (`#prerendered`), so that nothing moves when it does. Other pages
    /// have the site's header.
    #[prop_or_default]
    pub app_header: Option<Html>,
}

/// Every static page's frame: the site's name, the way to the explorer and to the list of
/// meetings and topics, and a footer that says what the page is.
#[function_component(StaticFrame)]
pub fn static_frame(props: &StaticFrameProps) -> Html {
    let to_explorer = html! {
        <a href={props.app_address.clone()} data-testid="open-in-explorer">{ "Open in the explorer" }</a>
    };
    let main = html! {
        <main id="main" class="page static-page">
            { props.children.clone() }
        </main>
    };
    let footer = |links: Html| {
        html! {
            <footer class="static-footer">
                { links }
                <p>{ "A page of Messages Explorer: the IGF Messages quoted verbatim, each with its source. " }
                <a href="index.html">{ "Search, compare and chart them in the explorer" }</a></p>
            </footer>
        }
    };
    match &props.app_header {
        // The app's page: the site's own links (which the app does not draw) below it.
        Some(header) => html! {
            <div id="prerendered">
                { header.clone() }
                { main }
                { footer(html! {
                    <nav aria-label="This site" class="static-links">
                        <a href={BROWSE_PATH}>{ "Meetings and topics" }</a>
                        { " · " }
                        { to_explorer }
                    </nav>
                }) }
            </div>
        },
        None => html! {
            <>
            <header class="site-header">
                <a class="skip-link" href="#main">{ "Skip to content" }</a>
                <p class="app-name"><a href="index.html">{ "Messages Explorer" }</a></p>
                <nav aria-label="Pages" class="views">
                    <a href="index.html">{ "Explore" }</a>
                    <a href={BROWSE_PATH}>{ "Meetings and topics" }</a>
                    { to_explorer }
                </nav>
            </header>
            { main }
            { footer(Html::default()) }
            </>
        },
    }
}

/// Props of [`ListingPage`].
#[derive(Properties, PartialEq)]
pub struct ListingPageProps {
    /// What the page lists.
    pub listing: Listing,
}

/// A meeting's or a topic's messages, or the meetings and topics: a heading, a few
/// paragraphs, then each group with its links.
#[function_component(ListingPage)]
pub fn listing_page(props: &ListingPageProps) -> Html {
    let listing = &props.listing;
    html! {
        <article class="listing" data-testid="listing">
            <h1>{ listing.title.clone() }</h1>
            { for listing.intro.iter().map(|p| html! { <p class="listing-intro">{ p.clone() }</p> }) }
            { for listing.groups.iter().map(|group| html! {
                <section class="listing-group">
                    <h2>{ group.heading.clone() }</h2>
                    <ul class="listing-items">
                        { for group.items.iter().map(|item| html! {
                            <li>
                                <a href={item.path.clone()}>{ item.label.clone() }</a>
                                <p class="listing-text">{ item.text.clone() }</p>
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
        </article>
    }
}

/// Props of [`CiteSection`].
#[derive(Properties, PartialEq)]
pub struct CiteSectionProps {
    /// The message's page, from the site's root ("message/x/"): the files are in it.
    pub path: AttrValue,
    /// The reference in each style, named ("APA 7", the text).
    pub styles: Vec<(AttrValue, AttrValue)>,
}

/// How to cite a message: the reference in each style, as text to copy (a button copies
/// it where script runs), and the files a reference manager imports.
#[function_component(CiteSection)]
pub fn cite_section(props: &CiteSectionProps) -> Html {
    let file = |name: &str| format!("{}{name}", props.path);
    html! {
        <section class="cite-this" id="cite" aria-labelledby="cite-title" data-testid="cite">
            <h2 id="cite-title">{ "Cite this message" }</h2>
            <dl class="facts">
                { for props.styles.iter().enumerate().map(|(i, (style, text))| {
                    let id = format!("cite-{i}");
                    html! {
                        <>
                        <dt>{ style.clone() }</dt>
                        <dd>
                            <span id={id.clone()} data-testid="cite-text" data-style={style.clone()}>{ text.clone() }</span>
                            // Shown by cite.js where script runs; its place is kept.
                            <button type="button" class="copy-cite needs-script" data-copy={id} data-style={style.clone()} aria-label={format!("Copy the {style} reference")}>{ "Copy" }</button>
                        </dd>
                        </>
                    }
                }) }
            </dl>
            <p id="cite-status" class="cite-status" role="status" aria-live="polite"></p>
            <p>
                { "For a reference manager: " }
                { for CitationFile::ALL.into_iter().enumerate().map(|(i, format)| html! {
                    <>
                    { if i > 0 { " · " } else { "" } }
                    <a href={file(&format.file_name("cite"))} download="" data-testid={format!("cite-{}", format.slug())}>{ format.label() }</a>
                    </>
                }) }
            </p>
        </section>
    }
}
