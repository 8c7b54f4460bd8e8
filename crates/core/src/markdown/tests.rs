use super::*;

const KYOTO: &str = "---
id: class-3b
title: Class 3B
---

# Kyoto 2023

Place: Kyoto, Japan
Source: IGF Messages from Kyoto <https://www.intgovforum.org/en/content/igf-2023-messages>
Coverage: partial, 89 published

## AI and emerging technologies

Topics: Emerging technologies; Governance

### Sub-theme

- Children have the right to *safe*, inclusive spaces.
- A second message
  that wraps.

A third message as a paragraph.
<!-- id: kyoto-2023-third | locator: page 4 -->

# Online 2020

Online: yes
Source: https://dig.watch/resource/igf-2020-messages

- Data matters [x](javascript:alert(1)) <script>alert(1)</script>.
";

#[test]
fn the_layout_becomes_a_corpus() {
    let corpus = corpus_from_markdown(KYOTO, "file.md").unwrap();
    assert_eq!(
        (corpus.id.as_str(), corpus.title.as_str()),
        ("class-3b", "Class 3B")
    );
    let ids: Vec<&str> = corpus.meetings.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["kyoto-2023", "online-2020"]);
    let kyoto = &corpus.meetings[0];
    assert_eq!(kyoto.place.as_deref(), Some("Kyoto, Japan"));
    assert_eq!(kyoto.message_set.coverage.published_total, Some(89));
    assert_eq!(
        kyoto.message_set.headings[0].topics,
        ["emerging-technologies", "governance"]
    );
    let texts: Vec<&str> = corpus.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Children have the right to safe, inclusive spaces.",
            "A second message that wraps.",
            "A third message as a paragraph.",
            "Data matters [x](javascript:alert(1)) <script>alert(1)</script>.",
        ]
    );
    let m = &corpus.messages;
    assert_eq!(m[0].id, "kyoto-2023-ai-and-emerging-technologies-1");
    assert_eq!(m[0].subheading.as_deref(), Some("Sub-theme"));
    assert_eq!(m[2].id, "kyoto-2023-third");
    assert_eq!(m[2].source.locator, "page 4");
    assert_eq!(
        m[1].source.locator,
        "Kyoto 2023 / AI and emerging technologies / Sub-theme, item 2"
    );
    assert_eq!(m[1].source.curator.as_deref(), Some("line 19 of the file"));
    assert!(corpus.meetings[1].online && corpus.meetings[1].place.is_none());
    assert_eq!(
        corpus.sources[1].url.as_deref(),
        Some("https://dig.watch/resource/igf-2020-messages")
    );
}

fn problems(text: &str) -> Vec<String> {
    corpus_from_markdown(text, "t")
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn problems_name_the_line_and_column() {
    assert_eq!(problems("A message first.\n"), ["line 1, column 1: this message comes before any meeting: start each meeting with a heading such as \"# Kyoto 2023\""]);
    assert_eq!(
        problems("# Kyoto\n\nSource: s\n\n- m\n"),
        ["line 1, column 1: meeting \"Kyoto\" has no year: end its heading with the year (\"# Kyoto 2023\") or add a line \"Year: 2023\""]
    );
    assert_eq!(
        problems("# Kyoto 2023\n\nSource: s\nCoverge: complete\n\n- m\n"),
        ["line 4, column 1: unknown line \"coverge:\" here; a description here may give id, year, place, online, set, coverage, coverage note, count source, count quote, source, source id, publisher, date, file, also in, source note, publisher site"]
    );
    assert_eq!(problems("# Kyoto 2023\n\n- m\n"), ["line 3, column 1: no source for this message: add a line \"Source: title <https://…>\" under its meeting or heading"]);
    assert_eq!(
        problems("# Kyoto 2023\n\nSource: s\n\n- m\n  - nested\n"),
        ["line 6, column 3: a message is one bullet or one paragraph: this bullet holds a nested list or more paragraphs (give each message its own bullet)"]
    );
    assert_eq!(
        problems("# Kyoto 2023\n\nSource: s\nCoverage: complete, 3 published\n\n- m\n"),
        ["meetings[0].message_set.coverage: coverage of \"kyoto-2023\" says complete with 3 published, but 1 are included"]
            .map(|p| p.replacen("meetings[0]", "line 1, column 1 (meetings[0]", 1).replacen(".coverage:", ".coverage):", 1))
    );
}

fn kyoto() -> PasteContext {
    PasteContext {
        meeting: "Kyoto".into(),
        year: "2023".into(),
        heading: "Sub-theme: children's rights".into(),
        source_title: "childrens-rights.digital".into(),
        source_url: "https://childrens-rights.digital".into(),
    }
}

#[test]
fn pasted_plain_text_is_one_message_per_paragraph_or_bullet_read_literally() {
    let pasted = "• Applying a vulnerability lens *across* all areas\n  of work is essential.\n\n\
                  Children have the right to <b>safe</b> spaces [x](javascript:alert(1)).\n\n\
                  2. A numbered message.\n";
    let corpus = corpus_from_paste(pasted, &kyoto()).unwrap();
    let texts: Vec<&str> = corpus.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Applying a vulnerability lens *across* all areas of work is essential.",
            "Children have the right to <b>safe</b> spaces [x](javascript:alert(1)).",
            "2. A numbered message.",
        ]
    );
    assert_eq!(corpus.meetings[0].id, "kyoto-2023");
    assert_eq!(
        preview(&corpus),
        [(
            "Kyoto 2023".to_string(),
            vec![("Sub-theme: children's rights".to_string(), 3)]
        )]
    );
    // Markdown pasted as it is.
    assert_eq!(
        corpus_from_paste(KYOTO, &PasteContext::default())
            .unwrap()
            .messages
            .len(),
        4
    );
}

#[test]
fn paste_problems_name_the_pasted_line() {
    let problems = |text: &str, context: &PasteContext| -> Vec<String> {
        corpus_from_paste(text, context)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    };
    let no_source = PasteContext {
        source_title: String::new(),
        source_url: String::new(),
        ..kyoto()
    };
    assert_eq!(problems("First.\n\nSecond.\n", &no_source)[1], "line 3, column 1: no source for this message: add a line \"Source: title <https://…>\" under its meeting or heading");
    let no_year = PasteContext {
        year: "soon".into(),
        ..kyoto()
    };
    assert_eq!(problems("First.\n", &no_year), ["the meeting, heading and source fields: meeting \"Kyoto soon\" has no year: end its heading with the year (\"# Kyoto 2023\") or add a line \"Year: 2023\""]);
    assert_eq!(
        problems("", &kyoto()),
        ["messages: the corpus has no messages"]
    );
}

#[test]
fn plain_pasted_text_names_the_fields_to_fill_in() {
    let empty = PasteContext::default();
    assert_eq!(
        paste_missing("A message.", &empty),
        [PasteField::Meeting, PasteField::Year, PasteField::Source]
    );
    let filled = PasteContext {
        meeting: "Kyoto".into(),
        year: "2023".into(),
        source_url: "https://example.org".into(),
        ..PasteContext::default()
    };
    assert_eq!(paste_missing("A message.", &filled), []);
    assert_eq!(paste_missing("# Kyoto 2023\n\n- A message.", &empty), []);
    assert_eq!(paste_missing("  ", &empty), []);
    assert!(PasteField::Source.problem().contains("Source title"));
}

#[test]
fn markdown_that_would_be_read_otherwise_is_a_problem_not_a_silent_change() {
    let head = "# Kyoto 2023\n\nSource: A page <https://example.org/k>\n\n";
    let check = |body: &str, line: &str, words: &str| {
        let found = problems(&format!("{head}{body}"));
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(line) && p.contains(words)),
            "{body:?}: {found:?}"
        );
    };
    check(
        "- a\n\n<!-- note\n\n- b\n- c\n",
        "line 7",
        "never closed with -->",
    );
    check("<!-- ok --> text\n", "line 5", "text after -->");
    check("- a\n\n```\n- b\n- c\n", "line 7", "fence is never closed");
    check(
        "A paragraph\n---\n\n- b\n",
        "line 5",
        "makes that paragraph a heading",
    );
    check(
        "A paragraph\n===\n",
        "line 5",
        "makes that paragraph a heading",
    );
    // What reads as written still loads: a closed comment, a closed fence, a rule.
    let fine = format!("{head}- a\n\n<!-- a note -->\n\n```\ncode\n```\n\n---\n\n- b\n");
    let corpus = corpus_from_markdown(&fine, "t").unwrap();
    assert_eq!(corpus.messages.len(), 3, "{:?}", corpus.messages);
}

#[test]
fn a_paste_takes_its_meeting_and_source_from_the_form_and_keeps_numbers() {
    let context = PasteContext {
        meeting: "Kyoto".into(),
        year: "2023".into(),
        source_title: "Typed source".into(),
        ..PasteContext::default()
    };
    let found: Vec<String> = corpus_from_paste(
        "Source: Evil <https://evil.example>\n\n• A message.\nYear: 2030\n",
        &context,
    )
    .unwrap_err()
    .iter()
    .map(|p| p.to_string())
    .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("line 1, column 1") && found[0].contains("form's fields"));
    assert!(found[1].starts_with("line 4, column 1"));
    let corpus =
        corpus_from_paste("2030. A target year.\n1. First.\n2) Second.", &context).unwrap();
    let texts: Vec<&str> = corpus.messages.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["2030. A target year.", "1. First.", "2) Second."]);
    assert_eq!(corpus.sources[0].title, "Typed source");
}
