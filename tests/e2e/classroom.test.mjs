import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launch, openPage, axeViolations, screenshot, outputDir, useSelectionTool } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const counter = (page) => page.getByTestId('slide-counter').textContent();

test('a teacher loads a CSV, presents it from a link on the right slide, and drives it by keys', async () => {
  const { page, context } = await openPage(browser, url + '#/load');
  await page.getByTestId('corpus-file').setInputFiles('assets/corpus-template.csv');
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.getByTestId('result-count').textContent(), '2 of 2 messages included');
  assert.match(await page.getByTestId('corpus-name').textContent(), /corpus-template.*your file/);
  await useSelectionTool(page, 'present-link');
  await page.getByTestId('slide').waitFor();
  assert.equal(await counter(page), '1 / 2');
  assert.match(page.url(), /#\/present\?corpus=corpus-template$/);
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/slide=2/);
  assert.equal(await counter(page), '2 / 2');
  assert.match(await page.getByTestId('slide').textContent(), /Children have the right.*Kyoto 2023.*Heading not given in the source/s);
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.querySelector('[data-testid="slide-counter"]').textContent === '1 / 2');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('[data-testid="slide-counter"]').textContent === '2 / 2');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[data-testid="slide-counter"]').textContent === '1 / 2');
  await page.keyboard.press('Escape');
  await page.getByTestId('result-count').waitFor();
  assert.match(page.url(), /#\/explore\?corpus=corpus-template$/);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('presentation from a link opens on its slide, is readable and passes axe', async () => {
  const { page, context } = await openPage(browser, url + '#/present?q=gender&meeting=geneva-2017&slide=3');
  await page.getByTestId('slide').waitFor();
  assert.equal(await counter(page), '3 / 7');
  assert.equal(await page.locator('.site-header').count(), 0);
  const size = await page.locator('.slide-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 30, `slide text is ${size}px`);
  await page.keyboard.press(' ');
  await page.waitForURL(/slide=4/);
  await page.keyboard.press('Shift+Space');
  await page.waitForURL(/slide=3/);
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, 'present');
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('a link made on a loaded corpus says so where that corpus is not loaded', async () => {
  const { page, context } = await openPage(browser, url + '#/present?corpus=corpus-template&slide=2');
  assert.match(await page.getByTestId('notices').textContent(), /made with the corpus 'corpus-template', which is not loaded here/);
  await context.close();
});

test('a handout prints the whole selection with its filters, date and link, without navigation', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?q=data&meeting=geneva-2017');
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  const count = await page.getByTestId('result-count').textContent();
  await useSelectionTool(page, 'print');
  await page.waitForFunction(() => window.__printed === true);
  const n = Number(count.split(' ')[0]);
  assert.equal(await page.getByTestId('result').count(), n);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.site-header').isVisible(), false);
  assert.equal(await page.getByTestId('selection-tools').isVisible(), false);
  const header = await page.getByTestId('print-header').textContent();
  assert.match(header, /Search: data.*Meeting: Geneva 2017.*Printed \d{4}-\d\d-\d\d from http/s);
  assert.ok(await page.locator('.message-source').first().isVisible());
  await screenshot(page, 'print-handout');
  await page.pdf({ path: path.join(outputDir, 'handout.pdf') });
  assert.ok(fs.statSync(path.join(outputDir, 'handout.pdf')).size > 10000);
  await context.close();
});

test('exports download the selection as CSV, JSON and Markdown with source and coverage', async () => {
  const { page, context } = await openPage(browser, url + '#/explore?q=jobs');
  const saved = {};
  for (const format of ['csv', 'json', 'md']) {
    const [download] = await Promise.all([page.waitForEvent('download'), useSelectionTool(page, `export-${format}`)]);
    assert.equal(download.suggestedFilename(), `igf-messages-copy.${format}`);
    const file = path.join(outputDir, download.suggestedFilename());
    await download.saveAs(file);
    saved[format] = fs.readFileSync(file, 'utf8');
  }
  assert.match(saved.csv, /^\uFEFFid,meeting,year,heading,subheading,topics,text,source,locator,source url,coverage\n/);
  assert.match(saved.csv, /Geneva 2017: complete set, 48 messages included/);
  const json = JSON.parse(saved.json);
  assert.ok(json.messages.length >= 1 && json.messages[0].source.locator && json.messages[0].coverage);
  assert.deepEqual(json.exported.selection, ['Search: jobs']);
  assert.match(saved.md, /^---\nid: igf-messages-copy\ntitle: IGF Messages \(copy\)\nselection: Search: jobs\n/);
  assert.match(saved.md, /\n# Geneva 2017\n\nId: geneva-2017\n/);
  assert.match(saved.md, /Coverage: partial, 48 published/);
  await context.close();
});

test('a Markdown file exported by the app loads back as the same messages', async () => {
  const { page, context } = await openPage(browser, url + '#/explore');
  const [download] = await Promise.all([page.waitForEvent('download'), useSelectionTool(page, 'export-md')]);
  const file = path.join(outputDir, 'all-messages.md');
  await download.saveAs(file);
  await page.goto(url + '#/load');
  await page.getByTestId('corpus-file').setInputFiles(file);
  await page.getByTestId('result-count').waitFor();
  assert.equal(await page.getByTestId('result-count').textContent(), '77 of 77 messages included');
  assert.match(await page.getByTestId('corpus-name').textContent(), /your file/);
  // The same messages, with their ids, meetings, headings and sources.
  const reopened = await readAll(page);
  await page.getByTestId('use-builtin').click();
  await page.getByTestId('corpus-name').filter({ hasNotText: 'your file' }).waitFor();
  assert.deepEqual(reopened, await readAll(page));
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

/** Every result card's id, text and meta line, after showing them all. */
async function readAll(page) {
  while (await page.getByTestId('show-more').count()) await page.getByTestId('show-more').click();
  const cards = await page.getByTestId('result').evaluateAll((cards) => cards.map((c) => [c.dataset.id, c.querySelector('.message-text').textContent, c.querySelector('.message-meta').textContent]));
  return cards.sort((a, b) => a[0].localeCompare(b[0]));
}

test('a teacher pastes the Kyoto template text, sees what will load, and presents it', async () => {
  const { page, context } = await openPage(browser, url + '#/load');
  const template = fs.readFileSync('assets/corpus-template.md', 'utf8');
  // Plain text first, under a meeting and heading the teacher names.
  await page.getByTestId('paste-meeting').fill('Kyoto');
  await page.getByTestId('paste-year').fill('2023');
  await page.getByTestId('paste-source-title').fill('childrens-rights.digital');
  await page.getByTestId('paste-source-url').fill('https://childrens-rights.digital');
  await page.getByTestId('paste-text').fill('• First pasted message, <b>literal</b>.\n• Second pasted message.');
  await page.getByTestId('paste-preview').filter({ hasText: '2 messages would be loaded' }).waitFor();
  assert.match(await page.getByTestId('paste-preview').textContent(), /Kyoto 2023.*Heading not given in the source: 2/);
  // Then the template as it is: Markdown is read as Markdown.
  await page.getByTestId('paste-text').fill(template);
  await page.getByTestId('paste-preview').filter({ hasText: '2 messages would be loaded' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  // A problem names its line, and nothing can be used then.
  await page.getByTestId('paste-text').fill(template.replace('Coverage: partial, 89 published', 'Coverage: most'));
  await page.getByTestId('paste-problems').waitFor();
  assert.match(await page.getByTestId('paste-problems').textContent(), /line 26, column 1: "coverage: most" cannot be read/);
  assert.ok(await page.getByTestId('paste-use').isDisabled());
  await page.getByTestId('paste-text').fill(template);
  await page.getByTestId('paste-use').click();
  await page.getByTestId('result-count').filter({ hasText: '2 of 2 messages included' }).waitFor();
  await page.getByTestId('nav-explore').click();
  await useSelectionTool(page, 'present-link');
  await page.getByTestId('slide').waitFor();
  assert.match(await page.getByTestId('slide').textContent(), /^Applying a vulnerability lens/);
  assert.match(await page.getByTestId('slide-counter').textContent(), /^1 \/ 2$/);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('a broken CSV lists its problems by row and column', async () => {
  const dir = fs.mkdtempSync(path.join(outputDir, 'csv-'));
  const file = path.join(dir, 'ragged.csv');
  fs.writeFileSync(file, 'meeting,year,text,source\nGeneva,2017,"A message",Summary\nKyoto,abc\n');
  const { page, context } = await openPage(browser, url + '#/load');
  await page.getByTestId('corpus-file').setInputFiles(file);
  const errors = page.getByTestId('load-errors');
  await errors.waitFor();
  assert.match(await errors.textContent(), /row 3: has 2 cells; the header has 4/);
  await context.close();
  fs.rmSync(dir, { recursive: true });
});
