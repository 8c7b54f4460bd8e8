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
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope).href))));
});

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
  // A visit to the app's page (with any #/… address) is answered with the kept page.
  const key = request.mode === 'navigate' ? page : request;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    const response = await fetch(request);
    if (response.ok && HASHED.test(new URL(request.url).pathname)) {
      await cache.put(request, response.clone());
    }
    return response;
  }));
});
