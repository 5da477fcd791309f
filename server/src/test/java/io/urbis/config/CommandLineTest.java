package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void optionsAndSourcesAreRead() {
    CommandLine line = CommandLine.parse(new String[] {"serve", "--port", "0", "a.gpkg", "postgresql://h/db"});
    UrbisConfig config = line.resolve(Map.of());
    assertEquals(0, config.port());
    assertEquals(List.of("a.gpkg", "postgresql://h/db"), config.sources());
  }

  @Test
  void databaseUrlIsTheSourceWhenNoneIsNamed() {
    UrbisConfig config = CommandLine.parse(new String[] {"serve"}).resolve(Map.of("DATABASE_URL", "postgresql://h/d"));
    assertEquals(List.of("postgresql://h/d"), config.sources());
  }

  @Test
  void aNamedSourceWinsOverDatabaseUrl() {
    UrbisConfig config = CommandLine.parse(new String[] {"serve", "x.gpkg"})
        .resolve(Map.of("DATABASE_URL", "postgresql://h/d"));
    assertEquals(List.of("x.gpkg"), config.sources());
  }

  @Test
  void helpIsRecognisedAnywhere() {
    assertTrue(CommandLine.parse(new String[] {"--help"}).help());
    assertTrue(CommandLine.parse(new String[] {"serve", "--help"}).help());
  }

  @Test
  void anUnknownOptionOrMissingValueIsExplained() {
    assertThrows(ConfigException.class, () -> CommandLine.parse(new String[] {"serve", "--prot", "1"}));
    assertThrows(ConfigException.class, () -> CommandLine.parse(new String[] {"serve", "--port"}));
    assertThrows(ConfigException.class, () -> CommandLine.parse(new String[] {"serve", "--port", "x"}));
  }

  @Test
  void theEnvironmentConfiguresContainers() {
    UrbisConfig config = CommandLine.parse(new String[] {"serve"})
        .resolve(Map.of("URBIS_PORT", "9090", "URBIS_SOURCES", "a.gpkg, postgresql://h/d", "DATABASE_URL", "x"));
    assertEquals(9090, config.port());
    assertEquals(List.of("a.gpkg", "postgresql://h/d"), config.sources());
    assertThrows(ConfigException.class,
        () -> CommandLine.parse(new String[] {"serve"}).resolve(Map.of("URBIS_PORT", "http")));
  }
}
