// The corpus reader off the page's thread (crates/reader/src/lib.rs, ARCHITECTURE.md "Builds").
// One file, two sides: in the page (imported by assets/loader.js, `readCorpus`) it runs
// the reader in a Web Worker started from this same file, so reading and checking a large
// or hostile file never freezes the page, and Cancel ends it at once; in the worker it
// answers each reading with the reader's JSON.
//   page → worker: { method, args } (one of the reader's functions and its arguments)
//   worker → page: { answer } (its JSON parts, as UTF-8 ArrayBuffers) or { error }

// The reader's files ({ glue, wasm }): written here by the build from its table
// (crates/core/src/builds.rs; .ci/finalize.mjs), with content-hashed names in a release build,
// which then gives this file a hashed name too.
const READER = {};

if (typeof window === 'undefined') {
  let reader = null;
  self.addEventListener('message', async ({ data }) => {
    try {
      reader ??= import(new URL(READER.glue, import.meta.url).href).then(async (glue) => {
        await glue.default({ module_or_path: new URL(READER.wasm, import.meta.url) });
        return glue;
      });
      const glue = await reader;
      // The answer's parts as UTF-8 bytes, handed over without a copy: the page does not
      // pay for receiving 20 MB of text at once.
      const encoder = new TextEncoder();
      const parts = glue[data.method](...data.args).map((part) => encoder.encode(part).buffer);
      self.postMessage({ answer: parts }, parts);
    } catch (error) {
      reader = null;
      self.postMessage({ error: String(error) });
    }
  });
}

let reading = null; // { worker, busy: reject of the reading in progress, if any }

/**
 * Runs `method` of the corpus reader (`read_file` or `read_paste`) in the worker; its JSON
 * answer. A reading in progress is cancelled first. `trust` makes a worker script address
 * acceptable under Trusted Types (the loader holds the page's one policy).
 */
export function readCorpus(trust, method, ...args) {
  cancelReading();
  reading ??= { worker: new Worker(trust(import.meta.url), { type: 'module' }) };
  const current = reading;
  return new Promise((resolve, reject) => {
    current.busy = reject;
    current.worker.onmessage = ({ data }) => {
      current.busy = null;
      // When the reader answered: the page's own work (putting the corpus in use) follows.
      performance.mark('corpus-read');
      if (data.error) reject(new Error(data.error));
      else resolve(data.answer);
    };
    current.worker.onerror = (event) => {
      event.preventDefault();
      current.busy = null;
      current.worker.terminate();
      if (reading === current) reading = null;
      reject(new Error(event.message || 'the corpus reader stopped'));
    };
    current.worker.postMessage({ method, args });
  });
}

/** Ends the reading in progress, if any (its promise is rejected with 'cancelled'). */
export function cancelReading() {
  if (!reading?.busy) return;
  reading.worker.terminate();
  reading.busy(new Error('cancelled'));
  reading = null;
}
