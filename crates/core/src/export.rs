//! Exports: chart numbers as CSV (and, with the classroom, selections of messages). CSV is
//! written with the `csv` crate (quoting, UTF-8) and guarded against formula injection:
//! a cell that a spreadsheet could run (see [`guard_cell`]) gets a leading `'` so that it
//! shows as text; the CSV reader removes exactly that `'` again, so an export reads back
//! to the same text.

use serde::Serialize;

use super::chart::{TermSeries, TopicSeries};
use super::corpus::{Message, MessageDetails};
pub use super::import::guard_cell;
use super::import::{EDITORIAL_MARK, HEADING_NOT_GIVEN};
use super::markdown::write_markdown;
use super::query::{Explorer, Facet, Selection, Sort};
use super::set::{Set, SetFormat, MARKDOWN_MARK};

/// Writes rows as CSV with a UTF-8 byte-order mark (so spreadsheets read accents right).
pub fn csv<I, R>(header: &[&str], rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = String>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(header.iter().map(|h| guard_cell(h)));
    for row in rows {
        let _ = writer.write_record(row.into_iter().map(|c| guard_cell(&c)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&bytes))
}

/// The first cells of a chart row: the meeting, its coverage and its messages included.
fn column_cells(column: &super::chart::Column) -> [String; 3] {
    let coverage = if column.partial {
        "partial"
    } else {
        "complete"
    };
    [
        column.name.clone(),
        coverage.to_string(),
        column.included.to_string(),
    ]
}

fn percent(share: Option<f64>) -> String {
    share.map_or_else(String::new, super::stats::percent)
}

/// The topic chart's numbers: one row per meeting and topic.
pub fn topic_csv(series: &TopicSeries) -> String {
    let rows = series.columns.iter().enumerate().flat_map(|(c, column)| {
        series
            .topics
            .iter()
            .enumerate()
            .map(move |(t, (_, label))| {
                let [name, coverage, included] = column_cells(column);
                vec![
                    name,
                    coverage,
                    included,
                    label.clone(),
                    series.counts[t][c].to_string(),
                    percent(series.share(t, c)),
                ]
            })
    });
    csv(
        &[
            "meeting",
            "coverage",
            "messages included",
            "topic",
            "messages under topic",
            "percent of included",
        ],
        rows,
    )
}

/// The term chart's numbers: one row per term and meeting.
pub fn term_csv(series: &TermSeries) -> String {
    let rows = series.terms.iter().enumerate().flat_map(|(t, term)| {
        series.columns.iter().enumerate().map(move |(c, column)| {
            let [name, coverage, included] = column_cells(column);
            vec![
                term.clone(),
                name,
                coverage,
                included,
                series.counts[t][c].to_string(),
                percent(series.share(t, c)),
            ]
        })
    });
    csv(
        &[
            "term",
            "meeting",
            "coverage",
            "messages included",
            "messages mentioning",
            "percent of included",
        ],
        rows,
    )
}

/// The filters that made a selection, one line each ("Meeting: Geneva 2017, Kyoto 2023"),
/// for handouts and exports; "All messages" when nothing is chosen.
pub fn describe_selection(explorer: &Explorer, selection: &Selection) -> Vec<String> {
    let corpus = explorer.corpus();
    let mut lines = Vec::new();
    if !selection.text.trim().is_empty() {
        // What was searched besides the words typed, unless the search was exact.
        let also = match selection.exact {
            false => explorer.query(&selection.text).also.join(", "),
            true => String::new(),
        };
        lines.push(match also.is_empty() {
            true => format!("Search: {}", selection.text.trim()),
            false => format!("Search: {} (also searched: {also})", selection.text.trim()),
        });
    }
    if let Some(like) = selection
        .like
        .as_deref()
        .and_then(|id| explorer.position(id))
    {
        lines.push(format!(
            "Like the message {} ({}), most similar first",
            corpus.messages[like].id,
            explorer.details(like).meeting
        ));
    }
    for facet in Facet::ALL {
        let values = selection.filters.values(facet);
        if values.is_empty() {
            continue;
        }
        let labels: Vec<String> = values
            .iter()
            .map(|id| match facet {
                Facet::Meeting => corpus.meeting(id).map_or(id.clone(), |m| m.short_name()),
                Facet::Topic => corpus.topic(id).map_or(id.clone(), |t| t.label.clone()),
                Facet::Heading => corpus
                    .heading(id)
                    .map_or(id.clone(), |(_, h)| h.name.clone()),
                Facet::Coverage => super::corpus::CoverageStatus::from_slug(id)
                    .map_or(id.clone(), |c| c.label().to_string()),
            })
            .collect();
        lines.push(format!("{}: {}", facet.label(), labels.join(", ")));
    }
    if selection.sort == Sort::Chronological {
        lines.push("Order: by year".into());
    }
    if lines.is_empty() {
        lines.push("All messages".into());
    }
    lines
}

/// What an export says about where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportHeader {
    /// The corpus title.
    pub corpus: String,
    /// The filters that made the selection.
    pub selection: Vec<String>,
    /// The share link of the view.
    pub link: String,
    /// When it was exported (ISO 8601), where known.
    pub date: String,
}

/// A message as exported: the corpus schema's message form plus its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct ExportedMessage<'a> {
    #[serde(flatten)]
    message: &'a Message,
    meeting_name: String,
    heading_name: Option<String>,
    topics: Vec<String>,
    topics_editorial: bool,
    source_title: String,
    source_url: Option<String>,
    coverage: String,
}

fn exported<'a>(explorer: &'a Explorer, messages: &[usize]) -> Vec<(&'a Message, MessageDetails)> {
    messages
        .iter()
        .filter(|&&m| m < explorer.corpus().messages.len())
        .map(|&m| (&explorer.corpus().messages[m], explorer.details(m)))
        .collect()
}

/// The formats a selection is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// CSV with a byte-order mark (reads back as a corpus file).
    Csv,
    /// JSON: the corpus schema's message form with names, source and coverage.
    Json,
    /// Markdown: a handout.
    Markdown,
}

impl ExportFormat {
    /// Every format, in the order the page offers them.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::Markdown,
    ];

    /// The format's short name (the file extension, and its name in the page's tests).
    pub fn slug(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "md",
        }
    }

    /// The format with this short name.
    pub fn from_slug(slug: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.slug() == slug)
    }

    /// How the page names it.
    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
            ExportFormat::Markdown => "Markdown",
        }
    }

    /// Its media type.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv",
            ExportFormat::Json => "application/json",
            ExportFormat::Markdown => "text/markdown",
        }
    }

    /// The name of the downloaded file: the corpus's id (a validated slug, so safe as a
    /// file name) and the format's extension, so that an export names the corpus it is
    /// from ("class-3b.md"; the built-in corpus's export is a copy, "igf-messages-copy.csv").
    pub fn file_name(self, corpus_id: &str) -> String {
        format!("{corpus_id}.{}", self.slug())
    }

    /// The messages in this format.
    pub fn write(self, explorer: &Explorer, messages: &[usize], header: &ExportHeader) -> String {
        match self {
            ExportFormat::Csv => messages_csv(explorer, messages),
            ExportFormat::Json => messages_json(explorer, messages, header),
            ExportFormat::Markdown => messages_markdown(explorer, messages, header),
        }
    }
}

/// The messages as CSV: one row each, with meeting, year, heading, topics, source and
/// coverage. [`super::import`] reads it back.
pub fn messages_csv(explorer: &Explorer, messages: &[usize]) -> String {
    let corpus = explorer.corpus();
    let rows = exported(explorer, messages).into_iter().map(|(m, d)| {
        vec![
            m.id.clone(),
            d.meeting,
            corpus
                .meeting(&m.meeting)
                .map(|meeting| meeting.year.0.to_string())
                .unwrap_or_default(),
            d.heading.unwrap_or_else(|| HEADING_NOT_GIVEN.into()),
            d.subheading.unwrap_or_default(),
            d.topics.join("; ") + if d.editorial { EDITORIAL_MARK } else { "" },
            m.text.clone(),
            d.source_title,
            d.locator,
            d.source_url.unwrap_or_default(),
            d.coverage,
        ]
    });
    csv(
        &[
            "id",
            "meeting",
            "year",
            "heading",
            "subheading",
            "topics",
            "text",
            "source",
            "locator",
            "source url",
            "coverage",
        ],
        rows,
    )
}

/// The messages as JSON: a header and the messages in the corpus schema's message form,
/// each with its context (names, source, coverage).
pub fn messages_json(explorer: &Explorer, messages: &[usize], header: &ExportHeader) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        version: u32,
        exported: &'a ExportHeader,
        messages: Vec<ExportedMessage<'a>>,
    }
    let messages = exported(explorer, messages)
        .into_iter()
        .map(|(message, d)| ExportedMessage {
            message,
            meeting_name: d.meeting,
            heading_name: d.heading,
            topics: d.topics,
            topics_editorial: d.editorial,
            source_title: d.source_title,
            source_url: d.source_url,
            coverage: d.coverage,
        })
        .collect();
    let export = Export {
        version: super::corpus::SCHEMA_VERSION,
        exported: header,
        messages,
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// The messages as Markdown in the corpus layout ([`super::markdown`]): a handout that
/// reads well as it is, and that the app (or `corpus-check`) loads back as the same
/// messages, headings, sources and coverage. The front matter says what was selected,
/// the link and the date.
pub fn messages_markdown(explorer: &Explorer, messages: &[usize], header: &ExportHeader) -> String {
    let mut extra = vec![("selection", header.selection.join("; "))];
    if !header.link.is_empty() {
        extra.push(("link", header.link.clone()));
    }
    if !header.date.is_empty() {
        extra.push(("exported", header.date.clone()));
    }
    write_markdown(explorer.corpus(), messages, &extra)
}

/// A set's messages with their context, in the set's order (ids the corpus does not hold
/// are left out; the set view has said so).
fn set_rows<'a>(
    explorer: &'a Explorer,
    set: &'a Set,
) -> Vec<(usize, &'a Message, MessageDetails, &'a str)> {
    set.items
        .iter()
        .filter_map(|item| explorer.position(&item.id).map(|m| (m, item.note.as_str())))
        .enumerate()
        .map(|(i, (m, note))| {
            (
                i + 1,
                &explorer.corpus().messages[m],
                explorer.details(m),
                note,
            )
        })
        .collect()
}

/// A set in one of its formats. `link` is the set's share link ("" when it has none, for
/// a set too long for a link), `date` the day of the export.
pub fn write_set(
    format: SetFormat,
    explorer: &Explorer,
    set: &Set,
    link: &str,
    date: &str,
) -> String {
    match format {
        SetFormat::Markdown => set_markdown(explorer, set, link, date),
        SetFormat::Csv => set_csv(explorer, set),
        SetFormat::Json => set_json(explorer, set, link, date),
    }
}

/// Plain text made Markdown that shows it as written: characters Markdown reads as
/// markup are escaped with a backslash, and each line break is kept (a hard break).
fn markdown_text(text: &str) -> String {
    let lines: Vec<String> = text
        .replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            // Before the line's first character that is not a space or a digit ("1." lists).
            let mut at_start = true;
            for c in line.chars() {
                if matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
                ) || (at_start && matches!(c, '-' | '+' | '=' | '.' | ')'))
                {
                    out.push('\\');
                }
                at_start &= c.is_whitespace() || c.is_ascii_digit();
                out.push(c);
            }
            out
        })
        .collect();
    lines.join("\\\n")
}

/// A set as a Markdown handout: title, introduction, then each message in the set's
/// order with its meeting, heading, source and the reader's note; the set's own form in
/// a comment at the end, from which the app reads the export back.
pub fn set_markdown(explorer: &Explorer, set: &Set, link: &str, date: &str) -> String {
    let title = if set.title.trim().is_empty() {
        "A set of IGF Messages"
    } else {
        set.title.as_str()
    };
    let mut out = format!("# {}\n\n", markdown_text(title));
    if !set.intro.trim().is_empty() {
        for paragraph in set.intro.split("\n\n").filter(|p| !p.trim().is_empty()) {
            out.push_str(&markdown_text(paragraph.trim_end()));
            out.push_str("\n\n");
        }
    }
    out.push_str(&format!(
        "Corpus: {}",
        markdown_text(&explorer.corpus().title)
    ));
    if !date.is_empty() {
        out.push_str(&format!(". Exported {date}"));
    }
    if !link.is_empty() {
        out.push_str(&format!(". Link: <{link}>"));
    }
    out.push_str("\n\n");
    for (n, message, d, note) in set_rows(explorer, set) {
        out.push_str(&format!(
            "## {n}. {} · {}\n\n",
            markdown_text(&d.meeting),
            markdown_text(&d.heading_or_note())
        ));
        out.push_str(&format!(
            "> {}\n\n",
            markdown_text(&message.text).replace('\n', "\n> ")
        ));
        out.push_str(&format!(
            "Source: {}, {}",
            markdown_text(&d.source_title),
            markdown_text(&d.locator)
        ));
        if let Some(url) = &d.source_url {
            out.push_str(&format!(" <{url}>"));
        }
        out.push_str(&format!(". Message id: `{}`\n\n", message.id));
        if !note.trim().is_empty() {
            out.push_str(&format!("**Note:** {}\n\n", markdown_text(note)));
        }
    }
    out.push_str(MARKDOWN_MARK);
    out.push_str(&set.encode());
    out.push_str(" -->\n");
    out
}

/// A set as CSV: one row per message in the set's order, with its note.
pub fn set_csv(explorer: &Explorer, set: &Set) -> String {
    let rows = set_rows(explorer, set).into_iter().map(|(n, m, d, note)| {
        vec![
            n.to_string(),
            m.id.clone(),
            d.meeting.clone(),
            d.heading_or_note(),
            m.text.clone(),
            d.source_title,
            d.locator,
            d.source_url.unwrap_or_default(),
            note.to_string(),
        ]
    });
    csv(
        &[
            "position",
            "id",
            "meeting",
            "heading",
            "text",
            "source",
            "locator",
            "source url",
            "note",
        ],
        rows,
    )
}

/// A set as JSON: its title, introduction, corpus, link and date, and each message in
/// order with its context and note (`Set::read_export` reads it back).
pub fn set_json(explorer: &Explorer, set: &Set, link: &str, date: &str) -> String {
    #[derive(Serialize)]
    struct Item<'a> {
        position: usize,
        id: &'a str,
        meeting: String,
        heading: String,
        text: &'a str,
        source: String,
        locator: String,
        source_url: Option<String>,
        note: &'a str,
    }
    #[derive(Serialize)]
    struct Export<'a> {
        title: &'a str,
        intro: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        corpus: Option<&'a str>,
        corpus_title: &'a str,
        link: &'a str,
        exported: &'a str,
        messages: Vec<Item<'a>>,
    }
    let messages = set_rows(explorer, set)
        .into_iter()
        .map(|(position, m, d, note)| Item {
            position,
            id: &m.id,
            meeting: d.meeting.clone(),
            heading: d.heading_or_note(),
            text: &m.text,
            source: d.source_title,
            locator: d.locator,
            source_url: d.source_url,
            note,
        })
        .collect();
    let export = Export {
        title: &set.title,
        intro: &set.intro,
        corpus: set.corpus.as_deref(),
        corpus_title: &explorer.corpus().title,
        link,
        exported: date,
        messages,
    };
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, CoverageStatus};

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_made_text() {
        let check = |input: &str, expected: &str| assert_eq!(guard_cell(input), expected);
        check("=1+1", "'=1+1");
        check("+33", "'+33");
        check("-2", "'-2");
        check("@SUM(A1)", "'@SUM(A1)");
        check("data", "data");
        check("", "");
        check(" =1+1", "' =1+1");
        check("＝1+1", "'＝1+1");
        check("\t=x", "'\t=x");
        check("'=x", "''=x");
        check("''", "'''");
        check("don't", "don't");
        // What the reader gives back is what was written, for every one of them.
        for cell in [
            "=1+1", " =1+1", "＝1", "\t=x", "'=x", "''=x", "'", "''", "'data", "data", " lead",
        ] {
            assert_eq!(
                crate::import::unguard_cell(&guard_cell(cell)),
                cell,
                "{cell:?}"
            );
        }
    }

    fn geneva_gender() -> (Explorer, Vec<usize>, ExportHeader) {
        let explorer = Explorer::new(crate::corpus::Corpus::builtin().unwrap());
        let mut selection = Selection {
            text: "gender ".into(),
            ..Selection::default()
        };
        selection.filters.toggle(Facet::Meeting, "geneva-2017");
        let messages = explorer.run(&selection).messages;
        let header = ExportHeader {
            corpus: "IGF Messages".into(),
            selection: describe_selection(&explorer, &selection),
            link: "https://example.org/#/explore?q=gender".into(),
            date: "2026-11-23".into(),
        };
        (explorer, messages, header)
    }

    /// The CSV export of every built-in message reads back as the same messages, with
    /// their own sources, headings, sub-headings, locators and topics, and no set claimed
    /// complete (an export is a selection).
    #[test]
    fn the_csv_export_reads_back() {
        let explorer = Explorer::new(Corpus::builtin().unwrap());
        let all: Vec<usize> = (0..explorer.corpus().messages.len()).collect();
        let csv = messages_csv(&explorer, &all);
        let back = Explorer::new(
            crate::import::corpus_from_csv(&csv, "Export").expect("the export imports"),
        );
        assert_eq!(back.corpus().messages.len(), all.len());
        for (m, original) in explorer.corpus().messages.iter().enumerate() {
            let copy = &back.corpus().messages[m];
            assert_eq!(copy.id, original.id);
            assert_eq!(copy.text, original.text, "{}", original.id);
            let (a, b) = (explorer.details(m), back.details(m));
            assert_eq!(b.source_title, a.source_title, "{}", original.id);
            assert_eq!(b.source_url, a.source_url, "{}", original.id);
            assert_eq!(b.heading, a.heading, "{}", original.id);
            assert_eq!(b.subheading, a.subheading, "{}", original.id);
            assert_eq!(b.locator, a.locator, "{}", original.id);
            assert_eq!(b.topics, a.topics, "{}", original.id);
            assert_eq!(b.meeting, a.meeting, "{}", original.id);
        }
        assert!(back
            .corpus()
            .meetings
            .iter()
            .all(|m| m.message_set.coverage.status == CoverageStatus::Partial));
    }

    #[test]
    fn message_exports_carry_source_and_coverage() {
        let (explorer, messages, header) = geneva_gender();
        assert_eq!(header.selection, ["Search: gender", "Meeting: Geneva 2017"]);
        let csv = messages_csv(&explorer, &messages);
        let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), messages.len());
        assert_eq!(&rows[0][2], "2017");
        assert_eq!(
            &rows[0][10],
            "Geneva 2017: complete set, 48 messages included"
        );
        assert!(rows[0][7].contains("Chair's Summary"));
        let json: serde_json::Value =
            serde_json::from_str(&messages_json(&explorer, &messages, &header)).unwrap();
        assert_eq!(json["messages"].as_array().unwrap().len(), messages.len());
        assert_eq!(json["messages"][0]["meeting"], "geneva-2017");
        assert_eq!(
            json["messages"][0]["coverage"],
            "Geneva 2017: complete set, 48 messages included"
        );
        assert!(json["messages"][0]["source"]["locator"]
            .as_str()
            .unwrap()
            .contains("Session Messages"));
        let md = messages_markdown(&explorer, &messages, &header);
        assert!(
            md.starts_with("---\nid: igf-messages-copy\ntitle: IGF Messages (copy)\n"),
            "{md}"
        );
        assert!(md.contains("\n# Geneva 2017\n"));
        // A selection of a complete set is a partial set of its published total.
        assert!(md.contains("Coverage: partial, 48 published"));
        #[cfg(feature = "markdown")]
        {
            let back = crate::markdown::corpus_from_markdown(&md, "x").unwrap();
            assert_eq!(back.messages.len(), messages.len());
        }
    }

    #[test]
    fn csv_quotes_and_keeps_utf8() {
        let out = csv(
            &["a", "b"],
            [vec!["x, y".to_string(), "“quoted” é".to_string()]],
        );
        assert_eq!(out, "\u{FEFF}a,b\n\"x, y\",“quoted” é\n");
        let out = csv(&["a"], [vec!["say \"hi\"\nthere".to_string()]]);
        assert_eq!(out, "\u{FEFF}a\n\"say \"\"hi\"\"\nthere\"\n");
    }

    /// A set's Markdown and JSON exports read back as the same set (ids, order, title,
    /// introduction, notes full of Markdown's and the link's characters); the CSV carries
    /// each note beside its message.
    #[test]
    fn a_sets_exports_read_back_with_their_notes() {
        use crate::set::{Set, SetItem};
        let explorer = Explorer::new(Corpus::builtin().unwrap());
        let ids = ["kyoto-2023-children-1", "geneva-2017-gender-3"];
        let set = Set {
            title: "Lesson #1: *gender* & <b>rights</b>".into(),
            intro: "Read both.\n\n- then discuss\n1. in pairs".into(),
            items: ids
                .iter()
                .map(|id| SetItem {
                    id: id.to_string(),
                    note: "Why? 100% & #tags -->\n> quoted <!-- x -->\nمرحبا 👋".into(),
                })
                .collect(),
            corpus: None,
        };
        for format in SetFormat::ALL {
            let text = write_set(
                format,
                &explorer,
                &set,
                "https://example.org/#/set?x",
                "2026-12-03",
            );
            match format {
                SetFormat::Csv => {
                    assert!(text.contains(
                        "position,id,meeting,heading,text,source,locator,source url,note"
                    ));
                    assert!(text.contains("مرحبا 👋"));
                }
                _ => assert_eq!(
                    Set::read_export(&text),
                    Ok((set.clone(), Vec::new())),
                    "{format:?}"
                ),
            }
        }
        let markdown = set_markdown(&explorer, &set, "", "");
        // Shown as written by a Markdown reader: no emphasis, no tag, no heading made.
        assert!(markdown.starts_with("# Lesson \\#1: \\*gender\\* \\& \\<b\\>rights\\</b\\>\n"));
        assert!(markdown.contains("\\- then discuss"));
        assert!(markdown.contains("## 1. Kyoto 2023 · "));
        // Not a set's export: said, not guessed.
        assert!(Set::read_export("# Notes\n")
            .unwrap_err()
            .contains("not a set"));
        assert!(Set::read_export("{\"messages\": 3}").is_err());
    }
}
