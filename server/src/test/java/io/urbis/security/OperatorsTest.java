package io.urbis.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.error.UrbisException;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Operators are the callers with the configured role; the refusal of others says what would help. */
class OperatorsTest {

  private static final Authentication KEYS_ONLY = new Authentication(ApiKeys.NONE, null);
  private static final Caller MONITORING = new Caller("monitoring", Set.of("monitoring", "planner"));
  private static final Caller PLANNER = new Caller("planning-office", Set.of("planner"));

  @Test
  void callersWithTheConfiguredRoleAreOperators() {
    Operators operators = new Operators("monitoring", KEYS_ONLY);
    assertAll(
        () -> assertTrue(operators.include(MONITORING)),
        () -> assertFalse(operators.include(PLANNER)),
        () -> assertFalse(operators.include(Caller.ANONYMOUS)),
        () -> assertTrue(new Operators("public", KEYS_ONLY).include(Caller.ANONYMOUS), "public: everybody"));
    operators.require(MONITORING);
  }

  @Test
  void anonymousCallersAreAskedForTheCredentialsConfigured() {
    AuthenticationFailedException keys = assertThrows(AuthenticationFailedException.class,
        () -> new Operators(Operators.DEFAULT_ROLE, KEYS_ONLY).require(Caller.ANONYMOUS));
    assertEquals(401, keys.status());
    assertEquals("ApiKey header=\"X-API-Key\"", keys.headers().get("WWW-Authenticate"));
    Authentication keysAndTokens = new Authentication(ApiKeys.NONE, new BearerTokens(new BearerTokens.Settings(
        URI.create("https://idp.example.org/realms/city"), "urbis", "realm_access.roles", 60)));
    AuthenticationFailedException both = assertThrows(AuthenticationFailedException.class,
        () -> new Operators(Operators.DEFAULT_ROLE, keysAndTokens).require(Caller.ANONYMOUS));
    assertEquals("ApiKey header=\"X-API-Key\", Bearer", both.headers().get("WWW-Authenticate"));
  }

  @Test
  void otherCallersAreForbidden() {
    UrbisException refusal = assertThrows(UrbisException.class,
        () -> new Operators(Operators.DEFAULT_ROLE, KEYS_ONLY).require(PLANNER));
    assertEquals(403, refusal.status());
    assertEquals("Forbidden", refusal.code());
    assertTrue(refusal.headers().isEmpty());
  }
}
