use yew::prelude::*;

use crate::core::export::ExportFormat;

/// Props of [`SelectionTools`].
#[derive(Properties, PartialEq)]
pub struct SelectionToolsProps {
    /// Link to the presentation of the selection.
    pub present: AttrValue,
    /// Link to the selection's citations.
    pub cite: AttrValue,
    /// How many messages the selection holds.
    pub count: usize,
    /// Asked to print a handout (the page shows every result first).
    pub onprint: Callback<()>,
    /// Asked to export, with the format.
    pub onexport: Callback<ExportFormat>,
}

/// What a teacher does with a selection (present it, print it, export it), in one menu
/// so that the tools never push the messages down. Escape or a second press closes it.
#[function_component(SelectionTools)]
pub fn selection_tools(props: &SelectionToolsProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                open.set(false);
                // The panel hides: focus goes back to the button that opened it.
                crate::ui::browser::focus("selection-menu-button");
            }
        })
    };
    let then_close = |action: Callback<()>| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            action.emit(());
        })
    };
    let export = |format: ExportFormat| then_close(props.onexport.reform(move |_: ()| format));
    let disabled = props.count == 0;
    html! {
        <div class="menu" {onkeydown} data-testid="selection-tools">
            <button id="selection-menu-button" class="menu-button" aria-expanded={(*open).to_string()} aria-controls="selection-menu"
                onclick={toggle} data-testid="selection-menu">
                { "Present & export" }
            </button>
            <div id="selection-menu" class="menu-panel" role="group" aria-label="Use this selection" hidden={!*open}>
                <a class="button" href={props.present.clone()} data-testid="present-link">{ "Present" }</a>
                <a class="button" href={props.cite.clone()} data-testid="cite-link">{ "Cite" }</a>
                <button onclick={then_close(props.onprint.clone())} {disabled} data-testid="print">{ "Print handout" }</button>
                <span class="export-label">{ "Export:" }</span>
                { for ExportFormat::ALL.into_iter().map(|format| html! {
                    <button onclick={export(format)} {disabled} data-testid={format!("export-{}", format.slug())}>{ format.label() }</button>
                }) }
            </div>
        </div>
    }
}
