//! Reading a teacher's CSV into a corpus. One message per row, with a header row naming
//! the columns (in any order):
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `meeting` | yes | the meeting's name, e.g. "Geneva" or "Kyoto IGF" |
//! | `year` | yes | the meeting's year (2006–2100) |
//! | `text` | yes | the message, verbatim |
//! | `source` | yes | where it was published (a title or a web address) |
//! | `id` | no | a stable slug; made from meeting, year and row number if missing |
//! | `source url` | no | the source's web address, where `source` is its title |
//! | `heading` | no | the session or theme heading, as published |
//! | `subheading` | no | the sub-heading, as published |
//! | `locator` | no | where in the source (page, section) |
//! | `topics` | no | topic labels separated by `;` |
//! | `coverage` | no | `complete` if the rows hold a meeting's whole set, else partial |
//!
//! Ids are made from names: the same name always gets the same id, and two different
//! names never share one (the second gets `-2`), so two sources, headings, topics or
//! meetings are never merged because their names look alike. A heading maps to one set of
//! topics, so rows under one heading list the same topics or leave the cell empty.
//!
//! The app's own CSV export reads back: its extra columns are understood (`source url`),
//! its markers undone (a heading [`HEADING_NOT_GIVEN`], topics marked
//! [`EDITORIAL_MARK`], the `'` that guards a cell starting with `=`, `+`, `-` or `@`), and its
//! coverage sentences read as partial (an export is a selection, never a whole set).
//!
//! The corpus built from it goes through the same validation as a JSON file. Every
//! lookup is by hash, so the time grows linearly with the rows.

use std::collections::{HashMap, HashSet};

use super::corpus::{
    Corpus, CoverageStatus, Heading, Meeting, Message, Source, SourceRef, Topic, Year,
    LOCATOR_NOT_GIVEN, SCHEMA_VERSION,
};
use super::text::slugify;
use super::validate::{check, Problem, ProblemKind, MAX_MESSAGES};

pub use super::wording::{
    CSV_EDITORIAL_MARK as EDITORIAL_MARK, CSV_HEADING_NOT_GIVEN as HEADING_NOT_GIVEN,
};

/// The columns a CSV must have.
pub const REQUIRED_COLUMNS: [&str; 4] = ["meeting", "year", "text", "source"];
/// The columns a CSV may have besides the required ones.
pub const OPTIONAL_COLUMNS: [&str; 7] = [
    "id",
    "heading",
    "subheading",
    "locator",
    "topics",
    "coverage",
    "source url",
];

/// Ids made from names. The same name always gets the same id; a different name whose
/// slug is taken gets the next free `-2`, `-3`, …, so look-alike names stay apart.
#[derive(Default)]
pub(super) struct Ids {
    by_name: HashMap<String, String>,
    taken: HashSet<String>,
    /// The next suffix to try for a slug, so that many look-alikes stay linear.
    next: HashMap<String, usize>,
}

impl Ids {
    /// The id of `name`, made from `slug` if the name is new; and whether it is new.
    pub(super) fn of(&mut self, name: &str, slug: impl FnOnce() -> String) -> (String, bool) {
        if let Some(id) = self.by_name.get(name) {
            return (id.clone(), false);
        }
        let base = fit(slug());
        let mut id = base.clone();
        while self.taken.contains(&id) {
            let n = self.next.entry(base.clone()).or_insert(2);
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.taken.insert(id.clone());
        self.by_name.insert(name.to_string(), id.clone());
        (id, true)
    }
}

/// A corpus being read from a file, shared by the CSV and the Markdown readers: its
/// lists in the order found, and the ids each makes from names ([`Ids`]).
#[derive(Default)]
pub(super) struct CorpusBuilder {
    pub(super) meetings: Vec<Meeting>,
    pub(super) topics: Vec<Topic>,
    pub(super) sources: Vec<Source>,
    pub(super) messages: Vec<Message>,
    pub(super) meeting_ids: Ids,
    pub(super) heading_ids: Ids,
    pub(super) topic_ids: Ids,
    pub(super) source_ids: Ids,
}

impl CorpusBuilder {
    /// The id of the topic with this label, added with `description` if it is new.
    pub(super) fn topic(&mut self, label: &str, description: &str) -> String {
        let (id, new) = self.topic_ids.of(label, || slugify(label));
        if new {
            self.topics.push(Topic {
                id: id.clone(),
                label: label.to_string(),
                description: description.to_string(),
            });
        }
        id
    }

    /// The corpus read, under this id and title (not yet validated).
    pub(super) fn finish(self, id: String, title: String) -> Corpus {
        Corpus {
            language: None,
            version: SCHEMA_VERSION,
            id,
            title,
            sources: self.sources,
            topics: self.topics,
            meetings: self.meetings,
            messages: self.messages,
        }
    }
}

/// A made id cut to 90 characters (at a hyphen boundary's end), so that with a `-2`
/// suffix it stays within the 100 characters a slug may have.
fn fit(slug: String) -> String {
    const MAX: usize = 90;
    if slug.len() <= MAX {
        return slug;
    }
    slug[..MAX].trim_end_matches('-').to_string()
}

/// The columns of a CSV, by name.
struct Columns(Vec<String>);

impl Columns {
    /// Reads the header row; every problem with it (missing or unknown columns).
    fn read(reader: &mut csv::Reader<&[u8]>) -> Result<Columns, Vec<Problem>> {
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
            Err(e) => {
                return Err(vec![Problem::new(
                    "row 1",
                    ProblemKind::HeaderUnreadable(e.to_string()),
                )])
            }
        };
        let mut problems = Vec::new();
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .iter()
            .copied()
            .filter(|c| !headers.iter().any(|h| h == c))
            .collect();
        if !missing.is_empty() {
            problems.push(Problem::new(
                "row 1",
                ProblemKind::MissingColumns {
                    missing: missing.join(", "),
                    required: REQUIRED_COLUMNS.join(", "),
                },
            ));
        }
        for header in &headers {
            if !REQUIRED_COLUMNS.contains(&header.as_str())
                && !OPTIONAL_COLUMNS.contains(&header.as_str())
            {
                problems.push(Problem::new(
                    "row 1",
                    ProblemKind::UnknownColumn(header.clone()),
                ));
            }
        }
        if problems.is_empty() {
            Ok(Columns(headers))
        } else {
            Err(problems)
        }
    }

    /// The cell of column `name` in `record`, with the export's formula guard undone and
    /// (but for the message text, which is kept exactly as written) trimmed; empty when
    /// the column is absent.
    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        let cell = self
            .0
            .iter()
            .position(|h| h == name)
            .and_then(|c| record.get(c))
            .unwrap_or("");
        let cell = unguard_cell(cell);
        if name == "text" {
            cell
        } else {
            cell.trim()
        }
    }
}

/// A cell made safe for spreadsheets: one that starts (after any spaces, which
/// spreadsheets skip) with `=`, `+`, `-`, `@`, their full-width forms (`＝` `＋` `－` `＠`,
/// which some spreadsheets read as the same), a tab or a carriage return gets a leading
/// `'`; so does one that already starts with `'` before such a character, so that the
/// reader's removal of one `'` gives back exactly what was written.
pub fn guard_cell(cell: &str) -> String {
    if needs_guard(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Whether a spreadsheet could take `cell` for a formula (or a guarded one).
fn needs_guard(cell: &str) -> bool {
    const RUNS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    let start = cell.trim_start_matches(' ');
    start.starts_with(RUNS)
        || cell
            .strip_prefix('\'')
            .is_some_and(|rest| rest.starts_with('\'') || needs_guard(rest))
}

/// A cell as written before [`guard_cell`]: its one guarding `'` removed.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => cell,
    }
}

/// One valid row's values.
struct Row<'r> {
    number: usize,
    meeting: &'r str,
    year: Year,
    text: &'r str,
    source: &'r str,
    source_url: &'r str,
    id: &'r str,
    heading: &'r str,
    subheading: &'r str,
    locator: &'r str,
    topics: Vec<&'r str>,
    complete: bool,
}

/// Reads one record into a [`Row`], or reports what is wrong with it.
fn read_row<'r>(
    columns: &Columns,
    record: &'r csv::StringRecord,
    number: usize,
    problems: &mut Vec<Problem>,
) -> Option<Row<'r>> {
    let get = |name: &str| columns.get(record, name);
    let mut bad = |name: &str, kind: ProblemKind| {
        problems.push(Problem::new(
            format!("row {number}, column \"{name}\""),
            kind,
        ))
    };
    let (meeting, year_text, text, source) =
        (get("meeting"), get("year"), get("text"), get("source"));
    if meeting.is_empty() {
        bad("meeting", ProblemKind::EmptyCell);
    }
    let year = year_text.parse::<i64>().ok().and_then(Year::new);
    if year.is_none() {
        bad(
            "year",
            ProblemKind::BadYear {
                found: year_text.to_string(),
                min: Year::MIN,
                max: Year::MAX,
            },
        );
    }
    if text.is_empty() {
        bad("text", ProblemKind::EmptyCell);
    }
    if source.is_empty() {
        bad("source", ProblemKind::NoSource);
    }
    let year = year?;
    if meeting.is_empty() || text.is_empty() || source.is_empty() {
        return None;
    }
    // The export names a meeting with its year ("Geneva 2017"); the year has its column.
    let meeting = meeting
        .strip_suffix(&year.0.to_string())
        .map(str::trim_end)
        .filter(|m| !m.is_empty())
        .unwrap_or(meeting);
    let heading = match get("heading") {
        HEADING_NOT_GIVEN => "",
        heading => heading,
    };
    let topics = get("topics");
    let topics = topics.strip_suffix(EDITORIAL_MARK).unwrap_or(topics);
    Some(Row {
        number,
        meeting,
        year,
        text,
        source,
        source_url: get("source url"),
        id: get("id"),
        heading,
        subheading: get("subheading"),
        locator: get("locator"),
        topics: topics
            .split(';')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect(),
        complete: get("coverage").eq_ignore_ascii_case("complete"),
    })
}

/// Builds the corpus row by row.
#[derive(Default)]
struct Builder {
    corpus: CorpusBuilder,
    meeting_at: HashMap<(u16, String), usize>,
    complete: HashSet<usize>,
    /// (meeting, heading name) -> (position in its meeting, the row that named it first).
    heading_at: HashMap<(usize, String), (usize, usize)>,
}

impl Builder {
    fn meeting(&mut self, name: &str, year: Year) -> usize {
        let key = (year.0, name.to_string());
        if let Some(&at) = self.meeting_at.get(&key) {
            return at;
        }
        let (id, _) = self
            .corpus
            .meeting_ids
            .of(&format!("{name}\u{0}{}", year.0), || {
                format!("{}-{}", slugify(name), year.0)
            });
        let mut meeting = Meeting::from_file(
            id,
            year,
            Some(name.to_string()),
            Some(format!("{name} {} messages", year.0)),
        );
        meeting.message_set.coverage.note = Some(super::wording::CSV_NOTE.into());
        self.corpus.meetings.push(meeting);
        self.meeting_at.insert(key, self.corpus.meetings.len() - 1);
        self.corpus.meetings.len() - 1
    }

    fn source(&mut self, title: &str, url: &str) -> String {
        let key = format!("{title}\u{0}{url}");
        let (id, new) = self.corpus.source_ids.of(&key, || slugify(title));
        if new {
            let is_web = super::corpus::is_web_address;
            let url = if url.is_empty() { title } else { url };
            self.corpus.sources.push(Source {
                id: id.clone(),
                title: title.to_string(),
                publisher: None,
                date: None,
                url: is_web(url).then(|| url.to_string()),
                file: None,
                also_in: Vec::new(),
                note: None,
                publisher_site: None,
            });
        }
        id
    }

    /// The heading's id; a row that lists other topics than the heading's is a problem.
    fn heading(
        &mut self,
        meeting: usize,
        row: &Row,
        topic_ids: &[String],
        problems: &mut Vec<Problem>,
    ) -> String {
        let key = (meeting, row.heading.to_string());
        let meeting_id = self.corpus.meetings[meeting].id.clone();
        let headings = &mut self.corpus.meetings[meeting].message_set.headings;
        match self.heading_at.get(&key) {
            Some(&(at, first_row)) => {
                let heading = &mut headings[at];
                if heading.topics.is_empty() {
                    heading.topics = topic_ids.to_vec();
                } else if !topic_ids.is_empty() && !same_set(&heading.topics, topic_ids) {
                    problems.push(Problem::new(
                        format!("row {}, column \"topics\"", row.number),
                        ProblemKind::ConflictingTopics {
                            first_row,
                            heading: row.heading.to_string(),
                        },
                    ));
                }
                heading.id.clone()
            }
            None => {
                let (id, _) = self
                    .corpus
                    .heading_ids
                    .of(&format!("{meeting}\u{0}{}", row.heading), || {
                        format!("{meeting_id}-{}", slugify(row.heading))
                    });
                headings.push(Heading {
                    id: id.clone(),
                    name: row.heading.to_string(),
                    topics: topic_ids.to_vec(),
                    name_source: None,
                });
                self.heading_at
                    .insert(key, (headings.len() - 1, row.number));
                id
            }
        }
    }

    fn add(&mut self, row: &Row, problems: &mut Vec<Problem>) {
        let meeting = self.meeting(row.meeting, row.year);
        if row.complete {
            self.complete.insert(meeting);
        }
        let topic_ids: Vec<String> = row
            .topics
            .iter()
            .map(|t| self.corpus.topic(t, ""))
            .collect();
        let heading =
            (!row.heading.is_empty()).then(|| self.heading(meeting, row, &topic_ids, problems));
        let source = self.source(row.source, row.source_url);
        let meeting_id = self.corpus.meetings[meeting].id.clone();
        self.corpus.messages.push(Message {
            id: match row.id {
                "" => format!("{meeting_id}-{}", row.number),
                id => id.to_string(),
            },
            meeting: meeting_id,
            editorial_topics: if heading.is_none() {
                topic_ids
            } else {
                Vec::new()
            },
            heading,
            subheading: Some(row.subheading.to_string()).filter(|s| !s.is_empty()),
            text: row.text.to_string(),
            // Without a locator, the reader is told so; the row is for the curator only.
            source: SourceRef {
                source,
                locator: match row.locator {
                    "" => LOCATOR_NOT_GIVEN.to_string(),
                    l => l.to_string(),
                },
                curator: Some(format!("CSV row {}", row.number)),
            },
        });
    }

    fn finish(mut self, title: &str) -> Corpus {
        for (at, meeting) in self.corpus.meetings.iter_mut().enumerate() {
            if self.complete.contains(&at) {
                meeting.message_set.coverage.status = CoverageStatus::Complete;
            }
        }
        // A heading with no topic is mapped to a topic named after it, so that the
        // mapping rule (every heading has a topic) holds without inventing one.
        let mut untopiced = Vec::new();
        for (mi, meeting) in self.corpus.meetings.iter().enumerate() {
            for (hi, heading) in meeting.message_set.headings.iter().enumerate() {
                if heading.topics.is_empty() {
                    untopiced.push((mi, hi, heading.name.clone()));
                }
            }
        }
        for (mi, hi, name) in untopiced {
            let id = self.corpus.topic(&name, "A heading of the loaded file.");
            self.corpus.meetings[mi].message_set.headings[hi]
                .topics
                .push(id);
        }
        // Meetings in year order, then by name, as before.
        self.corpus
            .meetings
            .sort_by(|a, b| (a.year.0, &a.place).cmp(&(b.year.0, &b.place)));
        self.corpus.finish(slugify(title), title.to_string())
    }
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<&String> = a.iter().collect();
    let mut b: Vec<&String> = b.iter().collect();
    a.sort();
    b.sort();
    a.dedup();
    b.dedup();
    a == b
}

/// Builds a corpus from CSV text. Returns every problem found (with the row and column),
/// never panics.
pub fn corpus_from_csv(text: &str, title: &str) -> Result<Corpus, Vec<Problem>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let columns = Columns::read(&mut reader)?;
    let mut problems = Vec::new();
    let mut builder = Builder::default();
    for (i, record) in reader.records().enumerate() {
        let number = i + 2;
        // Over the limit, the file is refused at once, not read to its end first.
        if i == MAX_MESSAGES {
            let count = i + 1 + reader.records().count();
            return Err(vec![Problem::new(
                "messages",
                ProblemKind::TooMany {
                    what: "messages",
                    count,
                    limit: MAX_MESSAGES,
                },
            )]);
        }
        match record {
            Ok(record) => {
                if let Some(row) = read_row(&columns, &record, number, &mut problems) {
                    builder.add(&row, &mut problems);
                }
            }
            Err(e) => problems.push(Problem::new(
                format!("row {number}"),
                ProblemKind::BadRow(csv_error(&e)),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let corpus = builder.finish(title);
    let problems = check(&corpus);
    if problems.is_empty() {
        Ok(corpus)
    } else {
        Err(problems)
    }
}

fn csv_error(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} cells; the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text".into(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "meeting,year,heading,text,source,locator,topics\n\
        Geneva,2017,Gender Inclusion,\"The digital divide facilitates discrimination of women and girls.\",IGF 2017 Chair's Summary,p. 9,Access; Human rights\n\
        Kyoto,2023,,\"Children have the right to safe, inclusive spaces.\",https://example.org/kyoto,,Safety\n";

    #[test]
    fn a_teachers_csv_becomes_a_valid_corpus() {
        let corpus = corpus_from_csv(GOOD, "Class 3B").unwrap();
        assert_eq!(corpus.id, "class-3b");
        assert_eq!(corpus.messages.len(), 2);
        assert_eq!(
            corpus
                .meetings
                .iter()
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>(),
            ["geneva-2017", "kyoto-2023"]
        );
        assert_eq!(corpus.messages[0].id, "geneva-2017-2");
        assert_eq!(
            corpus.messages[0].heading.as_deref(),
            Some("geneva-2017-gender-inclusion")
        );
        assert_eq!(corpus.messages[1].editorial_topics, ["safety"]);
        assert_eq!(
            corpus.sources[1].url.as_deref(),
            Some("https://example.org/kyoto")
        );
        assert_eq!(
            corpus.messages[1].source.locator,
            "Place in the source not given"
        );
        assert_eq!(
            corpus.messages[1].source.curator.as_deref(),
            Some("CSV row 3")
        );
    }

    fn problems(csv: &str) -> Vec<String> {
        corpus_from_csv(csv, "t")
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn bad_csv_gives_row_and_column() {
        assert_eq!(problems("meeting,text\nGeneva,x\n"), ["row 1: missing column(s) year, source; the header must name meeting, year, text, source"]);
        assert_eq!(
            problems("meeting,year,text,source\nGeneva,2017,x\nKyoto,2023,y,z\n"),
            ["row 2: has 3 cells; the header has 4"]
        );
        assert_eq!(
            problems("meeting,year,text,source\nGeneva,abc,,s\n"),
            [
                "row 2, column \"year\": expected a year between 2006 and 2100, found \"abc\"",
                "row 2, column \"text\": is empty"
            ]
        );
        assert_eq!(
            problems("meeting,year,text,source,colour\n"),
            ["row 1: unknown column \"colour\""]
        );
        assert_eq!(
            problems("id,meeting,year,text,source\na,G,2017,x,s\na,G,2017,y,s\n"),
            ["messages[1].id: duplicate id \"a\""]
        );
        assert!(!problems("").is_empty());
    }
}
