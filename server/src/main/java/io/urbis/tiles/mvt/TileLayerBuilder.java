package io.urbis.tiles.mvt;

import io.urbis.tiles.TileHash;
import io.urbis.tiles.TileMeasure;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Builds one layer of a tile from geometries in the CRS of its tile matrix set: the whole layer, each feature written
 * as it comes, or the layer reduced by the request's {@link TileReduction}, whose cells need every feature before
 * any is written. Not thread-safe; one per tile and layer.
 */
public final class TileLayerBuilder {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  /** Polygons before lines before points, the larger first, then by hash and id: which feature a cell keeps. */
  private static final Comparator<Candidate> KEEP_FIRST = Comparator.comparing(Candidate::small)
      .thenComparing(Comparator.comparingInt(Candidate::dimension).reversed())
      .thenComparing(Comparator.comparingDouble(Candidate::size).reversed())
      .thenComparingLong(Candidate::hash)
      .thenComparing(Candidate::id, Comparator.nullsLast(Comparator.naturalOrder()));

  private final MvtLayerWriter writer;
  private final TileReduction rules;
  private final List<Candidate> candidates = new ArrayList<>();

  public TileLayerBuilder(String name, TileRequest request) {
    this.writer = new MvtLayerWriter(name, request);
    this.rules = request.reduction();
  }

  /** Adds a feature, as {@link MvtLayerWriter#add} takes it, measured by its geometry. */
  public void add(Long id, Geometry geometry, Map<String, Object> attributes) {
    add(id, geometry, attributes, rules == null || geometry.isEmpty() ? null : TileMeasure.of(geometry));
  }

  /**
   * Adds a feature, as {@link MvtLayerWriter#add} takes it, with the measure the rules take it by (as a source
   * measures it, which may be cheaper than measuring the geometry; unused for a whole layer, and null for a feature
   * that cannot be measured, which is left out of a reduced one).
   */
  public void add(Long id, Geometry geometry, Map<String, Object> attributes, TileMeasure measure) {
    if (rules == null) {
      writer.add(id, geometry, attributes);
    } else if (measure != null) {
      candidates.add(new Candidate(id, geometry, attributes, measure.dimension(), measure.size(),
          rules.isSmall(measure.dimension(), measure.size()), id == null ? 0 : TileHash.of(id), measure.x(),
          measure.y(), rules.cellColumn(measure.x()), rules.cellRow(measure.y())));
    }
  }

  /** The tile with this one layer, or no bytes at all when no feature is in it. */
  public byte[] toTile() {
    if (rules != null) {
      writeReduced();
    }
    return writer.toTile();
  }

  /** For each level coarser than the reduction's, in order, how many of its cells hold features; none when whole. */
  public List<Long> occupiedCells() {
    List<Long> occupied = new ArrayList<>();
    for (int level = 1; rules != null && level <= rules.coarserLevels(); level++) {
      long side = 1L << level;
      occupied.add(candidates.stream().map(c -> new Cell(Math.floorDiv(c.row(), side), Math.floorDiv(c.column(),
          side))).distinct().count());
    }
    return occupied;
  }

  /** The kept features in the order they came, then one block per cell, cells in row-major order. */
  private void writeReduced() {
    Map<Cell, List<Candidate>> cells = new TreeMap<>();
    for (Candidate candidate : candidates) {
      cells.computeIfAbsent(candidate.cell(), cell -> new ArrayList<>()).add(candidate);
    }
    Set<Candidate> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Cell, Block> blocks = new TreeMap<>();
    for (Map.Entry<Cell, List<Candidate>> cell : cells.entrySet()) {
      Candidate first = rules.thins() ? cell.getValue().stream().min(KEEP_FIRST).orElseThrow() : null;
      for (Candidate candidate : cell.getValue()) {
        if (!candidate.small() && (first == null || candidate == first)) {
          kept.add(candidate);
        } else if (candidate.dimension() == 2 && rules.mergeSmallPolygons()) {
          blocks.computeIfAbsent(cell.getKey(), c -> new Block()).merge(candidate);
        }
      }
    }
    candidates.stream().filter(kept::contains).forEach(c -> writer.add(c.id(), c.geometry(), c.attributes()));
    blocks.values().forEach(block -> block.write(writer));
  }

  /** A feature as the rules see it: its dimension, size (length or area), hash, and the centre of its box. */
  private record Candidate(Long id, Geometry geometry, Map<String, Object> attributes, int dimension, double size,
      boolean small, long hash, double x, double y, long column, long row) {

    Cell cell() {
      return new Cell(row, column);
    }
  }

  private record Cell(long row, long column) implements Comparable<Cell> {
    @Override
    public int compareTo(Cell other) {
      return row != other.row ? Long.compare(row, other.row) : Long.compare(column, other.column);
    }
  }

  /** The polygons of one cell merged: their area, area-weighted centre, and the largest of them for properties. */
  private static final class Block {
    private double area;
    private double weightedX;
    private double weightedY;
    private Candidate largest;

    void merge(Candidate polygon) {
      area += polygon.size();
      weightedX += polygon.size() * polygon.x();
      weightedY += polygon.size() * polygon.y();
      if (largest == null || KEEP_FIRST.compare(polygon, largest) < 0) {
        largest = polygon;
      }
    }

    void write(MvtLayerWriter writer) {
      if (area <= 0) {
        return;
      }
      double half = Math.sqrt(area) / 2;
      double x = weightedX / area;
      double y = weightedY / area;
      writer.add(null, GEOMETRIES.toGeometry(new Envelope(x - half, x + half, y - half, y + half)),
          largest.attributes());
    }
  }
}
