// `make bench-browser`: our search engine (built for Wasm with the release settings the
// app ships, then wasm-opt -Oz) beside MiniSearch and FlexSearch (npm dev-dependencies,
// pinned in package-lock.json), in one headless-Chromium page, on synthetic corpora of
// 10,000 and 100,000 messages (the project's generator, seed 42). Writes
// tests/bench/output/browser-bench.json and prints the tables of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve('target/bench-browser');
const output = path.resolve('tests/bench/output');
const SIZES = (process.env.BENCH_SIZES || '10000,100000').split(',').map(Number);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

fs.mkdirSync(root, { recursive: true });
fs.mkdirSync(output, { recursive: true });
run('cargo', ['build', '--release', '--locked', '--example', 'bench-engine', '--target', 'wasm32-unknown-unknown']);
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', root, '--out-name', 'bench_engine',
  'target/wasm32-unknown-unknown/release/examples/bench_engine.wasm']);
run('node_modules/.bin/wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  path.join(root, 'bench_engine_bg.wasm'), '-o', path.join(root, 'bench_engine_bg.wasm')]);
fs.copyFileSync('node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs', path.join(root, 'flexsearch.mjs'));
fs.copyFileSync('node_modules/minisearch/dist/es/index.js', path.join(root, 'minisearch.mjs'));
fs.copyFileSync('tests/bench/page.mjs', path.join(root, 'page.mjs'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module">import * as b from "./page.mjs"; window.bench = b;</script>');
for (const size of SIZES) {
  const file = path.join(root, `synthetic-${size}.json`);
  if (!fs.existsSync(file)) run('cargo', ['run', '--release', '--locked', '--example', 'synthetic-corpus', '--', String(size), file]);
}

const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!file.startsWith(root) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc --max-old-space-size=8192'],
});
const results = { date: new Date().toISOString(), chromium: browser.version(), sizes: {} };
try {
  for (const size of SIZES) {
    const page = await (await browser.newContext()).newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.bench);
    const options = size >= 100000 ? { buildRuns: 3, queryRuns: 31 } : { buildRuns: 7, queryRuns: 41 };
    console.error(`benchmarking ${size} messages…`);
    results.sizes[size] = await page.evaluate(([file, options]) => window.bench.benchmark(file, options), [`synthetic-${size}.json`, options]);
    await page.context().close();
  }
} finally {
  await browser.close();
  server.close();
}
fs.writeFileSync(path.join(output, 'browser-bench.json'), JSON.stringify(results, null, 1));

// The tables: medians (and p90 for queries), result counts, ratios to FlexSearch (forward).
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
for (const [size, r] of Object.entries(results.sizes)) {
  console.log(`\n### ${Number(size).toLocaleString('en')} messages\n`);
  console.log('| Build | median ms | ratio to FlexSearch (forward) |\n|---|---:|---:|');
  const flex = r.build['FlexSearch (forward)'].median;
  for (const [name, b] of Object.entries(r.build)) console.log(`| ${name} | ${ms(b.median)} | ${(b.median / flex).toFixed(2)} |`);
  const engines = [...new Set(Object.values(r.queries).flatMap((q) => Object.keys(q)))];
  console.log(`\n| Query (median / p90 ms, results) | ${engines.join(' | ')} |\n|---|${engines.map(() => '---:').join('|')}|`);
  for (const [op, q] of Object.entries(r.queries)) {
    const cells = engines.map((e) => (q[e] ? `${ms(q[e].median)} / ${ms(q[e].p90)} (${q[e].results})` : '—'));
    console.log(`| ${op} | ${cells.join(' | ')} |`);
  }
  console.log('\n| Index::search ÷ FlexSearch (forward), medians | ratio |\n|---|---:|');
  for (const [op, q] of Object.entries(r.queries)) console.log(`| ${op} | ${(q['ours: Index::search'].median / q['FlexSearch (forward)'].median).toFixed(2)} |`);
  console.log('\n| Memory | MiB |\n|---|---:|');
  for (const [engine, m] of Object.entries(r.memory)) for (const [what, v] of Object.entries(m)) console.log(`| ${engine}: ${what} | ${v.toFixed(1)} |`);
}
