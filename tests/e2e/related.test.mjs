import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, axeViolations, screenshot } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const ENCRYPTION = 'geneva-2017-local-interventions-3';
const relatedIds = (page) => page.getByTestId('related').evaluateAll((els) => els.map((e) => e.dataset.id));

/** Related messages come with the full app: on a message's page of the first-view build, ask for them. */
async function showRelated(page) {
  const button = page.getByTestId('show-related');
  if (await button.count()) await button.click();
  await page.getByTestId('related').first().waitFor();
}

test('from Geneva 2017 on encryption to what another meeting said, and the link that shows it again', async () => {
  const { page, context } = await openPage(browser, `${url}#/message/${ENCRYPTION}`, { permissions: ['clipboard-read', 'clipboard-write'] });
  // The message is readable at once; its related messages are one request away.
  assert.match(await page.getByTestId('message-text').textContent(), /^Encryption helps promote public security/);
  await showRelated(page);
  assert.match(page.url(), new RegExp(`#/message/${ENCRYPTION}$`));
  // Only messages that share enough of its meaning are listed (here one, on security and
  // cooperation), never weak matches to fill five places.
  const related = page.getByTestId('related');
  const listed = await related.count();
  assert.ok(listed >= 1 && listed <= 5, `${listed} related`);
  const first = related.first();
  // From another meeting, said why, with the shared words marked in its text.
  const meta = await first.locator('.message-meta').first().textContent();
  assert.doesNotMatch(meta, /Geneva 2017/);
  assert.match(await first.locator('.message-reason').textContent(), /^Shares: \w+/);
  assert.ok(await first.locator('mark').count() > 0);
  assert.match(await first.textContent(), /messages included/, 'its meeting\'s coverage is said');
  // The heading it was published under, this message marked in source order.
  assert.equal(await page.getByTestId('same-heading').locator('li[aria-current="true"]').count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'related-encryption');

  // Follow it.
  const followed = await first.getAttribute('data-id');
  await first.getByRole('link', { name: /Read with source/ }).click();
  await page.waitForURL(new RegExp(`#/message/${followed}`));
  const text = await page.getByTestId('message-text').textContent();
  await showRelated(page);
  const ids = await relatedIds(page);
  assert.ok(ids.length > 0 && !ids.includes(followed));

  // Share the link and reopen it in a fresh browser: the same message and related list.
  await page.getByTestId('copy-link').click();
  await page.getByTestId('copy-status').filter({ hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const fresh = await openPage(browser, link);
  assert.equal(await fresh.page.getByTestId('message-text').textContent(), text);
  await showRelated(fresh.page);
  assert.deepEqual(await relatedIds(fresh.page), ids);
  assert.deepEqual(await fresh.page.problems(), []);
  assert.deepEqual(await page.problems(), []);
  await fresh.context.close();
  await context.close();
});

test('a message with only weak matches says there is no closely related message', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 800 }]) {
    const { page, context } = await openPage(browser, `${url}#/message/geneva-2017-gender-4`, { viewport });
    const button = page.getByTestId('show-related');
    if (await button.count()) await button.click();
    const none = page.getByTestId('no-related');
    await none.waitFor();
    assert.match(await none.textContent(), /^No closely related messages in other meetings/);
    assert.equal(await page.getByTestId('related').count(), 0);
    assert.equal(await page.getByTestId('present-related').count(), 0);
    // A way on is still offered: every message like it, most similar first.
    assert.equal(await page.getByTestId('more-like').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  }
});

test('More like this lists similar messages with their reasons, and presents the idea across the years', async () => {
  const { page, context } = await openPage(browser, url);
  // From a card of the first view: the full app takes over for the list.
  const card = page.getByTestId('result').filter({ hasText: 'Encryption helps promote public security' });
  await card.getByTestId('more-like').click();
  await page.getByTestId('like-banner').waitFor();
  assert.match(page.url(), new RegExp(`#/explore\\?like=${ENCRYPTION}$`));
  const results = page.getByTestId('result');
  assert.ok(await results.count() > 5);
  assert.equal(await page.locator(`[data-testid=result][data-id="${ENCRYPTION}"]`).count(), 0, 'never the message itself');
  assert.equal(await page.getByTestId('reason').count(), await results.count());
  assert.deepEqual(await axeViolations(page), []);
  // Combined with a facet, like every other key.
  await page.getByTestId('facet-meeting').getByLabel(/^Kyoto 2023/).check();
  await page.waitForURL(/like=.*meeting=kyoto-2023|meeting=kyoto-2023.*like=/);
  assert.ok(await results.count() >= 1);
  assert.deepEqual(await results.evaluateAll((els) => [...new Set(els.map((e) => e.querySelector('.meeting').textContent))]), ['Kyoto 2023']);

  // The message page's presentation: the message, then its related messages of other meetings.
  await page.goto(`${url}#/message/${ENCRYPTION}`);
  await showRelated(page);
  const firstRelated = await page.getByTestId('related').first().locator('.message-text').textContent();
  await page.getByTestId('present-related').click();
  await page.getByTestId('slide').waitFor();
  assert.match(await page.getByTestId('slide-counter').textContent(), /^1 \/ \d+$/);
  assert.match(await page.getByTestId('slide').textContent(), /^Encryption helps promote public security/);
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('slide-counter').filter({ hasText: /^2 \// }).waitFor();
  assert.equal(await page.locator('.slide-text').textContent(), firstRelated);
  assert.match(await page.getByTestId('slide-reason').textContent(), /^Shares: .* \(with the first message\)$/);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('Compare lists the closest pairs across the meetings and says when a side is partial', async () => {
  const { page, context } = await openPage(browser, `${url}#/compare?meetings=geneva-2017,kyoto-2023`);
  const section = page.getByTestId('closest-pairs');
  await section.waitFor();
  const pairs = section.getByTestId('closest-pair');
  assert.ok(await pairs.count() > 0);
  const meetings = await pairs.first().locator('.message-meta strong').allTextContents();
  assert.deepEqual(meetings.sort(), ['Geneva 2017', 'Kyoto 2023']);
  assert.match(await page.getByTestId('pairs-caveat').textContent(), /Kyoto 2023 is a partial set/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('a like link naming no message says so and shows every message', async () => {
  const { page, context } = await openPage(browser, `${url}#/explore?like=no-such-message`);
  await page.getByText(/Ignored "More like this" for message 'no-such-message'/).waitFor();
  await page.getByTestId('result').first().waitFor();
  assert.equal(await page.getByTestId('like-banner').count(), 0);
  await context.close();
});
