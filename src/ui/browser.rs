//! The app's one way to the browser (no other file of `src/ui` names web-sys, gloo, js-sys
//! or wasm-bindgen: `tests/architecture.rs`): starting and stopping the app, the typed
//! bridge to the loader (`assets/loader.js`), and every side effect behind a small API, so
//! that pages and components carry no `cfg` gates: downloads, the page address and date,
//! printing, form values, files, keys, the address and its changes, and the hand-over
//! from the first-view build to the full app (see ARCHITECTURE.md, "Builds"). Outside a
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
    if loader::load_full(action).is_err() {
        // No loader (a test page): the address alone still leads to the full app.
        gloo::utils::window().location().reload().ok();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = action;
}

/// The action the first-view build handed over with [`load_full_app`], once, if it begins
/// with `prefix` (`"export:"`, `"set-add:"`): what follows the prefix. An action for
/// another part of the app is left for it.
pub fn take_pending_action(prefix: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return loader::take_pending_action(prefix).ok().flatten();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = prefix;
        None
    }
}

/// Where the sets are kept in Local Storage, and the key that says a set in use holds
/// messages: `assets/loader.js` reads that one to start the full app, which shows them.
const SETS_KEY: &str = "messages-explorer-sets";
const SET_IN_USE_KEY: &str = "messages-explorer-sets-in-use";

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The sets kept on this device (`core::set::Shelf`'s storage form), if any.
pub fn kept_sets() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return local_storage()?.get_item(SETS_KEY).ok().flatten();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (SETS_KEY, SET_IN_USE_KEY);
        None
    }
}

/// Keeps the sets on this device; `in_use` says whether a set in use holds messages (then
/// the page starts with the full app, which shows it). Storage refused (a private window
/// out of room) is said in the console; the sets stay in use on the page.
pub fn keep_sets(text: &str, in_use: bool) {
    #[cfg(target_arch = "wasm32")]
    if let Some(storage) = local_storage() {
        let kept = storage.set_item(SETS_KEY, text).and_then(|_| match in_use {
            true => storage.set_item(SET_IN_USE_KEY, "1"),
            false => storage.remove_item(SET_IN_USE_KEY),
        });
        if kept.is_err() {
            web_sys::console::warn_1(&"The sets could not be kept on this device.".into());
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, in_use);
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

/// The loader's API (`window.messagesExplorer`, written by `assets/loader.js`), typed: each
/// call that finds no loader (a test page without it) is an `Err`, never a panic.
#[cfg(target_arch = "wasm32")]
mod loader {
    use js_sys::{Promise, Uint8Array};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// Starts the full app in place of the first-view build, then runs `action` there.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = loadFull)]
        pub fn load_full(action: Option<&str>) -> Result<Promise, JsValue>;

        /// The action handed over with `loadFull`, once, if it begins with `prefix`: the
        /// rest of it.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = takePendingAction)]
        pub fn take_pending_action(prefix: &str) -> Result<Option<String>, JsValue>;

        /// Keeps a corpus file in the browser's Cache Storage (never touched by the service
        /// worker, never sent anywhere).
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = keepCorpus)]
        pub fn keep_corpus(name: &str, bytes: &Uint8Array) -> Result<Promise, JsValue>;

        /// The kept corpus file (a [`Kept`]), or `null`.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = keptCorpus)]
        pub fn kept_corpus() -> Result<Promise, JsValue>;

        /// Removes the kept corpus file.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = forgetCorpus)]
        pub fn forget_corpus() -> Result<Promise, JsValue>;

        /// Reads a file in the corpus reader's worker (`read_file` of `crates/reader`): the
        /// answer's parts, as UTF-8 `ArrayBuffer`s.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = readCorpus)]
        pub fn read_file(method: &str, name: &str, bytes: &Uint8Array) -> Result<Promise, JsValue>;

        /// Reads pasted text in the corpus reader's worker (`read_paste` of `crates/reader`).
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = readCorpus)]
        pub fn read_paste(
            method: &str,
            text: &str,
            meeting: &str,
            year: &str,
            heading: &str,
            source_title: &str,
            source_url: &str,
        ) -> Result<Promise, JsValue>;

        /// Ends the reading under way, if any.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = cancelReading)]
        pub fn cancel_reading() -> Result<Promise, JsValue>;

        /// Writes references in the citation writer's module (`cite` of `crates/cite`,
        /// fetched the first time): `items`, a JSON array of CSL-JSON items; the answer is
        /// `citations.json`'s form.
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = cite)]
        pub fn cite(items: &str) -> Result<Promise, JsValue>;

        /// Returns to the kept place, or opens the view at its top (see `settle_view`).
        #[wasm_bindgen(catch, js_namespace = messagesExplorer, js_name = settleView)]
        pub fn settle_view(route_changed: bool) -> Result<(), JsValue>;

        /// A kept corpus file: `{ name, bytes }`.
        pub type Kept;

        #[wasm_bindgen(method, getter)]
        pub fn name(this: &Kept) -> String;

        #[wasm_bindgen(method, getter)]
        pub fn bytes(this: &Kept) -> Uint8Array;
    }
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
/// (`assets/loader.js`, `readCorpus`; `crates/reader/src/lib.rs`): the page stays responsive
/// whatever the file, and [`cancel_reading`] ends it. The checked corpus, or why not.
pub async fn read_corpus(call: ReaderCall<'_>) -> Result<crate::core::corpus::Corpus, NotRead> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let promise = match call {
            // A copy in JS (not a view of the Wasm memory, which may move before the worker
            // takes it).
            ReaderCall::File { name, bytes } => {
                loader::read_file("read_file", name, &js_sys::Uint8Array::from(bytes))
            }
            ReaderCall::Paste(text, c) => loader::read_paste(
                "read_paste",
                text,
                &c.meeting,
                &c.year,
                &c.heading,
                &c.source_title,
                &c.source_url,
            ),
        };
        let unavailable =
            || NotRead::Problems(vec!["The corpus reader could not be loaded.".into()]);
        let promise = promise.map_err(|_| unavailable())?;
        let answer = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(answer) => answer,
            Err(error) => {
                let message = error
                    .dyn_ref::<js_sys::Error>()
                    .and_then(|e| e.message().as_string());
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
    let _ = loader::cancel_reading();
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
        use wasm_bindgen::JsCast;
        let kept = wasm_bindgen_futures::JsFuture::from(loader::kept_corpus().ok()?)
            .await
            .ok()?;
        if kept.is_null() || kept.is_undefined() {
            return None;
        }
        let kept: loader::Kept = kept.unchecked_into();
        Some(KeptFile {
            name: kept.name(),
            bytes: kept.bytes().to_vec(),
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
        match loader::keep_corpus(&name, &array) {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
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
    if let Ok(promise) = loader::forget_corpus() {
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

/// What a rejected promise or a thrown value says: its text, or its `Error`'s message, or
/// `otherwise`.
#[cfg(target_arch = "wasm32")]
fn said(e: wasm_bindgen::JsValue, otherwise: &str) -> String {
    use wasm_bindgen::JsCast;
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| otherwise.to_string())
}

/// The text of a file of the site (`path`, from the page's folder), or why it could not be
/// fetched (never, outside a browser: there is no site).
pub async fn fetch_text(path: &str) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let failed = |e| said(e, "the network refused");
        let promise = gloo::utils::window().fetch_with_str(path);
        let response: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
        if !response.ok() {
            return Err(format!("{path}: HTTP {}", response.status()));
        }
        let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(failed)?)
            .await
            .map_err(failed)?;
        text.as_string().ok_or_else(|| format!("{path}: not text"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    Err(format!("{path}: no browser to fetch it"))
}

/// References of `items` (a JSON array of CSL-JSON items) in `citations.json`'s form, from
/// the citation writer's own module, which the loader fetches the first time it is asked
/// (the Cite view on a reader's corpus); or why not.
pub async fn cite(items: &str) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        let failed = |e| said(e, "the citation writer did not start");
        let answer = wasm_bindgen_futures::JsFuture::from(loader::cite(items).map_err(failed)?)
            .await
            .map_err(failed)?;
        answer
            .as_string()
            .ok_or_else(|| "the citation writer answered no text".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = items;
        Err("no browser to run the citation writer".to_string())
    }
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
    let _ = loader::settle_view(route_changed);
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

/// The value of the text input an event came from (`input`, `change`).
pub fn input_value(event: &web_sys::Event) -> String {
    use yew::TargetCast;
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// Whether the checkbox an event came from is now checked.
pub fn input_checked(event: &web_sys::Event) -> bool {
    use yew::TargetCast;
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
}

/// The value of the `<select>` an event came from.
pub fn select_value(event: &web_sys::Event) -> String {
    use yew::TargetCast;
    event
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

/// The value of the `<textarea>` an event came from.
pub fn textarea_value(event: &web_sys::Event) -> String {
    use yew::TargetCast;
    event
        .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
        .value()
}

/// The value of the text input a node reference holds (empty before it is in the page).
pub fn node_value(node: &yew::NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Moves keyboard focus to the input a node reference holds; whether it could.
pub fn focus_node(node: &yew::NodeRef) -> bool {
    node.cast::<web_sys::HtmlElement>()
        .is_some_and(|element| element.focus().is_ok())
}

/// A file the reader picked or dropped, not yet read.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    /// The file's name, as picked.
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its size in bytes.
    pub fn size(&self) -> u64 {
        self.0.size() as u64
    }
}

/// The file chosen in the file input an event came from (the input is then emptied, so the
/// same file can be picked again).
pub fn picked_file(event: &web_sys::Event) -> Option<PickedFile> {
    use yew::TargetCast;
    let input: web_sys::HtmlInputElement = event.target_unchecked_into();
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file.map(PickedFile)
}

/// The first file dropped with a drag event.
pub fn dropped_file(event: &web_sys::DragEvent) -> Option<PickedFile> {
    event
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
        .map(PickedFile)
}

/// A file being read from disk; dropping it stops the reading.
pub struct FileReading(#[allow(dead_code)] gloo::file::callbacks::FileReader);

/// Reads a picked file's bytes, then calls `done` with them or with why not (unless the
/// returned [`FileReading`] is dropped first).
#[must_use = "the reading stops when it is dropped"]
pub fn read_bytes(
    file: PickedFile,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) -> FileReading {
    let blob = gloo::file::Blob::from(file.0);
    // One reader for every caller (a closure per caller would each copy gloo's reader).
    let done: Box<dyn FnOnce(Result<Vec<u8>, String>)> = Box::new(done);
    let task = gloo::file::callbacks::read_as_bytes(&blob, move |result| {
        done(result.map_err(|e| e.to_string()))
    });
    FileReading(task)
}

/// A key press as the app's key handlers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPress {
    /// The key (`"ArrowRight"`, `"/"`, `" "`).
    pub key: String,
    /// Whether Shift was held.
    pub shift: bool,
    /// Whether Alt, Control or Meta was held (such presses belong to the browser).
    pub modified: bool,
    /// The tag name of the focused element the key went to (`"INPUT"`, `"BUTTON"`, …).
    pub target: String,
}

/// Calls `handler` for every key pressed in the page until the guard is dropped; when it
/// returns true the key is taken (its default action is prevented).
#[must_use = "the listener stops when the guard is dropped"]
pub fn on_keydown(handler: impl Fn(&KeyPress) -> bool + 'static) -> Listening {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let target = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .map(|e| e.tag_name())
                    .unwrap_or_default();
                let press = KeyPress {
                    key: event.key(),
                    shift: event.shift_key(),
                    modified: event.alt_key() || event.ctrl_key() || event.meta_key(),
                    target,
                };
                if handler(&press) {
                    event.prevent_default();
                }
            },
        );
        Listening(vec![listener])
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = handler; // no keys outside a browser
        Listening(Vec::new())
    }
}

/// Event listeners kept alive until this is dropped.
pub struct Listening(#[allow(dead_code)] Vec<gloo::events::EventListener>);

/// Writes `url` (a hash URL) to the address bar unless it is there already: a new history
/// entry (`push`) or a replacement of the current one.
pub fn write_address(url: &str, push: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let window = gloo::utils::window();
        if window.location().hash().unwrap_or_default() == url {
            return;
        }
        let Ok(history) = window.history() else {
            return;
        };
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&null, "", Some(url))
        } else {
            history.replace_state_with_url(&null, "", Some(url))
        };
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (url, push);
}

/// Calls `f` with the address's fragment whenever Back, Forward or an edited address
/// changes it, until the guard is dropped.
#[must_use = "the listeners stop when the guard is dropped"]
pub fn on_address_change(f: impl Fn(String) + 'static) -> Listening {
    #[cfg(target_arch = "wasm32")]
    {
        let f = std::rc::Rc::new(f);
        let window = gloo::utils::window();
        let listeners = ["popstate", "hashchange"]
            .into_iter()
            .map(|event| {
                let f = f.clone();
                gloo::events::EventListener::new(&window, event, move |_| {
                    f(gloo::utils::window().location().hash().unwrap_or_default())
                })
            })
            .collect();
        Listening(listeners)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = f;
        Listening(Vec::new())
    }
}

/// Starts the app in the page: installs the panic hook, mounts [`super::App`] on a new element
/// at the end of the body, then removes the page's stand-in (`#prerendered`: the home view
/// rendered at build time, or a loading line). Text typed into the stand-in's search box
/// before the app started is carried over.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use wasm_bindgen::JsCast;
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_error(&info.to_string());
    }));
    let document = gloo::utils::document();
    // The rules of the views the first view lacks (assets/full.css), before anything is
    // drawn: a constructed style sheet after the page's own in the cascade, as if appended
    // to style.css, which every visitor loads first without them. Every build but the first
    // view carries some of those views (sets, Compare and Charts).
    #[cfg(any(feature = "sets", feature = "charts"))]
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        if sheet
            .replace_sync(include_str!("../../assets/full.css"))
            .is_ok()
        {
            let sheets = document.adopted_style_sheets();
            sheets.push(&sheet);
            document.set_adopted_style_sheets(&sheets);
        }
    }
    let mut hash = gloo::utils::window().location().hash().unwrap_or_default();
    let stand_in = document.get_element_by_id("prerendered");
    let typed = document
        .query_selector("#prerendered #search")
        .ok()
        .flatten()
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default();
    if !typed.trim().is_empty() && hash.len() <= 1 {
        hash = crate::core::url::render(&crate::core::url::View {
            selection: crate::core::query::Selection {
                text: typed,
                ..Default::default()
            },
            ..Default::default()
        });
    }
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_id("app");
    if let Some(body) = document.body() {
        body.append_child(&root).ok();
    }
    let handle = yew::Renderer::<super::App>::with_root_and_props(
        root,
        super::app::AppProps { url: hash.into() },
    )
    .render();
    if let Some(stand_in) = stand_in {
        stand_in.remove();
    }
    RUNNING.with(|running| *running.borrow_mut() = Some(handle));
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static RUNNING: std::cell::RefCell<Option<yew::AppHandle<super::App>>> = const { std::cell::RefCell::new(None) };
}

/// Unmounts the app and removes its element: the loader calls this on the first-view build
/// just before the full app starts in its place.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn stop() {
    if let Some(handle) = RUNNING.with(|running| running.borrow_mut().take()) {
        handle.destroy();
    }
    if let Some(root) = gloo::utils::document().get_element_by_id("app") {
        root.remove();
    }
}

/// Replaces the page with a visible error message (never a blank page), written as text.
#[cfg(target_arch = "wasm32")]
fn show_fatal_error(detail: &str) {
    let document = gloo::utils::document();
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_class_name("fatal-error");
    panel.set_attribute("role", "alert").ok();
    panel.set_text_content(Some(&format!(
        "Messages Explorer stopped because of an internal error. Reload the page to start again. Details: {detail}"
    )));
    if let Some(body) = document.body() {
        body.prepend_with_node_1(&panel).ok();
    }
}
