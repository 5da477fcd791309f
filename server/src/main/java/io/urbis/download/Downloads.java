package io.urbis.download;

import io.urbis.catalog.Collection;
import io.urbis.encode.Representation;
import io.urbis.query.FeatureQuery;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * Whole-selection downloads of an items request: CSV and GeoPackage, for people who open files, not APIs. Both read
 * the selection as {@link WholeSelection} does; the CSV goes straight to the response, the GeoPackage is written to
 * a temporary file first (SQLite needs a file to write into), then sent and deleted.
 */
public final class Downloads {

  /** The representations items are downloaded in. */
  public static final List<Representation> FORMATS = List.of(Representation.CSV, Representation.GEOPACKAGE);

  private Downloads() {}

  public static boolean isDownload(Representation representation) {
    return FORMATS.contains(representation);
  }

  /**
   * The response for a download of {@code query}'s selection.
   *
   * @param explicitLimit the request's {@code limit} as parsed, or null when it gave none
   */
  public static Response response(Collection collection, FeatureQuery query, Integer explicitLimit,
      Representation representation) {
    DownloadColumns columns = DownloadColumns.of(collection, query);
    // Opened here, so that a fault of the source is an exception document and not a cut-off file.
    WholeSelection features = new WholeSelection(collection, query, explicitLimit);
    StreamingOutput body = representation == Representation.CSV
        ? output -> {
          try (features) {
            new CsvDownload(columns).write(features, output);
          }
        }
        : output -> {
          Path file = Files.createTempFile("urbis-download-", ".gpkg");
          try (features) {
            Files.delete(file);
            new GeoPackageDownload(collection, columns, query.crs()).write(features, file);
            Files.copy(file, output);
          } catch (SQLException e) {
            throw new IOException("writing the GeoPackage failed", e);
          } finally {
            Files.deleteIfExists(file);
          }
        };
    return Response.ok(body, representation.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(collection, representation)
            + "\"")
        .build();
  }

  /** The collection id, with what is not safe in a file name replaced, and the format's extension. */
  static String fileName(Collection collection, Representation representation) {
    return collection.id().replaceAll("[^A-Za-z0-9._-]", "_") + "." + representation.formatName();
  }
}
