//! Full-text search: tokenising (Unicode word boundaries), folding (canonical
//! decomposition, diacritics, ligatures, full-width forms, case, curly quotes), English stemming, the query language, an inverted index with BM25
//! ranking, and highlight spans over the original text.
//!
//! The query language: words are ANDed; the last word, while being typed (no trailing
//! space), also matches as a prefix; `"quoted phrases"` match consecutive words; `-word`
//! and `-"a phrase"` exclude. Anything else is read as words, so no input is an error.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

pub use super::text::fold;
use super::text::fold_into;

mod equivalent;
mod similar;
pub use equivalent::{is_english, Equivalences};
pub use similar::{dense_cosine, dense_features, SharedTerm, Vector, Weights};

/// Queries longer than this many characters are cut there (a pasted book is not a query).
pub const MAX_QUERY_CHARS: usize = 1000;
/// At most this many clauses of a query are used; the rest are ignored.
pub const MAX_CLAUSES: usize = 32;
/// The most words [`Index::suggest`] offers for one word.
pub const SUGGESTIONS: usize = 3;

/// The edits (insert, remove, replace a character, or swap two neighbours: the optimal
/// string alignment distance) between `a` and `b`, or `None` when more than `most`. Rows
/// stop as soon as every cell is over `most`, so a far word costs a few cells.
fn edit_distance(a: &[char], b: &str, most: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut cell = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cell = cell.min(before[j - 2] + 1);
            }
            current[j] = cell;
        }
        if current.iter().all(|&c| c > most) {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[width - 1]).filter(|&d| d <= most)
}

/// A word of a text: its byte span in the original and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// The folded form (see [`fold`]).
    pub folded: String,
}

/// Splits a text into words by the Unicode word-boundary rules (UAX #29).
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    text.unicode_word_indices().map(|(start, word)| Word {
        span: start..start + word.len(),
        folded: fold(word),
    })
}

/// Stems folded words (English Snowball), caching each distinct word. The cache is inside
/// (a `RefCell`), so that searching takes `&self`: a query's words repeat across
/// keystrokes, and a stem costs microseconds (BENCHMARKS.md).
pub struct Analyzer {
    stemmer: Stemmer,
    cache: std::cell::RefCell<HashMap<String, String>>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
            cache: Default::default(),
        }
    }
}

impl Analyzer {
    /// Forgets the cached stems.
    fn clear_cache(&mut self) {
        *self.cache.get_mut() = HashMap::new();
    }

    /// The stem (the search term) of a folded word.
    pub fn term(&self, folded: &str) -> String {
        if let Some(stem) = self.cache.borrow().get(folded) {
            return stem.clone();
        }
        // The stemmer keeps "'" in possessives ("women's" -> "women"): drop the apostrophe
        // part first so "women's" and "women" are one term.
        let base = folded
            .strip_suffix("'s")
            .unwrap_or(folded)
            .trim_end_matches('\'');
        let stem = self.stemmer.stem(base).into_owned();
        self.cache
            .borrow_mut()
            .insert(folded.to_string(), stem.clone());
        stem
    }

    /// The terms of a text, in order.
    pub fn terms(&self, text: &str) -> Vec<String> {
        words(text).map(|w| self.term(&w.folded)).collect()
    }
}

/// One part of a parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// Terms that must appear consecutively (one term for a plain word).
    Phrase(Vec<String>),
    /// The word being typed: any word starting with this folded prefix.
    Prefix(String),
    /// Terms that must not appear consecutively.
    Exclude(Vec<String>),
    /// Any of these phrases or prefixes: the words as typed first, then their equivalents
    /// ([`Equivalences::expand`]).
    Either(Vec<Clause>),
}

/// A parsed query: clauses ANDed together.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The clauses, in the order typed.
    pub clauses: Vec<Clause>,
    /// The equivalents searched besides what was typed, as the equivalences write them
    /// ("AI" for "artificial intelligence"); empty for a query as typed.
    pub also: Vec<String>,
    /// The folded words of each clause as typed, which [`Equivalences::expand`] reads
    /// (terms alone would take "digital" for "digitization"); empty in a query made from
    /// another (expanded, or to highlight with), whose clauses are not the typed ones.
    pub typed: Vec<Vec<String>>,
}

impl Query {
    /// Parses what the user typed. Never fails: unbalanced quotes close at the end, a lone
    /// `-` is ignored, punctuation and symbols are not words.
    pub fn parse(input: &str, analyzer: &Analyzer) -> Query {
        let input: String = input.chars().take(MAX_QUERY_CHARS).collect();
        let typing = !input.ends_with(char::is_whitespace);
        let mut clauses = Vec::new();
        let mut typed = Vec::new();
        let mut rest = input.as_str();
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let negated = rest.starts_with('-');
            if negated {
                rest = &rest[1..];
            }
            let (chunk, quoted, after) =
                if let Some(inner) = rest.strip_prefix(['"', '\u{201C}', '\u{201D}']) {
                    let end = inner
                        .find(['"', '\u{201C}', '\u{201D}'])
                        .unwrap_or(inner.len());
                    let next = inner[end..]
                        .chars()
                        .next()
                        .map_or(end, |c| end + c.len_utf8());
                    (&inner[..end], true, &inner[next..])
                } else {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    (&rest[..end], false, &rest[end..])
                };
            rest = after;
            let folded: Vec<String> = words(chunk).map(|w| w.folded).collect();
            if folded.is_empty() {
                continue;
            }
            let is_last = rest.trim().is_empty();
            let clause = if negated {
                Clause::Exclude(folded.iter().map(|w| analyzer.term(w)).collect())
            } else if !quoted && is_last && typing && folded.len() == 1 {
                Clause::Prefix(folded[0].clone())
            } else {
                Clause::Phrase(folded.iter().map(|w| analyzer.term(w)).collect())
            };
            clauses.push(clause);
            typed.push(folded);
            if clauses.len() == MAX_CLAUSES {
                break;
            }
        }
        Query {
            clauses,
            also: Vec::new(),
            typed,
        }
    }

    /// Whether the query has no clause (it then matches everything).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether the query has a positive clause (a phrase or a prefix). A query of only
    /// exclusions matches every message without the excluded words.
    pub fn has_positive(&self) -> bool {
        self.clauses
            .iter()
            .any(|c| !matches!(c, Clause::Exclude(_)))
    }
}

/// Where one term occurs: the documents (ascending) and, for each, its word positions,
/// stored flat so that building the index makes no allocation per (term, document).
#[derive(Debug, Clone, Default)]
struct PostingList {
    docs: Vec<u32>,
    /// `starts[i]` is where the positions of `docs[i]` begin in `positions`.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl PostingList {
    fn add(&mut self, doc: u32, position: u32) {
        if self.docs.last() != Some(&doc) {
            self.docs.push(doc);
            self.starts.push(self.positions.len() as u32);
        }
        self.positions.push(position);
    }

    /// How often the term occurs in `docs[i]`.
    fn count(&self, i: usize) -> u32 {
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.positions.len() as u32, |&e| e);
        end - self.starts[i]
    }

    fn positions(&self, i: usize) -> &[u32] {
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.positions.len(), |&e| e as usize);
        &self.positions[start..end]
    }
}

/// An inverted index over the texts of a corpus, built once when a corpus loads.
pub struct Index {
    analyzer: Analyzer,
    /// Term -> its id.
    term_ids: HashMap<String, u32>,
    /// Term id -> term.
    terms: Vec<String>,
    /// Term id -> where it occurs.
    postings: Vec<PostingList>,
    /// Distinct folded words, sorted, with the term each stems to (for prefix matching).
    vocabulary: Vec<(String, u32)>,
    /// Per document, BM25's length normalisation `K1 · (1 − B + B · length / average)`,
    /// computed once at build, not at every match.
    length_norms: Vec<f32>,
    /// The documents of the last `Either` clauses searched (a word and its equivalents):
    /// typing repeats the same clause at every keystroke, and its union is the one match
    /// that cannot be read in place.
    eithers: RefCell<Vec<(Clause, DocCounts)>>,
}

/// How many `Either` clauses' documents an index keeps ([`Index::eithers`]).
const EITHERS_KEPT: usize = 4;

/// BM25's term-frequency saturation.
const K1: f32 = 1.2;
/// BM25's length normalisation strength.
const B: f32 = 0.75;

/// A scored match.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Index of the document in the slice the index was built from.
    pub doc: u32,
    /// BM25 relevance (0 for queries without positive terms).
    pub score: f32,
}

/// Documents (ascending) with the number of occurrences of a clause in each.
type DocCounts = Vec<(u32, u32)>;

/// What a positive clause matches.
enum Matches<'a> {
    /// Every document of one term, read from its posting list.
    Term(&'a PostingList),
    /// Documents with their occurrence counts.
    Counts(DocCounts),
}

impl Matches<'_> {
    fn len(&self) -> usize {
        match self {
            Matches::Term(list) => list.docs.len(),
            Matches::Counts(counts) => counts.len(),
        }
    }

    /// The `i`-th document and its occurrence count.
    fn get(&self, i: usize) -> (u32, u32) {
        match self {
            Matches::Term(list) => (list.docs[i], list.count(i)),
            Matches::Counts(counts) => counts[i],
        }
    }

    /// The occurrence count of `doc`, searching on from `*from` (documents are asked for
    /// in ascending order, so each list is walked once).
    fn find(&self, doc: u32, from: &mut usize) -> Option<u32> {
        match self {
            Matches::Term(list) => seek(&list.docs, from, doc, |&d| d).map(|at| list.count(at)),
            Matches::Counts(counts) => seek(counts, from, doc, |&(d, _)| d).map(|at| counts[at].1),
        }
    }
}

/// The index of `doc` in `items`, ascending by their document `key`, searching from
/// `*from` by galloping (the documents asked for ascend too); moves `*from` past what was
/// passed.
fn seek<T>(items: &[T], from: &mut usize, doc: u32, key: impl Fn(&T) -> u32) -> Option<usize> {
    let mut step = 1;
    let mut low = *from;
    // Gallop to a window that holds `doc`, then search it.
    while low + step < items.len() && key(&items[low + step]) < doc {
        low += step;
        step *= 2;
    }
    let high = (low + step + 1).min(items.len());
    match items[low.min(high)..high].binary_search_by_key(&doc, key) {
        Ok(at) => {
            *from = low + at + 1;
            Some(low + at)
        }
        Err(at) => {
            *from = low + at;
            None
        }
    }
}

/// An index being built, one text after another: [`Index::build`] adds them all at once;
/// a page can add them in slices between frames (`query::ExplorerBuilder`), so that a
/// large corpus never blocks it for long. Document ids are the order texts are added in.
#[derive(Default)]
pub struct IndexBuilder {
    terms: Terms,
    doc_lengths: Vec<u32>,
}

/// What an index learns of its terms while texts are added.
#[derive(Default)]
struct Terms {
    analyzer: Analyzer,
    term_ids: HashMap<String, u32>,
    postings: Vec<PostingList>,
    terms: Vec<String>,
    folded_terms: HashMap<String, u32>,
    folded: String,
}

impl Terms {
    /// Adds document `doc`'s text; its length in words.
    fn add(&mut self, doc: u32, text: &str) -> u32 {
        let mut length = 0u32;
        for (position, (_, word)) in text.unicode_word_indices().enumerate() {
            length += 1;
            fold_into(word, &mut self.folded);
            let term_id = match self.folded_terms.get(self.folded.as_str()) {
                Some(id) => *id,
                None => {
                    let term = self.analyzer.term(&self.folded);
                    let next = self.term_ids.len() as u32;
                    let id = *self.term_ids.entry(term.clone()).or_insert(next);
                    if id == next {
                        self.postings.push(PostingList::default());
                        self.terms.push(term);
                    }
                    self.folded_terms.insert(self.folded.clone(), id);
                    id
                }
            };
            self.postings[term_id as usize].add(doc, position as u32);
        }
        length
    }

    /// The index of these terms over documents of these lengths.
    fn finish(self, doc_lengths: &[u32]) -> Index {
        let Terms {
            mut analyzer,
            term_ids,
            mut postings,
            terms,
            folded_terms,
            ..
        } = self;
        // Lists grown by doubling hold up to twice what they need: give the rest back.
        for list in &mut postings {
            list.docs.shrink_to_fit();
            list.starts.shrink_to_fit();
            list.positions.shrink_to_fit();
        }
        let mut vocabulary: Vec<(String, u32)> = folded_terms.into_iter().collect();
        vocabulary.sort_unstable();
        // The stem of every word of the corpus is in the vocabulary now; the analyzer's
        // cache refills with the words of queries only.
        analyzer.clear_cache();
        let total: u64 = doc_lengths.iter().map(|&l| u64::from(l)).sum();
        let average_length = if doc_lengths.is_empty() {
            1.0
        } else {
            (total as f32 / doc_lengths.len() as f32).max(1.0)
        };
        let length_norms = doc_lengths
            .iter()
            .map(|&length| K1 * (1.0 - B + B * length as f32 / average_length))
            .collect();
        Index {
            analyzer,
            term_ids,
            terms,
            postings,
            vocabulary,
            length_norms,
            eithers: RefCell::default(),
        }
    }
}

impl IndexBuilder {
    /// How many texts have been added.
    pub fn len(&self) -> usize {
        self.doc_lengths.len()
    }

    /// Whether no text has been added.
    pub fn is_empty(&self) -> bool {
        self.doc_lengths.is_empty()
    }

    /// Adds the next document's text.
    pub fn add(&mut self, text: &str) {
        let length = self.terms.add(self.doc_lengths.len() as u32, text);
        self.doc_lengths.push(length);
    }

    /// The index over every text added.
    pub fn finish(self) -> Index {
        self.terms.finish(&self.doc_lengths)
    }
}

impl Index {
    /// Builds the index over the given texts (document ids are their positions).
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        let mut terms = Terms::default();
        let doc_lengths: Vec<u32> = texts
            .into_iter()
            .enumerate()
            .map(|(doc, text)| terms.add(doc as u32, text))
            .collect();
        terms.finish(&doc_lengths)
    }

    /// Number of documents indexed.
    pub fn len(&self) -> usize {
        self.length_norms.len()
    }

    /// Whether no documents are indexed.
    pub fn is_empty(&self) -> bool {
        self.length_norms.is_empty()
    }

    /// Parses a query with this index's analyzer (so stems are cached).
    pub fn parse(&self, input: &str) -> Query {
        Query::parse(input, &self.analyzer)
    }

    /// The analyzer of this index's terms.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The term of the word whose folded form is `folded`, if the index holds the word.
    fn word_term(&self, folded: &str) -> Option<u32> {
        let at = self
            .vocabulary
            .binary_search_by(|(w, _)| w.as_str().cmp(folded))
            .ok()?;
        Some(self.vocabulary[at].1)
    }

    /// How many documents hold the word whose folded form is `folded` or another word of
    /// its term ("rights" and "right"); 0 for a word the index does not hold.
    pub fn word_documents(&self, folded: &str) -> usize {
        self.word_term(folded)
            .map_or(0, |id| self.postings[id as usize].docs.len())
    }

    /// Whether the index holds a word starting with the folded `prefix`.
    pub fn has_prefix(&self, prefix: &str) -> bool {
        self.words_starting(prefix).next().is_some()
    }

    /// The vocabulary's entries whose folded word starts with `prefix`, in order.
    fn words_starting<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a (String, u32)> {
        let start = self
            .vocabulary
            .partition_point(|(w, _)| w.as_str() < prefix);
        self.vocabulary[start..]
            .iter()
            .take_while(move |(w, _)| w.starts_with(prefix))
    }

    /// The words of the index (folded) closest to the folded `word`, for a slip of typing:
    /// at most `most` edits away (an edit adds, removes or replaces a letter, or swaps two
    /// neighbours); the fewest edits first, then the words in the most documents, then
    /// alphabetically; at most [`SUGGESTIONS`]. Only words in at least `fewest`
    /// documents, and none of the word's own term (a word the index holds is not its own
    /// suggestion, nor are its inflections); none for a word under three letters.
    pub fn suggest(&self, word: &str, fewest: usize, most: usize) -> Vec<String> {
        let own = self.word_term(word);
        let word: Vec<char> = word.chars().collect();
        if word.len() < 3 {
            return Vec::new();
        }
        // The best few kept in order as they come (no sort: a sort's code is large in Wasm
        // for each kind of item).
        let mut best: Vec<(usize, std::cmp::Reverse<usize>, &str)> = Vec::new();
        for (candidate, id) in &self.vocabulary {
            let documents = self.postings[*id as usize].docs.len();
            if documents < fewest || own == Some(*id) {
                continue;
            }
            let Some(edits) = edit_distance(&word, candidate, most) else {
                continue;
            };
            let key = (edits, std::cmp::Reverse(documents), candidate.as_str());
            let at = best.iter().position(|b| key < *b).unwrap_or(best.len());
            if at < SUGGESTIONS {
                best.insert(at, key);
                best.truncate(SUGGESTIONS);
            }
        }
        best.into_iter().map(|(_, _, w)| w.to_string()).collect()
    }

    /// The term ids of the folded words starting with `prefix`: the word being typed
    /// matches every word that shares a stem with a word it begins ("women'" finds
    /// "women's" and so "women").
    fn prefix_terms(&self, prefix: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = self.words_starting(prefix).map(|&(_, id)| id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Documents where the terms occur consecutively, with the occurrence count. The
    /// rarest term drives: only its documents are looked up in the other lists.
    fn phrase_docs(&self, terms: &[String]) -> DocCounts {
        let ids: Option<Vec<u32>> = terms
            .iter()
            .map(|t| self.term_ids.get(t).copied())
            .collect();
        let Some(ids) = ids.filter(|ids| !ids.is_empty()) else {
            return Vec::new();
        };
        let lists: Vec<&PostingList> = ids.iter().map(|&id| &self.postings[id as usize]).collect();
        let Some(driver) = (0..lists.len()).min_by_key(|&k| lists[k].docs.len()) else {
            return Vec::new();
        };
        let head = lists[driver];
        let mut out = Vec::new();
        let mut starts: Vec<u32> = Vec::new();
        // Where each other list's search resumes (documents come in ascending order).
        let mut from = vec![0usize; lists.len()];
        'docs: for (i, &doc) in head.docs.iter().enumerate() {
            // Candidate phrase starts: the driver's positions, shifted back to the first term.
            starts.clear();
            starts.extend(
                head.positions(i)
                    .iter()
                    .filter_map(|&p| p.checked_sub(driver as u32)),
            );
            for (k, list) in lists.iter().enumerate() {
                if k == driver {
                    continue;
                }
                let Some(at) = seek(&list.docs, &mut from[k], doc, |&d| d) else {
                    continue 'docs;
                };
                let positions = list.positions(at);
                starts.retain(|s| positions.binary_search(&(s + k as u32)).is_ok());
                if starts.is_empty() {
                    continue 'docs;
                }
            }
            out.push((doc, starts.len() as u32));
        }
        out
    }

    /// Documents containing a word that starts with `prefix`, with occurrence counts.
    fn prefix_docs(&self, prefix: &str) -> DocCounts {
        let ids = self.prefix_terms(prefix);
        self.union(
            ids.iter()
                .map(|&id| Matches::Term(&self.postings[id as usize]))
                .collect(),
        )
    }

    /// The documents of any of these matches (ascending), with their occurrence counts
    /// added: a word and its equivalents, or the words a prefix begins.
    fn union<'a>(&'a self, parts: Vec<Matches<'a>>) -> DocCounts {
        let mut counts = vec![0u32; self.len()];
        for part in parts {
            for i in 0..part.len() {
                let (doc, tf) = part.get(i);
                counts[doc as usize] += tf;
            }
        }
        (0u32..).zip(counts).filter(|&(_, tf)| tf > 0).collect()
    }

    /// BM25 weight of one clause in one document.
    fn bm25(&self, doc: u32, frequency: u32, idf: f32) -> f32 {
        let tf = frequency as f32;
        idf * tf * (K1 + 1.0) / (tf + self.length_norms[doc as usize])
    }

    fn idf(&self, document_frequency: usize) -> f32 {
        let n = self.len() as f32;
        let df = document_frequency as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// What one positive clause matches: a term's own posting list (read in place, never
    /// copied), or documents with counts (a phrase, a prefix of several words).
    fn matches(&self, clause: &Clause) -> Option<Matches<'_>> {
        Some(match clause {
            Clause::Phrase(terms) if terms.len() == 1 => match self.term_ids.get(&terms[0]) {
                Some(&id) => Matches::Term(&self.postings[id as usize]),
                None => Matches::Counts(Vec::new()),
            },
            Clause::Phrase(terms) => Matches::Counts(self.phrase_docs(terms)),
            Clause::Prefix(prefix) => match self.prefix_terms(prefix).as_slice() {
                [one] => Matches::Term(&self.postings[*one as usize]),
                _ => Matches::Counts(self.prefix_docs(prefix)),
            },
            Clause::Either(alternatives) => {
                let kept = self
                    .eithers
                    .borrow()
                    .iter()
                    .find(|(c, _)| c == clause)
                    .map(|(_, d)| d.clone());
                if let Some(docs) = kept {
                    return Some(Matches::Counts(docs));
                }
                // Equivalents the corpus never writes cost nothing: with one left, its
                // matches are the clause's, read in place.
                let mut found: Vec<Matches> = alternatives
                    .iter()
                    .filter_map(|a| self.matches(a))
                    .filter(|m| m.len() > 0)
                    .collect();
                if found.len() == 1 {
                    return found.pop();
                }
                let docs = self.union(found);
                let mut eithers = self.eithers.borrow_mut();
                eithers.truncate(EITHERS_KEPT - 1);
                eithers.insert(0, (clause.clone(), docs.clone()));
                Matches::Counts(docs)
            }
            Clause::Exclude(_) => return None,
        })
    }

    /// The documents matching `query`, in document order, with BM25 scores. An empty
    /// query (or one of only exclusions) scores every remaining document 0. The clause
    /// with the fewest documents drives; the others are only looked up for its documents.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let mut positive: Vec<Matches> = query
            .clauses
            .iter()
            .filter_map(|c| self.matches(c))
            .collect();
        let mut excluded: Vec<u32> = Vec::new();
        for clause in &query.clauses {
            if let Clause::Exclude(terms) = clause {
                excluded.extend(self.phrase_docs(terms).into_iter().map(|(d, _)| d));
            }
        }
        excluded.sort_unstable();
        let kept = |doc: &u32| excluded.binary_search(doc).is_err();
        positive.sort_by_key(Matches::len);
        let Some((first, rest)) = positive.split_first() else {
            return (0..self.len() as u32)
                .filter(kept)
                .map(|doc| Hit { doc, score: 0.0 })
                .collect();
        };
        let idfs: Vec<f32> = positive.iter().map(|m| self.idf(m.len())).collect();
        let mut from = vec![0usize; rest.len()];
        let mut hits = Vec::with_capacity(if rest.is_empty() { first.len() } else { 0 });
        'docs: for i in 0..first.len() {
            let (doc, tf) = first.get(i);
            if !kept(&doc) {
                continue;
            }
            let mut score = self.bm25(doc, tf, idfs[0]);
            for (k, other) in rest.iter().enumerate() {
                let Some(tf) = other.find(doc, &mut from[k]) else {
                    continue 'docs;
                };
                score += self.bm25(doc, tf, idfs[k + 1]);
            }
            hits.push(Hit { doc, score });
        }
        hits
    }

    /// Term occurrences per group of documents: `group_of[doc]` names the group of each
    /// document (or none). One pass over the postings, no re-tokenising.
    pub fn term_counts(
        &self,
        group_of: &[Option<usize>],
        groups: usize,
    ) -> Vec<HashMap<String, u64>> {
        let mut out = vec![HashMap::new(); groups];
        let mut counts = vec![0u64; groups];
        for (term, list) in self.terms.iter().zip(&self.postings) {
            counts.iter_mut().for_each(|c| *c = 0);
            for (i, &doc) in list.docs.iter().enumerate() {
                if let Some(Some(group)) = group_of.get(doc as usize) {
                    counts[*group] += list.positions(i).len() as u64;
                }
            }
            for (group, &count) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
                out[group].insert(term.clone(), count);
            }
        }
        out
    }

    /// The word readers saw for each of `terms`: its most frequent form in `texts`, as
    /// written ("Internet", "AI", "implementation" for the stem "implement"); ties go to
    /// the shorter form, then the first in alphabetical order. A term that `texts` never
    /// use is left out.
    pub fn surface_words<'t>(
        &self,
        texts: impl IntoIterator<Item = &'t str>,
        terms: &HashSet<&str>,
    ) -> HashMap<String, String> {
        let mut counts: HashMap<String, HashMap<&'t str, u32>> = HashMap::new();
        for text in texts {
            for (_, word) in text.unicode_word_indices() {
                let term = self.analyzer.term(&fold(word));
                if terms.contains(term.as_str()) {
                    *counts.entry(term).or_default().entry(word).or_insert(0) += 1;
                }
            }
        }
        counts
            .into_iter()
            .filter_map(|(term, forms)| {
                let best = forms
                    .into_iter()
                    .min_by(|(a, m), (b, n)| n.cmp(m).then(a.len().cmp(&b.len())).then(a.cmp(b)))?;
                Some((term, best.0.to_string()))
            })
            .collect()
    }

    /// The stems of the given words, folded like the index (for stop-word lists).
    pub fn stems_of<'a>(&self, words_: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
        words_
            .into_iter()
            .map(|w| self.analyzer.term(&fold(w)).to_string())
            .collect()
    }

    /// Byte spans of `text` to highlight for a query made by
    /// [`highlight_query`](Self::highlight_query): every word whose term the query holds.
    /// Sorted, not overlapping.
    pub fn highlights(&self, text: &str, highlight_query: &Query) -> Vec<Range<usize>> {
        highlight_spans(text, highlight_query, &self.analyzer)
    }

    /// The query to highlight with: each prefix replaced by the terms it stands for in this
    /// index (so "women'" marks "women" too). Computed once per query, not per message.
    pub fn highlight_query(&self, query: &Query) -> Query {
        // Highlighting marks the words of every clause alike, so the alternatives of an
        // `Either` (the words typed and their equivalents) are clauses of their own here.
        let clauses = query
            .clauses
            .iter()
            .flat_map(|clause| match clause {
                Clause::Either(alternatives) => alternatives.as_slice(),
                one => std::slice::from_ref(one),
            })
            .map(|clause| match clause {
                Clause::Prefix(prefix) => Clause::Phrase(
                    self.prefix_terms(prefix)
                        .into_iter()
                        .map(|id| self.terms[id as usize].clone())
                        .collect(),
                ),
                other => other.clone(),
            })
            .collect();
        Query {
            clauses,
            also: query.also.clone(),
            typed: Vec::new(),
        }
    }
}

/// Byte spans of the words of `text` whose term is one of the query's positive terms (or
/// that start with one of its prefixes). A query made by
/// [`highlight_query`](Index::highlight_query) has its equivalents as clauses of their own;
/// an `Either` is not looked into.
pub fn highlight_spans(text: &str, query: &Query, analyzer: &Analyzer) -> Vec<Range<usize>> {
    let mut terms: HashSet<&str> = HashSet::new();
    let mut prefixes: Vec<&str> = Vec::new();
    for clause in &query.clauses {
        match clause {
            Clause::Phrase(t) => terms.extend(t.iter().map(String::as_str)),
            Clause::Prefix(p) => prefixes.push(p),
            Clause::Exclude(_) | Clause::Either(_) => {}
        }
    }
    if terms.is_empty() && prefixes.is_empty() {
        return Vec::new();
    }
    words(text)
        .filter(|w| {
            prefixes.iter().any(|p| w.folded.starts_with(p))
                || terms.contains(analyzer.term(&w.folded).as_str())
        })
        .map(|w| w.span)
        .collect()
}

/// The reference implementation (the oracle of the tests, the baseline of the benchmarks):
/// evaluates a query over a collection by scanning every text, with no index. A prefix
/// stands for the stems of the collection's words that start with it, as in [`Index`].
pub fn linear_search(texts: &[&str], query: &Query, analyzer: &Analyzer) -> Vec<u32> {
    let docs: Vec<(Vec<String>, Vec<String>)> = texts
        .iter()
        .map(|text| {
            let folded: Vec<String> = words(text).map(|w| w.folded).collect();
            let terms = folded.iter().map(|w| analyzer.term(w)).collect();
            (folded, terms)
        })
        .collect();
    let prefix_terms = |prefix: &str, analyzer: &Analyzer| -> HashSet<String> {
        let mut found = HashSet::new();
        for (folded, _) in &docs {
            for word in folded.iter().filter(|w| w.starts_with(prefix)) {
                found.insert(analyzer.term(word));
            }
        }
        found
    };
    let contains = |terms: &[String], phrase: &[String]| {
        !phrase.is_empty() && terms.windows(phrase.len()).any(|w| w == phrase)
    };
    // Whether a document's terms satisfy a clause.
    fn holds(
        clause: &Clause,
        terms: &[String],
        contains: &dyn Fn(&[String], &[String]) -> bool,
        prefix: &dyn Fn(&str) -> HashSet<String>,
    ) -> bool {
        match clause {
            Clause::Phrase(p) => contains(terms, p),
            Clause::Prefix(p) => {
                let set = prefix(p);
                terms.iter().any(|t| set.contains(t))
            }
            Clause::Exclude(p) => !contains(terms, p),
            Clause::Either(alternatives) => alternatives
                .iter()
                .any(|a| holds(a, terms, contains, prefix)),
        }
    }
    let prefix = |p: &str| prefix_terms(p, analyzer);
    (0..docs.len() as u32)
        .filter(|&d| {
            let terms = &docs[d as usize].1;
            query
                .clauses
                .iter()
                .all(|clause| holds(clause, terms, &contains, &prefix))
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn edit_distance_counts_each_kind_of_slip_once() {
        let d = |a: &str, b: &str| edit_distance(&a.chars().collect::<Vec<_>>(), b, 2);
        assert_eq!(d("encryption", "encryption"), Some(0));
        assert_eq!(d("encyption", "encryption"), Some(1)); // a letter left out
        assert_eq!(d("privcay", "privacy"), Some(1)); // two neighbours swapped
        assert_eq!(d("gendre", "gender"), Some(1));
        assert_eq!(d("dgital", "digital"), Some(1));
        assert_eq!(d("genedr", "gender"), Some(1));
        assert_eq!(d("datta", "data"), Some(1)); // one too many
        assert_eq!(d("shutdwons", "shutdowns"), Some(1));
        assert_eq!(d("cat", "dog"), None); // three edits: over two
        assert_eq!(d("café", "cafe"), Some(1)); // characters, not bytes
    }

    #[test]
    fn suggestions_are_close_words_the_most_used_first() {
        let index = Index::build([
            "Encryption and security.",
            "Encryption matters.",
            "Encryptions of a kind.",
            "Gender and the digital divide.",
        ]);
        assert_eq!(
            index.suggest("encyption", 1, 2),
            ["encryption", "encryptions"]
        );
        assert!(
            index.suggest("encryption", 1, 2).is_empty(),
            "a known word: not itself, nor a word of its term"
        );
        assert_eq!(index.suggest("gendr", 1, 1), ["gender"]);
        assert!(index.suggest("xylophone", 1, 2).is_empty());
        assert!(index.suggest("ab", 1, 1).is_empty(), "too short to guess");
        // Only words in enough documents: "encryption" is in three.
        assert_eq!(
            index.suggest("encyption", 3, 2),
            ["encryption", "encryptions"]
        );
        assert!(index.suggest("encyption", 4, 2).is_empty());
    }

    #[test]
    fn a_slip_the_corpus_makes_too_has_suggestions() {
        let index = Index::build([
            "Governance of the Internet.",
            "Internet governance forums.",
            "Data governance.",
            "Goverance, as one message writes it.",
        ]);
        assert_eq!(index.word_documents("goverance"), 1);
        assert_eq!(index.word_documents("governance"), 3);
        assert_eq!(index.word_documents("xylophone"), 0);
        assert_eq!(index.suggest("goverance", 3, 1), ["governance"]);
        // Asked for words in as many documents as it is in or more, never a rarer one.
        assert_eq!(index.suggest("governance", 1, 1), ["goverance"]);
        assert!(index.suggest("governance", 3, 1).is_empty());
    }
    use super::*;

    fn parse(input: &str) -> Query {
        Query::parse(input, &Analyzer::default())
    }

    #[test]
    fn query_language() {
        let phrase = |w: &[&str]| Clause::Phrase(w.iter().map(|s| s.to_string()).collect());
        let check = |input: &str, expected: Vec<Clause>| {
            assert_eq!(parse(input).clauses, expected, "{input:?}")
        };
        check("gender", vec![Clause::Prefix("gender".into())]);
        check("gender ", vec![phrase(&["gender"])]);
        check(
            "Jobs data",
            vec![phrase(&["job"]), Clause::Prefix("data".into())],
        );
        check("\"digital divide\"", vec![phrase(&["digit", "divid"])]);
        check(
            "data -privacy",
            vec![phrase(&["data"]), Clause::Exclude(vec!["privaci".into()])],
        );
        check("\"unbalanced quote", vec![phrase(&["unbalanc", "quot"])]);
        check("-", vec![]);
        check("  ", vec![]);
        check("<script>", vec![Clause::Prefix("script".into())]);
        check("(a|b)* .+", vec![phrase(&["a", "b"])]);
        check("🙂 مرحبا", vec![Clause::Prefix("مرحبا".into())]);
    }

    #[test]
    fn long_queries_are_cut_not_refused() {
        let q = parse(&"word ".repeat(10_000));
        assert_eq!(q.clauses.len(), MAX_CLAUSES);
    }

    fn texts() -> Vec<&'static str> {
        vec![
            "The gender digital divide is still a reality.",
            "Women’s access to jobs in technology fields.",
            "Data flows and data protection; privacy by design.",
            "Digital divides persist between regions.",
        ]
    }

    fn found(input: &str) -> Vec<u32> {
        let index = Index::build(texts());
        let query = index.parse(input);
        let mut docs: Vec<u32> = index.search(&query).into_iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        docs
    }

    #[test]
    fn search_semantics() {
        let check = |input: &str, expected: &[u32]| assert_eq!(found(input), expected, "{input:?}");
        check("gend", &[0]);
        check("women's ", &[1]);
        check("women’s ", &[1]);
        check("womens", &[]);
        check("job ", &[1]);
        check("divide ", &[0, 3]);
        check("\"digital divide\"", &[0, 3]);
        check("\"divide digital\"", &[]);
        check("digital -gender", &[3]);
        check("-data", &[0, 1, 3]);
        check("", &[0, 1, 2, 3]);
        check("nothing-like-this", &[]);
    }

    #[test]
    fn a_kept_either_gives_what_a_fresh_index_gives() {
        let phrase = |w: &[&str]| Clause::Phrase(w.iter().map(|s| s.to_string()).collect());
        let either = |a: &[&str], b: &[&str]| Query {
            clauses: vec![Clause::Either(vec![phrase(a), phrase(b)])],
            ..Query::default()
        };
        // More queries than the index keeps, each asked again after the others.
        let queries: Vec<Query> = [
            (&["gender"][..], &["digit", "divid"][..]),
            (&["job"], &["women"]),
            (&["data"], &["divid"]),
            (&["gender"], &["job"]),
            (&["women"], &["digit"]),
            (&["digit"], &["job"]),
        ]
        .iter()
        .map(|(a, b)| either(a, b))
        .collect();
        assert!(queries.len() > EITHERS_KEPT);
        let index = Index::build(texts());
        for round in 0..3 {
            for query in &queries {
                let fresh = Index::build(texts()).search(query);
                assert_eq!(index.search(query), fresh, "round {round}: {query:?}");
            }
        }
        assert_eq!(index.eithers.borrow().len(), EITHERS_KEPT);
    }

    #[test]
    fn ranking_prefers_more_occurrences() {
        let index = Index::build(["data once here and more words", "data data data"]);
        let query = index.parse("data ");
        let mut hits = index.search(&query);
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        assert_eq!(hits[0].doc, 1);
    }

    #[test]
    fn highlights_are_byte_spans_of_the_original() {
        let text = "Women’s jobs and the Gender divide";
        let index = Index::build([text]);
        let query = index.parse("women gender jo");
        let query = index.highlight_query(&query);
        let spans = index.highlights(text, &query);
        let marked: Vec<&str> = spans.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(marked, ["Women’s", "jobs", "Gender"]);
    }
}
