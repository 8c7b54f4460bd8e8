//! The browser's side effects behind one small API, so that pages and components carry no
//! `cfg` gates: downloads, the page address and date, printing, and the hand-over from the
//! first-view build to the full app (see ARCHITECTURE.md, "Two builds"). Outside a
//! browser (the server-side-rendering tests) each is a harmless no-op.

/// Saves `content` as a file named `name` (a Blob and a temporary link; nothing is sent
/// anywhere).
pub fn download(name: &str, mime: &str, content: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let blob = gloo::file::Blob::new_with_options(content, Some(mime));
        let url = gloo::file::ObjectUrl::from(blob);
        let document = gloo::utils::document();
        if let Ok(link) = document.create_element("a") {
            if let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() {
                link.set_href(&url);
                link.set_download(name);
                link.click();
            }
        }
        // Keep the object URL alive long enough for the download to start.
        gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, mime, content);
}

/// The page's full address (for handouts and exports); empty outside a browser.
pub fn page_address() -> String {
    #[cfg(target_arch = "wasm32")]
    return gloo::utils::window().location().href().unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Today's date as YYYY-MM-DD; empty outside a browser.
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Opens the browser's print dialog once the page has rendered every result.
pub fn print_soon() {
    #[cfg(target_arch = "wasm32")]
    gloo::timers::callback::Timeout::new(100, || {
        gloo::utils::window().print().ok();
    })
    .forget();
}

/// Asks the page's loader (`assets/loader.js`) to start the full app in place of the
/// first-view build, then to run `action` there (for example `"export:csv"`). The
/// first-view build calls this when a view or a tool it does not carry is asked for.
pub fn load_full_app(action: Option<&str>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let window = gloo::utils::window();
        let loader = js_sys::Reflect::get(&window, &JsValue::from_str("messagesExplorer"))
            .ok()
            .and_then(|l| js_sys::Reflect::get(&l, &JsValue::from_str("loadFull")).ok())
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let argument = action.map_or(JsValue::UNDEFINED, JsValue::from_str);
        match loader {
            Some(load) => {
                load.call1(&JsValue::NULL, &argument).ok();
            }
            // No loader (a test page): the address alone still leads to the full app.
            None => {
                window.location().reload().ok();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = action;
}

/// The action the first-view build handed over with [`load_full_app`], once.
pub fn take_pending_action() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let loader = js_sys::Reflect::get(
            &gloo::utils::window(),
            &JsValue::from_str("messagesExplorer"),
        )
        .ok()?;
        let key = JsValue::from_str("pendingAction");
        let action = js_sys::Reflect::get(&loader, &key).ok()?.as_string();
        js_sys::Reflect::set(&loader, &key, &JsValue::UNDEFINED).ok();
        action
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The window's inner width in CSS pixels (`None` outside a browser).
pub fn viewport_width() -> Option<u32> {
    #[cfg(target_arch = "wasm32")]
    return gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .map(|w| w as u32);
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The width of an element's content box in CSS pixels, once it is in the page.
pub fn element_width(node: &yew::NodeRef) -> Option<u32> {
    #[cfg(target_arch = "wasm32")]
    return node
        .cast::<web_sys::Element>()
        .map(|e| e.client_width().max(0) as u32);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = node;
        None
    }
}

/// Calls `f` whenever the window is resized, until the returned guard is dropped.
#[must_use = "the listener stops when the guard is dropped"]
pub fn on_resize(f: impl Fn() + 'static) -> ResizeGuard {
    #[cfg(target_arch = "wasm32")]
    return ResizeGuard(gloo::events::EventListener::new(
        &gloo::utils::window(),
        "resize",
        move |_| f(),
    ));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = f;
        ResizeGuard(())
    }
}

/// Keeps a [`on_resize`] listener alive.
pub struct ResizeGuard(
    #[cfg(target_arch = "wasm32")]
    #[allow(dead_code)]
    gloo::events::EventListener,
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(dead_code)]
    (),
);

/// A corpus file kept on this device at the reader's request.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptFile {
    /// The file's name, as picked.
    pub name: String,
    /// Its bytes, read and checked again (by the same code as any file) when used.
    pub bytes: Vec<u8>,
}

/// Calls `method` of the loader's API (`window.messagesExplorer`, see
/// `assets/loader.js`), which keeps a corpus file in the browser's Cache Storage (never
/// touched by the service worker, never sent anywhere); its promise, if it has one.
#[cfg(target_arch = "wasm32")]
fn loader_call(method: &str, args: &[wasm_bindgen::JsValue]) -> Option<js_sys::Promise> {
    use wasm_bindgen::{JsCast, JsValue};
    let api = js_sys::Reflect::get(
        &gloo::utils::window(),
        &JsValue::from_str("messagesExplorer"),
    )
    .ok()?;
    let function = js_sys::Reflect::get(&api, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let arguments: js_sys::Array = args.iter().collect();
    function.apply(&api, &arguments).ok()?.dyn_into().ok()
}

/// What the corpus reader is asked to read.
pub enum ReaderCall<'a> {
    /// A file a reader picked or kept: its name (which says its format) and bytes.
    File {
        /// The file's name.
        name: &'a str,
        /// Its bytes.
        bytes: &'a [u8],
    },
    /// Pasted text under the meeting, heading and source given beside it.
    Paste(&'a str, &'a crate::core::markdown::PasteContext),
}

/// Why the corpus reader gave no corpus.
#[derive(Debug, Clone, PartialEq)]
pub enum NotRead {
    /// The file's or the text's problems, each with its place.
    Problems(Vec<String>),
    /// The reader asked to stop (Cancel), or a newer reading replaced this one.
    Cancelled,
}

/// Reads and checks a reader's file or paste with the corpus reader, in a Web Worker
/// (`assets/loader.js`, `readCorpus`; `src/corpus_reader.rs`): the page stays responsive
/// whatever the file, and [`cancel_reading`] ends it. The checked corpus, or why not.
pub async fn read_corpus(call: ReaderCall<'_>) -> Result<crate::core::corpus::Corpus, NotRead> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let args: Vec<JsValue> = match call {
            ReaderCall::File { name, bytes } => vec![
                "read_file".into(),
                name.into(),
                js_sys::Uint8Array::from(bytes).into(),
            ],
            ReaderCall::Paste(text, c) => [
                "read_paste",
                text,
                &c.meeting,
                &c.year,
                &c.heading,
                &c.source_title,
                &c.source_url,
            ]
            .into_iter()
            .map(JsValue::from)
            .collect(),
        };
        let unavailable =
            || NotRead::Problems(vec!["The corpus reader could not be loaded.".into()]);
        let promise = loader_call("readCorpus", &args).ok_or_else(unavailable)?;
        let answer = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(answer) => answer,
            Err(error) => {
                let message = js_sys::Reflect::get(&error, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string());
                return Err(match message.as_deref() {
                    Some("cancelled") => NotRead::Cancelled,
                    Some(message) => {
                        NotRead::Problems(vec![format!("The corpus reader stopped: {message}")])
                    }
                    None => unavailable(),
                });
            }
        };
        // The parts arrive as UTF-8 bytes (handed over by the worker without a copy).
        let parts: Vec<Vec<u8>> = js_sys::Array::from(&answer)
            .iter()
            .map(|part| js_sys::Uint8Array::new(&part).to_vec())
            .collect();
        let mut parts = parts.into_iter();
        let head = parts.next().ok_or_else(unavailable)?;
        let mut corpus = reader_answer(&head).map_err(NotRead::Problems)?;
        // The messages come in parts, each read in a task of its own.
        for part in parts {
            pause(0).await;
            let messages: Vec<crate::core::corpus::Message> = serde_json::from_slice(&part)
                .map_err(|e| NotRead::Problems(vec![e.to_string()]))?;
            corpus.messages.extend(messages);
        }
        Ok(corpus)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = call;
        Err(NotRead::Problems(vec![
            "Files are read in the browser.".to_string()
        ]))
    }
}

/// Ends the corpus reader's reading in progress, if any: its [`read_corpus`] answers
/// [`NotRead::Cancelled`].
pub fn cancel_reading() {
    #[cfg(target_arch = "wasm32")]
    let _ = loader_call("cancelReading", &[]);
}

/// The reader's JSON answer: `{"corpus": …}` or `{"problems": [...]}`.
#[cfg(target_arch = "wasm32")]
fn reader_answer(answer: &[u8]) -> Result<crate::core::corpus::Corpus, Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Answer {
        corpus: Option<crate::core::corpus::Corpus>,
        #[serde(default)]
        problems: Vec<String>,
    }
    match serde_json::from_slice::<Answer>(answer) {
        Ok(Answer {
            corpus: Some(corpus),
            ..
        }) => Ok(corpus),
        Ok(Answer { problems, .. }) => Err(problems),
        Err(e) => Err(vec![e.to_string()]),
    }
}

/// The corpus file kept on this device, if any.
pub async fn kept_corpus() -> Option<KeptFile> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let kept = wasm_bindgen_futures::JsFuture::from(loader_call("keptCorpus", &[])?)
            .await
            .ok()?;
        if kept.is_null() || kept.is_undefined() {
            return None;
        }
        let field = |name: &str| js_sys::Reflect::get(&kept, &JsValue::from_str(name)).ok();
        Some(KeptFile {
            name: field("name")?.as_string()?,
            bytes: js_sys::Uint8Array::new(&field("bytes")?).to_vec(),
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Keeps a corpus file on this device; whether it was kept.
pub async fn keep_corpus(name: String, bytes: std::rc::Rc<Vec<u8>>) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        match loader_call("keepCorpus", &[name.into(), array.into()]) {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            None => false,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, bytes);
        false
    }
}

/// Removes the kept corpus file from this device.
pub async fn forget_corpus() {
    #[cfg(target_arch = "wasm32")]
    if let Some(promise) = loader_call("forgetCorpus", &[]) {
        wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    }
}

/// Runs `f` after `millis` milliseconds, unless the returned guard is dropped first (a
/// debounce: keep the latest guard, and each new one cancels the one before).
#[must_use = "the call is cancelled when the guard is dropped"]
pub fn later(millis: u32, f: impl FnOnce() + 'static) -> Later {
    #[cfg(target_arch = "wasm32")]
    return Later(gloo::timers::callback::Timeout::new(millis, f));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (millis, f);
        Later(())
    }
}

/// A call [`later`] will make, unless dropped.
pub struct Later(
    #[cfg(target_arch = "wasm32")]
    #[allow(dead_code)]
    gloo::timers::callback::Timeout,
    #[cfg(not(target_arch = "wasm32"))]
    #[allow(dead_code)]
    (),
);

/// Resolves after `millis` milliseconds (a timeout): the page handles input and paints
/// meanwhile, so a long step split by pauses never blocks it for long.
pub async fn pause(millis: i32) {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = millis;
}

/// Runs `future` to completion in the page (outside a browser it is dropped).
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(future);
    #[cfg(not(target_arch = "wasm32"))]
    drop(future);
}

/// The page's address with `hash` as its fragment (a share link); outside a browser, the
/// fragment alone.
pub fn address_with_hash(hash: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        let origin = location.origin().unwrap_or_default();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        format!("{origin}{path}{search}{hash}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    hash.to_string()
}

/// Puts `text` on the clipboard; whether the browser allowed it (never, outside one).
pub async fn copy_to_clipboard(text: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        let clipboard = gloo::utils::window().navigator().clipboard();
        wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
            .await
            .is_ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = text;
        false
    }
}

/// Sets the page's address fragment (a route change the history records).
pub fn set_hash(hash: &str) {
    #[cfg(target_arch = "wasm32")]
    gloo::utils::window().location().set_hash(hash).ok();
    #[cfg(not(target_arch = "wasm32"))]
    let _ = hash;
}

/// Moves keyboard focus to the element with this id (the skip link's job, without
/// touching the address, which holds the route).
pub fn focus(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(element) = gloo::utils::document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            element.focus().ok();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Tells the loader that a change of view has rendered (`assets/loader.js`, `settleView`):
/// after Back or Forward the page returns to where the reader was on that entry; after a
/// followed link or a change of route it opens at the top with focus on the view's
/// heading; a change within a view moves nothing.
pub fn settle_view(route_changed: bool) {
    #[cfg(target_arch = "wasm32")]
    loader_call("settleView", &[route_changed.into()]);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = route_changed;
}

/// Shows the page full screen, or leaves full screen (Present's button).
pub fn toggle_fullscreen() {
    #[cfg(target_arch = "wasm32")]
    {
        let document = gloo::utils::document();
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(root) = document.document_element() {
            root.request_fullscreen().ok();
        }
    }
}
