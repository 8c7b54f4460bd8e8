import { startServer, launch } from './harness.mjs';
const { server, url } = await startServer(); const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', m => console.log('console', m.type(), m.text()));
await page.goto(url + (process.argv[2] || '')); await page.waitForSelector('main');
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/shot.png', fullPage: process.argv[3] === 'full' });
await browser.close(); server.close();
