package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.urbis.security.ApiKeys;
import io.urbis.security.BearerTokens;
import io.urbis.security.Operators;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code security} key of the configuration: who a caller is. Without it every caller is anonymous (role
 * {@code public}).
 *
 * @param apiKeys keys sent in {@code X-API-Key}, each kept as its SHA-256 and mapped to roles
 * @param openIdConnect the provider whose bearer tokens are accepted; none by default
 * @param operatorRole the role that may read {@code /metrics} and the detail of {@code /ready}; {@code operator} by
 *     default, and {@link #operatorRoleName} checks it
 */
public record SecurityConfig(
    @JsonProperty("apiKeys") List<ApiKey> apiKeys,
    @JsonProperty("openIdConnect") OpenIdConnect openIdConnect,
    @JsonProperty("operatorRole") String operatorRole) {

  /**
   * One API key.
   *
   * @param name who holds the key, as logs name the caller
   * @param sha256 the SHA-256 of the key in 64 hex digits ({@code urbis hash-key} prints it); never the key
   * @param roles the roles the key gives (at least one)
   */
  public record ApiKey(@JsonProperty("name") String name, @JsonProperty("sha256") String sha256,
      @JsonProperty("roles") List<String> roles) {}

  /**
   * An OpenID Connect provider.
   *
   * @param issuer its issuer URL; the discovery document is read from {@code {issuer}/.well-known/openid-configuration}
   * @param audience what tokens must name in {@code aud}
   * @param rolesClaim the dotted path of the roles claim (default {@code realm_access.roles}, as Keycloak puts them)
   * @param clockSkewSeconds how far clocks may disagree on expiry and not-before (default 60)
   */
  public record OpenIdConnect(@JsonProperty("issuer") String issuer, @JsonProperty("audience") String audience,
      @JsonProperty("rolesClaim") String rolesClaim, @JsonProperty("clockSkewSeconds") Integer clockSkewSeconds) {}

  public static final SecurityConfig NONE = new SecurityConfig(List.of(), null, null);

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_CLOCK_SKEW_SECONDS = 600;

  /** The API keys, checked; the message names the entry and the fix. */
  public ApiKeys keys() {
    if (apiKeys == null) {
      return ApiKeys.NONE;
    }
    List<ApiKeys.Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> hashes = new HashSet<>();
    for (int i = 0; i < apiKeys.size(); i++) {
      ApiKey key = apiKeys.get(i);
      String at = "security.apiKeys[" + i + "]";
      require(key != null && key.name() != null && !key.name().isBlank(), at + ".name is missing: name who holds"
          + " the key");
      at += " (" + key.name() + ")";
      require(names.add(key.name()), at + ": another key has the same name");
      String hex = key.sha256() == null ? "" : key.sha256().trim().toLowerCase(Locale.ROOT);
      require(SHA256_HEX.matcher(hex).matches(), at + ".sha256 must be 64 hexadecimal digits, the SHA-256 of the key:"
          + " pipe the key into 'urbis hash-key'");
      require(hashes.add(hex), at + ".sha256 is the hash of another key too: give each holder a key of its own");
      require(key.roles() != null && !key.roles().isEmpty() && key.roles().stream()
          .allMatch(role -> role != null && !role.isBlank()), at + ".roles is empty: list the roles the key gives,"
          + " e.g. [planner]");
      entries.add(new ApiKeys.Entry(key.name(), HexFormat.of().parseHex(hex), Set.copyOf(key.roles())));
    }
    return new ApiKeys(entries);
  }

  /** How bearer tokens are checked, checked itself; null when no provider is configured. */
  public BearerTokens.Settings bearerTokens() {
    if (openIdConnect == null) {
      return null;
    }
    URI issuer = issuer(openIdConnect.issuer());
    require(openIdConnect.audience() != null && !openIdConnect.audience().isBlank(), "security.openIdConnect"
        + ".audience is missing: name the client id tokens for Urbis carry in 'aud', e.g. urbis");
    String rolesClaim = openIdConnect.rolesClaim() == null ? BearerTokens.Settings.DEFAULT_ROLES_CLAIM
        : openIdConnect.rolesClaim();
    require(!rolesClaim.isBlank() && !rolesClaim.startsWith(".") && !rolesClaim.endsWith(".")
        && !rolesClaim.contains(".."), "security.openIdConnect.rolesClaim must be a claim name or a dotted path such"
        + " as realm_access.roles, got '" + rolesClaim + "'");
    int skew = openIdConnect.clockSkewSeconds() == null ? BearerTokens.Settings.DEFAULT_CLOCK_SKEW_SECONDS
        : openIdConnect.clockSkewSeconds();
    require(skew >= 0 && skew <= MAX_CLOCK_SKEW_SECONDS, "security.openIdConnect.clockSkewSeconds must be between 0"
        + " and " + MAX_CLOCK_SKEW_SECONDS + ", got " + skew);
    return new BearerTokens.Settings(issuer, openIdConnect.audience(), rolesClaim, skew);
  }

  /**
   * The issuer, checked to be written as providers write it: OpenID Connect Discovery 1.0 §4.3 wants the discovery
   * document's {@code issuer} identical to the URL it was read from, so a spelling that reaches the same document
   * (a trailing slash, the default port) would be refused there with every token.
   */
  private static URI issuer(String value) {
    String fix = ": write it exactly as the provider's discovery document names its 'issuer', such as"
        + " https://idp.example.org/realms/city (Keycloak: http(s)://host[:port]/realms/<realm>, no trailing slash),"
        + " got '" + value + "'";
    require(value != null, "security.openIdConnect.issuer is missing" + fix);
    URI issuer;
    try {
      issuer = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException("security.openIdConnect.issuer is no URL" + fix);
    }
    String scheme = issuer.getScheme() == null ? "" : issuer.getScheme().toLowerCase(Locale.ROOT);
    require((scheme.equals("http") || scheme.equals("https")) && issuer.getHost() != null,
        "security.openIdConnect.issuer must be the provider's http or https URL" + fix);
    require(issuer.getRawQuery() == null && issuer.getRawFragment() == null,
        "security.openIdConnect.issuer must have no query or fragment" + fix);
    // a path of just "/" is left alone: some providers (Auth0) name their issuer so
    String path = issuer.getRawPath();
    require(path.length() <= 1 || !path.endsWith("/"), "security.openIdConnect.issuer must not end with '/'" + fix);
    int defaultPort = scheme.equals("https") ? 443 : 80;
    require(issuer.getPort() != defaultPort, "security.openIdConnect.issuer must not name " + scheme
        + "'s default port " + defaultPort + fix);
    return issuer;
  }

  /** The operator role, checked: {@code operator} when not set. */
  public String operatorRoleName() {
    if (operatorRole == null) {
      return Operators.DEFAULT_ROLE;
    }
    require(!operatorRole.isBlank(), "security.operatorRole is empty: name the role that may read /metrics and the"
        + " detail of /ready, e.g. " + Operators.DEFAULT_ROLE);
    return operatorRole;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
