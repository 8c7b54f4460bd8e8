import { startServer, launch } from './harness.mjs';
const { server, url } = await startServer(); const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url + (process.argv[2] || '')); await page.waitForSelector('main');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/shot.png' });
await browser.close(); server.close();
