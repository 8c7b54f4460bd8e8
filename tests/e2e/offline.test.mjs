// Offline and updates: after a first visit the app, a share link and the Charts view work
// without a network; a new deployment is noticed and offered as a reload, never swapped
// in silently. Served from a copy of dist/ so that the test can deploy a "new build".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, axeViolations, screenshot, distDir, outputDir } from './harness.mjs';

let server, url, browser, copy;
// Paths the host answers wrongly while a test says so (an error page with status 200).
const broken = new Set();
before(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'me-dist-'));
  fs.cpSync(distDir, copy, { recursive: true });
  const answer = (pathname) => (broken.has(pathname.slice(1))
    ? { status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><p>Site maintenance</p>' } : null);
  ({ server, url } = await startServer({ dist: copy, answer }));
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

/** The names of what this page's service worker keeps in its cache(s) of the app. */
const keptNames = (page) => page.evaluate(async () => {
  const names = (await caches.keys()).filter((k) => k.startsWith('messages-explorer-'));
  const all = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url.split('/').pop())));
  return all.flat();
});

/** Waits until every view's build is kept too (after the page has been idle). */
async function keptAll(page) {
  const builds = ['messages-explorer', 'corpus-reader'];
  for (let tries = 0; ; tries++) {
    const names = await keptNames(page);
    if (builds.every((b) => names.some((n) => new RegExp(`^${b}-[0-9a-f]{12}_bg\\.wasm$`).test(n))
      && names.some((n) => new RegExp(`^${b}-[0-9a-f]{12}\\.js$`).test(n)))) return;
    assert.ok(tries < 150, `every view's build is kept after idle (kept: ${names.join(', ')})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Pastes one message on "Your messages" and waits for the Markdown reader's preview. */
async function paste(page, text) {
  await page.getByTestId('paste-meeting').fill('Kyoto');
  await page.getByTestId('paste-year').fill('2023');
  await page.getByTestId('paste-source-title').fill('A page');
  await page.getByTestId('paste-source-url').fill('https://example.org/kyoto');
  await page.getByTestId('paste-text').fill(text);
  await page.getByTestId('paste-preview').filter({ hasText: '1 message would be loaded' }).waitFor();
}

/** A Wasm custom section (id 0) named `name` holding `text`: valid bytes to append. */
function customSection(name, text) {
  const body = Buffer.concat([Buffer.from([name.length]), Buffer.from(name), Buffer.from(text)]);
  return Buffer.concat([Buffer.from([0, body.length]), body]);
}

/**
 * A new deployment as a host receives one: every content-hashed file replaced by one with
 * other bytes and so another name (the old names gone from the server), the loader and the
 * page naming the new ones, the worker written again (.ci/finalize.mjs --worker-only).
 */
function redeploy(dir) {
  const hashedName = /^(.*)-([0-9a-f]{12})(_bg\.wasm|\.js|\.css)$/;
  const renames = [];
  const rename = (text) => renames.reduce((t, [from, to]) => t.replaceAll(from, to), text);
  // The builds first, then the loader (it names them), then the page (it names the loader).
  const names = fs.readdirSync(dir).filter((n) => hashedName.test(n))
    .sort((a, b) => Number(a.startsWith('loader-')) - Number(b.startsWith('loader-')));
  for (const name of names) {
    const [, stem, , suffix] = hashedName.exec(name);
    const old = fs.readFileSync(path.join(dir, name));
    const bytes = suffix === '_bg.wasm'
      ? Buffer.concat([old, customSection('deployment', 'v2')])
      : Buffer.from(`${rename(old.toString())}\n/* v2 */\n`);
    const renamed = `${stem}-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12)}${suffix}`;
    fs.writeFileSync(path.join(dir, renamed), bytes);
    fs.rmSync(path.join(dir, name));
    renames.push([name, renamed]);
  }
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, rename(fs.readFileSync(index, 'utf8')));
  execFileSync('node', ['.ci/finalize.mjs', dir, 'target/build-table.json', '--worker-only']);
  return new Map(renames);
}

test('after one visit the app and a share link work offline, and Charts once used; a new version is offered as a reload', async () => {
  const { page, context } = await openPage(browser, url);
  await installed(page);
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  assert.match(manifest, /manifest\.webmanifest$/);
  // The first view is kept when the worker installs, every other view once the page is idle.
  assert.ok((await keptNames(page)).some((name) => /^first-view-.*_bg\.wasm$/.test(name)));
  await keptAll(page);

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
  execFileSync('node', ['.ci/finalize.mjs', copy, 'target/build-table.json', '--worker-only']);
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

test('a file posing as the built-in corpus is refused; a link made on a kept corpus says so before it shows anything', async () => {
  const { page, context } = await openPage(browser, url + '#/load');
  const file = path.join(outputDir, 'posing.md');
  fs.writeFileSync(file, '---\nid: igf-messages\ntitle: IGF Messages (built-in corpus)\n---\n\n# Kyoto 2023\n\nSource: A page <https://example.org/kyoto>\n\n- A message of a file that poses as the built-in corpus.\n');
  await page.getByTestId('corpus-file').setInputFiles(file);
  const refusal = page.getByTestId('load-errors');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /id: the id "igf-messages" is the built-in corpus's or reads like it/);
  assert.match(await refusal.textContent(), /title: the title "IGF Messages \(built-in corpus\)" is the built-in corpus's or reads like it/);
  assert.doesNotMatch(page.url(), /corpus=/);
  assert.equal(await page.getByTestId('keep-corpus').count(), 0);

  // A file of the reader's own, kept; a link made on it opens elsewhere.
  await page.getByTestId('corpus-file').setInputFiles('tests/data/corpora/class-corpus.json');
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]')?.textContent === '2 of 2 messages included');
  await page.getByTestId('keep-corpus').click();
  await page.getByTestId('forget-corpus').waitFor();
  const other = await context.newPage();
  // Everything the new tab's app shows, from its first frame.
  await other.addInitScript(() => {
    window.__seen = [];
    new MutationObserver(() => {
      const app = document.getElementById('app');
      const shown = app?.querySelector('[data-testid="linked-corpus"], [data-testid="result-count"]');
      if (shown) window.__seen.push(shown.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await other.goto(url + '#/explore?corpus=class-2026');
  await other.waitForFunction(() => document.querySelector('#app [data-testid="result-count"]')?.textContent === '2 of 2 messages included');
  const seen = await other.evaluate(() => window.__seen);
  assert.match(seen[0], /This link was made on the corpus "class-2026", not on the built-in IGF Messages/);
  assert.ok(!seen.some((text) => /of 77 messages/.test(text)), `the built-in list never shows: ${seen.join(' | ')}`);
  assert.match(await other.getByTestId('notices').textContent(), /Showing your own corpus "Our class collection" \(2 messages\), kept on this device: not the built-in IGF Messages/);
  // The built-in corpus's own id opens the built-in corpus.
  await other.goto(url + '#/explore?corpus=igf-messages');
  await other.reload();
  await other.waitForFunction(() => document.querySelector('#app [data-testid="result-count"]')?.textContent === '77 of 77 messages included');
  await other.getByTestId('forget-corpus').click();
  // Forgotten, a link made on it says so, and shows the built-in corpus instead.
  await other.goto(url + '#/explore?corpus=class-2026');
  await other.reload();
  await other.waitForFunction(() => document.querySelector('#app [data-testid="result-count"]')?.textContent === '77 of 77 messages included');
  assert.match(await other.getByTestId('notices').textContent(), /This link was made with the corpus 'class-2026', which is not loaded here/);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('a tab opened before a deployment keeps working after it, even once another tab has taken the new version', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?q=data');
  await installed(page);
  await keptAll(page);
  const before = await page.evaluate(() => caches.keys());
  const renamed = redeploy(copy);
  assert.ok([...renamed.keys()].every((old) => !fs.existsSync(path.join(copy, old))), 'the old files are gone');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByTestId('update-notice').waitFor();
  // Another tab accepts the new version: the new worker now serves every tab.
  const other = await context.newPage();
  await other.goto(url);
  await Promise.all([other.waitForEvent('load'), other.getByTestId('update-reload').click()]);
  await other.locator('#app [data-testid="result"]').first().waitFor();
  const versions = await other.evaluate(() => caches.keys());
  assert.ok(versions.some((k) => k.startsWith('messages-explorer-') && !before.includes(k)), `a new version: ${versions}`);
  assert.ok(before.every((k) => versions.includes(k)), 'the old version is kept while a tab runs it');
  // The first tab, never reloaded, still runs its version: Compare, Charts, Present, a paste.
  await page.getByTestId('nav-compare').click();
  await page.getByTestId('compare-picker').waitFor();
  await page.getByTestId('nav-charts').click();
  await page.getByTestId('chart-topics').waitFor();
  await page.goto(url + '#/present?q=data');
  await page.getByTestId('slide').waitFor();
  await page.goto(url + '#/load');
  await paste(page, '- A message pasted after the deployment.');
  assert.deepEqual(await page.problems(), []);
  // Once no tab runs the old version, its files go (at the next visit of the app).
  await page.close();
  const oldVersions = before.filter((k) => /^messages-explorer-[0-9a-f]+$/.test(k));
  for (let tries = 0; ; tries++) {
    await other.reload();
    await other.locator('#app [data-testid="result"]').first().waitFor();
    const now = await other.evaluate(() => caches.keys());
    if (!oldVersions.some((k) => now.includes(k))) break;
    const tabs = await other.evaluate(async () => (await (await caches.open('messages-explorer~tabs')).match('./tabs'))?.text());
    assert.ok(tries < 10, `the old version's files go once no tab runs it: ${now}; tabs ${tabs}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await context.close();
  // Later tests start from the build as it was.
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(distDir, copy, { recursive: true });
});

test('an error page served for a script is never kept; the app recovers once the host answers again', async () => {
  const glue = fs.readdirSync(copy).find((n) => /^messages-explorer-[0-9a-f]{12}\.js$/.test(n));
  broken.add(glue);
  try {
    const { page, context } = await openPage(browser, url);
    await installed(page);
    // The worker's idle fetch of every view got the error page: not kept.
    await page.waitForTimeout(1500);
    assert.ok(!(await keptNames(page)).includes(glue), 'an error page is not kept as the full app');
    // Asked for About (a view of the full app's only), the app cannot start it: after one
    // reload it says so.
    await page.goto(url + '#/about');
    await page.reload();
    const error = page.locator('.fatal-error');
    await error.waitFor();
    assert.match(await error.textContent(), /could not start/);
    broken.delete(glue);
    await page.reload();
    await page.getByTestId('coverage-table').waitFor();
    for (let tries = 0; !(await keptNames(page)).includes(glue); tries++) {
      assert.ok(tries < 50, 'the real file is kept once served');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const type = await page.evaluate(async (name) => {
      for (const key of (await caches.keys()).filter((k) => k.startsWith('messages-explorer-'))) {
        const hit = await (await caches.open(key)).match(name);
        if (hit) return hit.headers.get('content-type');
      }
      return null;
    }, glue);
    assert.match(type, /javascript/);
    await context.close();
  } finally {
    broken.delete(glue);
  }
});

test('after one visit every view works offline: Explore, a message, Compare, Charts, Present, About, Your messages', async () => {
  const { page, context } = await openPage(browser, url);
  await installed(page);
  await keptAll(page);
  await context.setOffline(true);
  const views = [
    ['#/explore?q=gender', '[data-testid="result"]'],
    ['#/message/geneva-2017-gender-3', '[data-testid="message-text"]'],
    ['#/compare?meetings=geneva-2017,paris-2018', '[data-testid="compare-sides"]'],
    ['#/charts?terms=data', '[data-testid="chart-topics"]'],
    ['#/present?q=data', '[data-testid="slide"]'],
    ['#/about', 'main h1'],
    ['#/load', '[data-testid="paste-text"]'],
    ['#/explore?like=geneva-2017-gender-3', '[data-testid="result"]'],
  ];
  for (const [hash, ready] of views) {
    await page.goto(url + hash);
    await page.reload();
    await page.locator(`#app ${ready}`).first().waitFor({ timeout: 15000 });
    assert.equal(await page.locator('#app .loading').count(), 0, `${hash}: no endless "Loading this view…"`);
  }
  await page.goto(url + '#/load');
  await paste(page, '- A message pasted offline.');
  await context.setOffline(false);
  await context.close();
});
