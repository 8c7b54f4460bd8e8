//! The static site: a page of its own for every message, meeting and topic, and one page
//! listing the meetings and topics, written next to the app at build time (the `site`
//! example, `.ci/post-build.sh`) so that a search engine, a chat's link preview, a reader
//! without script and a reference manager each find a page that is about one thing.
//!
//! This module says what each page is called and says of itself (its path, title,
//! description, Open Graph, schema.org JSON-LD and Highwire `citation_*` tags), what the
//! listing pages hold, and how the app's own links read on a static page. The pages'
//! bodies are the UI's components rendered on the server; nothing here touches a browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::corpus::{Meeting, Message, Source};
use crate::query::{Explorer, Facet};
use crate::url::{self, Route, View};

/// The site's name, as previews show it.
pub const SITE_NAME: &str = "Messages Explorer — IGF Messages";

/// The path of the page listing every meeting and topic.
pub const BROWSE_PATH: &str = "browse/";

/// How many characters of a message a description quotes at most.
const DESCRIPTION_CHARS: usize = 155;

/// How many words of a message a title quotes.
const TITLE_WORDS: usize = 8;

/// What a page is called and says of itself.
#[derive(Debug, Clone, PartialEq)]
pub struct PageMeta {
    /// Where the page is written, from the site's root, ending in `/` ("message/x/").
    pub path: String,
    /// Its `<title>`.
    pub title: String,
    /// Its description (search results, link previews).
    pub description: String,
    /// Open Graph's type: "article" for a message, "website" for the others.
    pub kind: &'static str,
    /// Its schema.org description (JSON-LD).
    pub json_ld: Value,
    /// Its Highwire `citation_*` tags (name without the prefix, content), for a message.
    pub citation: Vec<(&'static str, String)>,
}

impl PageMeta {
    /// The path from this page back to the site's root ("../../").
    pub fn root(&self) -> String {
        "../".repeat(self.path.matches('/').count())
    }
}

/// A page that lists messages: a meeting's, a topic's, or (with no items) the list of
/// meetings and topics.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Listing {
    /// Its heading.
    pub title: String,
    /// Paragraphs under the heading (coverage, theme, what the topic holds).
    pub intro: Vec<String>,
    /// Its sections, in order.
    pub groups: Vec<Group>,
}

/// A section of a listing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    /// Its heading.
    pub heading: String,
    /// Links with a line each: messages (to their pages) or meetings and topics.
    pub items: Vec<Item>,
}

/// One line of a listing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    /// The page it links to, from the site's root.
    pub path: String,
    /// The linked words.
    pub label: String,
    /// What follows the link (a message's full text, a meeting's count).
    pub text: String,
}

/// A site address given at build time, checked: `http` or `https`, no query or fragment,
/// ending in `/` (added when missing), so that a page's address is the site's followed by
/// its path.
pub fn site_url(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .ok_or_else(|| format!("the site address {raw:?} must start with https:// or http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    if host.is_empty() || rest.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
        return Err(format!(
            "the site address {raw:?} must name a host and hold no query, fragment, space or quote"
        ));
    }
    Ok(if raw.ends_with('/') {
        raw.to_string()
    } else {
        format!("{raw}/")
    })
}

/// The path of a message's page.
pub fn message_path(id: &str) -> String {
    format!("message/{id}/")
}

/// The path of a meeting's page.
pub fn meeting_path(id: &str) -> String {
    format!("meeting/{id}/")
}

/// The path of a topic's page.
pub fn topic_path(id: &str) -> String {
    format!("topic/{id}/")
}

/// The first `words` words of a text, with "…" when it goes on.
fn first_words(text: &str, words: usize) -> String {
    let mut parts = text.split_whitespace();
    let head: Vec<&str> = parts.by_ref().take(words).collect();
    let head = head.join(" ");
    if parts.next().is_some() {
        format!("{}…", head.trim_end_matches([',', ';', ':', '.']))
    } else {
        head
    }
}

/// At most `chars` characters of a text, cut between words, with "…" when cut.
fn clipped(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// A message's page: titled by its meeting, heading and place under it, with its first
/// words (unique: no two messages share a meeting, heading and place).
pub fn message_meta(explorer: &Explorer, position: usize) -> PageMeta {
    let corpus = explorer.corpus();
    let message = &corpus.messages[position];
    let d = explorer.details(position);
    let (number, of) = place_under_heading(&corpus.messages, position);
    let under = d.heading.clone().unwrap_or_else(|| "messages".to_string());
    let title = format!(
        "\u{201C}{}\u{201D} — {}, {under} ({number} of {of})",
        first_words(&message.text, TITLE_WORDS),
        d.meeting
    );
    let meeting = corpus.meeting(&message.meeting);
    let source = corpus.source(&message.source.source);
    let set = set_name(meeting, &d.meeting);
    let mut json_ld = json!({
        "@context": "https://schema.org",
        "@type": "Quotation",
        "name": title,
        "text": message.text,
        "inLanguage": corpus.language.as_deref().unwrap_or("en"),
        "isPartOf": {
            "@type": "CreativeWork",
            "name": set,
            "datePublished": meeting.map(|m| m.year.0.to_string()),
        },
        "about": d.topics,
    });
    if let Some(source) = source {
        json_ld["citation"] = source_json(source);
        if let Some(publisher) = &source.publisher {
            json_ld["creator"] = json!({ "@type": "Organization", "name": publisher });
        }
    }
    let mut citation = vec![
        ("title", title.clone()),
        ("inbook_title", set.clone()),
        ("language", "en".to_string()),
    ];
    if let Some(publisher) = source.and_then(|s| s.publisher.clone()) {
        citation.push(("author", publisher.clone()));
        citation.push(("publisher", publisher));
    }
    if let Some(meeting) = meeting {
        citation.push(("publication_date", meeting.year.0.to_string()));
    }
    PageMeta {
        path: message_path(&message.id),
        title,
        description: clipped(&message.text, DESCRIPTION_CHARS),
        kind: "article",
        json_ld,
        citation,
    }
}

/// "IGF 2017 Geneva Messages", or the meeting's name with "Messages".
fn set_name(meeting: Option<&Meeting>, short: &str) -> String {
    meeting
        .and_then(|m| m.message_set.name.clone())
        .unwrap_or_else(|| format!("{short} Messages"))
}

/// A source as schema.org says a work is cited.
fn source_json(source: &Source) -> Value {
    let mut work = json!({ "@type": "CreativeWork", "name": source.title });
    if let Some(publisher) = &source.publisher {
        work["publisher"] = json!({ "@type": "Organization", "name": publisher });
    }
    if let Some(date) = &source.date {
        work["datePublished"] = json!(date);
    }
    if let Some(url) = &source.url {
        work["url"] = json!(url);
    }
    work
}

/// Which of its heading's messages this is (from 1), and how many the heading has (the
/// meeting's messages with no heading count together).
fn place_under_heading(messages: &[Message], position: usize) -> (usize, usize) {
    let message = &messages[position];
    let same = |m: &&Message| m.meeting == message.meeting && m.heading == message.heading;
    let before = messages[..position].iter().filter(same).count();
    (before + 1, messages.iter().filter(same).count())
}

/// A meeting's page: its messages under their headings, each linked to its page.
pub fn meeting_listing(explorer: &Explorer, meeting: usize) -> (PageMeta, Listing) {
    let corpus = explorer.corpus();
    let m = &corpus.meetings[meeting];
    let name = m.short_name();
    let set = set_name(Some(m), &name);
    let coverage = explorer.coverage_sentence(meeting);
    let mut intro = vec![coverage.clone()];
    if let Some(theme) = &m.theme {
        intro.push(format!("Theme: {}", theme.value));
    }
    let mut groups: Vec<Group> = m
        .message_set
        .headings
        .iter()
        .map(|h| Group {
            heading: h.name.clone(),
            items: Vec::new(),
        })
        .collect();
    let mut unheaded = Group {
        heading: crate::wording::HEADING_NOT_GIVEN.to_string(),
        items: Vec::new(),
    };
    for message in corpus.messages.iter().filter(|x| x.meeting == m.id) {
        let at = message
            .heading
            .as_deref()
            .and_then(|h| m.message_set.headings.iter().position(|x| x.id == h));
        let group = match at {
            Some(at) => &mut groups[at],
            None => &mut unheaded,
        };
        group.items.push(message_item(message));
    }
    groups.push(unheaded);
    groups.retain(|g| !g.items.is_empty());
    let title = format!("{name}: {set}");
    let meta = PageMeta {
        path: meeting_path(&m.id),
        title: format!("{title} · IGF Messages"),
        description: clipped(&coverage, DESCRIPTION_CHARS),
        kind: "website",
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": set,
            "description": coverage,
            "datePublished": m.year.0.to_string(),
        }),
        citation: Vec::new(),
    };
    (
        meta,
        Listing {
            title,
            intro,
            groups,
        },
    )
}

/// A topic's page: its messages meeting by meeting, each linked to its page.
pub fn topic_listing(explorer: &Explorer, topic: usize) -> (PageMeta, Listing) {
    let corpus = explorer.corpus();
    let t = &corpus.topics[topic];
    let mut groups = Vec::new();
    for meeting in &corpus.meetings {
        let items: Vec<Item> = corpus
            .messages
            .iter()
            .filter(|m| m.meeting == meeting.id)
            .filter(|m| corpus.message_topics(m).0.contains(&t.id.as_str()))
            .map(message_item)
            .collect();
        if !items.is_empty() {
            groups.push(Group {
                heading: meeting.short_name(),
                items,
            });
        }
    }
    let count: usize = groups.iter().map(|g| g.items.len()).sum();
    let description = if t.description.is_empty() {
        format!("{count} IGF Messages under the topic {}.", t.label)
    } else {
        format!(
            "{} {count} IGF Messages, meeting by meeting.",
            t.description
        )
    };
    let meta = PageMeta {
        path: topic_path(&t.id),
        title: format!("{}: the IGF Messages on this topic", t.label),
        description: clipped(&description, DESCRIPTION_CHARS),
        kind: "website",
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": format!("IGF Messages: {}", t.label),
            "description": description,
        }),
        citation: Vec::new(),
    };
    let listing = Listing {
        title: format!("Topic: {}", t.label),
        intro: vec![
            description,
            crate::wording::TOPICS_ARE_EDITORIAL.to_string(),
        ],
        groups,
    };
    (meta, listing)
}

/// The page of every meeting and topic, each with how many messages it has here.
pub fn browse_listing(explorer: &Explorer) -> (PageMeta, Listing) {
    let corpus = explorer.corpus();
    let meetings = Group {
        heading: "Meetings".to_string(),
        items: corpus
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, m)| corpus.messages.iter().any(|x| x.meeting == m.id))
            .map(|(at, m)| Item {
                path: meeting_path(&m.id),
                label: m.short_name(),
                text: explorer.coverage_sentence(at),
            })
            .collect(),
    };
    let topics = Group {
        heading: "Topics".to_string(),
        items: corpus
            .topics
            .iter()
            .map(|t| {
                let count = corpus
                    .messages
                    .iter()
                    .filter(|m| corpus.message_topics(m).0.contains(&t.id.as_str()))
                    .count();
                Item {
                    path: topic_path(&t.id),
                    label: t.label.clone(),
                    text: format!("{count} messages. {}", t.description),
                }
            })
            .filter(|i| !i.text.starts_with("0 "))
            .collect(),
    };
    let description = explorer.home_intro();
    let meta = PageMeta {
        path: BROWSE_PATH.to_string(),
        title: "Every meeting and topic · IGF Messages".to_string(),
        description: clipped(&description, DESCRIPTION_CHARS),
        kind: "website",
        json_ld: json!({
            "@context": "https://schema.org",
            "@type": "CollectionPage",
            "name": "The IGF Messages by meeting and by topic",
            "description": description,
        }),
        citation: Vec::new(),
    };
    let listing = Listing {
        title: "Every meeting and topic".to_string(),
        intro: vec![description],
        groups: vec![meetings, topics],
    };
    (meta, listing)
}

/// Where the build writes the built-in corpus's citations for the app ([`Citations`]).
pub const CITATIONS_PATH: &str = "citations.json";

/// The built-in corpus's citations as the build writes them for the app (its Cite view
/// fetches them when first opened): the styles are written at build time by a citation
/// library with bundled CSL styles, which the app does not carry.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Citations {
    /// The styles' names, in the order each message's references follow.
    pub styles: Vec<String>,
    /// Each message's citation, by id.
    pub messages: BTreeMap<String, Citation>,
}

/// One message's citation in every form ([`Citations`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Citation {
    /// Its reference in each style, as plain text.
    pub references: Vec<String>,
    /// Its BibTeX entry.
    pub bibtex: String,
    /// Its RIS record ([`ris`]).
    pub ris: String,
    /// Its CSL-JSON item ([`csl_item`]), as JSON text.
    pub csl: String,
}

/// The columns of [`CITATIONS_PATH`] after the styles' references.
const CITATION_COLUMNS: [&str; 3] = ["BibTeX", "RIS", "CSL-JSON"];

impl Citation {
    /// A message's citation with no styled references (a reader's corpus: the app carries
    /// no styles), from its CSL-JSON item.
    pub fn without_styles(item: &CslItem) -> Citation {
        Citation {
            ris: ris(item),
            csl: serde_json::to_string_pretty(item).unwrap_or_default(),
            ..Citation::default()
        }
    }
}

impl Citations {
    /// As [`CITATIONS_PATH`] holds them: a JSON array of rows of strings, the first naming
    /// the columns ("id", each style, "BibTeX", "RIS", "CSL-JSON"), then one per message
    /// (rows of strings, so that the app reads them with no reader of their own).
    pub fn to_json(&self) -> String {
        let header = std::iter::once("id")
            .chain(self.styles.iter().map(String::as_str))
            .chain(CITATION_COLUMNS);
        let rows = std::iter::once(header.collect::<Vec<_>>()).chain(self.messages.iter().map(
            |(id, c)| {
                std::iter::once(id.as_str())
                    .chain(c.references.iter().map(String::as_str))
                    .chain([c.bibtex.as_str(), c.ris.as_str(), c.csl.as_str()])
                    .collect()
            },
        ));
        serde_json::to_string(&rows.collect::<Vec<Vec<&str>>>()).unwrap_or_default()
    }

    /// Reads [`Citations::to_json`]'s text back; what is wrong with it, if anything.
    pub fn parse(text: &str) -> Result<Citations, String> {
        let rows: Vec<Vec<String>> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut rows = rows.into_iter();
        let header = rows.next().ok_or("no header row")?;
        let styles = header
            .len()
            .checked_sub(1 + CITATION_COLUMNS.len())
            .ok_or("too few columns")?;
        let mut messages = BTreeMap::new();
        for mut row in rows {
            if row.len() != header.len() {
                return Err(format!(
                    "a row of {} columns, not {}",
                    row.len(),
                    header.len()
                ));
            }
            let csl = row.pop().unwrap_or_default();
            let ris = row.pop().unwrap_or_default();
            let bibtex = row.pop().unwrap_or_default();
            let mut row = row.into_iter();
            let id = row.next().unwrap_or_default();
            let citation = Citation {
                references: row.collect(),
                bibtex,
                ris,
                csl,
            };
            messages.insert(id, citation);
        }
        Ok(Citations {
            styles: header[1..=styles].to_vec(),
            messages,
        })
    }
}

/// The citation files of messages for a reference manager: each message's BibTeX
/// entries, RIS records or CSL-JSON items, joined as each format joins them.
pub fn join_citations(citations: &[&Citation], format: CitationFile) -> String {
    match format {
        CitationFile::Bibtex => citations
            .iter()
            .map(|c| c.bibtex.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        CitationFile::Ris => citations.iter().map(|c| c.ris.as_str()).collect(),
        CitationFile::CslJson => {
            let items: Vec<&str> = citations.iter().map(|c| c.csl.as_str()).collect();
            format!("[\n{}\n]\n", items.join(",\n"))
        }
    }
}

/// A file a reference manager imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationFile {
    /// BibTeX (`.bib`).
    Bibtex,
    /// RIS (`.ris`).
    Ris,
    /// CSL-JSON (`.json`).
    CslJson,
}

impl CitationFile {
    /// Every format, in the order pages offer them.
    pub const ALL: [CitationFile; 3] = [
        CitationFile::Bibtex,
        CitationFile::Ris,
        CitationFile::CslJson,
    ];

    /// How a page names it.
    pub fn label(self) -> &'static str {
        match self {
            CitationFile::Bibtex => "BibTeX",
            CitationFile::Ris => "RIS",
            CitationFile::CslJson => "CSL-JSON",
        }
    }

    /// The file's name: "cite.bib" for one message's page, `{stem}.bib` for a selection.
    pub fn file_name(self, stem: &str) -> String {
        let extension = match self {
            CitationFile::Bibtex => "bib",
            CitationFile::Ris => "ris",
            CitationFile::CslJson => "json",
        };
        format!("{stem}.{extension}")
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            CitationFile::Bibtex => "application/x-bibtex",
            CitationFile::Ris => "application/x-research-info-systems",
            CitationFile::CslJson => "application/vnd.citationstyles.csl+json",
        }
    }

    /// Its short name (the tests').
    pub fn slug(self) -> &'static str {
        match self {
            CitationFile::Bibtex => "bibtex",
            CitationFile::Ris => "ris",
            CitationFile::CslJson => "csl",
        }
    }
}

/// A message as a reference manager holds it: an item of CSL-JSON, the Citation Style
/// Language's data format (only the fields a message has).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CslItem {
    /// The message's id.
    pub id: String,
    /// "chapter": a part of its source.
    #[serde(rename = "type")]
    pub kind: String,
    /// Its message set, heading and place under it.
    pub title: String,
    /// Its source's title.
    #[serde(
        rename = "container-title",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub container_title: Option<String>,
    /// Its source's publisher, as an institution.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<CslName>,
    /// Its source's publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Its source's date, as far as it is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<CslDate>,
    /// Where to read it.
    #[serde(rename = "URL", default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where it is in its source (the locator).
    pub section: String,
    /// Its language.
    pub language: String,
}

/// A name in CSL-JSON: an institution's, written as it is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CslName {
    /// The name.
    pub literal: String,
}

/// A date in CSL-JSON: year, and month where known.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CslDate {
    /// One date: `[[year, month]]` or `[[year]]`.
    #[serde(rename = "date-parts")]
    pub date_parts: Vec<Vec<i64>>,
}

/// A message's [`CslItem`]: a chapter of its source, by the source's publisher, titled by
/// its message set, heading and place under it, at `url` (its page's address when the
/// site's is known, else its source's, where known).
pub fn csl_item(explorer: &Explorer, position: usize, url: Option<&str>) -> CslItem {
    let corpus = explorer.corpus();
    let message = &corpus.messages[position];
    let d = explorer.details(position);
    let meeting = corpus.meeting(&message.meeting);
    let source = corpus.source(&message.source.source);
    let (number, of) = place_under_heading(&corpus.messages, position);
    let set = set_name(meeting, &d.meeting);
    let title = match &d.heading {
        Some(heading) => format!("{set}: {heading}, message {number} of {of}"),
        None => format!("{set}, message {number} of {of}"),
    };
    let publisher = source.and_then(|s| s.publisher.clone());
    CslItem {
        id: message.id.clone(),
        kind: "chapter".to_string(),
        title,
        container_title: source.map(|s| s.title.clone()),
        author: publisher
            .iter()
            .map(|p| CslName { literal: p.clone() })
            .collect(),
        publisher,
        // The source's date as it prints it; none when it prints none (the meeting's year
        // is not the date of a republication, and a style writes "n.d." rather than a guess).
        issued: source
            .and_then(|s| s.date.as_deref())
            .and_then(date_parts)
            .map(|parts| CslDate {
                date_parts: vec![parts],
            }),
        url: url
            .map(str::to_string)
            .or_else(|| source.and_then(|s| s.url.clone())),
        section: message.source.locator.clone(),
        language: corpus.language.clone().unwrap_or_else(|| "en".to_string()),
    }
}

/// Year and month of a date as sources print it ("December 2017", "2023"), for CSL.
fn date_parts(date: &str) -> Option<Vec<i64>> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<String> = date.split_whitespace().map(str::to_lowercase).collect();
    let year = words
        .iter()
        .find_map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_digit())
                .parse::<i64>()
                .ok()
        })
        .filter(|y| (1990..=2100).contains(y))?;
    let month = words
        .iter()
        .find_map(|w| MONTHS.iter().position(|m| m == w));
    Some(match month {
        Some(m) => vec![year, m as i64 + 1],
        None => vec![year],
    })
}

/// A CSL-JSON item ([`csl_item`]) as an RIS record, the tagged format most reference
/// managers import (no Rust library writes RIS; its tags are few and fixed: a tag, two
/// spaces, a hyphen, a space, the value, one per line, `TY` first and `ER` last).
pub fn ris(item: &CslItem) -> String {
    let one_line = |v: &str| v.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut lines = vec![("TY", "CHAP".to_string())];
    for author in &item.author {
        lines.push(("AU", one_line(&author.literal)));
    }
    lines.push(("TI", one_line(&item.title)));
    for (tag, value) in [("T2", &item.container_title), ("PB", &item.publisher)] {
        if let Some(value) = value {
            lines.push((tag, one_line(value)));
        }
    }
    if let Some(year) = item
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first()?.first())
    {
        lines.push(("PY", year.to_string()));
    }
    if let Some(url) = &item.url {
        lines.push(("UR", one_line(url)));
    }
    lines.push(("LA", one_line(&item.language)));
    lines.push(("N1", one_line(&item.section)));
    lines.push(("ID", one_line(&item.id)));
    lines.push(("ER", String::new()));
    lines
        .into_iter()
        .map(|(tag, value)| format!("{tag}  - {value}\r\n"))
        .collect()
}

/// A message as a line of a listing: its locator linked to its page, then its text.
fn message_item(message: &Message) -> Item {
    Item {
        path: message_path(&message.id),
        label: message.source.locator.clone(),
        text: message.text.clone(),
    }
}

/// The address of a message in the app from the site's root ("index.html#/message/x",
/// the address every shared link used).
pub fn app_address(id: &str) -> String {
    let view = View {
        route: Route::Message(id.to_string()),
        ..View::default()
    };
    format!("index.html{}", url::render(&view))
}

/// The address in the app, from the site's root, of the messages of one meeting or topic
/// ("index.html#/explore?meeting=x").
pub fn filtered_address(facet: Facet, id: &str) -> String {
    let mut view = View::default();
    view.selection.filters.toggle(facet, id);
    format!("index.html{}", url::render(&view))
}

/// The app's own links made to work on a static page `root` away from the site's root:
/// a message's address goes to its page; any other address of the app to the app's page
/// with that address; the site's files from the root.
pub fn static_links(html: &str, root: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("href=\"") {
        let start = at + "href=\"".len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let href = &rest[..end];
        let message = href
            .strip_prefix("#/message/")
            .filter(|id| !id.contains(['?', '&', '/', '#']));
        if let Some(id) = message {
            out.push_str(root);
            out.push_str(&message_path(id));
            // A link that shows its own address (a permalink) shows the page's path.
            let text = rest[end..].find('>').map(|gt| end + gt + 1);
            if let Some(text) = text.filter(|&t| rest[t..].starts_with(&format!("{href}</a>"))) {
                out.push_str(&rest[end..text]);
                out.push_str(&message_path(id));
                rest = &rest[text + href.len()..];
                continue;
            }
        } else if href.starts_with("#/") {
            out.push_str(root);
            out.push_str("index.html");
            out.push_str(href);
        } else if href.contains(':') || href.starts_with(['/', '#']) {
            out.push_str(href);
        } else {
            out.push_str(root);
            out.push_str(href.trim_start_matches("./"));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Server-rendered HTML without Yew's component markers (`<!--<[…]>-->`), which only a
/// hydrating app would read. Yew escapes text, so every literal `<!--` is such a marker.
pub fn without_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

/// Text made safe inside HTML (an attribute's quotes included).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The site's files a static page links, as paths from the site's root.
#[derive(Debug, Clone, Copy)]
pub struct PageFiles<'a> {
    /// Its style sheets, in order (the app's, then the static pages' own).
    pub stylesheets: &'a [&'a str],
    /// The site's icon.
    pub icon: &'a str,
    /// The page's script and the app it starts, on a page the app can start on (a
    /// message's); other pages run no script (their policy lets none run).
    pub script: Option<PageScript<'a>>,
}

/// A static page's script (`page.js`) and what it needs to start the app in the page.
#[derive(Debug, Clone, Copy)]
pub struct PageScript<'a> {
    /// The script, from the site's root.
    pub src: &'a str,
    /// The app's loader, from the site's root: the script imports it to start the app.
    pub loader: &'a str,
    /// The app's address of the page's message, from the site's root ([`app_address`]).
    pub app_address: &'a str,
    /// The app's Content-Security-Policy (`index.html`'s): once it starts, the app runs
    /// under the page's.
    pub policy: &'a str,
}

/// The `<head>` of a static page: what it is called and says of itself, its address
/// when the site's is known (`site`, from [`site_url`]), and the files it links.
pub fn head(meta: &PageMeta, site: Option<&str>, files: &PageFiles) -> String {
    let script = files.script;
    let root = meta.root();
    let mut h = String::new();
    let mut tag = |name: &str, attribute: &str, content: &str| {
        h.push_str(&format!(
            "<meta {attribute}=\"{name}\" content=\"{}\">\n",
            escape(content)
        ));
    };
    tag("description", "name", &meta.description);
    tag("og:title", "property", &meta.title);
    tag("og:description", "property", &meta.description);
    tag("og:type", "property", meta.kind);
    tag("og:site_name", "property", SITE_NAME);
    tag("twitter:card", "name", "summary");
    tag("twitter:title", "name", &meta.title);
    tag("twitter:description", "name", &meta.description);
    if let Some(site) = site {
        tag("og:url", "property", &format!("{site}{}", meta.path));
    }
    for (name, content) in &meta.citation {
        tag(&format!("citation_{name}"), "name", content);
    }
    if let Some(site) = site {
        tag(
            "citation_public_url",
            "name",
            &format!("{site}{}", meta.path),
        );
    }
    let mut out = String::from(
        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    // With no script: `connect-src 'self'`, as nothing on the page fetches, but tools that
    // judge a page read the site's robots.txt from within it (Lighthouse's SEO audit fails
    // when they cannot). With one, the app's own policy, under which it starts.
    let policy = script.map_or(
        "default-src 'none'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
        |s| s.policy,
    );
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        // (Its quotes are single: written as they are, the policy reads as in index.html.)
        policy.replace('"', "&quot;")
    ));
    out.push_str(&format!("<title>{}</title>\n", escape(&meta.title)));
    out.push_str(&h);
    if let Some(site) = site {
        out.push_str(&format!(
            "<link rel=\"canonical\" href=\"{}\">\n",
            escape(&format!("{site}{}", meta.path))
        ));
    }
    for stylesheet in files.stylesheets {
        out.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{root}{}\">\n",
            escape(stylesheet)
        ));
    }
    out.push_str(&format!(
        "<link rel=\"icon\" href=\"{root}{}\">\n",
        escape(files.icon)
    ));
    if let Some(script) = script {
        out.push_str(&format!(
            "<script src=\"{root}{}\" data-loader=\"{root}{}\" data-app=\"{root}{}\" defer></script>\n",
            escape(script.src),
            escape(script.loader),
            escape(script.app_address)
        ));
    }
    // A JSON data block, never run; "<" written as an escape so that no text closes it.
    let json = meta.json_ld.to_string().replace('<', "\\u003c");
    out.push_str(&format!(
        "<script type=\"application/ld+json\">{json}</script>\n"
    ));
    out
}

/// `sitemap.xml`: every page's address (the site's address is needed: a sitemap lists
/// absolute addresses).
pub fn sitemap(site: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in std::iter::once(&String::new()).chain(paths) {
        out.push_str(&format!(
            "<url><loc>{}</loc></url>\n",
            escape(&format!("{site}{path}"))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be read; where the sitemap is.
pub fn robots(site: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;

    fn explorer() -> Explorer {
        Explorer::new(Corpus::builtin().unwrap())
    }

    #[test]
    fn every_message_page_has_a_title_of_its_own() {
        let e = explorer();
        let mut titles: Vec<String> = (0..e.corpus().messages.len())
            .map(|p| message_meta(&e, p).title)
            .collect();
        let count = titles.len();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), count);
    }

    #[test]
    fn a_message_page_says_what_it_quotes_and_where_from() {
        let e = explorer();
        let meta = message_meta(&e, 0);
        let m = &e.corpus().messages[0];
        assert_eq!(meta.path, format!("message/{}/", m.id));
        assert_eq!(meta.root(), "../../");
        assert!(meta.title.contains("Geneva 2017"), "{}", meta.title);
        assert!(m.text.starts_with(meta.description.trim_end_matches('…')));
        assert!(meta.description.chars().count() <= DESCRIPTION_CHARS + 1);
        assert_eq!(meta.json_ld["text"], m.text.as_str());
        assert_eq!(meta.json_ld["@type"], "Quotation");
        assert!(meta.json_ld["citation"]["name"].is_string());
        assert!(meta.citation.iter().any(|(n, _)| *n == "title"));
        assert!(meta
            .citation
            .iter()
            .any(|(n, v)| *n == "publication_date" && v == "2017"));
    }

    #[test]
    fn the_head_names_the_page_and_escapes_what_it_quotes() {
        let meta = PageMeta {
            path: "message/x/".into(),
            title: "A \"quoted\" <b>title</b> & more".into(),
            description: "It's <script>alert(1)</script>".into(),
            kind: "article",
            json_ld: json!({ "text": "</script><script>alert(1)</script>" }),
            citation: vec![("title", "T & T".into())],
        };
        let files = PageFiles {
            stylesheets: &["style-1.css", "site-1.css"],
            icon: "favicon.svg",
            script: None,
        };
        let head = head(&meta, None, &files);
        assert!(head
            .contains("<title>A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt; &amp; more</title>"));
        assert!(head.contains("content=\"It&#39;s &lt;script&gt;alert(1)&lt;/script&gt;\""));
        assert!(!head.contains("</script><script>"));
        assert_eq!(head.matches("</script>").count(), 1);
        assert!(head.contains(
            "<link rel=\"stylesheet\" href=\"../../style-1.css\">\n<link rel=\"stylesheet\" href=\"../../site-1.css\">"
        ));
        assert!(head.contains("name=\"citation_title\" content=\"T &amp; T\""));
        assert!(!head.contains("canonical") && !head.contains("og:url"));
        assert!(!head.contains("script-src") && !head.contains("<script src"));
        let with_site = super::head(
            &meta,
            Some("https://example.org/m/"),
            &PageFiles {
                script: Some(PageScript {
                    src: "page-1.js",
                    loader: "loader-1.js",
                    app_address: "index.html#/message/x",
                    policy: "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'",
                }),
                ..files
            },
        );
        assert!(with_site
            .contains("content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval'\""));
        assert!(with_site.contains(
            "<script src=\"../../page-1.js\" data-loader=\"../../loader-1.js\" data-app=\"../../index.html#/message/x\" defer></script>"
        ));
        assert!(with_site
            .contains("<link rel=\"canonical\" href=\"https://example.org/m/message/x/\">"));
        assert!(
            with_site.contains("property=\"og:url\" content=\"https://example.org/m/message/x/\"")
        );
    }

    #[test]
    fn the_apps_links_work_on_a_static_page() {
        // A permalink shows the page's path instead of the app's address.
        assert_eq!(
            static_links(
                r##"<a href="#/message/x-1" data-testid="permalink">#/message/x-1</a> <a href="#/message/x-2">#/message/x-2 and more</a>"##,
                "../../"
            ),
            r##"<a href="../../message/x-1/" data-testid="permalink">message/x-1/</a> <a href="../../message/x-2/">#/message/x-2 and more</a>"##
        );
        let html = r##"<a href="#/message/kyoto-2023-ai-1">a</a><a href="#/explore?q=data">b</a><a href="#/message/x?like=1">c</a><a href="https://example.org/">d</a><a href="#main">e</a><link href="./style.css">"##;
        assert_eq!(
            static_links(html, "../../"),
            r##"<a href="../../message/kyoto-2023-ai-1/">a</a><a href="../../index.html#/explore?q=data">b</a><a href="../../index.html#/message/x?like=1">c</a><a href="https://example.org/">d</a><a href="#main">e</a><link href="../../style.css">"##
        );
    }

    #[test]
    fn a_site_address_is_checked() {
        assert_eq!(
            site_url("https://example.org/messages").unwrap(),
            "https://example.org/messages/"
        );
        assert_eq!(
            site_url(" http://example.org/ ").unwrap(),
            "http://example.org/"
        );
        for bad in [
            "example.org",
            "ftp://x/",
            "https://",
            "https://x/?a=1",
            "https://x/#a",
            "https://x/\"y",
        ] {
            assert!(site_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn listings_link_every_message_once() {
        let e = explorer();
        let mut linked: Vec<String> = (0..e.corpus().meetings.len())
            .flat_map(|m| meeting_listing(&e, m).1.groups)
            .flat_map(|g| g.items)
            .map(|i| i.path)
            .collect();
        linked.sort();
        let mut expected: Vec<String> = e
            .corpus()
            .messages
            .iter()
            .map(|m| message_path(&m.id))
            .collect();
        expected.sort();
        assert_eq!(linked, expected);
        let (_, browse) = browse_listing(&e);
        assert!(browse.groups[0].items.len() >= 5);
        assert!(browse.groups[1]
            .items
            .iter()
            .all(|i| i.path.starts_with("topic/")));
        let (meta, topic) = topic_listing(&e, 0);
        assert!(meta.path.starts_with("topic/"));
        assert!(topic.groups.iter().all(|g| !g.items.is_empty()));
    }

    #[test]
    fn a_message_is_cited_as_a_chapter_of_its_source() {
        let e = explorer();
        let item = csl_item(&e, 0, Some("https://example.org/m/message/x/"));
        let m = &e.corpus().messages[0];
        assert_eq!(item.id, m.id);
        assert_eq!(item.kind, "chapter");
        assert_eq!(item.author[0].literal, "Internet Governance Forum");
        assert_eq!(item.issued.as_ref().unwrap().date_parts, [[2017, 12]]);
        assert_eq!(
            item.url.as_deref(),
            Some("https://example.org/m/message/x/")
        );
        assert!(item.title.ends_with(", message 1 of 6"), "{}", item.title);
        // As CSL-JSON names its fields.
        let json = serde_json::to_value(&item).unwrap();
        assert_eq!(json["type"], "chapter");
        assert_eq!(json["container-title"], json!(e.corpus().sources[0].title));
        assert_eq!(json["issued"]["date-parts"][0], json!([2017, 12]));
        assert_eq!(json["URL"], "https://example.org/m/message/x/");
        // With no site address, the source's address where one is known, else none.
        let item = csl_item(&e, 0, None);
        assert_eq!(item.url, e.corpus().sources[0].url);
        assert!(serde_json::to_value(&item).unwrap().get("URL").is_none() || item.url.is_some());
        let record = ris(&item);
        assert!(record.starts_with("TY  - CHAP\r\n"));
        assert!(record.ends_with("ER  - \r\n"));
        assert!(record.contains("AU  - Internet Governance Forum\r\n"));
        assert!(record.contains("PY  - 2017\r\n"));
        assert!(
            record.lines().all(|l| l.len() >= 6 && &l[2..6] == "  - "),
            "{record}"
        );
        assert_eq!(date_parts("December 2017"), Some(vec![2017, 12]));
        assert_eq!(date_parts("2023"), Some(vec![2023]));
        assert_eq!(date_parts("soon"), None);
    }

    #[test]
    fn the_apps_citations_file_reads_back() {
        let e = explorer();
        let mut all = Citations {
            styles: vec!["APA 7".into(), "MLA 9".into()],
            ..Citations::default()
        };
        for position in [0, 1] {
            let item = csl_item(&e, position, None);
            let mut citation = Citation::without_styles(&item);
            citation.references = vec![format!("A \"{}\"", item.title), "B\n<b>".into()];
            citation.bibtex = format!("@incollection{{{},\n}}\n", item.id);
            all.messages.insert(item.id.clone(), citation);
        }
        assert_eq!(Citations::parse(&all.to_json()), Ok(all.clone()));
        for bad in [
            "",
            "{}",
            "[]",
            "[[\"id\"]]",
            "[[\"id\",\"a\",\"b\",\"c\"],[\"x\"]]",
        ] {
            assert!(Citations::parse(bad).is_err(), "{bad}");
        }
        // Joined, the CSL-JSON items make one array of items.
        let both: Vec<&Citation> = all.messages.values().collect();
        let joined: Value =
            serde_json::from_str(&join_citations(&both, CitationFile::CslJson)).unwrap();
        assert_eq!(joined.as_array().unwrap().len(), 2);
        assert_eq!(joined[0]["type"], "chapter");
        let ris = join_citations(&both, CitationFile::Ris);
        assert_eq!(ris.matches("TY  - CHAP").count(), 2);
    }

    #[test]
    fn sitemap_and_robots_name_the_site() {
        let map = sitemap("https://example.org/m/", &["message/a/".to_string()]);
        assert!(map.contains("<loc>https://example.org/m/</loc>"));
        assert!(map.contains("<loc>https://example.org/m/message/a/</loc>"));
        assert!(
            robots("https://example.org/m/").contains("Sitemap: https://example.org/m/sitemap.xml")
        );
    }
}
