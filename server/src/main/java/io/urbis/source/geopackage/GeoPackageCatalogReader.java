package io.urbis.source.geopackage;

import io.urbis.cache.FollowedData;
import io.urbis.catalog.Collection;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.source.FeatureSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the feature collections of a GeoPackage: every {@code features} table of gpkg_contents with its
 * geometry column. Tables Urbis cannot serve correctly (no integer primary key, a CRS proj4j does not know) are
 * left out with a warning rather than published wrong.
 */
final class GeoPackageCatalogReader {

  private static final Logger LOG = LoggerFactory.getLogger(GeoPackageCatalogReader.class);

  private final FeatureSource source;
  private final GeoPackageFile file;

  GeoPackageCatalogReader(FeatureSource source, GeoPackageFile file) {
    this.source = source;
    this.file = file;
  }

  List<Collection> read(Connection connection) throws SQLException {
    List<Collection> collections = new ArrayList<>();
    for (FeatureTable table : featureTables(connection)) {
      if (isServable(table)) {
        collection(connection, table).ifPresent(collections::add);
      }
    }
    return collections;
  }

  private static List<FeatureTable> featureTables(Connection connection) throws SQLException {
    List<FeatureTable> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(GeoPackageSql.FEATURE_TABLES);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tables.add(FeatureTable.fromRow(rows));
      }
    }
    return tables;
  }

  private boolean isServable(FeatureTable table) {
    if (table.epsg() == 0 && table.srsId() > 0) {
      LOG.warn("{}: table {} skipped: srs_id {} is not an EPSG system", source.label(), table.table(), table.srsId());
      return false;
    }
    try {
      Crs84Reprojector.requireKnown(table.epsg());
      return true;
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: table {} skipped: {}", source.label(), table.table(), e.getMessage());
      return false;
    }
  }

  private Optional<Collection> collection(Connection connection, FeatureTable table) throws SQLException {
    TableColumns columns = TableColumns.read(connection, table.table());
    if (columns.integerKey() == null) {
      LOG.warn("{}: table {} skipped: it has no INTEGER PRIMARY KEY column", source.label(), table.table());
      return Optional.empty();
    }
    List<Property> properties = columns.properties(table.geometryColumn());
    Property temporal = properties.stream().filter(p -> p.type().isTemporal()).findFirst().orElse(null);
    return Optional.of(new Collection(
        table.table(),
        table.identifier() == null || table.identifier().isBlank() ? table.table() : table.identifier(),
        table.description() == null ? "" : table.description(),
        table.table(),
        columns.integerKey(),
        JsonType.INTEGER,
        table.geometryColumn(),
        GeometryType.fromName(table.geometryTypeName()),
        table.epsg(),
        table.hasZ(),
        properties,
        temporal == null ? null : temporal.name(),
        new FollowedData(() -> file.version(table.table()), () -> GeoPackageExtents.read(file, table, temporal)),
        source));
  }
}
