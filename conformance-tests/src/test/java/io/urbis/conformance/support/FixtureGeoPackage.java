package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code target/fixture.gpkg}: the fixture's published tables exported from the test database by GDAL's
 * {@code ogr2ogr}, so that the GeoPackage run serves the same features as the PostGIS run. Layer names, SRIDs (also
 * EPSG:4979 of poi3d, with its Z), integer keys (as fids, {@code -preserve_fid}), properties and geometries are kept.
 * Where a GeoPackage cannot hold what PostGIS has:
 * <ul>
 *   <li>{@code poi}'s keys are text, and a GeoPackage feature table needs an INTEGER primary key: its features get
 *       fids 1..250 in key order and keep the key as the property {@code id}. {@link Layer#keyOf} reads it there;
 *       poi's feature ids are the one thing not compared between the sources.</li>
 *   <li>the view {@code v_big_buildings} becomes a table (its {@code id} column the fid).</li>
 *   <li>{@code notes} (no geometry) becomes an attributes table: a decoy that must not be published, as in PostGIS.
 *       The {@code hidden} schema has no GeoPackage counterpart.</li>
 * </ul>
 */
public final class FixtureGeoPackage {

  /** Tables with an integer primary key {@code id}, copied with their keys as fids, and the attributes-only decoy. */
  private static final List<String> KEYED_TABLES = Stream.concat(
      Arrays.stream(Layer.values()).filter(layer -> layer != Layer.POI && layer != Layer.BIG_BUILDINGS).map(Layer::id),
      Stream.of("notes")).toList();

  private final Path file;
  private final String sha256;

  private FixtureGeoPackage(Path file) {
    this.file = file;
    this.sha256 = sha256(file);
  }

  /** Exports the published tables of {@code database} to {@code file} (replaced if it exists). */
  static FixtureGeoPackage export(TestDatabase database, Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String pg = database.gdalDataSource();
    List<String> keyed = new ArrayList<>(List.of("-f", "GPKG", file.toString(), pg));
    keyed.addAll(KEYED_TABLES);
    keyed.addAll(List.of("-lco", "FID=id", "-preserve_fid"));
    ogr2ogr(database, keyed);
    // a view has no primary key for GDAL: the fid is taken from its field named like the FID column
    ogr2ogr(database, List.of("-update", file.toString(), pg, Layer.BIG_BUILDINGS.id(), "-lco", "FID=id"));
    // text keys: fids numbered in key order, the key kept as the property "id"
    ogr2ogr(database, List.of("-update", file.toString(), pg, "-sql", "SELECT * FROM poi ORDER BY id",
        "-nln", Layer.POI.id(), "-nlt", "POINT"));
    return new FixtureGeoPackage(file);
  }

  public Path file() {
    return file;
  }

  /** The server opens GeoPackages read-only: after any request the file is byte for byte as exported. */
  public void assertUnchanged() {
    assertEquals(sha256, sha256(file), file + " changed while it was served");
  }

  /** Runs GDAL's ogr2ogr with the database's password in its environment; fails with its output. */
  public static void ogr2ogr(TestDatabase database, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of("ogr2ogr"));
    command.addAll(arguments);
    try {
      Gdal.run(database.clientEnvironment(), command);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Could not run ogr2ogr (GDAL) to export the fixture GeoPackage: "
          + e.getCause().getMessage() + ". Install gdal-bin, or pass -D" + Source.PROPERTY
          + "=postgis to run against PostGIS only.", e);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Could not export the fixture GeoPackage: " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
