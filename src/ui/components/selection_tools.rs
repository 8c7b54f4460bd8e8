use yew::prelude::*;

/// Props of [`SelectionTools`].
#[derive(Properties, PartialEq)]
pub struct SelectionToolsProps {
    /// Link to the presentation of the selection.
    pub present: AttrValue,
    /// How many messages the selection holds.
    pub count: usize,
    /// Asked to print a handout (the page shows every result first).
    pub onprint: Callback<()>,
    /// Asked to export, with the format: "csv", "json" or "md".
    pub onexport: Callback<&'static str>,
}

/// What a teacher does with a selection: present it, print it, export it.
#[function_component(SelectionTools)]
pub fn selection_tools(props: &SelectionToolsProps) -> Html {
    let export = |format: &'static str| props.onexport.reform(move |_: MouseEvent| format);
    let disabled = props.count == 0;
    html! {
        <div class="selection-tools" role="group" aria-label="Use this selection" data-testid="selection-tools">
            <a class="button" href={props.present.clone()} data-testid="present-link">{ "Present" }</a>
            <button onclick={props.onprint.reform(|_: MouseEvent| ())} {disabled} data-testid="print">{ "Print handout" }</button>
            <span class="export-label">{ "Export:" }</span>
            <button onclick={export("csv")} {disabled} data-testid="export-csv">{ "CSV" }</button>
            <button onclick={export("json")} {disabled} data-testid="export-json">{ "JSON" }</button>
            <button onclick={export("md")} {disabled} data-testid="export-md">{ "Markdown" }</button>
        </div>
    }
}

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
