package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.security.ApiKeys;
import io.urbis.security.BearerTokens;
import io.urbis.security.Caller;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code security} key: API keys as hashes with roles, an OpenID Connect provider, and errors naming the entry. */
class SecurityConfigTest {

  private static final String KEY = "c0ffee00c0ffee00c0ffee00c0ffee00";

  @TempDir Path folder;

  @Test
  void withoutSecurityEveryCallerIsAnonymous() throws Exception {
    UrbisConfig config = read("port: 9000\n").orElse(UrbisConfig.DEFAULTS).validated();
    assertEquals(Optional.empty(), config.security().keys().caller(KEY));
    assertNull(config.security().bearerTokens());
    assertEquals("operator", config.security().operatorRoleName());
  }

  @Test
  void theOperatorRoleIsConfigurableButNotEmpty() throws Exception {
    assertEquals("monitoring", read("security:\n  operatorRole: monitoring\n").orElse(UrbisConfig.DEFAULTS)
        .validated().security().operatorRoleName());
    assertRefused("security:\n  operatorRole: ' '\n", "security.operatorRole", "operator");
  }

  @Test
  void keysAndTheProviderAreRead() throws Exception {
    UrbisConfig config = read("""
        security:
          apiKeys:
            - name: planning-office
              sha256: %s
              roles: [planner, editor]
          openIdConnect:
            issuer: https://idp.example.org/realms/city
            audience: urbis
        """.formatted(ApiKeys.sha256Hex(KEY).toUpperCase())).orElse(UrbisConfig.DEFAULTS).validated();
    assertEquals(Optional.of(new Caller("planning-office", Set.of("planner", "editor"))),
        config.security().keys().caller(KEY));
    assertEquals(new BearerTokens.Settings(URI.create("https://idp.example.org/realms/city"), "urbis",
        "realm_access.roles", 60), config.security().bearerTokens());
  }

  @Test
  void aBadKeyEntryIsNamedWithItsFix() {
    String hash = ApiKeys.sha256Hex(KEY);
    assertAll(
        () -> assertRefused(keyEntry("planning-office", "9f86d0", "[planner]"), "security.apiKeys[0]"
            + " (planning-office).sha256", "urbis hash-key"),
        () -> assertRefused(keyEntry("planning-office", "z".repeat(64), "[planner]"), "(planning-office).sha256"),
        () -> assertRefused(keyEntry("planning-office", hash, "[]"), "(planning-office).roles", "[planner]"),
        () -> assertRefused(keyEntry("planning-office", hash, "['']"), "(planning-office).roles"),
        () -> assertRefused(keyEntry("", hash, "[planner]"), "security.apiKeys[0].name"),
        () -> assertRefused(keyEntry("a", hash, "[planner]") + keyEntry("b", hash, "[editor]").replace(
            "security:\n  apiKeys:\n", ""), "security.apiKeys[1] (b).sha256", "another key"),
        () -> assertRefused(keyEntry("a", hash, "[planner]") + keyEntry("a", ApiKeys.sha256Hex(KEY + "2"),
            "[editor]").replace("security:\n  apiKeys:\n", ""), "security.apiKeys[1] (a)", "same name"));
  }

  @Test
  void aBadProviderIsNamedWithItsFix() {
    assertAll(
        () -> assertRefused(provider("idp.example.org/realms/city", "urbis", ""), "security.openIdConnect.issuer",
            "https://"),
        () -> assertRefused(provider("ftp://idp.example.org/", "urbis", ""), "security.openIdConnect.issuer"),
        () -> assertRefused(provider("https://idp.example.org/realms/city", "''", ""),
            "security.openIdConnect.audience"),
        () -> assertRefused(provider("https://idp.example.org/realms/city", "urbis", "    clockSkewSeconds: -1\n"),
            "security.openIdConnect.clockSkewSeconds"),
        () -> assertRefused(provider("https://idp.example.org/realms/city", "urbis", "    rolesClaim: realm..roles\n"),
            "security.openIdConnect.rolesClaim"));
  }

  @Test
  void anIssuerSpeltOtherwiseThanTheProviderNamesItselfIsRefusedWithItsFix() {
    assertAll(
        () -> assertRefused(provider("https://idp.example.org/realms/city/", "urbis", ""),
            "security.openIdConnect.issuer must not end with '/'", "/realms/<realm>, no trailing slash"),
        () -> assertRefused(provider("https://idp.example.org:443/realms/city", "urbis", ""),
            "security.openIdConnect.issuer", "default port 443"),
        () -> assertRefused(provider("http://idp.example.org:80/realms/city", "urbis", ""),
            "security.openIdConnect.issuer", "default port 80"),
        () -> assertRefused(provider("https://idp.example.org/realms/city?realm=city", "urbis", ""),
            "security.openIdConnect.issuer", "no query or fragment"),
        () -> assertRefused(provider("https://idp.example.org/realms/city#top", "urbis", ""),
            "security.openIdConnect.issuer", "no query or fragment"));
  }

  @Test
  void anIssuerWithAnotherPortOrAtTheRootIsTaken() throws Exception {
    for (String issuer : List.of("https://idp.example.org:8443/realms/city", "http://localhost:8080/realms/city",
        "https://tenant.example.org/")) {
      assertEquals(URI.create(issuer), read(provider(issuer, "urbis", "")).orElse(UrbisConfig.DEFAULTS).validated()
          .security().bearerTokens().issuer());
    }
  }

  private static String keyEntry(String name, String sha256, String roles) {
    return "security:\n  apiKeys:\n    - name: '" + name + "'\n      sha256: '" + sha256 + "'\n      roles: " + roles
        + "\n";
  }

  private static String provider(String issuer, String audience, String more) {
    return "security:\n  openIdConnect:\n    issuer: " + issuer + "\n    audience: " + audience + "\n" + more;
  }

  private void assertRefused(String yaml, String... named) throws Exception {
    UrbisConfig config = read(yaml).orElse(UrbisConfig.DEFAULTS);
    ConfigException error = assertThrows(ConfigException.class, config::validated);
    for (String part : named) {
      assertTrue(error.getMessage().contains(part), error.getMessage() + " names " + part);
    }
  }

  private UrbisConfig read(String yaml) throws Exception {
    return ConfigYaml.read(folder, yaml);
  }
}
