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
//! | `heading` | no | the session or theme heading, as published |
//! | `subheading` | no | the sub-heading, as published |
//! | `locator` | no | where in the source (page, section) |
//! | `topics` | no | topic labels separated by `;` |
//! | `coverage` | no | `complete` if the rows hold a meeting's whole set, else partial |
//!
//! The corpus built from it goes through the same validation as a JSON file.

use std::collections::BTreeMap;

use super::corpus::{
    Corpus, Coverage, CoverageStatus, Heading, Meeting, Message, MessageSet, Source, SourceRef,
    Topic, Year, SCHEMA_VERSION,
};
use super::validate::{check, Problem};

/// The columns a CSV must have.
pub const REQUIRED_COLUMNS: [&str; 4] = ["meeting", "year", "text", "source"];
/// The columns a CSV may have besides the required ones.
pub const OPTIONAL_COLUMNS: [&str; 6] = [
    "id",
    "heading",
    "subheading",
    "locator",
    "topics",
    "coverage",
];

/// A readable slug from any text: lowercase ASCII letters and digits joined by hyphens.
pub fn slugify(text: &str) -> String {
    let folded = super::search::fold(text);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "x".into()
    } else {
        slug
    }
}

/// Builds a corpus from CSV text. Returns every problem found (with the row and column),
/// never panics.
pub fn corpus_from_csv(text: &str, title: &str) -> Result<Corpus, Vec<Problem>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => {
            return Err(vec![Problem::new(
                "row 1",
                format!("the header row cannot be read: {e}"),
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
            format!(
                "missing column(s) {}; the header must name {}",
                missing.join(", "),
                REQUIRED_COLUMNS.join(", ")
            ),
        ));
    }
    for header in &headers {
        if !REQUIRED_COLUMNS.contains(&header.as_str())
            && !OPTIONAL_COLUMNS.contains(&header.as_str())
        {
            problems.push(Problem::new(
                "row 1",
                format!("unknown column \"{header}\""),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let column = |name: &str| headers.iter().position(|h| h == name);

    let mut meetings: BTreeMap<(u16, String), Meeting> = BTreeMap::new();
    let mut topics: Vec<Topic> = Vec::new();
    let mut sources: Vec<Source> = Vec::new();
    let mut messages: Vec<Message> = Vec::new();
    let mut complete: BTreeMap<(u16, String), bool> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::new(format!("row {row}"), csv_error(&e)));
                continue;
            }
        };
        let get = |name: &str| {
            column(name)
                .and_then(|c| record.get(c))
                .map(str::trim)
                .unwrap_or("")
        };
        let mut bad = |name: &str, message: String| {
            problems.push(Problem::new(
                format!("row {row}, column \"{name}\""),
                message,
            ))
        };
        let (meeting_name, year_text, text, source) =
            (get("meeting"), get("year"), get("text"), get("source"));
        if meeting_name.is_empty() {
            bad("meeting", "is empty".into());
        }
        let year = year_text.parse::<i64>().ok().and_then(Year::new);
        if year.is_none() {
            bad(
                "year",
                format!(
                    "expected a year between {} and {}, found \"{year_text}\"",
                    Year::MIN,
                    Year::MAX
                ),
            );
        }
        if text.is_empty() {
            bad("text", "is empty".into());
        }
        if source.is_empty() {
            bad(
                "source",
                "is empty: every message must say where it was published".into(),
            );
        }
        let (Some(year), false, false, false) = (
            year,
            meeting_name.is_empty(),
            text.is_empty(),
            source.is_empty(),
        ) else {
            continue;
        };
        let key = (year.0, meeting_name.to_string());
        let meeting_id = format!("{}-{}", slugify(meeting_name), year.0);
        let meeting = meetings.entry(key.clone()).or_insert_with(|| Meeting {
            id: meeting_id.clone(),
            number: None,
            year,
            place: Some(meeting_name.to_string()),
            online: false,
            number_source: None,
            dates: None,
            theme: None,
            figures: Vec::new(),
            message_set: MessageSet {
                name: Some(format!("{meeting_name} {} messages", year.0)),
                headings: Vec::new(),
                coverage: Coverage {
                    status: CoverageStatus::Partial,
                    published_total: None,
                    note: Some("Loaded from a CSV file.".into()),
                },
            },
        });
        if get("coverage").eq_ignore_ascii_case("complete") {
            complete.insert(key.clone(), true);
        }
        let topic_ids: Vec<String> = get("topics")
            .split(';')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|label| {
                let id = slugify(label);
                if !topics.iter().any(|t| t.id == id) {
                    topics.push(Topic {
                        id: id.clone(),
                        label: label.to_string(),
                        description: String::new(),
                    });
                }
                id
            })
            .collect();
        let heading_name = get("heading");
        let heading = (!heading_name.is_empty()).then(|| {
            let id = format!("{}-{}", meeting_id, slugify(heading_name));
            match meeting.message_set.headings.iter_mut().find(|h| h.id == id) {
                Some(h) => {
                    for t in &topic_ids {
                        if !h.topics.contains(t) {
                            h.topics.push(t.clone());
                        }
                    }
                }
                None => meeting.message_set.headings.push(Heading {
                    id: id.clone(),
                    name: heading_name.to_string(),
                    topics: topic_ids.clone(),
                }),
            }
            id
        });
        let source_id = slugify(source);
        if !sources.iter().any(|s| s.id == source_id) {
            let is_url = source.starts_with("http://") || source.starts_with("https://");
            sources.push(Source {
                id: source_id.clone(),
                title: source.to_string(),
                publisher: None,
                date: None,
                url: is_url.then(|| source.to_string()),
                file: None,
            });
        }
        let id = match get("id") {
            "" => format!("{meeting_id}-{row}"),
            id => id.to_string(),
        };
        messages.push(Message {
            id,
            meeting: meeting_id,
            editorial_topics: if heading.is_none() {
                topic_ids
            } else {
                Vec::new()
            },
            heading,
            subheading: Some(get("subheading").to_string()).filter(|s| !s.is_empty()),
            text: text.to_string(),
            source: SourceRef {
                source: source_id,
                locator: match get("locator") {
                    "" => format!("CSV row {row}"),
                    l => l.to_string(),
                },
            },
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for (key, meeting) in &mut meetings {
        if complete.contains_key(key) {
            meeting.message_set.coverage.status = CoverageStatus::Complete;
        }
        // A heading with no topic is mapped to a topic named after it, so that the
        // mapping rule (every heading has a topic) holds without inventing one.
        for heading in &mut meeting.message_set.headings {
            if heading.topics.is_empty() {
                let id = slugify(&heading.name);
                if !topics.iter().any(|t| t.id == id) {
                    topics.push(Topic {
                        id: id.clone(),
                        label: heading.name.clone(),
                        description: "A heading of the loaded file.".into(),
                    });
                }
                heading.topics.push(id);
            }
        }
    }
    let corpus = Corpus {
        version: SCHEMA_VERSION,
        id: slugify(title),
        title: title.to_string(),
        sources,
        topics,
        meetings: meetings.into_values().collect(),
        messages,
    };
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
        assert_eq!(corpus.messages[1].source.locator, "CSV row 3");
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

    #[test]
    fn slugs() {
        assert_eq!(slugify("Kyoto IGF 2023!"), "kyoto-igf-2023");
        assert_eq!(slugify("Côte d’Ivoire"), "cote-d-ivoire");
        assert_eq!(slugify("***"), "x");
    }
}
