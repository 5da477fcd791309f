// Known answers for Urbis' Java EXT_meshopt_compression decoder (MeshoptDecoderTest): encodes fixed inputs with
// meshoptimizer's own encoder, the reference implementation, and writes NAME.json ({mode, count, byteStride}),
// NAME.raw (the input as a glTF stores it) and NAME.bin (the encoding) into one folder, the layout
// meshopt-roundtrip.mjs reads. Prints one JSON summary line.
//   node meshopt-vectors.mjs DIRECTORY
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {MeshoptEncoder} from 'meshoptimizer';

const directory = process.argv[2];
// The extension allows bitstream version 0 only; the encoder's default is version 1 (header 0xa1).
const EXT_VERTEX_VERSION = 0;
const names = [];

function write(name, mode, count, byteStride, raw, encoded) {
  writeFileSync(join(directory, `${name}.json`), JSON.stringify({mode, count, byteStride}));
  writeFileSync(join(directory, `${name}.raw`), raw);
  writeFileSync(join(directory, `${name}.bin`), encoded);
  names.push(name);
}

/** mulberry32: the same numbers in [0, 1) on every run, so are the vectors. */
function randomSequence(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Elements whose bytes change from one to the next not at all, by one with an occasional jump, by a few, or at
 * random: deltas for each of the attribute codec's 0-, 2-, 4- and 8-bit groups, with and without sentinels.
 */
function elements(count, byteStride, random) {
  const bytes = new Uint8Array(count * byteStride);
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < byteStride; k++) {
      const byKind = [
        0x5a + k,
        i + (i % 11 === 0 ? 100 : 0),
        i * 7 + Math.floor(random() * 9),
        Math.floor(random() * 256),
      ];
      bytes[i * byteStride + k] = byKind[k % 4] & 0xff;
    }
  }
  return bytes;
}

function attributes(name, raw, count, byteStride, level = 2) {
  const encoded = MeshoptEncoder.encodeVertexBufferLevel(raw, count, byteStride, level, EXT_VERTEX_VERSION);
  write(name, 'ATTRIBUTES', count, byteStride, raw, encoded);
}

function indexBytes(indices, byteStride) {
  const typed = byteStride === 2 ? Uint16Array.from(indices) : Uint32Array.from(indices);
  return new Uint8Array(typed.buffer);
}

function triangles(name, indices, byteStride) {
  const raw = indexBytes(indices, byteStride);
  write(name, 'TRIANGLES', indices.length, byteStride, raw,
      MeshoptEncoder.encodeIndexBuffer(raw, indices.length, byteStride));
}

function sequence(name, indices, byteStride) {
  const raw = indexBytes(indices, byteStride);
  write(name, 'INDICES', indices.length, byteStride, raw,
      MeshoptEncoder.encodeIndexSequence(raw, indices.length, byteStride));
}

/** Two triangles per cell of a grid of quads, row by row. */
function grid(columns, rows) {
  const indices = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const corner = row * (columns + 1) + column;
      const above = corner + columns + 1;
      indices.push(corner, corner + 1, above, above, corner + 1, above + 1);
    }
  }
  return indices;
}

/** The 12 triangles of each box over its own 8 corners (ground ring, then roof ring), from vertex {@code first}. */
function boxes(count, first) {
  const box = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4,
    7];
  return Array.from({length: count}, (_, b) => box.map((corner) => first + 8 * b + corner)).flat();
}

function randomIndices(random, count, vertexCount) {
  return Array.from({length: count}, () => Math.floor(random() * vertexCount));
}

try {
  mkdirSync(directory, {recursive: true});
  await MeshoptEncoder.ready;
  const random = randomSequence(20240);
  for (const byteStride of [4, 8, 12, 16]) {
    for (const count of [1, 16, 17, 300]) {
      attributes(`attributes-${byteStride}-${count}`, elements(count, byteStride, random), count, byteStride);
    }
    for (const level of [0, 3]) {
      attributes(`attributes-${byteStride}-300-level${level}`, elements(300, byteStride, random), 300, byteStride,
          level);
    }
  }
  // 32 elements a block at the largest stride
  attributes('attributes-256-100', elements(100, 256, random), 100, 256);

  triangles('triangles-grid', grid(16, 16), 2);
  triangles('triangles-grid-wide', grid(260, 260), 4);
  triangles('triangles-boxes', boxes(40, 0), 2);
  triangles('triangles-boxes-far', boxes(40, 100_000), 4);
  triangles('triangles-grid-twice', [...grid(8, 8), ...grid(8, 8)], 2);
  // unshared triangles numbered from 0 twice: the second list restarts the new indices (code 0xfe, extra byte 0)
  const soup = Array.from({length: 60}, (_, i) => i);
  triangles('triangles-restart', [...soup, ...soup], 2);
  triangles('triangles-random', randomIndices(random, 1500, 300), 2);
  triangles('triangles-random-wide', randomIndices(random, 1500, 1 << 30), 4);

  const lines = Array.from({length: 2000}, (_, i) => (i + 1) >> 1);
  sequence('indices-lines', lines, 2);
  sequence('indices-strip', Array.from({length: 400}, (_, i) => (i >> 1) + (i % 2) * 1000), 2);
  sequence('indices-grid', grid(16, 16), 2);
  // the spec limits deltas to [-2^30, 2^30 - 1]; beyond, meshoptimizer's encoder loses their top bit unnoticed
  sequence('indices-random-wide', randomIndices(random, 1000, 2 ** 30), 4);
  console.log(JSON.stringify({vectors: names.length}));
} catch (error) {
  console.log(JSON.stringify({failed: `${error.stack || error}`}));
  process.exit(1);
}
