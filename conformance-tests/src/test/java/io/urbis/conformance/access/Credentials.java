package io.urbis.conformance.access;

import io.urbis.conformance.support.ApiKeyHashes;
import io.urbis.conformance.support.Keycloak;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the callers of the role matrix say who they are: the {@code security} section of the server's configuration,
 * and the headers each role sends. The public sends none.
 */
sealed interface Credentials {

  /** The {@code security} section of the configuration (YAML, ending with a line break). */
  String securityYaml();

  /** The headers (name, value, name, value...) that make a request the role's. */
  List<String> headers(Role role);

  /** API keys in {@code X-API-Key}, one fixed key per role, kept in the configuration as its SHA-256. */
  record ApiKeys() implements Credentials {

    @Override
    public String securityYaml() {
      StringBuilder yaml = new StringBuilder("security:\n  apiKeys:\n");
      for (Role role : Role.values()) {
        if (role.user != null) {
          yaml.append("    - { name: ").append(role.roleName()).append("-desk, sha256: ")
              .append(ApiKeyHashes.sha256Hex(key(role))).append(", roles: [").append(role.roleName()).append("] }\n");
        }
      }
      return yaml.toString();
    }

    @Override
    public List<String> headers(Role role) {
      return role.user == null ? List.of() : List.of("X-API-Key", key(role));
    }

    private static String key(Role role) {
      return "role-matrix-key-of-the-" + role.roleName();
    }
  }

  /**
   * Bearer tokens of the test realm's users, each with its realm role in {@code realm_access.roles}. A token is
   * used for some minutes (the realm's live 10): Keycloak hashes the password of every grant, a second's work here.
   */
  record KeycloakTokens(Keycloak keycloak) implements Credentials {

    private static final Duration REUSE = Duration.ofMinutes(4);
    private static final Map<Keycloak.User, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String jwt, Instant fetched) {}

    @Override
    public String securityYaml() {
      return """
          security:
            openIdConnect:
              issuer: '%s'
              audience: %s
              rolesClaim: realm_access.roles
          """.formatted(keycloak.issuer(), Keycloak.CLIENT);
    }

    @Override
    public List<String> headers(Role role) {
      if (role.user == null) {
        return List.of();
      }
      Token token = TOKENS.compute(role.user, (user, kept) -> kept != null
          && kept.fetched().plus(REUSE).isAfter(Instant.now()) ? kept : new Token(keycloak.token(user), Instant.now()));
      return List.of("Authorization", "Bearer " + token.jwt());
    }
  }
}
