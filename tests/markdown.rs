//! The Markdown corpus layout: what the app exports reads back to the same messages,
//! headings, sources and coverage (the built-in corpus and generated ones), and no input
//! makes the reader panic.

use std::collections::BTreeMap;

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::markdown::{corpus_from_markdown, write_markdown};

/// What a round trip must keep, in comparable form: per meeting its description and
/// headings (with topic labels), and per heading (or none) its messages in order.
fn summary(corpus: &Corpus) -> BTreeMap<String, String> {
    let label = |id: &str| {
        corpus
            .topics
            .iter()
            .find(|t| t.id == id)
            .map_or(id.to_string(), |t| t.label.clone())
    };
    let source = |id: &str| {
        corpus
            .sources
            .iter()
            .find(|s| s.id == id)
            .map_or(format!("? {id}"), |s| {
                format!(
                    "{} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
                    s.id,
                    s.title,
                    s.url,
                    s.publisher,
                    s.date,
                    s.file,
                    s.also_in,
                    s.note,
                    s.publisher_site
                )
            })
    };
    let mut out = BTreeMap::new();
    for meeting in &corpus.meetings {
        if !corpus.messages.iter().any(|m| m.meeting == meeting.id) {
            continue;
        }
        let set = &meeting.message_set;
        out.insert(
            format!("{} meeting", meeting.id),
            format!(
                "{} {:?} {} {:?} {:?}",
                meeting.year.0, meeting.place, meeting.online, set.name, set.coverage
            ),
        );
        for (i, heading) in set.headings.iter().enumerate() {
            let topics: Vec<String> = heading.topics.iter().map(|t| label(t)).collect();
            out.insert(
                format!("{} heading {i:03}", meeting.id),
                format!(
                    "{} {:?} {topics:?} {:?}",
                    heading.id, heading.name, heading.name_source
                ),
            );
        }
    }
    for message in &corpus.messages {
        let key = format!("{} {:?} messages", message.meeting, message.heading);
        let topics: Vec<String> = message.editorial_topics.iter().map(|t| label(t)).collect();
        let line = format!(
            "{} | {:?} | {:?} | {} | {:?} | {:?} | {topics:?}\n",
            message.id,
            message.subheading,
            message.text,
            source(&message.source.source),
            message.source.locator,
            message.source.curator
        );
        out.entry(key).or_insert_with(String::new).push_str(&line);
    }
    out
}

fn round_trip(corpus: &Corpus) -> Result<Corpus, String> {
    let all: Vec<usize> = (0..corpus.messages.len()).collect();
    let text = write_markdown(corpus, &all, &[]);
    corpus_from_markdown(&text, "x").map_err(|problems| {
        let listed: Vec<String> = problems.iter().take(5).map(|p| p.to_string()).collect();
        format!("{}\n---\n{text}", listed.join("\n"))
    })
}

#[test]
fn the_built_in_corpus_reads_back_the_same() {
    let corpus = Corpus::builtin().unwrap();
    let back = round_trip(&corpus).unwrap();
    let (a, b) = (summary(&corpus), summary(&back));
    for (key, value) in &a {
        assert_eq!(Some(value), b.get(key), "{key}");
    }
    assert_eq!(a.len(), b.len());
    // Everything but its name: an export of the built-in corpus is a copy.
    assert_eq!(
        (back.id.as_str(), back.title.as_str()),
        corpus.exported_identity()
    );
    assert_eq!(back.id, "igf-messages-copy");
}

mod generated {
    use super::*;
    use messages_explorer::core::corpus::{
        Coverage, CoverageStatus, Fact, Heading, Meeting, Message, MessageSet, Source, SourceRef,
        Topic, Year, SCHEMA_VERSION,
    };
    use messages_explorer::core::validate::check;
    use proptest::prelude::*;

    /// Message text made of what Markdown would read as markup, and of what it drops.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            4 => "[a-zA-Zéü’“” ]{1,12}",
            1 => proptest::sample::select(vec![
                "*", "**", "_", "`", "#", "# ", "- ", "+ ", "1. ", "2) ", ">", "<", "<b>", "<!--", "-->", "&amp;", "&", "[x](javascript:alert(1))",
                "![i](x.png)", "<https://x.org>", "\\", "|", "~~", "===", "---", "  ", "\t", "\n", "\n\n", "\n  ", " \n", "!", "[", "]", "(", ")", "<script>alert(1)</script>",
                "    code", "e.g.", "1.", "=", "-", "+", "~", "```", "<!-- id: x -->",
            ]).prop_map(str::to_string),
        ];
        proptest::collection::vec(pieces, 1..12)
            .prop_map(|parts| parts.concat().trim().to_string())
            .prop_filter("not empty", |t| !t.is_empty())
    }

    fn name() -> impl Strategy<Value = String> {
        "[A-Z][a-z]{2,8}( [A-Za-z&#*_-]{1,6})?"
    }

    prop_compose! {
        fn corpus()(
            meetings in proptest::collection::vec((name(), any::<bool>(), proptest::option::of(name())), 1..4),
            headings in proptest::collection::vec((name(), proptest::option::of(name())), 0..4),
            messages in proptest::collection::vec((text(), 0usize..4, 0usize..5, 0usize..3, any::<bool>(), proptest::option::of(name())), 1..14),
            sources in proptest::collection::vec((name(), any::<bool>(), proptest::option::of("[0-9]{4}")), 1..4),
            statuses in proptest::collection::vec(0u8..3, 4),
        ) -> Corpus {
            let topics = vec![
                Topic { id: "access".into(), label: "Access & inclusion".into(), description: String::new() },
                Topic { id: "rights".into(), label: "Human rights".into(), description: String::new() },
            ];
            let sources: Vec<Source> = sources.iter().enumerate().map(|(i, (title, web, date))| Source {
                id: format!("source-{i}"),
                title: title.clone(),
                publisher: None,
                date: date.clone(),
                url: web.then(|| format!("https://example.org/{i}?a=1&b=<2>")),
                file: None,
                also_in: Vec::new(),
                note: date.as_ref().map(|d| format!("Quoted on {d}: “probably a draft” | <b>")),
                publisher_site: (!web).then(|| format!("https://example.org/site-{i}/")),
            }).collect();
            let meetings: Vec<Meeting> = meetings.iter().enumerate().map(|(i, (place, online, set))| Meeting {
                id: format!("meeting-{i}"),
                number: None,
                year: Year(2010 + i as u16),
                place: if *online { None } else { Some(format!("{place}, Country")) },
                online: *online,
                number_source: None,
                dates: None,
                theme: None,
                figures: Vec::new(),
                message_set: MessageSet {
                    name: set.clone(),
                    headings: headings.iter().enumerate().map(|(h, (hname, _))| Heading {
                        id: format!("meeting-{i}-heading-{h}"),
                        name: format!("{hname} {h}"),
                        topics: vec![if h % 2 == 0 { "access".into() } else { "rights".into() }],
                        name_source: (h % 2 == 1).then(|| "source-0".to_string()),
                    }).collect(),
                    coverage: Coverage { status: CoverageStatus::Partial, published_total: None, published_total_source: None, note: Some("A note; with *marks*.".into()) },
                },
            }).collect();
            let n = meetings.len();
            let messages: Vec<Message> = messages.iter().enumerate().map(|(i, (text, meeting, heading, source, editorial, sub))| {
                let meeting = meeting % n;
                let heading = (*heading < headings.len()).then(|| format!("meeting-{meeting}-heading-{heading}"));
                Message {
                    id: format!("message-{i}"),
                    meeting: format!("meeting-{meeting}"),
                    editorial_topics: if heading.is_none() && *editorial { vec!["rights".into()] } else { Vec::new() },
                    subheading: heading.as_ref().and(sub.clone()),
                    heading,
                    text: text.clone(),
                    source: SourceRef { source: format!("source-{}", source % sources.len()), locator: format!("page {i} | line > 2 \\ end"), curator: (i % 2 == 0).then(|| format!("file.txt, line {i} | -->")) },
                }
            }).collect();
            let mut corpus = Corpus { version: SCHEMA_VERSION, id: "generated".into(), title: "Generated: a *test*".into(), language: None, sources, topics, meetings, messages };
            // Coverage that agrees with the messages.
            for (i, meeting) in corpus.meetings.iter_mut().enumerate() {
                let count = corpus.messages.iter().filter(|m| m.meeting == meeting.id).count() as u32;
                let coverage = &mut meeting.message_set.coverage;
                (coverage.status, coverage.published_total) = match (count, statuses[i % 4]) {
                    (0, _) => (CoverageStatus::None, None),
                    (c, 0) => (CoverageStatus::Complete, Some(c)),
                    (c, 1) => (CoverageStatus::Partial, Some(c + 3)),
                    (c, 2) if i % 2 == 0 => {
                        coverage.published_total_source = Some(Fact {
                            value: (c + 5).to_string(),
                            source: "source-0".into(),
                            quote: "counted “89” | here".into(),
                        });
                        (CoverageStatus::Partial, Some(c + 5))
                    }
                    _ => (CoverageStatus::Partial, None),
                };
            }
            corpus
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// Export -> import gives the same messages, headings, sources and coverage.
        #[test]
        fn what_the_app_exports_reads_back_the_same(corpus in corpus()) {
            prop_assume!(check(&corpus).is_empty());
            let back = round_trip(&corpus).map_err(TestCaseError::fail)?;
            prop_assert_eq!(summary(&corpus), summary(&back));
        }
    }
}
