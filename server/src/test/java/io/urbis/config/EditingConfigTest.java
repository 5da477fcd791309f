package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditingConfigTest {

  @TempDir Path folder;

  @Test
  void ifMatchIsRequiredWhereACollectionOrTheDefaultSaysSo() throws Exception {
    EditingConfig listed = read("editing:\n  collections:\n    buildings: {requireIfMatch: true}\n");
    assertTrue(listed.requiresIfMatch("buildings"));
    assertFalse(listed.requiresIfMatch("streets"));
    EditingConfig everywhere = read("editing:\n  requireIfMatch: true\n  collections:\n"
        + "    sketches: {requireIfMatch: false}\n");
    assertTrue(everywhere.requiresIfMatch("buildings"));
    assertFalse(everywhere.requiresIfMatch("sketches"));
    assertFalse(read("port: 9000\n").requiresIfMatch("buildings"), "not required without the key");
  }

  @Test
  void aCollectionThatIsNotPublishedIsNamedWithItsKey() throws Exception {
    EditingConfig config = read("editing:\n  collections:\n    biuldings: {requireIfMatch: true}\n");
    ConfigException error = assertThrows(ConfigException.class, () -> config.check(Set.of("buildings", "streets")));
    assertEquals("editing.collections.biuldings: there is no collection 'biuldings'; collections are [buildings,"
        + " streets]", error.getMessage());
  }

  private EditingConfig read(String yaml) throws Exception {
    Path file = folder.resolve("urbis.yaml");
    Files.writeString(file, yaml);
    return ConfigReader.read(file).orElse(UrbisConfig.DEFAULTS).editing();
  }
}
