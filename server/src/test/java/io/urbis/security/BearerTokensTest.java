package io.urbis.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.slf4j.LoggerFactory;

/** Bearer tokens checked against a real provider's discovery document and JWKS, and every token attack a 401. */
class BearerTokensTest {

  private TestIdentityProvider provider;
  private BearerTokens tokens;

  @BeforeEach
  void startProvider() throws Exception {
    provider = new TestIdentityProvider();
    tokens = new BearerTokens(provider.settings());
  }

  @AfterEach
  void stopProvider() {
    provider.close();
  }

  @Test
  void validTokensGiveTheirSubjectAndTheRolesOfTheRolesClaim() throws Exception {
    assertEquals(new Caller("alice", Set.of("planner", "citizen")),
        tokens.caller(provider.token("alice", "planner", "citizen")));
    assertEquals(new Caller("bob", Set.of("energy")),
        tokens.caller(TestIdentityProvider.sign(provider.ec(), provider.claims("bob", "energy").build())));
  }

  @Test
  void rolesComeFromTheConfiguredClaimWhetherAListOrOneString() throws Exception {
    BearerTokens byGroup = new BearerTokens(new BearerTokens.Settings(provider.issuer(), TestIdentityProvider.AUDIENCE,
        "urbis.group", 60));
    String oneRole = TestIdentityProvider.sign(provider.rsa(), provider.claims("carol", "planner")
        .claim("urbis", Map.of("group", "surveyor")).build());
    assertEquals(Set.of("surveyor"), byGroup.caller(oneRole).roles());
    assertEquals(Set.of(), byGroup.caller(provider.token("dave", "planner")).roles(), "the claim is absent");
  }

  @Test
  void anUnsecuredTokenIsRefused() throws Exception {
    assertInvalid(new PlainJWT(provider.claims("mallory", "planner").build()).serialize());
  }

  @Test
  void hmacSignedWithTheProvidersPublicKeyIsRefused() throws Exception {
    RSAKey publicKey = provider.rsa().toPublicJWK();
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
        provider.claims("mallory", "planner").build());
    forged.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));
    assertInvalid(forged.serialize());
  }

  @Test
  void expiryAndNotBeforeAreCheckedWithTheClockSkew() throws Exception {
    long now = System.currentTimeMillis();
    assertInvalid(signed(provider.claims("alice", "planner").notBeforeTime(new Date(now - 900_000))
        .expirationTime(new Date(now - 120_000))));
    assertInvalid(signed(provider.claims("alice", "planner").notBeforeTime(new Date(now + 120_000))));
    assertEquals("alice", tokens.caller(signed(provider.claims("alice", "planner")
        .expirationTime(new Date(now - 20_000)))).name(), "expired 20 s ago, within the 60 s skew");
    assertInvalid(signed(provider.claims("alice", "planner").expirationTime(null)));
  }

  @Test
  void anotherIssuerOrAudienceIsRefused() throws Exception {
    assertInvalid(signed(provider.claims("alice", "planner").issuer("https://idp.example.org/realms/other")));
    assertInvalid(signed(provider.claims("alice", "planner").audience("account")));
    assertInvalid(signed(provider.claims("alice", "planner").audience((String) null)));
    assertEquals("alice", tokens.caller(signed(provider.claims("alice", "planner")
        .audience(List.of("account", TestIdentityProvider.AUDIENCE)))).name(), "one of several audiences");
  }

  @Test
  void aTamperedPayloadIsRefused() throws Exception {
    String[] parts = provider.token("alice", "citizen").split("\\.");
    String raised = Base64URL.encode(provider.claims("alice", "planner").build().toString()).toString();
    assertInvalid(parts[0] + "." + raised + "." + parts[2]);
  }

  @Test
  void aTokenOfAnotherRealmIsRefusedThoughItsKeyIdIsTheSame() throws Exception {
    try (TestIdentityProvider otherRealm = new TestIdentityProvider()) {
      assertInvalid(TestIdentityProvider.sign(otherRealm.rsa(), provider.claims("alice", "planner").build()));
      assertInvalid(otherRealm.token("alice", "planner"));
    }
  }

  @Test
  void aRotatedKeyIsFetchedOnceAndAcceptedAnUnknownOneStaysRefused() throws Exception {
    tokens.caller(provider.token("alice", "planner"));
    assertEquals(1, provider.jwksReads());
    RSAKey rotated = TestIdentityProvider.rsaKey("rsa-2");
    provider.publish(rotated);
    assertEquals("bob", tokens.caller(TestIdentityProvider.sign(rotated, provider.claims("bob").build())).name());
    assertEquals(2, provider.jwksReads(), "the unknown key id made the JWKS be read again");
    RSAKey neverPublished = TestIdentityProvider.rsaKey("rsa-3");
    assertInvalid(TestIdentityProvider.sign(neverPublished, provider.claims("mallory", "planner").build()));
    assertInvalid(TestIdentityProvider.sign(neverPublished, provider.claims("mallory", "planner").build()));
    assertEquals(2, provider.jwksReads(), "made-up key ids do not make the provider be asked again and again");
  }

  @Test
  void anUnknownKeyIdIsLookedUpOnceThenRefusedAndABurstOfThemIsNotLookedUpAgain() throws Exception {
    tokens.caller(provider.token("alice", "planner"));
    RSAKey unknown = TestIdentityProvider.rsaKey("rsa-9");
    assertInvalid(TestIdentityProvider.sign(unknown, provider.claims("eve").build()));
    assertEquals(2, provider.jwksReads());
    for (int burst = 0; burst < 20; burst++) {
      RSAKey madeUp = new RSAKey.Builder(unknown).keyID("made-up-" + burst).build();
      assertInvalid(TestIdentityProvider.sign(madeUp, provider.claims("eve").build()));
    }
    assertEquals(2, provider.jwksReads(), "made-up key ids are refused without asking the provider");
  }

  @Test
  void notAJwtIsRefused() {
    assertInvalid("");
    assertInvalid("not.a.jwt");
    assertInvalid("abc");
  }

  @Test
  void anUnreachableProviderIsA503WithRetryAfterNeverA401() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BearerTokens unreachable = new BearerTokens(new BearerTokens.Settings(
        URI.create("http://127.0.0.1:" + closedPort + "/realms/city"), TestIdentityProvider.AUDIENCE,
        "realm_access.roles", 60));
    String token = provider.token("alice", "planner");
    IdentityProviderUnavailableException error = assertThrows(IdentityProviderUnavailableException.class,
        () -> unreachable.caller(token));
    assertAll(() -> assertEquals(503, error.status()),
        () -> assertEquals(Map.of("Retry-After", "10"), error.headers()),
        () -> assertThrows(IdentityProviderUnavailableException.class, () -> unreachable.caller(token)),
        () -> assertThrows(AuthenticationFailedException.class, () -> unreachable.caller("not.a.jwt"),
            "what is no JWT needs no provider to be refused"));
  }

  @Test
  void aDiscoveryDocumentNamingAnotherIssuerIsNotTrustedAndLoggedAsAnErrorOnce() throws Throwable {
    URI configured = URI.create(provider.issuer() + "/");
    BearerTokens misnamed = new BearerTokens(new BearerTokens.Settings(configured, TestIdentityProvider.AUDIENCE,
        "realm_access.roles", 60));
    String token = provider.token("alice");
    String log = loggedWhile(() -> assertAll(
        () -> assertThrows(IdentityProviderUnavailableException.class, () -> misnamed.caller(token)),
        () -> assertThrows(IdentityProviderUnavailableException.class, () -> misnamed.caller(token))));
    List<String> errors = log.lines().filter(line -> line.contains("ERROR")).toList();
    assertEquals(1, errors.size(), log);
    assertAll(() -> assertTrue(errors.get(0).contains("'" + provider.issuer() + "'"), errors.get(0)),
        () -> assertTrue(errors.get(0).contains("'" + configured + "'"), errors.get(0)),
        () -> assertTrue(errors.get(0).contains("security.openIdConnect.issuer"), errors.get(0)));
  }

  /** What BearerTokens logs while {@code action} runs. */
  private static String loggedWhile(Executable action) throws Throwable {
    StdErrAppender appender = (StdErrAppender) ((JettyLogger) LoggerFactory.getLogger(BearerTokens.class))
        .getAppender();
    PrintStream stream = appender.getStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    appender.setStream(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      action.execute();
    } finally {
      appender.setStream(stream);
    }
    return log.toString(StandardCharsets.UTF_8);
  }

  private String signed(JWTClaimsSet.Builder claims) throws Exception {
    return TestIdentityProvider.sign(provider.rsa(), claims.build());
  }

  private void assertInvalid(String token) {
    AuthenticationFailedException error = assertThrows(AuthenticationFailedException.class,
        () -> tokens.caller(token));
    assertAll(() -> assertEquals(401, error.status()),
        () -> assertEquals(Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), error.headers()),
        () -> assertEquals("The bearer token is invalid or expired", error.getMessage()));
  }
}
