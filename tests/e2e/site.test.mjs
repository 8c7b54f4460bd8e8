// The static pages (README, "Static pages"): crawled over HTTP with no script, as a search
// engine or a link preview reads them, at the site's root and in a sub-folder; then in
// Chromium, the page of a message beside the app's old address of it, and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launch, openPage, axeViolations, screenshot } from './harness.mjs';
// Another implementation than the one that writes them reads the citation files back.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

const corpus = JSON.parse(fs.readFileSync('assets/corpus.json', 'utf8'));
const texts = new Map(corpus.messages.map((m) => [m.id, m.text]));

let browser;
const servers = [];
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); for (const s of servers) s.close(); });

async function serve(folder) {
  const { server, url } = await startServer({ folder });
  servers.push(server);
  return url;
}

const unescape = (html) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
const meta = (html, attribute, name) => {
  const found = html.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)">`));
  return found ? unescape(found[1]) : null;
};
const links = (html) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);

/** Sums the page's layout shifts from its start into `window.__shift` (`all`: those just
 * after an input too, which a layout-shift score leaves out). */
const countShifts = (page, all = false) => page.addInitScript((all) => {
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (all || !entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}, all);

/** Every page reachable from index.html within `depth` links, with its HTML and depth. */
async function crawl(start, depth) {
  const pages = new Map([[start, { depth: 0 }]]);
  const queue = [start];
  const checked = new Map();
  while (queue.length) {
    const address = queue.shift();
    const page = pages.get(address);
    const response = await fetch(address);
    assert.equal(response.status, 200, address);
    page.html = await response.text();
    for (const href of links(page.html)) {
      if (/^[a-z]+:/.test(href) || href.startsWith('#')) continue;
      const target = new URL(href, address);
      target.hash = '';
      const key = target.href;
      // Every internal link resolves.
      if (!checked.has(key)) checked.set(key, (await fetch(key)).status);
      assert.equal(checked.get(key), 200, `${href} on ${address}`);
      if (!pages.has(key) && page.depth < depth && key.endsWith('/')) {
        pages.set(key, { depth: page.depth + 1 });
        queue.push(key);
      }
    }
  }
  return pages;
}

for (const folder of ['/', '/any/sub/folder/']) {
  test(`with no script, from index.html every message's page is 2 links away and says what it quotes (served at ${folder})`, async () => {
    const url = await serve(folder);
    const pages = await crawl(url, 2);
    const titles = new Set();
    let messagePages = 0;
    for (const [address, page] of pages) {
      const id = address.match(/\/message\/([^/]+)\/$/)?.[1];
      if (!id) continue;
      messagePages += 1;
      const { html } = page;
      // The text verbatim, as the corpus holds it.
      const quoted = html.match(/<blockquote [^>]*data-testid="message-text"[^>]*><p>([\s\S]*?)<\/p><\/blockquote>/);
      assert.ok(quoted, `${id}: no message text`);
      assert.equal(unescape(quoted[1]), texts.get(id), `${id}: the text is not verbatim`);
      // A title of its own, a description, Open Graph, JSON-LD that parses, citation_title.
      const title = unescape(html.match(/<title>([^<]*)<\/title>/)[1]);
      assert.ok(!titles.has(title), `${id}: the title is another page's: ${title}`);
      titles.add(title);
      assert.ok(meta(html, 'name', 'description')?.length > 40, `${id}: description`);
      assert.equal(meta(html, 'property', 'og:title'), title);
      assert.ok(meta(html, 'property', 'og:description'));
      assert.equal(meta(html, 'property', 'og:type'), 'article');
      assert.ok(meta(html, 'property', 'og:site_name'));
      assert.equal(meta(html, 'name', 'twitter:card'), 'summary');
      assert.equal(meta(html, 'name', 'citation_title'), title);
      const ld = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
      assert.equal(ld['@type'], 'Quotation');
      assert.equal(ld.text, texts.get(id));
      assert.ok(ld.citation?.name, `${id}: the source is cited`);
      // Its citation, whole, with no script (the one script only makes Copy buttons work),
      // and the files it links.
      assert.equal([...html.matchAll(/data-testid="cite-text"/g)].length, 3, `${id}: APA, Chicago, MLA`);
      // (It starts the app in the page when the reader asks for what only the app does.)
      assert.deepEqual([...html.matchAll(/<script(?! type="application\/ld\+json")[^>]*>/g)].map((m) => m[0].replace(/(page|loader)-[0-9a-f]+\.js/g, '$1.js')),
        [`<script src="../../page.js" data-loader="../../loader.js" data-app="../../index.html#/message/${id}" defer>`]);
      // No address is claimed without a site address.
      assert.doesNotMatch(html, /rel="canonical"|og:url/);
    }
    assert.equal(messagePages, texts.size, 'every message has a page within 2 links of index.html');
  });
}

test('the page of a message and the address every shared link used show the same message', async () => {
  const url = await serve('/');
  const id = 'geneva-2017-local-interventions-3';
  for (const [width, height] of [[390, 844], [1366, 800]]) {
    const { page, context } = await openPage(browser, `${url}#/message/${id}`, { viewport: { width, height } });
    const inApp = await page.getByTestId('message-text').textContent();
    await page.goto(`${url}message/${id}/`);
    const onPage = await page.getByTestId('message-text').textContent();
    assert.equal(onPage, inApp);
    assert.equal(onPage, texts.get(id));
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `site-message-${width}`);
    // Into the explorer, at the message.
    await page.getByTestId('open-in-explorer').click();
    await page.waitForURL(new RegExp(`#/message/${id}$`));
    assert.equal(await page.getByTestId('message-text').textContent(), texts.get(id));
    // A meeting's page and the list of meetings and topics pass axe too.
    for (const path of ['meeting/geneva-2017/', 'topic/human-rights/', 'browse/']) {
      await page.goto(`${url}${path}`);
      await page.getByTestId('listing').waitFor();
      assert.deepEqual(await axeViolations(page), [], path);
    }
    await screenshot(page, `site-browse-${width}`);
    await context.close();
  }
});

test('Cite on a message page copies each style from the keyboard or a tap, and its files parse in another reader; nothing moves as the page starts', async () => {
  const url = await serve('/any/sub/folder/');
  const id = 'geneva-2017-cybersecurity-1';
  for (const [width, height] of [[390, 844], [1366, 800]]) {
    const context = await browser.newContext({ viewport: { width, height }, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await countShifts(page);
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
    });
    await page.goto(`${url}message/${id}/`);
    const copyApa = page.getByRole('button', { name: 'Copy the APA 7 reference' });
    // The script shows the buttons it makes work; their place was kept, so nothing moved.
    await copyApa.waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__shift), 0, 'layout shift as the page started');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);

    const apa = await page.locator('[data-testid="cite-text"][data-style="APA 7"]').textContent();
    assert.match(apa, /^Internet Governance Forum\. \(2017\)\. Geneva Messages: .*, message 1 of 6\. In The 12th Internet Governance Forum \(IGF\) Chair's Summary\. Internet Governance Forum\.$/);
    await copyApa.click();
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'APA 7 reference copied.' }).waitFor());
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), apa);
    // From the keyboard: MLA.
    const copyMla = page.getByRole('button', { name: 'Copy the MLA 9 reference' });
    await copyMla.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'MLA 9 reference copied.' }).waitFor();
    const mla = await page.locator('[data-testid="cite-text"][data-style="MLA 9"]').textContent();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), mla);
    // The header's "Copy link" copies the page's own address (the one that previews).
    await page.getByTestId('copy-link').click();
    await page.getByTestId('copy-status').filter({ hasText: 'Link copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${url}message/${id}/`);

    // The files a reference manager imports, downloaded and read by citation.js.
    const csl = JSON.parse(fs.readFileSync(`dist/message/${id}/cite.json`, 'utf8'))[0];
    for (const [testid, name] of [['cite-bibtex', 'cite.bib'], ['cite-ris', 'cite.ris'], ['cite-csl', 'cite.json']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      assert.equal(download.suggestedFilename(), name);
      const text = fs.readFileSync(await download.path(), 'utf8');
      const [item] = new Cite(testid === 'cite-csl' ? JSON.parse(text) : text).data;
      assert.equal(item.title, csl.title, `${name}: title`);
      assert.equal(item['container-title'], csl['container-title'], `${name}: container`);
      assert.equal(item.publisher, csl.publisher, `${name}: publisher`);
      assert.equal(item.issued?.['date-parts']?.[0]?.[0], 2017, `${name}: year`);
      const author = item.author?.[0];
      assert.equal(author?.literal ?? author?.family, 'Internet Governance Forum', `${name}: author`);
    }
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(problems, []);
    await screenshot(page, `site-cite-${width}`);
    await context.close();
  }
});

test("Cite a selection in the app: from the menu to references to copy and files that parse, and a message page's link to its citations", async () => {
  const url = await serve('/');
  for (const [width, height] of [[390, 844], [1366, 800]]) {
    const { page, context } = await openPage(browser, `${url}#/explore?q=gender&meeting=geneva-2017`, {
      viewport: { width, height }, permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true,
    });
    await page.getByTestId('result-count').filter({ hasText: /7 of/ }).waitFor();
    await page.getByTestId('selection-menu').click();
    await page.getByTestId('cite-link').click();
    const heading = page.getByRole('heading', { level: 1, name: 'Cite these 7 messages' });
    await heading.waitFor();
    // A new view opens at its top, its heading focused.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => Math.round(window.scrollY)), 0);
    const apa = page.locator('[data-testid="cite-references"][data-style="APA 7"] li');
    await apa.nth(6).waitFor();
    assert.equal(await apa.count(), 7);
    const references = await apa.allTextContents();
    assert.ok(references.every((r) => r.startsWith('Internet Governance Forum. (2017). Geneva Messages')), references.join('\n'));
    await page.getByRole('button', { name: 'Copy the 7 APA 7 references' }).click();
    await page.getByTestId('cite-status').filter({ hasText: '7 APA 7 references copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), references.join('\n\n'));
    // The files, read back by citation.js: seven entries each, with the same titles.
    let titles;
    for (const slug of ['bibtex', 'ris', 'csl']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`cite-${slug}`).click()]);
      assert.match(download.suggestedFilename(), /^igf-messages-citations\.(bib|ris|json)$/);
      const text = fs.readFileSync(await download.path(), 'utf8');
      const items = new Cite(slug === 'csl' ? JSON.parse(text) : text).data;
      assert.equal(items.length, 7, slug);
      const these = items.map((i) => i.title);
      titles ??= these;
      assert.deepEqual(these, titles, slug);
    }
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `app-cite-${width}`);
    // Back to the same selection.
    await page.getByRole('link', { name: 'Back to the selection' }).click();
    await page.getByTestId('result-count').filter({ hasText: /7 of/ }).waitFor();
    // A message's page in the app leads to the citations on its own page.
    const id = 'geneva-2017-gender-3';
    await page.goto(`${url}#/message/${id}`);
    await page.getByRole('link', { name: 'Cite it' }).click();
    await page.waitForURL(new RegExp(`message/${id}/#cite$`));
    await assert.doesNotReject(page.locator('#cite').waitFor());
    const box = await page.locator('#cite h2').boundingBox();
    assert.ok(box.y > -1 && box.y < height / 2, `the Cite section is at the top of the view (${box.y})`);
    assert.deepEqual(await page.problems(), []);
    await context.close();
  }
});

test('with a site address, each page names its address, and sitemap.xml and robots.txt list them', async () => {
  // The `site` example again, into a folder of its own (the suite's dist/ was built
  // without SITE_URL), as `SITE_URL=https://example.org/messages make build` runs it.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'site-url-'));
  fs.copyFileSync('dist/index.html', path.join(folder, 'index.html'));
  execFileSync('cargo', ['run', '--locked', '--quiet', '--example', 'site', '--', folder],
    { env: { ...process.env, SITE_URL: 'https://example.org/messages' }, stdio: 'pipe' });
  const site = 'https://example.org/messages/';
  const sitemap = fs.readFileSync(path.join(folder, 'sitemap.xml'), 'utf8');
  const listed = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  assert.equal(listed[0], site);
  for (const id of texts.keys()) assert.ok(listed.includes(`${site}message/${id}/`), id);
  assert.ok(listed.includes(`${site}browse/`) && listed.includes(`${site}meeting/geneva-2017/`));
  assert.equal(new Set(listed).size, listed.length, 'each address once');
  assert.match(fs.readFileSync(path.join(folder, 'robots.txt'), 'utf8'), /^User-agent: \*\nAllow: \/\n\nSitemap: https:\/\/example\.org\/messages\/sitemap\.xml\n$/);
  const id = 'geneva-2017-gender-3';
  const html = fs.readFileSync(path.join(folder, `message/${id}/index.html`), 'utf8');
  const address = `${site}message/${id}/`;
  assert.ok(html.includes(`<link rel="canonical" href="${address}">`));
  assert.equal(meta(html, 'property', 'og:url'), address);
  assert.equal(meta(html, 'name', 'citation_public_url'), address);
  // Its citation points at its page.
  const [csl] = JSON.parse(fs.readFileSync(path.join(folder, `message/${id}/cite.json`), 'utf8'));
  assert.equal(csl.URL, address);
  assert.ok(fs.readFileSync(path.join(folder, `message/${id}/cite.bib`), 'utf8').includes(`url = {${address}}`));
  // A site address that is not one stops the build with a clear message.
  assert.throws(() => execFileSync('cargo', ['run', '--locked', '--quiet', '--example', 'site', '--', folder],
    { env: { ...process.env, SITE_URL: 'example.org/messages' }, stdio: 'pipe' }), (e) => /site: .*http/i.test(String(e.stderr)));
  fs.rmSync(folder, { recursive: true, force: true });
});

test('Cite on a reader\'s own messages: the citation writer\'s module (fetched then, and only then) writes APA, Chicago and MLA, and the files parse', async () => {
  const url = await serve('/');
  const { page, context } = await openPage(browser, `${url}#/load`, {
    viewport: { width: 390, height: 844 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'],
  });
  const citer = () => page.evaluate(() => performance.getEntriesByType('resource')
    .some((r) => /\/citer-[0-9a-f]{12}_bg\.wasm$/.test(r.name)));
  await page.getByTestId('paste-text').fill('• A pasted message about gender and access.\n• Another on encryption & trust.');
  await page.getByTestId('paste-source-title').fill('A class handout');
  await page.getByTestId('paste-meeting').fill('Kyoto');
  await page.getByTestId('paste-year').fill('2023');
  await page.getByTestId('paste-use').click();
  await page.getByTestId('result').first().waitFor();
  assert.equal(await citer(), false, 'no visitor fetches the citation writer before Cite asks for it');
  await page.getByTestId('selection-menu').click();
  await page.getByTestId('cite-link').click();
  await page.getByRole('heading', { level: 1, name: 'Cite these 2 messages' }).waitFor();
  await page.getByTestId('cite-own-corpus').waitFor();
  assert.equal(await citer(), true);
  // Each style's references, written from the pasted messages' data.
  for (const style of ['APA 7', 'Chicago', 'MLA 9']) {
    const references = await page.locator(`[data-testid="cite-references"][data-style="${style}"] li`).allTextContents();
    assert.equal(references.length, 2, style);
    // (Chicago and MLA write titles in title case.)
    assert.ok(references.every((r) => /a class handout/i.test(r) && /Kyoto 2023 Messages/i.test(r)), `${style}: ${references.join('\n')}`);
  }
  const apa = await page.locator('[data-testid="cite-references"][data-style="APA 7"] li').allTextContents();
  await page.getByRole('button', { name: 'Copy the 2 APA 7 references' }).click();
  await page.getByTestId('cite-status').filter({ hasText: '2 APA 7 references copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), apa.join('\n\n'));
  // The files, read back by citation.js (another implementation): BibTeX too now.
  for (const slug of ['bibtex', 'ris', 'csl']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`cite-${slug}`).click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const items = new Cite(slug === 'csl' ? JSON.parse(text) : text).data;
    assert.equal(items.length, 2, slug);
    assert.ok(items.every((i) => i['container-title'] === 'A class handout'), slug);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('from a static page into the explorer: the app starts on the same message with no flash of the home list and nothing moving', async () => {
  const url = await serve('/any/sub/folder/');
  const id = 'kyoto-2023-children-1';
  for (const [width, height] of [[390, 844], [1366, 800]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await countShifts(page);
    await page.addInitScript(() => {
      window.__homeSeen = false;
      // Every frame until the message shows: was a card of the home list on screen?
      const look = () => {
        for (const card of document.querySelectorAll('[data-testid="result"]')) {
          const box = card.getBoundingClientRect();
          if (box.height > 0 && box.bottom > 0 && box.top < innerHeight && getComputedStyle(card).visibility !== 'hidden') window.__homeSeen = true;
        }
        if (!document.querySelector('#app [data-testid="message-text"]')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`${url}message/${id}/`);
    await page.getByTestId('open-in-explorer').click();
    await page.waitForURL(new RegExp(`index\\.html#/message/${id}$`));
    await page.locator('#app [data-testid="message-text"]').waitFor();
    assert.equal(await page.locator('#app [data-testid="message-text"]').textContent(), texts.get(id));
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.__homeSeen), false, 'the home list was on screen');
    assert.equal(await page.evaluate(() => window.__shift), 0, 'layout shift while the app started');
    // A page load, opened at its top (focus is the browser's, as on any page load).
    assert.equal(await page.evaluate(() => Math.round(scrollY)), 0);
    assert.ok(await page.locator('#message-title').isVisible());
    await context.close();
  }
});

test("on a message's page, Add to set starts the app in the page: the same page, nothing moves, the reader stays on the button, and the set holds the message", async () => {
  const url = await serve('/any/sub/folder/');
  const id = 'kyoto-2023-children-1';
  for (const [width, height] of [[390, 844], [1366, 800]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    // Every shift, those just after an input too: the app starts seconds after the tap.
    await countShifts(page, true);
    // The app runs under the page's policy: nothing it does may be refused.
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
    });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    const fetched = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto(`${url}message/${id}/`);
    await page.locator('html.runs-script').waitFor({ state: 'attached' });
    assert.deepEqual(fetched.filter((u) => /\.wasm$|\/loader-/.test(u)), [], 'nothing of the app is fetched before the tap');
    const add = page.getByRole('button', { name: `Add to set: ${id}` });
    await add.scrollIntoViewIfNeeded();
    const where = () => page.evaluate(() => ({
      y: Math.round(scrollY),
      text: Math.round(document.querySelector('[data-testid="message-text"]').getBoundingClientRect().top),
      button: Math.round(document.querySelector('[data-testid="set-toggle"]').getBoundingClientRect().top),
    }));
    const before = await where();
    // Every frame from the tap until the app has drawn the page: was the message there?
    await page.evaluate(() => {
      window.__gaps = 0;
      const look = () => {
        if (!document.querySelector('[data-testid="message-text"]')) window.__gaps += 1;
        if (!document.querySelector('#app [data-testid="message-text"]')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    // The loader is held back until the page has been looked at while the app loads.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/loader-*.js', async (route) => { await held; await route.continue(); });
    await add.click();
    // While the app loads: the page as it was, saying what it does, its links still
    // leading where they say (the address is the app's already).
    await page.waitForURL(new RegExp(`index\\.html#/message/${id}$`));
    assert.equal(await add.textContent(), 'Adding to set…');
    assert.equal(await page.getByTestId('open-in-explorer').getAttribute('href'), `${url}index.html#/message/${id}`);
    assert.equal(await page.getByRole('link', { name: 'Meetings and topics' }).getAttribute('href'), `${url}browse/`);
    assert.equal(await page.evaluate(() => window.__shift), 0, `${width}: layout shift before the app started`);
    // "Skip to content" moves focus and leaves the app's address as it is (the link shows
    // itself when focused: the shifts are counted again once the reader is back on the button).
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    assert.match(page.url(), new RegExp(`index\\.html#/message/${id}$`));
    // (Back where the reader was, on the button.)
    await page.evaluate((y) => window.scrollTo(0, y), before.y);
    await add.focus();
    await page.evaluate(() => { window.__shift = 0; });
    release();
    const remove = page.locator('#app').getByRole('button', { name: `Remove from set: ${id}` });
    await remove.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="set-status"]')?.textContent.includes('Added to set, 1 message'));
    // The app's address of the message, in the site's folder; the page is the app's now.
    assert.match(page.url(), new RegExp(`/any/sub/folder/index\\.html#/message/${id}$`));
    assert.equal(await page.locator('#prerendered').count(), 0);
    assert.equal(await page.locator('#app [data-testid="message-text"]').textContent(), texts.get(id));
    assert.equal(await page.evaluate(() => window.__gaps), 0, 'a frame without the message');
    // Where the reader was, on the button they used.
    const after = await where();
    assert.deepEqual(after, before, `${width}: the page moved as the app started`);
    assert.equal(await page.evaluate(() => window.__shift), 0, `${width}: layout shift`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `Remove from set: ${id}`);
    await page.getByTestId('nav-set').filter({ hasText: 'Set (1)' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    // The address works as any shared link of the app: a reload opens the same message,
    // with the set kept on the device.
    await page.reload();
    await page.locator('#app').getByRole('button', { name: `Remove from set: ${id}` }).waitFor();
    await context.close();
  }
});
