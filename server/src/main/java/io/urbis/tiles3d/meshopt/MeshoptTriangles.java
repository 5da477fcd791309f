package io.urbis.tiles3d.meshopt;

/**
 * EXT_meshopt_compression mode 1, "TRIANGLES" (header 0xE1): a triangle list in about one byte per triangle when
 * it is in vertex-cache order with vertices numbered in first-use order. A triangle that shares an edge with one of
 * the last 16 edges is coded by that edge and its third vertex (new, recent, next to the last explicit index, or
 * explicit); any other triangle by its three vertices. The decoder may return a triangle rotated, (b, c, a) for
 * (a, b, c), which keeps its winding.
 */
public final class MeshoptTriangles {

  static final int HEADER = 0xE1;
  /** Edge codes reach edges up to this age: high nibble 0xF starts the codes of triangles without a shared edge. */
  private static final int EDGE_AGES = 15;
  /** Low nibbles of an edge code naming a recent third vertex (by its age); 0 and 13 to 15 mean other things. */
  private static final int RECENT_VERTEX_CODES = 13;
  private static final int LAST_MINUS_ONE = 13;
  private static final int LAST_PLUS_ONE = 14;
  private static final int EXPLICIT = 15;
  /** Second and third vertex references of a triangle without a shared edge reach vertices up to this age. */
  private static final int RECENT_VERTEX_AGES = 14;
  private static final int FIRST_IS_NEXT = 0xFE;
  private static final int FIRST_EXPLICIT = 0xFF;

  private final EdgeFifo edges = new EdgeFifo();
  private final VertexFifo vertices = new VertexFifo();
  private final byte[] codes;
  /** Each triangle's vertex reference pair when it has no shared edge, else -1. */
  private final int[] pairs;
  private final ByteOutput explicitIndices;
  /** Where each triangle's explicit indices end in {@link #explicitIndices}. */
  private final int[] explicitEnds;
  /** The high-water mark: the vertex a first use of a new vertex is expected to be. */
  private int next;
  /** The last explicitly coded index, which the next one is a delta from. */
  private int last;

  private MeshoptTriangles(int triangles) {
    codes = new byte[triangles];
    pairs = new int[triangles];
    explicitIndices = new ByteOutput(triangles);
    explicitEnds = new int[triangles];
  }

  /** The compressed triangle list; every index is at least 0 and less than {@code vertexCount}. */
  public static byte[] encode(int[] indices, int vertexCount) {
    if (indices.length % 3 != 0) {
      throw new IllegalArgumentException("a triangle list has a multiple of 3 indices: " + indices.length);
    }
    IndexRange.check(indices, vertexCount);
    MeshoptTriangles encoder = new MeshoptTriangles(indices.length / 3);
    for (int t = 0; t < indices.length / 3; t++) {
      encoder.add(t, indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]);
    }
    return encoder.stream();
  }

  private void add(int t, int i0, int i1, int i2) {
    int edge = edges.find(i0, i1, i2);
    if (edge >= 0 && edge >> 2 < EDGE_AGES) {
      switch (edge & 3) {
        case 0 -> addOnEdge(t, edge >> 2, i0, i1, i2);
        case 1 -> addOnEdge(t, edge >> 2, i1, i2, i0);
        default -> addOnEdge(t, edge >> 2, i2, i0, i1);
      }
    } else if (i1 == next) {
      addAlone(t, i1, i2, i0);
    } else if (i2 == next) {
      addAlone(t, i2, i0, i1);
    } else {
      addAlone(t, i0, i1, i2);
    }
    explicitEnds[t] = explicitIndices.size();
  }

  /** Triangle (a, b, c) whose edge (a, b) was pushed {@code age} edges ago. */
  private void addOnEdge(int t, int age, int a, int b, int c) {
    int recent = vertices.age(c);
    int third;
    if (recent >= 1 && recent < RECENT_VERTEX_CODES) {
      third = recent;
    } else {
      if (c == next) {
        third = 0;
        next++;
      } else {
        third = c == last - 1 ? LAST_MINUS_ONE : c == last + 1 ? LAST_PLUS_ONE : EXPLICIT;
        if (third == EXPLICIT) {
          explicitIndices.putVarint(ByteOutput.zigzag(c - last));
        }
        last = c;
      }
      vertices.push(c);
    }
    codes[t] = (byte) (age << 4 | third);
    pairs[t] = -1;
    edges.push(c, b);
    edges.push(a, c);
  }

  /** Triangle (a, b, c) with no recent edge, rotated so that a is the next new vertex if any of the three is. */
  private void addAlone(int t, int a, int b, int c) {
    int ageB = vertices.age(b);
    int ageC = vertices.age(c);
    boolean firstIsNext = a == next;
    if (firstIsNext) {
      next++;
    }
    int refB = reference(b, ageB);
    int refC = reference(c, ageC);
    codes[t] = (byte) (firstIsNext ? FIRST_IS_NEXT : FIRST_EXPLICIT);
    pairs[t] = refB << 4 | refC;
    if (!firstIsNext) {
      putExplicit(a);
    }
    if (refB == EXPLICIT) {
      putExplicit(b);
    }
    if (refC == EXPLICIT) {
      putExplicit(c);
    }
    vertices.push(a);
    if (refB == 0 || refB == EXPLICIT) {
      vertices.push(b);
    }
    if (refC == 0 || refC == EXPLICIT) {
      vertices.push(c);
    }
    edges.push(b, a);
    edges.push(c, b);
    edges.push(a, c);
  }

  /** 1 + the age of a recent vertex, 0 for the next new vertex (taking it), else {@link #EXPLICIT}. */
  private int reference(int vertex, int age) {
    if (age >= 0 && age < RECENT_VERTEX_AGES) {
      return age + 1;
    }
    if (vertex == next) {
      next++;
      return 0;
    }
    return EXPLICIT;
  }

  private void putExplicit(int vertex) {
    explicitIndices.putVarint(ByteOutput.zigzag(vertex - last));
    last = vertex;
  }

  /** Header, one code per triangle, the extra bytes of each triangle in order, then the table. */
  private byte[] stream() {
    int[] counts = new int[256];
    for (int t = 0; t < codes.length; t++) {
      if (codes[t] == (byte) FIRST_IS_NEXT) {
        counts[pairs[t]]++;
      }
    }
    CodeAuxTable table = new CodeAuxTable(counts);
    ByteOutput out = new ByteOutput(1 + codes.length + explicitIndices.size() + 16);
    out.put(HEADER);
    for (int t = 0; t < codes.length; t++) {
      int slot = codes[t] == (byte) FIRST_IS_NEXT ? table.slot(pairs[t]) : -1;
      if (slot >= 0) {
        codes[t] = (byte) (0xF0 | slot);
        pairs[t] = -1;
      }
      out.put(codes[t]);
    }
    byte[] explicit = explicitIndices.toByteArray();
    for (int t = 0; t < codes.length; t++) {
      if (pairs[t] >= 0) {
        out.put(pairs[t]);
      }
      int start = t == 0 ? 0 : explicitEnds[t - 1];
      out.put(explicit, start, explicitEnds[t] - start);
    }
    byte[] entries = table.bytes();
    out.put(entries, 0, entries.length);
    return out.toByteArray();
  }
}
