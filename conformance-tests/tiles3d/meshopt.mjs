// Undoes EXT_meshopt_compression on a GLB: the glTF validator cannot look inside compressed buffer views, so the
// checks validate the decoded copy too, where every accessor's data is plain again.
import {MeshoptDecoder} from 'meshoptimizer/decoder';

const EXTENSION = 'EXT_meshopt_compression';
const MAGIC = 0x46546c67; // "glTF"
const JSON_CHUNK = 0x4e4f534a;
const BIN_CHUNK = 0x004e4942;
const VIEW_ALIGNMENT = 8; // as Urbis' writer: EXT_structural_metadata wants 8, vertex data 4

/** The JSON and the BIN chunk (undefined when there is none) of a GLB. */
export function readGlb(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(16, true) !== JSON_CHUNK) {
    throw new Error('not a GLB with a JSON chunk');
  }
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  const binStart = 20 + jsonLength;
  let bin;
  if (binStart + 8 <= bytes.byteLength && view.getUint32(binStart + 4, true) === BIN_CHUNK) {
    bin = bytes.subarray(binStart + 8, binStart + 8 + view.getUint32(binStart, true));
  }
  return {json, bin};
}

/** A GLB of the JSON (padded with spaces) and the BIN chunk (padded with zeros; none when undefined). */
export function writeGlb(json, bin) {
  const text = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = padded(text.length);
  const binLength = bin ? padded(bin.length) : 0;
  const length = 12 + 8 + jsonLength + (bin ? 8 + binLength : 0);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, length, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, JSON_CHUNK, true);
  bytes.fill(0x20, 20, 20 + jsonLength);
  bytes.set(text, 20);
  if (bin) {
    view.setUint32(20 + jsonLength, binLength, true);
    view.setUint32(24 + jsonLength, BIN_CHUNK, true);
    bytes.set(bin, 28 + jsonLength);
  }
  return bytes;
}

/**
 * The pointers (/buffers/N) of the buffers that compressed views read: validators that do not know the extension
 * call them unused when no plain view uses them too.
 */
export function compressedBuffers(json) {
  return new Set((json.bufferViews || []).map((view) => view.extensions?.[EXTENSION]).filter(Boolean)
      .map((compressed) => `/buffers/${compressed.buffer}`));
}

function padded(length, alignment = 4) {
  return Math.ceil(length / alignment) * alignment;
}

/**
 * The GLB with every compressed buffer view decoded into a single new BIN buffer (views keep their indices) and
 * EXT_meshopt_compression gone from views, buffers, extensionsUsed and extensionsRequired; the same bytes when the
 * GLB does not use the extension. Every view must lie in the GLB's BIN chunk, compressed or not.
 */
export async function decodeGlb(bytes) {
  const {json, bin} = readGlb(bytes);
  if (!(json.extensionsUsed || []).includes(EXTENSION)) {
    return bytes;
  }
  await MeshoptDecoder.ready;
  const views = json.bufferViews || [];
  const contents = views.map((view, index) => viewContent(json, bin, view, index));
  const offsets = [];
  let length = 0;
  for (const content of contents) {
    offsets.push(length);
    length = padded(length + content.length, VIEW_ALIGNMENT);
  }
  const out = new Uint8Array(length);
  views.forEach((view, index) => {
    out.set(contents[index], offsets[index]);
    view.buffer = 0;
    view.byteOffset = offsets[index];
    withoutExtension(view);
  });
  json.buffers = [{byteLength: length}];
  for (const key of ['extensionsUsed', 'extensionsRequired']) {
    if (json[key]) {
      json[key] = json[key].filter((name) => name !== EXTENSION);
      if (json[key].length === 0) {
        delete json[key];
      }
    }
  }
  return writeGlb(json, out);
}

function viewContent(json, bin, view, index) {
  const compressed = view.extensions?.[EXTENSION];
  if (!compressed) {
    return binSlice(json, bin, view.buffer, view.byteOffset || 0, view.byteLength, index);
  }
  if (compressed.count * compressed.byteStride !== view.byteLength) {
    throw new Error(`bufferView ${index}: byteLength ${view.byteLength} is not count × byteStride`);
  }
  const source = binSlice(json, bin, compressed.buffer, compressed.byteOffset || 0, compressed.byteLength, index);
  const target = new Uint8Array(view.byteLength);
  MeshoptDecoder.decodeGltfBuffer(target, compressed.count, compressed.byteStride, source, compressed.mode,
      compressed.filter || 'NONE');
  return target;
}

function binSlice(json, bin, buffer, offset, length, index) {
  if (buffer !== 0 || !bin || json.buffers?.[0]?.uri !== undefined) {
    throw new Error(`bufferView ${index}: buffer ${buffer} is not the GLB's BIN chunk`);
  }
  if (offset + length > bin.length) {
    throw new Error(`bufferView ${index}: bytes ${offset}..${offset + length} beyond the BIN chunk (${bin.length})`);
  }
  return bin.subarray(offset, offset + length);
}

function withoutExtension(object) {
  if (object.extensions) {
    delete object.extensions[EXTENSION];
    if (Object.keys(object.extensions).length === 0) {
      delete object.extensions;
    }
  }
}
