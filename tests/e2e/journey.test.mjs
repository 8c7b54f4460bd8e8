// A reader's journey, walked as a person does at 390×844 (a phone) and 1366×800 (a
// laptop): open the 8th (phone) or 16th (laptop) message from the list and land on its
// heading, come back to the same place with focus on the link followed; a shared link
// never shows a message that does not match and keeps the navigation; nothing moves when
// the results arrive; every control a finger uses is 44×44 px on a phone; the keyboard
// reaches the first message in at most 10 Tab presses; axe finds nothing on any view.
// Screenshots of each step land in tests/e2e/output/journey-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, axeViolations, screenshot, useSelectionTool } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const SIZES = [
  { name: 'phone', nth: 8, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: 'laptop', nth: 16, viewport: { width: 1366, height: 800 } },
];
const options = ({ name, nth, ...rest }) => rest;

/** What has focus: its test id, the message it belongs to, its tag and text. */
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return {
    tag: a?.tagName, id: a?.id, testid: a?.dataset?.testid ?? null,
    card: a?.closest('[data-testid="result"]')?.dataset.id ?? null, text: a?.textContent?.trim().slice(0, 60),
  };
});

for (const size of SIZES) {
  test(`${size.name}: open the ${size.nth}th message, land on its heading; Back returns to the card`, async () => {
    const { page, context } = await openPage(browser, url, options(size));
    const card = page.getByTestId('result').nth(size.nth - 1);
    const id = await card.getAttribute('data-id');
    await card.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -100));
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 300, `the ${size.nth}th card is down the page (scrollY ${before})`);
    await screenshot(page, `journey-${size.name}-1-list`);
    await card.getByTestId('open-message').click();
    await page.getByTestId('message-detail').waitFor();
    assert.match(page.url(), new RegExp(`#/message/${id}`));
    await page.waitForFunction(() => document.activeElement?.id === 'message-title');
    const heading = await page.locator('#message-title').boundingBox();
    assert.ok(heading.y >= 0 && heading.y + heading.height <= size.viewport.height,
      `the message's heading is in the viewport (top ${heading.y})`);
    const text = await page.getByTestId('message-text').boundingBox();
    assert.ok(text.y < size.viewport.height, 'the message starts on the first screen');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `journey-${size.name}-2-message`);
    await page.goBack();
    await page.getByTestId('result').nth(size.nth - 1).waitFor();
    await page.waitForFunction((cardId) => document.activeElement?.closest('[data-testid="result"]')?.dataset.id === cardId, id);
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) <= 100, `Back returns to ${after}, left at ${before}`);
    const focus = await focused(page);
    assert.equal(focus.testid, 'open-message');
    await screenshot(page, `journey-${size.name}-3-back`);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });

  test(`${size.name}: a related message, then Back and Forward, each land where a reader looks`, async () => {
    const { page, context } = await openPage(browser, url + '#/message/geneva-2017-local-interventions-3', options(size));
    // The first view offers related messages on request; the full app lists them.
    const ask = page.getByTestId('show-related');
    if (await ask.count()) await ask.click();
    const related = page.getByTestId('related').first();
    await related.waitFor();
    await related.scrollIntoViewIfNeeded();
    const other = await related.getAttribute('data-id');
    await related.getByRole('link').click();
    await page.waitForFunction((id) => location.hash.includes(id) && document.activeElement?.id === 'message-title', other);
    assert.ok(await page.evaluate(() => window.scrollY) < 50, 'the followed message opens at its top');
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('geneva-2017-local-interventions-3'));
    await page.waitForFunction((id) => document.activeElement?.closest('[data-testid="related"]')?.dataset.id === id, other);
    await page.goForward();
    await page.waitForFunction((id) => location.hash.includes(id) && document.activeElement?.id === 'message-title', other);
    await screenshot(page, `journey-${size.name}-4-related`);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  });
}

// From the first paint: every visible message matches, the navigation is there, and the
// layout shifts are recorded (PerformanceObserver, shifts without recent input).
function watchFirstPaints() {
  window.__samples = [];
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const sample = () => {
    if (document.body) {
      const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
      const nav = [...document.querySelectorAll('nav.views')].some(visible);
      const texts = [...document.querySelectorAll('[data-testid="result"] .message-text')].filter(visible).map((e) => e.textContent);
      window.__samples.push({ t: performance.now(), nav, texts });
    }
    if (window.__samples.length < 400) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

for (const size of SIZES) {
  test(`${size.name}: a shared search link shows only matching messages from its first paint, navigation kept, no layout shift`, async () => {
    const { page, context } = await openPage(browser, url + '#/explore?q=gender', { ...options(size), initScript: watchFirstPaints });
    await page.getByTestId('result').first().waitFor();
    await page.waitForFunction(() => window.__samples.length >= 60, null, { timeout: 20000 });
    const samples = await page.evaluate(() => window.__samples);
    const wrong = samples.flatMap((s) => s.texts).filter((t) => !/gend/i.test(t));
    assert.deepEqual(wrong, [], 'a message that does not match was visible');
    const painted = samples.filter((s) => s.nav || s.texts.length);
    assert.ok(painted.length > 0 && painted.every((s) => s.nav), 'the navigation is visible from the first paint');
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls <= 0.01, `cumulative layout shift ${cls.toFixed(3)}`);
    await context.close();
  });

  for (const [name, hash, ready] of [
    ['a message link', '#/message/geneva-2017-gender-3', 'message-detail'],
    ['Charts', '#/charts?terms=data%2CAI', 'chart-terms-figure'],
  ]) {
    test(`${size.name}: ${name} shifts nothing as it arrives`, async () => {
      const { page, context } = await openPage(browser, url + hash, { ...options(size), initScript: watchFirstPaints });
      await page.getByTestId(ready).waitFor();
      await page.waitForTimeout(500); // let late work (fonts, charts redrawn to width) land: CLS is what it measures
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls <= 0.01, `cumulative layout shift ${cls.toFixed(3)} on ${hash}`);
      await context.close();
    });
  }
}

/** Visible controls under 44×44 px: buttons, checkbox labels, selects, summaries, and links
 * that stand alone (not inside a sentence). */
const smallTargets = (page) => page.evaluate(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, .print-only, [hidden]');
  };
  const inSentence = (a) => [...a.parentElement.childNodes].some((n) => n.nodeType === 3 && /\w/.test(n.textContent));
  const controls = [...document.querySelectorAll('#app button, #app select, #app summary, #app label[for], #app a[href]')]
    .filter((el) => !(el.tagName === 'A' && inSentence(el)))
    .filter((el) => el.tagName !== 'LABEL' || ['checkbox', 'radio'].includes(document.getElementById(el.htmlFor)?.type))
    .filter((el) => !el.closest('.chart-links, .table-scroll table'))
    .filter(visible);
  return controls.map((el) => {
    const r = el.getBoundingClientRect();
    return { el: `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`, w: Math.round(r.width), h: Math.round(r.height) };
  }).filter((c) => c.w < 44 || c.h < 43.5);
});

test('phone: every control a finger uses is at least 44×44 px on Explore, a message, Compare and Present', async () => {
  const phone = options(SIZES[0]);
  const views = [
    ['explore', '', async (page) => { await page.getByTestId('filters-toggle').click(); }],
    ['message', '#/message/geneva-2017-gender-3', null],
    ['compare', '#/compare?meetings=geneva-2017%2Ckyoto-2023', null],
    ['present', '#/present?q=gender&slide=1', null],
  ];
  const found = [];
  for (const [name, hash, prepare] of views) {
    const { page, context } = await openPage(browser, url + hash, phone);
    await page.locator('#app main h1').first().waitFor({ state: 'attached' });
    if (prepare) await prepare(page);
    for (const small of await smallTargets(page)) found.push(`${name}: ${small.el} ${small.w}×${small.h}`);
    await screenshot(page, `journey-phone-targets-${name}`);
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('phone: the search box keeps most of the width; the drawer ends in a button in sight', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?q=artificial+intelligence', options(SIZES[0]));
  const box = await page.getByTestId('search').boundingBox();
  assert.ok(box.width >= 0.7 * 390, `the search box is ${box.width} px wide`);
  await page.getByTestId('filters-toggle').click();
  const done = page.getByTestId('filters-done');
  const r = await done.boundingBox();
  assert.ok(r.y + r.height <= 844 && r.y >= 0, 'the drawer\'s button is in sight');
  assert.match(await done.textContent(), /Show the \d+ messages/);
  await done.click();
  await page.getByTestId('result').first().waitFor();
  await context.close();
});

for (const size of SIZES) {
  test(`${size.name}: at most 10 Tab presses from a fresh load to the first message's link`, async () => {
    const { page, context } = await openPage(browser, url, options(size));
    await page.getByTestId('result').first().waitFor();
    const first = await page.getByTestId('result').first().getAttribute('data-id');
    let presses = 0;
    for (; presses < 10; presses++) {
      await page.keyboard.press('Tab');
      const focus = await focused(page);
      if (focus.testid === 'skip-to-results') await page.keyboard.press('Enter');
      if (focus.testid === 'open-message' && focus.card === first) break;
      if (focus.testid === 'skip-to-results') {
        await page.keyboard.press('Tab');
        presses++;
        const next = await focused(page);
        if (next.testid === 'open-message' && next.card === first) break;
      }
    }
    const focus = await focused(page);
    assert.equal(focus.card, first, `after ${presses + 1} Tab presses focus is on ${JSON.stringify(focus)}`);
    assert.ok(presses + 1 <= 10);
    await context.close();
  });

  test(`${size.name}: the home view says what the IGF Messages are, with three ways to start; axe finds nothing on any view`, async () => {
    const { page, context } = await openPage(browser, url, options(size));
    const intro = page.getByTestId('home-intro');
    assert.match(await intro.textContent(), /key takeaways .* Internet Governance Forum/);
    assert.equal(await intro.getByRole('link').count(), 3);
    const line = page.getByTestId('corpus-name').locator('summary');
    assert.ok(await line.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the corpus line is not cut');
    await screenshot(page, `journey-${size.name}-home`);
    const views = ['', '#/explore?q=gender', '#/message/geneva-2017-gender-3', '#/compare?meetings=geneva-2017%2Ckyoto-2023',
      '#/charts?terms=data%2CAI', '#/present?q=gender&slide=1', '#/about', '#/load'];
    assert.deepEqual(await page.problems(), []);
    await context.close();
    for (const hash of views) {
      const { page: view, context: own } = await openPage(browser, url + hash, options(size));
      await view.waitForFunction(() => !document.querySelector('#prerendered'));
      assert.deepEqual(await axeViolations(view), [], `axe on ${hash || 'home'}`);
      assert.deepEqual(await view.problems(), [], hash);
      await own.close();
    }
  });
}

test('phone: your own messages are one tap from the header; a paste names the field to fill in, then opens at the top', async () => {
  const { page, context } = await openPage(browser, url, options(SIZES[0]));
  await page.getByTestId('nav-load').click();
  await page.getByRole('heading', { level: 1, name: 'Your messages' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.getByTestId('paste-text').fill('• A pasted message about gender and access.');
  const problems = page.getByTestId('paste-problems');
  await problems.filter({ hasText: 'Fill in “Source title”' }).waitFor();
  assert.match(await problems.textContent(), /Fill in “Meeting”.*Fill in “Year”/s);
  assert.equal(await page.getByTestId('paste-source-title').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.getByTestId('paste-use').isDisabled());
  await page.getByTestId('fill-paste-source-title').click();
  assert.equal((await focused(page)).id, 'paste-source-title');
  await page.getByTestId('paste-source-title').fill('A class handout');
  await page.getByTestId('paste-meeting').fill('Kyoto');
  await page.getByTestId('paste-year').fill('2023');
  await page.getByTestId('paste-preview').filter({ hasText: '1 message would be loaded' }).waitFor();
  await screenshot(page, 'journey-phone-paste');
  await page.getByTestId('paste-use').click();
  await page.getByTestId('result').first().waitFor();
  await page.waitForFunction(() => window.scrollY < 5 && document.activeElement?.tagName === 'H1');
  assert.match(await page.getByTestId('corpus-name').textContent(), /Pasted messages.*your file/s);
  assert.doesNotMatch(await page.getByTestId('corpus-name').textContent(), /built-in corpus\)\s*\(your file/);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('phone: a tap on the page before the app has started is kept and applied', async () => {
  const context = await browser.newContext(options(SIZES[0]));
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/first-view-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(url);
  await page.locator('#prerendered [data-testid="filters-toggle"]').click();
  release();
  await page.waitForSelector('#app main#main h1', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('#app [data-testid="filters-toggle"]')?.getAttribute('aria-expanded') === 'true');
  assert.ok(await page.getByTestId('facets').isVisible(), 'the drawer the reader asked for is open');
  await context.close();
});

test('phone: Present swipes to the next and previous slide, and offers full screen', async () => {
  const { page, context } = await openPage(browser, url + '#/present?q=gender&slide=1', options(SIZES[0]));
  const counter = page.getByTestId('slide-counter');
  await page.getByTestId('slide').waitFor();
  const swipe = async (from, to) => {
    const present = page.getByTestId('present');
    await present.dispatchEvent('pointerdown', { pointerType: 'touch', clientX: from, clientY: 400, bubbles: true });
    await present.dispatchEvent('pointerup', { pointerType: 'touch', clientX: to, clientY: 410, bubbles: true });
  };
  await swipe(320, 60);
  await page.waitForFunction(() => /^2 \//.test(document.querySelector('[data-testid="slide-counter"]').textContent));
  assert.match(page.url(), /slide=2/);
  await swipe(60, 320);
  await page.waitForFunction(() => /^1 \//.test(document.querySelector('[data-testid="slide-counter"]').textContent));
  assert.match(await counter.textContent(), /^1 \//);
  assert.ok(await page.getByTestId('present-fullscreen').isVisible());
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('laptop: Escape closes the "Present & export" menu and returns focus to its button', async () => {
  const { page, context } = await openPage(browser, url, options(SIZES[1]));
  await page.getByTestId('selection-menu').click();
  await page.getByTestId('present-link').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'selection-menu');
  assert.equal(await page.getByTestId('selection-menu').getAttribute('aria-expanded'), 'false');
  await context.close();
});

test('laptop: a corpus of your own is named as yours on slides, handouts and export file names', async () => {
  const { page, context } = await openPage(browser, url + '#/load', options(SIZES[1]));
  await page.getByTestId('corpus-file').setInputFiles('tests/data/corpora/class-corpus.json');
  await page.getByTestId('result-count').waitFor();
  assert.match(await page.getByTestId('print-header').textContent(), /Our class collection \(your file\):/);
  const [download] = await Promise.all([page.waitForEvent('download'), useSelectionTool(page, 'export-csv')]);
  assert.equal(download.suggestedFilename(), 'class-2026.csv');
  await useSelectionTool(page, 'present-link');
  await page.getByTestId('slide').waitFor();
  assert.equal(await page.getByTestId('present-corpus').textContent(), 'Our class collection (your file)');
  assert.deepEqual(await page.problems(), []);
  await context.close();
});
