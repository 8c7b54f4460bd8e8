import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, axeViolations, screenshot } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const count = (page) => page.getByTestId('result-count').textContent();

test('the home view lists every message with its count, and passes axe', async () => {
  const { page, context } = await openPage(browser, url);
  assert.equal(await count(page), '77 of 77 messages included');
  // Results come a page at a time, never all at once.
  assert.equal(await page.getByTestId('result').count(), 20);
  while (await page.getByTestId('show-more').count()) await page.getByTestId('show-more').click();
  assert.equal(await page.getByTestId('result').count(), 77);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'explore');
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('typing a few letters finds the Geneva messages about gender, highlighted', async () => {
  const { page, context } = await openPage(browser, url);
  await page.keyboard.press('/');
  await page.keyboard.type('gend');
  await page.waitForURL(/#\/explore\?q=gend$/);
  assert.match(await count(page), /^7 of 77 messages included$/);
  const marks = await page.locator('[data-testid="result"] mark').allTextContents();
  assert.ok(marks.length >= 6 && marks.every((m) => m.toLowerCase().startsWith('gend')), marks.join());
  await context.close();
});

test('facets narrow the list, show counts, and the empty state offers a way out', async () => {
  const { page, context } = await openPage(browser, url);
  await page.getByLabel(/^Kyoto 2023/).check();
  await page.waitForFunction(() => document.querySelector('[data-testid="result-count"]').textContent.startsWith('2 of'));
  assert.match(await page.getByTestId('coverage-notes').textContent(), /Kyoto 2023: 2 of a reported 89 messages included/);
  await page.getByTestId('search').fill('encryption');
  await page.getByTestId('empty-state').waitFor();
  await page.getByRole('button', { name: 'Remove the filter Meeting: Kyoto 2023' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="empty-state"]'));
  assert.match(await count(page), /^1 of 77/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a misspelled word finds nothing and suggests the word that finds the message', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 800 }]) {
    const { page, context } = await openPage(browser, url, { viewport });
    await page.keyboard.press('/');
    await page.keyboard.type('encyption');
    await page.waitForURL(/#\/explore\?q=encyption$/);
    assert.equal(await count(page), '0 of 77 messages included');
    const meant = page.getByTestId('did-you-mean');
    assert.match(await meant.textContent(), /^Did you mean encryption\?$/);
    await meant.getByRole('link', { name: 'encryption' }).click();
    await page.waitForURL(/#\/explore\?q=encryption$/);
    const ids = await page.getByTestId('result').evaluateAll((cards) => cards.map((c) => c.dataset.id));
    assert.ok(ids.includes('geneva-2017-local-interventions-3'), ids.join());
    assert.equal(await page.getByTestId('did-you-mean').count(), 0);
    // Back returns to the misspelled search.
    await page.goBack();
    await page.waitForURL(/#\/explore\?q=encyption$/);
    await meant.waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  }
});

test('a search also finds the equivalents of its words, says so, and can search only what was typed', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 800 }]) {
    const { page, context } = await openPage(browser, url, { viewport });
    await page.keyboard.press('/');
    await page.keyboard.type('artificial intelligence');
    await page.waitForURL(/#\/explore\?q=artificial\+intelligence$/);
    const also = page.getByTestId('also-searched');
    assert.match(await also.textContent(), /^Also searched: AI\. Search only for “artificial intelligence”$/);
    const ids = () => page.getByTestId('result').evaluateAll((cards) => cards.map((c) => c.dataset.id));
    // The Riyadh 2024 messages write "AI" only: found, and the equivalent is marked.
    const expanded = await ids();
    assert.ok(expanded.includes('riyadh-2024-ai-governance-1'), expanded.join());
    const riyadh = page.locator('[data-testid="result"][data-id="riyadh-2024-ai-governance-1"] mark');
    assert.ok((await riyadh.allTextContents()).includes('AI'));
    assert.deepEqual(await axeViolations(page), []);
    // One tap searches only what was typed; the page stays where it was.
    const before = await page.evaluate(() => window.scrollY);
    await also.getByRole('link', { name: 'Search only for “artificial intelligence”' }).click();
    await page.waitForURL(/#\/explore\?q=artificial\+intelligence&exact=1$/);
    assert.match(await also.textContent(), /^Searched only for “artificial intelligence”, as typed\. Search AI too$/);
    const exact = await ids();
    assert.ok(!exact.includes('riyadh-2024-ai-governance-1'), exact.join());
    assert.ok(exact.length < expanded.length && exact.length > 0);
    assert.equal(await page.evaluate(() => window.scrollY), before);
    // The exact search survives a share link opened elsewhere.
    const shared = await openPage(browser, page.url(), { viewport });
    await shared.page.getByTestId('also-searched').waitFor();
    assert.match(await shared.page.getByTestId('also-searched').textContent(), /^Searched only for/);
    assert.deepEqual(await shared.page.getByTestId('result').evaluateAll((cards) => cards.map((c) => c.dataset.id)), exact);
    assert.deepEqual(await shared.page.problems(), []);
    await shared.context.close();
    // And back to the equivalents.
    await also.getByRole('link', { name: 'Search AI too' }).click();
    await page.waitForURL(/#\/explore\?q=artificial\+intelligence$/);
    assert.deepEqual(await ids(), expanded);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  }
});

test('a message opens with its source, and Back returns to the list', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?q=jobs');
  await page.getByRole('link', { name: /Read with source/ }).first().click();
  await page.getByTestId('message-detail').waitFor();
  assert.match(await page.getByTestId('message-source').textContent(), /Chair's Summary.*bullet of its “Session Messages”/s);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'message');
  await page.goBack();
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.getByTestId('search').inputValue(), 'jobs');
  await context.close();
});

test('the about page shows the coverage of every meeting and passes axe', async () => {
  const { page, context } = await openPage(browser, url + '#/about');
  const rows = await page.getByTestId('coverage-table').locator('tbody tr').count();
  assert.equal(rows, 9);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'about');
  await context.close();
});

test('hostile links render as text, open no dialog and are reported', async () => {
  const evil = encodeURIComponent('<script>alert(1)</script>');
  const img = encodeURIComponent('"><img src=x onerror=alert(1)>');
  const { page, context } = await openPage(browser, `${url}#/explore?q=${evil}&topic=${img}&meeting=javascript:alert(1)`);
  assert.equal(await page.getByTestId('search').inputValue(), '<script>alert(1)</script>');
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('main script').count(), 0);
  assert.match(await page.getByTestId('notices').textContent(), /Ignored unknown topic/);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('on a 360 px phone the filters are a drawer behind a button that counts them', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?meeting=geneva-2017', { viewport: { width: 360, height: 740 } });
  const toggle = page.getByTestId('filters-toggle');
  assert.equal(await toggle.textContent(), 'Filters (1)');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('facet-meeting').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.getByTestId('facet-meeting').isVisible());
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'explore-phone');
  await page.getByTestId('filters-done').click();
  assert.equal(await page.getByTestId('facet-meeting').isVisible(), false);
  await context.close();
});
