//! Sets (issue 27, its core): messages a reader picks across searches, in the order they
//! choose, with a title, an introduction and a note under each, and the link that
//! reproduces a set exactly. A set is plain text throughout (shown as written, never as
//! HTML); its limits are checked where it is made and where a link is read, and a link
//! over them is refused with a sentence that says which limit, never cut.
//!
//! The link's form, after `#/set?`: `messages=<id>,<id>,…` in the set's order, then
//! `title=…`, `intro=…`, `note<N>=…` for the N-th message (from 1, ascending, only where
//! there is a note), then `corpus=<id>` for a set made on a reader's corpus; empty fields
//! are left out, so one set has one link.

use crate::corpus::Corpus;
use crate::validate::is_slug;

/// The most messages a set holds.
pub const MAX_SET_MESSAGES: usize = 40;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// The longest introduction, in characters.
pub const MAX_INTRO_CHARS: usize = 2_000;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;
/// The longest link of a set, in bytes of its encoded query (the app's link limit).
pub const MAX_SET_LINK_BYTES: usize = crate::url::MAX_LINK_BYTES;

/// A set: its messages in order, each with a note, a title and an introduction.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Set {
    /// Its title ("" for none).
    pub title: String,
    /// Its introduction ("" for none).
    pub intro: String,
    /// Its messages, in the set's order.
    pub items: Vec<SetItem>,
    /// The reader's corpus it was made on (`None`: the built-in corpus).
    pub corpus: Option<String>,
}

/// A message of a set, and the reader's note under it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SetItem {
    /// The message's id.
    pub id: String,
    /// The note ("" for none).
    pub note: String,
}

/// Why a set cannot be linked or read, or what was dropped from a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetProblem {
    /// More messages than [`MAX_SET_MESSAGES`].
    TooManyMessages(usize),
    /// A title longer than [`MAX_TITLE_CHARS`] (its length).
    TitleTooLong(usize),
    /// An introduction longer than [`MAX_INTRO_CHARS`].
    IntroTooLong(usize),
    /// The note of the message at this place (from 1) is longer than [`MAX_NOTE_CHARS`].
    NoteTooLong(usize, usize),
    /// The link would be (or is) longer than [`MAX_SET_LINK_BYTES`].
    LinkTooLong(usize),
    /// A message id that cannot be one (not a slug): dropped.
    NotAnId(String),
    /// The same message twice: the second dropped.
    Repeated(String),
    /// Ids the corpus in use does not hold: dropped.
    Unknown(Vec<String>),
}

impl SetProblem {
    /// What a reader is told.
    pub fn sentence(&self) -> String {
        match self {
            SetProblem::TooManyMessages(n) => format!(
                "A set holds at most {MAX_SET_MESSAGES} messages; this one has {n}. Remove some to share it."
            ),
            SetProblem::TitleTooLong(n) => format!(
                "A set's title is at most {MAX_TITLE_CHARS} characters; this one has {n}."
            ),
            SetProblem::IntroTooLong(n) => format!(
                "A set's introduction is at most {MAX_INTRO_CHARS} characters; this one has {n}."
            ),
            SetProblem::NoteTooLong(at, n) => format!(
                "A note is at most {MAX_NOTE_CHARS} characters; the note under message {at} has {n}."
            ),
            SetProblem::LinkTooLong(n) => format!(
                "A set's link is at most {MAX_SET_LINK_BYTES} bytes; this one would be {n}. Shorten the notes or the introduction."
            ),
            SetProblem::NotAnId(id) => format!("“{id}” is not a message id: left out."),
            SetProblem::Repeated(id) => format!("{id} was in the link twice: kept once."),
            SetProblem::Unknown(ids) => format!(
                "{} of this set's messages {} not in the messages in use: left out ({}).",
                ids.len(),
                if ids.len() == 1 { "is" } else { "are" },
                ids.join(", ")
            ),
        }
    }

    /// Whether the set cannot be used at all (a limit), rather than read without a part.
    pub fn refuses(&self) -> bool {
        matches!(
            self,
            SetProblem::TooManyMessages(_)
                | SetProblem::TitleTooLong(_)
                | SetProblem::IntroTooLong(_)
                | SetProblem::NoteTooLong(..)
                | SetProblem::LinkTooLong(_)
        )
    }
}

impl Set {
    /// The first limit the set is over, if any.
    pub fn over_limit(&self) -> Option<SetProblem> {
        let chars = |s: &str| s.chars().count();
        if self.items.len() > MAX_SET_MESSAGES {
            return Some(SetProblem::TooManyMessages(self.items.len()));
        }
        if chars(&self.title) > MAX_TITLE_CHARS {
            return Some(SetProblem::TitleTooLong(chars(&self.title)));
        }
        if chars(&self.intro) > MAX_INTRO_CHARS {
            return Some(SetProblem::IntroTooLong(chars(&self.intro)));
        }
        self.items.iter().enumerate().find_map(|(i, item)| {
            let n = chars(&item.note);
            (n > MAX_NOTE_CHARS).then_some(SetProblem::NoteTooLong(i + 1, n))
        })
    }

    /// The set's link after `#/set?`, or the limit it is over.
    pub fn to_query(&self) -> Result<String, SetProblem> {
        if let Some(problem) = self.over_limit() {
            return Err(problem);
        }
        let mut pairs = form_urlencoded::Serializer::new(String::new());
        if !self.items.is_empty() {
            let ids: Vec<&str> = self.items.iter().map(|i| i.id.as_str()).collect();
            pairs.append_pair("messages", &ids.join(","));
        }
        if !self.title.is_empty() {
            pairs.append_pair("title", &self.title);
        }
        if !self.intro.is_empty() {
            pairs.append_pair("intro", &self.intro);
        }
        for (i, item) in self.items.iter().enumerate() {
            if !item.note.is_empty() {
                pairs.append_pair(&format!("note{}", i + 1), &item.note);
            }
        }
        if let Some(corpus) = &self.corpus {
            pairs.append_pair("corpus", corpus);
        }
        let query = pairs.finish();
        if query.len() > MAX_SET_LINK_BYTES {
            return Err(SetProblem::LinkTooLong(query.len()));
        }
        Ok(query)
    }

    /// A set read from its link's query: the set and what was dropped from it, or the
    /// limit the link is over (a set over a limit is refused whole, never cut).
    pub fn from_query(query: &str) -> Result<(Set, Vec<SetProblem>), SetProblem> {
        if query.len() > MAX_SET_LINK_BYTES {
            return Err(SetProblem::LinkTooLong(query.len()));
        }
        let mut set = Set::default();
        let mut notes: Vec<(usize, String)> = Vec::new();
        let mut dropped = Vec::new();
        // Each id of the link in its order, as the item it became (none when dropped):
        // notes name these places.
        let mut places: Vec<Option<usize>> = Vec::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                "messages" => {
                    for id in value.split(',').filter(|id| !id.is_empty()) {
                        if !is_slug(id) {
                            dropped.push(SetProblem::NotAnId(id.chars().take(40).collect()));
                            places.push(None);
                        } else if set.items.iter().any(|i| i.id == id) {
                            dropped.push(SetProblem::Repeated(id.to_string()));
                            places.push(None);
                        } else {
                            places.push(Some(set.items.len()));
                            set.items.push(SetItem {
                                id: id.to_string(),
                                note: String::new(),
                            });
                        }
                        if set.items.len() > MAX_SET_MESSAGES {
                            return Err(SetProblem::TooManyMessages(
                                value.split(',').filter(|id| !id.is_empty()).count(),
                            ));
                        }
                    }
                }
                "title" => set.title = value.into_owned(),
                "intro" => set.intro = value.into_owned(),
                "corpus" if is_slug(&value) => set.corpus = Some(value.into_owned()),
                key => {
                    // `note<N>`, N from 1 without leading zeros; anything else is ignored.
                    if let Some(n) = key
                        .strip_prefix("note")
                        .filter(|n| !n.starts_with('0'))
                        .and_then(|n| n.parse::<usize>().ok())
                    {
                        notes.push((n, value.into_owned()));
                    }
                }
            }
        }
        // A note whose message was dropped goes with it.
        for (n, note) in notes {
            if let Some(&Some(item)) = places.get(n.wrapping_sub(1)) {
                set.items[item].note = note;
            }
        }
        match set.over_limit() {
            Some(problem) => Err(problem),
            None => Ok((set, dropped)),
        }
    }

    /// The set with only the messages `corpus` holds, and the notice for the others.
    pub fn keep_known(mut self, corpus: &Corpus) -> (Set, Option<SetProblem>) {
        let mut unknown = Vec::new();
        self.items.retain(|item| {
            let known = corpus.messages.iter().any(|m| m.id == item.id);
            if !known {
                unknown.push(item.id.clone());
            }
            known
        });
        let notice = (!unknown.is_empty()).then_some(SetProblem::Unknown(unknown));
        (self, notice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[&str]) -> Set {
        Set {
            title: "Gender & the Internet".into(),
            intro: "Read these before Thursday.\nThen discuss.".into(),
            items: ids
                .iter()
                .map(|id| SetItem {
                    id: id.to_string(),
                    note: format!("Why {id}? #1 100% <b>"),
                })
                .collect(),
            corpus: None,
        }
    }

    #[test]
    fn a_set_reads_back_from_its_link() {
        let s = set(&["geneva-2017-gender-3", "kyoto-2023-ai-1"]);
        let query = s.to_query().unwrap();
        assert!(query.starts_with("messages=geneva-2017-gender-3%2Ckyoto-2023-ai-1&title="));
        assert_eq!(Set::from_query(&query), Ok((s, Vec::new())));
    }

    #[test]
    fn limits_are_refused_with_a_sentence_never_cut() {
        let ids: Vec<String> = (0..=MAX_SET_MESSAGES).map(|i| format!("m-{i}")).collect();
        let many = set(&ids.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(
            many.to_query(),
            Err(SetProblem::TooManyMessages(MAX_SET_MESSAGES + 1))
        );
        let mut long = set(&["a", "b"]);
        long.items[1].note = "é".repeat(MAX_NOTE_CHARS + 1);
        let problem = long.to_query().unwrap_err();
        assert_eq!(problem, SetProblem::NoteTooLong(2, MAX_NOTE_CHARS + 1));
        assert!(problem.sentence().contains("the note under message 2"));
        assert!(problem.refuses());
        // A link made elsewhere, over a limit, is refused whole.
        let query = format!("messages=a&note1={}", "x".repeat(MAX_NOTE_CHARS + 1));
        assert_eq!(
            Set::from_query(&query),
            Err(SetProblem::NoteTooLong(1, MAX_NOTE_CHARS + 1))
        );
        let huge = format!("messages=a&intro={}", "x".repeat(MAX_SET_LINK_BYTES));
        assert!(matches!(
            Set::from_query(&huge),
            Err(SetProblem::LinkTooLong(_))
        ));
        // Notes at their limit, in characters that take many bytes, can still make a link
        // over its bytes: that is refused too, with its own sentence.
        let mut wide = set(&["a", "b", "c", "d", "e", "f"]);
        for item in &mut wide.items {
            item.note = "€".repeat(MAX_NOTE_CHARS);
        }
        assert!(matches!(wide.to_query(), Err(SetProblem::LinkTooLong(_))));
    }

    #[test]
    fn what_a_link_cannot_hold_is_dropped_with_a_notice() {
        let (s, dropped) =
            Set::from_query("messages=a,BAD,a,b&note2=for-bad&note3=for-repeat&note4=for-b&x=1")
                .unwrap();
        assert_eq!(
            s.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(s.items[1].note, "for-b");
        assert_eq!(s.items[0].note, "");
        assert_eq!(
            dropped,
            [
                SetProblem::NotAnId("BAD".into()),
                SetProblem::Repeated("a".into())
            ]
        );
        // Notes of no place, or written "note01", are ignored.
        let (s, _) = Set::from_query("messages=a&note0=x&note01=y&note9=z").unwrap();
        assert_eq!(s.items[0].note, "");
    }
}
