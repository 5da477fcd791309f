package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.TmsProjection;
import io.urbis.tiles.mvt.MvtLayerWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds one tile of a GeoPackage feature table in Java, as SQLite has no spatial functions: the R-tree selects the
 * candidates in the tile's window, proj4j moves them from the storage CRS through CRS84 into the tile matrix set's
 * CRS, {@link MvtLayerWriter} clips and encodes. Features outside the collection's row filter are left out, and only
 * requested properties the collection shows are written. One instance per tile.
 */
final class GeoPackageTileReader {

  private static final int ID_COLUMN = 1;
  private static final int GEOMETRY_COLUMN = 2;

  private final CollectionRead read;
  private final Collection collection;
  private final CqlSelection rowFilter;
  private final TileRequest request;
  private final Crs84Reprojector reprojector;
  private final TmsProjection projection;
  private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();

  GeoPackageTileReader(CollectionRead read, TileRequest request) {
    this.read = read;
    this.collection = read.collection();
    this.rowFilter = CqlSelection.of(null, read.rowFilter());
    this.request = request;
    this.reprojector = Crs84Reprojector.forSrid(collection.srid());
    this.projection = TmsProjection.of(request.tileMatrixSet());
  }

  byte[] read(Connection connection) throws SQLException {
    Envelope crs84Window = request.crs84WindowNear(collection.spatialExtent());
    if (crs84Window != null && crs84Window.isNull()) {
      return new byte[0];
    }
    Envelope window = crs84Window == null ? null : reprojector.fromCrs84(crs84Window);
    String rtree = window == null ? null : RtreeLookup.find(connection, collection.table(),
        collection.geometryColumn());
    SqlFilter filter = rtree == null ? SqlFilter.withoutRtree(null, List.of())
        : new SqlFilter(rtree, List.of(window), null, List.of());
    MvtLayerWriter layer = new MvtLayerWriter(collection.id(), request);
    List<Integer> columns = propertyColumns();
    try (PreparedStatement statement = GeoPackageSql.allFeatures(read, filter).prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Geometry geometry = storageGeometry(rows);
        if (geometry == null || window != null && !window.intersects(geometry.getEnvelopeInternal())) {
          continue;
        }
        Geometry crs84 = reprojector.toCrs84(geometry);
        if (rowFilter == null || rowFilter.matches(read.values(rows), crs84)) {
          layer.add(rows.getLong(ID_COLUMN), projection.fromCrs84(crs84), attributes(rows, columns));
        }
      }
    }
    return layer.toTile();
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
  private List<Integer> propertyColumns() {
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
