//! Tests that need a real browser: run by wasm-bindgen-test in headless Chromium through
//! chromedriver (`cargo test --target wasm32-unknown-unknown --test wasm`).
#![cfg(target_arch = "wasm32")]

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::{Explorer, Selection};
use messages_explorer::ui::app::{App, AppProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_embedded_corpus_loads_in_wasm() {
    let corpus = Corpus::builtin().expect("corpus parses in the browser");
    let mut explorer = Explorer::new(corpus);
    let outcome = explorer.run(&Selection {
        text: "gend".into(),
        ..Selection::default()
    });
    assert_eq!(outcome.messages.len(), 7);
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_renders_the_list_in_the_dom() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        url: "#/explore?q=jobs".into(),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    next_frame().await;
    let count = root
        .query_selector("[data-testid=result-count]")
        .unwrap()
        .expect("result count rendered");
    assert!(count
        .text_content()
        .unwrap()
        .ends_with("of 77 messages included"));
    let marks = root.query_selector_all("mark").unwrap();
    assert!(marks.length() > 0);
    // Typing into the real input dispatches through the reducer and re-renders.
    let input: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::dyn_into(root.query_selector("#search").unwrap().unwrap()).unwrap();
    input.set_value("encryption");
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    next_frame().await;
    let count = root
        .query_selector("[data-testid=result-count]")
        .unwrap()
        .unwrap();
    assert_eq!(count.text_content().unwrap(), "1 of 77 messages included");
    handle.destroy();
}
