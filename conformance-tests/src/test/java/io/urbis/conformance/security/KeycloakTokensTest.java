package io.urbis.conformance.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Keycloak;
import io.urbis.conformance.support.KeycloakExtension;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import io.urbis.conformance.support.UrbisServer;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Identities end to end: a server of the PostGIS fixture that accepts the bearer tokens of the Keycloak realm
 * {@value Keycloak#REALM} (audience {@value Keycloak#CLIENT}, roles at {@code realm_access.roles}) and one API key.
 * Real tokens of every user are served; no credentials are the public's; a token of another realm, for another client
 * or none, edited, unsigned ({@code alg: none}) or signed with HMAC under the realm's public key is a 401 with the
 * bearer challenge, as a wrong API key is with its own. The server's debug log shows each caller with the roles of
 * its token or key, and neither tokens nor the key.
 */
@ExtendWith({KeycloakExtension.class, UrbisExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("OpenID Connect tokens of Keycloak and API keys")
class KeycloakTokensTest {

  private static final String NAME = "keycloak-tokens";
  private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

  private final Keycloak keycloak;
  /** Every credential sent in this class, which the server's log must not show. */
  private final List<String> secrets = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();
  private final String apiKey = randomKey();
  private UrbisServer server;
  private Api api;
  private String collection;

  KeycloakTokensTest(Keycloak keycloak) {
    this.keycloak = keycloak;
  }

  @BeforeAll
  void start(Urbis urbis) throws IOException {
    Path config = Urbis.target("urbis-" + NAME + ".yaml");
    Files.writeString(config, """
        sources: ['%s']
        security:
          apiKeys:
            - name: test-office
              sha256: %s
              roles: [planner]
          openIdConnect:
            issuer: '%s'
            audience: %s
            rolesClaim: realm_access.roles
        """.formatted(urbis.database().serverUrl().replace("'", "''"), sha256Hex(apiKey), keycloak.issuer(),
        Keycloak.CLIENT));
    secrets.add(apiKey);
    // at DEBUG the server logs each caller's roles and why a token was refused: what must show no credential either
    server = urbis.launch(NAME, List.of("-Dio.urbis.security.LEVEL=DEBUG"), List.of("--config", config.toString()));
    api = new Api(server.baseUri(), Source.POSTGIS);
    collection = api.json("/collections").path("collections").get(0).path("id").asText();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Order(1)
  @ParameterizedTest
  @EnumSource(Keycloak.User.class)
  @DisplayName("a real token of each user is served: landing page, collections, items")
  void realTokenIsServed(Keycloak.User user) {
    String authorization = bearer(keycloak.token(user));
    for (String target : List.of("/", "/collections", "/collections/" + Api.encode(collection) + "/items?limit=2")) {
      Reply reply = api.get(target, "Authorization", authorization, "Accept", "application/json");
      assertEquals(200, reply.status(), () -> user + ": " + reply.describe());
    }
  }

  @Order(1)
  @ParameterizedTest
  @EnumSource(Keycloak.User.class)
  @DisplayName("a token's caller is its subject with exactly the roles of realm_access.roles, the user's among them")
  void tokenMapsToItsRoles(Keycloak.User user) throws IOException {
    String token = keycloak.token(user);
    JsonNode claims = Keycloak.claims(token);
    assertEquals(200, api.get("/collections", "Authorization", bearer(token), "Accept", "application/json").status());
    Set<String> roles = loggedRoles(claims.path("sub").asText());
    assertTrue(roles.contains(user.role), "roles: " + roles);
    assertEquals(Json.elements(claims.path("realm_access").path("roles")).stream().map(JsonNode::asText)
        .collect(Collectors.toSet()), roles);
    assertFalse(roles.contains("public"), "roles: " + roles);
  }

  @Order(1)
  @Test
  @DisplayName("no credentials are the public's: served")
  void noCredentialsAreServed() {
    assertEquals(200, api.get("/collections", "Accept", "application/json").status());
  }

  @Order(1)
  @Test
  @DisplayName("a token of another realm (another issuer, other keys) is a 401 that does not show the token")
  void tokenOfAnotherRealmIsRefused() {
    Keycloak.User planner = Keycloak.User.PLANNER;
    String token = keycloak.tokenOfOtherRealm(planner.username, planner.password);
    Reply reply = assertInvalidToken(token);
    assertFalse(reply.text().contains(token), reply.text());
    assertFalse(reply.text().contains(token.split("\\.")[2]), "the body shows the signature: " + reply.text());
  }

  @Order(1)
  @Test
  @DisplayName("a token of the realm for another client (aud names that client, not urbis) is a 401")
  void tokenForAnotherAudienceIsRefused() {
    String token = keycloak.tokenForClient(Keycloak.OTHER_CLIENT, Keycloak.User.CITIZEN);
    assertEquals(Set.of(Keycloak.OTHER_CLIENT), Keycloak.audience(Keycloak.claims(token)));
    assertEquals(keycloak.issuer().toString(), Keycloak.claims(token).path("iss").asText());
    assertInvalidToken(token);
  }

  @Order(1)
  @Test
  @DisplayName("a token of the realm without any aud (Keycloak's admin-cli) is a 401")
  void tokenWithoutAudienceIsRefused() {
    String token = keycloak.tokenForClient(Keycloak.ADMIN_CLI, Keycloak.User.CITIZEN);
    assertEquals(Set.of(), Keycloak.audience(Keycloak.claims(token)));
    assertEquals(keycloak.issuer().toString(), Keycloak.claims(token).path("iss").asText());
    assertInvalidToken(token);
  }

  @Order(1)
  @Test
  @DisplayName("a real token whose roles were edited, its signature kept, is a 401")
  void tamperedTokenIsRefused() {
    String token = keycloak.token(Keycloak.User.CITIZEN);
    String[] parts = token.split("\\.");
    ObjectNode claims = (ObjectNode) Keycloak.claims(token);
    ((ObjectNode) claims.path("realm_access")).putArray("roles").add(Keycloak.User.PLANNER.role);
    String tampered = parts[0] + "." + encode(claims.toString()) + "." + parts[2];
    assertNotEquals(token, tampered);
    assertInvalidToken(tampered);
  }

  @Order(1)
  @Test
  @DisplayName("a real token re-encoded with alg none and no signature is a 401")
  void unsignedTokenIsRefused() {
    String token = keycloak.token(Keycloak.User.PLANNER);
    ObjectNode header = (ObjectNode) Keycloak.header(token);
    header.put("alg", "none");
    assertInvalidToken(encode(header.toString()) + "." + token.split("\\.")[1] + ".");
  }

  @Order(1)
  @Test
  @DisplayName("a token signed with HS256 under the realm's RSA public key (as PEM and as DER) is a 401")
  void hmacUnderThePublicKeyIsRefused() throws GeneralSecurityException {
    String token = keycloak.token(Keycloak.User.ENERGY_MANAGER);
    String keyId = Keycloak.header(token).path("kid").asText();
    JsonNode jwk = Json.elements(keycloak.keys(Keycloak.REALM).path("keys")).stream()
        .filter(key -> key.path("kid").asText().equals(keyId)).findFirst().orElseThrow();
    byte[] der = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
        new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText())))).getEncoded();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    ObjectNode header = (ObjectNode) Keycloak.header(token);
    header.put("alg", "HS256");
    String signed = encode(header.toString()) + "." + token.split("\\.")[1];
    for (byte[] secret : List.of(pem.getBytes(StandardCharsets.US_ASCII), der)) {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
      String forged = signed + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(hmac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
      assertInvalidToken(forged);
    }
  }

  @Order(1)
  @Test
  @DisplayName("the right API key is served, a wrong one is a 401 with the API key challenge")
  void apiKeys() {
    assertEquals(200, api.get("/collections", "X-API-Key", apiKey, "Accept", "application/json").status());
    String wrong = randomKey();
    secrets.add(wrong);
    Reply reply = api.get("/collections", "X-API-Key", wrong, "Accept", "application/json");
    OgcExceptions.assertException(reply, 401);
    assertEquals("ApiKey header=\"X-API-Key\"", reply.header("WWW-Authenticate").orElse(null));
    assertFalse(reply.text().contains(wrong), reply.text());
  }

  @Order(1)
  @Test
  @DisplayName("the API key's caller is its configured name, with its configured roles")
  void apiKeyMapsToItsRoles() throws IOException {
    assertEquals(200, api.get("/collections", "X-API-Key", apiKey, "Accept", "application/json").status());
    assertEquals(Set.of("planner"), loggedRoles("test-office"));
  }

  @Order(2)
  @Test
  @DisplayName("the server's log shows none of the tokens and keys sent")
  void logShowsNoCredentials() throws IOException {
    assertFalse(secrets.isEmpty());
    String log = Files.readString(Urbis.target("urbis-server-" + NAME + ".log"));
    assertTrue(log.contains("status=401"), "not the log of this server: " + log);
    for (String secret : secrets) {
      assertFalse(log.contains(secret), "the log shows a credential");
      // nor a token's signature alone, should a log line cut it up
      String signature = secret.substring(secret.lastIndexOf('.') + 1);
      assertFalse(!signature.isEmpty() && log.contains(signature), "the log shows a token's signature");
    }
  }

  /** The roles the server's debug log gives the caller of that name, as {@code Authentication} logs them. */
  private static Set<String> loggedRoles(String caller) throws IOException {
    String prefix = "caller " + caller + " with roles [";
    String line = Files.readAllLines(Urbis.target("urbis-server-" + NAME + ".log")).stream()
        .filter(logged -> logged.contains(prefix)).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("the debug log names no caller " + caller));
    String roles = line.substring(line.indexOf(prefix) + prefix.length(), line.lastIndexOf(']'));
    return roles.isEmpty() ? Set.of() : Set.of(roles.split(", "));
  }

  /** Sends the token; asserts a 401 OGC exception with the bearer challenge. */
  private Reply assertInvalidToken(String token) {
    Reply reply = api.get("/collections", "Authorization", bearer(token), "Accept", "application/json");
    OgcExceptions.assertException(reply, 401);
    assertEquals(INVALID_TOKEN, reply.header("WWW-Authenticate").orElse(null), reply::describe);
    assertFalse(reply.text().contains(token), reply.text());
    return reply;
  }

  private String bearer(String token) {
    secrets.add(token);
    return "Bearer " + token;
  }

  /** A key as {@code openssl rand -hex 32} makes it. */
  private String randomKey() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@code urbis hash-key} prints it: the SHA-256 of the key's UTF-8 bytes in lower-case hex. */
  private static String sha256Hex(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
