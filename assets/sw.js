// The service worker: keeps the app for use without a network. A release build writes
// VERSION and FILES (.ci/finalize.mjs): what the first view needs (the page, loader,
// styles, icons and the first-view build, whose Wasm holds the corpus), kept on the first
// visit; the full app's files (content-hashed names) are kept the first time they are
// fetched. A corpus file a reader loads is never cached here.
//
// Files are served from the cache first (their names carry content hashes, so a cached
// file is never stale); the page itself too, so a reader keeps the version they started
// with until they accept the reload the page offers when a new version has installed.
const VERSION = 'dev';
const FILES = [];
const PREFIX = 'messages-explorer-';
// A file of the app's own with a content hash in its name, kept once fetched.
const HASHED = /-[0-9a-f]{12}(_bg\.wasm|\.js|\.css)$/;
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  const scope = self.registration.scope;
  // From the network, never from the HTTP cache: a stale page would pair with new files.
  const requests = FILES.map((f) => new Request(new URL(f, scope).href, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

// What a hashed file must be to be kept: a full answer of our own, of its type, whose
// bytes hash to the name (the release build names files by the SHA-256 of their bytes).
const TYPES = { '.js': 'javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
async function keepable(request, response) {
  if (!response.ok || response.status !== 200 || response.type !== 'basic') return false;
  const path = new URL(request.url).pathname;
  const match = HASHED.exec(path);
  const kind = match && TYPES[match[1].replace('_bg', '')];
  if (!kind || !(response.headers.get('content-type') || '').includes(kind)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const hash = /-([0-9a-f]{12})(?:_bg\.wasm|\.js|\.css)$/.exec(name)?.[1];
  const bytes = await response.clone().arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0')).join('');
  return digest.startsWith(hash);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const page = new URL('./', self.registration.scope).href;
  const url = new URL(request.url);
  // A visit to the app's own page (with any #/… address) is answered with the kept page;
  // any other address in scope (a template, a missing path) goes to the network as it is.
  const own = url.href.split(/[?#]/)[0];
  if (request.mode === 'navigate' && own !== page && own !== new URL('index.html', page).href) return;
  const key = request.mode === 'navigate' ? page : request;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    const response = await fetch(request);
    if (HASHED.test(url.pathname) && (await keepable(request, response))) {
      await cache.put(request, response.clone());
    }
    return response;
  }));
});
