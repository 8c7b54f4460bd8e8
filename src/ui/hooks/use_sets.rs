//! The sets kept on this device (issue 27): the core's [`Shelf`] in a reducer, read from
//! the device when the full app starts, written back after each edit, and what the last
//! edit tells a screen reader. Only the full app provides it: the first view's "Add to
//! set" hands over to the full app, which adds the message (`set-add:<id>`).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::set::{SetAction, Shelf};
use crate::ui::browser;

/// The sets, and what the last edit said ("Added to set, 3 messages").
#[derive(Clone, PartialEq, Default)]
pub struct Sets {
    /// Every set on this device and the one in use.
    pub shelf: Shelf,
    /// What the last edit announces, and its number (the same words said again are a
    /// new announcement).
    pub said: (String, u32),
}

impl Reducible for Sets {
    type Action = SetAction;

    fn reduce(self: Rc<Self>, action: SetAction) -> Rc<Self> {
        let mut next = (*self).clone();
        if let Some(words) = next.shelf.apply(action) {
            next.said = (words, self.said.1.wrapping_add(1));
        }
        Rc::new(next)
    }
}

/// What pages read: the sets, and how to edit them.
pub type SetsContext = UseReducerHandle<Sets>;

/// The sets on this device, kept there after each edit; a message the first view asked to
/// add is added once the app is on the page (so its announcement is heard).
#[hook]
pub fn use_sets() -> SetsContext {
    let sets = use_reducer_eq(|| Sets {
        shelf: browser::kept_sets()
            .map(|text| Shelf::from_storage(&text))
            .unwrap_or_default(),
        said: (String::new(), 0),
    });
    {
        let sets = sets.clone();
        use_effect_with((), move |_| {
            if let Some(id) = browser::take_pending_action("set-add:") {
                // After the header's live region is on the page, so the addition is heard.
                browser::spawn(async move {
                    browser::pause(100).await;
                    sets.dispatch(SetAction::Add(id, None));
                });
            }
        });
    }
    // Written after an edit only: nothing is stored on a device whose reader made no set.
    let started = use_mut_ref(|| false);
    use_effect_with(sets.shelf.clone(), move |shelf| {
        if std::mem::replace(&mut *started.borrow_mut(), true) {
            browser::keep_sets(&shelf.to_storage(), shelf.count() > 0);
        }
    });
    sets
}

/// The sets, in the full app (`None` in the first view, which carries none of them).
#[hook]
pub fn use_sets_context() -> Option<SetsContext> {
    use_context::<SetsContext>()
}
