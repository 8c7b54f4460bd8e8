import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, openPage, axeViolations, screenshot, outputDir } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const count = (page) => page.getByTestId('result-count').textContent();

test('a valid corpus file is loaded and used everywhere, and one action returns to the built-in', async () => {
  const { page, context } = await openPage(browser, url + '#/about');
  await page.getByTestId('corpus-file').setInputFiles('tests/data/corpora/class-corpus.json');
  await page.getByTestId('result-count').waitFor();
  assert.equal(await count(page), '2 of 2 messages included');
  assert.match(await page.getByTestId('corpus-name').textContent(), /Our class collection.*your file/);
  assert.match(await page.getByTestId('notices').textContent(), /Loaded your corpus "Our class collection"/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByTestId('use-builtin').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent.startsWith('66 of 66'));
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('a broken file lists its problems with field paths and leaves the corpus as it was', async () => {
  const { page, context } = await openPage(browser, url + '#/about');
  await page.getByTestId('corpus-file').setInputFiles('tests/data/corpora/broken-corpus.json');
  const errors = page.getByTestId('load-errors');
  await errors.waitFor();
  const text = await errors.textContent();
  assert.match(text, /was not loaded; the corpus in use is unchanged\. 6 problem\(s\)/);
  assert.match(text, /messages\[1\]\.meeting: unknown meeting "m-2020"/);
  assert.match(await page.getByTestId('corpus-name').textContent(), /built-in corpus/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'load-errors');
  await context.close();
});

test('an oversized file is refused before it is read, with the limit stated', async () => {
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'me-big-')), 'huge.json');
  fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x20));
  const { page, context } = await openPage(browser, url + '#/about');
  await page.getByTestId('corpus-file').setInputFiles(big);
  const errors = page.getByTestId('load-errors');
  await errors.waitFor();
  assert.match(await errors.textContent(), /the limit is 20971520 bytes \(20 MB\), so it was not read/);
  await context.close();
  fs.rmSync(path.dirname(big), { recursive: true });
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

test('keystroke to results painted, with a 10,000-message synthetic corpus', async () => {
  const file = process.env.SYNTHETIC_10K || 'target/e2e/synthetic-10k.json';
  assert.ok(fs.existsSync(file), `${file} missing: .ci/test.sh writes it with cargo run --example synthetic-corpus`);
  const { page, context } = await openPage(browser, url + '#/about');
  await page.getByTestId('corpus-file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '10000 of 10000 messages included', null, { timeout: 60000 });
  // Time from each keydown to the first paint after the app has handled it: a
  // requestAnimationFrame callback runs before the next paint, a task queued from it after.
  await page.evaluate(() => {
    window.__timings = [];
    document.getElementById('search').addEventListener('keydown', () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__timings.push(performance.now() - start), 0));
    }, { capture: true });
  });
  await page.getByTestId('search').focus();
  const query = 'digital data access governance rights';
  for (const key of query) {
    await page.keyboard.type(key);
    await page.waitForFunction((n) => window.__timings.length >= n, query.indexOf(key) + 1);
  }
  await page.waitForFunction((n) => window.__timings.length >= n, query.length);
  await page.waitForURL(/q=digital\+data\+access\+governance\+rights/);
  const timings = await page.evaluate(() => window.__timings);
  const figures = {
    date: new Date().toISOString(), corpus_messages: 10000, keystrokes: timings.length,
    median_ms: median(timings), p90_ms: [...timings].sort((a, b) => a - b)[Math.floor(timings.length * 0.9)],
    max_ms: Math.max(...timings), timings_ms: timings,
  };
  fs.writeFileSync(path.join(outputDir, 'browser-timings.json'), JSON.stringify(figures, null, 2));
  console.log(`# keystroke to paint, 10k messages: median ${figures.median_ms.toFixed(1)} ms, p90 ${figures.p90_ms.toFixed(1)} ms over ${timings.length} keystrokes`);
  assert.equal(timings.length, query.length);
  // The list is windowed: never thousands of result nodes at once.
  assert.ok(await page.getByTestId('result').count() <= 50);
  await context.close();
});
