//! Server-side-rendered HTML of the UI, compared with reviewed snapshots (insta). Yew's
//! `ssr` feature is enabled for native tests only (see Cargo.toml).

use messages_explorer::ui::app::{App, AppProps};
use yew::LocalServerRenderer;

async fn render(url: &str) -> String {
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        url: url.to_string().into(),
    })
    .render()
    .await;
    // One element per line, so that snapshot diffs are readable.
    html.replace("><", ">\n<")
}

#[tokio::test]
async fn explore_home() {
    let html = render("").await;
    assert!(html.contains("77 of 77 messages included"));
    insta::assert_snapshot!("explore_home", html);
}

#[tokio::test]
async fn explore_filtered_and_searched() {
    let html = render("#/explore?q=gender&meeting=geneva-2017&sort=chronological").await;
    assert!(html.contains("<mark>gender</mark>"));
    assert!(html.contains("<mark>Gender</mark>"));
    insta::assert_snapshot!("explore_gender_geneva", html);
}

#[tokio::test]
async fn explore_empty_state_offers_ways_out() {
    let html = render("#/explore?q=encryption&meeting=kyoto-2023").await;
    assert!(html.contains("No messages match."));
    assert!(html.contains("Remove the filter Meeting: Kyoto 2023"));
    assert!(html.contains("Clear the search text"));
    insta::assert_snapshot!("explore_empty", html);
}

#[tokio::test]
async fn a_misspelled_search_suggests_what_it_may_mean() {
    let html = render("#/explore?q=encyption&meeting=geneva-2017").await;
    assert!(html.contains("No messages match."));
    assert!(html.contains("Did you mean "));
    // The same selection with the word corrected, as a link.
    assert!(
        html.contains(r##"href="#/explore?q=encryption&amp;meeting=geneva-2017""##),
        "{html}"
    );
}

#[tokio::test]
async fn a_search_says_what_it_also_searched() {
    let html = render("#/explore?q=artificial+intelligence+").await;
    assert!(html.contains("Also searched: AI. "), "{html}");
    // The Riyadh 2024 messages say "AI": found and marked.
    assert!(html.contains("<mark>AI</mark>"), "{html}");
    assert!(
        html.contains(r##"href="#/explore?q=artificial+intelligence+&amp;exact=1""##),
        "{html}"
    );
    let exact = render("#/explore?q=artificial+intelligence+&exact=1").await;
    assert!(exact.contains("Searched only for \u{201C}artificial intelligence\u{201D}, as typed. "));
    assert!(!exact.contains("<mark>AI</mark>"));
    assert!(exact.contains(r##"href="#/explore?q=artificial+intelligence+" data-testid="search-equivalents">Search AI too</a>"##), "{exact}");
    // Words without equivalents say nothing of them.
    assert!(!render("#/explore?q=encryption")
        .await
        .contains("also-searched"));
}

#[tokio::test]
async fn message_detail() {
    let html = render("#/message/kyoto-2023-children-1").await;
    assert!(html.contains("<dd>Heading not given in the source</dd>"));
    assert!(html.contains("Kyoto 2023: 2 of a reported 89 messages included (partial)"));
    insta::assert_snapshot!("message_kyoto", html);
}

#[tokio::test]
async fn about_the_data() {
    let html = render("#/about").await;
    assert!(html.contains("Not stated in the sources"));
    insta::assert_snapshot!("about", html);
}

#[tokio::test]
async fn hostile_text_is_escaped() {
    let html = render("#/explore?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&topic=%22%3E%3Cimg").await;
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img"));
    // The notice names the dropped value, escaped as text (this assertion once accepted
    // any "Ignored unknown topic" and so could not fail on escaping).
    let notice = html
        .lines()
        .find(|l| l.contains("Ignored unknown topic"))
        .expect("the notice is shown");
    assert_eq!(notice, "<span>Ignored unknown topic '\"&gt;&lt;img'</span>");
}

#[tokio::test]
async fn compare_geneva_kyoto() {
    let html = render("#/compare?meetings=geneva-2017,kyoto-2023").await;
    assert!(html.contains("Only 2 messages are included: these terms mean little."));
    insta::assert_snapshot!("compare_geneva_kyoto", html);
}

#[tokio::test]
async fn present_slide() {
    let html = render("#/present?q=gender&meeting=geneva-2017&slide=2").await;
    assert!(html.contains("2 / 7"));
    assert!(!html.contains("site-header"));
    insta::assert_snapshot!("present_slide", html);
}

#[tokio::test]
async fn charts_terms() {
    let html = render("#/charts?terms=data,AI").await;
    assert!(html.contains("Share of each meeting"));
    assert!(html.contains("data:image/svg+xml"));
}

#[tokio::test]
async fn a_corpus_that_fails_to_load_gives_an_error_banner() {
    use messages_explorer::core::corpus::Corpus;
    use messages_explorer::ui::app::{CorpusError, CorpusErrorProps};
    let error = Corpus::from_json("{\"version\": 1,").unwrap_err();
    let html = LocalServerRenderer::<CorpusError>::with_props(CorpusErrorProps {
        error: messages_explorer::ui::hooks::Shared::new(error),
    })
    .render()
    .await;
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("The built-in corpus could not be loaded"));
    assert!(html.contains("EOF while parsing"));
}

#[tokio::test]
async fn message_page_lists_related_messages_and_its_heading() {
    let html = render("#/message/paris-2018-trust-cooperation-1").await;
    assert!(html.contains("Related messages from other meetings"));
    assert_eq!(html.matches("data-testid=\"related\"").count(), 5);
    assert!(html.contains("Shares: "));
    assert!(html.contains("From the same heading: "));
    assert!(html.contains("aria-current=\"true\""));
    assert!(html.contains("#/present?like=paris-2018-trust-cooperation-1&amp;meeting="));
    insta::assert_snapshot!("message_related", html);
    // Only weak matches: the page says so, and offers no presentation of them.
    let html = render("#/message/geneva-2017-gender-4").await;
    assert!(html.contains("No closely related messages in other meetings"));
    assert_eq!(html.matches("data-testid=\"related\"").count(), 0);
    assert!(!html.contains("present-related"));
    assert!(html.contains("All messages like this one"));
}

#[tokio::test]
async fn more_like_this() {
    let html = render("#/explore?like=geneva-2017-local-interventions-3").await;
    assert!(html.contains("Messages like this one, most similar first"));
    assert!(!html.contains("data-id=\"geneva-2017-local-interventions-3\""));
    assert!(html.contains("data-testid=\"reason\""));
    insta::assert_snapshot!("explore_like", html);
}

#[tokio::test]
async fn present_an_idea_across_the_years() {
    let html = render(
        "#/present?like=geneva-2017-local-interventions-3&meeting=kyoto-2023,berlin-2019&slide=2",
    )
    .await;
    assert!(html.contains("(with the first message)"));
    insta::assert_snapshot!("present_like", html);
}

#[tokio::test]
async fn cite_a_selection() {
    // Rendered before the build's citations arrive (they are fetched in the browser): the
    // heading counts the selection, and the files a reference manager reads are offered.
    let html = render("#/cite?q=gender&meeting=geneva-2017").await;
    assert!(html.contains("<h1>Cite these 7 messages</h1>"), "{html}");
    assert!(html.contains("Fetching the references…"));
    assert!(html.contains("data-testid=\"cite-ris\""));
    insta::assert_snapshot!("cite_gender_geneva", html);
}

#[tokio::test]
async fn a_shared_set_is_read_only_and_its_notes_are_text() {
    // A set from a link: in its order, with the title, introduction and notes as written
    // (markup in a note is text), read-only with "Save a copy".
    let html = render(
        "#/set?messages=kyoto-2023-children-1,geneva-2017-gender-3&title=Lesson+%3Cb%3E1%3C%2Fb%3E&intro=Read+first.&note1=Why+%3Cscript%3Ealert(1)%3C%2Fscript%3E%3F",
    )
    .await;
    assert!(html.contains("data-testid=\"set-save-copy\""), "{html}");
    assert!(html.contains("Lesson &lt;b&gt;1&lt;/b&gt;"));
    assert!(html.contains("Why &lt;script&gt;alert(1)&lt;/script&gt;?"));
    assert!(!html.contains("<script>"));
    let first = html.find("data-id=\"kyoto-2023-children-1\"").unwrap();
    let second = html.find("data-id=\"geneva-2017-gender-3\"").unwrap();
    assert!(first < second, "the set's order, not the corpus's");
    insta::assert_snapshot!("set_shared", html);
}

#[tokio::test]
async fn the_set_view_says_how_to_fill_an_empty_set() {
    let html = render("#/set").await;
    assert!(html.contains("data-testid=\"set-empty\""), "{html}");
    assert!(html.contains("Sets on this device"));
    let slides = render("#/set/present?messages=geneva-2017-gender-3&title=T&note1=Ask+why").await;
    assert!(slides.contains("1 / 2"), "{slides}");
    let second =
        render("#/set/present?messages=geneva-2017-gender-3&title=T&note1=Ask+why&slide=2").await;
    assert!(
        second.contains("class=\"slide-note\">Ask why</p>"),
        "{second}"
    );
}
