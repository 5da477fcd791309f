package io.urbis.demo;

import io.urbis.config.UrbisHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled demo: a GeoPackage of a small synthetic town (districts, streets, buildings in EPSG:25832),
 * generated on first use from a fixed seed, so {@code urbis serve} has something to publish without a download.
 */
public final class DemoCity {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCity.class);

  /** The seed of the published demo; changing it changes every feature. */
  static final long SEED = 20_240_917L;

  private static final String FILE_NAME = "urbis-demo.gpkg";

  private DemoCity() {}

  /**
   * Where the demo lives unless configured otherwise: {@code $URBIS_HOME/urbis-demo.gpkg}, or
   * {@code ~/.urbis/urbis-demo.gpkg} when URBIS_HOME is not set.
   */
  public static Path defaultLocation() {
    return UrbisHome.directory().resolve(FILE_NAME);
  }

  /**
   * Returns {@code file}, generating the demo GeoPackage there first if it does not exist. The file is written
   * under a temporary name and moved into place, so a reader never sees half a file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path ensure(Path file) {
    if (Files.exists(file)) {
      return file;
    }
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
      try {
        write(temporary, SEED);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      LOG.info("generated the demo GeoPackage {}", file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo GeoPackage " + file, e);
    }
  }

  /** Writes the town of {@code seed} into the empty or absent file {@code target}. */
  static void write(Path target, long seed) throws IOException {
    List<DemoLayer> layers = CityLayers.plan(seed);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath())) {
      connection.setAutoCommit(false);
      GeoPackageSchema.create(connection);
      FeatureTableWriter tables = new FeatureTableWriter(connection);
      for (DemoLayer layer : layers) {
        tables.write(layer);
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IOException("writing the demo GeoPackage " + target + " failed: " + e.getMessage(), e);
    }
  }
}
