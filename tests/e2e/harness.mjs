// Shared set-up of the end-to-end suite: a static server for dist/ on 127.0.0.1 (started
// and stopped by the suite), Debian's Chromium driven by playwright-core, axe-core checks,
// CSP-violation capture and screenshots under tests/e2e/output/ (git-ignored).
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const root = path.resolve(process.env.DIST || 'dist');
export const distDir = root;
export const outputDir = path.resolve('tests/e2e/output');
fs.mkdirSync(outputDir, { recursive: true });

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8', '.ris': 'application/x-research-info-systems; charset=utf-8',
};

// dist/ files are sent gzip-compressed when the browser accepts it, as any static host
// does, so that timings over a slow network see the bytes a user's phone would.
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.csv']);
const gzipped = new Map();
function gzipOf(file) {
  const key = `${file}:${fs.statSync(file).mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  return gzipped.get(key);
}

/**
 * Serves dist/ (and, for tests only, files from tests/data/ under /__test__/); with
 * `folder` (e.g. '/any/sub/folder/'), dist/ is served under that folder only, as on a
 * project site of a static host; with `dist`, another copy of it; with `answer`, a
 * function of the path that may answer instead ({ status, type, body }: a misconfigured
 * host or proxy), or return nothing to let the file be served.
 */
export function startServer({ folder = '/', dist = root, answer = () => null } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const instead = answer(url.pathname);
    if (instead) { res.writeHead(instead.status, { 'content-type': instead.type }); res.end(instead.body); return; }
    let base = dist;
    let rel = decodeURIComponent(url.pathname);
    if (!rel.startsWith('/__test__/')) {
      if (!rel.startsWith(folder)) { res.writeHead(404); res.end('not found'); return; }
      rel = '/' + rel.slice(folder.length);
    }
    if (rel.startsWith('/__test__/')) { base = path.resolve('tests/data'); rel = rel.slice('/__test__'.length); }
    // A folder's address is answered with its index.html, as static hosts do.
    let file = path.join(base, rel.endsWith('/') ? rel + 'index.html' : rel);
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    const type = types[path.extname(file)] || 'application/octet-stream';
    if (base === dist && compressible.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(gzipOf(file));
      return;
    }
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    server, url: `http://127.0.0.1:${server.address().port}${folder}`,
  })));
}

export async function launch() {
  // Playwright gives every non-persistent launch a fresh, empty --user-data-dir itself.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return browser;
}

/** Opens a page that records console errors, page errors, dialogs and CSP violations. */
export async function openPage(browser, url, { initScript, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`); });
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  // Every page, and the corpus error, has an h1 once the app has rendered (in #app: the
  // page's build-time copy of the home view has one too, before the app starts).
  await page.waitForSelector('#app main#main h1', { state: 'attached' });
  page.problems = async () => [...problems, ...(await page.evaluate(() => window.__csp)).map((v) => `csp: ${v}`)];
  return { context, page };
}

export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(outputDir, `${name}.png`), fullPage: true });
}

/** Clicks a tool of the "Present & export" menu, opening the menu first. */
export async function useSelectionTool(page, testid) {
  const menu = page.getByTestId('selection-menu');
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await page.getByTestId(testid).click();
}
