// Starts the app. Trunk is told not to inject its inline loader (Trunk.toml:
// inject_scripts = false) so the Content-Security-Policy can forbid inline scripts;
// this file, served from the same origin, does the same job.
//
// Two builds of the same app ship (ARCHITECTURE.md, "Two builds"): `first-view`, the
// smaller one (Explore and a message's page), starts for those views; `messages-explorer`,
// the full app, starts for Compare, Charts, Present and About, and takes over from the
// first-view build when the user asks for one of those or for an export. The state is in
// the address, so the full app opens exactly where the user was.

const FULL_ONLY = /^#\/(compare|charts|present|about)(?:[/?]|$)/;
const HOME = /^(#\/?(explore\/?)?)?$/;

const api = { pendingAction: undefined, loadFull };
window.messagesExplorer = api;
let firstView = null; // the first-view build's glue, once started (a promise)
let switching = null;

function showError(error) {
  console.error(error);
  const panel = document.createElement('div');
  panel.className = 'fatal-error';
  panel.setAttribute('role', 'alert');
  panel.textContent = 'Messages Explorer could not start: ' + error;
  document.body.prepend(panel);
}

// The glue and the compiled module of one build, fetched and compiled in parallel.
async function fetchBuild(name) {
  const url = new URL(`./${name}_bg.wasm`, import.meta.url);
  const compiled = WebAssembly.compileStreaming(fetch(url)).catch(async () => {
    // A host that serves .wasm with another type: compile from the bytes instead.
    const response = await fetch(url);
    return WebAssembly.compile(await response.arrayBuffer());
  });
  const glue = import(name === 'first-view' ? './first-view.js' : './messages-explorer.js');
  return Promise.all([glue, compiled]);
}

async function startFull() {
  const [glue, module] = await fetchBuild('messages-explorer');
  // The first-view app keeps the page (with a loading line) until the full one is ready.
  const first = await firstView?.catch(() => null);
  first?.stop();
  await glue.default({ module_or_path: module });
}

/** Called by the first-view build: start the full app, then run `action` there. */
function loadFull(action) {
  if (action) api.pendingAction = action;
  switching ??= startFull().catch(showError);
  return switching;
}

async function boot() {
  if (!HOME.test(location.hash)) {
    // The page holds the home view rendered at build time; another address shows a
    // loading line until its view is ready, never the wrong messages.
    const loading = document.createElement('p');
    loading.className = 'loading';
    loading.textContent = 'Loading the messages…';
    document.getElementById('prerendered')?.replaceChildren(loading);
  }
  if (FULL_ONLY.test(location.hash)) {
    await loadFull();
    return;
  }
  firstView = fetchBuild('first-view').then(async ([glue, module]) => {
    await glue.default({ module_or_path: module });
    return glue;
  });
  await firstView;
}

boot().catch(showError);
