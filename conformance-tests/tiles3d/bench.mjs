// Measures Urbis' 3D tiles of one collection: every tile built once from the database (cold), then served from
// the cache. Prints a JSON summary. Not a test: bench/tiles3d.sh runs it and writes bench/RESULTS-tiles3d.md.
//   node bench.mjs http://host:port/collections/ID/3dtiles [concurrency]
import {load} from '@loaders.gl/core';
import {Tiles3DLoader} from '@loaders.gl/3d-tiles';
import {gzipSync} from 'node:zlib';

const url = process.argv[2];
const concurrency = Number(process.argv[3] || 2);

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
      const bytes = new Uint8Array(await (await fetch(tileUrl)).arrayBuffer());
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

let features = 0;
let rawBytes = 0;
let gzipBytes = 0;
const cold = [];
start = performance.now();
await fetchAll(urls, (bytes, ms) => {
  features += featureCount(bytes);
  rawBytes += bytes.length;
  gzipBytes += gzipSync(bytes, {level: 6}).length;
  cold.push(ms);
});
const buildSeconds = (performance.now() - start) / 1000;

const cached = [];
await fetchAll(urls, (bytes, ms) => cached.push(ms));

console.log(JSON.stringify({
  tileset: url, concurrency, tiles: urls.length, features,
  indexAndSubtreesSeconds: indexSeconds, buildSeconds, featuresPerSecond: features / buildSeconds,
  bytesPerFeature: rawBytes / features, gzipBytesPerFeature: gzipBytes / features,
  coldMs: {p50: percentile(cold, 0.5), p95: percentile(cold, 0.95), max: Math.max(...cold)},
  cachedMs: {p50: percentile(cached, 0.5), p95: percentile(cached, 0.95), max: Math.max(...cached)},
}));
