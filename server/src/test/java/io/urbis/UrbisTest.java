package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrbisTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Urbis urbis = new Urbis(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    return urbis.run(args);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpExplainsEveryOption() {
    assertEquals(0, run("--help"));
    String help = out.toString(StandardCharsets.UTF_8);
    for (String option : new String[] {"--port", "--host", "--config", "DATABASE_URL"}) {
      assertTrue(help.contains(option), option);
    }
  }

  @Test
  void anUnreachableDatabaseIsOneClearLineAndANonZeroExit() {
    int status = run("serve", "--port", "0", "postgresql://nobody:pw@127.0.0.1:1/none");
    assertEquals(3, status);
    assertTrue(errors().startsWith("urbis: cannot connect to postgresql://nobody@127.0.0.1:1/none"), errors());
    assertFalse(errors().contains("\tat "), "no stack trace: " + errors());
    assertEquals(1, errors().strip().lines().count(), errors());
  }

  @Test
  void anUnreachableSensorThingsDatabaseIsNamedByItsKey(@TempDir Path folder) throws Exception {
    Path config = Files.writeString(folder.resolve("urbis.yaml"), "port: 0\nsensorThings: {enabled: true,"
        + " source: 'postgresql://nobody:secret@127.0.0.1:1/none'}\n");
    assertEquals(3, run("serve", "--config", config.toString()));
    assertTrue(errors().startsWith("urbis: sensorThings.source: cannot open postgresql://nobody@127.0.0.1:1/none"),
        errors());
    assertFalse(errors().contains("secret"), errors());
    assertEquals(1, errors().strip().lines().count(), errors());
  }

  @Test
  void aSourceThatIsNeitherUrlNorGeoPackageIsExplained() {
    assertEquals(2, run("serve", "--port", "0", "ftp://x"));
    assertTrue(errors().contains("ftp://x"), errors());
  }

  @Test
  void noMessageShowsTheDatabasePassword() {
    assertEquals(2, run("serve", "--port", "0", "foo://user:secret@host/db"));
    assertEquals(2, run("serve", "--port", "0", "foo://user:secret@host/db.gpkg"));
    assertEquals(2, run("import", "city.json", "--to", "mysql://user:secret@host/db"));
    assertFalse(errors().contains("secret"), errors());
    assertEquals(List.of("urbis: 'foo://user:***@host/db' is neither a postgresql:// URL nor a .gpkg file",
        "urbis: 'foo://user:***@host/db.gpkg' is neither a postgresql:// URL nor a .gpkg file",
        "urbis import: --to needs a postgresql:// URL, got 'mysql://user:***@host/db'"), errors().lines().toList());
  }

  @Test
  void anUnknownCommandIsExplained() {
    assertEquals(2, run("frobnicate"));
    assertTrue(errors().contains("frobnicate"));
  }

  @Test
  void checkFailsWhenNothingAnswers() {
    assertEquals(1, run("check", "http://127.0.0.1:1/health"));
  }

  @Test
  void aMissingGeoPackageIsNamed() {
    assertEquals(2, run("serve", "--port", "0", "/nonexistent/city.gpkg"));
    assertTrue(errors().contains("/nonexistent/city.gpkg"), errors());
    assertEquals(1, errors().strip().lines().count(), errors());
  }

  @Test
  void aFileThatIsNotAGeoPackageIsNamed(@TempDir Path folder) throws Exception {
    Path notAGeoPackage = Files.writeString(folder.resolve("notes.gpkg"), "just some text, not SQLite");
    assertEquals(2, run("serve", "--port", "0", notAGeoPackage.toString()));
    assertTrue(errors().contains("notes.gpkg"), errors());
    assertFalse(errors().contains("\tat "), "no stack trace: " + errors());
  }

  @Test
  void aConfigWithAnUnknownKeyIsNamed(@TempDir Path folder) throws Exception {
    Path config = Files.writeString(folder.resolve("urbis.yaml"), "port: 8080\ntitel: typo\n");
    assertEquals(2, run("serve", "--config", config.toString()));
    assertTrue(errors().contains("'titel'"), errors());
  }

  @Test
  void aLicenceOrThemeOutsideItsVocabularyIsNamedBeforeAnySourceOpens(@TempDir Path folder) throws Exception {
    Map<String, String> refused = Map.of(
        "catalog:\n  license: http://dcat-ap.de/def/licenses/dl-by-de/3.0\n",
        "catalog.license: http://dcat-ap.de/def/licenses/dl-by-de/3.0 is not in the vocabulary",
        "catalog:\n  collections:\n    buildings:\n      themes: [http://publications.europa.eu/resource/authority/"
            + "data-theme/CITY]\n",
        "catalog.collections.buildings.themes: http://publications.europa.eu/resource/authority/data-theme/CITY"
            + " is not in the vocabulary");
    for (Map.Entry<String, String> entry : refused.entrySet()) {
      err.reset();
      Path config = Files.writeString(folder.resolve("urbis.yaml"), "sources: [/nonexistent/city.gpkg]\n"
          + entry.getKey());
      assertEquals(2, run("serve", "--config", config.toString()));
      assertTrue(errors().contains(entry.getValue()), errors());
    }
  }
}
