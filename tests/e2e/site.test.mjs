// The static pages (README, "Static pages"): crawled over HTTP with no script, as a search
// engine or a link preview reads them, at the site's root and in a sub-folder; then in
// Chromium, the page of a message beside the app's old address of it, and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launch, openPage, axeViolations, screenshot } from './harness.mjs';

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
      // No script runs on it, and no address is claimed without a site address.
      assert.doesNotMatch(html, /<script(?! type="application\/ld\+json")/);
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
