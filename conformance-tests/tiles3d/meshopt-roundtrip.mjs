// Decodes the EXT_meshopt_compression test vectors written by Urbis' Java encoders with meshoptimizer's own
// decoder and compares them with the encoders' input: NAME.json ({mode, count, byteStride, glb?}), NAME.raw (the
// input as stored in the glTF) and NAME.bin (the encoding) in one folder. Triangles may come back rotated, (b, c, a)
// for (a, b, c), which keeps their winding. Also measures meshoptimizer's own encoder on the same input
// ("sizes": raw, ours, meshoptimizer's), and builds a GLB from the vectors marked "glb" that the glTF validator
// must accept by validate.mjs's rules, compressed and decoded by decodeGlb (meshopt.mjs).
// Prints one JSON summary line; exits 1 on any mismatch.
//   node meshopt-roundtrip.mjs DIRECTORY
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {MeshoptDecoder, MeshoptEncoder} from 'meshoptimizer';
import validator from 'gltf-validator';
import {compressedBuffers, decodeGlb, readGlb, writeGlb} from './meshopt.mjs';

const directory = process.argv[2];
const summary = {vectors: 0, raw: 0, encoded: 0, reference: 0, sizes: {}, glb: null, problems: []};

function problem(what) {
  if (summary.problems.length < 50) {
    summary.problems.push(what);
  }
}

function decode(vector) {
  const target = new Uint8Array(vector.count * vector.byteStride);
  const decoders = {
    ATTRIBUTES: MeshoptDecoder.decodeVertexBuffer,
    TRIANGLES: MeshoptDecoder.decodeIndexBuffer,
    INDICES: MeshoptDecoder.decodeIndexSequence,
  };
  decoders[vector.mode](target, vector.count, vector.byteStride, vector.encoded);
  return target;
}

function referenceSize(vector) {
  const {raw, count, byteStride} = vector;
  switch (vector.mode) {
    case 'ATTRIBUTES':
      return MeshoptEncoder.encodeVertexBufferLevel(raw, count, byteStride, 2, 0).length;
    case 'TRIANGLES':
      return MeshoptEncoder.encodeIndexBuffer(raw, count, byteStride).length;
    default:
      return MeshoptEncoder.encodeIndexSequence(raw, count, byteStride).length;
  }
}

function indices(bytes, byteStride) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = [];
  for (let offset = 0; offset < bytes.byteLength; offset += byteStride) {
    result.push(byteStride === 2 ? view.getUint16(offset, true) : view.getUint32(offset, true));
  }
  return result;
}

/** Where the decoded bytes differ from the input, or null; triangles compared up to rotation. */
function difference(vector, decoded) {
  if (vector.mode !== 'TRIANGLES') {
    const at = decoded.findIndex((value, i) => value !== vector.raw[i]);
    return at < 0 ? null : `byte ${at}: ${decoded[at]} instead of ${vector.raw[at]}`;
  }
  const expected = indices(vector.raw, vector.byteStride);
  const actual = indices(decoded, vector.byteStride);
  for (let i = 0; i < expected.length; i += 3) {
    const [a, b, c] = expected.slice(i, i + 3);
    const got = actual.slice(i, i + 3).join();
    if (got !== [a, b, c].join() && got !== [b, c, a].join() && got !== [c, a, b].join()) {
      return `triangle ${i / 3}: ${got} instead of ${[a, b, c]}`;
    }
  }
  return null;
}

function check(name, vector) {
  summary.vectors++;
  try {
    const reason = difference(vector, decode(vector));
    if (reason) {
      problem(`${name}: ${reason}`);
    }
  } catch (error) {
    problem(`${name}: ${error.message}`);
  }
  const reference = referenceSize(vector);
  summary.raw += vector.raw.length;
  summary.encoded += vector.encoded.length;
  summary.reference += reference;
  summary.sizes[name] = [vector.raw.length, vector.encoded.length, reference];
}

/** A GLB of one mesh whose quantized positions and triangles are compressed views, as Urbis will write them. */
function compressedGlb(positions, triangles) {
  const trianglesOffset = padded(positions.encoded.length);
  const bin = new Uint8Array(trianglesOffset + triangles.encoded.length);
  bin.set(positions.encoded, 0);
  bin.set(triangles.encoded, trianglesOffset);
  const positionsLength = positions.count * positions.byteStride;
  const trianglesLength = triangles.count * triangles.byteStride;
  const compressed = (vector, byteOffset) => ({
    EXT_meshopt_compression: {buffer: 0, byteOffset, byteLength: vector.encoded.length, byteStride: vector.byteStride,
      mode: vector.mode, count: vector.count},
  });
  const json = {
    asset: {version: '2.0', generator: 'meshopt-roundtrip.mjs'},
    extensionsUsed: ['EXT_meshopt_compression', 'KHR_mesh_quantization'],
    extensionsRequired: ['EXT_meshopt_compression', 'KHR_mesh_quantization'],
    scene: 0,
    scenes: [{nodes: [0]}],
    nodes: [{mesh: 0}],
    meshes: [{primitives: [{attributes: {POSITION: 0}, indices: 1, mode: 4}]}],
    accessors: [
      {bufferView: 0, componentType: 5123, count: positions.count, type: 'VEC3', ...bounds(positions)},
      {bufferView: 1, componentType: triangles.byteStride === 2 ? 5123 : 5125, count: triangles.count,
        type: 'SCALAR'},
    ],
    bufferViews: [
      {buffer: 1, byteOffset: 0, byteLength: positionsLength, byteStride: positions.byteStride, target: 34962,
        extensions: compressed(positions, 0)},
      {buffer: 1, byteOffset: padded(positionsLength), byteLength: trianglesLength, target: 34963,
        extensions: compressed(triangles, trianglesOffset)},
    ],
    buffers: [
      {byteLength: bin.length},
      {byteLength: padded(positionsLength) + trianglesLength, extensions: {EXT_meshopt_compression: {fallback: true}}},
    ],
  };
  return writeGlb(json, bin);
}

function padded(length) {
  return Math.ceil(length / 4) * 4;
}

function bounds(positions) {
  const view = new DataView(positions.raw.buffer, positions.raw.byteOffset, positions.raw.byteLength);
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.count; i++) {
    for (let axis = 0; axis < 3; axis++) {
      const value = view.getUint16(i * positions.byteStride + 2 * axis, true);
      min[axis] = Math.min(min[axis], value);
      max[axis] = Math.max(max[axis], value);
    }
  }
  return {min, max};
}

/**
 * The validator's errors, warnings and infos, as "CODE message at POINTER", but for unsupported extensions and the
 * buffers of compressed views, which it calls unused (validate.mjs's rules).
 */
async function validationProblems(bytes) {
  const report = await validator.validateBytes(bytes, {maxIssues: 100});
  const unreadBuffers = compressedBuffers(readGlb(bytes).json);
  const accepted = (m) => m.severity === 2 &&
      (m.code === 'UNSUPPORTED_EXTENSION' || (m.code === 'UNUSED_OBJECT' && unreadBuffers.has(m.pointer)));
  return report.issues.messages.filter((m) => m.severity < 3 && !accepted(m))
      .map((m) => `${m.code} ${m.message} at ${m.pointer ?? ''}`);
}

async function checkDecodeGlb(vectors) {
  const positions = vectors.find((vector) => vector.glb === 'POSITION');
  const triangles = vectors.find((vector) => vector.glb === 'indices');
  if (!positions || !triangles) {
    problem('no vectors marked "glb": "POSITION" and "glb": "indices"');
    return;
  }
  const glb = compressedGlb(positions, triangles);
  const decoded = await decodeGlb(glb);
  const {json, bin} = readGlb(decoded);
  const view = json.bufferViews[0];
  const decodedPositions = bin.subarray(view.byteOffset, view.byteOffset + view.byteLength);
  if (decodedPositions.some((value, i) => value !== positions.raw[i])) {
    problem('decodeGlb: the positions differ from the input');
  }
  if (JSON.stringify(json).includes('EXT_meshopt_compression') || json.buffers.length !== 1) {
    problem(`decodeGlb: the extension or the fallback buffer is left: ${JSON.stringify(json)}`);
  }
  (await validationProblems(glb)).forEach((what) => problem(`compressed GLB: ${what}`));
  (await validationProblems(decoded)).forEach((what) => problem(`decoded GLB: ${what}`));
  if (await decodeGlb(decoded) !== decoded) {
    problem('decodeGlb changed a GLB without the extension');
  }
  summary.glb = {bytes: glb.length, decodedBytes: decoded.length};
}

try {
  await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready]);
  const vectors = [];
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.json')).sort()) {
    const name = file.slice(0, -'.json'.length);
    const vector = JSON.parse(readFileSync(join(directory, file), 'utf8'));
    vector.raw = new Uint8Array(readFileSync(join(directory, `${name}.raw`)));
    vector.encoded = new Uint8Array(readFileSync(join(directory, `${name}.bin`)));
    vectors.push(vector);
    check(name, vector);
  }
  await checkDecodeGlb(vectors);
} catch (error) {
  problem(`failed: ${error.stack || error}`);
}
console.log(JSON.stringify(summary));
process.exit(summary.problems.length === 0 && summary.vectors > 0 ? 0 : 1);
