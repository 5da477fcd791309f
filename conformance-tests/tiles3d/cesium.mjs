// Opens a collection's HTML page in Debian's headless Chromium (never a downloaded browser), lets its CesiumJS 3D
// view load the collection's 3D tiles at the root view, and saves a screenshot. Prints one JSON summary line;
// exits 1 when a tile failed, the viewer reported an error, or nothing loaded within the time allowed.
//   node cesium.mjs http://host:port/collections/ID?f=html screenshot.png
import puppeteer from 'puppeteer-core';

const [page, screenshot] = process.argv.slice(2);
const TIMEOUT_MS = 120_000;
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: 'new',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
const summary = {page, loaded: 0, failed: 0, ready: false, error: null, consoleErrors: []};
try {
  const tab = await browser.newPage();
  await tab.setViewport({width: 1024, height: 768});
  tab.on('console', (message) => {
    if (message.type() === 'error' && summary.consoleErrors.length < 20) {
      summary.consoleErrors.push(message.text());
    }
  });
  tab.on('pageerror', (error) => summary.consoleErrors.push(String(error)));
  await tab.goto(page, {waitUntil: 'load'});
  await tab.waitForFunction(() => window.urbis3d && (window.urbis3d.ready || window.urbis3d.error),
    {timeout: TIMEOUT_MS, polling: 500});
  // a few more frames, so the screenshot shows what was loaded
  await new Promise((resolve) => setTimeout(resolve, 2000));
  Object.assign(summary, await tab.evaluate(() => window.urbis3d));
  await tab.$eval('#viewer3d', (element) => element.scrollIntoView());
  await (await tab.$('#viewer3d')).screenshot({path: screenshot});
} catch (error) {
  summary.error = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(summary));
process.exit(summary.failed === 0 && !summary.error && summary.loaded > 0 && summary.ready ? 0 : 1);
