// Measures Urbis' 3D tiles of one collection: every tile built once from the database (cold). Prints a JSON
// summary and writes the tile URLs to the given file, for bench/tiles3d.sh to time the cached tiles with curl.
// Not a test: bench/tiles3d.sh runs it and writes bench/RESULTS-tiles3d.md.
//   node bench.mjs http://host:port/collections/ID/3dtiles urls.txt [concurrency]
import {load} from '@loaders.gl/core';
import {Tiles3DLoader} from '@loaders.gl/3d-tiles';
import {writeFileSync} from 'node:fs';

const [url, urlFile] = process.argv.slice(2, 4);
const concurrency = Number(process.argv[4] || 2);

function contentUrls(tile, urls = []) {
  if (tile.contentUrl) {
    urls.push(tile.contentUrl);
  }
  (tile.children || []).forEach((child) => contentUrls(child, urls));
  return urls;
}

/** The number of features of a GLB: the row count of its property table. */
function featureCount(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + view.getUint32(12, true))));
  return json.extensions.EXT_structural_metadata.propertyTables[0].count;
}

async function fetchAll(urls, onTile) {
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const tileUrl = urls[next++];
      const start = performance.now();
      // identity: the client spends no CPU on decompressing, which the server's two cores would feel
      const response = await fetch(tileUrl, {headers: {'Accept-Encoding': 'identity'}});
      const bytes = new Uint8Array(await response.arrayBuffer());
      onTile(bytes, performance.now() - start);
    }
  }
  await Promise.all(Array.from({length: concurrency}, worker));
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

let start = performance.now();
const tileset = await load(url, Tiles3DLoader, {'3d-tiles': {isTileset: true}});
const indexSeconds = (performance.now() - start) / 1000;
const urls = contentUrls(tileset.root);

writeFileSync(urlFile, urls.join('\n') + '\n');
let features = 0;
let rawBytes = 0;
const cold = [];
start = performance.now();
await fetchAll(urls, (bytes, ms) => {
  features += featureCount(bytes);
  rawBytes += bytes.length;
  cold.push(ms);
});
const buildSeconds = (performance.now() - start) / 1000;

console.log(JSON.stringify({
  tileset: url, concurrency, tiles: urls.length, features,
  indexAndSubtreesSeconds: indexSeconds, buildSeconds, featuresPerSecond: features / buildSeconds,
  bytesPerFeature: rawBytes / features,
  coldMs: {p50: percentile(cold, 0.5), p95: percentile(cold, 0.95), max: Math.max(...cold)},
}));
