//! The app's state as plain data, the actions a user can take, and the pure reducer that
//! applies them (the Elm architecture). The UI holds one [`AppState`] and dispatches
//! [`Action`]s; the URL is rendered from `state.view`.

use super::query::{Facet, Filters, Sort};
use super::url::{Notice, Route, View, MAX_COMPARED, MAX_SLIDE, MAX_TERMS, MAX_TERM_CHARS};

/// How many results are shown at first, and added by each "Show more".
pub const PAGE_SIZE: usize = 20;
/// The most messages a handout prints: 1,000 messages are some 300 pages already, and
/// rendering 200,000 cards blocks the page for a minute. A handout of a larger selection
/// says that it holds the first 1,000 (see [`printed_note`]).
pub const MAX_PRINTED: usize = 1_000;

/// What a handout of `found` messages says about those it leaves out, if any.
pub fn printed_note(found: usize) -> Option<String> {
    super::wording::printed_note(found, MAX_PRINTED)
}

/// How the browser history should record the latest change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistoryMode {
    /// A new entry (filter changes, opening a message): Back returns to the previous view.
    #[default]
    Push,
    /// Replace the current entry (typing in the search box: no entry per keystroke).
    Replace,
    /// The view came from the URL (load, Back/Forward): leave history as it is.
    Keep,
}

/// Everything the UI shows, as plain data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// The page and selection (what the URL holds).
    pub view: View,
    /// Notices for the user (dropped URL parts), dismissible.
    pub notices: Vec<String>,
    /// How many results are shown (grows with "Show more"; resets when the selection changes).
    pub shown: usize,
    /// How the last change should be recorded in the browser history.
    pub history: HistoryMode,
}

impl AppState {
    /// The state for a view read from a URL, with the warnings of its parsing as notices.
    pub fn from_url(view: View, warnings: Vec<Notice>) -> AppState {
        AppState {
            view,
            notices: warnings.iter().map(ToString::to_string).collect(),
            shown: PAGE_SIZE,
            history: HistoryMode::Keep,
        }
    }
}

/// What a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Typed in the search box.
    SetText(String),
    /// Ticked or unticked a facet value.
    ToggleFacet(Facet, String),
    /// Removed every filter and the search text.
    ClearAll,
    /// Chose an order.
    SetSort(Sort),
    /// Chose to search only for what was typed (`true`), or with its equivalents.
    SetExact(bool),
    /// Opened a page (navigation links, opening a message).
    Go(Route),
    /// The URL changed (load, Back/Forward, a pasted link): adopt its view.
    Navigated(Box<View>, Vec<Notice>),
    /// Asked for more results.
    ShowMore,
    /// Dismissed the notice at this position.
    DismissNotice(usize),
    /// Added or removed a meeting of the comparison (at most four are kept).
    ToggleCompareMeeting(String),
    /// Chose the topic whose messages are set side by side (or none).
    SetCompareTopic(Option<String>),
    /// Entered the terms of the trend chart.
    SetChartTerms(Vec<String>),
    /// Switched the topic chart between counts and shares.
    SetChartShares(bool),
    /// Moved to a slide of the presentation (from 1; clamped by the page).
    SetSlide(usize),
    /// Asked to see every result at once (before printing a handout).
    ShowAll(usize),
    /// Another corpus is now in use: the selection (whose ids belonged to the previous
    /// corpus) is cleared and the notice says which corpus is loaded.
    CorpusChanged(CorpusInUse),
}

/// The corpus that has just been put in use, as [`Action::CorpusChanged`] carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusInUse {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// How many messages it holds.
    pub messages: usize,
    /// Whether it is the built-in corpus (else a file the reader loaded).
    pub builtin: bool,
    /// Whether it is the file kept on this device (opened by a link made on it, or asked for).
    pub kept: bool,
    /// The view of the link made on it that the page was opened with, read again with
    /// its ids; `None` opens the corpus's home view.
    pub reopened: Option<Box<View>>,
    /// What the page says once it is in use: which corpus ([`CorpusInUse::notice`]),
    /// then what reading the link again dropped. (Given by the caller, so that a build
    /// that never changes the corpus, the first view, carries none of these sentences.)
    pub notices: Vec<String>,
}

impl CorpusInUse {
    /// The notice that says which corpus is now in use.
    pub fn notice(&self) -> String {
        super::wording::corpus_in_use(&self.title, self.messages, self.builtin, self.kept)
    }
}

pub use super::wording::corpus_label;

/// What a key does in presentation mode (clickers send these keys too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Next slide.
    Next,
    /// Previous slide.
    Previous,
    /// First slide.
    First,
    /// Last slide.
    Last,
    /// Leave presentation mode.
    Leave,
}

/// The slide shown for `slide` of a presentation of `total` messages: 1 to the last.
pub fn clamp_slide(slide: usize, total: usize) -> usize {
    slide.clamp(1, total.max(1))
}

impl Step {
    /// The slide this step leads to from `slide` of `total` (1-based, clamped); `None`
    /// for leaving.
    pub fn target(self, slide: usize, total: usize) -> Option<usize> {
        let last = total.max(1);
        match self {
            Step::Next => Some(clamp_slide(slide + 1, total)),
            Step::Previous => Some(clamp_slide(slide.saturating_sub(1), total)),
            Step::First => Some(1),
            Step::Last => Some(last),
            Step::Leave => None,
        }
    }
}

/// The step a key stands for: arrows, Page Up/Down, space (shift-space back), Home, End,
/// Escape.
pub fn step_for(key: &str, shift: bool) -> Option<Step> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | "Enter" => Some(Step::Next),
        " " | "Spacebar" => Some(if shift { Step::Previous } else { Step::Next }),
        "ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        "Escape" => Some(Step::Leave),
        _ => None,
    }
}

/// Applies an action to a state, returning the new state. Pure: no I/O.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let mut next = state.clone();
    next.history = HistoryMode::Push;
    let selection = &mut next.view.selection;
    match action {
        Action::SetText(text) => {
            // With no words there is nothing to be exact about (and the address, which
            // omits `exact` without `q`, must say the same).
            if text.trim().is_empty() {
                selection.exact = false;
            }
            selection.text = text;
            next.history = HistoryMode::Replace;
            next.shown = PAGE_SIZE;
            next.view.route = Route::Explore;
        }
        Action::ToggleFacet(facet, value) => {
            selection.filters.toggle(facet, &value);
            next.shown = PAGE_SIZE;
            next.view.route = Route::Explore;
        }
        Action::ClearAll => {
            selection.text.clear();
            selection.exact = false;
            selection.filters = Filters::default();
            selection.like = None;
            next.shown = PAGE_SIZE;
        }
        Action::SetSort(sort) => selection.sort = sort,
        Action::SetExact(exact) => {
            selection.exact = exact;
            next.shown = PAGE_SIZE;
        }
        Action::Go(route) => next.view.route = route,
        Action::Navigated(view, warnings) => {
            return AppState {
                shown: state.shown.max(PAGE_SIZE),
                ..AppState::from_url(*view, warnings)
            }
        }
        Action::ShowMore => {
            next.shown = state.shown + PAGE_SIZE;
            next.history = HistoryMode::Keep;
        }
        Action::ToggleCompareMeeting(id) => {
            let meetings = &mut next.view.compare.meetings;
            if !meetings.remove(&id) && meetings.len() < MAX_COMPARED {
                meetings.insert(id);
            }
        }
        Action::SetCompareTopic(topic) => next.view.compare.topic = topic,
        Action::SetChartTerms(terms) => {
            next.view.charts.terms = terms
                .into_iter()
                .filter(|t| t.chars().count() <= MAX_TERM_CHARS)
                .take(MAX_TERMS)
                .collect()
        }
        Action::SetChartShares(shares) => next.view.charts.shares = shares,
        Action::SetSlide(slide) => {
            next.view.slide = slide.clamp(1, MAX_SLIDE);
            next.history = HistoryMode::Replace;
        }
        Action::ShowAll(total) => {
            next.shown = state.shown.max(total.min(MAX_PRINTED));
            next.history = HistoryMode::Keep;
        }
        Action::CorpusChanged(corpus) => {
            next.notices = corpus.notices;
            next.view = match corpus.reopened {
                // The address stays the link it was opened with.
                Some(view) => {
                    next.history = HistoryMode::Replace;
                    *view
                }
                None => View {
                    corpus: (!corpus.builtin).then(|| corpus.id.clone()),
                    ..View::default()
                },
            };
            next.shown = PAGE_SIZE;
        }
        Action::DismissNotice(i) => {
            if i < next.notices.len() {
                next.notices.remove(i);
            }
            next.history = HistoryMode::Keep;
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::BUILTIN_CORPUS;

    #[test]
    fn slide_steps_stay_in_range() {
        assert_eq!(Step::Next.target(12, 12), Some(12));
        assert_eq!(Step::Previous.target(1, 12), Some(1));
        assert_eq!(Step::Next.target(3, 12), Some(4));
        assert_eq!(Step::Last.target(3, 0), Some(1));
        assert_eq!(Step::Leave.target(3, 12), None);
    }

    #[test]
    fn typing_replaces_history_and_filters_push() {
        let state = AppState::default();
        let typed = reduce(&state, Action::SetText("gen".into()));
        assert_eq!(typed.history, HistoryMode::Replace);
        assert_eq!(typed.view.selection.text, "gen");
        let filtered = reduce(
            &typed,
            Action::ToggleFacet(Facet::Topic, "human-rights".into()),
        );
        assert_eq!(filtered.history, HistoryMode::Push);
        assert!(filtered
            .view
            .selection
            .filters
            .topics
            .contains("human-rights"));
        let mut filtered = filtered;
        filtered.view.selection.like = Some("geneva-2017-gender-3".into());
        let exact = reduce(&filtered, Action::SetExact(true));
        assert!(exact.view.selection.exact);
        assert!(
            reduce(&exact, Action::SetText("more".into()))
                .view
                .selection
                .exact
        );
        assert!(
            !reduce(&exact, Action::SetText(" ".into()))
                .view
                .selection
                .exact
        );
        let cleared = reduce(&exact, Action::ClearAll);
        assert!(!cleared.view.selection.exact);
        assert!(cleared.view.selection.filters.is_empty());
        assert!(cleared.view.selection.text.is_empty());
        assert!(cleared.view.selection.like.is_none());
    }

    #[test]
    fn show_more_grows_and_a_new_selection_resets() {
        let state = AppState {
            shown: PAGE_SIZE,
            ..AppState::default()
        };
        let more = reduce(&state, Action::ShowMore);
        assert_eq!(more.shown, 2 * PAGE_SIZE);
        assert_eq!(more.history, HistoryMode::Keep);
        let typed = reduce(&more, Action::SetText("data".into()));
        assert_eq!(typed.shown, PAGE_SIZE);
    }

    #[test]
    fn a_corpus_change_clears_the_view_and_says_which_corpus() {
        let loaded = CorpusInUse {
            id: "class-2026".into(),
            title: "Mine".into(),
            messages: 2,
            builtin: false,
            kept: false,
            reopened: None,
            notices: Vec::new(),
        };
        let loaded = CorpusInUse {
            notices: vec![loaded.notice()],
            ..loaded
        };
        let state = reduce(&AppState::default(), Action::CorpusChanged(loaded));
        assert_eq!(state.view.corpus.as_deref(), Some("class-2026"));
        assert!(state.notices[0].starts_with("Loaded your corpus \"Mine\" (2 messages)."));
        let back = CorpusInUse {
            id: BUILTIN_CORPUS.into(),
            title: "IGF Messages".into(),
            messages: 66,
            builtin: true,
            kept: false,
            reopened: None,
            notices: Vec::new(),
        };
        let back = CorpusInUse {
            notices: vec![back.notice()],
            ..back
        };
        let state = reduce(&state, Action::CorpusChanged(back));
        assert_eq!(state.view.corpus, None);
        assert_eq!(
            state.notices,
            ["Back to the built-in corpus (66 messages)."]
        );
        // A link made on a kept corpus: its view, the corpus named, then what was dropped.
        let mut view = View {
            corpus: Some("class-2026".into()),
            ..View::default()
        };
        view.selection.text = "rights".into();
        let reopened = CorpusInUse {
            id: "class-2026".into(),
            title: "Our class".into(),
            messages: 2,
            builtin: false,
            kept: true,
            reopened: Some(Box::new(view.clone())),
            notices: Vec::new(),
        };
        let reopened = CorpusInUse {
            notices: vec![
                reopened.notice(),
                Notice::UnknownMessage("x".into()).to_string(),
            ],
            ..reopened
        };
        let state = reduce(&AppState::default(), Action::CorpusChanged(reopened));
        assert_eq!(state.view, view);
        assert_eq!(state.notices.len(), 2);
        assert!(state.notices[0].starts_with(
            "Showing your own corpus \"Our class\" (2 messages), kept on this device"
        ));
    }

    #[test]
    fn slides_are_clamped_in_one_place() {
        assert_eq!(clamp_slide(0, 5), 1);
        assert_eq!(clamp_slide(9, 5), 5);
        assert_eq!(clamp_slide(3, 0), 1);
        assert_eq!(Step::Next.target(5, 5), Some(5));
        assert_eq!(Step::Previous.target(1, 5), Some(1));
    }

    #[test]
    fn a_handout_prints_at_most_a_thousand_messages_and_says_so() {
        let state = AppState::default();
        assert_eq!(reduce(&state, Action::ShowAll(66)).shown, 66);
        assert_eq!(reduce(&state, Action::ShowAll(200_000)).shown, MAX_PRINTED);
        assert_eq!(printed_note(MAX_PRINTED), None);
        assert!(printed_note(200_000)
            .unwrap()
            .contains("first 1000 of the 200000"));
    }

    #[test]
    fn compare_keeps_at_most_four_meetings() {
        let mut state = AppState::default();
        for id in ["a-2017", "b-2018", "c-2019", "d-2020", "e-2021"] {
            state = reduce(&state, Action::ToggleCompareMeeting(id.into()));
        }
        assert_eq!(state.view.compare.meetings.len(), 4);
        state = reduce(&state, Action::ToggleCompareMeeting("a-2017".into()));
        assert_eq!(state.view.compare.meetings.len(), 3);
        let terms = (0..9).map(|i| i.to_string()).collect();
        assert_eq!(
            reduce(&state, Action::SetChartTerms(terms))
                .view
                .charts
                .terms
                .len(),
            5
        );
    }

    #[test]
    fn notices_are_dismissed_by_position_and_out_of_range_is_ignored() {
        let state = AppState {
            notices: vec!["a".into(), "b".into()],
            ..AppState::default()
        };
        assert_eq!(reduce(&state, Action::DismissNotice(0)).notices, ["b"]);
        assert_eq!(reduce(&state, Action::DismissNotice(9)).notices, ["a", "b"]);
    }

    #[test]
    fn clicker_and_keyboard_keys() {
        let check = |key: &str, shift: bool, expected: Option<Step>| {
            assert_eq!(step_for(key, shift), expected, "{key}")
        };
        check("ArrowRight", false, Some(Step::Next));
        check("PageDown", false, Some(Step::Next));
        check(" ", false, Some(Step::Next));
        check(" ", true, Some(Step::Previous));
        check("PageUp", false, Some(Step::Previous));
        check("Home", false, Some(Step::First));
        check("End", false, Some(Step::Last));
        check("Escape", false, Some(Step::Leave));
        check("a", false, None);
    }
}
