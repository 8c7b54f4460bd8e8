use yew::prelude::*;

use crate::core::query::{Facet, FacetValue};

/// Props of [`FacetList`].
#[derive(Properties, PartialEq)]
pub struct FacetListProps {
    /// Which facet.
    pub facet: Facet,
    /// Every value with its count.
    pub values: Vec<FacetValue>,
    /// Called with the value's id when it is ticked or unticked.
    pub ontoggle: Callback<(Facet, String)>,
}

/// A facet as a group of checkboxes with counts.
#[function_component(FacetList)]
pub fn facet_list(props: &FacetListProps) -> Html {
    let facet = props.facet;
    html! {
        <fieldset class="facet" data-testid={format!("facet-{}", facet.key())}>
            <legend>{ facet.label() }</legend>
            <ul>
                { for props.values.iter().map(|value| {
                    let id = format!("facet-{}-{}", facet.key(), value.id);
                    let onchange = {
                        let ontoggle = props.ontoggle.clone();
                        let value_id = value.id.clone();
                        Callback::from(move |_: Event| ontoggle.emit((facet, value_id.clone())))
                    };
                    html! {
                        <li class={classes!((value.count == 0 && !value.selected).then_some("empty"))}>
                            <input type="checkbox" id={id.clone()} checked={value.selected} {onchange} />
                            <label for={id}>
                                { value.label.clone() }
                                <span class="count">{ format!(" ({})", value.count) }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}
