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
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identities end to end: a server of the PostGIS fixture that accepts the bearer tokens of the Keycloak realm
 * {@value Keycloak#REALM} (audience {@value Keycloak#CLIENT}, roles at {@code realm_access.roles}) and one API key.
 * Real tokens of every user are served; no credentials are the public's; a token of another realm, for another client
 * or none, edited, unsigned ({@code alg: none}) or signed with HMAC under the realm's public key is a 401 with the
 * bearer challenge, as a wrong API key is with its own. With the realm's own signing key (which the tests gave it) a
 * real token with exactly one claim wrong is a 401 (expired or not yet valid beyond the clock skew, no expiry, another
 * issuer, another audience or none), while with its claims kept it is served; a token of a key the realm does not
 * publish is a 401 after one read of the JWKS, and a burst of them costs Keycloak no more reads. The server's debug
 * log shows each caller with the roles of its token or key, each read of the JWKS, and neither tokens nor the key.
 */
@ExtendWith({KeycloakExtension.class, UrbisExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("OpenID Connect tokens of Keycloak and API keys")
class KeycloakTokensTest {

  private static final String NAME = "keycloak-tokens";
  private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
  private static final int CLOCK_SKEW_SECONDS = 60;
  /** What the server logs at DEBUG each time it reads the provider's JWKS. */
  private static final String JWKS_READ = "reading the JWKS ";

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
            clockSkewSeconds: %d
        """.formatted(urbis.database().serverUrl().replace("'", "''"), sha256Hex(apiKey), keycloak.issuer(),
        Keycloak.CLIENT, CLOCK_SKEW_SECONDS));
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

  /**
   * First of all, as the first token this server sees makes it read the JWKS and so opens the window of its rate
   * limit (two reads in 30 s): a refetch is then left for the unknown key, and none for the burst after it.
   */
  @Order(0)
  @Test
  @DisplayName("a token of a key the realm does not publish is a 401 after one more read of the JWKS; a burst of such"
      + " tokens is refused without another")
  void unknownKeyIdIsRefusedAfterOneJwksRefetch() throws IOException {
    String token = keycloak.token(Keycloak.User.PLANNER);
    assertEquals(200, api.get("/collections", "Authorization", bearer(token), "Accept", "application/json").status());
    assertEquals(1, jwksReads(), "the first token makes the server read the JWKS");
    KeyPair unpublished = Keycloak.rsaKeyPair();
    assertInvalidToken(signedWith(unpublished, "unpublished-key", token));
    assertEquals(2, jwksReads(), "the unknown kid makes the server read the JWKS again, once");
    for (int burst = 0; burst < 10; burst++) {
      assertInvalidToken(signedWith(unpublished, "made-up-key-" + burst, token));
    }
    assertEquals(2, jwksReads(), "made-up key ids made the server read the JWKS again");
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
  @ParameterizedTest
  @EnumSource(Keycloak.User.class)
  @DisplayName("a real token's claims signed by the tests with the realm's key are served with the user's roles: what"
      + " the tests sign is a valid token")
  void claimsSignedWithTheRealmsKeyAreServed(Keycloak.User user) throws IOException {
    String token = keycloak.token(user);
    JsonNode claims = Keycloak.claims(token);
    String signed = signedAsRealm(token, claims);
    assertEquals(200, api.get("/collections", "Authorization", bearer(signed), "Accept", "application/json").status());
    assertEquals(Json.elements(claims.path("realm_access").path("roles")).stream().map(JsonNode::asText)
        .collect(Collectors.toSet()), loggedRoles(claims.path("sub").asText()));
  }

  @Order(1)
  @Test
  @DisplayName("a token of the realm's key expired, or not yet valid, by less than the clock skew is served")
  void expiryAndNotBeforeWithinTheClockSkewAreServed() {
    long now = Instant.now().getEpochSecond();
    String token = keycloak.token(Keycloak.User.CITIZEN);
    ObjectNode justExpired = ((ObjectNode) Keycloak.claims(token)).put("exp", now - CLOCK_SKEW_SECONDS / 3);
    ObjectNode almostValid = ((ObjectNode) Keycloak.claims(token)).put("nbf", now + CLOCK_SKEW_SECONDS / 3);
    for (JsonNode claims : List.of(justExpired, almostValid)) {
      Reply reply = api.get("/collections", "Authorization", bearer(signedAsRealm(token, claims)), "Accept",
          "application/json");
      assertEquals(200, reply.status(), () -> claims + ": " + reply.describe());
    }
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("oneClaimWrong")
  @DisplayName("a real token with one claim wrong, signed again with the realm's key, is a 401")
  void oneClaimWrongIsRefused(Consumer<ObjectNode> change) {
    String token = keycloak.token(Keycloak.User.PLANNER);
    ObjectNode claims = (ObjectNode) Keycloak.claims(token);
    change.accept(claims);
    assertInvalidToken(signedAsRealm(token, claims));
  }

  /** Each change makes exactly one check fail: the signature is the realm's, every other claim Keycloak's. */
  Stream<Named<Consumer<ObjectNode>>> oneClaimWrong() {
    long beyondSkew = 2L * CLOCK_SKEW_SECONDS;
    return Stream.of(
        Named.of("expired beyond the clock skew", claims -> claims.put("exp", Instant.now().getEpochSecond()
            - beyondSkew)),
        Named.of("not yet valid (nbf) beyond the clock skew", claims -> claims.put("nbf",
            Instant.now().getEpochSecond() + beyondSkew)),
        Named.of("without exp", claims -> claims.remove("exp")),
        Named.of("of the other realm's issuer", claims -> claims.put("iss", keycloak.issuerOfOtherRealm().toString())),
        Named.of("for another client (aud)", claims -> claims.put("aud", Keycloak.OTHER_CLIENT)),
        Named.of("without aud", claims -> claims.remove("aud")));
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
    String log = serverLog();
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
    String line = serverLog().lines()
        .filter(logged -> logged.contains(prefix)).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("the debug log names no caller " + caller));
    String roles = line.substring(line.indexOf(prefix) + prefix.length(), line.lastIndexOf(']'));
    return roles.isEmpty() ? Set.of() : Set.of(roles.split(", "));
  }

  /** How often the server read the JWKS, as its debug log tells. */
  private static long jwksReads() throws IOException {
    return serverLog().lines().filter(line -> line.contains(JWKS_READ)).count();
  }

  private static String serverLog() throws IOException {
    return Files.readString(Urbis.target("urbis-server-" + NAME + ".log"));
  }

  /** The token's header with these claims, signed as the realm signs: Keycloak's token with those claims. */
  private String signedAsRealm(String token, JsonNode claims) {
    return keycloak.signAsRealm(token.split("\\.")[0] + "." + encode(claims.toString()));
  }

  /** The token's claims under a header naming {@code keyId}, signed with {@code key}. */
  private static String signedWith(KeyPair key, String keyId, String token) {
    ObjectNode header = ((ObjectNode) Keycloak.header(token)).put("kid", keyId);
    return Keycloak.signRs256(key.getPrivate(), encode(header.toString()) + "." + token.split("\\.")[1]);
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
