// Sets (issue 27), walked as a teacher does at a phone's and a laptop's size: pick
// messages across two searches, arrange and annotate them, share the link, open it in a
// fresh browser (read-only, "Save a copy"), present, print and export it, and read the
// export back; then the links a set view refuses or trims.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, axeViolations, screenshot, outputDir } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const NOTE = 'Ask: why "gender" & why now? #1 — 100% <b>not bold</b>\nمرحبا 👋';
const TITLE = 'Lesson 3: gender & encryption';

const ids = (page, testid) => page.getByTestId(testid).evaluateAll((items) => items.map((i) => i.dataset.id));
const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');
// The control with focus, named by its message and test id ("Add to set" has no id).
const focused = (page) => page.evaluate(() => {
  const active = document.activeElement;
  return `${active?.closest('[data-id]')?.dataset.id}/${active?.dataset.testid}`;
});

/** Clicks a card's "Add to set" and waits for the header to count `n`. */
async function add(page, card, n) {
  const button = card.getByTestId('set-toggle');
  assert.match(await button.getAttribute('aria-label'), /^Add to set: /);
  const id = await card.getAttribute('data-id');
  await button.click();
  await page.getByTestId('nav-set').filter({ hasText: `Set (${n})` }).waitFor();
  // Said to screen readers, and nothing moved: focus is still on the button pressed.
  await page.waitForFunction((n) => document.querySelector('[data-testid="set-status"]')?.textContent.includes(`Added to set, ${n} message`), n);
  assert.equal(await focused(page), `${id}/set-toggle`);
  assert.match(await card.getByTestId('set-toggle').textContent(), /^Remove from set/);
  return id;
}

for (const [width, height] of [[390, 844], [1366, 800]]) {
  test(`a teacher makes a set across two searches, shares it, and it comes back the same (${width}×${height})`, async () => {
    const { page, context } = await openPage(browser, url + '#/explore?q=gender&meeting=geneva-2017', {
      viewport: { width, height }, permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.getByTestId('result').first().waitFor();
    // The first view carries no sets: the first "Add to set" hands over to the full app,
    // which adds the message.
    const first = await add(page, page.getByTestId('result').nth(0), 1);
    const second = await add(page, page.getByTestId('result').nth(1), 2);
    await page.getByTestId('search').fill('encryption');
    await page.waitForURL(/q=encryption/);
    await page.getByTestId('result').first().waitFor();
    const third = await add(page, page.getByTestId('result').nth(0), 3);
    // A message already in the set says so on its page too.
    await page.goto(url + `#/message/${first}`);
    await page.getByTestId('message-detail').waitFor();
    assert.match(await page.locator('.message-set').getByTestId('set-toggle').textContent(), /^Remove from set/);

    // The set view opens at its top, with focus on its heading.
    await page.getByTestId('nav-set').click();
    await page.getByTestId('set-view').waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.deepEqual(await ids(page, 'set-item'), [first, second, third]);
    // The last moves to the top by keyboard; focus follows the moved message.
    await page.locator(`#set-up-${third}`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelectorAll('[data-testid="set-item"]')[1]?.dataset.id === id, third);
    assert.equal(await focusedId(page), `set-up-${third}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('[data-testid="set-item"]')?.dataset.id === id, third);
    assert.equal(await focusedId(page), `set-down-${third}`, 'at the top, focus goes to its other button');
    assert.deepEqual(await ids(page, 'set-item'), [third, first, second]);
    await page.getByTestId('set-title-input').fill(TITLE);
    await page.getByTestId('set-note-input').first().fill(NOTE);
    await page.getByTestId('set-title').filter({ hasText: TITLE }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `set-view-${width}`);
    if (width >= 1366) {
      // On a desktop a message can be dragged by its handle too (the buttons are the
      // keyboard's way); its note goes with it.
      // (As a hand does: the handle and the edge of the message it goes to both in view.)
      const drag = async (id, onto) => {
        const [from, to] = await page.evaluate(([id, onto]) => {
          const box = () => [document.querySelector(`[data-id="${id}"] [data-testid="set-drag"]`).getBoundingClientRect(),
            document.querySelector(`[data-testid="set-item"][data-id="${onto}"]`).getBoundingClientRect()];
          let [handle, target] = box();
          const edge = (h, t) => (t.top < h.top ? t.bottom - 20 : t.top + 20);
          window.scrollBy(0, (handle.top + edge(handle, target)) / 2 - innerHeight / 2);
          [handle, target] = box();
          return [[handle.left + handle.width / 2, handle.top + handle.height / 2], [target.left + target.width / 2, edge(handle, target)]];
        }, [id, onto]);
        await page.mouse.move(...from);
        await page.mouse.down();
        await page.mouse.move(...to, { steps: 10 });
        await page.mouse.up();
      };
      await drag(first, third);
      await page.waitForFunction((id) => document.querySelector('[data-testid="set-item"]')?.dataset.id === id, first);
      assert.deepEqual(await ids(page, 'set-item'), [first, third, second]);
      assert.equal(await page.locator(`[data-id="${third}"] [data-testid="set-note-input"]`).inputValue(), NOTE);
      await drag(first, third);
      await page.waitForFunction((id) => document.querySelector('[data-testid="set-item"]')?.dataset.id === id, third);
      assert.deepEqual(await ids(page, 'set-item'), [third, first, second]);
      assert.equal(await page.locator('.drop-here').count(), 0, 'no message is left marked');
    }

    // Survives a reload (kept on this device).
    await page.reload();
    await page.getByTestId('set-view').waitFor();
    assert.equal(await page.getByTestId('set-title-input').inputValue(), TITLE);
    assert.equal(await page.getByTestId('set-note-input').first().inputValue(), NOTE);

    // Copy link: a fresh browser context opens the same set, read-only.
    await page.getByTestId('copy-link').click();
    await page.getByTestId('copy-status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#\/set\?messages=/);
    const fresh = await openPage(browser, link, { viewport: { width, height } });
    const other = fresh.page;
    await other.getByTestId('set-read-only').waitFor();
    assert.deepEqual(await ids(other, 'set-item'), [third, first, second]);
    assert.equal(await other.getByTestId('set-title').textContent(), TITLE);
    assert.equal(await other.getByTestId('set-note').first().textContent(), `Note: ${NOTE}`);
    assert.equal(await other.getByTestId('set-note-input').count(), 0, 'read-only');
    assert.equal(await other.locator('.set-note b').count(), 0, 'a note is text, never HTML');
    assert.deepEqual(await axeViolations(other), []);
    // "Save a copy" keeps it on that device, editable.
    await other.getByTestId('set-save-copy').click();
    await other.getByTestId('set-title-input').waitFor();
    assert.equal(await other.getByTestId('set-title-input').inputValue(), TITLE);
    assert.deepEqual(await ids(other, 'set-item'), [third, first, second]);
    await other.getByTestId('nav-set').filter({ hasText: 'Set (3)' }).waitFor();
    await other.reload();
    await other.getByTestId('set-title-input').waitFor();
    assert.equal(await other.getByTestId('set-note-input').first().inputValue(), NOTE);
    assert.deepEqual(await other.problems(), []);
    await fresh.context.close();

    // Present: the title first, then the messages in the set's order with the note.
    await page.getByTestId('set-present').click();
    await page.getByTestId('slide').waitFor();
    assert.equal(await page.getByTestId('slide-counter').textContent(), '1 / 4');
    assert.match(await page.getByTestId('slide').textContent(), /Lesson 3: gender & encryption/);
    const shown = [];
    for (let n = 2; n <= 4; n += 1) {
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('slide-counter').filter({ hasText: `${n} / 4` }).waitFor();
      shown.push(await page.getByTestId('slide').getAttribute('data-id'));
      if (n === 2) assert.equal(await page.getByTestId('slide-note').textContent(), NOTE);
    }
    assert.deepEqual(shown, [third, first, second]);
    await page.keyboard.press('Escape');
    await page.getByTestId('set-view').waitFor();

    // The handout prints the title, each message with its source and the note.
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.getByTestId('set-print').click();
    await page.waitForFunction(() => window.__printed === true);
    await page.emulateMedia({ media: 'print' });
    const handout = page.getByTestId('set-handout');
    assert.ok(await handout.isVisible());
    assert.equal(await page.getByTestId('set-title-input').isVisible(), false);
    const printed = await handout.textContent();
    assert.ok(printed.includes(TITLE) && printed.includes(NOTE) && printed.includes('Source:'));
    await page.emulateMedia({ media: 'screen' });

    // The Markdown export carries the note, and reads back as the same set.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('set-export-md').click()]);
    assert.equal(download.suggestedFilename(), 'lesson-3-gender-encryption.md');
    const file = path.join(outputDir, `set-${width}.md`);
    await download.saveAs(file);
    const markdown = fs.readFileSync(file, 'utf8');
    assert.ok(markdown.includes('**Note:** Ask: why "gender" \\& why now? \\#1'), markdown);
    await page.getByTestId('set-file').setInputFiles(file);
    await page.getByTestId('set-file-status').filter({ hasText: 'Opened the set “Lesson 3: gender & encryption” (3 messages)' }).waitFor();
    assert.deepEqual(await ids(page, 'set-item'), [third, first, second]);
    assert.equal(await page.getByTestId('set-note-input').first().inputValue(), NOTE);
    assert.equal(await page.getByTestId('set-row').count(), 2);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
}

test('a set link with an unknown message, and one over the limits, say so', async () => {
  const { page, context } = await openPage(browser, url + '#/set?messages=geneva-2017-gender-3,no-such-message&note2=gone');
  await page.getByTestId('set-read-only').waitFor();
  assert.match(await page.getByTestId('notices').textContent(), /1 of this set's messages is not in the messages in use: left out \(no-such-message\)/);
  assert.deepEqual(await ids(page, 'set-item'), ['geneva-2017-gender-3']);
  await page.goto(url + `#/set?messages=geneva-2017-gender-3&note1=${'x'.repeat(1001)}`);
  await page.getByTestId('set-empty').waitFor();
  assert.match(await page.getByTestId('notices').textContent(), /A note is at most 1000 characters; the note under message 1 has 1001/);
  const many = Array.from({ length: 41 }, (_, i) => `m-${i}`).join(',');
  await page.goto(url + `#/set?messages=${many}`);
  await page.getByTestId('notices').filter({ hasText: 'A set holds at most 40 messages; this one has 41' }).waitFor();
  assert.deepEqual(await page.problems(), []);
  await context.close();
});
