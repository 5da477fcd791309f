package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.source.Extrusion;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import io.urbis.source.SourceFailureException;
import io.urbis.source.SourceUnavailableException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads 3D models from a GeoPackage for 3D Tiles, as the PostGIS source reads them from a table: the polygons of
 * 3D geometries (PolygonZ, MultiPolygonZ, and PolyhedralSurfaceZ or TINZ as faces), or 2D footprints raised by a
 * height column, moved to CRS84 with proj4j. A collection narrowed for an audience reads only the rows its row filter
 * holds and writes only the properties it shows, as its items do ({@link CollectionRead}). SQLite has no spatial
 * functions, so the bounds of every feature come from decoding all of them: one pass over the table.
 */
final class GeoPackageModelSource implements ModelSource {

  private final GeoPackageFile file;
  private final Function<Collection, CollectionRead> reads;

  /** The models of {@code file}, each collection read as {@code reads} says (whole or narrowed). */
  GeoPackageModelSource(GeoPackageFile file, Function<Collection, CollectionRead> reads) {
    this.file = file;
    this.reads = reads;
  }

  @Override
  public List<ModelBounds> bounds(Collection collection, Extrusion extrusion) {
    CollectionRead read = reads.apply(collection);
    List<ModelBounds> bounds = new ArrayList<>();
    ModelRows models = new ModelRows(read, extrusion);
    read(read, GeoPackageSql.allFeatures(read, SqlFilter.withoutRtree(null, List.of())), rows -> {
      ModelRows.Model model = models.model(rows);
      if (model != null) {
        bounds.add(model.bounds());
      }
    });
    models.logSkipped();
    return bounds;
  }

  @Override
  public void models(Collection collection, List<String> ids, Extrusion extrusion, Consumer<ModelRow> sink) {
    CollectionRead read = reads.apply(collection);
    // one bind however many ids: SQLite takes a JSON array as a table
    String keys = ids.stream().map(FeatureIds::parse).filter(Objects::nonNull).map(String::valueOf)
        .collect(Collectors.joining(",", "[", "]"));
    ModelRows models = new ModelRows(read, extrusion);
    read(read, GeoPackageSql.featuresWithIds(read, keys), rows -> {
      ModelRows.Model model = models.model(rows);
      if (model != null) {
        sink.accept(models.row(rows, model));
      }
    });
    models.logSkipped();
  }

  private interface RowReader {
    void read(ResultSet rows) throws SQLException, IOException;
  }

  private void read(CollectionRead read, SqlStatement sql, RowReader reader) {
    String table = read.collection().table();
    try (Connection connection = open(); PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        reader.read(rows);
      }
    } catch (SQLException | IOException e) {
      throw new SourceFailureException("reading 3D models of " + table + " in " + file.path() + " failed", e);
    }
  }

  private Connection open() {
    try {
      return file.open();
    } catch (SQLException e) {
      throw new SourceUnavailableException("cannot open GeoPackage " + file.path(), e);
    }
  }
}
