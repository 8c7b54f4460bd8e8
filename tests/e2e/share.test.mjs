import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, axeViolations, screenshot, outputDir } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const resultIds = (page) => page.getByTestId('result').evaluateAll((els) => els.map((e) => e.dataset.id));
const count = (page) => page.getByTestId('result-count').textContent();
// No focus ring or hover left from the clicks, so both screenshots show the view alone.
const settle = async (page) => { await page.evaluate(() => document.activeElement?.blur()); await page.mouse.move(0, 0); };

test('a view built by clicking is copied as a link that reproduces it in a fresh browser', async () => {
  const { page, context } = await openPage(browser, url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByLabel(/^Geneva 2017/).check();
  await page.getByTestId('facet-topic').getByLabel(/^Human rights and freedoms/).check();
  await page.getByTestId('search').fill('rights');
  await page.getByTestId('sort').selectOption('chronological');
  await page.waitForURL(/sort=chronological/);
  const ids = await resultIds(page);
  assert.ok(ids.length > 0);
  await settle(page);
  const before = await page.screenshot({ fullPage: true });
  await page.getByTestId('copy-link').click();
  await page.getByTestId('copy-status').filter({ hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());
  assert.equal(new URL(link).hash, '#/explore?q=rights&meeting=geneva-2017&topic=human-rights&sort=chronological');
  await screenshot(page, 'share-copied');

  const fresh = await openPage(browser, link);
  assert.deepEqual(await resultIds(fresh.page), ids);
  assert.equal(await count(fresh.page), await count(page));
  await settle(fresh.page);
  const after = await fresh.page.screenshot({ fullPage: true });
  if (!before.equals(after)) { fs.writeFileSync(path.join(outputDir, 'share-before.png'), before); fs.writeFileSync(path.join(outputDir, 'share-after.png'), after); }
  assert.ok(before.equals(after), 'the shared link renders the same screenshot');
  assert.deepEqual(await fresh.page.problems(), []);
  await fresh.context.close();
  await context.close();
});

test('where the clipboard is refused, the link is offered as selectable text', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?q=data');
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('copy-fallback');
  await field.waitFor();
  assert.equal(await field.inputValue(), page.url());
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('Back and Forward walk five steps of a session exactly', async () => {
  const { page, context } = await openPage(browser, url);
  const steps = [];
  const record = async () => steps.push({ url: page.url(), count: await count(page) });
  await record(); // 0: home
  await page.getByLabel(/^Geneva 2017/).check();
  await page.waitForURL(/meeting=geneva-2017/);
  await record(); // 1: a filter (pushed)
  await page.getByTestId('search').pressSequentially('data');
  await page.waitForURL(/q=data/);
  await record(); // 2: typing (one entry for the whole word)
  await page.getByTestId('facet-topic').getByLabel(/^Data governance and privacy/).check();
  await page.waitForURL(/topic=data-governance/);
  await record(); // 3: another filter
  await page.getByTestId('sort').selectOption('chronological');
  await page.waitForURL(/sort=chronological/);
  await record(); // 4: the order
  await page.getByRole('link', { name: /Read with source/ }).first().click();
  await page.getByTestId('message-detail').waitFor();
  steps.push({ url: page.url(), count: null }); // 5: a message
  const check = async (i) => {
    await page.waitForURL(steps[i].url);
    if (steps[i].count === null) await page.getByTestId('message-detail').waitFor();
    else assert.equal(await count(page), steps[i].count, `step ${i}`);
  };
  // Typing replaced the entry of step 1 rather than adding one per key, so Back from
  // step 3 lands on step 2 and from there on step 0.
  for (const i of [4, 3, 2, 0]) { await page.goBack(); await check(i); }
  for (const i of [2, 3, 4, 5]) { await page.goForward(); await check(i); }
  await context.close();
});

test('a permalink opens its message with meeting, heading and source', async () => {
  const { page, context } = await openPage(browser, url + '#/message/geneva-2017-gender-3');
  const detail = await page.getByTestId('message-detail').textContent();
  assert.match(detail, /The digital divide facilitates discrimination of women and girls/);
  assert.match(detail, /Gender Inclusion and the Future of the Internet/);
  assert.match(detail, /Geneva 2017: complete set, 48 messages included/);
  assert.match(await page.getByTestId('message-source').textContent(), /Chair's Summary.*3rd bullet/s);
  assert.equal(new URL(url + (await page.getByTestId('permalink').getAttribute('href'))).hash, '#/message/geneva-2017-gender-3');
  await context.close();
});

test('links carrying markup or javascript: in every field add nothing to the page but text', async () => {
  const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];
  for (const p of payloads) {
    const e = encodeURIComponent(p);
    for (const hash of [`#/explore?q=${e}&meeting=${e}&topic=${e}&heading=${e}&coverage=${e}&sort=${e}&${e}=${e}`, `#/message/${e}`, `#/${e}`]) {
      const { page, context } = await openPage(browser, url + hash);
      const extra = await page.evaluate(() => ({
        dangerous: document.querySelectorAll('body script, body img, body iframe, body object, body embed').length,
        handlers: [...document.querySelectorAll('body *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
      }));
      assert.deepEqual(extra, { dangerous: 0, handlers: 0, jsLinks: 0 }, hash);
      assert.equal(await page.getByTestId('notices').count(), 1, `dropped values are reported for ${hash}`);
      assert.deepEqual(await page.problems(), [], hash);
      await context.close();
    }
  }
});

test('served from a sub-folder, the page loads every file, is styled, and a share link reopens', async () => {
  const sub = await startServer({ folder: '/any/sub/folder/' });
  try {
    for (const hash of ['', '#/explore?q=gender&meeting=geneva-2017', '#/charts?terms=data']) {
      const { page, context } = await openPage(browser, sub.url + hash);
      await page.locator('#app main#main h1').waitFor({ state: 'attached' });
      if (hash.includes('charts')) await page.getByTestId('chart-topics').waitFor();
      else await page.getByTestId('result').first().waitFor();
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).display);
      assert.equal(styled, 'grid', 'the stylesheet applies');
      assert.deepEqual(await page.problems(), []);
      await context.close();
    }
  } finally {
    sub.server.close();
  }
});
