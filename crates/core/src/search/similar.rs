//! Similar documents: cosine similarity between TF-IDF vectors over the index's terms
//! (the same folded, stemmed terms as search), stop words left out, computed from the
//! postings, so nothing is re-read but the one document asked about.
//!
//! A term's weight in a document is `(1 + ln tf) · ln(N / df)` (sublinear term frequency,
//! Manning, Raghavan and Schütze, *Introduction to Information Retrieval*, 6.4.1): a word
//! said twice counts less than twice, and a term in every document weighs nothing.

use std::collections::HashMap;

use super::{words, Clause, Index, Query};

/// What similarity needs beyond the index, computed once per index: each term's inverse
/// document frequency (0 for stop words) and each document's vector length.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Term id -> `ln(N / df)`, or 0 for a stop word.
    idf: Vec<f32>,
    /// Document -> the length of its weighted vector.
    norms: Vec<f32>,
}

/// A document's weighted terms, `(term id, weight)`, sorted by term id, zero weights left out.
pub type Vector = Vec<(u32, f32)>;

/// One term two documents share, with what it adds to their similarity.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedTerm {
    /// The term's id in the index.
    pub term: u32,
    /// Its share of the cosine (the products of the two weights over both lengths).
    pub contribution: f32,
}

fn tf_weight(frequency: u32) -> f32 {
    1.0 + (frequency.max(1) as f32).ln()
}

impl Index {
    /// The weights of similarity for this index; the stems of `stop_words` weigh nothing.
    pub fn weights<'a>(&self, stop_words: impl IntoIterator<Item = &'a str>) -> Weights {
        let stop = self.stems_of(stop_words);
        let n = self.len() as f32;
        let idf: Vec<f32> = self
            .terms
            .iter()
            .zip(&self.postings)
            .map(|(term, list)| {
                if stop.contains(term) || list.docs.is_empty() {
                    0.0
                } else {
                    (n / list.docs.len() as f32).ln()
                }
            })
            .collect();
        let mut norms = vec![0f32; self.len()];
        for (list, &idf) in self.postings.iter().zip(&idf).filter(|(_, &w)| w > 0.0) {
            for (i, &doc) in list.docs.iter().enumerate() {
                let weight = tf_weight(list.count(i)) * idf;
                norms[doc as usize] += weight * weight;
            }
        }
        norms.iter_mut().for_each(|x| *x = x.sqrt());
        Weights { idf, norms }
    }

    /// The weighted vector of a text (an indexed document's text gives that document's
    /// vector). Words the index does not hold weigh nothing.
    pub fn vector(&self, text: &str, weights: &Weights) -> Vector {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for word in words(text) {
            let term = self.analyzer.term(&word.folded);
            if let Some(&id) = self.term_ids.get(&term) {
                *counts.entry(id).or_default() += 1;
            }
        }
        let mut vector: Vector = counts
            .into_iter()
            .filter_map(|(id, tf)| {
                let idf = weights.idf[id as usize];
                (idf > 0.0).then(|| (id, tf_weight(tf) * idf))
            })
            .collect();
        vector.sort_unstable_by_key(|&(id, _)| id);
        vector
    }

    /// The cosine similarity of `vector` with every document sharing a weighted term with
    /// it, as `(document, similarity)` in document order (others are 0 and left out).
    pub fn similar(&self, vector: &Vector, weights: &Weights) -> Vec<(u32, f32)> {
        (0u32..)
            .zip(self.similarities(vector, weights))
            .filter(|&(_, similarity)| similarity > 0.0)
            .collect()
    }

    /// The cosine similarity of `vector` with each document, by document (0 for those
    /// that share no weighted term with it).
    pub fn similarities(&self, vector: &Vector, weights: &Weights) -> Vec<f32> {
        let mut dots = vec![0f32; self.len()];
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm == 0.0 {
            return dots;
        }
        for &(id, weight) in vector {
            let list = &self.postings[id as usize];
            let idf = weights.idf[id as usize];
            for (i, &doc) in list.docs.iter().enumerate() {
                dots[doc as usize] += weight * tf_weight(list.count(i)) * idf;
            }
        }
        for (doc, dot) in dots.iter_mut().enumerate().filter(|(_, dot)| **dot > 0.0) {
            *dot /= norm * weights.norms[doc];
        }
        dots
    }

    /// The terms `vector` shares with `doc`, the largest contribution first (ties by term
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
                let list = &self.postings[term as usize];
                let at = list.docs.binary_search(&doc).ok()?;
                let other = tf_weight(list.count(at)) * weights.idf[term as usize];
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

    /// For each term of `text`, the first word of `text` (folded) that stems to it: the
    /// word to name a shared term with ("encryption", not the stem "encrypt").
    pub fn words_of_terms(&self, text: &str) -> HashMap<u32, String> {
        let mut found = HashMap::new();
        for word in words(text) {
            let term = self.analyzer.term(&word.folded);
            if let Some(&id) = self.term_ids.get(&term) {
                found.entry(id).or_insert(word.folded);
            }
        }
        found
    }

    /// A query that highlights every word of these terms (for [`Index::highlights`]).
    pub fn terms_query(&self, terms: &[u32]) -> Query {
        let stems: Vec<String> = terms
            .iter()
            .filter_map(|&t| self.terms.get(t as usize).cloned())
            .collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Analyzer;
    use crate::text::english_stop_words;

    const TEXTS: [&str; 5] = [
        "Encryption protects the security and trust of users.",
        "Strong encryption builds trust; weak encryption harms security.",
        "Access to the Internet for women and girls.",
        "Trust in the digital economy needs security.",
        "The the the and of.",
    ];

    /// The oracle: dense vectors over every term, computed from the texts alone.
    fn dense(texts: &[&str]) -> Vec<Vec<f64>> {
        let analyzer = Analyzer::default();
        let stop: std::collections::HashSet<String> = english_stop_words()
            .map(|w| analyzer.term(&crate::text::fold(w)))
            .collect();
        let docs: Vec<Vec<String>> = texts.iter().map(|t| analyzer.terms(t)).collect();
        let mut vocabulary: Vec<String> = docs.iter().flatten().cloned().collect();
        vocabulary.sort();
        vocabulary.dedup();
        let n = texts.len() as f64;
        docs.iter()
            .map(|doc| {
                vocabulary
                    .iter()
                    .map(|term| {
                        let tf = doc.iter().filter(|t| *t == term).count() as f64;
                        let df = docs.iter().filter(|d| d.contains(term)).count() as f64;
                        if tf == 0.0 || stop.contains(term) {
                            0.0
                        } else {
                            (1.0 + tf.ln()) * (n / df).ln()
                        }
                    })
                    .collect()
            })
            .collect()
    }

    fn cosine(a: &[f64], b: &[f64]) -> f64 {
        let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
        let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
        if dot == 0.0 {
            0.0
        } else {
            dot / (norm(a) * norm(b))
        }
    }

    #[test]
    fn similarity_equals_the_dense_cosine() {
        let index = Index::build(TEXTS);
        let weights = index.weights(english_stop_words());
        let vectors = dense(&TEXTS);
        for (doc, text) in TEXTS.iter().enumerate() {
            let vector = index.vector(text, &weights);
            let found: HashMap<u32, f32> = index.similar(&vector, &weights).into_iter().collect();
            for other in 0..TEXTS.len() {
                let expected = cosine(&vectors[doc], &vectors[other]);
                let got = found.get(&(other as u32)).copied().unwrap_or(0.0);
                assert!(
                    (f64::from(got) - expected).abs() < 1e-5,
                    "{doc}~{other}: {got} vs {expected}"
                );
            }
        }
    }

    #[test]
    fn shared_terms_name_the_words_in_order_of_weight() {
        let index = Index::build(TEXTS);
        let weights = index.weights(english_stop_words());
        let vector = index.vector(TEXTS[0], &weights);
        let words = index.words_of_terms(TEXTS[0]);
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
