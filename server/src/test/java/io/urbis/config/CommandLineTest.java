package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
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

  @Test
  void noProxyIsTrustedAndLinksFollowTheRequestByDefault() {
    UrbisConfig config = CommandLine.parse(new String[] {"serve"}).resolve(Map.of());
    assertNull(config.publicBaseUrl());
    assertEquals(List.of(), config.trustedProxies());
  }

  @Test
  void thePublicUrlAndTrustedProxiesComeFromOptionsOrEnvironment() throws Exception {
    UrbisConfig options = CommandLine.parse(new String[] {"serve", "--public-url", "https://maps.example.org/geo",
        "--trusted-proxies", "127.0.0.1, 10.0.0.0/8"}).resolve(Map.of("URBIS_TRUSTED_PROXIES", "::1"));
    assertEquals(URI.create("https://maps.example.org/geo/"), options.publicBaseUrl());
    assertEquals(List.of("127.0.0.1", "10.0.0.0/8"), options.trustedProxies());
    assertTrue(options.proxies().contains(InetAddress.getByName("10.1.2.3")));
    UrbisConfig environment = CommandLine.parse(new String[] {"serve"}).resolve(Map.of(
        "URBIS_PUBLIC_URL", "http://intranet:8080/urbis/", "URBIS_TRUSTED_PROXIES", "::1"));
    assertEquals(URI.create("http://intranet:8080/urbis/"), environment.publicBaseUrl());
    assertEquals(List.of("::1"), environment.trustedProxies());
  }

  @Test
  void aBadPublicUrlOrProxyIsNamed() {
    for (String url : new String[] {"maps.example.org", "ftp://maps.example.org/", "https://x/?a=b", "https://x/#top",
        "https://exa mple/"}) {
      ConfigException error = assertThrows(ConfigException.class,
          () -> CommandLine.parse(new String[] {"serve", "--public-url", url}).resolve(Map.of()));
      assertTrue(error.getMessage().startsWith("publicUrl"), error.getMessage());
    }
    ConfigException error = assertThrows(ConfigException.class,
        () -> CommandLine.parse(new String[] {"serve", "--trusted-proxies", "proxy.local"}).resolve(Map.of()));
    assertTrue(error.getMessage().startsWith("trustedProxies: 'proxy.local'"), error.getMessage());
  }
}
