use yew::prelude::*;

use crate::core::corpus::is_web_address;

use crate::core::corpus::{Corpus, Fact};
use crate::ui::hooks::use_app_state;

/// About the data: the meetings with their cited facts and coverage, the topic vocabulary
/// and how headings map to it, and the sources.
#[function_component(AboutPage)]
pub fn about_page() -> Html {
    let context = use_app_state();
    let explorer = &*context.store.explorer;
    let corpus = explorer.corpus();
    let source_title = |id: &str| corpus.source_title(id);
    let fact = |label: &str, fact: &Option<Fact>| match fact {
        Some(f) => html! {
            <><dt>{ label.to_string() }</dt><dd>{ f.value.clone() }<span class="cite">{ format!(" — {}", source_title(&f.source)) }</span></dd></>
        },
        None => {
            html! { <><dt>{ label.to_string() }</dt><dd class="unknown">{ "Not stated in the sources" }</dd></> }
        }
    };
    html! {
        <div class="about">
            <h1>{ "About the data" }</h1>
            <p class="own-messages"><a href="#/load" data-testid="about-load">{ "Your own messages: load a corpus file or paste a message set" }</a></p>
            <p>{ "Every message is quoted verbatim from the source it cites; nothing is paraphrased or completed. Where only part of a year's set could be recovered, it is marked as partial." }</p>
            <h2>{ "Meetings and coverage" }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Messages included per IGF meeting">
            <table class="coverage-table" data-testid="coverage-table">
                <caption>{ "Messages included per IGF meeting" }</caption>
                <thead><tr><th scope="col">{ "Meeting" }</th><th scope="col">{ "Message set" }</th><th scope="col">{ "Messages included" }</th><th scope="col">{ "Coverage" }</th></tr></thead>
                <tbody>
                    { for corpus.meetings.iter().enumerate().map(|(i, m)| html! {
                        <tr>
                            <th scope="row">{ format!("{} ({})", m.short_name(), m.number.map(|n| format!("IGF {n}")).unwrap_or_default()) }</th>
                            <td>{ m.message_set.name.clone().unwrap_or_else(|| "—".into()) }</td>
                            <td>{ explorer.included()[i] }</td>
                            <td>{ explorer.coverage_sentence(i) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            { for corpus.meetings.iter().map(|m| html! {
                <section class="meeting" id={format!("meeting-{}", m.id)}>
                    <h3>{ m.short_name() }</h3>
                    <dl class="facts">
                        <dt>{ "Place" }</dt>
                        <dd>{ m.place_label() }</dd>
                        { fact("Dates", &m.dates) }
                        { fact("Overarching theme", &m.theme) }
                        { for m.figures.iter().map(|f| html! {
                            <><dt>{ f.label.clone() }</dt><dd>{ f.value.clone() }<span class="cite">{ format!(" — {}", source_title(&f.source)) }</span></dd></>
                        }) }
                        <dt>{ "Coverage" }</dt>
                        <dd>{ m.message_set.coverage.note.clone().unwrap_or_default() }</dd>
                        if let Some(f) = &m.message_set.coverage.published_total_source {
                            <dt>{ "Reported size of the full set" }</dt>
                            <dd data-testid="published-total-source">{ f.value.clone() }<span class="cite">{ format!(" — {}: “{}”", source_title(&f.source), f.quote) }</span></dd>
                        }
                    </dl>
                    if !m.message_set.headings.is_empty() {
                        <table class="mapping">
                            <caption>{ format!("Headings of the {} as published, and their topics", m.message_set.name.clone().unwrap_or_default()) }</caption>
                            <thead><tr><th scope="col">{ "Heading as published" }</th><th scope="col">{ "Topics (editorial)" }</th></tr></thead>
                            <tbody>
                                { for m.message_set.headings.iter().map(|h| html! {
                                    <tr><td>{ h.name.clone() }</td><td>{ corpus.topic_labels(&h.topics).join(", ") }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    }
                </section>
            }) }
            <h2>{ "Topics" }</h2>
            <p>{ crate::core::wording::TOPICS_ARE_EDITORIAL }</p>
            <dl class="topics">
                { for corpus.topics.iter().map(|t| html! { <><dt>{ t.label.clone() }</dt><dd>{ t.description.clone() }</dd></> }) }
            </dl>
            <h2>{ "Sources" }</h2>
            { sources_list(corpus) }
        </div>
    }
}

/// The sources the corpus cites; only a web address becomes a link (validation refuses
/// others; this is the second line of defence).
fn sources_list(corpus: &Corpus) -> Html {
    html! {
    <ul class="sources">
        { for corpus.sources.iter().map(|s| html! {
            <li>
                { s.title.clone() }
                { s.publisher.clone().map(|p| format!(", {p}")).unwrap_or_default() }
                { s.date.clone().map(|d| format!(", {d}")).unwrap_or_default() }
                // Only a web address becomes a link (validation refuses others; this is
                // the second line of defence).
                if let Some(url) = s.url.clone() {
                    { ". " }
                    if is_web_address(&url) { <a href={url.clone()} rel="noopener noreferrer">{ url }</a> } else { { url } }
                } else if let Some(site) = s.publisher_site.clone().filter(|u| is_web_address(u)) {
                    { ". No address of the document is known; its publisher's site, as the document prints it: " }
                    <a href={site.clone()} rel="noopener noreferrer">{ site }</a>
                }
                if let Some(note) = s.note.clone() {
                    <br /><span class="source-note">{ note }</span>
                }
            </li>
        }) }
    </ul>
    }
}
