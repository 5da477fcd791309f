package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/**
 * Mode 1 (header 0xe1): a code byte per triangle, then the extra data some codes need, then the 16-byte
 * {@code codeaux} table. A triangle is mostly a recent edge plus a new, recent or neighbouring vertex; the decoder
 * tracks the next new index ({@code next}), the last explicit one ({@code last}) and FIFOs of recent edges and
 * vertices.
 */
final class TriangleBitstream {

  private static final int HEADER = 0xE1;
  private static final int CODEAUX_LENGTH = 16;
  private static final int NIBBLE_MAX = 0xF;
  private static final int CODEAUX_ENTRIES = 14;

  private final ByteCursor extra;
  private final byte[] codeaux;
  private final DecodedIndices out;
  private final RecentIndices edges = new RecentIndices("edge");
  private final RecentIndices vertices = new RecentIndices("vertex");
  private int next;
  private int last;

  private TriangleBitstream(ByteCursor extra, byte[] codeaux, DecodedIndices out) {
    this.extra = extra;
    this.codeaux = codeaux;
    this.out = out;
  }

  static byte[] decode(byte[] data, int count, int byteStride) {
    ByteCursor body = ByteCursor.afterHeader(data, HEADER, CODEAUX_LENGTH, "triangles");
    // the codes come first; the same cursor then reads the extra data that follows them
    byte[] codes = body.next(count / 3);
    TriangleBitstream stream = new TriangleBitstream(body, codeaux(data), new DecodedIndices(count, byteStride));
    for (byte code : codes) {
      stream.triangle(code & 0xFF);
    }
    body.expectConsumed();
    return stream.out.bytes();
  }

  /** The table's last two bytes are 0, no other nibble is 0xf: what tells codes 0xfe and 0xff apart from it. */
  private static byte[] codeaux(byte[] data) {
    byte[] table = Arrays.copyOfRange(data, data.length - CODEAUX_LENGTH, data.length);
    for (int i = 0; i < CODEAUX_LENGTH; i++) {
      int high = table[i] >>> 4 & NIBBLE_MAX;
      int low = table[i] & NIBBLE_MAX;
      if (i < CODEAUX_ENTRIES ? high == NIBBLE_MAX || low == NIBBLE_MAX : table[i] != 0) {
        throw new IllegalArgumentException(
            String.format("triangles stream has codeaux[%d] = 0x%02x", i, table[i] & 0xFF));
      }
    }
    return table;
  }

  private void triangle(int code) {
    int high = code >>> 4;
    int low = code & NIBBLE_MAX;
    if (high < NIBBLE_MAX) {
      int[] edge = edges.entry(high);
      edgeAndVertex(edge[0], edge[1], low);
    } else if (low < CODEAUX_ENTRIES) {
      threeVertices(next++, codeaux[low] & 0xFF);
    } else {
      int pair = extra.next();
      if (pair == 0) {
        // restarts the new indices, as when independent triangle lists are joined
        next = 0;
      }
      threeVertices(low == NIBBLE_MAX ? explicitIndex() : next++, pair);
    }
  }

  /** Codes 0xXY: the recent edge (a, b) number X and a third vertex by Y. */
  private void edgeAndVertex(int a, int b, int third) {
    int c;
    if (third == 0) {
      c = next++;
      vertices.push(c);
    } else if (third < 0xD) {
      c = vertices.index(third);
    } else {
      // 0xd and 0xe: a neighbour of the last explicit index, 0xf: an explicit index
      c = switch (third) {
        case 0xD -> --last;
        case 0xE -> ++last;
        default -> explicitIndex();
      };
      vertices.push(c);
    }
    edges.push(c, b);
    edges.push(a, c);
    emit(a, b, c);
  }

  /**
   * Codes 0xfY: a new (or, for 0xff, explicit) vertex {@code a}, then b and c by the nibbles of {@code pair} (from
   * codeaux, or for 0xfe and 0xff from the extra data): 0 new, 0xf explicit, else recent vertex number nibble - 1.
   */
  private void threeVertices(int a, int pair) {
    int b = vertex(pair >>> 4);
    int c = vertex(pair & NIBBLE_MAX);
    vertices.push(a);
    if (isFresh(pair >>> 4)) {
      vertices.push(b);
    }
    if (isFresh(pair & NIBBLE_MAX)) {
      vertices.push(c);
    }
    edges.push(b, a);
    edges.push(c, b);
    edges.push(a, c);
    emit(a, b, c);
  }

  private int vertex(int nibble) {
    if (nibble == 0) {
      return next++;
    }
    return nibble == NIBBLE_MAX ? explicitIndex() : vertices.index(nibble - 1);
  }

  /** New and explicit vertices enter the vertex FIFO; recent ones are there already. */
  private static boolean isFresh(int nibble) {
    return nibble == 0 || nibble == NIBBLE_MAX;
  }

  /** A zigzag delta from {@code last}, which it then replaces. */
  private int explicitIndex() {
    last += Zigzag.decode(extra.varint());
    return last;
  }

  private void emit(int a, int b, int c) {
    out.add(a);
    out.add(b);
    out.add(c);
  }
}
