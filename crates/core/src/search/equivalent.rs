//! Equivalences: the ways of writing one thing (an acronym and its expansion, British and
//! American spellings, a compound as one word, hyphenated or spaced), so that a search for
//! one form finds the others. The data is `assets/equivalences-en.txt`, reviewed by
//! people (each entry gives its kind and its source or reason); the build embeds its forms
//! only (`build.rs`).
//!
//! A query's words spell a form when they have its terms (folded and stemmed) and each
//! word begins with the form's word but for its last letter: plurals and inflections
//! count ("SDGs", "organisations", "recognising"), while a shorter word that the stemmer
//! gives the same term does not ("digital" is not "digitization"). Such words become a
//! clause that any form satisfies ([`Clause::Either`]). An equivalent is searched as its
//! terms, as if typed (a phrase when it has several words).

use super::{words, Analyzer, Clause, Query};

/// The embedded entries: one a line, forms separated by `=`.
const ENGLISH: &str = include_str!(concat!(env!("OUT_DIR"), "/equivalences-en.txt"));

/// One way of writing an entry: as written in the file, and as search terms.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Form {
    written: String,
    folded: Vec<String>,
    terms: Vec<String>,
}

impl Form {
    /// How closely these typed words (folded, with their terms) spell the form: the
    /// letters they share with it, or `None` when they do not spell it (each word must
    /// have the form's term and begin with the form's word but for its last letter).
    fn spelled_by(&self, folded: &[String], terms: &[String]) -> Option<usize> {
        if !terms.starts_with(&self.terms) || folded.len() < self.folded.len() {
            return None;
        }
        let mut shared = 0;
        for (form, typed) in self.folded.iter().zip(folded) {
            let common = form
                .chars()
                .zip(typed.chars())
                .take_while(|(a, b)| a == b)
                .count();
            if common + 1 < form.chars().count() {
                return None;
            }
            shared += common;
        }
        Some(shared)
    }
}

/// The equivalences of a language, with its forms stemmed by one analyzer.
#[derive(Debug, Clone, Default)]
pub struct Equivalences {
    /// The entries, each a list of forms (a few hundred forms: a scan costs microseconds,
    /// and a map's code would cost the first view kilobytes).
    entries: Vec<Vec<Form>>,
}

impl Equivalences {
    /// The English equivalences (`assets/equivalences-en.txt`).
    pub fn english(analyzer: &Analyzer) -> Equivalences {
        Equivalences::read(ENGLISH, analyzer)
    }

    /// Reads entries, one a line (`form = form = …`); a form without a word is left out,
    /// and so is an entry left with fewer than two forms.
    pub fn read(text: &str, analyzer: &Analyzer) -> Equivalences {
        let mut found = Equivalences::default();
        for line in text.lines() {
            let mut forms: Vec<Form> = Vec::new();
            for written in line.split('=').map(str::trim) {
                let folded: Vec<String> = words(written).map(|w| w.folded).collect();
                let terms: Vec<String> = folded.iter().map(|w| analyzer.term(w)).collect();
                if !terms.is_empty() && forms.iter().all(|f| f.folded != folded) {
                    forms.push(Form {
                        written: written.to_string(),
                        folded,
                        terms,
                    });
                }
            }
            if forms.len() >= 2 {
                found.entries.push(forms);
            }
        }
        found
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest form that the typed words (folded, with their terms) begin with, the
    /// closest spelled of those ("organization" is "organization", not "organize"): its
    /// entry, its position, its length.
    fn longest(&self, folded: &[String], terms: &[String]) -> Option<(usize, usize, usize)> {
        // (terms, letters shared) of the best so far, and where it is.
        let mut best_key = (0, 0);
        let mut best = None;
        for (entry, forms) in self.entries.iter().enumerate() {
            for (at, form) in forms.iter().enumerate() {
                if let Some(shared) = form.spelled_by(folded, terms) {
                    let key = (form.terms.len(), shared);
                    if best.is_none() || key > best_key {
                        best_key = key;
                        best = Some((entry, at, form.terms.len()));
                    }
                }
            }
        }
        best
    }

    /// The query with its equivalents: each run of words that spells a form (plain
    /// words, the word being typed, or a quoted phrase, which must be the whole form)
    /// becomes a clause that any form of its entry satisfies, the words as typed first.
    /// The other forms are named in [`Query::also`]. Exclusions are kept as typed.
    pub fn expand(&self, query: &Query, analyzer: &Analyzer) -> Query {
        // Its clauses are no longer the typed ones, so it carries no typed words.
        let mut expanded = Query::default();
        let clauses = &query.clauses;
        let mut at = 0;
        while at < clauses.len() {
            // The typed words from here while they last (the word being typed as the word
            // it would be), with the clause each belongs to: a phrase (quoted, or words
            // joined by a hyphen) is in the run as a whole or not at all.
            let mut words: Vec<String> = Vec::new();
            let mut terms: Vec<String> = Vec::new();
            let mut ends: Vec<usize> = Vec::new();
            let typed_from = query.typed.get(at..).unwrap_or_default();
            for (clause, typed) in clauses[at..].iter().zip(typed_from) {
                match clause {
                    Clause::Phrase(phrase) if phrase.len() == typed.len() => {
                        words.extend_from_slice(typed);
                        terms.extend_from_slice(phrase);
                    }
                    Clause::Prefix(prefix) => {
                        words.push(prefix.clone());
                        terms.push(analyzer.term(prefix));
                    }
                    _ => break,
                }
                ends.push(words.len());
            }
            // The form must end where a clause ends.
            let found = self
                .longest(&words, &terms)
                .and_then(|(entry, form, length)| {
                    let used = ends.iter().position(|&end| end == length)? + 1;
                    Some((entry, form, length, used))
                });
            let Some((entry, form, length, used)) = found else {
                expanded.clauses.push(clauses[at].clone());
                at += 1;
                continue;
            };
            let mut either = vec![if used == 1 {
                clauses[at].clone()
            } else {
                Clause::Phrase(terms[..length].to_vec())
            }];
            for (other, equivalent) in self.entries[entry].iter().enumerate() {
                if other != form {
                    either.push(Clause::Phrase(equivalent.terms.clone()));
                    if !expanded.also.contains(&equivalent.written) {
                        expanded.also.push(equivalent.written.clone());
                    }
                }
            }
            expanded.clauses.push(Clause::Either(either));
            at += used;
        }
        // Nothing expanded (every `Either` names an equivalent): the query as typed.
        if expanded.also.is_empty() {
            return query.clone();
        }
        expanded
    }
}

/// Whether a corpus in this language (a BCP 47 tag; none means English) is searched with
/// the English equivalences.
pub fn is_english(language: Option<&str>) -> bool {
    language.is_none_or(|tag| {
        let tag = tag.as_bytes();
        tag.len() >= 2
            && tag[..2].eq_ignore_ascii_case(b"en")
            && matches!(tag.get(2), None | Some(b'-' | b'_'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{linear_search, Index};
    use std::collections::HashMap;

    /// The file as people review it: every entry has a known kind, at least two forms and
    /// a reason; no form is in two entries; no two forms of an entry search the same.
    #[test]
    fn the_file_is_well_formed() {
        let text = include_str!("../../../../assets/equivalences-en.txt");
        let analyzer = Analyzer::default();
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        let mut kinds: HashMap<&str, usize> = HashMap::new();
        for (number, line) in (1..).zip(text.lines()) {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            assert!(fields.len() >= 2, "line {number}: kind | forms | reason");
            assert_eq!(fields.len(), 3, "line {number}: kind | forms | reason");
            assert!(
                ["acronym", "spelling", "compound"].contains(&fields[0]),
                "line {number}: unknown kind {:?}",
                fields[0]
            );
            *kinds.entry(fields[0]).or_default() += 1;
            assert!(!fields[2].is_empty(), "line {number}: no reason");
            let forms: Vec<Vec<String>> = fields[1]
                .split('=')
                .map(|f| words(f.trim()).map(|w| w.folded).collect())
                .collect();
            assert!(forms.len() >= 2, "line {number}: one form");
            for (i, form) in forms.iter().enumerate() {
                assert!(!form.is_empty(), "line {number}: an empty form");
                assert!(
                    !forms[..i].contains(form),
                    "line {number}: two forms are the same words {form:?}"
                );
                if let Some(other) = seen.insert(form.clone(), number) {
                    panic!("line {number}: {form:?} is also on line {other}");
                }
            }
        }
        assert!(kinds.values().all(|&n| n >= 10), "{kinds:?}");
        // The embedded copy holds every entry.
        assert_eq!(
            Equivalences::english(&analyzer).len(),
            kinds.values().sum::<usize>()
        );
    }

    const TEXTS: [&str; 8] = [
        "AI can help close the digital divide.",
        "Artificial intelligence needs governance.",
        "The organisation of labour markets.",
        "Organizations and labor unions.",
        "A multistakeholder model.",
        "The multi-stakeholder approach and cyber security.",
        "Cybersecurity capacity in the Internet of Things.",
        "IoT devices and e-commerce; ecommerce platforms.",
    ];

    /// What an expanded search finds, by the index and by the oracle (which must agree).
    fn found(input: &str) -> (Vec<u32>, Vec<String>) {
        let index = Index::build(TEXTS);
        let equivalences = Equivalences::english(index.analyzer());
        let query = equivalences.expand(&index.parse(input), index.analyzer());
        let mut docs: Vec<u32> = index.search(&query).into_iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        assert_eq!(
            docs,
            linear_search(&TEXTS, &query, index.analyzer()),
            "{input:?}: the index and the oracle disagree"
        );
        (docs, query.also)
    }

    #[test]
    fn acronyms_find_their_expansions_and_back() {
        assert_eq!(
            found("AI "),
            (vec![0, 1], vec!["artificial intelligence".into()])
        );
        assert_eq!(
            found("AI"),
            (vec![0, 1], vec!["artificial intelligence".into()])
        );
        assert_eq!(
            found("artificial intelligence "),
            (vec![0, 1], vec!["AI".into()])
        );
        assert_eq!(
            found("artificial intelligence"),
            (vec![0, 1], vec!["AI".into()])
        );
        assert_eq!(
            found("\"artificial intelligence\""),
            (vec![0, 1], vec!["AI".into()])
        );
        assert_eq!(
            found("iot"),
            (vec![6, 7], vec!["Internet of Things".into()])
        );
        assert_eq!(found("SDGs").1, ["SDG", "Sustainable Development Goal"]);
        assert_eq!(
            found("internet of things "),
            (vec![6, 7], vec!["IoT".into()])
        );
        // Words around the form stay ANDed with it.
        assert_eq!(found("AI divide").0, vec![0]);
        assert_eq!(found("governance artificial intelligence").0, vec![1]);
    }

    #[test]
    fn spellings_find_each_other() {
        assert_eq!(found("organisation ").0, vec![2, 3]);
        assert_eq!(found("organizations ").0, vec![2, 3]);
        assert_eq!(found("labor").0, vec![2, 3]);
        assert_eq!(found("labour ").1, vec!["labor".to_string()]);
    }

    #[test]
    fn compounds_find_each_other() {
        assert_eq!(found("multistakeholder").0, vec![4, 5]);
        assert_eq!(found("multi-stakeholder ").0, vec![4, 5]);
        assert_eq!(found("multi stakeholder").0, vec![4, 5]);
        assert_eq!(found("cybersecurity").0, vec![5, 6]);
        assert_eq!(found("cyber security ").0, vec![5, 6]);
        assert_eq!(found("ecommerce").0, vec![7]);
        assert_eq!(found("e-commerce").1, vec!["ecommerce".to_string()]);
    }

    /// Every form of every entry, typed, finds every other form of its entry (each a
    /// document of its own), in both directions, for each kind.
    #[test]
    fn every_form_finds_every_other_form_of_its_entry() {
        let analyzer = Analyzer::default();
        let english = Equivalences::english(&analyzer);
        let forms: Vec<(usize, &str)> = english
            .entries
            .iter()
            .enumerate()
            .flat_map(|(entry, forms)| forms.iter().map(move |f| (entry, f.written.as_str())))
            .collect();
        let index = Index::build(forms.iter().map(|&(_, written)| written));
        let equivalences = Equivalences::english(index.analyzer());
        for (entry, written) in &forms {
            for typed in [format!("{written} "), written.to_string()] {
                let query = equivalences.expand(&index.parse(&typed), index.analyzer());
                let found: Vec<u32> = index.search(&query).into_iter().map(|h| h.doc).collect();
                for (doc, (other_entry, other)) in (0u32..).zip(&forms) {
                    if other_entry == entry {
                        assert!(found.contains(&doc), "{typed:?} does not find {other:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn what_is_not_a_form_is_kept_as_typed() {
        let index = Index::build(TEXTS);
        let equivalences = Equivalences::english(index.analyzer());
        for input in [
            "digital divide",
            "-AI digital",
            "\"intelligence needs\"",
            "artificial",
        ] {
            let query = index.parse(input);
            let expanded = equivalences.expand(&query, index.analyzer());
            assert_eq!(expanded, query, "{input:?}");
        }
    }

    #[test]
    fn a_word_the_stemmer_confuses_with_a_form_is_not_expanded() {
        let index = Index::build(["An organ of the United Nations.", "Models and modelling."]);
        let equivalences = Equivalences::english(index.analyzer());
        let expand = |input: &str| equivalences.expand(&index.parse(input), index.analyzer());
        // "organ" and "organization" are one term, "model" and "modelling" too: a word
        // is not taken for a longer form.
        for input in ["organ ", "organs ", "model ", "models"] {
            assert!(expand(input).also.is_empty(), "{input:?}");
        }
        assert_eq!(expand("organization ").also, ["organisation"]);
        assert_eq!(expand("modelling").also, ["modeling"]);
        assert_eq!(expand("united nations").also, ["UN"]);
    }

    #[test]
    fn only_english_corpora_are_expanded() {
        assert!(is_english(None));
        assert!(is_english(Some("en")));
        assert!(is_english(Some("en-GB")));
        assert!(is_english(Some("EN_us")));
        assert!(!is_english(Some("fr")));
        assert!(!is_english(Some("es-419")));
    }
}
