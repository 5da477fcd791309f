package io.urbis.tiles3d;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.encode.Json;
import io.urbis.source.ModelRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one tile's GLB from its features: each polygon (or extruded footprint) goes to the tile's local
 * east-north-up frame, is triangulated and lands in the mesh of its surface kind; each feature becomes a row of the
 * property table. One builder per tile and thread.
 */
final class TileContentBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(TileContentBuilder.class);

  /** The local vertical: faces are roof, wall or ground by how they face it. */
  private static final double[] UP = {0, 0, 1};

  private final TileId tile;
  private final double geoidOffset;
  private final LocalFrame frame;
  private final boolean compressed;
  private final PropertyTable table;
  private final FaceTriangulator triangulator = new FaceTriangulator();
  private final WKBReader wkb = new WKBReader();
  private final MeshBuilder mesh;
  private final Map<Degeneracy, Integer> skippedInTile = new EnumMap<>(Degeneracy.class);
  private int polygons;

  TileContentBuilder(TilingScheme scheme, TileId tile, double geoidOffset, PropertyTable table,
      MeshEncoding encoding) {
    this.tile = tile;
    this.geoidOffset = geoidOffset;
    this.table = table;
    this.compressed = encoding.compressed();
    double[] bounds = scheme.bounds(tile);
    double lon = (bounds[0] + bounds[2]) / 2;
    double lat = (bounds[1] + bounds[3]) / 2;
    this.frame = new LocalFrame(lon, lat, (scheme.minHeight() + scheme.maxHeight()) / 2);
    this.mesh = new MeshBuilder(encoding.normals());
  }

  void add(ModelRow row) {
    int featureId = table.add(row.id(), properties(row));
    Geometry geometry;
    try {
      geometry = wkb.read(row.polygonsWkb());
    } catch (ParseException e) {
      LOG.warn("feature {}: unreadable geometry ({}); left out of its 3D tile", row.id(), e.getMessage());
      return;
    }
    double footprintArea = 0;
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      if (geometry.getGeometryN(i) instanceof Polygon polygon) {
        if (row.isExtruded()) {
          footprintArea += addBlock(polygon, row.base(), row.base() + row.height(), featureId);
        } else {
          addFace(rings(polygon, Double.NaN), featureId);
        }
      }
    }
    if (row.isExtruded()) {
      table.setFootprintArea(featureId, footprintArea);
    }
    Map<Degeneracy, Integer> skipped = triangulator.drainSkipped();
    if (!skipped.isEmpty()) {
      LOG.debug("feature {}: degenerate polygons left out of its 3D tile {}", row.id(), skipped);
      skipped.forEach((reason, count) -> skippedInTile.merge(reason, count, Integer::sum));
    }
  }

  /** The tile's GLB; its property table's schema is at {@code schemaUri}, relative to the tile. */
  byte[] glb(String schemaUri) {
    if (!skippedInTile.isEmpty()) {
      LOG.debug("3D tile {}/{}/{}: {} of {} polygons left out as degenerate {}", tile.level(), tile.x(), tile.y(),
          skippedInTile.values().stream().mapToInt(Integer::intValue).sum(), polygons, skippedInTile);
    }
    return GlbWriter.write(mesh, frame, table, schemaUri, compressed);
  }

  /**
   * A footprint raised from {@code bottom} to {@code top}: a roof and a wall per edge; no floor, nobody sees it.
   * Returns the footprint's area, square metres: that of its roof seen from above.
   */
  private double addBlock(Polygon footprint, double bottom, double top, int featureId) {
    List<double[]> roof = new ArrayList<>();
    double area = 0;
    for (int r = 0; r <= footprint.getNumInteriorRing(); r++) {
      LinearRing ring = r == 0 ? footprint.getExteriorRing() : footprint.getInteriorRingN(r - 1);
      // shell counter-clockwise, holes clockwise seen from above: roofs face up and walls face out
      boolean reverse = Orientation.isCCW(ring.getCoordinateSequence()) != (r == 0);
      double[] lower = local(ring.getCoordinates(), bottom, reverse);
      double[] upper = local(ring.getCoordinates(), top, reverse);
      roof.add(upper);
      // Newell's normal is twice the area, up for the shell and down for holes as oriented here
      area += Vectors.newellNormal(upper)[2] / 2;
      for (int i = 0; i + 3 < lower.length; i += 3) {
        double[] wall = {lower[i], lower[i + 1], lower[i + 2], lower[i + 3], lower[i + 4], lower[i + 5],
            upper[i + 3], upper[i + 4], upper[i + 5], upper[i], upper[i + 1], upper[i + 2]};
        addFace(List.of(wall), featureId);
      }
    }
    addFace(roof, featureId);
    return area;
  }

  private void addFace(List<double[]> rings, int featureId) {
    polygons++;
    Face face = triangulator.triangulate(rings);
    if (face != null) {
      mesh.add(face, Surface.facing(face.normal(), UP), featureId);
    }
  }

  /** The polygon's rings in local metres; {@code height} replaces the z ordinate unless NaN. */
  private List<double[]> rings(Polygon polygon, double height) {
    List<double[]> rings = new ArrayList<>();
    rings.add(local(polygon.getExteriorRing().getCoordinates(), height, false));
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      rings.add(local(polygon.getInteriorRingN(i).getCoordinates(), height, false));
    }
    return rings;
  }

  /** Longitude, latitude, height to the tile's local frame, optionally in reverse order. */
  private double[] local(Coordinate[] coordinates, double height, boolean reverse) {
    double[] xyz = new double[3 * coordinates.length];
    for (int i = 0; i < coordinates.length; i++) {
      Coordinate c = coordinates[reverse ? coordinates.length - 1 - i : i];
      double z = Double.isNaN(height) ? (Double.isNaN(c.getZ()) ? 0 : c.getZ()) : height;
      frame.toLocal(c.getX(), c.getY(), z + geoidOffset, xyz, 3 * i);
    }
    return xyz;
  }

  private static JsonNode properties(ModelRow row) {
    try {
      return Json.MAPPER.readTree(row.propertiesJson() == null ? "{}" : row.propertiesJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the source wrote invalid properties JSON for " + row.id(), e);
    }
  }
}
