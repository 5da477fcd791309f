package io.urbis.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs GDAL's command line tools, the reference the GeoPackage tests compare with. */
public final class Gdal {

  private static final Pattern LAYER = Pattern.compile("^Layer name: (.+)$", Pattern.MULTILINE);
  private static final Pattern COUNT = Pattern.compile("^Feature Count: (\\d+)$", Pattern.MULTILINE);

  private static final String SYSTEM_PYTHON = "/usr/bin/python3";
  private static final String GEOPACKAGE_VALIDATOR =
      "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";

  private Gdal() {}

  /** Whether {@code tool} (ogrinfo, ogr2ogr) is on the PATH. */
  public static boolean has(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  /** The output of {@code ogrinfo -so -al} for {@code file}, standard error included. */
  public static String summary(Path file) {
    return run(List.of("ogrinfo", "-ro", "-so", "-al", file.toString()));
  }

  /** Feature counts by layer name, as {@code ogrinfo -so -al} reports them. */
  public static Map<String, Long> featureCounts(Path file) {
    String summary = summary(file);
    Map<String, Long> counts = new LinkedHashMap<>();
    Matcher layers = LAYER.matcher(summary);
    Matcher numbers = COUNT.matcher(summary);
    while (layers.find() && numbers.find()) {
      counts.put(layers.group(1).trim(), Long.parseLong(numbers.group(1)));
    }
    return counts;
  }

  /** One feature reprojected to longitude/latitude by ogr2ogr, as GeoJSON text (geometry types and rings kept). */
  public static String featureInLonLat(Path file, String layer, long fid) {
    return run(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", file.toString(), layer, "-fid", Long.toString(fid),
        "-t_srs", "EPSG:4326", "-lco", "COORDINATE_PRECISION=10"));
  }

  /** One feature as ogr2ogr writes it as GeoJSON, its coordinates in the layer's CRS at full precision. */
  public static String feature(Path file, String layer, long fid) {
    return run(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", file.toString(), layer, "-fid", Long.toString(fid)));
  }

  /** Whether GDAL's GeoPackage validator (validate_gpkg.py of Debian's python3-gdal) is installed. */
  public static boolean hasGeoPackageValidator() {
    return Files.isExecutable(Path.of(SYSTEM_PYTHON)) && Files.isRegularFile(Path.of(GEOPACKAGE_VALIDATOR));
  }

  /** Runs GDAL's GeoPackage validator on {@code file}: what it prints, which is nothing for a valid file. */
  public static String validateGeoPackage(Path file) {
    return run(List.of(SYSTEM_PYTHON, GEOPACKAGE_VALIDATOR, file.toString()));
  }

  /**
   * Loads every layer of a GeoPackage into PostGIS with ogr2ogr, keeping layer names, the fid as primary key and
   * the source SRID, as a municipality would load its data.
   */
  public static void loadIntoPostgis(Path file, String host, String port, String user, String password,
      String database) {
    loadIntoPostgis(file, host, port, user, password, database, List.of());
  }

  /** As above, with more layer creation options ({@code LAUNDER=NO} keeps upper-case column names). */
  public static void loadIntoPostgis(Path file, String host, String port, String user, String password,
      String database, List<String> layerCreationOptions) {
    String connection = "PG:host=" + host + " port=" + port + " user=" + user + " password=" + password
        + " dbname=" + database;
    List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "PostgreSQL", connection, file.toString(),
        "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=GIST", "-preserve_fid"));
    layerCreationOptions.forEach(option -> command.addAll(List.of("-lco", option)));
    run(command);
  }

  /** Writes tables of a PostGIS database into a new GeoPackage with ogr2ogr, keeping primary keys as feature ids. */
  public static void exportFromPostgis(String host, String port, String user, String password, String database,
      Path geoPackage, List<String> tables) {
    List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GPKG", geoPackage.toString(),
        "PG:host=" + host + " port=" + port + " user=" + user + " password=" + password + " dbname=" + database,
        "-preserve_fid"));
    command.addAll(tables);
    run(command);
  }

  /**
   * Appends the features of a GeoJSON text (longitude/latitude) to a layer of a GeoPackage, in the layer's CRS, as
   * another program editing the file would: GDAL keeps the R-tree current through the file's triggers.
   */
  public static void append(String geoJson, Path geoPackage, String layer, int epsg) {
    try {
      Path features = Files.createTempFile("append", ".geojson");
      try {
        Files.writeString(features, geoJson);
        run(List.of("ogr2ogr", "-append", "-update", "-nln", layer, "-t_srs", "EPSG:" + epsg, geoPackage.toString(),
            features.toString()));
      } finally {
        Files.delete(features);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs an SQL statement on a GeoPackage through GDAL, whose SQL functions the file's triggers call. */
  public static void execute(Path geoPackage, String sql) {
    run(List.of("ogrinfo", "-q", "-sql", sql, geoPackage.toString()));
  }

  private static String run(List<String> command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
      // GDAL 3 follows EPSG:4326's official latitude-first order unless told otherwise
      builder.environment().put("OGR_CT_FORCE_TRADITIONAL_GIS_ORDER", "YES");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
