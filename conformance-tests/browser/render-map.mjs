// Opens an Urbis map page in the system's Chromium and waits until MapLibre has drawn its tiles.
// Usage: node render-map.mjs <page URL> <screenshot.png>
// Prints one JSON line {failedRequests, consoleErrors, renderedFeatures}; exits 1 on any problem. Tiles are fetched
// by MapLibre's web worker, whose requests the page does not see: a tile that fails to load is reported by MapLibre
// on the console, as an error.
import puppeteer from 'puppeteer-core';

const [url, screenshot] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const failedRequests = [];
const consoleErrors = [];

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--window-size=1200,800'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1200, height: 800});
  // the browser's own request for /favicon.ico is not the page's: Urbis has no icon
  const ownRequest = url => new URL(url).pathname === '/favicon.ico';
  page.on('console', message => {
    if (message.type() === 'error' && !ownRequest(message.location()?.url || 'http://x/')) {
      consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', error => consoleErrors.push(String(error)));
  page.on('requestfailed', request => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
  page.on('response', response => {
    if (response.status() >= 400 && !ownRequest(response.url())) {
      failedRequests.push(`${response.url()}: ${response.status()}`);
    }
  });
  await page.goto(url, {waitUntil: 'load', timeout: 60000});
  // the map fits itself to the data once the TileJSON is in; then wait until every tile is loaded and drawn
  try {
    await page.waitForFunction(() => window.urbisMapFitted && window.urbisMap.loaded()
        && window.urbisMap.areTilesLoaded(), {timeout: 60000, polling: 250});
    await new Promise(resolve => setTimeout(resolve, 500));
  } catch (timeout) {
    consoleErrors.push(`the map did not finish drawing: ${timeout.message}`);
  }
  const renderedFeatures = await page.evaluate(() => window.urbisMap ? window.urbisMap.queryRenderedFeatures().length
      : 0);
  await page.screenshot({path: screenshot});
  console.log(JSON.stringify({failedRequests, consoleErrors, renderedFeatures}));
  process.exitCode = failedRequests.length || consoleErrors.length || !renderedFeatures ? 1 : 0;
} finally {
  await browser.close();
}
