//! The corpus: the data model of the IGF Messages (meetings, their message sets and
//! coverage, the topic vocabulary, sources) and the read-only lookups over it. Reading a
//! corpus from bytes is `load`'s job; the rules across records are `validate`'s. This
//! module uses no other module of the core.

use serde::{Deserialize, Serialize};

use crate::wording::{self, SetIs};

/// The corpus schema version this code reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The id of the built-in corpus. No file a reader loads may use it, nor one that reads
/// the same (`validate::poses_as_builtin`).
pub const BUILTIN_ID: &str = "igf-messages";

/// The title of the built-in corpus (`tests/corpus.rs` checks `assets/corpus.json` says
/// it). No file a reader loads may use it, nor one that reads the same, nor one that
/// claims to be built in.
pub const BUILTIN_TITLE: &str = "IGF Messages (built-in corpus)";

/// The id a file exported from the built-in corpus carries ([`Corpus::exported_identity`]).
pub const COPY_ID: &str = "igf-messages-copy";

/// The title a file exported from the built-in corpus carries.
pub const COPY_TITLE: &str = "IGF Messages (copy)";

/// A whole corpus: the documents cited, the topic vocabulary, the meetings and their
/// message sets, and the messages themselves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corpus {
    /// Schema version; must equal [`SCHEMA_VERSION`].
    pub version: u32,
    /// A short slug naming this corpus ("igf-messages" for the built-in one); share links
    /// made on another corpus carry it.
    pub id: String,
    /// A human title for the header.
    pub title: String,
    /// The language of the messages, as a BCP 47 tag ("en", "fr", "es-419"); none means
    /// English. Search uses the English equivalences (`assets/equivalences-en.txt`) for a
    /// corpus in English only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The documents cited by facts and messages.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The cross-year topic vocabulary.
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The IGF annual meetings, in chronological order.
    pub meetings: Vec<Meeting>,
    /// The messages, grouped by meeting and in source order within a meeting.
    pub messages: Vec<Message>,
}

/// A document that facts and messages cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable slug.
    pub id: String,
    /// Title as the document gives it.
    pub title: String,
    /// Who published it, where known.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Publication date as precise as known ("December 2017").
    #[serde(default)]
    pub date: Option<String>,
    /// Where it can be read, where known.
    #[serde(default)]
    pub url: Option<String>,
    /// The text file the corpus was taken from (under `tests/data/sources/`).
    #[serde(default)]
    pub file: Option<String>,
    /// Further text files holding other messages of the same source (a later pass of
    /// recovery); the verbatim check looks in these too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<String>,
    /// What a reader should know of this source beyond its title: how it frames what it
    /// quotes (in its own words) and how reliable it is ("quoted the day after the
    /// meeting: probably the draft text").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For a document with no address of its own: the publisher's site as the document
    /// prints it (`http://www.intgovforum.org`), shown as the publisher's site, never as a
    /// link to the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher_site: Option<String>,
}

/// One entry of the cross-year topic vocabulary (an editorial layer over the headings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable slug, used in share links.
    pub id: String,
    /// Display label.
    pub label: String,
    /// One line saying what belongs here.
    #[serde(default)]
    pub description: String,
}

/// An IGF annual meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable slug ("kyoto-2023").
    pub id: String,
    /// Ordinal of the meeting (18 for the 18th IGF), where known.
    #[serde(default)]
    pub number: Option<u32>,
    /// Year the meeting took place.
    pub year: Year,
    /// City and country; `None` for an online meeting.
    #[serde(default)]
    pub place: Option<String>,
    /// Whether the meeting was held online.
    #[serde(default)]
    pub online: bool,
    /// Where the ordinal is stated.
    #[serde(default)]
    pub number_source: Option<Fact>,
    /// The dates, as a cited fact.
    #[serde(default)]
    pub dates: Option<Fact>,
    /// The overarching theme or motto, as a cited fact.
    #[serde(default)]
    pub theme: Option<Fact>,
    /// Figures (participants, countries, sessions), each cited.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The meeting's message set: name, headings and coverage.
    pub message_set: MessageSet,
}

impl Meeting {
    /// A meeting read from a file: its id, year and place, with no cited facts, and a
    /// message set of that name, no headings yet, and partial coverage (of unknown total)
    /// until said otherwise.
    pub fn from_file(
        id: String,
        year: Year,
        place: Option<String>,
        set: Option<String>,
    ) -> Meeting {
        Meeting {
            id,
            number: None,
            year,
            place,
            online: false,
            number_source: None,
            dates: None,
            theme: None,
            figures: Vec::new(),
            message_set: MessageSet {
                name: set,
                headings: Vec::new(),
                coverage: Coverage {
                    status: CoverageStatus::Partial,
                    published_total: None,
                    published_total_source: None,
                    note: None,
                },
            },
        }
    }

    /// Where the meeting took place, as the About page says it: the place, "Online", or
    /// "Not stated".
    pub fn place_label(&self) -> String {
        match (&self.place, self.online) {
            (Some(place), _) => place.clone(),
            (None, true) => "Online".to_string(),
            (None, false) => "Not stated".to_string(),
        }
    }

    /// "Kyoto 2023", "Online 2020": the short name used in lists and facets.
    pub fn short_name(&self) -> String {
        let place = match (&self.place, self.online) {
            (Some(place), _) => place.split(',').next().unwrap_or(place).trim().to_string(),
            (None, true) => "Online".to_string(),
            (None, false) => "IGF".to_string(),
        };
        format!("{place} {}", self.year.0)
    }
}

/// A fact about a meeting with the source that states it and the quoted words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The fact as displayed.
    pub value: String,
    /// Id of the source document.
    pub source: String,
    /// The words of the source that state it (checked to occur in the source).
    pub quote: String,
}

/// A figure about a meeting (participants, countries, sessions), cited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What is counted ("delegates").
    pub label: String,
    /// The figure as the source gives it ("more than 2000").
    pub value: String,
    /// Id of the source document.
    pub source: String,
    /// The words of the source that state it.
    pub quote: String,
}

/// A meeting's set of messages as published: its name, its headings in published order,
/// and how much of it the corpus holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageSet {
    /// Name as published ("Geneva Messages"); `None` where no set exists.
    #[serde(default)]
    pub name: Option<String>,
    /// Session or theme headings, in published order.
    #[serde(default)]
    pub headings: Vec<Heading>,
    /// How much of the published set is included.
    pub coverage: Coverage,
}

/// A session or theme heading of a message set, and the topics it maps to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heading {
    /// Stable slug, unique across the corpus.
    pub id: String,
    /// The heading exactly as published.
    pub name: String,
    /// Topic ids (editorial mapping; at least one).
    pub topics: Vec<String>,
    /// The source whose spelling of the name is used, where sources spell it differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_source: Option<String>,
}

/// How much of a meeting's published message set the corpus holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Complete, partial or none.
    pub status: CoverageStatus,
    /// How many messages were published, where known.
    #[serde(default)]
    pub published_total: Option<u32>,
    /// Where the published total is stated, where a source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_total_source: Option<Fact>,
    /// What is known about the full set and why it is incomplete.
    #[serde(default)]
    pub note: Option<String>,
}

/// Whether a meeting's message set is held in full, in part, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CoverageStatus {
    /// Every published message is included.
    Complete,
    /// Some messages are included.
    Partial,
    /// No message text is included.
    None,
}

impl CoverageStatus {
    /// All statuses, in display order.
    pub const ALL: [CoverageStatus; 3] = [Self::Complete, Self::Partial, Self::None];

    /// The slug used in URLs and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Complete => "complete",
            Self::Partial => "partial",
            Self::None => "none",
        }
    }

    /// Parses the slug written by [`as_str`](Self::as_str).
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == slug)
    }

    /// Display label ("Complete set").
    pub fn label(self) -> &'static str {
        match self {
            Self::Complete => "Complete set",
            Self::Partial => "Partial set",
            Self::None => "No text recovered",
        }
    }
}

/// One message, verbatim, with where it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Stable readable slug; appears in share links and never changes.
    pub id: String,
    /// Id of the meeting.
    pub meeting: String,
    /// Id of the heading it was published under; `None` where the source does not say.
    #[serde(default)]
    pub heading: Option<String>,
    /// The sub-heading as published, where there is one.
    #[serde(default)]
    pub subheading: Option<String>,
    /// The message text, verbatim.
    pub text: String,
    /// Where the text was taken from.
    pub source: SourceRef,
    /// Topics assigned editorially where the heading is not given (marked as such in the UI).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editorial_topics: Vec<String>,
}

/// A reference to a source document and a place in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Id of the source document.
    pub source: String,
    /// Where a reader finds the text in the document ("Session Messages, 3rd bullet"):
    /// shown beside the message and in exports.
    pub locator: String,
    /// Where the curator found it (file and line), for the verbatim check; never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator: Option<String>,
}

/// Whether `url` is a web address (`http:` or `https:`, in any case): the only kind a
/// corpus may give for a source, and the only kind the page makes a link of.
pub fn is_web_address(url: &str) -> bool {
    let scheme = |s: &str| {
        url.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    scheme("http://") || scheme("https://")
}

/// A calendar year of an IGF meeting, between [`Year::MIN`] and [`Year::MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Year(pub u16);

impl Year {
    /// The first IGF met in 2006.
    pub const MIN: u16 = 2006;
    /// A generous upper bound that still catches typos.
    pub const MAX: u16 = 2100;

    /// The year if it is in range.
    pub fn new(year: i64) -> Option<Year> {
        (i64::from(Self::MIN)..=i64::from(Self::MAX))
            .contains(&year)
            .then_some(Year(year as u16))
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(YearVisitor)
    }
}

/// Reads a year, and says what was found instead of one as JSON writes it ("abc" in
/// quotes, `null`, `2.5`), without reading it into a `serde_json::Value` first (whose code
/// the first view would carry for this one message).
struct YearVisitor;

impl YearVisitor {
    fn wrong<E: serde::de::Error>(found: impl std::fmt::Display) -> E {
        E::custom(format!(
            "expected a year between {} and {}, found {found}",
            Year::MIN,
            Year::MAX
        ))
    }
}

impl<'de> serde::de::Visitor<'de> for YearVisitor {
    type Value = Year;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a year between {} and {}", Year::MIN, Year::MAX)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Year, E> {
        Year::new(v).ok_or_else(|| Self::wrong(v))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Year, E> {
        i64::try_from(v)
            .ok()
            .and_then(Year::new)
            .ok_or_else(|| Self::wrong(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Year, E> {
        Err(Self::wrong(
            serde_json::Number::from_f64(v).map_or("a number".into(), |n| n.to_string()),
        ))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Year, E> {
        Err(Self::wrong(format!("{v:?}")))
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Year, E> {
        Err(Self::wrong(v))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Year, E> {
        Err(Self::wrong("null"))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Year, A::Error> {
        Err(Self::wrong("a list"))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<Year, A::Error> {
        Err(Self::wrong("an object"))
    }
}

impl Corpus {
    /// The id and title a file exported from this corpus carries (its name, and the
    /// Markdown export's front matter): its own, except for the built-in corpus, whose
    /// export is a copy, a file of the reader's that reads back and never poses as the
    /// built-in corpus.
    pub fn exported_identity(&self) -> (&str, &str) {
        if self.id == BUILTIN_ID {
            (COPY_ID, COPY_TITLE)
        } else {
            (&self.id, &self.title)
        }
    }

    /// The title of the source with this id (the id itself if it is unknown).
    pub fn source_title(&self, id: &str) -> String {
        self.source(id)
            .map_or_else(|| id.to_string(), |s| s.title.clone())
    }

    /// The labels of these topic ids (an unknown id as itself).
    pub fn topic_labels<S: AsRef<str>>(&self, ids: &[S]) -> Vec<String> {
        ids.iter()
            .map(|id| {
                let id = id.as_ref();
                self.topic(id)
                    .map_or_else(|| id.to_string(), |t| t.label.clone())
            })
            .collect()
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The source document with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The message with this id.
    pub fn message(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// The heading with this id, and the meeting it belongs to.
    pub fn heading(&self, id: &str) -> Option<(&Meeting, &Heading)> {
        self.meetings.iter().find_map(|m| {
            m.message_set
                .headings
                .iter()
                .find(|h| h.id == id)
                .map(|h| (m, h))
        })
    }

    /// The topic ids of a message: those its heading maps to, or its editorial topics
    /// where no heading is given. The flag is true when the topics are editorial.
    pub fn message_topics<'a>(&'a self, message: &'a Message) -> (Vec<&'a str>, bool) {
        match message.heading.as_deref().and_then(|h| self.heading(h)) {
            Some((_, heading)) => (heading.topics.iter().map(String::as_str).collect(), false),
            None => (
                message
                    .editorial_topics
                    .iter()
                    .map(String::as_str)
                    .collect(),
                true,
            ),
        }
    }

    /// How many messages of this meeting the corpus includes.
    pub fn included_count(&self, meeting_id: &str) -> usize {
        self.messages
            .iter()
            .filter(|m| m.meeting == meeting_id)
            .count()
    }

    /// The partial sets in short: "Kyoto 2023 (2 of 89)", "Paris 2018 (5)", in meeting
    /// order, with each meeting's count of included messages (the query module's
    /// `Explorer` keeps them; [`included_count`](Self::included_count) counts them).
    pub fn partial_sets(&self, included: impl Fn(&Meeting) -> usize) -> Vec<String> {
        self.meetings
            .iter()
            .filter(|m| m.message_set.coverage.status == CoverageStatus::Partial)
            .map(|m| {
                let included = included(m);
                match m.message_set.coverage.published_total {
                    Some(total) => format!("{} ({included} of {total})", m.short_name()),
                    None => format!("{} ({included})", m.short_name()),
                }
            })
            .collect()
    }

    /// A plain sentence on a meeting's coverage with its count of included messages
    /// ("Online 2020: 6 messages included (partial; …)"), for lists, headers and exports. A
    /// total that a source states is "reported" (a count by someone else is not the
    /// published document), one given without a source "published".
    pub fn coverage_sentence(meeting: &Meeting, included: usize) -> String {
        let coverage = &meeting.message_set.coverage;
        let set = match (coverage.status, coverage.published_total) {
            (CoverageStatus::Complete, _) => SetIs::Complete,
            (CoverageStatus::Partial, Some(total)) if coverage.published_total_source.is_some() => {
                SetIs::PartOfReported(total)
            }
            (CoverageStatus::Partial, Some(total)) => SetIs::PartOfPublished(total),
            (CoverageStatus::Partial, None) if coverage.note.as_deref() == Some(PASTED_NOTE) => {
                SetIs::Pasted
            }
            (CoverageStatus::Partial, None) => SetIs::Partial,
            (CoverageStatus::None, _) => SetIs::Empty,
        };
        wording::coverage(&meeting.short_name(), included, set)
    }
}

/// What a message's details are made from, resolved from its ids.
pub struct DetailParts<'a> {
    /// Its meeting.
    pub meeting: Option<&'a Meeting>,
    /// Its heading's name as published, where it has one.
    pub heading: Option<&'a str>,
    /// Its topics' labels.
    pub topics: Vec<String>,
    /// Whether the topics are editorial.
    pub editorial: bool,
    /// Its source document.
    pub source: Option<&'a Source>,
}

/// Everything shown beside a message: names resolved from ids, ready to display.
#[derive(Debug, Clone, PartialEq)]
pub struct MessageDetails {
    /// "Geneva 2017".
    pub meeting: String,
    /// The message set's name as published, where known.
    pub set_name: Option<String>,
    /// The heading as published, or `None` where the source does not give it.
    pub heading: Option<String>,
    /// The sub-heading as published.
    pub subheading: Option<String>,
    /// Topic labels.
    pub topics: Vec<String>,
    /// Whether the topics were assigned editorially (no heading given).
    pub editorial: bool,
    /// The source document's title.
    pub source_title: String,
    /// The source document's URL, where known.
    pub source_url: Option<String>,
    /// Who published the source and when, as far as known ("Internet Governance Forum,
    /// December 2017").
    pub source_byline: Option<String>,
    /// What a reader should know of the source (its framing, its reliability).
    pub source_note: Option<String>,
    /// For a source with no address: its publisher's site as the document prints it.
    pub publisher_site: Option<String>,
    /// Where in the source the text stands.
    pub locator: String,
    /// The coverage sentence of the message's meeting.
    pub coverage: String,
    /// Whether the message's meeting is a partial set (said wherever the message is).
    pub partial: bool,
}

// The sentences about the data are the wording module's; these are here too, where the
// model's readers look for them.
pub use crate::wording::{EDITORIAL_MARK, HEADING_NOT_GIVEN, LOCATOR_NOT_GIVEN, PASTED_NOTE};

impl MessageDetails {
    /// The heading as published, or [`HEADING_NOT_GIVEN`].
    pub fn heading_or_note(&self) -> String {
        self.heading
            .clone()
            .unwrap_or_else(|| HEADING_NOT_GIVEN.to_string())
    }

    /// The topic labels, followed by [`EDITORIAL_MARK`] where they are editorial.
    pub fn topics_line(&self) -> String {
        let mark = if self.editorial { EDITORIAL_MARK } else { "" };
        format!("{}{mark}", self.topics.join(", "))
    }
}

impl Corpus {
    /// Resolves the ids around a message for display, with its meeting's coverage sentence
    /// (the query module's `Explorer::details` gives it from the counts it keeps).
    pub fn details(&self, message: &Message, coverage: String) -> MessageDetails {
        let meeting = self.meeting(&message.meeting);
        let (topic_ids, editorial) = self.message_topics(message);
        let heading = message.heading.as_deref().and_then(|h| self.heading(h));
        let source = self.source(&message.source.source);
        let topics = self.topic_labels(&topic_ids);
        let parts = DetailParts {
            meeting,
            heading: heading.map(|(_, h)| h.name.as_str()),
            topics,
            editorial,
            source,
        };
        Self::details_of(message, parts, coverage)
    }

    /// [`details`](Self::details) from parts already resolved (the query module's
    /// `Explorer` resolves them by position, in constant time per message).
    pub fn details_of(message: &Message, parts: DetailParts, coverage: String) -> MessageDetails {
        let DetailParts {
            meeting,
            heading,
            topics,
            editorial,
            source,
        } = parts;
        MessageDetails {
            meeting: meeting
                .map(Meeting::short_name)
                .unwrap_or_else(|| message.meeting.clone()),
            set_name: meeting.and_then(|m| m.message_set.name.clone()),
            heading: heading.map(str::to_string),
            subheading: message.subheading.clone(),
            topics,
            editorial,
            source_title: source.map_or_else(|| message.source.source.clone(), |s| s.title.clone()),
            source_url: source
                .and_then(|s| s.url.clone())
                .filter(|url| is_web_address(url)),
            source_byline: source.and_then(|s| {
                let parts: Vec<&str> = [s.publisher.as_deref(), s.date.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            }),
            source_note: source.and_then(|s| s.note.clone()),
            publisher_site: source
                .filter(|s| s.url.is_none())
                .and_then(|s| s.publisher_site.clone())
                .filter(|url| is_web_address(url)),
            locator: message.source.locator.clone(),
            coverage,
            partial: meeting
                .is_some_and(|m| m.message_set.coverage.status != CoverageStatus::Complete),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_corpus_loads() {
        let corpus = Corpus::builtin().expect("built-in corpus parses");
        assert_eq!(crate::validate::check(&corpus), []);
        assert_eq!(corpus.version, SCHEMA_VERSION);
        assert_eq!(corpus.messages.len(), 77);
        assert_eq!(corpus.meetings.len(), 9);
    }

    #[test]
    fn coverage_sentences_say_what_is_included() {
        let corpus = Corpus::builtin().unwrap();
        let check = |id: &str, expected: &str| {
            let meeting = corpus.meeting(id).unwrap();
            let included = corpus.included_count(id);
            assert_eq!(Corpus::coverage_sentence(meeting, included), expected);
        };
        check(
            "kyoto-2023",
            "Kyoto 2023: 2 of a reported 89 messages included (partial)",
        );
        check(
            "geneva-2017",
            "Geneva 2017: complete set, 48 messages included",
        );
        check(
            "addis-ababa-2022",
            "Addis Ababa 2022: no message text included",
        );
        check(
            "online-2020",
            "Online 2020: 6 messages included (partial; published total not known)",
        );
    }

    #[test]
    fn year_range_is_reported_with_the_found_value() {
        let err = serde_json::from_str::<Year>("\"abc\"").unwrap_err();
        assert!(err
            .to_string()
            .contains("expected a year between 2006 and 2100, found \"abc\""));
        assert!(serde_json::from_str::<Year>("1999").is_err());
        assert_eq!(serde_json::from_str::<Year>("2023").unwrap(), Year(2023));
        // What was found, as JSON writes it.
        for (json, found) in [
            ("1999", "found 1999"),
            ("-5", "found -5"),
            ("99999999999999999999", "found 1e+20"),
            ("2023.5", "found 2023.5"),
            ("null", "found null"),
            ("true", "found true"),
            ("\"a\\\"b\"", "found \"a\\\"b\""),
            ("[2023]", "found a list"),
            ("{}", "found an object"),
        ] {
            let err = serde_json::from_str::<Year>(json).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("expected a year between 2006 and 2100, {found}")),
                "{json}: {err}"
            );
        }
    }

    #[test]
    fn topics_of_a_message_come_from_its_heading_or_are_editorial() {
        let corpus = Corpus::builtin().unwrap();
        let gender = corpus.message("geneva-2017-gender-1").unwrap();
        assert_eq!(
            corpus.message_topics(gender),
            (vec!["access-inclusion", "human-rights"], false)
        );
        let kyoto = corpus.message("kyoto-2023-children-1").unwrap();
        assert!(corpus.message_topics(kyoto).1);
    }
}
