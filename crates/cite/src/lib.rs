//! A message's citation in the styles readers are asked for (APA 7, Chicago author-date,
//! MLA) and as BibTeX, each written by a library made for it from the message's CSL-JSON
//! item (`core::site::csl_item`): the styles by `hayagriva` (a CSL processor) with three of
//! its bundled CSL styles and its en-US locale (taken out at build time, `build.rs`),
//! BibTeX by `biblatex`. Used twice: by the `site` example at build time for the built-in
//! messages (the static pages and `citations.json`), and as its own Wasm module, fetched
//! only when the Cite view opens on a reader's own corpus ([`cite`]). The app's `cite`
//! test reads what it writes back.

use std::fmt::Write as _;

use biblatex::{Bibliography, Chunk, Entry, EntryType, Spanned};
use hayagriva::citationberg::{json::Item, IndependentStyle, Locale, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
};
use messages_explorer_core::site::{Citation, Citations, CslItem};

/// The names of the styles the pages offer, in the order they show them (the styles
/// themselves: `build.rs`, in the same order).
pub const STYLES: [&str; 3] = ["APA 7", "Chicago", "MLA 9"];

/// The styles and locale build.rs took from hayagriva's archive.
const ARCHIVE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/styles.cbor"));

/// The styles and locale, read once.
pub struct Styles {
    styles: Vec<(&'static str, IndependentStyle)>,
    locales: Vec<Locale>,
}

impl Default for Styles {
    fn default() -> Self {
        Self::new()
    }
}

impl Styles {
    /// Reads the styles and the locale (the bytes are the build's own: they always read).
    pub fn new() -> Self {
        let (styles, locales): (Vec<Style>, Vec<Locale>) =
            ciborium::de::from_reader(ARCHIVE).expect("build.rs wrote the styles");
        let styles = styles.into_iter().filter_map(|style| match style {
            Style::Independent(style) => Some(style),
            Style::Dependent(_) => None,
        });
        Self {
            styles: STYLES.into_iter().zip(styles).collect(),
            locales,
        }
    }

    /// The item's reference in each style, as plain text: (style's name, reference).
    pub fn references(&self, csl: &CslItem) -> Result<Vec<(&'static str, String)>, String> {
        // Read as CSL-JSON by the CSL library's own reader.
        let item: Item = serde_json::to_value(csl)
            .and_then(serde_json::from_value)
            .map_err(|e| format!("not a CSL-JSON item: {e}"))?;
        self.styles
            .iter()
            .map(|(name, style)| {
                let mut driver = BibliographyDriver::new();
                driver.citation(CitationRequest::from_items(
                    vec![CitationItem::with_entry(&item)],
                    style,
                    &self.locales,
                ));
                let rendered = driver.finish(BibliographyRequest::new(style, None, &self.locales));
                let entry = rendered
                    .bibliography
                    .and_then(|b| b.items.into_iter().next())
                    .ok_or_else(|| format!("{name} wrote no reference"))?;
                let mut text = String::new();
                entry
                    .content
                    .write_buf(&mut text, BufWriteFormat::Plain)
                    .map_err(|e| e.to_string())?;
                Ok((*name, keep_inner_capitals(text.trim(), csl)))
            })
            .collect()
    }
}

/// The reference with each word that the titles write with a capital inside (an acronym
/// such as "NRIs") as they write it: the styles that write titles in title case (Chicago,
/// MLA) would make "Nris" of it, where CSL processors such as citeproc-js leave such words
/// alone, and hayagriva 0.10 reads no "nocase" markup from CSL-JSON.
pub fn keep_inner_capitals(text: &str, csl: &CslItem) -> String {
    // Never inside the address.
    if let Some(url) = csl.url.as_deref().filter(|u| text.contains(u)) {
        return text
            .split(url)
            .map(|part| {
                keep_inner_capitals(
                    part,
                    &CslItem {
                        url: None,
                        ..csl.clone()
                    },
                )
            })
            .collect::<Vec<_>>()
            .join(url);
    }
    let titles = [Some(&csl.title), csl.container_title.as_ref()];
    let words = titles
        .into_iter()
        .flatten()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        // (ASCII words: lower-casing them keeps every byte where it was.)
        .filter(|w| w.is_ascii() && w.chars().skip(1).any(|c| c.is_ascii_uppercase()));
    let mut text = text.to_string();
    for word in words {
        let lower = word.to_ascii_lowercase();
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        // Whole words only, compared without case.
        while let Some(at) = rest.to_ascii_lowercase().find(&lower) {
            let (before, after) = (&rest[..at], &rest[at + word.len()..]);
            let bounded = !before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !after.chars().next().is_some_and(char::is_alphanumeric);
            out.push_str(before);
            out.push_str(if bounded {
                word
            } else {
                &rest[at..at + word.len()]
            });
            rest = after;
        }
        out.push_str(rest);
        text = out;
    }
    text
}

/// The item as a BibTeX `@incollection` entry, keyed by the message's id.
pub fn bibtex(csl: &CslItem) -> String {
    let mut entry = Entry::new(csl.id.clone(), EntryType::InCollection);
    let normal = |v: &str| vec![Spanned::detached(Chunk::Normal(v.to_string()))];
    // A publisher that is an organisation is written in braces, so BibTeX does not take
    // "Internet Governance Forum" for a person's given and family names.
    if !csl.author.is_empty() {
        entry.set(
            "author",
            csl.author
                .iter()
                .map(|a| Spanned::detached(Chunk::Verbatim(a.literal.clone())))
                .collect(),
        );
    }
    entry.set("title", normal(&csl.title));
    for (field, value) in [
        ("booktitle", &csl.container_title),
        ("publisher", &csl.publisher),
    ] {
        if let Some(value) = value {
            entry.set(field, normal(value));
        }
    }
    entry.set("chapter", normal(&csl.section));
    entry.set("language", normal(&csl.language));
    if let Some(parts) = csl.issued.as_ref().and_then(|d| d.date_parts.first()) {
        let mut date = String::new();
        if let Some(year) = parts.first() {
            date = year.to_string();
            if let Some(month) = parts.get(1) {
                let _ = write!(date, "-{month:02}");
            }
        }
        // Written as BibTeX's year and month fields.
        entry.set("date", normal(&date));
    }
    if let Some(url) = &csl.url {
        // A verbatim field: its characters are written as they are.
        entry.set("url", normal(url));
    }
    let mut bibliography = Bibliography::new();
    bibliography.insert(entry);
    bibliography.to_bibtex_string()
}

/// The item's citation: its references in [`STYLES`] (in that order), BibTeX, RIS and
/// CSL-JSON.
pub fn citation(styles: &Styles, item: &CslItem) -> Result<Citation, String> {
    Ok(Citation {
        references: styles
            .references(item)?
            .into_iter()
            .map(|(_, text)| text)
            .collect(),
        bibtex: bibtex(item),
        ..Citation::without_styles(item)
    })
}

/// Citations in [`STYLES`], of no message yet.
pub fn no_citations() -> Citations {
    Citations {
        styles: STYLES.iter().map(|name| name.to_string()).collect(),
        ..Citations::default()
    }
}

/// Each item's [`citation`].
pub fn citations(styles: &Styles, items: &[CslItem]) -> Result<Citations, String> {
    let mut citations = no_citations();
    for item in items {
        citations
            .messages
            .insert(item.id.clone(), citation(styles, item)?);
    }
    Ok(citations)
}

/// The Cite view's call for a reader's own corpus: `items`, a JSON array of CSL-JSON items
/// (`core::site::csl_item`), answered as `citations.json` is written
/// (`Citations::to_json`), or an error that says what was wrong.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn cite(items: &str) -> Result<String, wasm_bindgen::JsValue> {
    thread_local! {
        // Read once for the module's life (the page asks a part of a selection at a time).
        static STYLES: Styles = Styles::new();
    }
    let items: Vec<CslItem> = serde_json::from_str(items)
        .map_err(|e| wasm_bindgen::JsValue::from_str(&format!("not CSL-JSON items: {e}")))?;
    STYLES
        .with(|styles| citations(styles, &items))
        .map(|c| c.to_json())
        .map_err(|e| wasm_bindgen::JsValue::from_str(&e))
}
