package io.urbis.source.geopackage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The units of a heat plan with JTS, by the rules both sources share: street sections are the street lines (clipped
 * to the boundary) noded at every crossing; blocks come from a table or are the faces of the noded streets together
 * with the boundary's outline, within the boundary; a block's net polygon is the block minus the streets buffered by
 * the street half width. Derived units are numbered 1.. in the order of their envelopes (minX, minY, maxX, maxY),
 * then length or area. A building belongs to the block containing its interior point (lowest id of several) and to
 * the section nearest to that point (lowest id of equally near ones).
 */
final class HeatPlanUnits {

  /** A street section: one piece of the noded street lines. */
  record Section(long id, LineString line) {}

  /** A block: its polygon, and the polygon without the streets (the area its density is of). */
  record Block(long id, Geometry gross, Geometry net) {}

  /** A block of a table: its own id and polygon. */
  record GivenBlock(long id, Geometry polygon) {}

  private static final Comparator<Geometry> BY_ENVELOPE = Comparator
      .comparingDouble((Geometry g) -> g.getEnvelopeInternal().getMinX())
      .thenComparingDouble(g -> g.getEnvelopeInternal().getMinY())
      .thenComparingDouble(g -> g.getEnvelopeInternal().getMaxX())
      .thenComparingDouble(g -> g.getEnvelopeInternal().getMaxY());

  private final GeometryFactory factory;
  private final double streetHalfWidth;
  private final List<Section> sections;
  private final List<Block> blocks;
  private final STRtree sectionIndex = new STRtree();
  private final STRtree blockIndex = new STRtree();

  /**
   * @param streets the street lines, empty without a streets collection
   * @param givenBlocks the blocks of the blocks collection, or null to derive them from the streets
   * @param boundary the boundary polygons, empty without a boundary collection
   */
  HeatPlanUnits(GeometryFactory factory, List<Geometry> streets, List<GivenBlock> givenBlocks,
      List<Geometry> boundary, double streetHalfWidth) {
    this.factory = factory;
    this.streetHalfWidth = streetHalfWidth;
    Geometry municipality = boundary.isEmpty() ? null : UnaryUnionOp.union(boundary);
    List<LineString> noded = nodedStreets(streets, municipality);
    this.sections = numbered(noded, LineString::getLength).stream()
        .map(n -> new Section(n.id(), n.geometry())).toList();
    sections.forEach(s -> sectionIndex.insert(s.line().getEnvelopeInternal(), s));
    List<GivenBlock> gross = givenBlocks != null ? givenBlocks : derivedBlocks(noded, municipality);
    this.blocks = gross.stream().map(b -> new Block(b.id(), b.polygon(), net(b.polygon()))).toList();
    blocks.forEach(b -> blockIndex.insert(b.gross().getEnvelopeInternal(), b));
  }

  List<Section> sections() {
    return sections;
  }

  List<Block> blocks() {
    return blocks;
  }

  /** The block whose polygon contains the point, the lowest id of several, or null. */
  Block blockOf(Point point) {
    Block found = null;
    for (Object candidate : itemsIn(blockIndex, point.getEnvelopeInternal())) {
      Block block = (Block) candidate;
      if ((found == null || block.id() < found.id()) && block.gross().contains(point)) {
        found = block;
      }
    }
    return found;
  }

  /** The section nearest to the point, the lowest id of equally near ones, or null without sections. */
  Section sectionOf(Point point) {
    if (sections.isEmpty()) {
      return null;
    }
    Section any = (Section) sectionIndex.nearestNeighbour(point.getEnvelopeInternal(), point,
        (a, b) -> geometryOf(a.getItem()).distance(geometryOf(b.getItem())));
    double nearest = any.line().distance(point);
    Envelope around = point.getEnvelopeInternal();
    around.expandBy(nearest);
    Section found = any;
    for (Object candidate : itemsIn(sectionIndex, around)) {
      Section section = (Section) candidate;
      double distance = section.line().distance(point);
      if (distance < nearest || distance == nearest && section.id() < found.id()) {
        nearest = distance;
        found = section;
      }
    }
    return found;
  }

  /** Sections are adjacent when they share an end point: for each section id, the ids of its neighbours. */
  Map<Long, long[]> sectionNeighbours() {
    Map<Coordinate, List<Long>> byEnd = new HashMap<>();
    for (Section section : sections) {
      byEnd.computeIfAbsent(section.line().getCoordinateN(0), c -> new ArrayList<>()).add(section.id());
      byEnd.computeIfAbsent(section.line().getCoordinateN(section.line().getNumPoints() - 1),
          c -> new ArrayList<>()).add(section.id());
    }
    Map<Long, Set<Long>> neighbours = new HashMap<>();
    sections.forEach(s -> neighbours.put(s.id(), new TreeSet<>()));
    for (List<Long> meeting : byEnd.values()) {
      for (long a : meeting) {
        for (long b : meeting) {
          if (a != b) {
            neighbours.get(a).add(b);
          }
        }
      }
    }
    return asArrays(neighbours);
  }

  /** Blocks are adjacent when their net polygons are within 2 x street half width + 1 m of each other. */
  Map<Long, long[]> blockNeighbours() {
    double reach = 2 * streetHalfWidth + 1;
    Map<Long, Set<Long>> neighbours = new HashMap<>();
    for (Block block : blocks) {
      Set<Long> near = new TreeSet<>();
      Envelope around = new Envelope(block.gross().getEnvelopeInternal());
      around.expandBy(reach);
      for (Object candidate : itemsIn(blockIndex, around)) {
        Block other = (Block) candidate;
        if (other.id() != block.id() && !block.net().isEmpty() && !other.net().isEmpty()
            && block.net().isWithinDistance(other.net(), reach)) {
          near.add(other.id());
        }
      }
      neighbours.put(block.id(), near);
    }
    return asArrays(neighbours);
  }

  /** The street lines clipped to the municipality and noded at every crossing, each piece a line. */
  private List<LineString> nodedStreets(List<Geometry> streets, Geometry municipality) {
    if (streets.isEmpty()) {
      return List.of();
    }
    Geometry lines = factory.buildGeometry(streets);
    if (municipality != null) {
      lines = lines.intersection(municipality);
    }
    return lineStrings(UnaryUnionOp.union(lines));
  }

  /** The faces of the noded streets and the boundary's outline, within the boundary, numbered. */
  private List<GivenBlock> derivedBlocks(List<LineString> nodedStreets, Geometry municipality) {
    List<Geometry> linework = new ArrayList<>(nodedStreets);
    if (municipality != null) {
      linework.add(municipality.getBoundary());
    }
    if (linework.isEmpty()) {
      return List.of();
    }
    Polygonizer polygonizer = new Polygonizer();
    polygonizer.add(lineStrings(UnaryUnionOp.union(factory.buildGeometry(linework))).stream()
        .map(Geometry.class::cast).toList());
    List<Polygon> faces = new ArrayList<>();
    for (Object face : polygonizer.getPolygons()) {
      Polygon polygon = (Polygon) face;
      if (municipality == null || municipality.contains(polygon.getInteriorPoint())) {
        faces.add(polygon);
      }
    }
    return numbered(faces, Geometry::getArea).stream()
        .map(n -> new GivenBlock(n.id(), n.geometry())).toList();
  }

  private Geometry net(Geometry gross) {
    Envelope around = new Envelope(gross.getEnvelopeInternal());
    around.expandBy(streetHalfWidth);
    List<Geometry> near = new ArrayList<>();
    for (Object candidate : itemsIn(sectionIndex, around)) {
      near.add(((Section) candidate).line());
    }
    if (near.isEmpty() || streetHalfWidth == 0) {
      return gross;
    }
    return gross.difference(UnaryUnionOp.union(near).buffer(streetHalfWidth));
  }

  private record Numbered<G extends Geometry>(long id, G geometry) {}

  /** Numbers geometries 1.. by envelope, then by the measure; equal ones keep no particular order among themselves. */
  private static <G extends Geometry> List<Numbered<G>> numbered(List<G> geometries, ToDoubleFunction<G> measure) {
    List<G> sorted = new ArrayList<>(geometries);
    sorted.sort(BY_ENVELOPE.thenComparingDouble(g -> measure.applyAsDouble((G) g)));
    List<Numbered<G>> numbered = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      numbered.add(new Numbered<>(i + 1, sorted.get(i)));
    }
    return numbered;
  }

  private static List<LineString> lineStrings(Geometry geometry) {
    List<LineString> lines = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part instanceof LineString line && !line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The geometry of an item of the section index, or the point a nearest section is looked for. */
  private static Geometry geometryOf(Object item) {
    return item instanceof Section section ? section.line() : (Geometry) item;
  }

  private static List<?> itemsIn(STRtree index, Envelope envelope) {
    return index.query(envelope);
  }

  private static Map<Long, long[]> asArrays(Map<Long, Set<Long>> neighbours) {
    Map<Long, long[]> arrays = new HashMap<>();
    neighbours.forEach((id, set) -> arrays.put(id, set.stream().mapToLong(Long::longValue).toArray()));
    return arrays;
  }
}
