// Opens an Urbis map page (a tile set's map, or the landing page) in the system's Chromium under a strict
// Content-Security-Policy, waits until MapLibre has drawn its tiles, and checks what it drew.
// Usage: node render-map.mjs <page URL> <screenshot.png> [--every-layer]
// Prints one JSON line; exits 1 when a request failed (tiles included), the console showed an error, the policy was
// violated, fewer than two layers' colours (one, for a map of one layer) are on the canvas, the legend does not list
// and colour every layer, or, without JavaScript, the page does not link every layer's collection; with
// --every-layer also when a layer of the style has no feature in the tiles loaded or none drawn in view (a map
// fitted to data spread over the world draws a town's buildings at no zoom it starts at: they are smaller than a
// pixel there). The screenshot is of the whole page.
import puppeteer from 'puppeteer-core';

const [url, screenshot, ...options] = process.argv.slice(2);
const everyLayer = options.includes('--every-layer');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
/**
 * What the page must do with: its own scripts and styles (no inline ones), MapLibre's worker from a blob URL as it
 * starts it, data URLs for the images of its stylesheet, and requests to the server alone (no tiles, fonts or
 * sprites from elsewhere).
 */
const POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    + "connect-src 'self'; worker-src blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Pixels of a layer's colour it takes to count it as drawn: a few features' worth, not a stray edge. */
const MIN_PIXELS = 100;
/** How far off its colour blended over the background, per channel, a pixel may be; and how faint the blend. */
const TOLERANCE = 12;
const FAINTEST = 0.3;

const failedRequests = [];
const consoleErrors = [];
const tiles = {loaded: 0, empty: 0};
const problems = [];

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--window-size=1200,800'],
});
let summary = {};
try {
  const page = await browser.newPage();
  await page.setViewport({width: 1200, height: 800});
  await enforcePolicy(page);
  watchRequests(page);
  await page.goto(url, {waitUntil: 'load', timeout: 60000});
  // the map fits itself to the data once the TileJSON is in; then wait until every tile is loaded and drawn
  try {
    await page.waitForFunction(() => window.urbisMapFitted && window.urbisMap.loaded()
        && window.urbisMap.areTilesLoaded(), {timeout: 60000, polling: 250});
    await new Promise(resolve => setTimeout(resolve, 500));
  } catch (timeout) {
    consoleErrors.push(`the map did not finish drawing: ${timeout.message}`);
  }
  const drawn = await page.evaluate(whatTheMapDrew);
  const map = await page.$('#tile-map');
  const pixels = map ? await countColours(await map.screenshot(), drawn.background, drawn.layers) : {};
  await page.screenshot({path: screenshot, fullPage: true});
  const cspViolations = await page.evaluate(() => window.cspViolations);
  summary = {failedRequests, consoleErrors, cspViolations, tiles, layers: {}, legend: drawn.legend};
  for (const [id, layer] of Object.entries(drawn.layers)) {
    summary.layers[id] = {sourceFeatures: layer.sourceFeatures, renderedFeatures: layer.renderedFeatures,
      colour: layer.colour, pixels: pixels[id] || 0};
  }
  summary.linksWithoutScript = await linksWithoutScript(browser, Object.keys(drawn.layers));
  check(summary);
} catch (error) {
  problems.push(String(error));
} finally {
  await browser.close();
}
summary.problems = problems;
console.log(JSON.stringify(summary));
process.exitCode = problems.length ? 1 : 0;

/**
 * Serves the page's document with the policy (beside any the server sends), and keeps what the page reports as
 * violating it in window.cspViolations.
 */
async function enforcePolicy(page) {
  const session = await page.createCDPSession();
  session.on('Fetch.requestPaused', async event => {
    const body = await session.send('Fetch.getResponseBody', {requestId: event.requestId});
    await session.send('Fetch.fulfillRequest', {requestId: event.requestId, responseCode: event.responseStatusCode,
      responseHeaders: [...(event.responseHeaders || []), {name: 'Content-Security-Policy', value: POLICY}],
      body: body.base64Encoded ? body.body : Buffer.from(body.body).toString('base64')});
  });
  await session.send('Fetch.enable', {patterns: [{urlPattern: '*', resourceType: 'Document',
    requestStage: 'Response'}]});
  await page.evaluateOnNewDocument(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation',
        event => window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`));
  });
}

/**
 * Records failed requests and console errors of the page, and the tiles MapLibre's worker fetches: the page does
 * not see the worker's requests, so they are watched on the worker's own DevTools session.
 */
function watchRequests(page) {
  // the browser's own request for /favicon.ico is not the page's: Urbis has no icon
  const ownRequest = address => new URL(address).pathname === '/favicon.ico';
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
  page.on('workercreated', async worker => {
    const network = worker.client;
    const requested = new Map();
    network.on('Network.requestWillBeSent', event => requested.set(event.requestId, event.request.url));
    network.on('Network.responseReceived', event => {
      const status = event.response.status;
      if (status >= 400) {
        failedRequests.push(`${event.response.url}: ${status}`);
      } else if (new URL(event.response.url).protocol.startsWith('http')) {
        tiles[status === 204 ? 'empty' : 'loaded']++;
      }
    });
    // a tile MapLibre cancels because the view moved on before it came (the map fitting itself to the data) did not
    // fail: the tiles of the view it moved to are requested, and checked, instead
    network.on('Network.loadingFailed', event => event.canceled || failedRequests.push(
        `${requested.get(event.requestId) || event.requestId}: ${event.errorText}`));
    await network.send('Network.enable');
  });
}

/**
 * In the page: each source layer of the style with its colour, its features in the tiles loaded and those drawn in
 * view; the background colour; and how many of the legend's swatches the page coloured.
 */
function whatTheMapDrew() {
  const map = window.urbisMap;
  const swatches = [...document.querySelectorAll('.layer-swatch')];
  const legend = {swatches: swatches.length, coloured: swatches.filter(s => s.classList.contains('drawn')).length};
  if (!map) {
    return {layers: {}, background: null, legend};
  }
  const style = map.getStyle();
  const layers = {};
  let background = null;
  for (const layer of style.layers) {
    const paint = layer.paint || {};
    if (layer.type === 'background') {
      background = paint['background-color'];
      continue;
    }
    const id = layer['source-layer'];
    const entry = layers[id] ||= {source: layer.source, styleLayers: [], colour: null};
    entry.styleLayers.push(layer.id);
    entry.colour ||= ['fill-color', 'line-color', 'circle-color'].map(p => paint[p]).find(c => typeof c === 'string');
  }
  for (const [id, entry] of Object.entries(layers)) {
    entry.sourceFeatures = map.querySourceFeatures(entry.source, {sourceLayer: id}).length;
    entry.renderedFeatures = map.queryRenderedFeatures({layers: entry.styleLayers}).length;
  }
  return {layers, background, legend};
}

/**
 * Counts, for each layer, the pixels of the map's screenshot drawn in its colour: the colour blended over the
 * background, as fills (partly transparent) and the edges of lines are, at least FAINTEST of it, within TOLERANCE
 * per channel. A feature drawn over another layer's is a blend of both, and counted for neither. Decoded by the
 * browser itself.
 */
async function countColours(png, background, layers) {
  const colours = Object.fromEntries(Object.entries(layers).map(([id, layer]) => [id, layer.colour]));
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (data, background, colours, tolerance, faintest) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const rgb = colour => {
        context.fillStyle = colour;
        const hex = context.fillStyle;
        return [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
      };
      const ground = rgb(background || '#ffffff');
      const counts = {};
      for (const [id, colour] of Object.entries(colours)) {
        const c = rgb(colour);
        const d = c.map((v, j) => v - ground[j]);
        const length = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
        let count = 0;
        for (let i = 0; length > 0 && i < pixels.length; i += 4) {
          const p = [pixels[i] - ground[0], pixels[i + 1] - ground[1], pixels[i + 2] - ground[2]];
          const k = (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / length;
          if (k >= faintest && k <= 1.05 && p.every((v, j) => Math.abs(v - k * d[j]) <= tolerance)) {
            count++;
          }
        }
        counts[id] = count;
      }
      return counts;
    }, Buffer.from(png).toString('base64'), background, colours, TOLERANCE, FAINTEST);
  } finally {
    await page.close();
  }
}

/** The collection pages of the layers the page links to when JavaScript is off. */
async function linksWithoutScript(browser, layerIds) {
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.goto(url, {waitUntil: 'load', timeout: 60000});
    const hrefs = await page.$$eval('a[href]', anchors => anchors.map(a => new URL(a.href).pathname));
    return layerIds.filter(id => hrefs.includes(`/collections/${encodeURIComponent(id)}`)).length;
  } finally {
    await page.close();
  }
}

function check(summary) {
  const layers = Object.entries(summary.layers);
  if (summary.failedRequests.length || summary.consoleErrors.length) {
    problems.push('requests failed or the console showed errors');
  }
  if (summary.cspViolations.length) {
    problems.push('the page violated the Content-Security-Policy');
  }
  if (!summary.tiles.loaded) {
    problems.push('no tile was loaded');
  }
  if (!layers.length) {
    problems.push('the map has no layers');
  }
  for (const [id, layer] of everyLayer ? layers : []) {
    if (!layer.sourceFeatures || !layer.renderedFeatures) {
      problems.push(`layer ${id}: ${layer.sourceFeatures} features in the tiles, ${layer.renderedFeatures} drawn`);
    }
  }
  const coloured = layers.filter(([, layer]) => layer.pixels >= MIN_PIXELS).length;
  if (coloured < Math.min(2, layers.length)) {
    problems.push(`the canvas shows ${coloured} layers' colours`);
  }
  if (summary.legend.swatches !== layers.length || summary.legend.coloured !== layers.length) {
    problems.push(`the legend lists ${summary.legend.swatches} of ${layers.length} layers, colours `
        + `${summary.legend.coloured}`);
  }
  if (summary.linksWithoutScript !== layers.length) {
    problems.push(`without JavaScript the page links ${summary.linksWithoutScript} of ${layers.length} collections`);
  }
}
