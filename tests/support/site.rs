//! Writes the static site next to a built app (run by `.ci/post-build.sh` on release
//! builds, after the names are hashed): `cargo run --example site -- dist`. One page per
//! message (`message/<id>/`), meeting (`meeting/<id>/`) and topic (`topic/<id>/`), and
//! the list of meetings and topics (`browse/`), each rendered by the app's components on
//! the server, with no script. With `SITE_URL` set (`SITE_URL=https://example.org/m/`),
//! each page names its address (`og:url`, `<link rel="canonical">`) and `sitemap.xml` and
//! `robots.txt` are written; without it they are left out (README, "Static pages").

use std::path::Path;

use messages_explorer_cite as cite;

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::{Explorer, Facet};
use messages_explorer::core::site::{self, CitationFile, PageFiles, PageMeta, PageScript};
use messages_explorer::ui::app::{App, AppProps};
use messages_explorer::ui::site::{CiteSection, ListingPage, StaticFrame, StaticFrameProps};
use yew::{html, AttrValue, Html, LocalServerRenderer};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let Some(dist) = std::env::args().nth(1) else {
        fail("usage: site DIST (SITE_URL=https://… to name the pages' addresses)");
    };
    let dist = Path::new(&dist);
    let site_url = match std::env::var("SITE_URL") {
        Ok(raw) if !raw.trim().is_empty() => {
            Some(site::site_url(&raw).unwrap_or_else(|e| fail(&e)))
        }
        _ => None,
    };
    let index = std::fs::read_to_string(dist.join("index.html"))
        .unwrap_or_else(|e| fail(&format!("cannot read {}/index.html: {e}", dist.display())));
    let stylesheet = linked(&index, "stylesheet");
    let icon = linked(&index, "icon");
    // What a message's page needs to start the app in it: the app's loader and policy.
    let loader = between(&index, "index.html", "<script type=\"module\" src=\"", "\"")
        .trim_start_matches("./")
        .to_string();
    let policy = between(
        &index,
        "index.html",
        "http-equiv=\"Content-Security-Policy\" content=\"",
        "\"",
    );
    let explorer = Explorer::new(Corpus::builtin().unwrap_or_else(|e| fail(&e.to_string())));
    let cite_styles = cite::Styles::new();
    let mut citations = cite::no_citations();
    let corpus = explorer.corpus();
    let mut paths = Vec::new();
    // The static pages' own style sheet, and the message pages' one script (Copy buttons,
    // and the app started on the reader's "Add to set"), each named by its content so that
    // no cache keeps an old one.
    let own_stylesheet = own_file(dist, "site", "css", include_str!("../../assets/site.css"));
    let script = own_file(dist, "page", "js", include_str!("../../assets/page.js"));
    let stylesheets = [stylesheet.as_str(), own_stylesheet.as_str()];
    // `app_address`: a message's page, which runs the script and the app can start on; no
    // other page has a script.
    let mut write = |meta: &PageMeta, body: String, app_address: Option<&str>| {
        let script = app_address.map(|app_address| PageScript {
            src: &script,
            loader: &loader,
            app_address,
            policy,
        });
        let root = meta.root();
        let page = format!(
            "<!doctype html>\n<html lang=\"en\">\n<head>\n{}</head>\n<body>\n{}\n</body>\n</html>\n",
            site::head(
                meta,
                site_url.as_deref(),
                &PageFiles {
                    stylesheets: &stylesheets,
                    icon: &icon,
                    script,
                },
            ),
            site::static_links(&site::without_markers(&body), &root)
        );
        let dir = dist.join(&meta.path);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
        std::fs::write(dir.join("index.html"), page)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
        paths.push(meta.path.clone());
    };
    for (position, message) in corpus.messages.iter().enumerate() {
        // The app's own message page, as the app renders it at the address every shared
        // link used, taken from the app's frame into the static one.
        let app = LocalServerRenderer::<App>::with_props(AppProps {
            url: site::app_address(&message.id)
                .trim_start_matches("index.html")
                .into(),
        })
        .render()
        .await;
        let content = main_content(&app).to_string();
        let header = app_header(&app);
        let meta = site::message_meta(&explorer, position);
        let address = site_url.as_ref().map(|s| format!("{s}{}", meta.path));
        let item = site::csl_item(&explorer, position, address.as_deref());
        let citation = cite::citation(&cite_styles, &item)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", message.id)));
        let cite_section = html! {
            <CiteSection
                path={AttrValue::from(meta.path.clone())}
                styles={cite::STYLES.iter().zip(&citation.references).map(|(n, t)| (AttrValue::from(*n), AttrValue::from(t.clone()))).collect::<Vec<_>>()}
            />
        };
        let app_address = site::app_address(&message.id);
        let frame = frame(
            app_address.clone(),
            html! { <>{ Html::from_html_unchecked(content.into()) }{ cite_section }</> },
            Some(Html::from_html_unchecked(header.into())),
        );
        let dir = dist.join(&meta.path);
        write(&meta, frame.await, Some(&app_address));
        for format in CitationFile::ALL {
            let name = format.file_name("cite");
            std::fs::write(dir.join(&name), site::join_citations(&[&citation], format))
                .unwrap_or_else(|e| fail(&format!("{}/{name}: {e}", dir.display())));
        }
        citations.messages.insert(message.id.clone(), citation);
    }
    for meeting in 0..corpus.meetings.len() {
        if !corpus
            .messages
            .iter()
            .any(|m| m.meeting == corpus.meetings[meeting].id)
        {
            continue;
        }
        let (meta, listing) = site::meeting_listing(&explorer, meeting);
        let address = site::filtered_address(Facet::Meeting, &corpus.meetings[meeting].id);
        write(
            &meta,
            frame(address, listing_html(listing), None).await,
            None,
        );
    }
    for topic in 0..corpus.topics.len() {
        let (meta, listing) = site::topic_listing(&explorer, topic);
        if listing.groups.is_empty() {
            continue;
        }
        let address = site::filtered_address(Facet::Topic, &corpus.topics[topic].id);
        write(
            &meta,
            frame(address, listing_html(listing), None).await,
            None,
        );
    }
    let (meta, listing) = site::browse_listing(&explorer);
    write(
        &meta,
        frame("index.html".to_string(), listing_html(listing), None).await,
        None,
    );
    // The same citations for the app's Cite view, fetched when it is first opened.
    std::fs::write(dist.join(site::CITATIONS_PATH), citations.to_json())
        .unwrap_or_else(|e| fail(&format!("{}: {e}", site::CITATIONS_PATH)));
    if let Some(site_url) = &site_url {
        std::fs::write(dist.join("sitemap.xml"), site::sitemap(site_url, &paths))
            .unwrap_or_else(|e| fail(&format!("sitemap.xml: {e}")));
        std::fs::write(dist.join("robots.txt"), site::robots(site_url))
            .unwrap_or_else(|e| fail(&format!("robots.txt: {e}")));
    }
    println!(
        "site: {} pages in {}{}",
        paths.len(),
        dist.display(),
        if site_url.is_some() {
            ", with sitemap.xml and robots.txt"
        } else {
            " (no SITE_URL: no sitemap.xml, robots.txt or canonical addresses)"
        }
    );
}

fn listing_html(listing: site::Listing) -> Html {
    html! { <ListingPage {listing} /> }
}

/// A page's content in the static frame, rendered (`app_header`: a page the app can start
/// on, StaticFrameProps).
async fn frame(app_address: String, children: Html, app_header: Option<Html>) -> String {
    LocalServerRenderer::<StaticFrame>::with_props(StaticFrameProps {
        children,
        app_address: app_address.into(),
        app_header,
    })
    .render()
    .await
}

/// What the app rendered inside its `<main>`.
fn main_content(app: &str) -> &str {
    let main = between(app, "the app's page", "<main", "</main>");
    main.find('>').map_or("", |end| &main[end + 1..])
}

/// The app's header as it rendered it, its skip link a link to `#main` (the app's is a
/// button that needs the app; both are out of sight until focused, so nothing moves).
fn app_header(app: &str) -> String {
    let header = site::without_markers(&format!(
        "<header{}</header>",
        between(app, "the app's page", "<header", "</header>")
    ));
    let skip = "<button class=\"skip-link\">Skip to content</button>";
    if !header.contains(skip) {
        fail("the app's header has no \"Skip to content\" button");
    }
    header.replace(
        skip,
        "<a class=\"skip-link\" href=\"#main\">Skip to content</a>",
    )
}

/// The text of `page` (named `of`) between the first `before` and the next `after`.
fn between<'a>(page: &'a str, of: &str, before: &str, after: &str) -> &'a str {
    let at = page
        .find(before)
        .unwrap_or_else(|| fail(&format!("{of} has no {before}")))
        + before.len();
    let end = page[at..]
        .find(after)
        .map(|e| at + e)
        .unwrap_or_else(|| fail(&format!("{of}: {before} is not followed by {after}")));
    &page[at..end]
}

/// The `href` of the first `<link rel="{rel}">` of the built page, without "./".
fn linked(index: &str, rel: &str) -> String {
    between(index, "index.html", &format!("rel=\"{rel}\" href=\""), "\"")
        .trim_start_matches("./")
        .to_string()
}

/// Writes `text` into `dist` as `{stem}-<hash of text>.{extension}`, the hash named as
/// `.ci/finalize.mjs` names the app's files (the first 12 hex digits of the SHA-256); its
/// name.
fn own_file(dist: &Path, stem: &str, extension: &str, text: &str) -> String {
    use sha2::{Digest, Sha256};
    let hash: String = Sha256::digest(text.as_bytes())[..6]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let name = format!("{stem}-{hash}.{extension}");
    std::fs::write(dist.join(&name), text).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
    name
}

fn fail(message: &str) -> ! {
    eprintln!("site: {message}");
    std::process::exit(1);
}
