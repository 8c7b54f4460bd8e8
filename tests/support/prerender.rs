//! Renders the home view into a built `index.html` (run by `.ci/post-build.sh` on release
//! builds): `cargo run --example prerender -- dist/index.html`. The page then shows the
//! first messages as soon as its HTML arrives; the app replaces this copy when it starts.
//! Yew's server renderer is a dev-dependency, so this is an example, not a binary.

use messages_explorer::core::site;
use messages_explorer::ui::app::{App, AppProps};
use yew::LocalServerRenderer;

/// What `index.html` holds where the home view goes.
const STAND_IN: &str =
    r#"<div id="prerendered"><p class="loading">Loading the messages…</p></div>"#;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender INDEX.html");
        std::process::exit(2);
    };
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("prerender: cannot read {path}: {e}");
        std::process::exit(1);
    });
    if !page.contains(STAND_IN) {
        eprintln!("prerender: {path} has no stand-in `{STAND_IN}` (already rendered?)");
        std::process::exit(1);
    }
    let home = LocalServerRenderer::<App>::with_props(AppProps { url: "".into() })
        .render()
        .await;
    let rendered = format!(
        r#"<div id="prerendered">{}</div>"#,
        site::without_markers(&home)
    );
    std::fs::write(&path, page.replace(STAND_IN, &rendered)).unwrap_or_else(|e| {
        eprintln!("prerender: cannot write {path}: {e}");
        std::process::exit(1);
    });
    println!(
        "prerender: the home view is in {path} ({} bytes)",
        rendered.len()
    );
}
