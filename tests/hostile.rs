//! Hostile and unusual input: generated and mutated files and links by the hundred
//! thousand (seeded, so a failure reproduces), the no-merge property of CSV import, the
//! limits that say what happened, byte-order marks, and time that grows linearly with the
//! input (coarse timers with generous bounds: a quadratic step would cost 16 times as
//! much for 4 times the input, a linear one about 4; the bound is 10).

use std::time::{Duration, Instant};

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::export::messages_markdown;
use messages_explorer::core::export::ExportHeader;
use messages_explorer::core::query::Explorer;
use messages_explorer::core::url::{self, Notice};
use messages_explorer::core::validate::ProblemKind;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn builtin() -> Corpus {
    Corpus::builtin().unwrap()
}

fn problems(result: Result<Corpus, messages_explorer::core::load::LoadError>) -> Vec<String> {
    result
        .map(|_| Vec::new())
        .unwrap_or_else(|e| e.problems.iter().map(|p| p.to_string()).collect())
}

// --- No silent merge -------------------------------------------------------------------

const HEADER: &str = "meeting,year,text,source,heading,topics\n";

#[test]
fn look_alike_sources_headings_and_topics_stay_apart() {
    let long = "https://www.intgovforum.org/en/content/igf-2019-messages-a-very-long-path-that-goes-on-and-on";
    let csv = format!(
        "{HEADER}\
         Berlin,2019,First message.,{long}/messages-part-1,A long heading about the future of digital cooperation Session One,Human rights\n\
         Berlin,2019,Second message.,{long}/messages-part-2,A long heading about the future of digital cooperation Session Two,human-rights!\n\
         Berlin,2019,Third message.,{long}/messages-part-1,A long heading about the future of digital cooperation Session One,\n"
    );
    let explorer = Explorer::new(Corpus::from_file("x.csv", csv.as_bytes()).unwrap());
    let details: Vec<_> = (0..3).map(|m| explorer.details(m)).collect();
    assert_eq!(
        details[0].source_url.as_deref(),
        Some(&*format!("{long}/messages-part-1"))
    );
    assert_eq!(
        details[1].source_url.as_deref(),
        Some(&*format!("{long}/messages-part-2"))
    );
    assert_eq!(
        details[2].source_url, details[0].source_url,
        "the same source is one source"
    );
    assert!(details[0]
        .heading
        .as_deref()
        .unwrap()
        .ends_with("Session One"));
    assert!(details[1]
        .heading
        .as_deref()
        .unwrap()
        .ends_with("Session Two"));
    assert_eq!(details[0].topics, ["Human rights"]);
    assert_eq!(details[1].topics, ["human-rights!"]);
    assert_eq!(
        details[2].topics,
        ["Human rights"],
        "an empty cell takes its heading's topics"
    );
    let corpus = explorer.corpus();
    assert_eq!(corpus.sources.len(), 2);
    assert_eq!(corpus.topics.len(), 2);
    assert_ne!(corpus.topics[0].id, corpus.topics[1].id);
}

#[test]
fn rows_of_one_heading_that_list_other_topics_are_a_problem_not_a_merge() {
    let csv = format!(
        "{HEADER}Geneva,2017,One.,Report,Gender,Access\nGeneva,2017,Two.,Report,Gender,Human rights\n"
    );
    assert_eq!(
        problems(Corpus::from_file("x.csv", csv.as_bytes())),
        ["row 3, column \"topics\": lists other topics than row 2 for the heading \"Gender\"; a heading maps to one set of topics: list the same ones, or leave the cell empty"]
    );
    let error = Corpus::from_file("x.csv", csv.as_bytes()).unwrap_err();
    assert_eq!(
        error.problems[0].kind,
        ProblemKind::ConflictingTopics {
            first_row: 2,
            heading: "Gender".into()
        }
    );
}

#[test]
fn look_alike_meeting_names_are_two_meetings() {
    let csv = format!("{HEADER}Geneva,2017,One.,Report,,\ngeneva!,2017,Two.,Report,,\n");
    let corpus = Corpus::from_file("x.csv", csv.as_bytes()).unwrap();
    let ids: Vec<&str> = corpus.meetings.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1]);
}

/// Names that collide once slugified: the same letters with other punctuation, case,
/// accents, or a long shared beginning.
fn look_alike(rng: &mut ChaCha8Rng, stem: &str) -> String {
    let long = "x".repeat(rng.random_range(0..80));
    let tail = rng.random_range(0..4);
    match rng.random_range(0..5) {
        0 => format!("{stem} {tail}"),
        1 => format!("{}!{tail}", stem.to_uppercase()),
        2 => format!("{stem}, {tail}"),
        3 => format!("{long}{stem}{tail}"),
        _ => format!("Çà {stem} — {tail}"),
    }
}

fn quote(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

/// A valid CSV whose rows are built to collide, with what each row says.
fn colliding_csv(rng: &mut ChaCha8Rng, rows: usize) -> (String, Vec<[String; 5]>) {
    let mut csv = String::from(HEADER);
    let mut expected = Vec::new();
    let mut heading_topics: std::collections::HashMap<(String, String), String> =
        Default::default();
    let mut named: std::collections::HashSet<(String, String)> = Default::default();
    for i in 0..rows {
        let meeting = look_alike(rng, "Geneva");
        let year = 2017 + rng.random_range(0..2);
        let source = look_alike(rng, "https://example.org/report");
        let heading = if rng.random_bool(0.3) {
            String::new()
        } else {
            look_alike(rng, "Session")
        };
        let own = look_alike(rng, "human rights");
        let topics = if heading.is_empty() {
            own
        } else {
            heading_topics
                .entry((format!("{meeting}\u{0}{year}"), heading.clone()))
                .or_insert(own)
                .clone()
        };
        // Rows after a heading's first may leave its topics out (they take the heading's).
        let key = (format!("{meeting}\u{0}{year}"), heading.clone());
        let first = named.insert(key);
        let listed = if !heading.is_empty() && !first && rng.random_bool(0.3) {
            String::new()
        } else {
            topics.clone()
        };
        let text = format!("Message {i}: \"quoted\", with a comma; and a line\nbreak.");
        csv.push_str(&format!(
            "{},{year},{},{},{},{}\n",
            quote(&meeting),
            quote(&text),
            quote(&source),
            quote(&heading),
            quote(&listed)
        ));
        expected.push([meeting, source, heading, topics, text]);
    }
    (csv, expected)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// For any generated CSV, every row's message shows exactly its own source, heading,
    /// topics, meeting and text after import.
    #[test]
    fn every_row_keeps_its_own_source_heading_and_topics(seed in any::<u64>(), rows in 1usize..40) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let (csv, expected) = colliding_csv(&mut rng, rows);
        let corpus = Corpus::from_file("x.csv", csv.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let explorer = Explorer::new(corpus);
        for (m, [meeting, source, heading, topics, text]) in expected.iter().enumerate() {
            let details = explorer.details(m);
            let corpus = explorer.corpus();
            let message = &corpus.messages[m];
            prop_assert_eq!(&message.text, text);
            prop_assert_eq!(&details.source_title, source);
            prop_assert_eq!(details.heading.as_deref().unwrap_or(""), heading.as_str());
            prop_assert_eq!(details.topics.join(";"), topics.clone());
            let place = corpus.meeting(&message.meeting).and_then(|mt| mt.place.clone());
            prop_assert_eq!(place.as_deref(), Some(meeting.as_str()));
        }
    }
}

// --- Fuzzing: 100,000 inputs per parser (20,000 for Markdown and for pastes), seeded --------------------------------------

/// Mutates `bytes` a few times: flips, structural characters, cuts, repeats.
fn mutate(rng: &mut ChaCha8Rng, bytes: &mut Vec<u8>) {
    const INSERTS: [&[u8]; 14] = [
        b",",
        b"\"",
        b"\n",
        b"\r\n",
        b"\r",
        b"\x1b[8m",
        b"\\n- forged",
        b"\\u001b",
        b"{",
        b"]",
        b"\xEF\xBB\xBF",
        b"\xFF",
        b"\\u0000",
        b"javascript:",
    ];
    for _ in 0..rng.random_range(1..4) {
        if bytes.is_empty() {
            bytes.push(b'x');
        }
        let at = rng.random_range(0..bytes.len());
        match rng.random_range(0..6) {
            0 => bytes[at] = rng.random(),
            1 => {
                let insert = INSERTS[rng.random_range(0..INSERTS.len())];
                bytes.splice(at..at, insert.iter().copied());
            }
            2 => bytes.truncate(at),
            3 => {
                let end = (at + rng.random_range(1..40)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            4 => {
                let end = (at + rng.random_range(1..20)).min(bytes.len());
                bytes.drain(at..end);
            }
            // The whole file with old-Mac line endings (a lone CR), now and then.
            _ => {
                if rng.random_range(0..4) == 0 {
                    for b in bytes.iter_mut().filter(|b| **b == b'\n') {
                        *b = b'\r';
                    }
                }
            }
        }
    }
}

/// Loads `count` files named `name`, each made by `make` then changed by `mutate`; what
/// loads must be whole: every message resolves, nothing is empty. Returns how many loaded.
fn fuzz_files(
    name: &str,
    count: usize,
    rng: &mut ChaCha8Rng,
    make: impl Fn(usize, &mut ChaCha8Rng) -> Vec<u8>,
    mutate: fn(&mut ChaCha8Rng, &mut Vec<u8>),
) -> usize {
    let mut loaded = 0;
    for i in 0..count {
        let mut bytes = make(i, rng);
        mutate(rng, &mut bytes);
        if let Ok(corpus) = Corpus::from_file(name, &bytes) {
            loaded += 1;
            // No name that a page, a handout or an export prints holds a control
            // character (an escape sequence or a line break would forge lines).
            let names = corpus
                .meetings
                .iter()
                .flat_map(|m| m.message_set.headings.iter().map(|h| h.name.as_str()))
                .chain(corpus.topics.iter().map(|t| t.label.as_str()))
                .chain(corpus.sources.iter().map(|s| s.title.as_str()))
                .chain([corpus.title.as_str(), corpus.id.as_str()]);
            for name in names {
                assert!(!name.chars().any(char::is_control), "{name:?}");
            }
            let explorer = Explorer::new(corpus);
            assert!((0..explorer.corpus().messages.len())
                .all(|m| !explorer.details(m).source_title.is_empty()));
        }
    }
    loaded
}

#[test]
fn the_csv_reader_survives_100k_generated_and_mutated_files() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let template = include_str!("../assets/corpus-template.csv");
    let make = |i: usize, rng: &mut ChaCha8Rng| {
        if i % 2 == 0 {
            template.as_bytes().to_vec()
        } else {
            colliding_csv(rng, 3).0.into_bytes()
        }
    };
    let loaded = fuzz_files("fuzz.csv", 100_000, &mut rng, make, mutate);
    assert!(
        loaded > 1_000,
        "the mutations still leave valid files ({loaded})"
    );
}

#[test]
fn the_json_reader_survives_100k_mutated_files() {
    let mut rng = ChaCha8Rng::seed_from_u64(17);
    let template = include_str!("../assets/corpus-template.json");
    let make = |_: usize, _: &mut ChaCha8Rng| template.as_bytes().to_vec();
    let loaded = fuzz_files("fuzz.json", 100_000, &mut rng, make, mutate);
    assert!(loaded > 100, "some mutations leave a valid file ({loaded})");
}

#[test]
fn the_markdown_reader_survives_20k_mutated_files() {
    use messages_explorer::core::markdown::write_markdown;
    let mut rng = ChaCha8Rng::seed_from_u64(19);
    let corpus = builtin();
    let exported = write_markdown(&corpus, &(0..12).collect::<Vec<_>>(), &[]);
    let templates = [
        include_str!("../assets/corpus-template.md"),
        exported.as_str(),
    ];
    let make = |i: usize, _: &mut ChaCha8Rng| templates[i % 2].as_bytes().to_vec();
    let loaded = fuzz_files("fuzz.md", 20_000, &mut rng, make, mutate_markdown);
    assert!(
        loaded > 1_000,
        "the mutations still leave valid files ({loaded})"
    );
}

#[test]
fn pasting_survives_20k_generated_texts() {
    use messages_explorer::core::markdown::{corpus_from_paste, PasteContext};
    let mut rng = ChaCha8Rng::seed_from_u64(23);
    let context = PasteContext {
        meeting: "Kyoto".into(),
        year: "2023".into(),
        heading: "Children".into(),
        source_title: "A page".into(),
        source_url: "https://example.org".into(),
    };
    let seed_text = "• Applying a vulnerability lens *across* all areas\n  of work is essential.\n\n\
                     Children have the right to <b>safe</b> spaces [x](javascript:alert(1)).\n\n1. A numbered one.\n";
    let mut loaded = 0;
    for i in 0..20_000 {
        let mut bytes = seed_text.as_bytes().to_vec();
        mutate_markdown(&mut rng, &mut bytes);
        let text = String::from_utf8_lossy(&bytes);
        let mut context = context.clone();
        if i % 7 == 0 {
            context.year = String::from_utf8_lossy(&bytes[..bytes.len().min(6)]).into_owned();
        }
        if let Ok(corpus) = corpus_from_paste(&text, &context) {
            loaded += 1;
            // Pasted text is literal: what was written is in the messages, never dropped
            // as markup.
            assert!(corpus.messages.iter().all(|m| !m.text.is_empty()));
        }
    }
    assert!(loaded > 5_000, "most pastes load ({loaded})");
}

/// [`mutate`] plus the marks Markdown reads: headings, bullets, comments, links, HTML,
/// description keys, fences and indentation.
fn mutate_markdown(rng: &mut ChaCha8Rng, bytes: &mut Vec<u8>) {
    const INSERTS: [&[u8]; 17] = [
        b"\r# ",
        b"\n# ",
        b"\n## ",
        b"\n### ",
        b"\n- ",
        b"\n1. ",
        b"<!-- id: x | source: y -->",
        b"-->",
        b"[x](javascript:alert(1))",
        b"<script>",
        b"\nSource: ",
        b"\nCoverage: complete, 3 published",
        b"\n```\n",
        b"\n    ",
        b"\n---\n",
        b"\\",
        b"\nYear: 1999",
    ];
    for _ in 0..rng.random_range(1..4) {
        if bytes.is_empty() {
            bytes.push(b'x');
        }
        let at = rng.random_range(0..bytes.len());
        match rng.random_range(0..5) {
            0 | 1 => {
                let insert = INSERTS[rng.random_range(0..INSERTS.len())];
                bytes.splice(at..at, insert.iter().copied());
            }
            // The whole file with old-Mac line endings (a lone CR).
            2 if rng.random_range(0..4) == 0 => {
                for b in bytes.iter_mut().filter(|b| **b == b'\n') {
                    *b = b'\r';
                }
            }
            _ => mutate(rng, bytes),
        }
    }
}

// --- Limits that say what happened ---------------------------------------------------

#[test]
fn a_link_with_51200_unknown_meetings_gives_two_notices_not_51200() {
    let values: Vec<String> = (0..51_200).map(|i| format!("m{i}")).collect();
    let link = format!("#/explore?meeting={}", values.join("%2C"));
    assert!(link.len() > 100_000);
    let parsed = url::parse(&link).resolve(&builtin());
    assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    assert_eq!(parsed.warnings[0], Notice::LinkTooLong);
    let Notice::Counted { first, count } = &parsed.warnings[1] else {
        panic!("{:?}", parsed.warnings[1]);
    };
    // The 16 KB cut keeps 2,185 of the values ("m0," to "m2184,").
    assert_eq!(*count, 2_185);
    assert_eq!(
        **first,
        Notice::UnknownValue {
            facet: "meeting",
            value: "m0".into()
        }
    );
    assert_eq!(
        parsed.warnings[0].to_string(),
        "This link is longer than 16,384 characters; the part after that was ignored"
    );
    assert_eq!(
        parsed.warnings[1].to_string(),
        "Ignored 2,185 unknown meeting values, such as 'm0'"
    );
}

#[test]
fn repeated_kinds_of_notice_are_counted_in_one() {
    let sentences = |link: &str| -> Vec<String> {
        url::parse(link)
            .resolve(&builtin())
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    let parsed = url::parse("#/explore?a=1&b=2&c=3&topic=x,y&q=data").resolve(&builtin());
    assert!(matches!(
        parsed.warnings[0],
        Notice::Counted { count: 3, .. }
    ));
    assert!(matches!(
        parsed.warnings[1],
        Notice::Counted { count: 2, .. }
    ));
    assert_eq!(
        sentences("#/explore?a=1&b=2&c=3&topic=x,y&q=data"),
        [
            "Ignored 3 unknown keys, such as 'a'",
            "Ignored 2 unknown topic values, such as 'x'"
        ]
    );
    assert_eq!(parsed.view.selection.text, "data");
    assert_eq!(
        sentences("#/explore?a=1&topic=x"),
        ["Ignored unknown key 'a'", "Ignored unknown topic 'x'"]
    );
}

#[test]
fn a_canonical_link_is_never_cut() {
    // The longest search text, in characters that take 9 bytes each when encoded.
    let mut view = url::View::default();
    view.selection.text = "€".repeat(messages_explorer::core::search::MAX_QUERY_CHARS);
    for meeting in &builtin().meetings {
        view.selection
            .filters
            .toggle(messages_explorer::core::query::Facet::Meeting, &meeting.id);
    }
    let link = url::render(&view);
    assert!(link.len() <= url::MAX_LINK_BYTES, "{}", link.len());
    let parsed = url::parse(&link).resolve(&builtin());
    assert!(parsed.warnings.is_empty());
    assert_eq!(parsed.view, view);
}

#[test]
fn a_message_over_20000_characters_is_a_problem_with_its_path() {
    let mut corpus = serde_json::to_value(builtin()).unwrap();
    corpus["messages"][3]["text"] = "word ".repeat(2_000_000).into();
    let json = serde_json::to_string(&corpus).unwrap();
    assert_eq!(
        problems(Corpus::from_json(&json)),
        ["messages[3].text: the message is 10000000 characters long; the limit is 20000"]
    );
}

#[test]
fn only_web_addresses_are_accepted_for_sources() {
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>",
        "vbscript:msgbox",
        "//evil.example",
    ] {
        let mut corpus = serde_json::to_value(builtin()).unwrap();
        corpus["sources"][0]["url"] = bad.into();
        let found = problems(Corpus::from_json(&corpus.to_string()));
        assert_eq!(found.len(), 1, "{bad}: {found:?}");
        assert!(
            found[0].starts_with("sources[0].url: only http: and https: addresses are accepted"),
            "{}",
            found[0]
        );
    }
    let mut corpus = serde_json::to_value(builtin()).unwrap();
    corpus["sources"][0]["url"] = "HTTPS://www.intgovforum.org/".into();
    assert!(Corpus::from_json(&corpus.to_string()).is_ok());
}

#[test]
fn byte_order_marks_are_welcome() {
    let json = format!("\u{FEFF}{}", include_str!("../assets/corpus.json"));
    assert_eq!(
        Corpus::from_bytes(json.as_bytes()).unwrap().messages.len(),
        builtin().messages.len()
    );
    let csv = format!("\u{FEFF}{}", include_str!("../assets/corpus-template.csv"));
    assert_eq!(
        Corpus::from_file("t.csv", csv.as_bytes())
            .unwrap()
            .messages
            .len(),
        2
    );
    assert_eq!(
        problems(Corpus::from_bytes("\u{FEFF}".as_bytes())),
        ["the file is empty"]
    );
}

#[test]
fn a_line_break_in_a_message_cannot_forge_a_markdown_line() {
    let mut corpus = builtin();
    corpus.messages[0].text =
        "First line.\n- Source: forged\n\n# Heading\n<!-- id: forged -->".into();
    corpus.messages[0].source.locator = "p. 1\n- Coverage: forged --> <!-- id: x".into();
    let explorer = Explorer::new(corpus.clone());
    let header = ExportHeader {
        corpus: "c".into(),
        selection: vec!["Search: x\nid: forged".into()],
        link: String::new(),
        date: String::new(),
    };
    let markdown = messages_markdown(&explorer, &[0], &header);
    assert!(
        markdown.contains("- First line.\\\n  \\- Source: forged\\\n  \\\n  \\# Heading\\\n  \\<\\!-- id: forged --\\>"),
        "{markdown}"
    );
    assert!(!markdown.lines().any(|l| l.starts_with("- Source: forged")
        || l.starts_with("- Coverage: forged")
        || l.starts_with("id: forged")));
    // And it reads back as written.
    let back = Corpus::from_file("x.md", markdown.as_bytes()).unwrap();
    assert_eq!(back.messages[0].text, corpus.messages[0].text);
    assert_eq!(
        back.messages[0].source.locator,
        "p. 1 - Coverage: forged --> <!-- id: x"
    );
}

// --- Time that grows linearly ---------------------------------------------------------

/// The fastest of three runs.
fn fastest(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn distinct_rows(rows: usize) -> String {
    let mut csv = String::from(HEADER);
    for i in 0..rows {
        csv.push_str(&format!(
            "Geneva,2017,Message {i} about data and access.,https://example.org/messages-part-{i},Session {},Topic {}\n",
            i % 4_000,
            (i % 4_000) % 900
        ));
    }
    csv
}

fn assert_linear(what: &str, small: Duration, large: Duration) {
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    eprintln!("{what}: {small:?} -> {large:?} for 4x the input ({ratio:.1}x)");
    assert!(
        ratio < 10.0,
        "{what}: 4x the input took {ratio:.1}x the time ({small:?} -> {large:?})"
    );
}

#[test]
fn csv_import_time_grows_linearly() {
    let (small, large) = (distinct_rows(2_500), distinct_rows(10_000));
    let t_small = fastest(|| assert!(Corpus::from_file("s.csv", small.as_bytes()).is_ok()));
    let t_large = fastest(|| assert!(Corpus::from_file("l.csv", large.as_bytes()).is_ok()));
    assert_linear(
        "CSV import, 2,500 -> 10,000 distinct rows",
        t_small,
        t_large,
    );
}

#[test]
fn url_parsing_time_is_bounded_whatever_the_link() {
    let keys = |bytes: usize| {
        let mut link = String::from("#/explore?");
        let mut k = 0;
        while link.len() < bytes {
            link.push_str(&format!("k{k}=1&"));
            k += 1;
        }
        link
    };
    let corpus = builtin();
    let (small, large) = (keys(4_000), keys(16_000));
    let t_small = fastest(|| assert!(!url::parse(&small).resolve(&corpus).warnings.is_empty()));
    let t_large = fastest(|| assert!(!url::parse(&large).resolve(&corpus).warnings.is_empty()));
    assert_linear(
        "URL parsing, 4 KB -> 16 KB of distinct keys",
        t_small,
        t_large,
    );
    let huge = keys(790_000);
    let t_huge = fastest(|| assert_eq!(url::parse(&huge).resolve(&corpus).warnings.len(), 2));
    assert_linear(
        "URL parsing, 16 KB -> 790 KB (cut at 16 KB)",
        t_large,
        t_huge / 4,
    );
    let terms = format!(
        "#/charts?terms={}",
        (0..100_000)
            .map(|i| format!("t{i}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let t_terms = fastest(|| assert!(url::parse(&terms).resolve(&corpus).warnings.len() <= 3));
    assert_linear(
        "URL parsing, 16 KB keys -> 690 KB terms",
        t_large,
        t_terms / 4,
    );
}

#[test]
fn validation_and_indexing_time_grow_linearly() {
    let corpus = |rows| Corpus::from_file("x.csv", distinct_rows(rows).as_bytes()).unwrap();
    let (small, large) = (corpus(2_500), corpus(10_000));
    let t_small = fastest(|| assert!(messages_explorer::core::validate::check(&small).is_empty()));
    let t_large = fastest(|| assert!(messages_explorer::core::validate::check(&large).is_empty()));
    assert_linear("validation, 2,500 -> 10,000 messages", t_small, t_large);
    let t_small = fastest(|| drop(Explorer::new(small.clone())));
    let t_large = fastest(|| drop(Explorer::new(large.clone())));
    assert_linear("index build, 2,500 -> 10,000 messages", t_small, t_large);
}

// --- Limits: refused at once, with what was too much ----------------------------------

/// The built-in corpus with `topics` more topics, all on one heading, as JSON.
fn with_heading_topics(topics: usize) -> String {
    let mut corpus = builtin();
    corpus
        .topics
        .extend((0..topics).map(|i| messages_explorer::core::corpus::Topic {
            id: format!("t{i}"),
            label: format!("Topic {i}"),
            description: String::new(),
        }));
    corpus.meetings[1].message_set.headings[0].topics =
        (0..topics).map(|i| format!("t{i}")).collect();
    serde_json::to_string(&corpus).unwrap()
}

#[test]
fn too_many_topics_headings_or_meetings_are_refused_at_once() {
    let (small, large) = (with_heading_topics(50_000), with_heading_topics(200_000));
    let refused = |json: &str| problems(Corpus::from_file("x.json", json.as_bytes()));
    let found = refused(&large);
    assert!(
        found
            .iter()
            .any(|p| p.contains("200011 topics; the limit is 1000")),
        "{found:?}"
    );
    let t_small = fastest(|| assert!(!refused(&small).is_empty()));
    let t_large = fastest(|| assert!(!refused(&large).is_empty()));
    assert_linear("refusing 50,000 -> 200,000 topics", t_small, t_large);
    assert!(refused(&with_heading_topics(989)).is_empty());
    let mut corpus = builtin();
    let meeting = corpus.meetings[1].clone();
    corpus.meetings.extend((0..1_000).map(|i| {
        let mut m = meeting.clone();
        m.id = format!("m{i}");
        m.message_set.headings.clear();
        m.message_set.coverage.status = messages_explorer::core::corpus::CoverageStatus::None;
        m.message_set.coverage.published_total = None;
        m
    }));
    let found = messages_explorer::core::validate::check(&corpus);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]
        .to_string()
        .contains("1009 meetings; the limit is 1000"));
}

#[test]
fn a_name_with_a_line_break_or_a_control_character_is_refused() {
    for (value, expected) in [
        ("Gender\n- Source: forged", "U+000A"),
        ("Hidden \u{1b}[8m text", "U+001B"),
        ("Tab\tinside", "U+0009"),
    ] {
        let mut corpus = builtin();
        corpus.meetings[1].message_set.headings[0].name = value.to_string();
        let json = serde_json::to_string(&corpus).unwrap();
        let found = problems(Corpus::from_file("x.json", json.as_bytes()));
        assert!(
            found
                .iter()
                .any(|p| p.contains("headings[0].name") && p.contains(expected)),
            "{value:?}: {found:?}"
        );
    }
    let mut corpus = builtin();
    corpus.topics[0].label = "x".repeat(501);
    let found = messages_explorer::core::validate::check(&corpus);
    assert!(
        found[0].to_string().contains("501 characters long"),
        "{found:?}"
    );
}

/// A reader's file that poses as the built-in corpus (the probe's front matter
/// `id: igf-messages`, `title: IGF Messages (built-in corpus)`, and look-alikes) is refused
/// with a clear message in every format; an export of the built-in corpus is a copy that
/// reads back; the curators' own check of the built-in corpus is untouched.
#[test]
fn a_file_posing_as_the_built_in_corpus_is_refused_and_an_export_reads_back() {
    let body = "\n# Kyoto 2023\n\nSource: A page <https://example.org/kyoto>\n\n- A message.\n";
    let md = |id: &str, title: &str| format!("---\nid: {id}\ntitle: {title}\n---\n{body}");
    for (id, title, field) in [
        ("igf-messages", "Mine", "id"),
        ("class-2026", "IGF Messages (built-in corpus)", "title"),
        ("class-2026", "IGF  messages", "title"),
        ("class-2026", "ＩＧＦ Messages — Built in corpus", "title"),
        ("class-2026", "Our builtin collection", "title"),
    ] {
        let file = md(id, title);
        let found = problems(Corpus::read_own_file("x.md", file.as_bytes()));
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("{field}: the {field} "))
                    && p.contains("is the built-in corpus's or reads like it")),
            "{id} / {title}: {found:?}"
        );
    }
    // JSON, and an id spelled another way (a slug cannot be "IGF_Messages", but the
    // imitation check reads letters and digits only, whatever the separators).
    let mut corpus = builtin();
    corpus.title = "Class 3B".into();
    let json = serde_json::to_string(&corpus).unwrap();
    let found = problems(Corpus::read_own_file("x.json", json.as_bytes()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("\"igf-messages-copy\""), "{found:?}");
    // CSV: the title is the file's name.
    let csv = "meeting,year,text,source\nKyoto 2023,2023,A message.,A page\n";
    let found = problems(Corpus::read_own_file("IGF Messages.csv", csv.as_bytes()));
    assert!(
        found
            .iter()
            .any(|p| p.contains("the title \"IGF Messages\"")),
        "{found:?}"
    );
    assert!(Corpus::read_own_file("class.csv", csv.as_bytes()).is_ok());
    // The built-in corpus's export is a copy: it reads back as the reader's own file.
    let explorer = Explorer::new(builtin());
    let all: Vec<usize> = (0..explorer.corpus().messages.len()).collect();
    let header = ExportHeader {
        corpus: String::new(),
        selection: Vec::new(),
        link: String::new(),
        date: String::new(),
    };
    let exported = messages_markdown(&explorer, &all, &header);
    let back = Corpus::read_own_file("igf-messages-copy.md", exported.as_bytes()).unwrap();
    assert_eq!(
        (back.id.as_str(), back.title.as_str()),
        ("igf-messages-copy", "IGF Messages (copy)")
    );
    assert_eq!(back.messages.len(), all.len());
    // The curators' check reads the built-in corpus itself.
    assert!(Corpus::from_file("corpus.json", include_bytes!("../assets/corpus.json")).is_ok());
}

#[test]
fn a_link_made_on_another_corpus_names_it() {
    assert_eq!(
        url::parse("#/explore?corpus=class-2026&q=x").corpus(),
        Some("class-2026")
    );
    assert_eq!(url::parse("#/explore?corpus=igf-messages").corpus(), None);
    assert_eq!(url::parse("#/explore?q=x").corpus(), None);
    assert_eq!(
        url::parse("#/message/a?corpus=class-2026").corpus(),
        Some("class-2026")
    );
    let long = "a".repeat(300);
    assert_eq!(
        url::parse(&format!("#/explore?corpus={long}")).corpus(),
        Some(long.as_str())
    );
    assert!(url::linked_corpus_sentence(&long).chars().count() < 200);
}

#[test]
fn markdown_with_lone_cr_line_endings_reads_as_with_lf_and_in_linear_time() {
    let lf = "# Kyoto 2023\n\nPlace: Kyoto, Japan\nSource: A page <https://example.org/kyoto>\nCoverage: partial\n\n## A heading\n\nTopics: Human rights\n\n- First message.\n- Second message\n  on two lines.\n";
    let cr = lf.replace('\n', "\r");
    let crlf = lf.replace('\n', "\r\n");
    let read = |text: &str| Corpus::from_file("x.md", text.as_bytes()).unwrap();
    assert_eq!(read(&cr), read(lf));
    assert_eq!(read(&crlf), read(lf));
    assert_eq!(read(&cr).meetings[0].place.as_deref(), Some("Kyoto, Japan"));
    let many = |n: usize| {
        let mut text =
            String::from("# Kyoto 2023\r\rSource: A page <https://example.org/kyoto>\r\r");
        for i in 0..n {
            text.push_str(&format!("- Message {i} about access.\r"));
        }
        text
    };
    let (small, large) = (many(5_000), many(20_000));
    let t_small = fastest(|| assert_eq!(read(&small).messages.len(), 5_000));
    let t_large = fastest(|| assert_eq!(read(&large).messages.len(), 20_000));
    assert_linear(
        "Markdown with CR line endings, 5,000 -> 20,000 bullets",
        t_small,
        t_large,
    );
}

#[test]
fn details_by_position_match_details_by_id_and_exports_grow_linearly() {
    let explorer = Explorer::new(builtin());
    for m in 0..explorer.corpus().messages.len() {
        let message = &explorer.corpus().messages[m];
        let by_id = explorer
            .corpus()
            .details(message, explorer.details(m).coverage.clone());
        assert_eq!(explorer.details(m), by_id, "{}", message.id);
    }
    // Distinct rows: one source, heading and topic each (as many as the limits allow).
    let corpus =
        |rows| Explorer::new(Corpus::from_file("x.csv", distinct_rows(rows).as_bytes()).unwrap());
    let (small, large) = (corpus(2_500), corpus(10_000));
    let all = |e: &Explorer| (0..e.corpus().messages.len()).collect::<Vec<_>>();
    let t_small = fastest(|| {
        assert!(!messages_explorer::core::export::messages_csv(&small, &all(&small)).is_empty())
    });
    let t_large = fastest(|| {
        assert!(!messages_explorer::core::export::messages_csv(&large, &all(&large)).is_empty())
    });
    assert_linear("CSV export, 2,500 -> 10,000 messages", t_small, t_large);
}

/// The probe's 20 MB of tiny bullets (2,007,506 messages) froze the tab for 29.8 s at
/// 5.2 GB; natively the Markdown reader took 24–33 s and 3.8 GB to refuse 5 million of
/// them, and the CSV reader 2.8 s for 1.2 million rows. Both now refuse over the limit
/// at once, in time linear in the file.
#[test]
fn millions_of_tiny_messages_are_refused_at_once() {
    let bullets = |n: usize| {
        let mut text = String::from("# Kyoto 2023\n\nSource: A page <https://example.org/k>\n\n");
        text.push_str(&"- x\n".repeat(n));
        text
    };
    let rows = |n: usize| {
        let mut text = String::from("meeting,year,text,source\n");
        for i in 0..n {
            text.push_str(&format!("K,2023,x{i},s\n"));
        }
        text
    };
    let md = bullets(5_000_000);
    let found = problems(Corpus::from_file("x.md", md.as_bytes()));
    assert_eq!(
        found,
        ["messages: 5000002 blocks (bullets, paragraphs and headings); the limit is 200000, so the file was not read further"]
    );
    let csv = rows(1_200_000);
    let found = problems(Corpus::from_file("x.csv", csv.as_bytes()));
    assert_eq!(
        found,
        ["messages: 1200000 messages; the limit is 100000, so the file was not read further"]
    );
    let (small, large) = (bullets(500_000), bullets(2_000_000));
    assert_linear(
        "refusing Markdown bullets",
        fastest(|| drop(Corpus::from_file("x.md", small.as_bytes()))),
        fastest(|| drop(Corpus::from_file("x.md", large.as_bytes()))),
    );
    let (small, large) = (rows(300_000), rows(1_200_000));
    assert_linear(
        "refusing CSV rows",
        fastest(|| drop(Corpus::from_file("x.csv", small.as_bytes()))),
        fastest(|| drop(Corpus::from_file("x.csv", large.as_bytes()))),
    );
}
