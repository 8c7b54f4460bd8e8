import { startServer, launch } from './harness.mjs';
const { server, url } = await startServer();
const browser = await launch();
for (const hash of ['', '#/explore?q=gender', '#/message/geneva-2017-gender-3', '#/compare?meetings=geneva-2017%2Ckyoto-2023', '#/charts?terms=data%2CAI', '#/about', '#/present?q=gender&slide=1']) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(url + hash);
  await page.waitForSelector('#app main#main h1', { state: 'attached' });
  await page.waitForTimeout(300);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !e.closest('.chart-scroll,.table-scroll,.views')).slice(0,5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)));
  console.log(hash, w, wide.join(' | '));
  await context.close();
}
await browser.close(); server.close();
