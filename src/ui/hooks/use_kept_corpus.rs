use std::rc::Rc;

use yew::prelude::*;

use super::{KeptCorpus, LoadedFile};
use crate::core::corpus::Corpus;
use crate::core::url;
use crate::ui::browser::{self, ReaderCall};
use crate::ui::hooks::InUse;

/// Puts a reader's corpus in use: the corpus, its file, whether it is the kept one, and
/// the address to read again with it (a link made on it), if any.
pub type Adopt = Rc<dyn Fn(Corpus, LoadedFile, bool, Option<Rc<url::Link>>)>;

/// What [`use_kept_corpus`] needs from the app.
pub struct KeptInputs {
    /// The file of the corpus in use, when it is the reader's.
    pub file: Option<LoadedFile>,
    /// The corpus in use.
    pub explorer: InUse,
    /// Puts a corpus file in use.
    pub adopt: Adopt,
    /// The address the page was opened with, read once (resolved again against the kept
    /// corpus when it is put in use).
    pub link: Rc<url::Link>,
}

/// The corpus file kept on this device and the reader's actions on it.
pub struct KeptHandles {
    /// The kept corpus, if any.
    pub kept: Option<KeptCorpus>,
    /// Keeps the file of the corpus in use.
    pub onkeep: Callback<()>,
    /// Removes the kept file.
    pub onforget: Callback<()>,
    /// Puts the kept corpus in use.
    pub onusekept: Callback<()>,
    /// The corpus the page's link was made on, while the kept file is being looked for
    /// (nothing is shown for such a link until then).
    pub looking_for: Option<String>,
}

/// "Keep this corpus on this device": the kept file is read and checked again at start,
/// and a link made on it opens with it. Only the full app reads corpus files, so in the
/// first-view build every branch is off (and compiled out).
#[hook]
pub fn use_kept_corpus(inputs: KeptInputs) -> KeptHandles {
    let KeptInputs {
        file,
        explorer,
        adopt,
        link,
    } = inputs;
    let kept = use_state(|| None::<(KeptCorpus, LoadedFile)>);
    let looking_for = {
        let link = link.clone();
        use_state(move || {
            if crate::ui::FULL_APP {
                link.corpus().map(str::to_string)
            } else {
                None
            }
        })
    };
    {
        let (kept, adopt, looking_for) = (kept.clone(), adopt.clone(), looking_for.clone());
        use_effect_with((), move |_| {
            if crate::ui::FULL_APP {
                browser::spawn(async move {
                    if let Some((named, loaded, corpus)) = read_kept().await {
                        let linked = link.corpus() == Some(named.id.as_str());
                        kept.set(Some((named, loaded.clone())));
                        if linked {
                            // Still looking until it is in use (indexing takes a moment).
                            adopt(corpus, loaded, true, Some(link));
                            return;
                        }
                    }
                    looking_for.set(None);
                });
            }
        });
    }
    // The linked corpus is in use: the page shows it.
    use_found_when_in_use(&looking_for, &explorer);
    let onkeep = {
        let kept = kept.clone();
        Callback::from(move |_: ()| {
            let Some(loaded) = file.clone().filter(|_| crate::ui::FULL_APP) else {
                return;
            };
            let corpus = explorer.corpus().clone();
            let named = KeptCorpus {
                id: corpus.id,
                title: corpus.title,
            };
            let kept = kept.clone();
            browser::spawn(async move {
                if browser::keep_corpus(loaded.name.clone(), loaded.bytes.clone()).await {
                    kept.set(Some((named, loaded)));
                }
            });
        })
    };
    let onforget = {
        let kept = kept.clone();
        Callback::from(move |_: ()| {
            if !crate::ui::FULL_APP {
                return;
            }
            let kept = kept.clone();
            browser::spawn(async move {
                browser::forget_corpus().await;
                kept.set(None);
            });
        })
    };
    let onusekept = {
        let kept = kept.clone();
        Callback::from(move |_: ()| {
            let Some((_, loaded)) = (*kept).clone().filter(|_| crate::ui::FULL_APP) else {
                return;
            };
            let adopt = adopt.clone();
            browser::spawn(async move {
                let call = ReaderCall::File {
                    name: &loaded.name,
                    bytes: &loaded.bytes,
                };
                if let Ok(corpus) = browser::read_corpus(call).await {
                    adopt(corpus, loaded, true, None);
                }
            });
        })
    };
    KeptHandles {
        kept: (*kept).as_ref().map(|(named, _)| named.clone()),
        onkeep,
        onforget,
        onusekept,
        looking_for: (*looking_for).clone(),
    }
}

/// Ends the looking for a linked corpus once that corpus is the one in use.
#[cfg(feature = "full")]
#[hook]
fn use_found_when_in_use(looking_for: &UseStateHandle<Option<String>>, explorer: &InUse) {
    let looking_for = looking_for.clone();
    let in_use = explorer.corpus().id.clone();
    use_effect_with(in_use, move |in_use| {
        if looking_for.as_deref() == Some(in_use.as_str()) {
            looking_for.set(None);
        }
    });
}

/// The first view opens no link made on a reader's corpus: nothing to end.
#[cfg(not(feature = "full"))]
#[hook]
fn use_found_when_in_use(_looking_for: &UseStateHandle<Option<String>>, _explorer: &InUse) {}

/// The kept file, read and checked again (by the same code as any file, in the corpus
/// reader's worker).
async fn read_kept() -> Option<(KeptCorpus, LoadedFile, Corpus)> {
    let found = browser::kept_corpus().await?;
    let call = ReaderCall::File {
        name: &found.name,
        bytes: &found.bytes,
    };
    let corpus = browser::read_corpus(call).await.ok()?;
    // Read by the same rules as any loaded file (`read_own_file`), so a kept file can
    // never answer to the built-in corpus's id or title.
    let named = KeptCorpus {
        id: corpus.id.clone(),
        title: corpus.title.clone(),
    };
    let loaded = LoadedFile {
        name: found.name,
        bytes: Rc::new(found.bytes),
    };
    Some((named, loaded, corpus))
}
