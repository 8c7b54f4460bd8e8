import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, axeViolations, screenshot } from './harness.mjs';

let server, url, browser;
before(async () => { ({ server, url } = await startServer()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test('Geneva 2017 beside Kyoto 2023, with the coverage caveat, by clicking', async () => {
  const { page, context } = await openPage(browser, url);
  await page.getByTestId('nav-compare').click();
  await page.getByTestId('compare-prompt').waitFor();
  await page.getByLabel(/^Geneva 2017/).check();
  await page.getByLabel(/^Kyoto 2023/).check();
  await page.getByTestId('compare-sides').waitFor();
  assert.match(page.url(), /#\/compare\?meetings=geneva-2017%2Ckyoto-2023$/);
  const sides = page.getByTestId('compare-side');
  assert.equal(await sides.count(), 2);
  assert.match(await sides.nth(1).textContent(), /Kyoto 2023: 2 of a reported 89 messages included \(partial\).*Only 2 messages are included: these terms mean little/s);
  assert.match(await page.getByTestId('compare-one-sided').textContent(), /Internet fragmentation: in Geneva 2017 \(6\); none in Kyoto 2023/);
  await page.getByTestId('compare-topic').selectOption('cybersecurity-trust');
  await page.getByTestId('compare-focus').waitFor();
  assert.match(page.url(), /topic=cybersecurity-trust/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'compare');
  // A distinctive term opens Explore on the messages that use it.
  await sides.nth(1).getByRole('link', { name: 'children', exact: true }).click();
  await page.getByTestId('result-count').waitFor();
  assert.match(page.url(), /#\/explore\?q=children\+&meeting=kyoto-2023$/);
  assert.equal(await page.getByTestId('result-count').textContent(), '2 of 77 messages included');
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('no more than four meetings can be picked', async () => {
  const { page, context } = await openPage(browser, url + '#/compare?meetings=geneva-2017,paris-2018,berlin-2019,online-2020,kyoto-2023');
  assert.match(await page.getByTestId('notices').textContent(), /at most 4 meetings are compared/);
  assert.equal(await page.getByTestId('compare-side').count(), 4);
  assert.ok(await page.getByLabel(/^Kyoto 2023/).isDisabled());
  await context.close();
});

test('charts: topics and the terms "data" and "AI", with tables, downloads and click-through', async () => {
  const { page, context } = await openPage(browser, url);
  await page.getByTestId('nav-charts').click();
  await page.getByTestId('chart-topics').waitFor();
  await page.getByTestId('chart-terms').fill('data, AI');
  await page.getByRole('button', { name: 'Chart the terms' }).click();
  const figure = page.getByTestId('chart-terms-figure');
  await figure.waitFor();
  assert.match(page.url(), /#\/charts\?terms=data%2CAI$/);
  const table = await figure.locator('table').textContent();
  assert.match(table, /Berlin 2019 \(partial, 4 included\)/);
  assert.match(table, /data.*11 \(22.9 %\)/s);
  const svg = decodeURIComponent((await figure.getByTestId('download-svg').getAttribute('href')).split(',')[1]);
  assert.match(svg, /Share of each meeting&apos;s included messages that mention each term/);
  assert.match(svg, /Hollow marks: partial sets/);
  const csv = decodeURIComponent((await figure.getByTestId('download-csv').getAttribute('href')).split(',')[1]);
  assert.match(csv, /^\uFEFFterm,meeting,coverage,messages included,messages mentioning,percent of included\n/);
  await page.getByTestId('chart-shares').check();
  await page.waitForURL(/scale=share/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'charts');
  // Clicking a point opens Explore on that meeting's messages with the term.
  await figure.getByRole('link', { name: /"data" in Berlin 2019: 4 of 4 messages/ }).click();
  await page.getByTestId('result-count').waitFor();
  assert.match(page.url(), /#\/explore\?q=data\+&meeting=berlin-2019$/);
  assert.equal(await page.getByTestId('result-count').textContent(), '4 of 77 messages included');
  assert.deepEqual(await page.problems(), []);
  await context.close();
});

test('hostile chart terms stay text in the page and in the SVG', async () => {
  const term = encodeURIComponent('<script>alert(1)</script>,"><img src=x onerror=alert(1)>');
  const { page, context } = await openPage(browser, `${url}#/charts?terms=${term}`);
  const figure = page.getByTestId('chart-terms-figure');
  await figure.waitFor();
  assert.equal(await page.locator('body script, body img:not(.chart-figure img), body iframe').count(), 0);
  const svg = decodeURIComponent((await figure.getByTestId('download-svg').getAttribute('href')).split(',')[1]);
  assert.ok(!svg.includes('<script') && !svg.includes('<img'));
  assert.deepEqual(await page.problems(), []);
  await context.close();
});
