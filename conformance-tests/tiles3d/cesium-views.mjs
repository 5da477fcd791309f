// Photographs a collection's 3D tiles in the 3D view of its HTML page (Debian's headless Chromium, CesiumJS at its
// default screen-space error) in a window of 1280 by 800 pixels (or VIEW_SIZE), from three distances, looking down
// at 45°: the whole city (its tileset's bounding sphere filling the view), a district (3 km away) and a street (400 m
// away), both at the given point or else at the middle of the city. Waits at each until every tile in view is loaded
// (VIEW_TIMEOUT_S, 300 s by default), then saves city.png, district.png and street.png in the folder, and the ids of
// the buildings drawn (features of the tiles drawn), one a line, in city-features.txt, district-features.txt and
// street-features.txt. Prints one JSON summary line with what each view drew (tiles, buildings, their deepest level)
// and the seconds it took from the move, and its progress on stderr; exits 1 when a tile failed, the viewer reported
// an error or a view drew nothing.
//   node cesium-views.mjs http://host:port/collections/ID?f=html FOLDER [LONGITUDE LATITUDE]
import puppeteer from 'puppeteer-core';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const [page, folder, longitude, latitude] = process.argv.slice(2);
// a city of 200,000 buildings drawn in software on busy cores takes minutes a view: VIEW_TIMEOUT_S for such a run
const TIMEOUT_MS = Number(process.env.VIEW_TIMEOUT_S || 300) * 1000;
// MAXIMUM_SCREEN_SPACE_ERROR=1 draws (nearly) every building in view: what the city looks like in full
const MAXIMUM_SCREEN_SPACE_ERROR = Number(process.env.MAXIMUM_SCREEN_SPACE_ERROR || 0);
// VIEW_SIZE=WIDTHxHEIGHT draws fewer pixels, so a large city in less time
const [WIDTH, HEIGHT] = (process.env.VIEW_SIZE || '1280x800').split('x').map(Number);
const VIEWS = [
  {name: 'city', range: null},
  {name: 'district', range: 3000},
  {name: 'street', range: 400},
];
const started = Date.now();
// on stderr, so that the summary stays the last line of stdout: where a slow run spends its time
const progress = (step) => console.error(`cesium-views: ${((Date.now() - started) / 1000).toFixed(1)} s ${step}`);
mkdirSync(folder, {recursive: true});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: 'new',
  // drawing a city in software (SwiftShader) on busy cores takes a while
  protocolTimeout: TIMEOUT_MS,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
});
const summary = {page, views: {}, failed: 0, error: null, consoleErrors: []};
try {
  const tab = await browser.newPage();
  await tab.setViewport({width: WIDTH, height: HEIGHT});
  tab.on('console', (message) => {
    // counted here too: a run cut short never reads the page's own count
    if (message.type() === 'error' && message.text().startsWith('3D tile failed')) {
      summary.failed++;
    }
    if (message.type() === 'error' && summary.consoleErrors.length < 20) {
      summary.consoleErrors.push(message.text());
    }
  });
  tab.on('pageerror', (error) => summary.consoleErrors.push(String(error)));
  // the page keeps its viewer to itself: keep the one it makes, to move its camera
  await tab.evaluateOnNewDocument(() => {
    let cesium;
    Object.defineProperty(window, 'Cesium', {
      configurable: true,
      get: () => cesium,
      set: (library) => {
        const Viewer = library.Viewer;
        function KeptViewer(...args) {
          window.keptViewer = new Viewer(...args);
          return window.keptViewer;
        }
        cesium = new Proxy(library, {get: (target, name) => (name === 'Viewer' ? KeptViewer : target[name])});
      },
    });
  });
  await tab.goto(page, {waitUntil: 'load'});
  progress('page loaded');
  await tab.waitForFunction(() => window.urbis3d && (window.urbis3d.ready || window.urbis3d.error),
    {timeout: TIMEOUT_MS, polling: 500});
  progress('first view loaded');
  // the whole window for the view: more of the city than the page's box shows (without the box's border, which
  // would keep the canvas a few pixels short of the window)
  await tab.$eval('#viewer3d', (element) => {
    element.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; z-index: 1000; border: 0;'
      + ' box-sizing: border-box';
  });
  // CesiumJS takes the new size at its next frame; the views are framed for it
  await tab.waitForFunction(() => window.keptViewer.canvas.width === window.innerWidth,
    {timeout: TIMEOUT_MS, polling: 200});
  progress('resized');
  if (MAXIMUM_SCREEN_SPACE_ERROR) {
    await tab.evaluate((error) => {
      window.keptViewer.scene.primitives.get(0).maximumScreenSpaceError = error;
    }, MAXIMUM_SCREEN_SPACE_ERROR);
  }
  for (const view of VIEWS) {
    const moved = Date.now();
    await tab.evaluate((range, lon, lat) => {
      const viewer = window.keptViewer;
      const tileset = viewer.scene.primitives.get(0);
      const pitch = Cesium.Math.toRadians(-45);
      viewer.camera.lookAtTransform(Cesium.Matrix4.IDENTITY);
      if (range === null) {
        viewer.camera.viewBoundingSphere(tileset.boundingSphere, new Cesium.HeadingPitchRange(0, pitch, 0));
      } else {
        const middle = Cesium.Cartographic.fromCartesian(tileset.boundingSphere.center);
        const target = lon === undefined ? Cesium.Cartesian3.fromRadians(middle.longitude, middle.latitude, 0)
          : Cesium.Cartesian3.fromDegrees(Number(lon), Number(lat), 0);
        viewer.camera.lookAt(target, new Cesium.HeadingPitchRange(0, pitch, range));
      }
      viewer.camera.lookAtTransform(Cesium.Matrix4.IDENTITY);
      window.framesSinceMove = 0;
      window.loadedFrames = 0;
      if (!window.countingFrames) {
        window.countingFrames = true;
        viewer.scene.postRender.addEventListener(() => {
          window.framesSinceMove++;
          window.loadedFrames = tileset.tilesLoaded ? window.loadedFrames + 1 : 0;
        });
      }
    }, view.range, longitude, latitude);
    // loaded when the tileset has said so for a few frames in a row, counted from the move (the frame after it
    // requests what the new view needs): on busy cores a frame of a whole city drawn in software can take seconds
    await tab.waitForFunction(() => window.framesSinceMove >= 4 && window.loadedFrames >= 3,
      {timeout: TIMEOUT_MS, polling: 500});
    const {ids, ...drawn} = await tab.evaluate(() => {
      const tileset = window.keptViewer.scene.primitives.get(0);
      // the tiles drawn in the last frame: private to CesiumJS, read for this summary only
      const tiles = tileset._selectedTiles || [];
      const features = tiles.flatMap((tile) => (tile.content ? [tile.content] : []))
        .flatMap((content) => Array.from({length: content.featuresLength}, (_, i) => content.getFeature(i)));
      return {
        tiles: tiles.length,
        buildings: features.length,
        deepestLevel: tiles.reduce((deepest, tile) => Math.max(deepest, tile.implicitCoordinates?.level ?? 0), 0),
        ids: features.map((feature) => feature.getProperty('featureId')),
      };
    });
    summary.views[view.name] = {...drawn, seconds: (Date.now() - moved) / 1000};
    writeFileSync(path.join(folder, `${view.name}-features.txt`), ids.map((id) => `${id}\n`).join(''));
    await tab.screenshot({path: path.join(folder, `${view.name}.png`)});
    progress(`${view.name}: ${JSON.stringify(summary.views[view.name])}`);
  }
  const viewer = await tab.evaluate(() => ({failed: window.urbis3d.failed, error: window.urbis3d.error}));
  Object.assign(summary, {failed: Math.max(summary.failed, viewer.failed), error: viewer.error});
} catch (error) {
  summary.error = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(summary));
const drewSomething = VIEWS.every((view) => summary.views[view.name] && summary.views[view.name].buildings > 0);
process.exit(summary.failed === 0 && !summary.error && drewSomething ? 0 : 1);
