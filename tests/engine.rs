//! Property tests of the engine against obviously-correct slow versions: the search index
//! against a linear scan, facet filtering against a naive loop, and the URL parser.

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::{Explorer, Facet, Selection, Sort, ABBREVIATIONS};
use std::collections::HashMap;

use messages_explorer::core::related;
use messages_explorer::core::search::{
    dense_cosine, dense_features, linear_search, Analyzer, Equivalences, Index,
};
use messages_explorer::core::text::{english_generic_words, english_stop_words};
use messages_explorer::core::url::{parse, render, split_terms, Route, View};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "data",
    "Data",
    "gender",
    "Gender’s",
    "women's",
    "women",
    "jobs",
    "job",
    "access",
    "accessibility",
    "cyber",
    "cybersecurity",
    "Côte",
    "cote",
    "rights",
    "right",
    "digital",
    "divide",
    "divides",
    "AI",
    "artificial",
    "intelligence",
    "security",
    "organisation",
    "organizations",
    "multi",
    "stakeholder",
    "multistakeholder",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        (
            proptest::sample::select(WORDS),
            proptest::sample::select(&[" ", ", ", ". ", " – "][..]),
        ),
        0..12,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(w, sep)| format!("{w}{sep}"))
            .collect()
    })
}

fn query_text() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(WORDS).prop_map(|w| w.to_string());
    let prefix =
        proptest::sample::select(WORDS).prop_map(|w| w.chars().take(3).collect::<String>());
    let piece = prop_oneof![
        word.clone(),
        word.clone().prop_map(|w| format!("-{w}")),
        (word.clone(), word.clone()).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        prefix,
    ];
    (proptest::collection::vec(piece, 0..4), any::<bool>()).prop_map(|(pieces, trailing)| {
        format!("{}{}", pieces.join(" "), if trailing { " " } else { "" })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_index_finds_what_a_linear_scan_finds(texts in proptest::collection::vec(text(), 0..30), q in query_text()) {
        let index = Index::build(texts.iter().map(String::as_str));
        let query = index.parse(&q);
        let mut found: Vec<u32> = index.search(&query).into_iter().map(|h| h.doc).collect();
        found.sort_unstable();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let expected = linear_search(&refs, &query, &Analyzer::default());
        prop_assert_eq!(found, expected, "query {:?} parsed as {:?}", q, query);
        // With the equivalents of its words (acronyms, spellings, compounds), too.
        let expanded = Equivalences::english(index.analyzer()).expand(&query, index.analyzer());
        let mut found: Vec<u32> = index.search(&expanded).into_iter().map(|h| h.doc).collect();
        found.sort_unstable();
        let expected = linear_search(&refs, &expanded, &Analyzer::default());
        prop_assert_eq!(found, expected, "query {:?} expanded as {:?}", q, expanded);
    }

    #[test]
    fn any_text_is_a_query_and_never_panics(q in any::<String>()) {
        let index = Index::build(["Gender digital divide", "data jobs"]);
        let query = index.parse(&q);
        let _ = index.search(&query);
        let _ = index.highlights("Gender digital divide", &query);
    }
}

fn builtin() -> Corpus {
    Corpus::builtin().unwrap()
}

/// Every valid view of the built-in corpus: random subsets of real ids, text and sort.
fn view() -> impl Strategy<Value = View> {
    let corpus = builtin();
    let meetings: Vec<String> = corpus.meetings.iter().map(|m| m.id.clone()).collect();
    let topics: Vec<String> = corpus.topics.iter().map(|t| t.id.clone()).collect();
    let headings: Vec<String> = corpus
        .meetings
        .iter()
        .flat_map(|m| m.message_set.headings.iter().map(|h| h.id.clone()))
        .collect();
    let messages: Vec<String> = corpus.messages.iter().map(|m| m.id.clone()).collect();
    let pick = |ids: Vec<String>| proptest::sample::subsequence(ids.clone(), 0..=ids.len().min(3));
    let route = prop_oneof![
        Just(Route::Explore),
        Just(Route::About),
        Just(Route::Load),
        Just(Route::Compare),
        Just(Route::Charts),
        Just(Route::Present),
        Just(Route::Cite),
        Just(Route::Set),
        Just(Route::SetSlides),
        proptest::sample::select(messages.clone()).prop_map(Route::Message),
    ];
    // A set of real ids in the reader's order, with notes full of the link's characters.
    let set = (
        proptest::sample::subsequence(messages.clone(), 0..=6),
        any::<u64>(),
        set_text(8),
        set_text(20),
        proptest::collection::vec(set_text(12), 6),
    )
        .prop_map(|(mut ids, order, title, intro, notes)| {
            let n = ids.len().max(1);
            ids.rotate_left((order as usize) % n);
            let set = messages_explorer::core::set::Set {
                title,
                intro,
                items: ids
                    .into_iter()
                    .zip(notes)
                    .map(|(id, note)| messages_explorer::core::set::SetItem { id, note })
                    .collect(),
                corpus: None,
            };
            // A set with nothing in it has no link of its own: `#/set` is the device's set.
            (set != messages_explorer::core::set::Set::default())
                .then(|| messages_explorer::core::url::set_form(&set))
        });
    let selection = (
        "[ -~é’“”<>&#%+?=,/]{0,20}",
        pick(meetings.clone()),
        pick(topics.clone()),
        pick(headings),
        proptest::sample::subsequence(vec!["complete", "partial", "none"], 0..=3),
        any::<bool>(),
        proptest::option::weighted(0.3, proptest::sample::select(messages)),
        any::<bool>(),
    )
        .prop_map(
            |(text, meetings, topics, headings, coverage, chrono, like, exact)| {
                let mut selection = Selection {
                    // `exact` is about words: without any it is not kept.
                    exact: exact && !text.trim().is_empty(),
                    text,
                    like,
                    sort: if chrono {
                        Sort::Chronological
                    } else {
                        Sort::Relevance
                    },
                    ..Selection::default()
                };
                for (facet, ids) in [
                    (Facet::Meeting, meetings),
                    (Facet::Topic, topics),
                    (Facet::Heading, headings),
                ] {
                    for id in ids {
                        selection.filters.toggle(facet, &id);
                    }
                }
                for c in coverage {
                    selection.filters.toggle(Facet::Coverage, c);
                }
                // A blank search is no search.
                if selection.text.trim().is_empty() {
                    selection.text.clear();
                }
                selection
            },
        );
    let compare = (
        pick(meetings),
        proptest::option::of(proptest::sample::select(topics)),
    );
    let charts = (
        proptest::collection::vec("[a-zA-Z\"é’ ]{1,12}", 0..6),
        any::<bool>(),
    );
    (route, selection, compare, charts, 1usize..500, set).prop_map(
        |(route, selection, compare, charts, slide, set)| {
            // A URL holds its own page's settings only.
            let mut view = View {
                route: route.clone(),
                ..View::default()
            };
            match route {
                Route::Explore | Route::Message(_) | Route::Cite => view.selection = selection,
                Route::Present => {
                    view.selection = selection;
                    view.slide = slide;
                }
                Route::Compare => {
                    view.compare.meetings = compare.0.into_iter().collect();
                    view.compare.topic = compare.1;
                }
                Route::Charts => {
                    view.charts.terms = split_terms(&charts.0.join(","))
                        .into_iter()
                        .take(5)
                        .collect();
                    view.charts.shares = charts.1;
                }
                Route::Set => view.set = set,
                Route::SetSlides => {
                    view.set = set;
                    view.slide = slide;
                }
                Route::About | Route::Load => {}
            }
            view
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn parse_of_render_is_identity(view in view()) {
        let corpus = builtin();
        let parsed = parse(&render(&view)).resolve(&corpus);
        prop_assert_eq!(&parsed.view, &view);
        prop_assert!(parsed.warnings.is_empty());
    }

    #[test]
    fn render_of_parse_is_canonical(url in any::<String>()) {
        let corpus = builtin();
        let first = render(&parse(&url).resolve(&corpus).view);
        let again = parse(&first).resolve(&corpus);
        prop_assert_eq!(render(&again.view), first);
        prop_assert!(again.warnings.is_empty());
    }
}

/// 100,000 random and mutated query strings: no panic, and every drop is reported.
#[test]
fn the_url_parser_survives_100k_hostile_strings() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let corpus = builtin();
    let seeds = [
        "#/explore?q=data&meeting=geneva-2017,kyoto-2023&topic=human-rights&sort=chronological",
        "#/message/geneva-2017-gender-3?q=gender",
        "#/about",
    ];
    let pieces = prop_oneof![
        Just("&".to_string()),
        Just("=".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just("%zz".to_string()),
        Just("#".to_string()),
        Just("?".to_string()),
        Just("/".to_string()),
        Just("meeting=".to_string()),
        Just("topic=foo".to_string()),
        Just("q=<script>alert(1)</script>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("%F0%9F".to_string()),
        any::<String>(),
    ];
    let mut runner = TestRunner::deterministic();
    let strategy = (0..seeds.len(), any::<usize>(), pieces);
    for _ in 0..100_000 {
        let (seed, at, piece) = strategy.new_tree(&mut runner).unwrap().current();
        let seed = seeds[seed];
        let mut cut = at % (seed.len() + 1);
        while !seed.is_char_boundary(cut) {
            cut -= 1;
        }
        let url = format!("{}{}{}", &seed[..cut], piece, &seed[cut..]);
        let parsed = parse(&url).resolve(&corpus);
        // Whatever was kept is valid: rendering and parsing again drops nothing.
        let again = parse(&render(&parsed.view)).resolve(&corpus);
        assert!(again.warnings.is_empty(), "{url:?}");
        assert_eq!(again.view, parsed.view, "{url:?}");
        // Every unknown value that was present is reported, not silently dropped.
        // (Only where the URL has one fragment, so that "topic=foo" is surely inside it.)
        let fragment_query = url
            .split_once('#')
            .and_then(|(_, f)| f.split_once('?'))
            .map(|(_, q)| q);
        if url.matches('#').count() == 1
            && fragment_query.is_some_and(|q| q.split('&').any(|p| p == "topic=foo"))
        {
            assert!(
                parsed
                    .warnings
                    .iter()
                    .any(|w| w.to_string().contains("topic")),
                "{url:?}: {:?}",
                parsed.warnings
            );
        }
    }
}

/// The messages sharing a feature that weighs something with the message `like`, with
/// the stop words of the app's similarity (NLTK's, the generic words, abbreviations).
fn naive_like(corpus: &Corpus, like: &str) -> Vec<usize> {
    // Computed once for the built-in corpus (the property tests ask hundreds of times).
    static BUILTIN: std::sync::OnceLock<Vec<HashMap<String, f64>>> = std::sync::OnceLock::new();
    assert_eq!(corpus, &builtin(), "naive_like reads the built-in corpus");
    let features = BUILTIN.get_or_init(|| {
        let texts: Vec<&str> = corpus.messages.iter().map(|m| m.text.as_str()).collect();
        let stop = english_stop_words()
            .chain(english_generic_words())
            .chain(ABBREVIATIONS);
        dense_features(&texts, stop)
    });
    let texts = &corpus.messages;
    let reference = corpus.messages.iter().position(|m| m.id == like).unwrap();
    (0..texts.len())
        .filter(|&m| m != reference)
        .filter(|&m| {
            features[m]
                .keys()
                .any(|f| features[reference].contains_key(f))
        })
        .collect()
}

/// The filter against a naive loop over the messages, for random selections.
fn naive(corpus: &Corpus, selection: &Selection, matching: &[u32]) -> Vec<usize> {
    let f = &selection.filters;
    let like = selection.like.as_deref().map(|id| naive_like(corpus, id));
    corpus
        .messages
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let (topics, _) = corpus.message_topics(m);
            let coverage = corpus
                .meeting(&m.meeting)
                .unwrap()
                .message_set
                .coverage
                .status;
            (f.meetings.is_empty() || f.meetings.contains(&m.meeting))
                && (f.topics.is_empty() || topics.iter().any(|t| f.topics.contains(*t)))
                && (f.headings.is_empty()
                    || m.heading.as_ref().is_some_and(|h| f.headings.contains(h)))
                && (f.coverage.is_empty() || f.coverage.contains(&coverage))
        })
        .map(|(i, _)| i)
        .filter(|i| matching.contains(&(*i as u32)))
        .filter(|i| like.as_ref().is_none_or(|similar| similar.contains(i)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn facet_filtering_matches_a_naive_loop(view in view(), q in query_text()) {
        let corpus = builtin();
        let explorer = Explorer::new(corpus.clone());
        let mut selection = view.selection;
        selection.text = q;
        let outcome = related::run(&explorer, &selection);
        let texts: Vec<&str> = corpus.messages.iter().map(|m| m.text.as_str()).collect();
        let matching = linear_search(&texts, &outcome.query, &Analyzer::default());
        let mut got = outcome.messages.clone();
        got.sort_unstable();
        prop_assert_eq!(got, naive(&corpus, &selection, &matching));
        // Each facet value's count is what ticking it alone in that facet would give.
        for (facet, values) in &outcome.facets {
            for value in values.iter().take(4) {
                let mut alone = selection.clone();
                let current = alone.filters.values(*facet);
                for v in current { alone.filters.toggle(*facet, &v); }
                alone.filters.toggle(*facet, &value.id);
                prop_assert_eq!(value.count, naive(&corpus, &alone, &matching).len(), "{:?} {}", facet, value.id);
            }
        }
    }
}

/// Cosine similarity of the dense feature vectors (`dense_features`, NLTK's stop words).
fn dense_similarity(texts: &[String], a: usize, b: usize) -> f64 {
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let features = dense_features(&texts, english_stop_words());
    dense_cosine(&features[a], &features[b])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The index's similarity (from postings) equals the dense computation.
    #[test]
    fn similarity_from_postings_equals_the_dense_cosine(
        texts in proptest::collection::vec(text(), 1..12),
        pick in any::<proptest::sample::Index>(),
    ) {
        let index = Index::build(texts.iter().map(String::as_str));
        let weights = index.weights(english_stop_words());
        let doc = pick.index(texts.len());
        let vector = index.vector(&texts[doc], &weights);
        let found: Vec<(u32, f32)> = index.similar(&vector, &weights);
        prop_assert!(found.windows(2).all(|w| w[0].0 < w[1].0), "document order");
        for other in 0..texts.len() {
            let expected = dense_similarity(&texts, doc, other);
            let got = found.iter().find(|(d, _)| *d as usize == other).map_or(0.0, |f| f64::from(f.1));
            prop_assert!((got - expected).abs() < 1e-4, "{} ~ {}: {} vs {}", doc, other, got, expected);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The order of a result list (a radix sort, stable over document order) is the full
    /// comparison sort: best score first, ties in document order; chronological lists are
    /// by year, then document order.
    #[test]
    fn result_order_is_the_full_sort(view in view(), q in query_text(), reversed in any::<bool>()) {
        // Reversed, the corpus is out of year order: the chronological sort then runs.
        let mut corpus = builtin();
        if reversed {
            corpus.messages.reverse();
        }
        let explorer = Explorer::new(corpus.clone());
        let mut selection = view.selection;
        selection.text = q;
        selection.like = None;
        let outcome = explorer.run(&selection);
        let hits = explorer.index().search(&outcome.query);
        let score = |m: usize| hits.iter().find(|h| h.doc as usize == m).map_or(0.0, |h| h.score);
        let mut expected = outcome.messages.clone();
        if selection.sort == Sort::Chronological || !outcome.query.has_positive() {
            let year = |m: usize| corpus.meeting(&corpus.messages[m].meeting).unwrap().year.0;
            expected.sort_by_key(|&m| (year(m), m));
        } else {
            expected.sort_by(|&a, &b| score(b).total_cmp(&score(a)).then(a.cmp(&b)));
        }
        prop_assert_eq!(outcome.messages, expected);
    }
}

/// Text a reader may write in a set: the URL's own characters, newlines, emoji and
/// right-to-left scripts among plain words.
fn set_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("&".to_string()),
            Just("#".to_string()),
            Just("%".to_string()),
            Just("%20".to_string()),
            Just("+".to_string()),
            Just("=".to_string()),
            Just(",".to_string()),
            Just("?".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just(" ".to_string()),
            Just("🙂".to_string()),
            Just("👩🏽‍💻".to_string()),
            Just("مرحبا".to_string()),
            Just("שלום".to_string()),
            Just("\u{202E}".to_string()),
            Just("<b>".to_string()),
            "[a-zA-Zé ]{1,12}",
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Set → link → set is the identity for every set within the limits.
    #[test]
    fn a_set_and_its_link_are_one(
        ids in proptest::collection::btree_set("[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,3}", 0..=12),
        order in any::<u64>(),
        title in set_text(12),
        intro in set_text(40),
        notes in proptest::collection::vec(set_text(30), 12),
        corpus in proptest::option::of("[a-z]{1,10}(-[a-z0-9]{1,5}){0,2}"),
    ) {
        use messages_explorer::core::set::{Set, SetItem};
        let mut ids: Vec<String> = ids.into_iter().collect();
        // An order of the reader's, not the ids' sorted one.
        let n = ids.len().max(1);
        ids.rotate_left((order as usize) % n);
        let set = Set {
            title,
            intro,
            items: ids.into_iter().zip(notes).map(|(id, note)| SetItem { id, note }).collect(),
            corpus,
        };
        match set.to_query() {
            Ok(query) => prop_assert_eq!(Set::from_query(&query), Ok((set, Vec::new()))),
            // Only a limit refuses a set.
            Err(problem) => prop_assert!(problem.refuses(), "{:?}", problem),
        }
    }
}

#[test]
fn a_sets_unknown_messages_are_dropped_with_one_notice() {
    use messages_explorer::core::set::{Set, SetProblem};
    let corpus = Corpus::builtin().unwrap();
    let (set, dropped) = Set::from_query(
        "messages=geneva-2017-gender-3,no-such-message,kyoto-2023-children-1&note2=gone&note3=kept",
    )
    .unwrap();
    assert!(dropped.is_empty());
    let (set, notice) = set.keep_known(&corpus);
    assert_eq!(
        set.items
            .iter()
            .map(|i| (i.id.as_str(), i.note.as_str()))
            .collect::<Vec<_>>(),
        [
            ("geneva-2017-gender-3", ""),
            ("kyoto-2023-children-1", "kept")
        ]
    );
    let notice = notice.unwrap();
    assert_eq!(notice, SetProblem::Unknown(vec!["no-such-message".into()]));
    assert_eq!(
        notice.sentence(),
        "1 of this set's messages is not in the messages in use: left out (no-such-message)."
    );
    assert!(!notice.refuses());
}

/// A set's link in the address: its set read whole (unknown ids dropped with one notice),
/// or refused with the limit's sentence when over one, never cut; other keys noticed.
#[test]
fn a_set_link_is_read_whole_or_refused() {
    use messages_explorer::core::url::{parse, render, Route};
    let corpus = builtin();
    let parsed =
        parse("#/set?messages=geneva-2017-gender-3,nope-1&title=T&note2=gone&x=1").resolve(&corpus);
    assert_eq!(parsed.view.route, Route::Set);
    let set = parsed.view.linked_set().unwrap();
    assert_eq!(set.items.len(), 1);
    assert_eq!(set.title, "T");
    let said: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            "Ignored unknown key 'x'",
            "1 of this set's messages is not in the messages in use: left out (nope-1)."
        ]
    );
    assert_eq!(
        render(&parsed.view),
        "#/set?messages=geneva-2017-gender-3&title=T"
    );
    // `#/set` alone is the set in use on this device.
    assert_eq!(parse("#/set").resolve(&corpus).view.set, None);
    // Longer than a link is read: refused whole, with the set's own sentence.
    let long = format!(
        "#/set?messages=geneva-2017-gender-3&intro={}",
        "x".repeat(20_000)
    );
    let parsed = parse(&long).resolve(&corpus);
    // The set in use on this device, under the refusal (the address stays `#/set`).
    assert_eq!(parsed.view.set, None);
    assert_eq!(parsed.warnings.len(), 1);
    assert!(parsed.warnings[0]
        .to_string()
        .starts_with("A set's link is at most"));
}
