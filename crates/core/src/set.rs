//! Sets (issue 27, its core): messages a reader picks across searches, in the order they
//! choose, with a title, an introduction and a note under each, and the link that
//! reproduces a set exactly. A set is plain text throughout (shown as written, never as
//! HTML); its limits are checked where it is made and where a link is read, and a link
//! over them is refused with a sentence that says which limit, never cut.
//!
//! The link's form, after `#/set?`: `corpus=<id>` for a set made on a reader's corpus
//! (first, as in every link of the app), `messages=<id>,<id>,…` in the set's order, then
//! `title=…`, `intro=…`, `note<N>=…` for the N-th message (from 1, ascending, only where
//! there is a note); empty fields are left out, so one set has one link.
//!
//! The sets kept on this device are a [`Shelf`]: every set the reader made or saved, the
//! one in use (where "Add to set" puts a message), and the pure edits of [`SetAction`].

use crate::corpus::Corpus;
use crate::validate::{is_slug, MAX_LINK_BYTES};

/// The most messages a set holds.
pub const MAX_SET_MESSAGES: usize = 40;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// The longest introduction, in characters.
pub const MAX_INTRO_CHARS: usize = 2_000;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 1_000;
/// The longest link of a set, in bytes of its encoded query: the app's link limit, less
/// room for the path (`#/set/present?`) and a slide number, so a set's every link is read
/// whole.
pub const MAX_SET_LINK_BYTES: usize = MAX_LINK_BYTES - 32;

/// A set: its messages in order, each with a note, a title and an introduction.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
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
        let query = self.encode();
        if query.len() > MAX_SET_LINK_BYTES {
            return Err(SetProblem::LinkTooLong(query.len()));
        }
        Ok(query)
    }

    /// The link's form, whatever its length (a set kept on the device may hold notes too
    /// long for a link, and is kept whole).
    pub fn encode(&self) -> String {
        let mut pairs = form_urlencoded::Serializer::new(String::new());
        if let Some(corpus) = &self.corpus {
            pairs.append_pair("corpus", corpus);
        }
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
        pairs.finish()
    }

    /// A set read from its link's query: the set and what was dropped from it, or the
    /// limit the link is over (a set over a limit is refused whole, never cut).
    pub fn from_query(query: &str) -> Result<(Set, Vec<SetProblem>), SetProblem> {
        if query.len() > MAX_SET_LINK_BYTES {
            return Err(SetProblem::LinkTooLong(query.len()));
        }
        let (set, dropped) = Set::decode(query)?;
        match set.over_limit() {
            Some(problem) => Err(problem),
            None => Ok((set, dropped)),
        }
    }

    /// Whether a link's key is one a set's link has (`corpus` aside).
    pub fn is_key(key: &str) -> bool {
        // (Digits, not a number: the first view reads a set's keys, never its notes.)
        note_digits(key).is_some() || matches!(key, "messages" | "title" | "intro")
    }

    /// A set read from the link's form, of any length: what was dropped from it, or the
    /// refusal of more messages than a set holds.
    fn decode(query: &str) -> Result<(Set, Vec<SetProblem>), SetProblem> {
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
                    if let Some(n) = note_place(key) {
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
        Ok((set, dropped))
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

/// Where a set's Markdown export keeps the set's own form (an HTML comment, which a
/// Markdown reader does not show): the export reads back from it.
pub const MARKDOWN_MARK: &str = "<!-- messages-explorer set: ";

/// The export formats of a set (`export::set_markdown` and the others write them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetFormat {
    /// A handout that reads back as the same set.
    Markdown,
    /// One row per message, with its note.
    Csv,
    /// The set and its messages with their context; reads back.
    Json,
}

impl SetFormat {
    /// Every format, in the order the page offers them.
    pub const ALL: [SetFormat; 3] = [SetFormat::Markdown, SetFormat::Csv, SetFormat::Json];

    /// The file extension (and the test id).
    pub fn slug(self) -> &'static str {
        match self {
            SetFormat::Markdown => "md",
            SetFormat::Csv => "csv",
            SetFormat::Json => "json",
        }
    }

    /// How the page names it.
    pub fn label(self) -> &'static str {
        match self {
            SetFormat::Markdown => "Markdown",
            SetFormat::Csv => "CSV",
            SetFormat::Json => "JSON",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            SetFormat::Markdown => "text/markdown",
            SetFormat::Csv => "text/csv",
            SetFormat::Json => "application/json",
        }
    }
}

impl Set {
    /// The file name of an export: the title's words as a slug ("set" when it has none).
    pub fn file_name(&self, format: SetFormat) -> String {
        let mut slug = String::new();
        for word in self
            .title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if slug.len() + word.len() > 60 {
                break;
            }
            if !slug.is_empty() {
                slug.push('-');
            }
            slug.push_str(&word.to_ascii_lowercase());
        }
        if slug.is_empty() {
            slug.push_str("set");
        }
        format!("{slug}.{}", format.slug())
    }

    /// A set read back from its Markdown or JSON export (the set view's "Open a set
    /// file"): the set and what was dropped, or why the text is not a set's export.
    pub fn read_export(text: &str) -> Result<(Set, Vec<SetProblem>), String> {
        let text = text.trim_start_matches('\u{FEFF}');
        if text.trim_start().starts_with('{') {
            return read_json(text);
        }
        let Some(start) = text.rfind(MARKDOWN_MARK) else {
            return Err("This file is not a set exported by Messages Explorer (Markdown or JSON): it holds no set.".into());
        };
        let rest = &text[start + MARKDOWN_MARK.len()..];
        let query = rest.split(" -->").next().unwrap_or_default().trim();
        Set::from_query(query).map_err(|problem| problem.sentence())
    }
}

/// A set's JSON export read back: its title, introduction, corpus and each message's id
/// and note (the rest is context for other readers).
fn read_json(text: &str) -> Result<(Set, Vec<SetProblem>), String> {
    #[derive(serde::Deserialize)]
    struct Exported {
        #[serde(default)]
        title: String,
        #[serde(default)]
        intro: String,
        #[serde(default)]
        corpus: Option<String>,
        messages: Vec<ExportedItem>,
    }
    #[derive(serde::Deserialize)]
    struct ExportedItem {
        id: String,
        #[serde(default)]
        note: String,
    }
    let exported: Exported = serde_json::from_str(text)
        .map_err(|e| format!("This JSON file is not a set exported by Messages Explorer: {e}"))?;
    // Through the link's reader, so a file meets the same checks and limits as a link.
    let set = Set {
        title: exported.title,
        intro: exported.intro,
        items: exported
            .messages
            .into_iter()
            .map(|m| SetItem {
                id: m.id,
                note: m.note,
            })
            .collect(),
        corpus: exported.corpus.filter(|c| is_slug(c)),
    };
    if let Some(problem) = set.over_limit() {
        return Err(problem.sentence());
    }
    Set::decode(&set.encode()).map_err(|problem| problem.sentence())
}

/// The sets kept on this device: every set the reader made or saved, in the order made,
/// and the one in use ("Add to set" puts messages there; the header counts it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shelf {
    /// The sets.
    pub sets: Vec<Set>,
    /// The place of the set in use, if any.
    pub current: Option<usize>,
}

/// An edit of the sets on this device (the set view's and the cards' buttons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetAction {
    /// Adds the message to the set in use (a new set, made on the corpus named, when there
    /// is none), or removes it.
    Toggle(String, Option<String>),
    /// Adds the message to the set in use unless it is there (the first view's button,
    /// run by the full app when it takes over).
    Add(String, Option<String>),
    /// Moves the message at this place (from 0) to that place.
    Move(usize, usize),
    /// Removes the message at this place from the set in use.
    Remove(usize),
    /// The title of the set in use.
    Title(String),
    /// The introduction of the set in use.
    Intro(String),
    /// The note under the message at this place.
    Note(usize, String),
    /// A new, empty set, put in use.
    New,
    /// Puts the set at this place in use.
    Open(usize),
    /// Renames (retitles) the set at this place.
    Rename(usize, String),
    /// Deletes the set at this place.
    Delete(usize),
    /// Keeps a copy of a set (from a link or a file) and puts it in use.
    SaveCopy(Set),
}

/// The first `max` characters of `text`.
fn at_most(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => text[..end].to_string(),
        None => text,
    }
}

impl Shelf {
    /// The set in use, if any.
    pub fn in_use(&self) -> Option<&Set> {
        self.current.and_then(|i| self.sets.get(i))
    }

    /// How many messages the set in use holds.
    pub fn count(&self) -> usize {
        self.in_use().map_or(0, |set| set.items.len())
    }

    /// Whether the set in use holds this message.
    pub fn holds(&self, id: &str) -> bool {
        self.in_use()
            .is_some_and(|set| set.items.iter().any(|i| i.id == id))
    }

    /// The set in use, made (on `corpus`) when there is none.
    fn in_use_mut(&mut self) -> &mut Set {
        self.in_use_or_new(None)
    }

    fn in_use_or_new(&mut self, corpus: Option<String>) -> &mut Set {
        let i = match self.current.filter(|&i| i < self.sets.len()) {
            Some(i) => i,
            None => {
                self.sets.push(Set {
                    corpus,
                    ..Set::default()
                });
                self.sets.len() - 1
            }
        };
        self.current = Some(i);
        &mut self.sets[i]
    }

    /// Applies an edit; returns what a screen reader is told (adding and removing), if
    /// anything. Never panics: a place out of range does nothing.
    pub fn apply(&mut self, action: SetAction) -> Option<String> {
        let count = |set: &Set| match set.items.len() {
            1 => "1 message".to_string(),
            n => format!("{n} messages"),
        };
        match action {
            SetAction::Toggle(id, corpus) | SetAction::Add(id, corpus) if !self.holds(&id) => {
                let set = self.in_use_or_new(corpus);
                if set.items.len() >= MAX_SET_MESSAGES {
                    return Some(SetProblem::TooManyMessages(set.items.len() + 1).sentence());
                }
                set.items.push(SetItem {
                    id,
                    note: String::new(),
                });
                return Some(format!("Added to set, {}", count(set)));
            }
            SetAction::Add(..) => {}
            SetAction::Toggle(id, _) => {
                let set = self.in_use_mut();
                set.items.retain(|i| i.id != id);
                return Some(format!("Removed from set, {}", count(set)));
            }
            SetAction::Move(from, to) => {
                let set = self.in_use_mut();
                if from < set.items.len() && to < set.items.len() {
                    let item = set.items.remove(from);
                    set.items.insert(to, item);
                }
            }
            SetAction::Remove(at) => {
                let set = self.in_use_mut();
                if at < set.items.len() {
                    set.items.remove(at);
                    return Some(format!("Removed from set, {}", count(set)));
                }
            }
            SetAction::Title(title) => self.in_use_mut().title = at_most(title, MAX_TITLE_CHARS),
            SetAction::Intro(intro) => self.in_use_mut().intro = at_most(intro, MAX_INTRO_CHARS),
            SetAction::Note(at, note) => {
                if let Some(item) = self.in_use_mut().items.get_mut(at) {
                    item.note = at_most(note, MAX_NOTE_CHARS);
                }
            }
            SetAction::New => {
                self.sets.push(Set::default());
                self.current = Some(self.sets.len() - 1);
            }
            SetAction::Open(i) if i < self.sets.len() => self.current = Some(i),
            SetAction::Open(_) => {}
            SetAction::Rename(i, title) => {
                if let Some(set) = self.sets.get_mut(i) {
                    set.title = at_most(title, MAX_TITLE_CHARS);
                }
            }
            SetAction::Delete(i) if i < self.sets.len() => {
                self.sets.remove(i);
                self.current = match self.current {
                    Some(c) if c == i => None,
                    Some(c) if c > i => Some(c - 1),
                    other => other,
                };
            }
            SetAction::Delete(_) => {}
            SetAction::SaveCopy(set) => {
                self.sets.push(set);
                self.current = Some(self.sets.len() - 1);
            }
        }
        None
    }

    /// The shelf as stored on the device: a line `current=<place>` (empty for none), then
    /// each set's link form on a line of its own (the link's form has no line break).
    pub fn to_storage(&self) -> String {
        let mut text = format!(
            "current={}\n",
            self.current.map(|c| c.to_string()).unwrap_or_default()
        );
        for set in &self.sets {
            text.push_str(&set.encode());
            text.push('\n');
        }
        text
    }

    /// The shelf read back from storage; a line that is not a set is skipped (storage is
    /// the reader's to edit, so nothing in it may panic).
    pub fn from_storage(text: &str) -> Shelf {
        let mut lines = text.lines();
        let current = lines
            .next()
            .and_then(|line| line.strip_prefix("current="))
            .and_then(|n| n.parse::<usize>().ok());
        let sets: Vec<Set> = lines
            .filter_map(|line| Set::decode(line).ok().map(|(set, _)| set))
            .collect();
        let current = current.filter(|&c| c < sets.len());
        Shelf { sets, current }
    }
}

/// The digits of a `note<N>` key (`N` from 1, written without a leading zero or a sign);
/// anything else is not a note (`note0`, `note01`, `note+1`).
fn note_digits(key: &str) -> Option<&str> {
    key.strip_prefix("note")
        .filter(|n| !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The place (from 1) a `note<N>` key names ([`note_digits`]).
fn note_place(key: &str) -> Option<usize> {
    note_digits(key).and_then(|n| n.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_key_is_one_the_link_reader_and_the_first_view_agree_on() {
        for key in ["note1", "note40", "note123"] {
            assert!(Set::is_key(key) && note_place(key).is_some(), "{key}");
        }
        for key in [
            "note", "note0", "note01", "note+1", "note-1", "note1a", "notes", "Note1",
        ] {
            assert!(!Set::is_key(key) && note_place(key).is_none(), "{key}");
        }
    }

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

    #[test]
    fn the_shelf_adds_moves_notes_and_announces() {
        let mut shelf = Shelf::default();
        assert_eq!(shelf.count(), 0);
        assert_eq!(
            shelf.apply(SetAction::Toggle("a".into(), None)).as_deref(),
            Some("Added to set, 1 message")
        );
        shelf.apply(SetAction::Toggle("b".into(), None));
        assert_eq!(
            shelf.apply(SetAction::Toggle("c".into(), None)).as_deref(),
            Some("Added to set, 3 messages")
        );
        // The first view's button, replayed by the full app: adds once, never removes.
        assert_eq!(shelf.apply(SetAction::Add("c".into(), None)), None);
        assert!(shelf.holds("c"));
        shelf.apply(SetAction::Move(2, 0));
        shelf.apply(SetAction::Note(0, "Ask: why?".into()));
        shelf.apply(SetAction::Title("Lesson 1".into()));
        let set = shelf.in_use().unwrap();
        assert_eq!(
            set.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
            ["c", "a", "b"]
        );
        assert_eq!(set.items[0].note, "Ask: why?");
        assert_eq!(
            shelf.apply(SetAction::Toggle("a".into(), None)).as_deref(),
            Some("Removed from set, 2 messages")
        );
        // Places out of range do nothing; nothing panics.
        for action in [
            SetAction::Move(9, 0),
            SetAction::Move(0, 9),
            SetAction::Remove(9),
            SetAction::Note(9, "x".into()),
            SetAction::Open(9),
            SetAction::Rename(9, "x".into()),
            SetAction::Delete(9),
        ] {
            let before = shelf.clone();
            shelf.apply(action);
            assert_eq!(shelf, before);
        }
        // The 41st message is refused with the limit's sentence.
        shelf.apply(SetAction::New);
        for i in 0..MAX_SET_MESSAGES {
            shelf.apply(SetAction::Add(format!("m-{i}"), None));
        }
        let refused = shelf
            .apply(SetAction::Toggle("one-more".into(), None))
            .unwrap();
        assert!(refused.contains("at most 40"), "{refused}");
        assert_eq!(shelf.count(), MAX_SET_MESSAGES);
        // Text past a limit is cut where it is typed (the fields say their limits).
        shelf.apply(SetAction::Title("t".repeat(MAX_TITLE_CHARS + 5)));
        assert_eq!(
            shelf.in_use().unwrap().title.chars().count(),
            MAX_TITLE_CHARS
        );
    }

    #[test]
    fn the_shelf_keeps_every_set_through_storage() {
        let mut shelf = Shelf::default();
        shelf.apply(SetAction::SaveCopy(set(&["a", "b"])));
        shelf.apply(SetAction::New);
        shelf.apply(SetAction::Add("c".into(), None));
        // Notes too long for a link are kept whole on the device.
        shelf.apply(SetAction::SaveCopy(Set {
            items: (0..MAX_SET_MESSAGES)
                .map(|i| SetItem {
                    id: format!("m-{i}"),
                    note: "€ & #\n".repeat(MAX_NOTE_CHARS / 4),
                })
                .collect(),
            ..Set::default()
        }));
        assert!(shelf.in_use().unwrap().to_query().is_err());
        shelf.apply(SetAction::Open(1));
        let back = Shelf::from_storage(&shelf.to_storage());
        assert_eq!(back, shelf);
        // Deleting the set in use leaves none in use; deleting one before it keeps it.
        let mut two = back.clone();
        two.apply(SetAction::Delete(0));
        assert_eq!(two.current, Some(0));
        assert_eq!(two.in_use().unwrap().items[0].id, "c");
        two.apply(SetAction::Delete(0));
        assert_eq!(two.current, None);
        // Storage edited by hand, or from another version, never panics.
        for junk in [
            "",
            "current=9\nmessages=a",
            "x\n\n&&=",
            "current=0\nmessages=BAD,a",
        ] {
            let shelf = Shelf::from_storage(junk);
            assert!(shelf.current.is_none_or(|c| c < shelf.sets.len()));
        }
    }
}
