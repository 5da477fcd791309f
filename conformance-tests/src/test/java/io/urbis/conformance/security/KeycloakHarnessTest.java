package io.urbis.conformance.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Keycloak;
import io.urbis.conformance.support.KeycloakExtension;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The identity provider that the tests of OpenID Connect tokens rely on: a real Keycloak whose realms give each user a
 * token for Urbis (audience {@value Keycloak#CLIENT}) with that user's role, signed with the key the tests gave the
 * realm, and whose second realm is another issuer with other keys.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakHarnessTest {

  /** Tokens must outlive a test run's use of them: at least 5 minutes. */
  private static final long SHORTEST_LIFESPAN_SECONDS = 300;

  private final Keycloak keycloak;

  KeycloakHarnessTest(Keycloak keycloak) {
    this.keycloak = keycloak;
  }

  @Test
  @DisplayName("the discovery document of the realm urbis names the issuer that its tokens carry")
  void discoveryDocumentNamesTheIssuer() {
    JsonNode discovery = keycloak.discoveryDocument(Keycloak.REALM);
    assertEquals(keycloak.issuer().toString(), discovery.path("issuer").asText());
    assertTrue(discovery.path("token_endpoint").asText().startsWith(keycloak.issuer() + "/"),
        "token endpoint: " + discovery.path("token_endpoint"));
  }

  @ParameterizedTest
  @EnumSource(Keycloak.User.class)
  @DisplayName("each user's token is signed by a key of the realm, for Urbis, of the issuer, with that user's role only")
  void tokenCarriesIssuerAudienceAndRole(Keycloak.User user) {
    String token = keycloak.token(user);
    JsonNode claims = Keycloak.claims(token);

    assertEquals(keycloak.issuer().toString(), claims.path("iss").asText());
    assertTrue(Keycloak.audience(claims).contains(Keycloak.CLIENT), "aud: " + claims.path("aud"));
    assertEquals(user.username, claims.path("preferred_username").asText());
    Set<String> roles = strings(claims.path("realm_access").path("roles"));
    assertTrue(roles.contains(user.role), "realm_access.roles: " + roles);
    Set<String> othersRoles = Arrays.stream(Keycloak.User.values()).filter(other -> other != user)
        .map(other -> other.role).collect(Collectors.toSet());
    assertTrue(roles.stream().noneMatch(othersRoles::contains), "realm_access.roles: " + roles);
    assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() >= SHORTEST_LIFESPAN_SECONDS,
        "lifespan: iat " + claims.path("iat") + ", exp " + claims.path("exp"));
    assertTrue(keyIds(Keycloak.REALM).contains(Keycloak.header(token).path("kid").asText()),
        "kid " + Keycloak.header(token).path("kid") + " not among the realm's keys");
  }

  @Test
  @DisplayName("a token of the second realm is for Urbis too, but from another issuer with other keys")
  void otherRealmIsAnotherIssuer() {
    Keycloak.User planner = Keycloak.User.PLANNER;
    String token = keycloak.tokenOfOtherRealm(planner.username, planner.password);
    JsonNode claims = Keycloak.claims(token);

    assertNotEquals(keycloak.issuer(), keycloak.issuerOfOtherRealm());
    assertEquals(keycloak.issuerOfOtherRealm().toString(),
        keycloak.discoveryDocument(Keycloak.OTHER_REALM).path("issuer").asText());
    assertEquals(keycloak.issuerOfOtherRealm().toString(), claims.path("iss").asText());
    assertTrue(Keycloak.audience(claims).contains(Keycloak.CLIENT), "aud: " + claims.path("aud"));
    assertTrue(strings(claims.path("realm_access").path("roles")).contains(planner.role),
        "realm_access.roles: " + claims.path("realm_access"));
    String keyId = Keycloak.header(token).path("kid").asText();
    assertTrue(keyIds(Keycloak.OTHER_REALM).contains(keyId), "kid " + keyId + " not among the other realm's keys");
    assertFalse(keyIds(Keycloak.REALM).contains(keyId), "kid " + keyId + " is a key of the realm urbis too");
  }

  @ParameterizedTest
  @EnumSource(Keycloak.User.class)
  @DisplayName("the realm urbis signs with the tests' key: its token signed by the tests is the token Keycloak issued")
  void realmSignsWithTheTestsKey(Keycloak.User user) {
    String token = keycloak.token(user);
    String headerAndPayload = token.substring(0, token.lastIndexOf('.'));
    assertEquals("RS256", Keycloak.header(token).path("alg").asText());
    assertEquals(token, keycloak.signAsRealm(headerAndPayload));
  }

  @Test
  @DisplayName("a wrong password gets no token")
  void wrongPasswordGetsNoToken() {
    Keycloak.User citizen = Keycloak.User.CITIZEN;
    IllegalStateException refusal = assertThrows(IllegalStateException.class,
        () -> keycloak.token(citizen.username, citizen.password + "-wrong"));
    assertTrue(refusal.getMessage().contains("invalid_grant"), refusal.getMessage());
  }

  private Set<String> keyIds(String realm) {
    return Json.elements(keycloak.keys(realm).path("keys")).stream().map(key -> key.path("kid").asText())
        .collect(Collectors.toSet());
  }

  private static Set<String> strings(JsonNode array) {
    return Json.elements(array).stream().map(JsonNode::asText).collect(Collectors.toSet());
  }
}
