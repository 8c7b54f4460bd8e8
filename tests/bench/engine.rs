//! The search engine as the browser benchmark loads it (`make bench-browser`): built for
//! Wasm with the release settings the app ships (`opt-level = "z"`, LTO, then
//! `wasm-opt -Oz`), so its figures are what users get. It counts the Rust heap (a
//! counting wrapper around the allocator the app uses) and reports the linear memory.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::{Explorer, Selection};
use messages_explorer::core::search::Index;
use wasm_bindgen::prelude::*;

/// The allocator, counting the bytes in use and the most ever in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

thread_local! {
    static TEXTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
    static EXPLORER: RefCell<Option<Explorer>> = const { RefCell::new(None) };
}

/// Reads a corpus file (JSON); returns its message count. Parsing is not timed.
#[wasm_bindgen]
pub fn load(json: &str) -> usize {
    // Read without the 20 MB limit that files get (the 100k corpus is 56 MB of JSON).
    let corpus: Corpus = serde_json::from_str(json).expect("a valid corpus");
    let texts: Vec<String> = corpus.messages.iter().map(|m| m.text.clone()).collect();
    let count = texts.len();
    TEXTS.with(|t| *t.borrow_mut() = texts);
    EXPLORER.with(|e| *e.borrow_mut() = Some(Explorer::new(corpus)));
    count
}

/// Builds the inverted index over the loaded texts (what is timed as "build").
#[wasm_bindgen]
pub fn build_index() -> usize {
    INDEX.with(|i| *i.borrow_mut() = None);
    let index = TEXTS.with(|t| Index::build(t.borrow().iter().map(String::as_str)));
    let len = index.len();
    INDEX.with(|i| *i.borrow_mut() = Some(index));
    len
}

/// Builds the explorer (index, facet values) over the loaded corpus again.
#[wasm_bindgen]
pub fn build_explorer() -> usize {
    EXPLORER.with(|e| {
        let corpus = e
            .borrow_mut()
            .take()
            .map(|x| x.corpus().clone())
            .expect("loaded");
        let explorer = Explorer::new(corpus);
        let len = explorer.corpus().messages.len();
        *e.borrow_mut() = Some(explorer);
        len
    })
}

/// `Index::search` (the explorer's index): the matching documents with their scores;
/// returns how many.
#[wasm_bindgen]
pub fn search(query: &str) -> usize {
    EXPLORER.with(|e| {
        let e = e.borrow_mut();
        let index = e.as_ref().expect("loaded").index();
        let query = index.parse(query);
        index.search(&query).len()
    })
}

/// `Explorer::run`: every match in order, with all facet counts; returns how many.
#[wasm_bindgen]
pub fn run(query: &str) -> usize {
    EXPLORER.with(|e| {
        let selection = Selection {
            text: query.to_string(),
            ..Selection::default()
        };
        e.borrow_mut()
            .as_mut()
            .expect("loaded")
            .run(&selection)
            .messages
            .len()
    })
}

/// Bytes of the Rust heap in use now.
#[wasm_bindgen]
pub fn heap_bytes() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

/// The most bytes of the Rust heap ever in use.
#[wasm_bindgen]
pub fn heap_peak_bytes() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Bytes of Wasm linear memory (it only grows: its size is the peak).
#[wasm_bindgen]
pub fn memory_bytes() -> usize {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) * 65536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0
    }
}

/// Drops the index built by [`build_index`]; returns the Rust heap then in use.
#[wasm_bindgen]
pub fn drop_index() -> usize {
    INDEX.with(|i| *i.borrow_mut() = None);
    IN_USE.load(Ordering::Relaxed)
}

/// Drops the benchmark's own copy of the texts too, leaving what the app holds: the
/// explorer (corpus, index, facet values). Returns the Rust heap then in use.
#[wasm_bindgen]
pub fn keep_explorer_only() -> usize {
    drop_index();
    TEXTS.with(|t| *t.borrow_mut() = Vec::new());
    IN_USE.load(Ordering::Relaxed)
}

/// Drops the index and the loaded texts (between corpora).
#[wasm_bindgen]
pub fn reset() {
    INDEX.with(|i| *i.borrow_mut() = None);
    EXPLORER.with(|e| *e.borrow_mut() = None);
    TEXTS.with(|t| t.borrow_mut().clear());
}
