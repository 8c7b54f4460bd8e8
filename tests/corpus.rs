//! The checks that keep the built-in corpus honest, and the loader's handling of bad input.

use std::collections::HashMap;

use messages_explorer::core::corpus::{Corpus, CoverageStatus};
use messages_explorer::core::load::{BUILTIN_JSON, MAX_CORPUS_BYTES};
use messages_explorer::core::validate::ProblemKind;
use messages_explorer::core::validate::{check, check_verbatim};
use proptest::prelude::*;

const SOURCES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sources");

fn corpus() -> Corpus {
    Corpus::builtin().expect("the built-in corpus loads")
}

/// The curators' file itself, with each message's `curator` locator (the app embeds it
/// without them: crates/core/build.rs).
fn curated() -> Corpus {
    serde_json::from_str(include_str!("../assets/corpus.json")).expect("assets/corpus.json reads")
}

fn source_texts() -> HashMap<String, String> {
    std::fs::read_dir(SOURCES)
        .expect("tests/data/sources exists")
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_message_and_fact_is_verbatim_in_its_source() {
    let problems = check_verbatim(&curated(), &source_texts());
    assert!(problems.is_empty(), "{problems:#?}");
    // The embedded copy is the same corpus without the curators' locators.
    let mut without = curated();
    for message in &mut without.messages {
        message.source.curator = None;
    }
    assert_eq!(without, corpus());
    let problems = check_verbatim(&corpus(), &source_texts());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_verbatim_check_catches_a_changed_word() {
    let mut corpus = corpus();
    corpus.messages[0].text = corpus.messages[0].text.replace("broad", "wide");
    let problems = check_verbatim(&corpus, &source_texts());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "messages[0].text");
}

#[test]
fn geneva_has_48_messages_and_each_session_matches_the_source_list() {
    let corpus = corpus();
    let geneva = corpus.meeting("geneva-2017").unwrap();
    assert_eq!(corpus.included_count("geneva-2017"), 48);
    let source = std::fs::read_to_string(format!("{SOURCES}/001_d60655edc76686a1.txt")).unwrap();
    let lines: Vec<&str> = source.lines().collect();
    let headings = &geneva.message_set.headings;
    let starts: Vec<usize> = headings
        .iter()
        .map(|h| {
            lines
                .iter()
                .position(|l| *l == h.name)
                .unwrap_or_else(|| panic!("{} not in the source", h.name))
        })
        .collect();
    let end = lines
        .iter()
        .position(|l| l.starts_with("Taking Stock"))
        .unwrap();
    let mut without_messages = 0;
    for (i, heading) in headings.iter().enumerate() {
        let stop = starts.get(i + 1).copied().unwrap_or(end);
        let block = &lines[starts[i]..stop];
        let in_source = match block.iter().position(|l| *l == "Session Messages") {
            Some(at) => block[at..].iter().filter(|l| l.starts_with("- ")).count(),
            None => 0,
        };
        let in_corpus = corpus
            .messages
            .iter()
            .filter(|m| m.heading.as_deref() == Some(heading.id.as_str()))
            .count();
        assert_eq!(in_corpus, in_source, "{}", heading.name);
        without_messages += usize::from(in_source == 0);
    }
    assert_eq!(without_messages, 1, "one main session has no messages");
}

#[test]
fn messages_of_a_meeting_are_in_source_order() {
    let corpus = curated();
    let lines: Vec<u32> = corpus
        .messages
        .iter()
        .filter(|m| m.meeting == "geneva-2017")
        .map(|m| {
            let curator = m.source.curator.as_deref().unwrap();
            let at = curator.find("line ").unwrap() + 5;
            curator[at..]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
}

/// What a reader sees of a message's place (its locator) is where to look in the document,
/// never a line of the curators' files, which stay in `curator` for the verbatim check.
#[test]
fn visible_locators_name_no_file_line() {
    let corpus = curated();
    let files: Vec<&str> = corpus
        .sources
        .iter()
        .filter_map(|s| s.file.as_deref())
        .collect();
    for message in &corpus.messages {
        let locator = &message.source.locator;
        let words: Vec<&str> = locator.split_whitespace().collect();
        let line_number = words.windows(2).any(|w| {
            w[0].trim_start_matches('(').eq_ignore_ascii_case("line")
                && w[1].starts_with(|c: char| c.is_ascii_digit())
        });
        assert!(!line_number, "{}: {locator}", message.id);
        assert!(
            !locator.contains("second pass"),
            "{}: {locator}",
            message.id
        );
        assert!(
            !files.iter().any(|f| locator.contains(f)),
            "{}: {locator}",
            message.id
        );
        assert!(
            message.source.curator.is_some(),
            "{}: no curator's locator",
            message.id
        );
    }
}

/// A cited address leads to the document, not to a site's home page; a document with no
/// address of its own may name its publisher's site, as it prints it.
#[test]
fn no_cited_address_is_a_bare_site_root() {
    let corpus = corpus();
    for source in &corpus.sources {
        let Some(url) = source.url.as_deref() else {
            continue;
        };
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let path = rest.split_once('/').map_or("", |(_, path)| path);
        assert!(
            !path.trim_matches('/').is_empty(),
            "{}: {url} is a site root",
            source.id
        );
    }
    for id in [
        "igf-2017-chair-summary",
        "igf-2017-wsis-report",
        "igf-2019-wsis-report",
        "igf-2013-cstd-input",
        "igf-2023-wsis-report",
    ] {
        let source = corpus.source(id).unwrap();
        assert_eq!(source.url, None, "{id}");
        assert!(source.publisher_site.is_some(), "{id}: no publisher's site");
    }
}

/// Kyoto's 89 is a third party's count, cited, and said to be "reported"; its two
/// messages' source says they were quoted the day after the meeting, probably as drafts.
#[test]
fn kyoto_says_where_its_total_comes_from() {
    let corpus = corpus();
    let kyoto = corpus.meeting("kyoto-2023").unwrap();
    let coverage = &kyoto.message_set.coverage;
    let fact = coverage.published_total_source.as_ref().unwrap();
    assert_eq!(
        (fact.value.as_str(), fact.source.as_str()),
        ("89", "circleid-2023-kyoto")
    );
    let note = coverage.note.as_deref().unwrap();
    assert!(note.contains("open for stakeholder review"), "{note}");
    assert!(note.contains("third"), "{note}");
    for message in corpus.messages.iter().filter(|m| m.meeting == "kyoto-2023") {
        let source = corpus.source(&message.source.source).unwrap();
        assert_eq!(source.date.as_deref(), Some("13 October 2023"));
        assert!(source
            .note
            .as_deref()
            .unwrap()
            .contains("probably the draft"));
        assert!(message.source.locator.contains("probably the draft"));
    }
    let paris = corpus.meeting("paris-2018").unwrap();
    let note = paris.message_set.coverage.note.as_deref().unwrap();
    assert!(note.contains("Media & Content"), "{note}");
}

#[test]
fn message_ids_are_stable() {
    // A changed or removed id breaks published share links: this snapshot must only be
    // updated deliberately (cargo insta review), never to make a test pass.
    let ids: Vec<String> = corpus().messages.iter().map(|m| m.id.clone()).collect();
    insta::assert_snapshot!("message_ids", ids.join("\n"));
}

#[test]
fn every_heading_is_mapped_and_coverage_agrees() {
    let corpus = corpus();
    assert!(check(&corpus).is_empty());
    for meeting in &corpus.meetings {
        for heading in &meeting.message_set.headings {
            assert!(!heading.topics.is_empty(), "{}", heading.name);
        }
    }
    let kyoto = corpus.meeting("kyoto-2023").unwrap();
    assert_eq!(kyoto.message_set.coverage.status, CoverageStatus::Partial);
    assert_eq!(kyoto.message_set.coverage.published_total, Some(89));
    assert_eq!(kyoto.message_set.headings.len(), 8);
    for id in ["bali-2013", "addis-ababa-2022"] {
        assert_eq!(
            corpus.meeting(id).unwrap().message_set.coverage.status,
            CoverageStatus::None
        );
    }
    // Headings the source does not give are never guessed.
    for message in corpus
        .messages
        .iter()
        .filter(|m| m.meeting == "kyoto-2023" || m.meeting == "riyadh-2024")
    {
        assert_eq!(message.heading, None, "{}", message.id);
        assert!(!message.editorial_topics.is_empty());
    }
}

#[test]
fn schema_names_every_field_the_corpus_uses() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../assets/corpus.schema.json")).expect("schema is JSON");
    let corpus: serde_json::Value =
        serde_json::from_str(include_str!("../assets/corpus.json")).unwrap();
    let props = |v: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = v["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    };
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(props(&schema), keys(&corpus));
    let defs = &schema["$defs"];
    for (def, sample) in [
        ("meeting", &corpus["meetings"][1]),
        ("message", &corpus["messages"][0]),
        ("source", &corpus["sources"][0]),
        ("topic", &corpus["topics"][0]),
    ] {
        for key in keys(sample) {
            assert!(
                props(&defs[def]).contains(&key),
                "{def}.{key} missing from the schema"
            );
        }
    }
}

fn problems_of(json: &str) -> Vec<String> {
    match Corpus::from_json(json) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(|p| p.to_string()).collect(),
    }
}

fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn bad_input_gives_a_typed_error_naming_the_field() {
    let check = |json: String, expected: &str| {
        let problems = problems_of(&json);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "expected {expected:?} in {problems:#?}"
        );
    };
    check("{\"version\": 1,".into(), "EOF while parsing");
    check("".into(), "the file is empty");
    check("[1, 2]".into(), "expected a JSON object");
    check(
        with(|v| v["meetings"][3]["year"] = "abc".into()),
        "meetings[3].year: expected a year between 2006 and 2100, found \"abc\"",
    );
    check(
        with(|v| v["meetings"][0]["colour"] = "red".into()),
        "meetings[0].colour: unknown field `colour`",
    );
    check(
        with(|v| v["messages"][2]["text"] = 42.into()),
        "messages[2].text: invalid type: integer `42`, expected a string",
    );
    check(
        with(|v| v["messages"][1]["id"] = v["messages"][0]["id"].clone()),
        "messages[1].id: duplicate id \"geneva-2017-digital-governance-1\"",
    );
    check(
        with(|v| v["messages"][0]["meeting"] = "atlantis-2030".into()),
        "messages[0].meeting: unknown meeting \"atlantis-2030\"",
    );
    check(with(|v| v["meetings"][1]["message_set"]["headings"][0]["topics"] = serde_json::json!([])), "meetings[1].message_set.headings[0].topics: heading \"High-Level Thematic Session - Shaping our Future Digital Global Governance\" is not mapped to any topic");
    check(
        with(|v| v["messages"] = serde_json::json!([])),
        "messages: the corpus has no messages",
    );
    check(
        with(|v| v["version"] = 2.into()),
        "version: expected schema version 1, found 2",
    );
    check(
        with(|v| v["messages"][0]["id"] = "Not A Slug".into()),
        "messages[0].id: expected a slug",
    );
}

#[test]
fn oversized_invalid_utf8_and_binary_files_are_refused_before_parsing() {
    let huge = vec![b' '; MAX_CORPUS_BYTES + 1];
    let err = Corpus::from_bytes(&huge).unwrap_err();
    assert_eq!(
        err.problems[0].kind,
        ProblemKind::TooLarge {
            size: MAX_CORPUS_BYTES as u64 + 1,
            limit: MAX_CORPUS_BYTES
        }
    );
    assert!(err.problems[0]
        .to_string()
        .contains("the limit is 20971520 bytes (20 MB)"));
    let fifty_mb = "x".repeat(50 * 1024 * 1024);
    assert!(Corpus::from_json(&fifty_mb).is_err());
    let err = Corpus::from_bytes(b"{\"version\": \xff}").unwrap_err();
    assert_eq!(err.problems[0].kind, ProblemKind::NotUtf8(12));
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert!(Corpus::from_bytes(&binary).is_err());
}

/// Random damage to the valid corpus: drop, duplicate or retype a field, or truncate.
#[derive(Debug, Clone)]
enum Mutation {
    Drop(usize),
    Duplicate(usize),
    Retype(usize, u8),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Drop),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), 0u8..5).prop_map(|(i, t)| Mutation::Retype(i, t)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Every (object, key) and (array, index) location in a JSON value, as paths.
fn locations(
    value: &serde_json::Value,
    path: &mut Vec<serde_json::Value>,
    out: &mut Vec<Vec<serde_json::Value>>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                path.push(k.clone().into());
                out.push(path.clone());
                locations(v, path, out);
                path.pop();
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(i.into());
                out.push(path.clone());
                locations(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn apply(value: &mut serde_json::Value, path: &[serde_json::Value], m: &Mutation) {
    let (last, parents) = path.split_last().unwrap();
    let mut parent = value;
    for step in parents {
        parent = match step {
            serde_json::Value::String(k) => &mut parent[k.as_str()],
            other => &mut parent[other.as_u64().unwrap() as usize],
        };
    }
    let replacement = |t: u8| match t {
        0 => serde_json::Value::Null,
        1 => serde_json::json!(-7),
        2 => serde_json::json!("\u{202e}<script>"),
        3 => serde_json::json!([]),
        _ => serde_json::json!({}),
    };
    match (parent, last) {
        (serde_json::Value::Object(map), serde_json::Value::String(k)) => match m {
            Mutation::Drop(_) => {
                map.remove(k);
            }
            Mutation::Duplicate(_) => {
                let v = map[k].clone();
                map.insert(format!("{k}_copy"), v);
            }
            Mutation::Retype(_, t) => {
                map.insert(k.clone(), replacement(*t));
            }
            Mutation::Truncate(_) => {}
        },
        (serde_json::Value::Array(items), i) => {
            let i = i.as_u64().unwrap() as usize;
            match m {
                Mutation::Drop(_) => {
                    items.remove(i);
                }
                Mutation::Duplicate(_) => {
                    let v = items[i].clone();
                    items.insert(i, v);
                }
                Mutation::Retype(_, t) => items[i] = replacement(*t),
                Mutation::Truncate(_) => {}
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_a_damaged_corpus(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let mut value: serde_json::Value = serde_json::from_str(BUILTIN_JSON).unwrap();
        let mut text = None;
        for m in &mutations {
            if let Mutation::Truncate(at) = m {
                let s = value.to_string();
                let mut cut = at % s.len();
                while !s.is_char_boundary(cut) { cut -= 1; }
                text = Some(s[..cut].to_string());
                break;
            }
            let mut all = Vec::new();
            locations(&value, &mut Vec::new(), &mut all);
            let index = match m { Mutation::Drop(i) | Mutation::Duplicate(i) | Mutation::Retype(i, _) | Mutation::Truncate(i) => *i };
            let path = all[index % all.len()].clone();
            apply(&mut value, &path, m);
        }
        let text = text.unwrap_or_else(|| value.to_string());
        match Corpus::from_json(&text) {
            Ok(corpus) => prop_assert!(check(&corpus).is_empty()),
            Err(error) => prop_assert!(!error.problems.is_empty()),
        }
    }
}

#[test]
fn the_built_in_corpus_is_named_as_the_code_names_it() {
    use messages_explorer::core::corpus::{BUILTIN_ID, BUILTIN_TITLE};
    let corpus = Corpus::builtin().unwrap();
    assert_eq!(
        (corpus.id.as_str(), corpus.title.as_str()),
        (BUILTIN_ID, BUILTIN_TITLE)
    );
}
