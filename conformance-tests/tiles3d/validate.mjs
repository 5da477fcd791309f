// Walks a 3D Tiles 1.1 tileset served by Urbis to its leaves with loaders.gl (which expands implicit tiling by
// reading every subtree) and checks every tile's content with the Khronos glTF validator and loaders.gl's own
// parser. Prints one JSON summary line; exits 1 when anything failed, a content has a validator error or warning,
// or an info other than the unsupported-extension notes (the validator does not know EXT_structural_metadata, so
// it also calls that extension's buffer views unused: those notes, and only those, are accepted too). Nor does it
// know EXT_meshopt_compression: it cannot see inside compressed buffer views and calls the buffer they are read
// from unused (accepted too), so a content that uses the extension is also decoded (meshopt.mjs) and the plain
// copy validated by the same rules, every accessor's data included.
//   node validate.mjs http://host:port/collections/ID/3dtiles
import {load} from '@loaders.gl/core';
import {Tiles3DLoader} from '@loaders.gl/3d-tiles';
import validator from 'gltf-validator';
import {compressedBuffers, decodeGlb, readGlb} from './meshopt.mjs';

const ALLOWED_INFOS = new Set(['UNSUPPORTED_EXTENSION']);
const url = process.argv[2];
const summary = {tileset: url, tiles: 0, contents: 0, maxLevel: 0, features: 0, problems: []};

function problem(where, what) {
  if (summary.problems.length < 50) {
    summary.problems.push(`${where}: ${what}`);
  }
}

async function checkContent(tile) {
  const response = await fetch(tile.contentUrl);
  if (!response.ok) {
    problem(tile.contentUrl, `HTTP ${response.status}`);
    return;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const {json} = readGlb(bytes);
  summary.features += json.extensions?.EXT_structural_metadata?.propertyTables?.[0]?.count || 0;
  const report = await validate(tile.contentUrl, bytes);
  const decoded = await decodeGlb(bytes);
  if (decoded !== bytes) {
    await validate(`${tile.contentUrl} (EXT_meshopt_compression decoded)`, decoded);
  }
  const content = await load(tile.contentUrl, Tiles3DLoader, {'3d-tiles': {isTileset: false, loadGLTF: true}});
  if (!content || !content.gltf) {
    problem(tile.contentUrl, 'loaders.gl did not parse the glTF');
  }
  const metadata = report.info && report.info.extensionsUsed ? report.info.extensionsUsed : [];
  if (!metadata.includes('EXT_structural_metadata')) {
    problem(tile.contentUrl, 'no EXT_structural_metadata');
  }
  summary.contents++;
}

/** The validator's report on the GLB, whose problems are in the summary. */
async function validate(where, bytes) {
  const report = await validator.validateBytes(bytes, {maxIssues: 1000});
  const {json} = readGlb(bytes);
  const metadataViews = metadataBufferViews(json);
  const unreadBuffers = compressedBuffers(json);
  for (const message of report.issues.messages) {
    const unseenUse = message.code === 'UNUSED_OBJECT' &&
        (metadataViews.has(message.pointer) || unreadBuffers.has(message.pointer));
    if (message.severity < 2 || (message.severity === 2 && !ALLOWED_INFOS.has(message.code) && !unseenUse)) {
      problem(where, `${message.code} ${message.message} at ${message.pointer ?? ''}`);
    }
  }
  return report;
}

/** The pointers (/bufferViews/N) of the buffer views the property tables use. */
function metadataBufferViews(json) {
  const pointers = new Set();
  for (const table of json.extensions?.EXT_structural_metadata?.propertyTables || []) {
    for (const property of Object.values(table.properties || {})) {
      for (const key of ['values', 'stringOffsets', 'arrayOffsets']) {
        if (property[key] !== undefined) {
          pointers.add(`/bufferViews/${property[key]}`);
        }
      }
    }
  }
  return pointers;
}

async function walk(tile, level) {
  summary.tiles++;
  summary.maxLevel = Math.max(summary.maxLevel, level);
  if (tile.contentUrl) {
    await checkContent(tile);
  }
  for (const child of tile.children || []) {
    await walk(child, level + 1);
  }
}

try {
  // the tileset URL has no .json ending, from which loaders.gl would guess it
  const tileset = await load(url, Tiles3DLoader, {'3d-tiles': {isTileset: true}});
  if (tileset.asset?.version !== '1.1') {
    problem(url, `asset.version ${tileset.asset?.version}`);
  }
  await walk(tileset.root, 0);
} catch (error) {
  problem(url, `failed: ${error.stack || error}`);
}
console.log(JSON.stringify(summary));
process.exit(summary.problems.length === 0 && summary.contents > 0 ? 0 : 1);
