package io.urbis.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keycloak, the real identity provider of the tests of OpenID Connect tokens: the distribution that Maven unpacks into
 * {@code target/keycloak} (org.keycloak:keycloak-quarkus-dist, see the pom), started in dev mode on free loopback
 * ports with an in-memory database and the realms of {@code src/test/resources/keycloak} imported:
 * {@value #REALM} (the {@link User}s) and {@value #OTHER_REALM} (a planner of another issuer). The realm
 * {@value #REALM} signs its tokens with an RSA key that the tests make for each run and hand to it in the import, so
 * that they can sign tokens as Keycloak does ({@link #signAsRealm}) with exactly one claim changed; no private key is
 * kept in the sources. Keycloak needs Java 21 or newer, so it runs on a JDK of its own while the tests and Urbis stay on
 * Java 17. Its output goes to {@code target/keycloak.log}. {@link KeycloakExtension} starts it once per test run.
 */
public final class Keycloak implements AutoCloseable {

  /** With {@code -Dkeycloak.skip=true} Maven neither fetches nor unpacks Keycloak, and its tests are skipped. */
  public static final String SKIP = "keycloak.skip";
  /** The unpacked distribution; the pom sets it. */
  public static final String HOME = "keycloak.home";
  /** A JDK 21 or newer to run Keycloak on, in place of the newest found (this JVM's, those in {@link #JVMS}). */
  public static final String JAVA_HOME = "keycloak.javaHome";
  public static final String REALM = "urbis";
  public static final String OTHER_REALM = "other";
  /** The client of both realms; its tokens carry it as their audience. */
  public static final String CLIENT = "urbis";
  /** Another client of the realm {@value #REALM}, whose tokens carry it as their audience, not {@value #CLIENT}. */
  public static final String OTHER_CLIENT = "viewer";
  /** Keycloak's own client of every realm: its tokens carry no audience at all (the users have no client roles). */
  public static final String ADMIN_CLI = "admin-cli";

  private static final int JAVA_NEEDED = 21;
  private static final Path JVMS = Path.of("/usr/lib/jvm");
  /** About 35 s here after a fresh unpack (15 s of it the dev mode's build step), 10 to 20 s after that. */
  private static final Duration STARTUP = Duration.ofSeconds(240);
  private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
  /**
   * The priority Keycloak gives the keys it makes; it makes none for a realm imported with a key provider, so the
   * tests' key is the realm's one RSA signing key.
   */
  private static final String SIGNING_KEY_PRIORITY = "100";

  /** The users of the realm {@value #REALM}, one per role. */
  public enum User {
    CITIZEN("citizen", "citizen-password", "citizen"),
    PLANNER("planner", "planner-password", "planner"),
    ENERGY_MANAGER("energy", "energy-password", "energy-manager");

    public final String username;
    public final String password;
    /** The realm role it has, in the token's {@code realm_access.roles}. */
    public final String role;

    User(String username, String password, String role) {
      this.username = username;
      this.password = password;
      this.role = role;
    }
  }

  private final ChildProcess process;
  private final URI baseUri;
  private final KeyPair realmKey;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private Keycloak(ChildProcess process, URI baseUri, KeyPair realmKey) {
    this.process = process;
    this.baseUri = baseUri;
    this.realmKey = realmKey;
  }

  /** What keeps Keycloak from running here, said so that one can fix it; empty when it can run. */
  static Optional<String> missing() {
    if (Boolean.getBoolean(SKIP)) {
      return Optional.of("Keycloak skipped: -D" + SKIP + "=true");
    }
    if (System.getProperty(HOME) == null || !Files.isExecutable(home().resolve("bin/kc.sh"))) {
      return Optional.of("no Keycloak distribution at -D" + HOME + "=" + System.getProperty(HOME) + ": run the tests "
          + "with Maven (mvn verify unpacks org.keycloak:keycloak-quarkus-dist there, unless -Dkeycloak.skip=true)");
    }
    if (javaHome().isEmpty()) {
      String looked = System.getProperty(JAVA_HOME) != null
          ? "-D" + JAVA_HOME + "=" + System.getProperty(JAVA_HOME) + " is not one"
          : "this JVM is " + Runtime.version().feature() + " and " + JVMS + " holds none; install one there or pass -D"
              + JAVA_HOME + "=...";
      return Optional.of("Keycloak needs a JDK " + JAVA_NEEDED + " or newer: " + looked);
    }
    return Optional.empty();
  }

  /**
   * Starts Keycloak with the realms imported and returns once the realm {@value #REALM} answers; stops it and fails
   * when it does not in time. {@link KeycloakExtension} calls it only when nothing is {@link #missing()}.
   */
  static Keycloak start() {
    Path home = home();
    KeyPair realmKey = rsaKeyPair();
    importRealms(home, realmKey);
    int port = ChildProcess.freePort();
    String origin = "http://127.0.0.1:" + port;
    List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-host=127.0.0.1", "--http-port=" + port,
        // the management interface stays off while health and metrics are, but should it open, not on a fixed port
        "--http-management-port=" + ChildProcess.freePort(),
        // one issuer whatever host name a client uses
        "--hostname=" + origin,
        // a fresh database per run: an import leaves realms that exist already as they are
        "--db=dev-mem", "--import-realm");
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
    environment.put("JAVA_HOME", javaHome().orElseThrow().toString());
    environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    Keycloak keycloak = new Keycloak(ChildProcess.start("Keycloak", builder, Urbis.target("keycloak.log")),
        URI.create(origin + "/"), realmKey);
    keycloak.process.awaitOk(keycloak.discovery(REALM), STARTUP);
    return keycloak;
  }

  private static Path home() {
    return Path.of(System.getProperty(HOME)).toAbsolutePath();
  }

  /**
   * Copies the realm files to where {@code --import-realm} reads them, in place of any from an earlier run, the
   * realm {@value #REALM} with the key it is to sign with.
   */
  private static void importRealms(Path home, KeyPair realmKey) {
    Path imports = home.resolve("data/import");
    try {
      Files.createDirectories(imports);
      try (Stream<Path> earlier = Files.list(imports)) {
        for (Path file : earlier.toList()) {
          Files.delete(file);
        }
      }
      for (String realm : List.of(REALM, OTHER_REALM)) {
        String name = realm + "-realm.json";
        try (InputStream file = Keycloak.class.getResourceAsStream("/keycloak/" + name)) {
          if (file == null) {
            throw new IllegalStateException("no test resource keycloak/" + name);
          }
          ObjectNode representation = (ObjectNode) Json.parse(file.readAllBytes());
          if (realm.equals(REALM)) {
            addSigningKey(representation, realmKey);
          }
          Files.writeString(imports.resolve(name), representation.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not lay out the realms in " + imports, e);
    }
  }

  /**
   * Gives a realm representation an RSA key provider (Keycloak's {@code rsa}, an imported key) holding {@code key},
   * active for RS256; Keycloak makes its certificate.
   */
  private static void addSigningKey(ObjectNode realm, KeyPair key) {
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    ObjectNode provider = realm.withObject("/components").withArray("org.keycloak.keys.KeyProvider").addObject()
        .put("name", "the key of the Urbis tests").put("providerId", "rsa");
    ObjectNode config = provider.putObject("config");
    config.putArray("privateKey").add(pem);
    config.putArray("priority").add(SIGNING_KEY_PRIORITY);
    config.putArray("algorithm").add("RS256");
    config.putArray("active").add("true");
    config.putArray("enabled").add("true");
  }

  /** {@code -Dkeycloak.javaHome} when new enough, else the newest JDK 21+ of this JVM's and those in {@link #JVMS}. */
  private static Optional<Path> javaHome() {
    String given = System.getProperty(JAVA_HOME);
    List<Path> candidates = new ArrayList<>();
    if (given != null) {
      candidates.add(Path.of(given));
    } else {
      candidates.add(Path.of(System.getProperty("java.home")));
      if (Files.isDirectory(JVMS)) {
        try (Stream<Path> jdks = Files.list(JVMS)) {
          jdks.forEach(candidates::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return candidates.stream()
        .filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && featureVersion(jdk) >= JAVA_NEEDED)
        .max(Comparator.comparingInt(Keycloak::featureVersion));
  }

  /** The Java feature version that a JDK's {@code release} file states, 0 when it states none. */
  private static int featureVersion(Path jdk) {
    try {
      Matcher version = JAVA_VERSION.matcher(Files.readString(jdk.resolve("release")));
      return version.find() ? Integer.parseInt(version.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** The issuer of the realm {@value #REALM}, as its tokens state it ({@code iss}). */
  public URI issuer() {
    return issuer(REALM);
  }

  /** The issuer of the realm {@value #OTHER_REALM}. */
  public URI issuerOfOtherRealm() {
    return issuer(OTHER_REALM);
  }

  private URI issuer(String realm) {
    return baseUri.resolve("realms/" + realm);
  }

  private URI discovery(String realm) {
    return URI.create(issuer(realm) + "/.well-known/openid-configuration");
  }

  /** The OpenID Connect discovery document of a realm. */
  public JsonNode discoveryDocument(String realm) {
    return getJson(discovery(realm));
  }

  /** The public keys of a realm (JWKS), from the address its discovery document names. */
  public JsonNode keys(String realm) {
    return getJson(URI.create(discoveryDocument(realm).path("jwks_uri").asText()));
  }

  private JsonNode getJson(URI uri) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + ": " + response.statusCode() + " " + response.body());
    }
    return Json.parse(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  /** An access token (a signed JWT) of a user of the realm {@value #REALM}. */
  public String token(User user) {
    return token(user.username, user.password);
  }

  /** An access token of the realm {@value #REALM} by the password grant; fails when Keycloak refuses it. */
  public String token(String username, String password) {
    return token(REALM, CLIENT, username, password);
  }

  /** An access token of a user of the realm {@value #OTHER_REALM}: same client and audience, another issuer. */
  public String tokenOfOtherRealm(String username, String password) {
    return token(OTHER_REALM, CLIENT, username, password);
  }

  /**
   * An access token of a user of the realm {@value #REALM} for another of its clients ({@link #OTHER_CLIENT},
   * {@link #ADMIN_CLI}): a token of the right issuer and keys that is not meant for Urbis.
   */
  public String tokenForClient(String client, User user) {
    return token(REALM, client, user.username, user.password);
  }

  private String token(String realm, String client, String username, String password) {
    String form = Map.of("grant_type", "password", "client_id", client, "username", username, "password", password)
        .entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused a token of " + username + " in realm " + realm + ": "
          + response.statusCode() + " " + response.body());
    }
    return Json.parse(response.body()).path("access_token").asText();
  }

  /**
   * The JWS signing input ({@code header.payload}, both base64url) signed as the realm {@value #REALM} signs its
   * tokens: RS256 under its signing key. Signed so, a token of the realm is byte for byte the one Keycloak issued.
   */
  public String signAsRealm(String headerAndPayload) {
    return signRs256(realmKey.getPrivate(), headerAndPayload);
  }

  /** A JWS signing input ({@code header.payload}) completed with its RS256 signature under {@code key}. */
  public static String signRs256(PrivateKey key, String headerAndPayload) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(headerAndPayload.getBytes(StandardCharsets.US_ASCII));
      return headerAndPayload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signature: " + e.getMessage(), e);
    }
  }

  /** A new RSA key pair of 2048 bits, as Keycloak makes them. */
  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key pair: " + e.getMessage(), e);
    }
  }

  /** The header of a JWT ({@code alg}, {@code kid}), decoded. */
  public static JsonNode header(String jwt) {
    return decodedPart(jwt, 0);
  }

  /** The claims of a JWT: its payload, decoded but not verified. */
  public static JsonNode claims(String jwt) {
    return decodedPart(jwt, 1);
  }

  /** The audience of JWT claims: {@code aud} is one string or an array of them; none when it is absent. */
  public static Set<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    if (aud.isTextual()) {
      return Set.of(aud.asText());
    }
    return Json.elements(aud).stream().map(JsonNode::asText).collect(Collectors.toSet());
  }

  private static JsonNode decodedPart(String jwt, int index) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a signed JWT (header.payload.signature): " + jwt);
    }
    return Json.parse(Base64.getUrlDecoder().decode(parts[index]));
  }

  /** The last lines Keycloak printed. */
  public String output() {
    return process.output();
  }

  @Override
  public void close() {
    process.close();
  }
}
