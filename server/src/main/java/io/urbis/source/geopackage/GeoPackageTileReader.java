package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.crs.OutsideDomainException;
import io.urbis.tiles.LayerStatistics;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileCount;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileMeasure;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.TmsProjection;
import io.urbis.tiles.WholeLayerFloor;
import io.urbis.tiles.mvt.TileLayerBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Builds tiles of a GeoPackage feature table in Java, as SQLite has no spatial functions: the R-tree selects the
 * candidates in the tile's window, proj4j moves them from the storage CRS through CRS84 into the tile matrix set's
 * CRS, {@link TileLayerBuilder} reduces (when asked), clips and encodes. Features outside the collection's row filter
 * are left out, and only requested properties the collection shows are written. Also counts what a tile budget needs
 * to know before drawing. One instance per request.
 */
final class GeoPackageTileReader {

  private static final int ID_COLUMN = 1;
  private static final int GEOMETRY_COLUMN = 2;
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private final CollectionRead read;
  private final Collection collection;
  private final CqlSelection rowFilter;
  private final Crs84Reprojector reprojector;
  private final TileMatrixSet set;
  private final TmsProjection projection;
  private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();

  GeoPackageTileReader(CollectionRead read, TileMatrixSet set) {
    this.read = read;
    this.collection = read.collection();
    this.rowFilter = CqlSelection.of(null, read.rowFilter());
    this.reprojector = Crs84Reprojector.forSrid(collection.srid());
    this.set = set;
    this.projection = TmsProjection.of(set);
  }

  /**
   * The layer's tile, whole or reduced, and (reduced) the occupied cells of the coarser levels. A reduced layer
   * measures its features as PostGIS does: the stored geometry's size scaled as the window's area scales between the
   * two CRSs, the centre of its stored bounding box moved into the tile's CRS.
   */
  ReducedLayer tile(Connection connection, TileRequest request) throws SQLException {
    TileLayerBuilder layer = new TileLayerBuilder(collection.id(), request);
    List<Integer> columns = propertyColumns(request);
    Envelope crs84Window = request.crs84WindowNear(collection.spatialExtent());
    double scale = request.reduction() == null ? 1 : areaScale(crs84Window);
    forEachVisible(connection, crs84Window, (rows, stored, crs84) -> layer.add(rows.getLong(ID_COLUMN),
        projection.fromCrs84(crs84), attributes(rows, columns), request.reduction() == null ? null
            : measure(stored, scale)));
    return new ReducedLayer(layer.toTile(), layer.occupiedCells());
  }

  /** A feature measured from its stored geometry, as {@link #tile} tells. */
  private TileMeasure measure(Geometry stored, double scale) {
    int dimension = stored.getDimension();
    double size = TileReduction.sizeOf(stored) * (dimension == 2 ? scale : Math.sqrt(scale));
    Coordinate centre = projection.fromCrs84(reprojector.toCrs84(GEOMETRIES.createPoint(
        stored.getEnvelopeInternal().centre()))).getCoordinate();
    return new TileMeasure(dimension, size, centre.x, centre.y);
  }

  /** How areas in the storage CRS become areas in the tile's: as the CRS84 window's do (its corners moved); 1. */
  private double areaScale(Envelope crs84Window) {
    if (crs84Window == null) {
      return 1;
    }
    Geometry window = GEOMETRIES.toGeometry(crs84Window);
    try {
      double stored = reprojector.fromCrs84(window.copy()).getArea();
      return stored > 0 ? projection.fromCrs84(window.copy()).getArea() / stored : 1;
    } catch (OutsideDomainException e) {
      return 1;
    }
  }

  /**
   * The {@link WholeLayerFloor} of the tile from the R-tree's count and the values of the requested properties;
   * none under a row filter, which SQL cannot test.
   */
  WholeLayerFloor wholeTileFloor(Connection connection, TileRequest request) throws SQLException {
    Envelope crs84Window = request.crs84WindowNear(collection.spatialExtent());
    if (rowFilter != null || crs84Window != null && crs84Window.isNull()) {
      return WholeLayerFloor.NONE;
    }
    List<String> properties = collection.properties().stream().map(Property::name)
        .filter(request.properties()::contains).toList();
    try (PreparedStatement statement = GeoPackageSql.floorCounts(collection, filter(connection, crs84Window),
        properties).prepare(connection); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return WholeLayerFloor.of(collection.geometryType(), rows.getLong(1), rows.getLong(2), true);
    }
  }

  /**
   * {@link LayerStatistics} of the visible features: per tile of {@code matrix} by the centre of their bounding box
   * in the set's CRS, and their smallest sizes there, as PostGIS measures them.
   */
  LayerStatistics statistics(Connection connection, TileMatrix matrix) throws SQLException {
    Map<List<Long>, Long> counts = new HashMap<>();
    double[] smallest = {Double.NaN, Double.NaN, Double.NaN};
    forEachVisible(connection, TileRequest.crs84WindowNear(set, null, collection.spatialExtent()),
        (rows, stored, crs84) -> {
          Geometry geometry = projection.fromCrs84(crs84);
          Coordinate centre = geometry.getEnvelopeInternal().centre();
          long col = (long) Math.floor((centre.x - matrix.originX()) / matrix.tileSpan());
          long row = (long) Math.floor((matrix.originY() - centre.y) / matrix.tileSpan());
          counts.merge(List.of(row, col), 1L, Long::sum);
          double size = TileReduction.sizeOf(geometry);
          int dimension = geometry.getDimension();
          if (size > 0 && !(smallest[dimension] <= size)) {
            smallest[dimension] = size;
          }
        });
    List<TileCount> tiles = new ArrayList<>();
    counts.forEach((tile, count) -> tiles.add(new TileCount(tile.get(0), tile.get(1), count)));
    return new LayerStatistics(tiles, smallest[2], smallest[1]);
  }

  /** What is done with each visible feature: its row, its stored geometry (a copy) and its geometry in CRS84. */
  private interface FeatureVisitor {
    void visit(ResultSet rows, Geometry stored, Geometry crs84) throws SQLException;
  }

  /** Visits the features with geometry in the CRS84 window (null: all) that the row filter lets through. */
  private void forEachVisible(Connection connection, Envelope crs84Window, FeatureVisitor visitor)
      throws SQLException {
    if (crs84Window != null && crs84Window.isNull()) {
      return;
    }
    Envelope window = crs84Window == null ? null : reprojector.fromCrs84(crs84Window);
    try (PreparedStatement statement = GeoPackageSql.allFeatures(read, filter(connection, crs84Window))
        .prepare(connection); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Geometry geometry = storageGeometry(rows);
        if (geometry == null || window != null && !window.intersects(geometry.getEnvelopeInternal())) {
          continue;
        }
        Geometry crs84 = reprojector.toCrs84(geometry.copy());
        if (rowFilter == null || rowFilter.matches(read.values(rows), crs84)) {
          visitor.visit(rows, geometry, crs84);
        }
      }
    }
  }

  /** The R-tree window of a CRS84 window, or no SQL filter when there is none (or no R-tree). */
  private SqlFilter filter(Connection connection, Envelope crs84Window) throws SQLException {
    Envelope window = crs84Window == null ? null : reprojector.fromCrs84(crs84Window);
    String rtree = window == null ? null : RtreeLookup.find(connection, collection.table(),
        collection.geometryColumn());
    return rtree == null ? SqlFilter.withoutRtree(null, List.of()) : new SqlFilter(rtree, List.of(window), null,
        List.of());
  }

  private Geometry storageGeometry(ResultSet rows) throws SQLException {
    byte[] blob = rows.getBytes(GEOMETRY_COLUMN);
    if (blob == null) {
      return null;
    }
    try {
      return reader.read(blob);
    } catch (IllegalArgumentException e) {
      throw new SQLException("bad geometry in " + collection.table() + " feature " + rows.getLong(ID_COLUMN) + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The result columns of the requested properties the collection shows, which the query selects first, in catalog
   * order.
   */
  private List<Integer> propertyColumns(TileRequest request) {
    List<Integer> columns = new ArrayList<>();
    List<Property> properties = collection.properties();
    for (int i = 0; i < properties.size(); i++) {
      if (request.properties().contains(properties.get(i).name())) {
        columns.add(CollectionRead.FIRST_PROPERTY_COLUMN + i);
      }
    }
    return columns;
  }

  /** Values typed as ST_AsMVT types them: SQLite's 0/1 as booleans, integers, doubles, everything else as text. */
  private Map<String, Object> attributes(ResultSet rows, List<Integer> columns) throws SQLException {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int column : columns) {
      Property property = collection.properties().get(column - CollectionRead.FIRST_PROPERTY_COLUMN);
      if (rows.getObject(column) == null) {
        continue;
      }
      attributes.put(property.name(), switch (property.type()) {
        case BOOLEAN -> rows.getInt(column) != 0;
        case INTEGER -> rows.getLong(column);
        case NUMBER -> rows.getDouble(column);
        default -> rows.getString(column);
      });
    }
    return attributes;
  }
}
