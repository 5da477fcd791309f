// Opens the 3D view of an Urbis collection page in the system's Chromium, lets CesiumJS load its 3D tiles, and for
// each theme (the one the page starts with, then those named) saves a screenshot of the view and counts its pixels
// of each legend colour. Then clicks a building and follows the link the view offers to its feature.
// Usage: node render-3d.mjs <collection page URL> <screenshot file prefix> [theme id ...]
// Prints one JSON line; exits 1 when a tile failed, the viewer reported an error, a theme shows fewer than three of
// its legend colours, or the picked building's link does not lead to that feature.
import puppeteer from 'puppeteer-core';

const [url, prefix, ...otherThemes] = process.argv.slice(2);
const TIMEOUT_MS = 120_000;
/** Pixels of a colour it takes to count it as drawn: a few buildings' worth, not an edge's anti-aliasing. */
const MIN_PIXELS = 200;
/** How much darker than its legend colour the view's shading may draw a face, and how far off per channel. */
const DARKEST = 0.55;
const TOLERANCE = 14;
/** Pixels of a colour side by side it takes to count them: a face, not the blend of two colours along an edge. */
const MIN_RUN = 4;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: 'new',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
    '--window-size=1280,900'],
});
const summary = {url, loaded: 0, failed: 0, ready: false, error: null, consoleErrors: [], themes: [], picked: null};
const problems = [];
try {
  const tab = await browser.newPage();
  await tab.setViewport({width: 1280, height: 900, deviceScaleFactor: 1});
  tab.on('console', (message) => {
    if (message.type() === 'error' && summary.consoleErrors.length < 20) {
      summary.consoleErrors.push(message.text());
    }
  });
  tab.on('pageerror', (error) => summary.consoleErrors.push(String(error)));
  await tab.goto(url, {waitUntil: 'load'});
  await tab.waitForFunction(() => window.urbis3d && (window.urbis3d.ready || window.urbis3d.error),
    {timeout: TIMEOUT_MS, polling: 500});
  await tab.$eval('#viewer3d', (element) => element.scrollIntoView());
  const first = await tab.evaluate(() => window.urbis3d.theme);
  for (const theme of [first, ...otherThemes.filter((t) => t !== first)]) {
    if (theme !== first) {
      await tab.select('#viewer3d-theme', theme);
    }
    // the style is applied to each feature on the next frames
    await tab.waitForFunction((id) => window.urbis3d.theme === id, {timeout: 10_000}, theme);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const legend = await tab.evaluate(() => window.urbis3d.legend);
    const view = await tab.$('#viewer3d');
    const png = await view.screenshot({path: `${prefix}-${theme}.png`});
    const counts = await countColours(png, legend.filter((entry) => !entry.noValue).map((entry) => entry.colour));
    const seen = legend.filter((entry) => (counts[entry.colour]?.pixels || 0) >= MIN_PIXELS);
    summary.themes.push({theme, legend: legend.map((e) => `${e.label} ${e.colour} ${counts[e.colour]?.pixels || 0}`),
      coloursSeen: seen.length});
    if (seen.length < 3) {
      problems.push(`theme ${theme} shows ${seen.length} legend colours, not 3`);
    }
    if (theme === first) {
      summary.picked = await pickBuilding(tab, view, Object.values(counts).find((c) => c.pixels >= MIN_PIXELS));
    }
  }
  Object.assign(summary, await tab.evaluate(() => ({loaded: window.urbis3d.loaded, failed: window.urbis3d.failed,
    ready: window.urbis3d.ready, error: window.urbis3d.error})));
} catch (error) {
  summary.error = String(error);
} finally {
  await browser.close();
}
if (summary.failed || summary.error || !summary.ready || !summary.loaded) {
  problems.push('tiles did not all load');
}
if (!summary.picked || summary.picked.status !== 200 || summary.picked.featureId !== summary.picked.id) {
  problems.push('the picked building does not link to its feature');
}
summary.problems = problems;
console.log(JSON.stringify(summary));
process.exit(problems.length ? 1 : 0);

/**
 * Counts the screenshot's pixels drawn in each colour, shaded as the view shades faces: a pixel is of a colour when it
 * is that colour times a factor between DARKEST and 1, within TOLERANCE per channel, and MIN_RUN of them in a row at
 * least count. Decoded by the browser itself.
 */
async function countColours(png, colours) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (data, colours, darkest, tolerance, minRun) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const targets = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const counts = Object.fromEntries(colours.map((hex) => [hex, {pixels: 0, run: 0, x: 0, y: 0}]));
      const matches = (i, c) => {
        const p = [pixels[i], pixels[i + 1], pixels[i + 2]];
        const k = (p[0] * c[0] + p[1] * c[1] + p[2] * c[2]) / (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
        return k >= darkest && k <= 1.02 && p.every((v, j) => Math.abs(v - k * c[j]) <= tolerance);
      };
      for (let y = 0; y < image.height; y++) {
        targets.forEach((c, t) => {
          const count = counts[colours[t]];
          let start = -1;
          for (let x = 0; x <= image.width; x++) {
            const inColour = x < image.width && matches(4 * (y * image.width + x), c);
            if (inColour) {
              start = start < 0 ? x : start;
            } else if (start >= 0) {
              // runs of a few pixels at least: an edge blending two colours may look like a third
              if (x - start >= minRun) {
                count.pixels += x - start;
              }
              // the middle of the longest run of the colour: where a click lands on a building of that colour
              if (x - start > count.run) {
                Object.assign(count, {run: x - start, x: Math.floor((start + x) / 2), y});
              }
              start = -1;
            }
          }
        });
      }
      return counts;
    }, Buffer.from(png).toString('base64'), colours, DARKEST, TOLERANCE, MIN_RUN);
  } finally {
    await page.close();
  }
}

/** Clicks the view where a building is drawn and follows the link to its feature the view then shows. */
async function pickBuilding(tab, view, where) {
  if (!where) {
    return null;
  }
  const box = await view.boundingBox();
  await tab.mouse.click(box.x + where.x, box.y + where.y);
  await tab.waitForFunction(() => window.urbis3d.picked, {timeout: 10_000});
  const picked = await tab.evaluate(() => window.urbis3d.picked);
  const response = await fetch(picked.href, {headers: {Accept: 'application/geo+json'}});
  const feature = response.ok ? await response.json() : null;
  return {id: picked.id, href: picked.href, attributes: Object.keys(picked.attributes).length,
    status: response.status, featureId: feature && String(feature.id)};
}
