//! View state <-> URL. One function renders a [`View`] to its canonical hash URL, one
//! parses any string back, dropping (and reporting) what it cannot use. The URL is a view
//! of the state, never a second source of truth.
//!
//! Canonical form: `#/explore?q=…&exact=1&like=…&meeting=…&topic=…&heading=…&coverage=…&sort=…`, keys in
//! that fixed order, defaults omitted, set values sorted and comma-joined, percent-encoding
//! by `application/x-www-form-urlencoded` rules. Routes: `#/explore`, `#/message/<id>`
//! (with the selection it was opened from), `#/compare?meetings=…&topic=…`,
//! `#/charts?terms=…&scale=share`, `#/about`. A URL holds the state of its own page only.

use std::collections::{BTreeSet, HashSet};

use super::corpus::{Corpus, CoverageStatus};
use super::query::{Facet, Selection, Sort};
#[cfg(feature = "sets")]
use super::set::{Set, SetProblem};
use super::validate::is_slug;

/// Which page is shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub enum Route {
    /// Facets, search and results.
    #[default]
    Explore,
    /// One message in full, with its context.
    Message(String),
    /// Meetings side by side.
    Compare,
    /// Topics and terms across the years.
    Charts,
    /// The selection as slides, one message each.
    Present,
    /// The selection's citations: references to copy, files for a reference manager.
    Cite,
    /// A set of hand-picked messages: the one in use on this device, or one from a link.
    Set,
    /// A set as slides, its title and introduction first.
    SetSlides,
    /// The meetings, coverage, topics and sources.
    About,
    /// Your messages: load a corpus file or paste a message set.
    Load,
}

/// A Wasm module of the app (its build: [`crate::builds::BUILDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Module {
    /// The smaller build that starts first: Explore and a message's page.
    FirstView,
    /// The set view's build: a set from a link (and its slides) and a message's page, for a
    /// reader who opens a set's link; no larger than the first view, so that such a link
    /// opens as fast as a search link. It hands over to the full app for anything else.
    Sets,
    /// The charts view's build: Compare and Charts (and a message's page), for a reader who
    /// opens a link to one of them; 144 KB gzip less than the full app, so that such a link
    /// meets its 3.5 s target on a slow phone. It hands over to the full app for anything
    /// else.
    Charts,
    /// The whole app: every view, exports and related messages; it takes over from the
    /// first view when a reader asks for more.
    Full,
    /// The corpus reader, run in a Web Worker only when a reader loads a file or pastes.
    Reader,
    /// The citation writer (APA, Chicago, MLA, BibTeX), fetched only when the Cite view
    /// opens on a reader's own corpus (the built-in corpus's references are written at build
    /// time).
    Cite,
}

/// What a route's address holds after its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settings {
    /// Explore's selection (search, filters, sort, "more like this").
    Selection,
    /// The selection, and the slide shown.
    Slides,
    /// Compare's meetings and topic.
    Compare,
    /// The chart terms and scale.
    Charts,
    /// A set from a link (none: the set in use on this device).
    Set,
    /// A set, and the slide shown.
    SetSlides,
    /// Nothing of its own.
    Nothing,
}

/// The URL keys that only the full app reads: `corpus` (a reader's own corpus, which only
/// it loads) and `like` (related messages, which need its similarity weights). A link with
/// one of them starts the full app (`assets/loader.js`, from [`crate::builds::manifest`]).
pub const FULL_ONLY_KEYS: [&str; 2] = ["corpus", "like"];

/// One route's entry in the route table.
struct RouteInfo {
    path: &'static str,
    settings: Settings,
    module: Module,
    name: &'static str,
}

impl Route {
    /// Every route without a parameter (all but a message's page), as the table reads paths.
    pub const PAGES: [Route; 9] = [
        Route::Explore,
        Route::Compare,
        Route::Charts,
        Route::Present,
        Route::Cite,
        Route::Set,
        Route::SetSlides,
        Route::About,
        Route::Load,
    ];

    /// The route table: each route's path (`#/<path>`, a message's followed by `/<id>`), the
    /// settings its address holds, the Wasm module that renders it, and its name (the
    /// heading shown while the full app loads). A new view is a variant, a row here and a
    /// page (`src/ui/pages`); the loader and the build read the rest from this table.
    fn info(&self) -> RouteInfo {
        let row = |path, settings, module, name| RouteInfo {
            path,
            settings,
            module,
            name,
        };
        match self {
            Route::Explore => row("explore", Settings::Selection, Module::FirstView, "Explore"),
            Route::Message(_) => row("message", Settings::Selection, Module::FirstView, "Message"),
            Route::Compare => row(
                "compare",
                Settings::Compare,
                Module::Charts,
                "Compare meetings",
            ),
            Route::Charts => row("charts", Settings::Charts, Module::Charts, "Charts"),
            Route::Present => row("present", Settings::Slides, Module::Full, "Present"),
            Route::Cite => row("cite", Settings::Selection, Module::Full, "Cite"),
            Route::Set => row("set", Settings::Set, Module::Sets, "Set"),
            Route::SetSlides => row(
                "set/present",
                Settings::SetSlides,
                Module::Sets,
                "Present the set",
            ),
            Route::About => row("about", Settings::Nothing, Module::Full, "About the data"),
            Route::Load => row("load", Settings::Nothing, Module::Full, "Your messages"),
        }
    }

    /// The route's path, without `#/`.
    pub fn path(&self) -> &'static str {
        self.info().path
    }

    /// What its address holds after the path.
    pub fn settings(&self) -> Settings {
        self.info().settings
    }

    /// The Wasm module the page starts with for it: the smallest that renders it (the full
    /// app renders every route, and takes over from the others for a route they lack).
    pub fn module(&self) -> Module {
        self.info().module
    }

    /// Its name, as a heading.
    pub fn name(&self) -> &'static str {
        self.info().name
    }
}

/// The most meetings compared at once.
pub const MAX_COMPARED: usize = 4;
/// The most terms charted at once.
pub const MAX_TERMS: usize = 5;
/// The longest chart term kept, in characters.
pub const MAX_TERM_CHARS: usize = 80;

/// The Compare page's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct CompareSettings {
    /// Meeting ids (at most [`MAX_COMPARED`]; shown in chronological order).
    pub meetings: BTreeSet<String>,
    /// The topic whose messages are set side by side.
    pub topic: Option<String>,
}

/// The Charts page's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct ChartSettings {
    /// Terms of the trend chart, in the order entered (at most [`MAX_TERMS`]).
    pub terms: Vec<String>,
    /// Whether the topic chart shows shares within each meeting instead of counts.
    pub shares: bool,
}

/// Everything a URL holds: the page and its settings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct View {
    /// The page.
    pub route: Route,
    /// Search text, filters and sort (kept when a message is opened, for going back).
    pub selection: Selection,
    /// The Compare page's settings.
    pub compare: CompareSettings,
    /// The Charts page's settings.
    pub charts: ChartSettings,
    /// The slide shown in presentation mode, from 1 (1 is the default).
    pub slide: usize,
    /// The id of the loaded corpus the view is on; `None` for the built-in corpus.
    pub corpus: Option<String>,
    /// The set a link holds, in its link's form without `corpus` (the view's):
    /// `set::Set::encode`, read back by [`View::linked_set`]. `None` on a set's page is
    /// the set in use on this device. (Kept as text, so
    /// the first view, which shows no set, carries no set's code: nor this field.) A link
    /// whose set is refused (over a limit) leaves `None`, with the refusal's notice.
    #[cfg(feature = "sets")]
    pub set: Option<String>,
}

impl Default for View {
    fn default() -> Self {
        View {
            route: Route::Explore,
            selection: Selection::default(),
            compare: CompareSettings::default(),
            charts: ChartSettings::default(),
            slide: 1,
            corpus: None,
            #[cfg(feature = "sets")]
            set: None,
        }
    }
}

/// The id of the built-in corpus: links on it carry no `corpus` key.
pub const BUILTIN_CORPUS: &str = super::corpus::BUILTIN_ID;
/// The highest slide number a URL may ask for.
pub const MAX_SLIDE: usize = 1_000_000;

/// The form a [`View`] holds a set in: its link's, without its corpus (the view's).
#[cfg(feature = "sets")]
pub fn set_form(set: &Set) -> String {
    Set {
        corpus: None,
        ..set.clone()
    }
    .encode()
}

/// What a view holds of a link's set: its form, or nothing for a set with nothing in it
/// (whose address is `#/set`, the set in use on this device).
#[cfg(feature = "sets")]
fn linked(set: &Set) -> Option<String> {
    Some(set_form(set)).filter(|form| !form.is_empty())
}

#[cfg(feature = "sets")]
impl View {
    /// The set the view's link holds, read (`None`: the set in use on this device).
    pub fn linked_set(&self) -> Option<Set> {
        self.set.as_deref().map(|form| {
            Set::from_query(form)
                .map(|(set, _)| set)
                .unwrap_or_default()
        })
    }
}

impl View {
    /// The same view on another page (the settings of every page are kept).
    pub fn at(&self, route: Route) -> View {
        View {
            route,
            ..self.clone()
        }
    }
}

/// Splits a comma-separated list of chart terms: trimmed, blanks and repeats dropped.
pub fn split_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for term in text
        .split(',')
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
    {
        if !term.is_empty() && seen.insert(term.clone()) {
            terms.push(term);
        }
    }
    terms
}

/// The result of parsing a URL: the usable view and what was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The view, with every unusable part dropped.
    pub view: View,
    /// What was dropped, one notice per kind (`to_string` gives the sentence).
    pub warnings: Vec<Notice>,
}

/// Renders a view to its canonical hash URL (starting with `#/`).
pub fn render(view: &View) -> String {
    let mut pairs = form_urlencoded::Serializer::new(String::new());
    if let Some(corpus) = &view.corpus {
        pairs.append_pair("corpus", corpus);
    }
    let path = match &view.route {
        Route::Message(id) => format!("#/message/{}", encode_component(id)),
        route => format!("#/{}", route.path()),
    };
    match view.route.settings() {
        Settings::Selection | Settings::Slides => {}
        Settings::Nothing => return with_query(&path, pairs.finish()),
        Settings::Set | Settings::SetSlides => {
            #[allow(unused_mut)]
            let mut query = pairs.finish();
            #[cfg(feature = "sets")]
            if let Some(set) = &view.set {
                // The set's own form (its corpus is the view's, written above).
                if !query.is_empty() && !set.is_empty() {
                    query.push('&');
                }
                query.push_str(set);
            }
            if view.route.settings() == Settings::SetSlides && view.slide > 1 {
                if !query.is_empty() {
                    query.push('&');
                }
                query.push_str(&format!("slide={}", view.slide));
            }
            return with_query(&path, query);
        }
        Settings::Compare => {
            let compare = &view.compare;
            if !compare.meetings.is_empty() {
                pairs.append_pair(
                    "meetings",
                    &compare
                        .meetings
                        .iter()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(","),
                );
            }
            if let Some(topic) = &compare.topic {
                pairs.append_pair("topic", topic);
            }
            return with_query(&path, pairs.finish());
        }
        Settings::Charts => {
            let charts = &view.charts;
            if !charts.terms.is_empty() {
                pairs.append_pair("terms", &charts.terms.join(","));
            }
            if charts.shares {
                pairs.append_pair("scale", "share");
            }
            return with_query(&path, pairs.finish());
        }
    }
    let selection = &view.selection;
    if !selection.text.trim().is_empty() {
        pairs.append_pair("q", &selection.text);
        if selection.exact {
            pairs.append_pair("exact", "1");
        }
    }
    if let Some(like) = &selection.like {
        pairs.append_pair("like", like);
    }
    for facet in Facet::ALL {
        let values = selection.filters.values(facet);
        if !values.is_empty() {
            pairs.append_pair(facet.key(), &values.join(","));
        }
    }
    if selection.sort == Sort::Chronological {
        pairs.append_pair("sort", Sort::Chronological.slug());
    }
    if view.route.settings() == Settings::Slides && view.slide > 1 {
        pairs.append_pair("slide", &view.slide.to_string());
    }
    with_query(&path, pairs.finish())
}

fn with_query(path: &str, query: String) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

fn encode_component(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// A link read without any corpus: the view it asks for, with every id as written (a
/// message, "more like this", filter values, compared meetings and topic), and the
/// checks still to make against a corpus, in the order the link gives them. [`parse`]
/// makes it (syntax only: keys, numbers, sort and scale names, lengths, limits);
/// [`Link::resolve`] checks its ids against the corpus in use, so a link is read once and
/// resolved again when another corpus is put in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The view, with everything that needs no corpus, and no id yet.
    view: View,
    /// Drops and id checks, in the link's order (the notices come out in that order).
    steps: Vec<Step>,
}

/// One part of a [`Link`] that its resolution replays.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// Something the link's form dropped.
    Drop(Notice),
    /// `#/message/<id>`.
    Message(String),
    /// The corpus the link was made on.
    Corpus(String),
    /// "More like this": the id as written.
    Like(String),
    /// A filter value.
    Filter(Facet, String),
    /// A compared meeting.
    Compared(String),
    /// Compare's topic.
    CompareTopic(String),
    /// The set's ids, checked against the corpus (unknown ones dropped with one notice).
    #[cfg(feature = "sets")]
    SetKnown,
}

/// Reads a URL (a whole address, a `#…` fragment, or junk) without a corpus. Never fails:
/// unknown keys and bad values are dropped with a notice, kept in the [`Link`].
pub fn parse(url: &str) -> Link {
    let mut steps = Vec::new();
    let fragment = url.split_once('#').map_or(url, |(_, f)| f);
    let whole = fragment.len();
    let (fragment, cut) = match cut_to_limit(fragment) {
        Some(cut) => (cut, true),
        None => (fragment, false),
    };
    let fragment = fragment.strip_prefix('/').unwrap_or(fragment);
    let (path, query) = fragment.split_once('?').unwrap_or((fragment, ""));
    let path = path.trim_end_matches('/');
    let route = parse_route(path, &mut steps);
    let mut view = View {
        route,
        ..View::default()
    };
    let settings = view.route.settings();
    let on_set = matches!(settings, Settings::Set | Settings::SetSlides);
    #[cfg(not(feature = "sets"))]
    let _ = (whole, on_set);
    #[cfg(feature = "sets")]
    if cut && on_set {
        // A set is read whole or refused, never cut (the first view, which reads no set,
        // hands it to the full app).
        // (The view is the set in use on this device, under the notice.)
        steps.push(Step::Drop(Notice::Set(
            SetProblem::LinkTooLong(whole).sentence(),
        )));
        return Link { view, steps };
    }
    if cut {
        steps.insert(0, Step::Drop(Notice::LinkTooLong));
    }
    #[cfg(feature = "sets")]
    let mut holds_set = false;
    let mut seen: HashSet<String> = HashSet::new();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        if !seen.insert(key.to_string()) {
            steps.push(Step::Drop(Notice::RepeatedKey(key.to_string())));
            continue;
        }
        if key == "corpus" {
            steps.push(Step::Corpus(value.to_string()));
            continue;
        }
        if matches!(settings, Settings::Slides | Settings::SetSlides) && key == "slide" {
            match value.parse::<usize>() {
                Ok(n) if (1..=MAX_SLIDE).contains(&n) => view.slide = n,
                _ => steps.push(Step::Drop(Notice::BadSlide(value.to_string()))),
            }
            continue;
        }
        match settings {
            #[cfg(feature = "sets")]
            Settings::Set | Settings::SetSlides if super::set::Set::is_key(&key) => {
                holds_set = true
            }
            #[cfg(feature = "sets")]
            Settings::Set | Settings::SetSlides => {
                steps.push(Step::Drop(Notice::UnknownKey(key.to_string())))
            }
            // The first view shows no set: the full app, which takes over, reads its keys.
            #[cfg(not(feature = "sets"))]
            Settings::Set | Settings::SetSlides => {}
            Settings::Nothing => steps.push(Step::Drop(Notice::UnknownKey(key.to_string()))),
            Settings::Compare => parse_compare(&key, &value, &mut steps),
            Settings::Charts => parse_charts(&key, &value, &mut view.charts, &mut steps),
            Settings::Selection | Settings::Slides => {
                parse_selection(&key, &value, &mut view.selection, &mut steps)
            }
        }
    }
    #[cfg(feature = "sets")]
    if holds_set {
        // Read by the set's own reader (limits refused whole, bad ids dropped); its ids
        // are checked against the corpus when the link is resolved.
        match Set::from_query(query) {
            Ok((set, dropped)) => {
                steps.extend(
                    dropped
                        .into_iter()
                        .map(|p| Step::Drop(Notice::Set(p.sentence()))),
                );
                view.set = linked(&set);
                steps.push(Step::SetKnown);
            }
            // Refused whole: the set in use on this device, under the notice.
            Err(problem) => steps.push(Step::Drop(Notice::Set(problem.sentence()))),
        }
    }
    Link { view, steps }
}

impl Link {
    /// The reader's corpus the link was made on (its `corpus` key), if not the built-in one.
    pub fn corpus(&self) -> Option<&str> {
        self.steps.iter().find_map(|step| match step {
            Step::Corpus(id) if id != BUILTIN_CORPUS => Some(id.as_str()),
            _ => None,
        })
    }

    /// The view on `corpus`: every id it does not have dropped with a notice (a message
    /// that is not in it opens Explore), and the link's corpus compared with it.
    pub fn resolve(&self, corpus: &Corpus) -> Parsed {
        let mut view = self.view.clone();
        let mut warnings = Dropped::default();
        for step in &self.steps {
            match step {
                Step::Drop(notice) => warnings.add(notice.clone()),
                Step::Message(id) if corpus.message(id).is_some() => {
                    view.route = Route::Message(id.clone())
                }
                Step::Message(id) => {
                    view.route = Route::Explore;
                    warnings.add(Notice::UnknownMessage(id.clone()));
                }
                Step::Corpus(id) if *id != corpus.id => warnings.add(Notice::OtherCorpus {
                    id: id.clone(),
                    title: corpus.title.clone(),
                }),
                Step::Corpus(_) => {}
                Step::Like(written) => {
                    // Tolerant like the facets: spaces around the id and capitals are forgiven.
                    let id = written.trim().to_ascii_lowercase();
                    if corpus.message(&id).is_some() {
                        view.selection.like = Some(id);
                    } else {
                        warnings.add(Notice::UnknownLike(written.clone()));
                    }
                }
                Step::Filter(facet, id) if facet_value_exists(corpus, *facet, id) => {
                    if !view.selection.filters.contains(*facet, id) {
                        view.selection.filters.toggle(*facet, id);
                    }
                }
                Step::Filter(facet, id) => warnings.add(Notice::UnknownValue {
                    facet: facet.key(),
                    value: id.clone(),
                }),
                Step::Compared(id) => {
                    let meetings = &mut view.compare.meetings;
                    if !facet_value_exists(corpus, Facet::Meeting, id) {
                        warnings.add(Notice::UnknownValue {
                            facet: "meeting",
                            value: id.clone(),
                        });
                    } else if meetings.len() == MAX_COMPARED && !meetings.contains(id) {
                        warnings.add(Notice::MeetingOverLimit(id.clone()));
                    } else {
                        meetings.insert(id.clone());
                    }
                }
                Step::CompareTopic(id) if facet_value_exists(corpus, Facet::Topic, id) => {
                    view.compare.topic = Some(id.clone())
                }
                Step::CompareTopic(id) => warnings.add(Notice::UnknownValue {
                    facet: "topic",
                    value: id.clone(),
                }),
                #[cfg(feature = "sets")]
                Step::SetKnown => {
                    if let Some(set) = view.linked_set() {
                        let (set, unknown) = set.keep_known(corpus);
                        view.set = linked(&set);
                        if let Some(problem) = unknown {
                            warnings.add(Notice::Set(problem.sentence()));
                        }
                    }
                }
            }
        }
        view.corpus = (corpus.id != BUILTIN_CORPUS).then(|| corpus.id.clone());
        Parsed {
            view,
            warnings: warnings.into_notices(),
        }
    }
}

/// The Explore view of one meeting's messages, optionally under one topic or matching a
/// complete word or phrase (the link of a chart's cell or point, and of a distinctive
/// term in Compare).
pub fn explore_view(meeting: &str, topic: Option<&str>, text: Option<&str>) -> View {
    let mut selection = Selection::default();
    selection.filters.toggle(Facet::Meeting, meeting);
    if let Some(topic) = topic {
        selection.filters.toggle(Facet::Topic, topic);
    }
    if let Some(text) = text {
        // A trailing space: the word is complete, not a prefix being typed.
        selection.text = format!("{text} ");
    }
    View {
        route: Route::Explore,
        selection,
        ..View::default()
    }
}

/// The home view's three ways to start, as labels and links. Written out, so that the
/// first-view build carries no code to render Compare and Charts links; a test checks
/// that each is the canonical link of its view.
pub const HOME_EXAMPLES: [(&str, &str); 3] = [
    (
        "Search “digital divide”",
        "#/explore?q=%22digital+divide%22",
    ),
    (
        "Geneva 2017 beside Kyoto 2023",
        "#/compare?meetings=geneva-2017%2Ckyoto-2023",
    ),
    (
        "“data” and “AI” across the years",
        "#/charts?terms=data%2CAI",
    ),
];

/// Compare with these meetings side by side.
pub fn compare_view(meetings: &[&str]) -> View {
    View {
        route: Route::Compare,
        compare: CompareSettings {
            meetings: meetings.iter().map(|s| s.to_string()).collect(),
            topic: None,
        },
        ..View::default()
    }
}

/// Charts with these terms' trends.
pub fn charts_view(terms: &[&str]) -> View {
    View {
        route: Route::Charts,
        charts: ChartSettings {
            terms: terms.iter().map(|s| s.to_string()).collect(),
            ..ChartSettings::default()
        },
        ..View::default()
    }
}

/// The Explore view of the messages most like one message ("More like this").
pub fn like_view(message: &str) -> View {
    let mut view = View::default();
    view.selection.like = Some(message.to_string());
    view
}

/// What a link made on another corpus says while that corpus is looked for on this device.
pub fn linked_corpus_sentence(id: &str) -> String {
    super::wording::looking_for_corpus(&shorten(id))
}

pub use super::validate::MAX_LINK_BYTES;

/// The fragment cut at [`MAX_LINK_BYTES`] (back to the last `&` or `,` before that, so no
/// value is read half), or `None` when it is within the limit.
fn cut_to_limit(fragment: &str) -> Option<&str> {
    if fragment.len() <= MAX_LINK_BYTES {
        return None;
    }
    let mut end = MAX_LINK_BYTES;
    while !fragment.is_char_boundary(end) {
        end -= 1;
    }
    let head = &fragment[..end];
    Some(head.rfind(['&', ',']).map_or(head, |at| &head[..at]))
}

/// `51200` as "51,200".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Why part of a link was dropped (the URL's notice kinds); `Display` gives the sentence
/// the page shows. Values are shortened there, so a huge value makes a short notice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Notice {
    /// The link is longer than [`MAX_LINK_BYTES`]; the rest was not read.
    #[error(
        "This link is longer than {} characters; the part after that was ignored",
        thousands(MAX_LINK_BYTES)
    )]
    LinkTooLong,
    /// `#/message/<id>` names no message of this corpus.
    #[error("Message '{}' is not in this corpus; showing the list instead", shorten(.0))]
    UnknownMessage(String),
    /// `like` names no message of this corpus.
    #[error("Ignored \"More like this\" for message '{}': it is not in this corpus", shorten(.0))]
    UnknownLike(String),
    /// The path names no view.
    #[error("Unknown page '{}'; showing Explore", shorten(.0))]
    UnknownPage(String),
    /// The link was made on another corpus than the one in use.
    #[error("This link was made with the corpus '{}', which is not loaded here: it is shown on \"{}\" instead", shorten(.id), shorten(.title))]
    OtherCorpus {
        /// The corpus id the link names.
        id: String,
        /// The title of the corpus in use.
        title: String,
    },
    /// `slide` is not a slide number.
    #[error("Ignored slide '{}'", shorten(.0))]
    BadSlide(String),
    /// `exact` is neither `1` nor `0`.
    #[error("Ignored exact='{}': the search includes equivalents", shorten(.0))]
    BadExact(String),
    /// `sort` names no order.
    #[error("Ignored unknown sort '{}'", shorten(.0))]
    UnknownSort(String),
    /// `scale` is neither `share` nor `count`.
    #[error("Ignored unknown scale '{}'", shorten(.0))]
    UnknownScale(String),
    /// A key appears twice; the first is used.
    #[error("Ignored repeated key '{}'", shorten(.0))]
    RepeatedKey(String),
    /// A key this view does not read.
    #[error("Ignored unknown key '{}'", shorten(.0))]
    UnknownKey(String),
    /// A facet value (meeting, topic, heading, coverage) this corpus does not have.
    #[error("Ignored unknown {facet} '{}'", shorten(.value))]
    UnknownValue {
        /// The facet's key.
        facet: &'static str,
        /// The value.
        value: String,
    },
    /// A meeting past the [`MAX_COMPARED`] that Compare shows.
    #[error("Ignored meeting '{0}': at most {MAX_COMPARED} meetings are compared")]
    MeetingOverLimit(String),
    /// A chart term longer than [`MAX_TERM_CHARS`].
    #[error("Ignored term '{}': longer than {MAX_TERM_CHARS} characters", shorten(.0))]
    TermTooLong(String),
    /// A chart term past the [`MAX_TERMS`] that are charted.
    #[error("Ignored term '{}': at most {MAX_TERMS} terms are charted", shorten(.0))]
    TermOverLimit(String),
    /// Many drops of one kind, counted in one notice (the first, and how many there were).
    #[error("Ignored {} {}, such as '{}'", thousands(*.count), .first.plural().unwrap_or_default(), shorten(.first.value()))]
    Counted {
        /// The first of them.
        first: Box<Notice>,
        /// How many there were.
        count: usize,
    },
    /// A set's link: a limit it is over (the set is refused), or what was dropped from it.
    #[cfg(feature = "sets")]
    #[error("{0}")]
    Set(String),
}

impl Notice {
    /// What many notices of this kind are called, for the kinds a link can repeat.
    fn plural(&self) -> Option<String> {
        Some(match self {
            Notice::RepeatedKey(_) => "repeated keys".into(),
            Notice::UnknownKey(_) => "unknown keys".into(),
            Notice::UnknownValue { facet, .. } => format!("unknown {facet} values"),
            Notice::MeetingOverLimit(_) => "meetings over the limit".into(),
            Notice::TermTooLong(_) => "terms over the length limit".into(),
            Notice::TermOverLimit(_) => "terms over the limit".into(),
            _ => return None,
        })
    }

    /// The dropped value the notice names.
    fn value(&self) -> &str {
        match self {
            Notice::UnknownMessage(v)
            | Notice::UnknownLike(v)
            | Notice::UnknownPage(v)
            | Notice::BadSlide(v)
            | Notice::BadExact(v)
            | Notice::UnknownSort(v)
            | Notice::UnknownScale(v)
            | Notice::RepeatedKey(v)
            | Notice::UnknownKey(v)
            | Notice::MeetingOverLimit(v)
            | Notice::TermTooLong(v)
            | Notice::TermOverLimit(v) => v,
            Notice::UnknownValue { value, .. } => value,
            Notice::OtherCorpus { id, .. } => id,
            Notice::Counted { first, .. } => first.value(),
            Notice::LinkTooLong => "",
            #[cfg(feature = "sets")]
            Notice::Set(_) => "",
        }
    }
}

/// What a URL's parsing dropped: one notice per drop, except that drops of one kind after
/// the first are counted into a single [`Notice::Counted`], so a hostile link cannot make
/// the page show thousands of notices.
#[derive(Default)]
struct Dropped {
    groups: Vec<(Notice, usize)>,
}

impl Dropped {
    fn add(&mut self, notice: Notice) {
        let plural = notice.plural();
        // Few kinds exist, so a linear search is cheaper than a map.
        let group = plural.as_ref().and_then(|p| {
            self.groups
                .iter_mut()
                .find(|(first, _)| first.plural().as_ref() == Some(p))
        });
        match group {
            Some((_, count)) => *count += 1,
            None => self.groups.push((notice, 1)),
        }
    }

    fn into_notices(self) -> Vec<Notice> {
        self.groups
            .into_iter()
            .map(|(first, count)| match count {
                1 => first,
                count => Notice::Counted {
                    first: Box::new(first),
                    count,
                },
            })
            .collect()
    }
}

/// The route of a link's path; an unknown page is Explore, with a notice (a message's id
/// is checked when the link is resolved).
fn parse_route(path: &str, steps: &mut Vec<Step>) -> Route {
    if path.is_empty() {
        return Route::Explore;
    }
    if let Some(route) = Route::PAGES.into_iter().find(|r| r.path() == path) {
        return route;
    }
    match path.split_once('/') {
        Some(("message", id)) => {
            let id: String = form_urlencoded::parse(format!("x={id}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            steps.push(Step::Message(id));
            Route::Explore
        }
        _ => {
            steps.push(Step::Drop(Notice::UnknownPage(path.to_string())));
            Route::Explore
        }
    }
}

/// One key of Explore's selection (`q`, `sort`, `like`, or a facet), or a notice.
fn parse_selection(key: &str, value: &str, selection: &mut Selection, steps: &mut Vec<Step>) {
    match key {
        "q" => selection.text = value.chars().take(super::search::MAX_QUERY_CHARS).collect(),
        "exact" => match value {
            "1" => selection.exact = true,
            "0" => selection.exact = false,
            other => steps.push(Step::Drop(Notice::BadExact(other.to_string()))),
        },
        "like" => steps.push(Step::Like(value.to_string())),
        "sort" => match Sort::from_slug(value) {
            Some(sort) => selection.sort = sort,
            None => steps.push(Step::Drop(Notice::UnknownSort(value.to_string()))),
        },
        other => match Facet::ALL.into_iter().find(|f| f.key() == other) {
            Some(facet) => steps.extend(
                value
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(|id| Step::Filter(facet, id.to_string())),
            ),
            None => steps.push(Step::Drop(Notice::UnknownKey(other.to_string()))),
        },
    }
}

/// One key of Compare's settings, or a notice.
fn parse_compare(key: &str, value: &str, steps: &mut Vec<Step>) {
    match key {
        "meetings" => steps.extend(
            value
                .split(',')
                .filter(|id| !id.is_empty())
                .map(|id| Step::Compared(id.to_string())),
        ),
        "topic" => steps.push(Step::CompareTopic(value.to_string())),
        other => steps.push(Step::Drop(Notice::UnknownKey(other.to_string()))),
    }
}

fn parse_charts(key: &str, value: &str, charts: &mut ChartSettings, steps: &mut Vec<Step>) {
    match key {
        "terms" => {
            for term in split_terms(value) {
                if term.chars().count() > MAX_TERM_CHARS {
                    steps.push(Step::Drop(Notice::TermTooLong(term)));
                } else if charts.terms.len() == MAX_TERMS {
                    steps.push(Step::Drop(Notice::TermOverLimit(term)));
                } else {
                    charts.terms.push(term);
                }
            }
        }
        "scale" => match value {
            "share" => charts.shares = true,
            "count" => charts.shares = false,
            other => steps.push(Step::Drop(Notice::UnknownScale(other.to_string()))),
        },
        other => steps.push(Step::Drop(Notice::UnknownKey(other.to_string()))),
    }
}

fn facet_value_exists(corpus: &Corpus, facet: Facet, id: &str) -> bool {
    is_slug(id)
        && match facet {
            Facet::Meeting => corpus.meeting(id).is_some(),
            Facet::Topic => corpus.topic(id).is_some(),
            Facet::Heading => corpus.heading(id).is_some(),
            Facet::Coverage => CoverageStatus::from_slug(id).is_some(),
        }
}

/// Keeps warnings short when a URL carries a huge value.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn home_examples_are_canonical_links() {
        let mut search = View::default();
        search.selection.text = "\"digital divide\"".into();
        let views = [
            search,
            compare_view(&["geneva-2017", "kyoto-2023"]),
            charts_view(&["data", "AI"]),
        ];
        for ((_, link), view) in HOME_EXAMPLES.iter().zip(&views) {
            assert_eq!(*link, render(view));
        }
    }

    fn corpus() -> Corpus {
        Corpus::builtin().unwrap()
    }

    #[test]
    fn canonical_rendering() {
        let mut view = View::default();
        assert_eq!(render(&view), "#/explore");
        view.selection.text = "digital divide".into();
        view.selection.filters.toggle(Facet::Topic, "human-rights");
        view.selection.filters.toggle(Facet::Meeting, "kyoto-2023");
        view.selection.filters.toggle(Facet::Meeting, "geneva-2017");
        view.selection.sort = Sort::Chronological;
        assert_eq!(
            render(&view),
            "#/explore?q=digital+divide&meeting=geneva-2017%2Ckyoto-2023&topic=human-rights&sort=chronological"
        );
        view.route = Route::Message("geneva-2017-gender-3".into());
        assert!(render(&view).starts_with("#/message/geneva-2017-gender-3?q="));
    }

    #[test]
    fn an_exact_search_is_kept_after_its_words() {
        let mut view = View::default();
        view.selection.text = "AI".into();
        view.selection.exact = true;
        assert_eq!(render(&view), "#/explore?q=AI&exact=1");
        let parsed = parse(&render(&view)).resolve(&corpus());
        assert_eq!(parsed.view, view);
        // With no words there is nothing to be exact about: not written.
        view.selection.text.clear();
        assert_eq!(render(&view), "#/explore");
        // Any other value is dropped, with a notice.
        let parsed = parse("#/explore?q=AI&exact=yes").resolve(&corpus());
        assert!(!parsed.view.selection.exact);
        assert_eq!(parsed.warnings, [Notice::BadExact("yes".into())]);
        assert_eq!(
            parsed.warnings[0].to_string(),
            "Ignored exact='yes': the search includes equivalents"
        );
    }

    #[test]
    fn tolerant_parsing_reports_every_drop() {
        let parsed = parse("https://example.org/#/explore?topic=foo,human-rights&bogus=1&meeting=bali-1999&sort=up").resolve(&corpus());
        assert_eq!(
            parsed.view.selection.filters.values(Facet::Topic),
            ["human-rights"]
        );
        let unknown = |facet, value: &str| Notice::UnknownValue {
            facet,
            value: value.into(),
        };
        assert_eq!(
            parsed.warnings,
            [
                unknown("topic", "foo"),
                Notice::UnknownKey("bogus".into()),
                unknown("meeting", "bali-1999"),
                Notice::UnknownSort("up".into())
            ]
        );
        // Each kind's sentence is the one the page has always shown.
        let sentences: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            sentences,
            [
                "Ignored unknown topic 'foo'",
                "Ignored unknown key 'bogus'",
                "Ignored unknown meeting 'bali-1999'",
                "Ignored unknown sort 'up'"
            ]
        );
        let parsed = parse("#/message/no-such-message").resolve(&corpus());
        assert_eq!(parsed.view.route, Route::Explore);
        assert_eq!(
            parsed.warnings,
            [Notice::UnknownMessage("no-such-message".into())]
        );
    }

    #[test]
    fn round_trip_of_a_message_view() {
        let corpus = corpus();
        let mut view = View {
            route: Route::Message("kyoto-2023-children-1".into()),
            ..View::default()
        };
        view.selection.filters.toggle(Facet::Coverage, "partial");
        let parsed = parse(&render(&view)).resolve(&corpus);
        assert_eq!(parsed.view, view);
        assert!(parsed.warnings.is_empty());
    }
}
