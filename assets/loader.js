// Starts the app. Trunk is told not to inject its inline loader (Trunk.toml:
// inject_scripts = false) so the Content-Security-Policy can forbid inline scripts;
// this file, served from the same origin, does the same job.
//
// Four builds of the same app ship (ARCHITECTURE.md, "Builds"): three smaller ones, the
// first view (Explore and a message's page), the set view (a set's link and its slides) and
// the charts view (Compare and Charts), start for their views; the full app starts for
// every other view (the build table says which), and takes over from a smaller one when
// the user asks for another view or for an export. The state is in the address, so the
// full app opens exactly where the user was.

// The apps' files by role (`first`, `sets`, `charts`, `full`), the addresses that only the
// full app serves, and the smaller builds other than the first view with the addresses they
// start for: written here by the build from its table (crates/core/src/builds.rs, the
// route table of crates/core/src/url.rs; .ci/finalize.mjs), with content-hashed names in a
// release build.
const BUILDS = {};
const FULL_ONLY = /$^/;
const STARTS = [];
const HOME = /^(#\/?(explore\/?)?)?$/;

// A corpus file the reader asked to keep on this device: in Cache Storage under a name the
// service worker never touches, read back only by the app (and checked again then).
const KEPT = 'kept-corpus';
const KEPT_KEY = './kept-corpus';

async function keepCorpus(name, bytes) {
  const cache = await caches.open(KEPT);
  await cache.put(KEPT_KEY, new Response(bytes, { headers: { 'x-file-name': encodeURIComponent(name) } }));
}

async function keptCorpus() {
  // `caches.open` would create the store: look first, so nothing is stored unless asked.
  if (!('caches' in window) || !(await caches.has(KEPT))) return null;
  const response = await (await caches.open(KEPT)).match(KEPT_KEY);
  if (!response) return null;
  const name = decodeURIComponent(response.headers.get('x-file-name') || 'corpus');
  return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function forgetCorpus() {
  if ('caches' in window) await caches.delete(KEPT);
}

// Trusted Types (index.html's policy requires them): the one way to name a worker's
// script, accepting only the app's own service worker and corpus worker.
const SW = new URL('./sw.js', import.meta.url).href;
const WORKER = new URL('./corpus-worker.js', import.meta.url).href;
const scriptUrls = window.trustedTypes?.createPolicy('messages-explorer', {
  createScriptURL(url) {
    if (url !== SW && url !== WORKER) throw new TypeError(url);
    return url;
  },
});

// The corpus reader runs in a worker (corpus-worker.js, which is also the page's side of
// it, imported the first time a reader loads a file or pastes): reading and checking a
// file never blocks the page, and a reading can be cancelled.
const reader = (method) => (...args) => import(WORKER)
  .then((client) => client[method]((url) => scriptUrls?.createScriptURL(url) ?? url, ...args));

// Where the reader was on each history entry (scroll position and the focused link), so
// that Back and Forward return there, and a new view opens at its top with focus on its
// heading. Each entry carries its number in history.state; the app's own pushState and
// replaceState calls keep it (wrapped below).
const places = new Map();
let entry = 0;
let lastEntry = 0;
let pendingPlace = null; // what settleView does next: { restore: place } or { top: true }

function currentPlace() {
  const active = document.activeElement;
  const href = active?.closest?.('a[href]')?.getAttribute('href') ?? null;
  // (`card`: the message a control without an id of its own belongs to, such as "Add to set".)
  return { y: window.scrollY, href, id: active?.id || null, testid: active?.dataset?.testid ?? null,
    card: active?.closest?.('[data-id]')?.dataset.id ?? null };
}

function numberEntry(state) {
  return { ...(state && typeof state === 'object' ? state : {}), entry };
}

function trackPlaces() {
  history.scrollRestoration = 'manual';
  entry = history.state?.entry ?? 0;
  lastEntry = entry;
  history.replaceState(numberEntry(history.state), '');
  const push = history.pushState.bind(history);
  const replace = history.replaceState.bind(history);
  history.pushState = (state, title, url) => {
    places.set(entry, currentPlace());
    entry = ++lastEntry;
    push(numberEntry(state), title, url);
  };
  history.replaceState = (state, title, url) => replace(numberEntry(state), title, url);
  // Runs before the app's own listeners (this module starts first).
  const moved = (event) => {
    const to = history.state?.entry;
    if (to === entry) {
      // The second event (hashchange after popstate) of one navigation: the app has read
      // the address at the first and may have rewritten it in its canonical form since;
      // reading it again would lose what the first reading said (its notices).
      event.stopImmediatePropagation();
      return;
    }
    places.set(entry, currentPlace());
    if (to === undefined) {
      // A followed link or an edited address: a new entry, opened at its top.
      entry = ++lastEntry;
      replace(numberEntry(history.state), '');
      pendingPlace = { top: true };
    } else {
      entry = to;
      pendingPlace = places.has(to) ? { restore: places.get(to) } : { top: true };
    }
  };
  window.addEventListener('popstate', moved);
  window.addEventListener('hashchange', moved);
}

/**
 * Called by the app after each change of view has rendered: Back or Forward returns to the
 * place kept for that entry; a followed link, or another view (`routeChanged`), opens at
 * its top with focus on its heading; a change within a view (typing, a filter) moves
 * nothing.
 */
function settleView(routeChanged) {
  const next = pendingPlace ?? (routeChanged ? { top: true } : null);
  // (The full app's first render after the first view's: `pendingPlace` was set when it
  // took over.)
  pendingPlace = null;
  if (!next) return;
  const main = document.querySelector('#app main');
  if (next.restore) {
    const { y, href, id, testid, card } = next.restore;
    const target = (id && main?.querySelector(`#${CSS.escape(id)}`))
      || (href && main?.querySelector(`a[href="${CSS.escape(href)}"]`))
      || (card && testid && main?.querySelector(`[data-id="${CSS.escape(card)}"] [data-testid="${CSS.escape(testid)}"]`))
      || (testid && main?.querySelector(`[data-testid="${CSS.escape(testid)}"]`));
    if (target) target.focus({ preventScroll: true });
    window.scrollTo(0, y);
    if (target) return;
  } else {
    window.scrollTo(0, next.y ?? 0);
  }
  const heading = main?.querySelector('h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

let pendingAction;
// The action for the part of the app that asks with its prefix ("export:", "set-add:"):
// the rest of it, once; an action for another part is left for that part.
const takePendingAction = (prefix) => {
  if (!pendingAction?.startsWith(prefix)) return undefined;
  const action = pendingAction.slice(prefix.length);
  pendingAction = undefined;
  return action;
};

// A set in use that holds messages (the builds with sets keep the reader's sets in Local
// Storage, ui::browser::keep_sets, and set this key): a view that a smaller build without
// sets (the first view, the charts view) would start for starts with the full app instead,
// whose "Add to set" buttons and header show it.
function setInUse() {
  try { return localStorage.getItem('messages-explorer-sets-in-use') === '1'; } catch { return false; }
}

// The citation writer (its own module: the CSL styles, hundreds of KB): fetched the first
// time the Cite view opens on a reader's corpus, then kept for the page's life.
let citations = null;
async function cite(items) {
  if (!citations) {
    citations = fetchBuild('cite').then(async ([glue, module]) => {
      await glue.default({ module_or_path: module });
      return glue;
    });
    // A failed fetch is tried again at the next call.
    citations.catch(() => { citations = null; });
  }
  return (await citations).cite(items);
}

const api = { loadFull, takePendingAction, keepCorpus, keptCorpus, forgetCorpus, readCorpus: reader('readCorpus'), cancelReading: reader('cancelReading'), cite, settleView };
window.messagesExplorer = api;
let running = null; // the smaller build's glue, once started (a promise)
let switching = null;
// The address a smaller build handed over at, as it was then: it may write its canonical
// form in place before the full app starts, and the full app must read what the reader gave
// (a refused set link, say, whose notice the canonical form no longer carries).
let handedOver = null;

/** A new element: its tag, attributes (class, role, data-testid…) and children. */
function element(tag, attributes, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  made.append(...children);
  return made;
}

function showError(error) {
  console.error(error);
  document.body.prepend(element('div', { class: 'fatal-error', role: 'alert' }, 'Messages Explorer could not start: ' + error));
}

// The glue and the compiled module of one build, fetched and compiled in parallel.
async function fetchBuild(name) {
  const url = new URL(BUILDS[name].wasm, import.meta.url);
  const compiled = WebAssembly.compileStreaming(fetch(url)).catch(async () => {
    // A host that serves .wasm with another type: compile from the bytes instead.
    const response = await fetch(url);
    return WebAssembly.compile(await response.arrayBuffer());
  });
  const glue = import(BUILDS[name].glue);
  return Promise.all([glue, compiled]);
}

// Taps on the page's pre-rendered copy before the app runs (a filter, the Filters button)
// are kept, and replayed on the app's own control (same id or test id) once it is there.
const earlyTaps = [];

function keepEarlyTaps() {
  document.addEventListener('click', (event) => {
    const control = event.target.closest?.('#prerendered button, #prerendered input[type=checkbox], #prerendered summary');
    if (!control) return;
    event.preventDefault();
    if (control.id) earlyTaps.push(`#${CSS.escape(control.id)}`);
    else if (control.dataset.testid) earlyTaps.push(`[data-testid="${CSS.escape(control.dataset.testid)}"]`);
  }, true);
}

function replayEarlyTaps(frames = 60) {
  if (!earlyTaps.length) return;
  if (!document.querySelector('#app main h1')) {
    if (frames > 0) requestAnimationFrame(() => replayEarlyTaps(frames - 1));
    return;
  }
  for (const selector of earlyTaps.splice(0)) document.querySelector(`#app ${selector}`)?.click();
}

async function startFull() {
  const [glue, module] = await fetchBuild('full');
  // The smaller build keeps the page (with a loading line) until the full one is ready.
  const smaller = await running?.catch(() => null);
  if (smaller || window.messagesExplorerTakeover) {
    // The full app redraws the same address, over a smaller build or a static page: the
    // reader stays where they were (on the view's heading, when that is where they were).
    const place = currentPlace();
    pendingPlace = document.activeElement?.tagName === 'H1' ? { top: true, y: place.y } : { restore: place };
  }
  smaller?.stop();
  if (handedOver?.entry === entry && location.hash !== handedOver.hash) {
    history.replaceState(history.state, '', handedOver.hash || location.pathname + location.search);
  }
  await glue.default({ module_or_path: module });
  replayEarlyTaps();
}

// A build that cannot be fetched (a deployment removed the old hashed files an open tab
// still names) is recovered from by one reload into the current version, never an
// endless "Loading this view…"; a second failure in a row says so.
const RELOADED = 'messages-explorer-reloaded';

function recover(error) {
  switching = null;
  if (!sessionStorage.getItem(RELOADED)) {
    sessionStorage.setItem(RELOADED, '1');
    location.reload();
    return;
  }
  showError(error);
  // Offline: the next try is when the network returns.
  window.addEventListener('online', () => location.reload(), { once: true });
}

/** Called by a smaller build: start the full app, then run `action` there. */
function loadFull(action) {
  if (action) pendingAction = action;
  handedOver ??= { entry, hash: location.hash };
  switching ??= startFull().then(() => sessionStorage.removeItem(RELOADED), recover);
  return switching;
}

async function boot() {
  // A static message page the reader asked something of that only the app does ("Add to
  // set"): its script (page.js) has put the app's address of the message in place of the
  // page's and says what to do. The page is the app's own header and message page, drawn at
  // build time, so it stays as it is until the full app draws the same over it.
  const takeover = window.messagesExplorerTakeover;
  if (takeover) {
    await loadFull(takeover.action);
    return;
  }
  if (!HOME.test(location.hash)) {
    // The page holds the home view rendered at build time; another address keeps its
    // header and navigation and shows a loading line where the view goes until the view
    // is ready, never the wrong messages.
    const loading = element('p', { class: 'loading', role: 'status' }, 'Loading this view…');
    const prerendered = document.getElementById('prerendered');
    const main = prerendered?.querySelector('main');
    if (main) main.replaceChildren(loading);
    else prerendered?.replaceChildren(loading);
  }
  const [smaller] = STARTS.find(([, address]) => address.test(location.hash)) ?? ['first'];
  if (FULL_ONLY.test(location.hash) || (smaller !== 'sets' && setInUse())) {
    await loadFull();
    return;
  }
  running = fetchBuild(smaller).then(async ([glue, module]) => {
    await glue.default({ module_or_path: module });
    return glue;
  });
  await running;
  sessionStorage.removeItem(RELOADED);
  replayEarlyTaps();
}

// Offline and updates: a service worker (sw.js) keeps the app for use without a network.
// A new deployment installs beside the running one; the page then offers a reload
// instead of swapping code under a reader mid-lesson.
function watchForUpdates() {
  if (!('serviceWorker' in navigator)) return;
  let asked = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) location.reload();
  });
  const offer = (worker) => {
    if (document.querySelector('.update-notice')) return;
    const reload = element('button', { type: 'button', 'data-testid': 'update-reload' }, 'Reload');
    reload.onclick = () => { asked = true; worker.postMessage('activate'); };
    const later = element('button', { type: 'button' }, 'Not now');
    const notice = element('div', { class: 'update-notice', role: 'status', 'data-testid': 'update-notice' },
      element('p', {}, 'A new version of Messages Explorer is available.'), reload, later);
    later.onclick = () => notice.remove();
    document.body.append(notice);
  };
  navigator.serviceWorker.register(scriptUrls?.createScriptURL(SW) ?? SW).then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
      });
    });
  }).catch((error) => console.warn('Offline use is not available:', error));
}

trackPlaces();
keepEarlyTaps();
boot().catch(recover).finally(watchForUpdates);
