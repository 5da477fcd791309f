package io.urbis.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files that cannot be imported end in one line and exit status 1, and the table that was there stays as it was,
 * with or without --replace; appending and replacing keep their promises.
 */
class ImportFailureTest {

  private static ImportTestSupport db;
  @TempDir static Path folder;

  @BeforeAll
  static void importTheSampleOnce() throws Exception {
    db = new ImportTestSupport();
    assertEquals(0, db.command(SampleCityJson.standard().write(folder.resolve("good.city.json")).toString(),
        "--table", "kept"));
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    db.close();
  }

  static Stream<Arguments> badFiles() {
    String sample = SampleCityJson.standard().text();
    return Stream.of(
        Arguments.of("truncated.city.json", sample.substring(0, sample.length() / 2), "ends early (truncated?)"),
        Arguments.of("notes.city.json", "these are not buildings", "not valid JSON"),
        Arguments.of("features.json", "{\"type\":\"FeatureCollection\",\"features\":[]}", "not a CityJSON file"),
        Arguments.of("array.city.json", "[1, 2, 3]", "not a CityJSON file"),
        Arguments.of("local.city.json", sample.replace("https://www.opengis.net/def/crs/EPSG/0/25832",
            "urn:example:crs:local-grid"), "unknown CRS 'urn:example:crs:local-grid'"),
        Arguments.of("nocrs.city.json", new SampleCityJson(null).text(), "unknown CRS (no metadata.referenceSystem)"),
        Arguments.of("old.city.json", sample.replace("\"2.0\"", "\"1.0\""), "version 1.0 is not supported"),
        Arguments.of("unknownsrid.city.json", sample.replace("EPSG/0/25832", "EPSG/0/999999"),
            "EPSG:999999 is not in the database's spatial_ref_sys"),
        Arguments.of("empty.city.json", "", "not a CityJSON file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileIsOneLineAndTheTableStaysAsItWas(String name, String content, String message) throws Exception {
    Path file = Files.writeString(folder.resolve(name), content);
    for (String[] mode : new String[][] {{}, {"--replace"}}) {
      String[] args = Stream.concat(Stream.of(file.toString(), "--table", "kept"), Stream.of(mode))
          .toArray(String[]::new);
      assertEquals(1, db.command(args), db.errors());
      assertTrue(db.errors().startsWith("urbis import: ") && db.errors().contains(message), db.errors());
      assertEquals(1, db.errors().strip().lines().count(), db.errors());
      assertEquals(3, db.count("kept"));
      assertNull(db.value("SELECT to_regclass('kept_importing')"), "no twin left behind");
    }
  }

  @Test
  void appendingSkipsAndNamesIdsAlreadyInTheTable() throws Exception {
    Path file = SampleCityJson.standard().write(folder.resolve("twice.city.json"));
    db.importFile(file, "twice", false);
    ImportSummary again = db.importFile(file, "twice", false);
    assertEquals(0, again.written());
    assertEquals(3, again.skipped(SkipReason.ALREADY_IN_TABLE));
    assertTrue(db.errors().contains("skipped B1: id already in the table"), db.errors());
    assertEquals(3, db.count("twice"));
  }

  @Test
  void replacingSwapsInTheNewRowsUnderTheSameNames() throws Exception {
    db.importFile(SampleCityJson.standard().write(folder.resolve("first.city.json")), "swapped", false);
    SampleCityJson other = new SampleCityJson("EPSG:25833");
    other.building("N1", "Building");
    other.solid("N1", other.box(0, 0, 3, 3));
    ImportSummary replaced = db.importFile(other.write(folder.resolve("second.city.json")), "swapped", true);
    assertEquals(1, replaced.written());
    assertEquals("N1", db.value("SELECT string_agg(id, ',') FROM swapped"));
    assertEquals(25833, db.value("SELECT ST_SRID(geom) FROM swapped"));
    assertEquals("swapped_geom_footprint_idx,swapped_geom_idx,swapped_pkey",
        db.value("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'swapped'"));
  }

  @Test
  void appendingAFileInAnotherCrsIsRefused() throws Exception {
    SampleCityJson other = new SampleCityJson("EPSG:25833");
    other.building("N2", "Building");
    other.solid("N2", other.box(0, 0, 3, 3));
    assertEquals(1, db.command(other.write(folder.resolve("utm33.city.json")).toString(), "--table", "kept"));
    assertTrue(db.errors().contains("holds EPSG:25832, the file EPSG:25833"), db.errors());
    assertEquals(3, db.count("kept"));
  }

  @Test
  void wrongArgumentsAreExplained() {
    assertEquals(2, db.command("a.city.json", "--table", "drop table x"));
    assertTrue(db.errors().contains("not a plain identifier"), db.errors());
    assertEquals(2, db.command("--frobnicate"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ImportCommand command = new ImportCommand(new PrintStream(out, true), new PrintStream(err, true), Map.of(), false);
    assertEquals(0, command.run(new String[] {"import", "--help"}));
    assertTrue(out.toString().contains("--replace") && out.toString().contains("DATABASE_URL"), out.toString());
    assertEquals(2, command.run(new String[] {"import", "a.city.json"}));
    assertTrue(err.toString().contains("no database"), err.toString());
  }

  @Test
  void anUnreachableDatabaseIsExitStatusThree() throws Exception {
    Path file = SampleCityJson.standard().write(folder.resolve("unreachable.city.json"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new ImportCommand(System.out, new PrintStream(err, true), Map.of(
        "DATABASE_URL", "postgresql://nobody:pw@127.0.0.1:1/none"), false).run(new String[] {"import", file.toString()});
    assertEquals(3, status);
    assertTrue(err.toString().startsWith("urbis import: cannot connect to postgresql://nobody@127.0.0.1:1/none"),
        err.toString());
    assertFalse(err.toString().contains("\tat "), err.toString());
  }
}
