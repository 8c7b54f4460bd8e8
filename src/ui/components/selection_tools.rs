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
