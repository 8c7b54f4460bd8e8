//! Similar documents: cosine similarity between TF-IDF vectors over features of the
//! index's terms (the same folded, stemmed terms as search), computed from the postings, so
//! nothing is re-read but the one document asked about.
//!
//! The features are the terms, and the two-word phrases that recur: two terms written
//! one after the other ("digital divide", "human rights", "civil society") in at least
//! two documents are a feature of their own, so that two messages that share a phrase
//! are closer than two that share its words apart. Stop words (NLTK's) are no feature and
//! break a phrase. In a corpus of [`MIN_DOCS_FOR_COMMON`] documents or more, a feature in
//! more than [`COMMON_SHARE`] of them weighs nothing either (a stop list of this corpus:
//! "digital", "internet", "need" in the IGF Messages), though its phrases still count.
//!
//! A feature's weight in a document is `(1 + ln tf) · ln(N / df)` (sublinear term
//! frequency, Manning, Raghavan and Schütze, *Introduction to Information Retrieval*,
//! 6.4.1): a word said twice counts less than twice, and a rare word more than a common one.

use std::collections::{HashMap, HashSet};

use super::{fold, words, Analyzer, Clause, Index, Query};

/// A feature in more than this share of the documents weighs nothing.
pub const COMMON_SHARE: f32 = 0.2;
/// The fewest documents for which "common" is told from document frequency (in a handful
/// of documents, two in one is no sign of a common word).
pub const MIN_DOCS_FOR_COMMON: usize = 20;

/// What similarity needs beyond the index, computed once per index: each feature's
/// inverse document frequency (0 for a stop word or a common word), the recurring
/// phrases with their documents, and each document's vector length.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Feature id -> `ln(N / df)`, or 0. Terms have their own ids; phrase `k` is
    /// `terms + k`.
    idf: Vec<f32>,
    /// Document -> the length of its weighted vector.
    norms: Vec<f32>,
    /// How many terms the index has (the first phrase's feature id).
    terms: u32,
    /// The recurring phrases: (first term, second term) -> phrase number.
    phrases: HashMap<(u32, u32), u32>,
    /// Phrase number -> its terms, and its documents (ascending) with their counts.
    phrase_docs: Vec<Phrase>,
}

/// A recurring phrase: its two terms, and its documents (ascending) with their counts.
type Phrase = ((u32, u32), Vec<(u32, u32)>);

/// A document's weighted features, `(feature id, weight)`, sorted by id, zero weights left
/// out.
pub type Vector = Vec<(u32, f32)>;

/// One feature two documents share, with what it adds to their similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedTerm {
    /// The feature's id (a term's id in the index, or a phrase's).
    pub term: u32,
    /// Its share of the cosine (the products of the two weights over both lengths).
    pub contribution: f32,
}

fn tf_weight(frequency: u32) -> f32 {
    1.0 + (frequency.max(1) as f32).ln()
}

impl Weights {
    /// `ln(N / df)`, or 0 for a feature in more than [`COMMON_SHARE`] of a large enough
    /// corpus.
    fn idf(n: usize, df: usize) -> f32 {
        let common = n >= MIN_DOCS_FOR_COMMON && df as f32 > COMMON_SHARE * n as f32;
        if df == 0 || common {
            0.0
        } else {
            (n as f32 / df as f32).ln()
        }
    }

    /// The terms of a phrase feature.
    pub fn phrase_terms(&self, feature: u32) -> Option<(u32, u32)> {
        let k = feature.checked_sub(self.terms)?;
        self.phrase_docs.get(k as usize).map(|(pair, _)| *pair)
    }
}

impl Index {
    /// The weights of similarity for this index; the stems of `stop_words` are no feature.
    pub fn weights<'a>(&self, stop_words: impl IntoIterator<Item = &'a str>) -> Weights {
        let stop = self.stems_of(stop_words);
        let n = self.len();
        let is_word: Vec<bool> = self.terms.iter().map(|term| !stop.contains(term)).collect();
        let mut idf: Vec<f32> = self
            .postings
            .iter()
            .zip(&is_word)
            .map(|(list, &word)| {
                if word {
                    Weights::idf(n, list.docs.len())
                } else {
                    0.0
                }
            })
            .collect();
        // Each document's words in order, all documents one after another (a word at
        // `start[doc] + position`; stop words and gaps are `NONE`), then every two words
        // that follow each other: (pair, document), in document order.
        const NONE: u32 = u32::MAX;
        let mut start = vec![0usize; n + 1];
        for list in &self.postings {
            for i in 0..list.docs.len() {
                let last = list.positions(i).last().map_or(0, |&p| p as usize + 1);
                let end = &mut start[list.docs[i] as usize + 1];
                *end = (*end).max(last);
            }
        }
        for doc in 0..n {
            start[doc + 1] += start[doc];
        }
        let mut in_order = vec![NONE; start[n]];
        for (term, list) in (0u32..).zip(&self.postings) {
            if !is_word[term as usize] {
                continue;
            }
            for (i, &doc) in list.docs.iter().enumerate() {
                for &position in list.positions(i) {
                    in_order[start[doc as usize] + position as usize] = term;
                }
            }
        }
        let mut pairs: Vec<(u64, u32)> = Vec::new();
        for doc in 0..n {
            for pair in in_order[start[doc]..start[doc + 1]].windows(2) {
                if pair[0] != NONE && pair[1] != NONE {
                    pairs.push(((u64::from(pair[0]) << 32) | u64::from(pair[1]), doc as u32));
                }
            }
        }
        drop(in_order);
        // Grouped by pair; a stable sort keeps each pair's documents ascending. A pair in
        // two documents or more is a phrase, with its count in each.
        radsort::sort_by_key(&mut pairs, |&(pair, _)| pair);
        let mut phrase_docs: Vec<Phrase> = Vec::new();
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            // Documents ascend: a pair in one document only starts and ends in it.
            if group[0].1 == group[group.len() - 1].1 {
                continue;
            }
            let mut docs: Vec<(u32, u32)> = Vec::new();
            for &(_, doc) in group {
                match docs.last_mut() {
                    Some((last, count)) if *last == doc => *count += 1,
                    _ => docs.push((doc, 1)),
                }
            }
            if docs.len() >= 2 {
                let pair = group[0].0;
                phrase_docs.push((((pair >> 32) as u32, pair as u32), docs));
            }
        }
        drop(pairs);
        let terms = self.terms.len() as u32;
        let phrases = (0u32..)
            .zip(&phrase_docs)
            .map(|(k, (pair, _))| (*pair, k))
            .collect();
        idf.extend(
            phrase_docs
                .iter()
                .map(|(_, docs)| Weights::idf(n, docs.len())),
        );
        let mut norms = vec![0f32; n];
        for (list, &idf) in self.postings.iter().zip(&idf).filter(|(_, &w)| w > 0.0) {
            for (i, &doc) in list.docs.iter().enumerate() {
                let weight = tf_weight(list.count(i)) * idf;
                norms[doc as usize] += weight * weight;
            }
        }
        for ((_, docs), &idf) in phrase_docs.iter().zip(&idf[terms as usize..]) {
            for &(doc, count) in docs.iter().filter(|_| idf > 0.0) {
                let weight = tf_weight(count) * idf;
                norms[doc as usize] += weight * weight;
            }
        }
        norms.iter_mut().for_each(|x| *x = x.sqrt());
        Weights {
            idf,
            norms,
            terms,
            phrases,
            phrase_docs,
        }
    }

    /// The term id of each word of a text, in order (`None` for a word the index lacks).
    fn term_ids_of(&self, text: &str) -> Vec<(String, Option<u32>)> {
        words(text)
            .map(|word| {
                let id = self
                    .term_ids
                    .get(&self.analyzer.term(&word.folded))
                    .copied();
                (word.folded, id)
            })
            .collect()
    }

    /// The features of a text with their counts, and for each the words that write it
    /// first (folded: "digital divide", "encryption").
    fn features_of(&self, text: &str, weights: &Weights) -> HashMap<u32, (u32, String)> {
        let words = self.term_ids_of(text);
        let mut found: HashMap<u32, (u32, String)> = HashMap::new();
        let mut count = |feature: u32, written: &dyn Fn() -> String| {
            found.entry(feature).or_insert_with(|| (0, written())).0 += 1;
        };
        for (at, (word, id)) in words.iter().enumerate() {
            let Some(id) = *id else { continue };
            count(id, &|| word.clone());
            let next = words.get(at + 1).and_then(|(_, id)| *id);
            if let Some(&k) = next.and_then(|next| weights.phrases.get(&(id, next))) {
                count(weights.terms + k, &|| format!("{word} {}", words[at + 1].0));
            }
        }
        found
    }

    /// The documents of a feature with their counts: a term's postings, or a phrase's.
    fn feature_docs<'a>(
        &'a self,
        feature: u32,
        weights: &'a Weights,
    ) -> Box<dyn Iterator<Item = (u32, u32)> + 'a> {
        if feature >= weights.terms {
            let docs = weights.phrase_docs.get((feature - weights.terms) as usize);
            Box::new(docs.into_iter().flat_map(|(_, docs)| docs.iter().copied()))
        } else {
            let list = &self.postings[feature as usize];
            Box::new((0..list.docs.len()).map(move |i| (list.docs[i], list.count(i))))
        }
    }

    /// How often a feature occurs in one document.
    fn feature_count(&self, feature: u32, doc: u32, weights: &Weights) -> Option<u32> {
        if feature >= weights.terms {
            let (_, docs) = weights
                .phrase_docs
                .get((feature - weights.terms) as usize)?;
            let at = docs.binary_search_by_key(&doc, |&(d, _)| d).ok()?;
            Some(docs[at].1)
        } else {
            let list = &self.postings[feature as usize];
            let at = list.docs.binary_search(&doc).ok()?;
            Some(list.count(at))
        }
    }

    /// The weighted vector of a text (an indexed document's text gives that document's
    /// vector). Words the index does not hold weigh nothing.
    pub fn vector(&self, text: &str, weights: &Weights) -> Vector {
        let mut vector: Vector = self
            .features_of(text, weights)
            .into_iter()
            .filter_map(|(id, (tf, _))| {
                let idf = weights.idf[id as usize];
                (idf > 0.0).then(|| (id, tf_weight(tf) * idf))
            })
            .collect();
        vector.sort_unstable_by_key(|&(id, _)| id);
        vector
    }

    /// The cosine similarity of `vector` with every document sharing a weighted feature
    /// with it, as `(document, similarity)` in document order (others are 0 and left out).
    pub fn similar(&self, vector: &Vector, weights: &Weights) -> Vec<(u32, f32)> {
        (0u32..)
            .zip(self.similarities(vector, weights))
            .filter(|&(_, similarity)| similarity > 0.0)
            .collect()
    }

    /// The cosine similarity of `vector` with each document, by document (0 for those
    /// that share no weighted feature with it).
    pub fn similarities(&self, vector: &Vector, weights: &Weights) -> Vec<f32> {
        let mut dots = vec![0f32; self.len()];
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm == 0.0 {
            return dots;
        }
        for &(id, weight) in vector {
            let idf = weights.idf[id as usize];
            for (doc, count) in self.feature_docs(id, weights) {
                dots[doc as usize] += weight * tf_weight(count) * idf;
            }
        }
        for (doc, dot) in dots.iter_mut().enumerate().filter(|(_, dot)| **dot > 0.0) {
            *dot /= norm * weights.norms[doc];
        }
        dots
    }

    /// The features `vector` shares with `doc`, the largest contribution first (ties by
    /// id), so a reader can be told why two messages are related.
    pub fn shared_terms(&self, vector: &Vector, doc: u32, weights: &Weights) -> Vec<SharedTerm> {
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let doc_norm = weights.norms.get(doc as usize).copied().unwrap_or(0.0);
        if norm == 0.0 || doc_norm == 0.0 {
            return Vec::new();
        }
        let mut shared: Vec<SharedTerm> = vector
            .iter()
            .filter_map(|&(term, weight)| {
                let count = self.feature_count(term, doc, weights)?;
                let other = tf_weight(count) * weights.idf[term as usize];
                Some(SharedTerm {
                    term,
                    contribution: weight * other / (norm * doc_norm),
                })
            })
            .collect();
        shared.sort_by(|a, b| {
            b.contribution
                .total_cmp(&a.contribution)
                .then(a.term.cmp(&b.term))
        });
        shared
    }

    /// For each feature of `text`, the words of `text` (folded) that first write it: the
    /// words to name a shared feature with ("encryption", not the stem "encrypt";
    /// "digital divide").
    pub fn words_of_terms(&self, text: &str, weights: &Weights) -> HashMap<u32, String> {
        self.features_of(text, weights)
            .into_iter()
            .map(|(id, (_, written))| (id, written))
            .collect()
    }

    /// A query that highlights every word of these features (for [`Index::highlights`]).
    pub fn terms_query(&self, features: &[u32], weights: &Weights) -> Query {
        let mut ids: Vec<u32> = Vec::new();
        for &feature in features {
            match weights.phrase_terms(feature) {
                Some((first, second)) => ids.extend([first, second]),
                None => ids.push(feature),
            }
        }
        let mut stems: Vec<String> = Vec::new();
        for term in ids.iter().filter_map(|&t| self.terms.get(t as usize)) {
            if !stems.contains(term) {
                stems.push(term.clone());
            }
        }
        Query {
            clauses: if stems.is_empty() {
                Vec::new()
            } else {
                vec![Clause::Phrase(stems)]
            },
            ..Query::default()
        }
    }
}

/// The reference implementation of similarity (the oracle of the tests, as
/// [`linear_search`](super::linear_search) is of search): each text's weighted features,
/// computed densely from the texts alone. Features are its terms that are no stop word and
/// each two of them written one after the other that two texts or more write; a feature's
/// weight is `(1 + ln tf) · ln(N / df)`, or nothing in more than [`COMMON_SHARE`] of
/// [`MIN_DOCS_FOR_COMMON`] texts or more.
pub fn dense_features<'a>(
    texts: &[&str],
    stop_words: impl IntoIterator<Item = &'a str>,
) -> Vec<HashMap<String, f64>> {
    let analyzer = Analyzer::default();
    let stop: HashSet<String> = stop_words
        .into_iter()
        .map(|w| analyzer.term(&fold(w)))
        .collect();
    let docs: Vec<Vec<String>> = texts
        .iter()
        .map(|text| {
            let terms = analyzer.terms(text);
            let word = |t: &String| !stop.contains(t);
            let mut features: Vec<String> = terms.iter().filter(|t| word(t)).cloned().collect();
            for pair in terms.windows(2).filter(|p| word(&p[0]) && word(&p[1])) {
                features.push(format!("{} {}", pair[0], pair[1]));
            }
            features
        })
        .collect();
    let n = texts.len() as f64;
    let df = |f: &String| docs.iter().filter(|d| d.contains(f)).count() as f64;
    docs.iter()
        .map(|doc| {
            let mut weights = HashMap::new();
            for feature in doc {
                let df = df(feature);
                let common = n >= MIN_DOCS_FOR_COMMON as f64 && df > f64::from(COMMON_SHARE) * n;
                if (feature.contains(' ') && df < 2.0) || common || weights.contains_key(feature) {
                    continue;
                }
                let tf = doc.iter().filter(|f| *f == feature).count() as f64;
                weights.insert(feature.clone(), (1.0 + tf.ln()) * (n / df).ln());
            }
            weights
        })
        .collect()
}

/// The cosine of two vectors of [`dense_features`].
pub fn dense_cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let dot: f64 = a.iter().map(|(f, x)| x * b.get(f).unwrap_or(&0.0)).sum();
    let norm = |v: &HashMap<String, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    if dot == 0.0 {
        0.0
    } else {
        dot / (norm(a) * norm(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::english_stop_words;

    const TEXTS: [&str; 5] = [
        "Encryption protects the security and trust of users.",
        "Strong encryption builds trust; weak encryption harms security.",
        "Access to the Internet for women and girls.",
        "Trust in the digital economy needs security.",
        "The the the and of.",
    ];

    fn equals_the_oracle(texts: &[&str]) {
        let index = Index::build(texts.iter().copied());
        let weights = index.weights(english_stop_words());
        let vectors = dense_features(texts, english_stop_words());
        for (doc, text) in texts.iter().enumerate() {
            let vector = index.vector(text, &weights);
            let found: HashMap<u32, f32> = index.similar(&vector, &weights).into_iter().collect();
            for other in 0..texts.len() {
                let expected = dense_cosine(&vectors[doc], &vectors[other]);
                let got = found.get(&(other as u32)).copied().unwrap_or(0.0);
                assert!(
                    (f64::from(got) - expected).abs() < 1e-5,
                    "{doc}~{other}: {got} vs {expected}"
                );
            }
        }
    }

    #[test]
    fn similarity_equals_the_dense_cosine() {
        equals_the_oracle(&TEXTS);
    }

    /// 24 texts: "digital" is in more than a fifth of them (common, no weight), while the
    /// phrases "digital divide" and "human rights" recur and weigh.
    #[test]
    fn common_words_weigh_nothing_and_recurring_phrases_count() {
        let mut texts: Vec<String> = (0..16)
            .map(|i| format!("Topic {i} of the digital economy, note {}.", i * 7))
            .collect();
        texts.extend([
            "Closing the digital divide for women.".to_string(),
            "The digital divide between regions.".to_string(),
            "Human rights online and offline.".to_string(),
            "Rights of humans; human dignity.".to_string(),
            "Human rights defenders need encryption.".to_string(),
            "Encryption and the divide of rights.".to_string(),
            "Women and the economy.".to_string(),
            "Regions, rights and the digital divide.".to_string(),
        ]);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        equals_the_oracle(&texts);
        let index = Index::build(texts.iter().copied());
        let weights = index.weights(english_stop_words());
        let vector = index.vector(texts[16], &weights);
        let words = index.words_of_terms(texts[16], &weights);
        let named: Vec<&str> = vector.iter().map(|(f, _)| words[f].as_str()).collect();
        assert!(named.contains(&"digital divide"), "{named:?}");
        assert!(!named.contains(&"digital"), "common: {named:?}");
        // Sharing the phrase brings two messages closer than sharing its words apart.
        let similarity = |a: usize, b: usize| {
            let v = index.vector(texts[a], &weights);
            index.similarities(&v, &weights)[b]
        };
        assert!(
            similarity(16, 17) > similarity(16, 21),
            "{} vs {}",
            similarity(16, 17),
            similarity(16, 21)
        );
        // Highlighting a phrase marks both its words.
        let phrase = vector
            .iter()
            .map(|(f, _)| *f)
            .find(|f| weights.phrase_terms(*f).is_some())
            .unwrap();
        let query = index.terms_query(&[phrase], &weights);
        let spans = index.highlights(texts[17], &query);
        let marked: Vec<&str> = spans.iter().map(|s| &texts[17][s.clone()]).collect();
        assert_eq!(marked, ["digital", "divide"]);
    }

    #[test]
    fn shared_terms_name_the_words_in_order_of_weight() {
        let index = Index::build(TEXTS);
        let weights = index.weights(english_stop_words());
        let vector = index.vector(TEXTS[0], &weights);
        let words = index.words_of_terms(TEXTS[0], &weights);
        let shared: Vec<&str> = index
            .shared_terms(&vector, 1, &weights)
            .iter()
            .map(|s| words[&s.term].as_str())
            .collect();
        assert_eq!(shared, ["encryption", "security", "trust"]);
        let sum: f32 = index
            .shared_terms(&vector, 1, &weights)
            .iter()
            .map(|s| s.contribution)
            .sum();
        let cosine = index
            .similar(&vector, &weights)
            .into_iter()
            .find(|(d, _)| *d == 1)
            .unwrap()
            .1;
        assert!((sum - cosine).abs() < 1e-6);
        // Only stop words: no vector, nothing similar.
        let empty = index.vector(TEXTS[4], &weights);
        assert!(empty.is_empty() && index.similar(&empty, &weights).is_empty());
    }
}
