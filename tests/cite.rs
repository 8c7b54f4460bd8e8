//! Every message's citation, as the static pages offer it (the `site` example writes the
//! same): its CSL-JSON item is one the Citation Style Language's own reader accepts, each
//! style writes a reference naming its source and publisher, and its BibTeX parses back
//! (with `biblatex`) to the same fields. The e2e suite reads the files a reader downloads
//! with another implementation (citation.js): BibTeX, RIS and CSL-JSON.

use messages_explorer_cite as cite;

use biblatex::{Bibliography, ChunksExt};
use hayagriva::citationberg::json::Item;
use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::Explorer;
use messages_explorer::core::site;

#[test]
fn every_message_is_cited_in_each_style_and_its_bibtex_parses_back() {
    let explorer = Explorer::new(Corpus::builtin().unwrap());
    let styles = cite::Styles::new();
    let corpus = explorer.corpus();
    for (position, message) in corpus.messages.iter().enumerate() {
        let url = format!("https://example.org/m/message/{}/", message.id);
        let item = site::csl_item(&explorer, position, Some(&url));
        let json = serde_json::to_value(&item).unwrap();
        let parsed: Item = serde_json::from_value(json.clone())
            .unwrap_or_else(|e| panic!("{}: not CSL-JSON: {e}", message.id));
        drop(parsed);
        // Read back, the same item.
        let back: site::CslItem = serde_json::from_value(json).unwrap();
        assert_eq!(back, item);
        let source = corpus.source(&message.source.source).unwrap();
        let publisher = source.publisher.as_deref().unwrap_or(&source.title);
        let references = styles.references(&item).unwrap();
        assert_eq!(
            references.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ["APA 7", "Chicago", "MLA 9"]
        );
        for (style, text) in &references {
            assert!(
                text.to_lowercase().contains(&publisher.to_lowercase()) && text.contains(&url),
                "{} in {style}: {text}",
                message.id
            );
            assert!(
                !text.contains('<') && !text.contains('{'),
                "{} in {style}: markup in {text}",
                message.id
            );
        }
        // Chicago and MLA write titles in title case: the set's name is compared as words.
        let title = item.title.as_str();
        let set = title.split([':', ',']).next().unwrap().to_lowercase();
        assert!(
            references
                .iter()
                .all(|(_, t)| t.to_lowercase().contains(&set)),
            "{}: {references:?}",
            message.id
        );

        // A word the heading writes with a capital inside is written so in every style.
        for word in title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().skip(1).any(char::is_uppercase))
        {
            for (style, text) in &references {
                assert!(
                    text.contains(word),
                    "{} in {style}: {word} in {text}",
                    message.id
                );
            }
        }

        let bibtex = cite::bibtex(&item);
        let back = Bibliography::parse(&bibtex)
            .unwrap_or_else(|e| panic!("{}: BibTeX does not parse: {e:?}\n{bibtex}", message.id));
        assert_eq!(back.len(), 1, "{bibtex}");
        let entry = back.get(&message.id).expect("keyed by the message's id");
        assert_eq!(entry.title().unwrap().format_verbatim(), title, "{bibtex}");
        assert_eq!(
            entry.book_title().unwrap().format_verbatim(),
            source.title,
            "{bibtex}"
        );
        let authors = entry.get("author").map(|a| a.format_verbatim());
        assert_eq!(authors.as_deref(), source.publisher.as_deref(), "{bibtex}");
        assert_eq!(entry.url().unwrap(), url, "{bibtex}");
    }
}

#[test]
fn without_a_site_address_a_citation_points_at_the_source_where_one_is_known() {
    let explorer = Explorer::new(Corpus::builtin().unwrap());
    let styles = cite::Styles::new();
    let corpus = explorer.corpus();
    for (position, message) in corpus.messages.iter().enumerate() {
        let item = site::csl_item(&explorer, position, None);
        let source = corpus.source(&message.source.source).unwrap();
        for (style, text) in styles.references(&item).unwrap() {
            match &source.url {
                Some(url) => assert!(text.contains(url.as_str()), "{style}: {text}"),
                None => assert!(!text.contains("http"), "{style}: {text}"),
            }
        }
    }
}

#[test]
fn a_dated_source_gives_bibtex_its_year_and_month() {
    let explorer = Explorer::new(Corpus::builtin().unwrap());
    let position = explorer
        .corpus()
        .messages
        .iter()
        .position(|m| m.source.source == "igf-2017-chair-summary")
        .unwrap();
    let item = site::csl_item(&explorer, position, Some("https://example.org/m/x/"));
    let bibtex = cite::bibtex(&item);
    let back = Bibliography::parse(&bibtex).unwrap();
    let entry = back.iter().next().unwrap();
    assert_eq!(
        entry.get("year").unwrap().format_verbatim(),
        "2017",
        "{bibtex}"
    );
    assert!(
        bibtex.contains("url = {https://example.org/m/x/}"),
        "{bibtex}"
    );
    let references = cite::Styles::new().references(&item).unwrap();
    assert!(
        references[0]
            .1
            .starts_with("Internet Governance Forum. (2017). Geneva Messages: "),
        "{references:?}"
    );
}

#[test]
fn a_readers_corpus_is_cited_by_the_same_writer_as_the_cite_views_module_answers() {
    // What the Cite view's module (`messages_explorer_cite::cite`) answers for a reader's
    // corpus: every message in each style and as BibTeX, in `citations.json`'s form, which
    // the app reads back (`Citations::parse`).
    let corpus = Corpus::from_file(
        "corpus-template.csv",
        include_bytes!("../assets/corpus-template.csv"),
    )
    .unwrap();
    let explorer = Explorer::new(corpus);
    let items: Vec<_> = (0..explorer.corpus().messages.len())
        .map(|m| site::csl_item(&explorer, m, None))
        .collect();
    let citations = cite::citations(&cite::Styles::new(), &items).unwrap();
    assert_eq!(citations.styles, cite::STYLES);
    let back = site::Citations::parse(&citations.to_json()).unwrap();
    assert_eq!(back, citations);
    for item in &items {
        let citation = &back.messages[&item.id];
        assert_eq!(citation.references.len(), 3);
        // (The styles punctuate and quote the title: its first words, and the source.)
        // (Compared without case: Chicago and MLA write titles in title case.)
        let opening = item.title.split(':').next().unwrap().to_lowercase();
        let source = item.container_title.as_deref().unwrap();
        for reference in &citation.references {
            assert!(
                reference.to_lowercase().contains(&opening) && reference.contains(source),
                "{reference} / {opening} / {source}"
            );
        }
        let bibtex = Bibliography::parse(&citation.bibtex).unwrap();
        assert_eq!(bibtex.iter().next().unwrap().key, item.id);
    }
}
