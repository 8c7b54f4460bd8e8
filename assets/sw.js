// The service worker: keeps the app for use without a network. A release build writes
// VERSION, FILES and LATER (.ci/finalize.mjs): FILES is what the first view needs (the
// page, loader, styles, icons and the first view's build, whose Wasm holds the corpus);
// LATER is every other view's build (the set view, the charts view, the full app, the
// corpus reader and its worker); the citation writer, in neither, is kept when a reader
// first uses it.
// Both are kept when this version installs, which the page asks for once its first view
// has started; LATER not when the reader's browser asks to save data (then each is kept
// the first time it is used). A corpus file a reader loads is never cached here.
//
// Files are served from the cache first (their names carry content hashes, so a cached
// file is never stale); the page itself too, so a reader keeps the version they started
// with until they accept the reload the page offers when a new version has installed. A
// previous version's files stay until no open tab uses that version, so a tab opened
// before a deployment keeps working after it.
const VERSION = 'dev';
const FILES = [];
const LATER = [];
const PREFIX = 'messages-explorer-';
const CACHE = PREFIX + VERSION;
// Which version's page each open tab runs ({ clientId: cache name }), and the previous
// versions' caches to delete once no tab runs them, kept across restarts of this worker
// in a store of its own.
const TABS = 'messages-explorer~tabs';
// A file of the app's own with a content hash in its name.
const HASHED = /-([0-9a-f]{12})(_bg\.wasm|\.js|\.css)$/;
const TYPES = { '.js': 'javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/**
 * Whether a response may be kept: a full answer of our own (status 200, same origin, not
 * redirected), and for a hashed name one of its type whose bytes hash to the name (the
 * release build names files by the SHA-256 of their bytes). An error page served with 200
 * for a script is therefore never kept.
 */
async function keepable(url, response) {
  if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
  const match = HASHED.exec(new URL(url).pathname);
  if (!match) return true;
  const kind = TYPES[match[2].replace('_bg', '')];
  if (!(response.headers.get('content-type') || '').includes(kind)) return false;
  const bytes = await response.clone().arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  return digest.startsWith(match[1]);
}

/** Fetches `names` (relative to the scope) from the network and keeps each checked answer. */
async function keep(names, { all }) {
  const cache = await caches.open(CACHE);
  const scope = self.registration.scope;
  await Promise.all(names.map(async (name) => {
    const url = new URL(name, scope).href;
    if (await cache.match(url)) return;
    // From the network, never from the HTTP cache: a stale page would pair with new files.
    const response = await fetch(url, { cache: 'reload' });
    if (await keepable(url, response)) await cache.put(url, response);
    else if (all) throw new Error(`${name}: not kept (status ${response.status})`);
  }));
}

// The page registers this worker once its first view has started, so every other view's
// files are fetched after the first view's, never competing with them; not when the
// reader's browser asks to save data (each is then kept the first time it is used).
self.addEventListener('install', (event) => {
  event.waitUntil(keep(['./', ...FILES], { all: true })
    .then(() => (navigator.connection?.saveData ? null : keep(LATER, { all: false }).catch(() => {}))));
});

// Reads and writes of the tab record, one at a time. `change` may record a tab (it
// returns its id: a tab being opened is not among the clients yet) or retire versions.
let tabsQueue = Promise.resolve();
function updateTabs(change) {
  tabsQueue = tabsQueue.then(async () => {
    const store = await caches.open(TABS);
    const record = (await (await store.match('./tabs'))?.json().catch(() => null)) ?? {};
    const tabs = record.tabs ?? {};
    const retired = new Set(record.retired ?? []);
    const open = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id));
    const recorded = change(tabs, open, retired);
    for (const id of Object.keys(tabs)) if (!open.has(id) && id !== recorded) delete tabs[id];
    // A previous version's files go once no open tab runs it; only the version that
    // replaced it retires it, so a waiting new version's files are never touched.
    const inUse = new Set([CACHE, ...Object.values(tabs)]);
    for (const name of retired) {
      if (!inUse.has(name)) {
        await caches.delete(name);
        retired.delete(name);
      }
    }
    await store.put('./tabs', new Response(JSON.stringify({ tabs, retired: [...retired] }), { headers: { 'content-type': 'application/json' } }));
  }).catch((error) => console.warn('service worker:', error));
  return tabsQueue;
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    await self.clients.claim();
    // The first version to install: the tabs open now run it (their page came from the
    // network before this worker existed). Later, each tab's version is recorded when its
    // page is served. Every other version is now a previous one.
    await updateTabs((tabs, open, retired) => {
      if (!older.length) for (const id of open) tabs[id] ??= CACHE;
      for (const name of older) retired.add(name);
    });
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

/**
 * A kept answer: this version's first, then any cache's (a previous version's still kept
 * for a tab; `caches.match` never creates a cache, so one being deleted stays deleted).
 */
async function kept(key) {
  return (await (await caches.open(CACHE)).match(key)) ?? caches.match(key);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const page = new URL('./', self.registration.scope).href;
  const own = url.href.split(/[?#]/)[0];
  if (request.mode === 'navigate') {
    // A visit to the app's own page (with any #/… address) is answered with this
    // version's page, and the tab is recorded as running this version; any other address
    // in scope (a template, a missing path) goes to the network as it is.
    if (own !== page && own !== new URL('index.html', page).href) return;
    event.respondWith(caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(page);
      const tab = event.resultingClientId;
      if (hit && tab) {
        event.waitUntil(updateTabs((tabs) => {
          tabs[tab] = CACHE;
          return tab;
        }));
      }
      return hit ?? fetch(request);
    }));
    return;
  }
  event.respondWith((async () => {
    const hit = await kept(request);
    if (hit) return hit;
    const response = await fetch(request);
    if (HASHED.test(url.pathname) && (await keepable(request.url, response))) {
      await (await caches.open(CACHE)).put(request, response.clone());
    }
    return response;
  })());
});
