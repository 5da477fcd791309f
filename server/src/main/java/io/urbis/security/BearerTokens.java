package io.urbis.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenID Connect bearer tokens: a JWT is accepted when an asymmetric key of the provider's JWKS signed it (RSA, RSA-PSS
 * or ECDSA; so {@code alg: none} and HMAC signed with the public key never pass), its issuer is the configured one,
 * its audience holds the configured one, and it has not expired and is already valid, within a small clock skew.
 *
 * <p>The provider's discovery document ({@code {issuer}/.well-known/openid-configuration}) is read with the first
 * token, not at start, so Urbis starts while the provider is down. Its {@code jwks_uri} is cached for five minutes
 * and read again when a token names an unknown key ({@code kid}: the provider rotated its keys), at most twice in 30
 * seconds so that made-up key ids cannot drive load to the provider. While the provider cannot be reached a token
 * gets a 503, never a 401 and never the public's view.
 */
public final class BearerTokens {

  private static final Logger LOG = LoggerFactory.getLogger(BearerTokens.class);
  private static final int TIMEOUT_MILLIS = 2_000;
  private static final int SIZE_LIMIT_BYTES = 256 * 1024;
  private static final long RETRY_NANOS =
      TimeUnit.SECONDS.toNanos(IdentityProviderUnavailableException.RETRY_AFTER_SECONDS);
  private static final Set<JWSAlgorithm> ASYMMETRIC = asymmetricAlgorithms();

  /**
   * How tokens are checked.
   *
   * @param issuer the provider's issuer identifier, exactly as tokens carry it in {@code iss}
   * @param audience what {@code aud} must hold (the client id Urbis has at the provider)
   * @param rolesClaim the dotted path of the claim with the roles, e.g. {@code realm_access.roles}
   * @param clockSkewSeconds how far clocks may disagree when {@code exp} and {@code nbf} are checked
   */
  public record Settings(URI issuer, String audience, String rolesClaim, int clockSkewSeconds) {

    public static final String DEFAULT_ROLES_CLAIM = "realm_access.roles";
    public static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;
  }

  private final Settings settings;
  private final ResourceRetriever retriever = new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS,
      SIZE_LIMIT_BYTES);
  private volatile ConfigurableJWTProcessor<SecurityContext> processor;
  private long nextDiscoveryNanos = System.nanoTime();
  private String reportedForeignIssuer;

  public BearerTokens(Settings settings) {
    this.settings = settings;
  }

  /**
   * The caller the token speaks for.
   *
   * @throws AuthenticationFailedException when the token does not hold
   * @throws IdentityProviderUnavailableException when the provider's keys cannot be had to tell
   */
  public Caller caller(String token) {
    JWTClaimsSet claims;
    try {
      // parsed first, so that what is no JWT at all is refused even while the provider is down
      JWT jwt = JWTParser.parse(token);
      claims = processor().process(jwt, null);
    } catch (BadJOSEException e) {
      // nimbus's own sentences ("Expired JWT", "Signed JWT rejected: Invalid signature"), never the token
      LOG.debug("bearer token refused: {}", e.getMessage());
      throw AuthenticationFailedException.invalidToken();
    } catch (ParseException e) {
      LOG.debug("bearer token refused: not a JWT");
      throw AuthenticationFailedException.invalidToken();
    } catch (RateLimitReachedException e) {
      LOG.debug("bearer token refused: its key id is unknown and the JWKS was just read");
      throw AuthenticationFailedException.invalidToken();
    } catch (KeySourceException e) {
      LOG.warn("the JWKS of {} cannot be read: {}", settings.issuer(), e.getMessage());
      throw new IdentityProviderUnavailableException();
    } catch (JOSEException e) {
      LOG.debug("bearer token refused: {}", e.getMessage());
      throw AuthenticationFailedException.invalidToken();
    }
    String name = claims.getSubject() != null ? claims.getSubject() : "(no subject)";
    return new Caller(name, roles(claims));
  }

  private ConfigurableJWTProcessor<SecurityContext> processor() {
    ConfigurableJWTProcessor<SecurityContext> ready = processor;
    return ready != null ? ready : discover();
  }

  /** Reads the discovery document once; after a failure, not again before the Retry-After time has passed. */
  private synchronized ConfigurableJWTProcessor<SecurityContext> discover() {
    if (processor != null) {
      return processor;
    }
    if (System.nanoTime() - nextDiscoveryNanos < 0) {
      throw new IdentityProviderUnavailableException();
    }
    URI discovery = URI.create(withoutTrailingSlash(settings.issuer().toString())
        + "/.well-known/openid-configuration");
    try {
      Map<String, Object> document = JSONObjectUtils.parse(retriever.retrieveResource(discovery.toURL()).getContent());
      String named = JSONObjectUtils.getString(document, "issuer");
      if (!settings.issuer().toString().equals(named)) {
        reportForeignIssuer(discovery, named);
        throw unavailableForNow();
      }
      URI jwks = JSONObjectUtils.getURI(document, "jwks_uri");
      if (jwks == null || !jwks.isAbsolute()) {
        throw new IOException("it has no absolute jwks_uri");
      }
      processor = processorFor(jwks.toURL());
      LOG.info("bearer tokens of {} are checked against {}", settings.issuer(), jwks);
      return processor;
    } catch (IOException | ParseException | IllegalArgumentException e) {
      LOG.warn("the OpenID Connect discovery document {} cannot be used: {}", discovery, e.getMessage());
      throw unavailableForNow();
    }
  }

  /**
   * The provider names another issuer than ours, so none of its tokens can pass (OpenID Connect Discovery 1.0 §4.3
   * forbids trusting it anyway): a configuration error on one side, told once per name the provider gives, while
   * discovery is still retried so that a provider put right is taken without a restart.
   */
  private void reportForeignIssuer(URI discovery, String named) {
    if (Objects.equals(named, reportedForeignIssuer)) {
      LOG.debug("{} still names the issuer '{}'", discovery, named);
      return;
    }
    reportedForeignIssuer = named;
    LOG.error("{} names the issuer '{}', but security.openIdConnect.issuer is '{}': they must be identical, so every"
        + " bearer token gets a 503 until security.openIdConnect.issuer is set to the provider's issuer or the"
        + " provider's public URL (Keycloak: its hostname) is put right", discovery, named, settings.issuer());
  }

  private IdentityProviderUnavailableException unavailableForNow() {
    nextDiscoveryNanos = System.nanoTime() + RETRY_NANOS;
    return new IdentityProviderUnavailableException();
  }

  private ConfigurableJWTProcessor<SecurityContext> processorFor(URL jwksUrl) {
    // every read is told, so that the provider's load from key look-ups can be followed
    ResourceRetriever jwksRetriever = url -> {
      LOG.debug("reading the JWKS {}", url);
      return retriever.retrieveResource(url);
    };
    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwksUrl, jwksRetriever)
        .rateLimited(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL)
        .build();
    DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
    // RFC 9068 access tokens say at+jwt; Keycloak's say JWT
    jwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
        null));
    jwt.setJWSKeySelector(new JWSVerificationKeySelector<>(ASYMMETRIC, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
        new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(), Set.of("exp"), null);
    claims.setMaxClockSkew(settings.clockSkewSeconds());
    jwt.setJWTClaimsSetVerifier(claims);
    return jwt;
  }

  /** The strings at the roles claim's path: a list of them, or one; none when the claim is absent. */
  private Set<String> roles(JWTClaimsSet claims) {
    Object value = claims.getClaims();
    for (String step : settings.rolesClaim().split("\\.")) {
      value = value instanceof Map<?, ?> object ? object.get(step) : null;
    }
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof String role) {
      roles.add(role);
    } else if (value instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(roles::add);
    }
    return roles;
  }

  private static Set<JWSAlgorithm> asymmetricAlgorithms() {
    Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
    algorithms.addAll(JWSAlgorithm.Family.EC);
    return Set.copyOf(algorithms);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
