// Offline and updates: after a first visit the app, a share link and the Charts view work
// without a network; a new deployment is noticed and offered as a reload, never swapped
// in silently. Served from a copy of dist/ so that the test can deploy a "new build".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, axeViolations, screenshot, distDir, outputDir } from './harness.mjs';

let server, url, browser, copy;
before(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'me-dist-'));
  fs.cpSync(distDir, copy, { recursive: true });
  ({ server, url } = await startServer({ dist: copy }));
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); fs.rmSync(copy, { recursive: true, force: true }); });

/** Waits until the service worker has kept every file, is active and controls the page. */
async function installed(page) {
  // (page.waitForFunction takes a returned promise as truthy at once: poll with evaluate.)
  const ready = () => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const names = (await caches.keys()).filter((k) => k.startsWith('messages-explorer-'));
    const kept = names.length === 1 && (await (await caches.open(names[0])).match('./')) !== undefined;
    return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null && kept;
  });
  for (let tries = 0; !(await ready()); tries++) {
    assert.ok(tries < 150, 'the service worker installs within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('after one visit the app and a share link work offline, and Charts once used; a new version is offered as a reload', async () => {
  const { page, context } = await openPage(browser, url);
  await installed(page);
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  assert.match(manifest, /manifest\.webmanifest$/);
  // A phone's first visit keeps the first view only; the full app is kept once used.
  const kept = () => page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('messages-explorer-'));
    const requests = await (await caches.open(names[0])).keys();
    return requests.map((r) => r.url.split('/').pop());
  });
  assert.ok((await kept()).some((name) => /^first-view-.*_bg\.wasm$/.test(name)));
  assert.ok(!(await kept()).some((name) => name.startsWith('messages-explorer-')));
  await page.goto(url + '#/charts?terms=data');
  await page.getByTestId('chart-topics').waitFor();
  for (let tries = 0; !(await kept()).some((n) => /^messages-explorer-.*_bg\.wasm$/.test(n)); tries++) {
    assert.ok(tries < 100, 'the full app is kept once used');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  await context.setOffline(true);
  await page.goto(url);
  await page.reload();
  await page.locator('#app [data-testid="result"]').first().waitFor();
  await page.goto(url + '#/explore?q=gender&meeting=geneva-2017');
  await page.reload();
  await page.locator('#app [data-testid="result"]').first().waitFor();
  assert.match(await page.getByTestId('result-count').textContent(), /^\d+ of 77 messages included$/);
  await page.goto(url + '#/charts?terms=data');
  await page.reload();
  await page.getByTestId('chart-topics').waitFor();
  await context.setOffline(false);

  // A new deployment: a changed file, and the build's last step writes the worker again.
  const before = fs.readFileSync(path.join(copy, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
  fs.appendFileSync(path.join(copy, 'corpus-template.csv'), '');
  fs.writeFileSync(path.join(copy, 'favicon.svg'), fs.readFileSync(path.join(copy, 'favicon.svg'), 'utf8').replace('#fff', '#ffffff'));
  execFileSync('node', ['.ci/finalize.mjs', copy, '--worker-only']);
  const after = fs.readFileSync(path.join(copy, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
  assert.notEqual(after, before, 'a changed file gives a new version');
  await page.goto(url + '#/explore?q=data');
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const notice = page.getByTestId('update-notice');
  await notice.waitFor();
  assert.match(await notice.textContent(), /A new version of Messages Explorer is available/);
  // The page keeps running its version until the reader chooses: the search is intact.
  assert.equal(await page.getByTestId('search').inputValue(), 'data');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'update-notice');
  await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
  await page.locator('#app [data-testid="result"]').first().waitFor();
  assert.ok((await page.evaluate(() => caches.keys())).includes(`messages-explorer-${after}`));
  assert.equal(await page.getByTestId('search').inputValue(), 'data');
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('a loaded corpus stays in the tab unless kept; kept, a link made on it opens with it; forgotten, it is gone', async () => {
  const { page, context } = await openPage(browser, url + '#/load');
  await page.getByTestId('corpus-file').setInputFiles('tests/data/corpora/class-corpus.json');
  await page.getByTestId('result-count').waitFor();
  const cacheNames = () => page.evaluate(() => caches.keys());
  assert.ok(!(await cacheNames()).includes('kept-corpus'), 'nothing is kept unless asked');
  await page.getByTestId('keep-corpus').click();
  await page.getByTestId('forget-corpus').waitFor();
  assert.match(await page.getByTestId('corpus-name').textContent(), /kept on this device/);
  assert.ok((await cacheNames()).includes('kept-corpus'));

  // Another tab of the same browser opens a link made on the kept corpus.
  const other = await context.newPage();
  await other.goto(url + '#/explore?corpus=class-2026');
  await other.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '2 of 2 messages included');
  assert.match(await other.getByTestId('corpus-name').textContent(), /Our class collection.*kept on this device/);
  assert.deepEqual(await axeViolations(other), []);
  // On the built-in corpus, the kept one is offered; forgotten, it is gone.
  await other.getByTestId('use-builtin').click();
  await other.getByTestId('use-kept').waitFor();
  await other.getByTestId('forget-corpus').click();
  await other.waitForFunction(() => !document.querySelector('[data-testid="use-kept"]'));
  assert.ok(!(await cacheNames()).includes('kept-corpus'));
  await other.reload();
  await other.locator('#app [data-testid="result-count"]').waitFor();
  assert.equal(await other.getByTestId('use-kept').count(), 0);
  await context.close();
});

test('a kept file cannot answer to the built-in corpus: named by the loaded-corpus rules, reopened by the app\'s own link only', async () => {
  const { page, context } = await openPage(browser, url + '#/load');
  const file = path.join(outputDir, 'posing.md');
  fs.writeFileSync(file, '---\nid: igf-messages\ntitle: IGF Messages (built-in corpus)\n---\n\n# Kyoto 2023\n\nSource: A page <https://example.org/kyoto>\n\n- A message of a file that poses as the built-in corpus.\n');
  await page.getByTestId('corpus-file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '1 of 1 messages included');
  assert.match(page.url(), /corpus=igf-messages-file/);
  await page.getByTestId('keep-corpus').click();
  await page.getByTestId('forget-corpus').waitFor();
  // The built-in corpus's own id opens the built-in corpus, not the kept file.
  const builtin = await context.newPage();
  await builtin.goto(url + '#/explore?corpus=igf-messages');
  await builtin.waitForFunction(() => document.querySelector('#app [data-testid="result-count"]')?.textContent === '77 of 77 messages included');
  await builtin.getByTestId('use-kept').waitFor();
  assert.match(await builtin.getByTestId('corpus-name').textContent(), /Kept on this device: "IGF Messages"/);
  assert.equal(await builtin.locator('#app [data-testid="result-count"]').textContent(), '77 of 77 messages included');
  // The link the app made on the kept file reopens it, named as the reader's own.
  const own = await context.newPage();
  await own.goto(url + '#/explore?corpus=igf-messages-file');
  await own.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '1 of 1 messages included');
  assert.match(await own.getByTestId('corpus-name').textContent(), /IGF Messages.*\(your file, kept on this device\)/s);
  assert.doesNotMatch(await own.getByTestId('corpus-name').textContent(), /built-in corpus\)/);
  await own.getByTestId('forget-corpus').click();
  await context.close();
});
