// The browser benchmark's page script: our engine (Wasm, as shipped) beside MiniSearch and
// FlexSearch, on the same corpus, the same queries, interleaved. Run by browser.mjs.
import init, * as ours from './bench_engine.js';
import FlexSearch from './flexsearch.mjs';
import MiniSearch from './minisearch.mjs';

/** Each operation: what our query language says, and the words the others get. */
export const OPERATIONS = [
  { name: '1 word', ours: 'data ', words: 'data', prefix: false },
  { name: '3 words', ours: 'digital data access ', words: 'digital data access', prefix: false },
  { name: 'prefix, 3 letters', ours: 'gov', words: 'gov', prefix: true },
  { name: 'prefix, 2 letters', ours: 'di', words: 'di', prefix: true },
  { name: 'phrase', ours: '"digital divide"', words: 'digital divide', prefix: false },
];

const gc = () => { if (globalThis.gc) { globalThis.gc(); globalThis.gc(); } };
const jsHeap = () => { gc(); return performance.memory ? performance.memory.usedJSHeapSize : NaN; };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p90 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))]; };

/** Times `f` as the mean of a batch long enough for the timer (>= 5 ms), in ms. */
function timeBatch(f, repeat) {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) f();
  return (performance.now() - start) / repeat;
}

function repeatFor(f) {
  let repeat = 1;
  while (timeBatch(f, repeat) * repeat < 5 && repeat < 1 << 16) repeat *= 2;
  return repeat;
}

export async function benchmark(corpusUrl, { buildRuns, queryRuns }) {
  await init();
  const json = await (await fetch(corpusUrl)).text();
  const texts = JSON.parse(json).messages.map((m) => m.text);
  const n = texts.length;
  ours.load(json);
  const memoryAfterLoad = ours.memory_bytes();
  const result = { messages: n, build: {}, memory: {}, queries: {} };

  // Build: each engine builds its index `buildRuns` times, interleaved.
  const builders = {
    'ours: Index::build': () => ours.build_index(),
    'ours: Explorer::new': () => ours.build_explorer(),
    'FlexSearch (default)': () => { const index = new FlexSearch.Index(); texts.forEach((t, i) => index.add(i, t)); return index; },
    'FlexSearch (forward)': () => { const index = new FlexSearch.Index({ tokenize: 'forward' }); texts.forEach((t, i) => index.add(i, t)); return index; },
    MiniSearch: () => { const index = new MiniSearch({ fields: ['text'], idField: 'id' }); index.addAll(texts.map((text, id) => ({ id, text }))); return index; },
  };
  const built = {};
  for (const name of Object.keys(builders)) result.build[name] = [];
  for (let run = 0; run < buildRuns; run++) {
    for (const [name, build] of Object.entries(builders)) {
      built[name] = null;
      const before = name.startsWith('ours') ? 0 : jsHeap();
      const start = performance.now();
      const index = build();
      result.build[name].push(performance.now() - start);
      if (!name.startsWith('ours')) {
        built[name] = index;
        result.memory[name] = { 'JS heap held by the index (MiB)': (jsHeap() - before) / 2 ** 20 };
      }
    }
  }
  // The Rust heap held by the index alone, and by the explorer as the app holds it
  // (corpus, index, facet values), once the benchmark's own copies are dropped.
  ours.build_index();
  const index = ours.heap_bytes() - ours.drop_index();
  result.memory['ours'] = {
    'Rust heap held by Index::build (MiB)': index / 2 ** 20,
    'Rust heap held after Explorer::new (corpus, index, facets) (MiB)': ours.keep_explorer_only() / 2 ** 20,
    'Wasm linear memory after loading the JSON (MiB)': memoryAfterLoad / 2 ** 20,
    'Wasm linear memory peak (MiB)': ours.memory_bytes() / 2 ** 20,
    'Rust heap peak (MiB)': ours.heap_peak_bytes() / 2 ** 20,
  };

  const flexDefault = built['FlexSearch (default)'];
  const flexForward = built['FlexSearch (forward)'];
  const mini = built.MiniSearch;
  for (const op of OPERATIONS) {
    const engines = {
      'ours: Index::search': () => ours.search(op.ours),
      'ours: Explorer::run': () => ours.run(op.ours),
      'FlexSearch (forward)': () => flexForward.search(op.words, { limit: n }).length,
      MiniSearch: () => mini.search(op.words, { combineWith: 'AND', prefix: op.prefix }).length,
    };
    if (!op.prefix) engines['FlexSearch (default)'] = () => flexDefault.search(op.words, { limit: n }).length;
    const counts = {};
    const repeat = {};
    for (const [name, f] of Object.entries(engines)) {
      for (let i = 0; i < 5; i++) counts[name] = f();
      repeat[name] = repeatFor(f);
    }
    const samples = Object.fromEntries(Object.keys(engines).map((k) => [k, []]));
    for (let run = 0; run < queryRuns; run++) {
      for (const [name, f] of Object.entries(engines)) samples[name].push(timeBatch(f, repeat[name]));
    }
    result.queries[op.name] = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, {
      median: median(xs), p90: p90(xs), results: counts[name], runs: xs.length, batch: repeat[name],
    }]));
  }
  result.build = Object.fromEntries(Object.entries(result.build).map(([name, xs]) => [name, { median: median(xs), runs: xs }]));
  ours.reset();
  return result;
}
