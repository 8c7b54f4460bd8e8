// `make lighthouse`: Lighthouse (npm, pinned in package-lock.json) as the outside judge of
// the release build, on Debian's Chromium with Lighthouse's default mobile profile
// (simulated slow 4G, 4× CPU slowdown): five links of the app and two static pages, three
// runs each (LIGHTHOUSE_LINKS="static message page,…" picks some by name), medians of the four
// category scores and of LCP, TBT and CLS. Records, never asserts (the machine is shared
// and noisy). Writes tests/lighthouse/output/lighthouse.json and prints a Markdown table
// for BENCHMARKS.md; for a link whose performance is under 95, where its time goes (the
// main thread's work by kind, and the LCP element with its phases).
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../e2e/harness.mjs';

const LINKS = [
  ['home', ''],
  ['search link', '#/explore?q=gender'],
  ['message', '#/message/geneva-2017-gender-3'],
  ['Compare', '#/compare?meetings=geneva-2017,paris-2018'],
  ['Charts', '#/charts?terms=data%2CAI'],
  // The static pages (README, "Static pages"): no app, one small script on a message's.
  ['static message page', 'message/geneva-2017-gender-3/'],
  ['static meeting page', 'meeting/geneva-2017/'],
].filter(([name]) => !process.env.LIGHTHOUSE_LINKS || process.env.LIGHTHOUSE_LINKS.split(',').includes(name));
const RUNS = Number(process.env.LIGHTHOUSE_RUNS || 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const outputDir = path.resolve('tests/lighthouse/output');
fs.mkdirSync(outputDir, { recursive: true });

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

const { server, url } = await startServer();
const userDataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'lighthouse-chromium-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  userDataDir,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [name, hash] of LINKS) {
      const { lhr } = await lighthouse(url + hash, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      const audit = (id) => lhr.audits[id];
      const work = (audit('mainthread-work-breakdown')?.details?.items ?? [])
        .map((i) => ({ group: i.groupLabel ?? i.group, ms: Math.round(i.duration) })).slice(0, 4);
      const lcpElement = audit('largest-contentful-paint-element')?.details?.items ?? [];
      results.push({
        name, link: hash || '(home)', run,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
        lcp: Math.round(audit('largest-contentful-paint').numericValue),
        tbt: Math.round(audit('total-blocking-time').numericValue),
        cls: Number(audit('cumulative-layout-shift').numericValue.toFixed(3)),
        work,
        lcpElement: JSON.stringify(lcpElement).slice(0, 600),
        warnings: lhr.runWarnings,
      });
      process.stderr.write(`lighthouse: ${name} run ${run + 1}: performance ${results.at(-1).scores.performance}\n`);
    }
  }
} finally {
  await chrome.kill();
  server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

const summary = LINKS.map(([name, hash]) => {
  const runs = results.filter((r) => r.name === name);
  return {
    name, link: hash || '(home)',
    ...Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
    lcp: median(runs.map((r) => r.lcp)), tbt: median(runs.map((r) => r.tbt)), cls: median(runs.map((r) => r.cls)),
    performanceRuns: runs.map((r) => r.scores.performance),
  };
});
fs.writeFileSync(path.join(outputDir, 'lighthouse.json'), JSON.stringify({
  date: new Date().toISOString(), chromium: (await import('node:child_process')).execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version']).toString().trim(),
  runs: RUNS, summary, results,
}, null, 1));
console.log(`| Link | Performance | Accessibility | Best practices | SEO | LCP (ms) | TBT (ms) | CLS |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
for (const s of summary) {
  console.log(`| ${s.name} \`${s.link}\` | ${s.performance} (${s.performanceRuns.join(', ')}) | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s.lcp} | ${s.tbt} | ${s.cls} |`);
}
for (const s of summary.filter((x) => x.performance < 95)) {
  const runs = results.filter((r) => r.name === s.name);
  console.log(`\n${s.name}: performance ${s.performance}; main thread (first run): ${runs[0].work.map((w) => `${w.group} ${w.ms} ms`).join(', ')}`);
}
