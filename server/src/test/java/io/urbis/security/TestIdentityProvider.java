package io.urbis.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenID Connect provider for tests, as far as token checks see one: a discovery document and a JWKS served
 * over HTTP on a free loopback port, and tokens signed with its real RSA and EC keys.
 */
public final class TestIdentityProvider implements AutoCloseable {

  public static final String AUDIENCE = "urbis";

  private final HttpServer server;
  private final List<JWK> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger jwksReads = new AtomicInteger();
  private final RSAKey rsa;
  private final ECKey ec;

  public TestIdentityProvider() throws IOException, JOSEException {
    rsa = rsaKey("rsa-1");
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    published.add(rsa.toPublicJWK());
    published.add(ec.toPublicJWK());
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/realms/city/.well-known/openid-configuration", exchange -> send(exchange,
        "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/certs\"}"));
    server.createContext("/realms/city/certs", exchange -> {
      jwksReads.incrementAndGet();
      send(exchange, new JWKSet(List.copyOf(published)).toString());
    });
    server.start();
  }

  public static RSAKey rsaKey(String keyId) throws JOSEException {
    return new RSAKeyGenerator(2048).keyID(keyId).generate();
  }

  private static void send(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  public URI issuer() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/city");
  }

  /** How tokens of this provider are checked: the settings Urbis reads from its configuration. */
  public BearerTokens.Settings settings() {
    return new BearerTokens.Settings(issuer(), AUDIENCE, "realm_access.roles", 60);
  }

  public RSAKey rsa() {
    return rsa;
  }

  public ECKey ec() {
    return ec;
  }

  /** Publishes one more key in the JWKS, as a provider does when it rotates. */
  public void publish(JWK key) {
    published.add(key.toPublicJWK());
  }

  public int jwksReads() {
    return jwksReads.get();
  }

  /** Claims of a valid token of this provider for {@code subject} with {@code roles}, valid for five minutes. */
  public JWTClaimsSet.Builder claims(String subject, String... roles) {
    long now = System.currentTimeMillis();
    return new JWTClaimsSet.Builder().issuer(issuer().toString()).audience(AUDIENCE).subject(subject)
        .issueTime(new Date(now)).notBeforeTime(new Date(now)).expirationTime(new Date(now + 300_000))
        .claim("realm_access", Map.of("roles", List.of(roles)));
  }

  /** A valid RS256 token for {@code subject} with {@code roles}. */
  public String token(String subject, String... roles) throws JOSEException {
    return sign(rsa, claims(subject, roles).build());
  }

  /** The claims signed with {@code key} (RS256 for RSA, ES256 for EC), naming its key id. */
  public static String sign(JWK key, JWTClaimsSet claims) throws JOSEException {
    boolean isRsa = key instanceof RSAKey;
    JWSHeader header = new JWSHeader.Builder(isRsa ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256)
        .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(isRsa ? new RSASSASigner((RSAKey) key) : new ECDSASigner((ECKey) key));
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
