//! Filtering and facet counts: the [`Explorer`] holds a corpus with its search index and
//! per-message facet values, and evaluates a [`Selection`] (search text, filters, sort)
//! to the matching messages and the count each facet value would give.
//!
//! Facets combine as AND across facets and OR within one. Each value's count is the number
//! of messages it would give together with the other active filters, as Datasette shows.

use std::collections::{BTreeSet, HashMap};

use super::corpus::{Corpus, CoverageStatus, DetailParts, MessageDetails};
use super::search::{is_english, Equivalences, Hit, Index, IndexBuilder, Query, Weights};
use super::text::{english_generic_words, english_stop_words};

/// The facets a selection can filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// The meeting (and so the year).
    Meeting,
    /// The cross-year topic.
    Topic,
    /// The heading as published.
    Heading,
    /// The coverage of the message's meeting.
    Coverage,
}

impl Facet {
    /// All facets, in display order.
    pub const ALL: [Facet; 4] = [
        Facet::Meeting,
        Facet::Topic,
        Facet::Heading,
        Facet::Coverage,
    ];

    /// The URL key and label of this facet.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Meeting => "meeting",
            Facet::Topic => "topic",
            Facet::Heading => "heading",
            Facet::Coverage => "coverage",
        }
    }

    /// Display label.
    pub fn label(self) -> &'static str {
        match self {
            Facet::Meeting => "Meeting",
            Facet::Topic => "Topic",
            Facet::Heading => "Heading as published",
            Facet::Coverage => "Coverage",
        }
    }
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sort {
    /// Best match first (BM25); chronological when there is no search text.
    #[default]
    Relevance,
    /// By meeting year, then in source order.
    Chronological,
}

impl Sort {
    /// Every order, as the page offers them.
    pub const ALL: [Sort; 2] = [Sort::Relevance, Sort::Chronological];

    /// The order's name in links and forms.
    pub fn slug(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Chronological => "chronological",
        }
    }

    /// The order with this name, if any.
    pub fn from_slug(slug: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// How the page names the order.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Relevance => "Best match",
            Sort::Chronological => "By year",
        }
    }
}

/// The filters of a view: selected ids per facet (empty = no filter on that facet).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Filters {
    /// Meeting ids.
    pub meetings: BTreeSet<String>,
    /// Topic ids.
    pub topics: BTreeSet<String>,
    /// Heading ids.
    pub headings: BTreeSet<String>,
    /// Coverage statuses.
    pub coverage: BTreeSet<CoverageStatus>,
}

impl Filters {
    /// How many values are selected, over every facet (the filter button shows it).
    pub fn count(&self) -> usize {
        self.meetings.len() + self.topics.len() + self.headings.len() + self.coverage.len()
    }

    /// Whether `value` is selected in `facet`.
    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Meeting => self.meetings.contains(value),
            Facet::Topic => self.topics.contains(value),
            Facet::Heading => self.headings.contains(value),
            Facet::Coverage => {
                CoverageStatus::from_slug(value).is_some_and(|c| self.coverage.contains(&c))
            }
        }
    }

    /// The selected values of one facet, as slugs.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Meeting => self.meetings.iter().cloned().collect(),
            Facet::Topic => self.topics.iter().cloned().collect(),
            Facet::Heading => self.headings.iter().cloned().collect(),
            Facet::Coverage => self
                .coverage
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
        }
    }

    /// Adds or removes one value of a facet; unknown coverage slugs are ignored.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        fn flip<T: Ord>(set: &mut BTreeSet<T>, value: T) {
            if !set.remove(&value) {
                set.insert(value);
            }
        }
        match facet {
            Facet::Meeting => flip(&mut self.meetings, value.to_string()),
            Facet::Topic => flip(&mut self.topics, value.to_string()),
            Facet::Heading => flip(&mut self.headings, value.to_string()),
            Facet::Coverage => {
                if let Some(status) = CoverageStatus::from_slug(value) {
                    flip(&mut self.coverage, status)
                }
            }
        }
    }

    /// Whether no facet is filtered.
    pub fn is_empty(&self) -> bool {
        self.meetings.is_empty()
            && self.topics.is_empty()
            && self.headings.is_empty()
            && self.coverage.is_empty()
    }
}

/// What a view asks for: search text, filters and order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Selection {
    /// The search box text, as typed.
    pub text: String,
    /// Search only for what was typed, without its equivalents (acronyms, spellings,
    /// compounds: [`Explorer::query`]).
    pub exact: bool,
    /// The facet filters.
    pub filters: Filters,
    /// The order of results.
    pub sort: Sort,
    /// "More like this": the id of a message; only messages similar to it are selected
    /// (most similar first under [`Sort::Relevance`]), never the message itself.
    pub like: Option<String>,
}

impl Selection {
    /// Whether the selection asks for nothing: no search text and no filter (the order
    /// alone selects nothing).
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.filters.is_empty() && self.like.is_none()
    }
}

/// One value of a facet with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// The id (slug) of the value.
    pub id: String,
    /// Display label.
    pub label: String,
    /// Messages it would give with the other active filters.
    pub count: usize,
    /// Whether it is selected.
    pub selected: bool,
}

/// The result of evaluating a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Matching message indices (into `corpus.messages`), in the requested order.
    pub messages: Vec<usize>,
    /// For each facet, every value that exists, with its count.
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
    /// The parsed search query (with the equivalents of its words, unless the selection
    /// is `exact`).
    pub query: Query,
    /// The equivalents of the words typed ("AI" for "artificial intelligence"): searched
    /// too, or, for an `exact` selection, what "search equivalents too" would add.
    pub equivalents: Vec<String>,
    /// The query to highlight matches with (prefixes expanded; see [`Explorer::highlights`]).
    pub highlight: Query,
    /// The message the selection is "like" (its position), when it names one.
    pub like: Option<usize>,
}

impl Outcome {
    /// The messages a presentation shows: the message the list is like first (the idea,
    /// then where else it was said), then the list.
    pub fn slides(&self) -> Vec<usize> {
        self.like.iter().chain(&self.messages).copied().collect()
    }
}

/// A search finding at most this many messages may hold a slip the corpus makes too
/// ([`Explorer::did_you_mean`]).
pub const FEW_FOUND: usize = 3;

/// How many times as many documents a close word must be in for a rare word to read as
/// its slip ([`Explorer::did_you_mean`]).
pub const MORE_OFTEN: usize = 10;

/// The fewest letters of a word the corpus has for it to read as a slip
/// ([`Explorer::did_you_mean`]).
pub const RARE_SLIP_LETTERS: usize = 6;

/// Latin abbreviations that say nothing about a message's matter ("e.g." is one word to
/// the word-boundary rules): like stop words, they make no message similar to another.
pub const ABBREVIATIONS: [&str; 4] = ["e.g", "i.e", "etc", "cf"];

/// The message a selection is "like", with every message's similarity to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Like {
    /// The message's position.
    pub message: usize,
    /// The similarity of each message (by position) to it; 0 for unrelated ones.
    pub similarity: Vec<f32>,
}

/// Per-message facet values, as small indices.
#[derive(Debug, Clone)]
struct Row {
    meeting: u32,
    year: u16,
    heading: Option<u32>,
    /// Where its topic positions start in [`Explorer::row_topics`] (all rows' topics in one
    /// flat array, read in document order as hits are), and how many there are.
    topics_start: u32,
    topics_len: u16,
    /// The coverage's position in [`CoverageStatus::ALL`].
    coverage_at: u8,
}

/// A corpus ready to be queried: its search index and each message's facet values.
pub struct Explorer {
    corpus: Corpus,
    index: Index,
    rows: Vec<Row>,
    /// Headings in corpus order (meeting order, then published order).
    headings: Vec<HeadingEntry>,
    /// Messages included per meeting (by meeting position).
    included: Vec<usize>,
    /// The header's summary of partial sets, computed once.
    partial_sets: Vec<String>,
    /// The weights of similarity, computed the first time they are needed.
    weights: std::cell::OnceCell<Weights>,
    /// The search equivalences of the corpus's language (none but for English), read the
    /// first time a search needs them.
    equivalences: std::cell::OnceCell<Equivalences>,
    /// Whether the messages are in year order (then a chronological list needs no sort).
    year_ordered: bool,
    /// Every row's topic positions, one after another (see [`Row::topics_start`]).
    row_topics: Vec<u32>,
    /// Each source's position, by id.
    source_at: HashMap<String, u32>,
}

/// A heading with its meeting's position and its topics' positions.
struct HeadingEntry {
    id: String,
    name: String,
    meeting: usize,
    topics: Vec<u32>,
}

/// An [`Explorer`] being built in slices: the page indexes a large corpus a few thousand
/// messages at a time, between frames, so that loading a 20 MB file never blocks it for
/// long; [`Explorer::new`] builds one at once.
pub struct ExplorerBuilder {
    corpus: Corpus,
    index: IndexBuilder,
}

impl ExplorerBuilder {
    /// Starts building over a (validated) corpus.
    pub fn new(corpus: Corpus) -> ExplorerBuilder {
        ExplorerBuilder {
            corpus,
            index: IndexBuilder::default(),
        }
    }

    /// Indexes up to `count` more messages; whether every message is indexed now.
    pub fn step(&mut self, count: usize) -> bool {
        let start = self.index.len();
        let end = start.saturating_add(count).min(self.corpus.messages.len());
        for message in &self.corpus.messages[start..end] {
            self.index.add(&message.text);
        }
        end == self.corpus.messages.len()
    }

    /// The explorer, once every message is indexed (any left are indexed now).
    pub fn finish(mut self) -> Explorer {
        self.step(usize::MAX);
        Explorer::with_index(self.corpus, self.index.finish())
    }
}

impl Explorer {
    /// Indexes a (validated) corpus.
    pub fn new(corpus: Corpus) -> Explorer {
        let index = Index::build(corpus.messages.iter().map(|m| m.text.as_str()));
        Explorer::with_index(corpus, index)
    }

    /// The explorer of a corpus whose messages' texts `index` holds, in order.
    fn with_index(corpus: Corpus, index: Index) -> Explorer {
        fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
            ids.enumerate().map(|(i, id)| (id, i as u32)).collect()
        }
        let topic_at = positions(corpus.topics.iter().map(|t| t.id.as_str()));
        let topic_positions = |ids: &[String]| -> Vec<u32> {
            ids.iter()
                .filter_map(|t| topic_at.get(t.as_str()).copied())
                .collect()
        };
        let headings: Vec<HeadingEntry> = corpus
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(mi, m)| m.message_set.headings.iter().map(move |h| (mi, h)))
            .map(|(meeting, h)| HeadingEntry {
                id: h.id.clone(),
                name: h.name.clone(),
                meeting,
                topics: topic_positions(&h.topics),
            })
            .collect();
        let meeting_at = positions(corpus.meetings.iter().map(|m| m.id.as_str()));
        let heading_at = positions(headings.iter().map(|h| h.id.as_str()));
        let mut row_topics: Vec<u32> = Vec::new();
        let rows: Vec<Row> = corpus
            .messages
            .iter()
            .map(|message| {
                let meeting = meeting_at
                    .get(message.meeting.as_str())
                    .copied()
                    .unwrap_or(0);
                let heading = message
                    .heading
                    .as_deref()
                    .and_then(|h| heading_at.get(h).copied());
                let topics_start = row_topics.len() as u32;
                match heading {
                    Some(h) => row_topics.extend_from_slice(&headings[h as usize].topics),
                    None => row_topics.extend(topic_positions(&message.editorial_topics)),
                }
                let topics_len = (row_topics.len() as u32 - topics_start) as u16;
                let coverage = corpus.meetings[meeting as usize]
                    .message_set
                    .coverage
                    .status;
                Row {
                    meeting,
                    year: corpus.meetings[meeting as usize].year.0,
                    heading,
                    topics_start,
                    topics_len,
                    coverage_at: coverage_index(coverage) as u8,
                }
            })
            .collect();
        let mut included = vec![0usize; corpus.meetings.len()];
        for row in &rows {
            included[row.meeting as usize] += 1;
        }
        let partial_sets = corpus.partial_sets(|m| included[meeting_at[m.id.as_str()] as usize]);
        let year_ordered = rows.windows(2).all(|w| w[0].year <= w[1].year);
        let source_at = corpus
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as u32))
            .collect();
        Explorer {
            corpus,
            index,
            rows,
            headings,
            included,
            partial_sets,
            weights: std::cell::OnceCell::new(),
            equivalences: std::cell::OnceCell::new(),
            year_ordered,
            row_topics,
            source_at,
        }
    }

    /// The position of the message with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.corpus.messages.iter().position(|m| m.id == id)
    }

    /// The index with the weights of similarity (computed on first use).
    pub fn similarity(&self) -> (&Index, &Weights) {
        let weights = self.weights.get_or_init(|| {
            self.index.weights(
                english_stop_words()
                    .chain(english_generic_words())
                    .chain(ABBREVIATIONS),
            )
        });
        (&self.index, weights)
    }

    /// Keeps the `limit` most similar of `(message, similarity)` pairs, most similar
    /// first, ties by message id (a selection, then a sort of what is kept).
    pub fn top_by_similarity(&self, found: &mut Vec<(usize, f32)>, limit: usize) {
        let messages = &self.corpus.messages;
        let order = |a: &(usize, f32), b: &(usize, f32)| {
            b.1.total_cmp(&a.1)
                .then_with(|| messages[a.0].id.cmp(&messages[b.0].id))
        };
        if limit == 0 {
            found.clear();
            return;
        }
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
    }

    /// The coverage sentence of the meeting at this position.
    pub fn coverage_sentence(&self, meeting: usize) -> String {
        Corpus::coverage_sentence(&self.corpus.meetings[meeting], self.included[meeting])
    }

    /// The details shown beside the message at this position.
    pub fn details(&self, message: usize) -> MessageDetails {
        let m = &self.corpus.messages[message];
        let row = &self.rows[message];
        let coverage = self.coverage_sentence(row.meeting as usize);
        // By position: constant time per message, whatever the corpus's size.
        let heading = row.heading.map(|h| &self.headings[h as usize]);
        let topics = self.row_topics[row.topics_start as usize..][..row.topics_len as usize]
            .iter()
            .map(|&t| self.corpus.topics[t as usize].label.clone())
            .collect();
        let parts = DetailParts {
            meeting: self.corpus.meetings.get(row.meeting as usize),
            heading: heading.map(|h| h.name.as_str()),
            topics,
            editorial: heading.is_none(),
            source: self
                .source_at
                .get(m.source.source.as_str())
                .map(|&s| &self.corpus.sources[s as usize]),
        };
        Corpus::details_of(m, parts, coverage)
    }

    /// The corpus being explored.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The search index (for statistics over terms).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The position of the meeting of the message at `message`.
    pub fn meeting_of(&self, message: usize) -> usize {
        self.rows[message].meeting as usize
    }

    /// The topic positions of the message at `message`.
    pub fn topics_of(&self, message: usize) -> &[u32] {
        self.row_topics_of(&self.rows[message])
    }

    /// A row's topic positions.
    fn row_topics_of(&self, row: &Row) -> &[u32] {
        let start = row.topics_start as usize;
        &self.row_topics[start..start + row.topics_len as usize]
    }

    /// Messages included per meeting (by meeting position).
    pub fn included(&self) -> &[usize] {
        &self.included
    }

    /// Byte spans of a message's text to highlight, for an outcome's `highlight` query.
    pub fn highlights(&self, message: usize, highlight: &Query) -> Vec<std::ops::Range<usize>> {
        match self.corpus.messages.get(message) {
            Some(m) => self.index.highlights(&m.text, highlight),
            None => Vec::new(),
        }
    }

    /// Parses search text with the index's analyzer.
    pub fn parse_query(&self, text: &str) -> Query {
        self.index.parse(text)
    }

    /// The query that search text asks for with the equivalents of its words (acronyms
    /// and expansions, British and American spellings, compounds:
    /// `assets/equivalences-en.txt`, for a corpus in English), named in [`Query::also`].
    pub fn query(&self, text: &str) -> Query {
        self.expand(&self.index.parse(text))
    }

    /// A parsed query with the equivalents of its words (see [`Explorer::query`]).
    fn expand(&self, typed: &Query) -> Query {
        let equivalences = self.equivalences.get_or_init(|| {
            if is_english(self.corpus.language.as_deref()) {
                Equivalences::english(self.index.analyzer())
            } else {
                Equivalences::default()
            }
        });
        equivalences.expand(typed, self.index.analyzer())
    }

    /// The coverage sentence of each partial meeting among these messages, in meeting
    /// order ("Kyoto 2023: 2 of a reported 89 messages included (partial)"), so that a
    /// selection never looks complete when it is not.
    pub fn partial_coverage(&self, messages: &[usize]) -> Vec<String> {
        let mut present = vec![false; self.corpus.meetings.len()];
        for &m in messages {
            if let Some(row) = self.rows.get(m) {
                present[row.meeting as usize] = true;
            }
        }
        (0..self.corpus.meetings.len())
            .filter(|&i| {
                present[i]
                    && self.corpus.meetings[i].message_set.coverage.status
                        != CoverageStatus::Complete
            })
            .map(|i| self.coverage_sentence(i))
            .collect()
    }

    /// The partial sets in a sentence for the header's details, if there are any:
    /// "Includes partial sets (messages included): Kyoto 2023 (2 of 89), …."
    pub fn partial_sets_sentence(&self) -> Option<String> {
        (!self.partial_sets.is_empty()).then(|| {
            format!(
                "Includes partial sets (messages included): {}. ",
                self.partial_sets.join(", ")
            )
        })
    }

    /// What the home view says of the corpus, in two plain sentences: what the IGF
    /// Messages are, and what this corpus includes (its complete sets and its partial
    /// ones, by meeting).
    pub fn home_intro(&self) -> String {
        let corpus = &self.corpus;
        let what = "The IGF Messages are the key takeaways that the UN Internet Governance Forum publishes after each annual meeting.";
        let named = |status: CoverageStatus| -> Vec<String> {
            corpus
                .meetings
                .iter()
                .zip(&self.included)
                .filter(|(m, &n)| n > 0 && m.message_set.coverage.status == status)
                .map(|(m, n)| format!("{} ({n})", m.short_name()))
                .collect()
        };
        let complete = named(CoverageStatus::Complete);
        let partial = named(CoverageStatus::Partial);
        let mut sets = Vec::new();
        if !complete.is_empty() {
            sets.push(format!("the complete set of {}", complete.join(", ")));
        }
        match partial.len() {
            0 => {}
            1 | 2 => sets.push(format!("what could be recovered of {}", partial.join(", "))),
            n => sets.push(format!("what could be recovered of {n} other meetings")),
        }
        format!(
            "{what} This corpus quotes {} of them verbatim, each with its source: {}.",
            corpus.messages.len(),
            sets.join(", and ")
        )
    }

    /// The corpus in one short line, for the header: how many messages it holds, how
    /// many of its meetings are partial sets (first, as a phone may cut the line), and its
    /// title.
    pub fn corpus_line(&self) -> String {
        let count = self.corpus.messages.len();
        let partial = match self.partial_sets.len() {
            0 => String::new(),
            1 => " (1 partial set)".to_string(),
            n => format!(" ({n} partial sets)"),
        };
        format!("{count} messages included{partial} · {}", self.corpus.title)
    }

    /// What a search that finds no message or very few may have meant:
    /// `text` with its slips of typing replaced by their closest words
    /// ([`Index::suggest`]), the closest first, at most
    /// [`SUGGESTIONS`](super::search::SUGGESTIONS); only those that find more messages.
    /// A slip is a word the corpus does not have (the word being typed counts when no word
    /// starts with it), within one edit of a word of the corpus (two for a word of over
    /// five letters); or, when the text finds at most [`FEW_FOUND`] messages, a word of
    /// [`RARE_SLIP_LETTERS`] or more one edit away from a word in [`MORE_OFTEN`] times as
    /// many documents: a slip the corpus makes too ("goverance" once, "governance"
    /// everywhere; short words such as "fake" and "make" are too often both meant).
    /// Quotes, exclusions and the other words stay as typed.
    pub fn did_you_mean(&self, text: &str) -> Vec<String> {
        let text: String = text.chars().take(super::search::MAX_QUERY_CHARS).collect();
        let found = self.index.search(&self.query(&text)).len();
        let typing = !text.ends_with(char::is_whitespace);
        let words: Vec<_> = super::search::words(&text).collect();
        // Only a few slips read as slips of typing (and each costs a scan of the
        // vocabulary): a text of many is not corrected.
        const MOST_SLIPS: usize = 3;
        let mut slips: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let being_typed = i + 1 == words.len() && typing;
            let documents = self.index.word_documents(&word.folded);
            let suggestions = if documents == 0 {
                if being_typed && self.index.has_prefix(&word.folded) {
                    continue;
                }
                // An unknown word with nothing close: no rewrite can find a message.
                let letters = word.folded.chars().count();
                let suggestions =
                    self.index
                        .suggest(&word.folded, 1, if letters <= 5 { 1 } else { 2 });
                if suggestions.is_empty() {
                    return Vec::new();
                }
                suggestions
            } else if found <= FEW_FOUND && word.folded.chars().count() >= RARE_SLIP_LETTERS {
                let suggestions = self.index.suggest(&word.folded, documents * MORE_OFTEN, 1);
                if suggestions.is_empty() {
                    continue;
                }
                suggestions
            } else {
                continue;
            };
            slips.push((word.span.clone(), suggestions));
            if slips.len() > MOST_SLIPS {
                return Vec::new();
            }
        }
        if slips.is_empty() {
            return Vec::new();
        }
        let mut meant: Vec<String> = Vec::new();
        for choice in 0..super::search::SUGGESTIONS {
            let mut corrected = text.clone();
            // From the end, so that earlier spans stay where they were.
            for (span, suggestions) in slips.iter().rev() {
                let word = suggestions.get(choice).unwrap_or(&suggestions[0]);
                corrected.replace_range(span.clone(), word);
            }
            let corrected = corrected.trim().to_string();
            let finds = self.index.search(&self.query(&corrected)).len() > found;
            if finds && !meant.contains(&corrected) {
                meant.push(corrected);
            }
        }
        meant
    }

    /// Evaluates a selection: the matching messages in order, and the facet counts. Its
    /// `like` is not read here: [`related::run`](super::related) resolves it (so that a
    /// build without related messages carries none of their code).
    pub fn run(&self, selection: &Selection) -> Outcome {
        self.run_with(selection, None)
    }

    /// Evaluates a selection among the messages similar to one ("More like this"): only
    /// messages with a similarity above 0 are kept, most similar first under
    /// [`Sort::Relevance`] (ties in corpus order; `related::run` breaks them by id).
    pub fn run_with(&self, selection: &Selection, like: Option<&Like>) -> Outcome {
        let typed = self.index.parse(&selection.text);
        let expanded = self.expand(&typed);
        let equivalents = expanded.also.clone();
        let query = if selection.exact { typed } else { expanded };
        let mut hits = self.index.search(&query);
        if let Some(like) = like {
            hits.retain_mut(|hit| {
                hit.score = like
                    .similarity
                    .get(hit.doc as usize)
                    .copied()
                    .unwrap_or(0.0);
                hit.score > 0.0 && hit.doc as usize != like.message
            });
        }
        let like = like.map(|l| l.message);
        let counts = self.count_facets(&selection.filters, &mut hits);
        let chronological =
            selection.sort == Sort::Chronological || (!query.has_positive() && like.is_none());
        // Hits come in document order, and a radix sort is stable: ties stay in document
        // order, in linear time. A corpus in year order needs no sort to be chronological.
        if chronological {
            if !self.year_ordered {
                radsort::sort_by_key(&mut hits, |h| self.rows[h.doc as usize].year);
            }
        } else {
            radsort::sort_by_key(&mut hits, |h| !score_key(h.score));
        }
        let facets = self.facet_values(&selection.filters, counts);
        Outcome {
            messages: hits.into_iter().map(|h| h.doc as usize).collect(),
            facets,
            highlight: self.index.highlight_query(&query),
            query,
            equivalents,
            like,
        }
    }

    /// Keeps the hits that pass the filters and counts, for each facet value, the hits it
    /// would give with the other active filters. Without filters, one plain count per hit.
    fn count_facets(&self, filters: &Filters, hits: &mut Vec<Hit>) -> Vec<Vec<usize>> {
        let mut counts: Vec<Vec<usize>> = vec![
            vec![0; self.corpus.meetings.len()],
            vec![0; self.corpus.topics.len()],
            vec![0; self.headings.len()],
            vec![0; CoverageStatus::ALL.len()],
        ];
        if filters.is_empty() {
            for hit in hits.iter() {
                let row = &self.rows[hit.doc as usize];
                counts[0][row.meeting as usize] += 1;
                for &t in self.row_topics_of(row) {
                    counts[1][t as usize] += 1;
                }
                if let Some(h) = row.heading {
                    counts[2][h as usize] += 1;
                }
                counts[3][row.coverage_at as usize] += 1;
            }
            return counts;
        }
        let wanted = self.wanted(filters);
        hits.retain(|hit| {
            let row = &self.rows[hit.doc as usize];
            let pass = [
                wanted[0].as_ref().is_none_or(|w| w[row.meeting as usize]),
                wanted[1]
                    .as_ref()
                    .is_none_or(|w| self.row_topics_of(row).iter().any(|&t| w[t as usize])),
                wanted[2]
                    .as_ref()
                    .is_none_or(|w| row.heading.is_some_and(|h| w[h as usize])),
                wanted[3]
                    .as_ref()
                    .is_none_or(|w| w[row.coverage_at as usize]),
            ];
            let failing = (0..4)
                .filter(|&f| !pass[f])
                .fold(0u8, |mask, f| mask | 1 << f);
            // A message counts for a facet's values when it passes every *other* facet.
            for facet in 0..4 {
                if failing & !(1 << facet) == 0 {
                    match facet {
                        0 => counts[0][row.meeting as usize] += 1,
                        1 => self
                            .row_topics_of(row)
                            .iter()
                            .for_each(|&t| counts[1][t as usize] += 1),
                        2 => {
                            if let Some(h) = row.heading {
                                counts[2][h as usize] += 1
                            }
                        }
                        _ => counts[3][row.coverage_at as usize] += 1,
                    }
                }
            }
            failing == 0
        });
        counts
    }

    /// For each facet with a filter, a flag per value saying whether it is selected.
    fn wanted(&self, filters: &Filters) -> [Option<Vec<bool>>; 4] {
        let flags = |ids: &mut dyn Iterator<Item = &str>, selected: &BTreeSet<String>| {
            (!selected.is_empty())
                .then(|| ids.map(|id| selected.contains(id)).collect::<Vec<bool>>())
        };
        [
            flags(
                &mut self.corpus.meetings.iter().map(|m| m.id.as_str()),
                &filters.meetings,
            ),
            flags(
                &mut self.corpus.topics.iter().map(|t| t.id.as_str()),
                &filters.topics,
            ),
            flags(
                &mut self.headings.iter().map(|h| h.id.as_str()),
                &filters.headings,
            ),
            (!filters.coverage.is_empty()).then(|| {
                CoverageStatus::ALL
                    .iter()
                    .map(|c| filters.coverage.contains(c))
                    .collect()
            }),
        ]
    }

    fn facet_values(
        &self,
        filters: &Filters,
        counts: Vec<Vec<usize>>,
    ) -> Vec<(Facet, Vec<FacetValue>)> {
        let mut counts = counts.into_iter();
        let mut next = || counts.next().unwrap_or_default();
        let value = |id: &str, label: String, count: usize, selected: bool| FacetValue {
            id: id.to_string(),
            label,
            count,
            selected,
        };
        let meetings = next()
            .into_iter()
            .zip(&self.corpus.meetings)
            .map(|(count, m)| {
                value(
                    &m.id,
                    m.short_name(),
                    count,
                    filters.meetings.contains(&m.id),
                )
            })
            .collect();
        let topics = next()
            .into_iter()
            .zip(&self.corpus.topics)
            .map(|(count, t)| {
                value(
                    &t.id,
                    t.label.clone(),
                    count,
                    filters.topics.contains(&t.id),
                )
            })
            .collect();
        let headings = next()
            .into_iter()
            .zip(&self.headings)
            .map(|(count, h)| {
                let label = format!(
                    "{} ({})",
                    h.name,
                    self.corpus.meetings[h.meeting].short_name()
                );
                value(&h.id, label, count, filters.headings.contains(&h.id))
            })
            .collect();
        let coverage = next()
            .into_iter()
            .zip(CoverageStatus::ALL)
            .map(|(count, c)| {
                value(
                    c.as_str(),
                    c.label().to_string(),
                    count,
                    filters.coverage.contains(&c),
                )
            })
            .collect();
        vec![
            (Facet::Meeting, meetings),
            (Facet::Topic, topics),
            (Facet::Heading, headings),
            (Facet::Coverage, coverage),
        ]
    }
}

/// An order key of a score that sorts as `f32::total_cmp` does.
fn score_key(score: f32) -> u32 {
    let bits = score.to_bits();
    if bits & 0x8000_0000 != 0 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

fn coverage_index(status: CoverageStatus) -> usize {
    CoverageStatus::ALL
        .iter()
        .position(|c| *c == status)
        .unwrap_or(0)
}

pub use super::wording::{included_line, partial_caveat};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explorer_built_in_slices_is_the_one_built_at_once() {
        let corpus = Corpus::builtin().unwrap();
        let whole = Explorer::new(corpus.clone());
        let mut builder = ExplorerBuilder::new(corpus);
        let mut steps = 1;
        while !builder.step(10) {
            steps += 1;
        }
        assert_eq!(steps, 8, "77 messages, 10 at a time");
        let sliced = builder.finish();
        for text in [
            "",
            "gender",
            "digital div",
            "\"human rights\" -women",
            "data AI",
        ] {
            for sort in [Sort::Relevance, Sort::Chronological] {
                let selection = Selection {
                    text: text.into(),
                    sort,
                    ..Selection::default()
                };
                assert_eq!(whole.run(&selection), sliced.run(&selection), "{text:?}");
            }
        }
    }

    #[test]
    fn a_selection_is_empty_without_text_or_filters() {
        let mut selection = Selection {
            text: "  ".into(),
            sort: Sort::Chronological,
            ..Selection::default()
        };
        assert!(selection.is_empty());
        selection.filters.toggle(Facet::Meeting, "geneva-2017");
        assert!(!selection.is_empty());
        let searched = Selection {
            text: "data".into(),
            ..Selection::default()
        };
        assert!(!searched.is_empty());
    }

    #[test]
    fn counts_and_partial_sets_are_said_in_the_core() {
        assert_eq!(included_line(7, 66), "7 of 66 messages included");
        let explorer = Explorer::new(Corpus::builtin().unwrap());
        let sentence = explorer.partial_sets_sentence().unwrap();
        assert!(sentence.starts_with("Includes partial sets (messages included): Paris 2018 (9),"));
        assert!(sentence.contains("Kyoto 2023 (2 of 89)"));
    }

    #[test]
    fn details_say_whether_the_meeting_is_partial() {
        let explorer = Explorer::new(Corpus::builtin().unwrap());
        let corpus = explorer.corpus();
        let at = |id: &str| {
            corpus
                .messages
                .iter()
                .position(|m| m.meeting == id)
                .unwrap()
        };
        assert!(!explorer.details(at("geneva-2017")).partial);
        assert!(explorer.details(at("kyoto-2023")).partial);
    }

    #[test]
    fn a_slip_of_typing_suggests_the_search_that_finds_it() {
        let e = explorer();
        assert_eq!(e.did_you_mean("encyption")[0], "encryption");
        assert_eq!(e.did_you_mean("shutdwons")[0], "shutdowns");
        assert_eq!(e.did_you_mean("privcy")[0], "privacy");
        // The other words, quotes and exclusions stay as typed.
        assert_eq!(
            e.did_you_mean("privcy -encryption")[0],
            "privacy -encryption"
        );
        assert_eq!(e.did_you_mean("\"digital dvide\"")[0], "\"digital divide\"");
        assert_eq!(
            e.did_you_mean("encyption security ")[0],
            "encryption security"
        );
        // A word being typed that begins a known word is no slip; a known word neither.
        assert!(e.did_you_mean("encryp").is_empty());
        assert!(e.did_you_mean("encryption").is_empty());
        // Nothing close: nothing suggested, never a wild guess.
        assert!(e.did_you_mean("xylophone").is_empty());
        // Many unknown words are not slips of typing (and would cost a scan each).
        assert_eq!(
            e.did_you_mean("humn rigts protectd")[0],
            "human rights protect"
        );
        assert!(e.did_you_mean("humn rigts protectd onlne").is_empty());
        // Every suggestion finds a message.
        for meant in e.did_you_mean("gendr") {
            let selection = Selection {
                text: meant,
                ..Default::default()
            };
            assert!(!e.run(&selection).messages.is_empty());
        }
    }

    #[test]
    fn a_slip_the_corpus_makes_too_is_offered_when_a_search_finds_very_few() {
        // A corpus where one message misspells a word that many write, as a loaded corpus
        // may: the built-in corpus with "governance" misspelt in `slips` messages.
        let slipped = |slips: usize| {
            let mut corpus = Corpus::builtin().unwrap();
            for message in corpus
                .messages
                .iter_mut()
                .filter(|m| m.text.contains(" governance "))
                .take(slips)
            {
                message.text = message.text.replacen(" governance ", " goverance ", 1);
            }
            Explorer::new(corpus)
        };
        let e = slipped(1);
        let found = |text: &str| e.index.search(&e.query(text)).len();
        assert_eq!(found("goverance"), 1);
        assert!(found("governance") >= MORE_OFTEN);
        // Typed as the last word or followed by others, the common word is offered, and
        // it finds more.
        assert_eq!(e.did_you_mean("goverance"), ["governance"]);
        assert_eq!(
            e.did_you_mean("internet goverance "),
            ["internet governance"]
        );
        // The common word is never "corrected" into the rare one.
        assert!(e.did_you_mean("governance").is_empty());
        // A short word is no slip however rare ("fake" is not "make"), and nothing in the
        // built-in corpus as published reads as one.
        assert!(e.did_you_mean("fake").is_empty());
        for message in &explorer().corpus().messages {
            for word in crate::search::words(&message.text) {
                assert!(explorer_words_are_no_slips(&word.folded), "{}", word.folded);
            }
        }
        // A slip written in more messages than a few finds enough as it is.
        let e = slipped(FEW_FOUND + 1);
        assert!(e.did_you_mean("goverance").is_empty());
    }

    fn explorer_words_are_no_slips(word: &str) -> bool {
        thread_local! {
            static BUILTIN: Explorer = explorer();
        }
        BUILTIN.with(|e| e.did_you_mean(&format!("{word} ")).is_empty())
    }

    fn explorer() -> Explorer {
        Explorer::new(Corpus::builtin().unwrap())
    }

    fn count(outcome: &Outcome, facet: Facet, id: &str) -> usize {
        let (_, values) = outcome.facets.iter().find(|(f, _)| *f == facet).unwrap();
        values.iter().find(|v| v.id == id).unwrap().count
    }

    #[test]
    fn no_selection_gives_everything_in_chronological_order() {
        let e = explorer();
        let outcome = e.run(&Selection::default());
        assert_eq!(outcome.messages.len(), 77);
        assert_eq!(outcome.messages[0], 0);
        assert_eq!(count(&outcome, Facet::Meeting, "geneva-2017"), 48);
        assert_eq!(count(&outcome, Facet::Meeting, "addis-ababa-2022"), 0);
        assert_eq!(count(&outcome, Facet::Coverage, "complete"), 48);
        assert_eq!(count(&outcome, Facet::Coverage, "partial"), 29);
    }

    #[test]
    fn facets_and_across_or_within_with_datasette_counts() {
        let e = explorer();
        let mut selection = Selection::default();
        selection.filters.toggle(Facet::Meeting, "geneva-2017");
        selection.filters.toggle(Facet::Meeting, "kyoto-2023");
        let outcome = e.run(&selection);
        assert_eq!(outcome.messages.len(), 50);
        // The meeting facet's own counts ignore the meeting filter.
        assert_eq!(count(&outcome, Facet::Meeting, "berlin-2019"), 4);
        selection.filters.toggle(Facet::Topic, "human-rights");
        let outcome = e.run(&selection);
        let geneva_rights = e.corpus().messages.iter().filter(|m| {
            let (topics, _) = e.corpus().message_topics(m);
            (m.meeting == "geneva-2017" || m.meeting == "kyoto-2023")
                && topics.contains(&"human-rights")
        });
        assert_eq!(outcome.messages.len(), geneva_rights.count());
        assert_eq!(count(&outcome, Facet::Meeting, "paris-2018"), 0);
    }

    #[test]
    fn finds_geneva_messages_about_gender_by_typing_a_few_letters() {
        let e = explorer();
        let selection = Selection {
            text: "gend".into(),
            ..Selection::default()
        };
        let outcome = e.run(&selection);
        assert!(outcome.messages.len() >= 5);
        for &m in &outcome.messages {
            assert!(e.corpus().messages[m]
                .text
                .to_lowercase()
                .contains("gender"));
        }
    }

    #[test]
    fn the_top_by_similarity_is_the_head_of_the_full_order() {
        let explorer = explorer();
        let n = explorer.corpus().messages.len();
        // Many ties (similarities from a few values), so the ids decide.
        let found: Vec<(usize, f32)> = (0..n).map(|m| (m, ((m * 7) % 5) as f32 / 4.0)).collect();
        let mut all = found.clone();
        explorer.top_by_similarity(&mut all, n);
        let ids = |v: &[(usize, f32)]| -> Vec<String> {
            v.iter()
                .map(|&(m, _)| explorer.corpus().messages[m].id.clone())
                .collect()
        };
        assert!(all
            .windows(2)
            .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && ids(&w[..1]) < ids(&w[1..]))));
        for k in [0, 1, 5, 13, n - 1, n, n + 3] {
            let mut top = found.clone();
            explorer.top_by_similarity(&mut top, k);
            assert_eq!(top, all[..k.min(n)].to_vec(), "k = {k}");
        }
    }
}
