package io.urbis.api;

import java.net.URI;

/**
 * What the API layer takes from the configuration.
 *
 * @param title the service title on the landing page and in the API definition
 * @param description a sentence about the service
 * @param defaultLimit items per page when the client gives no limit
 * @param maxLimit the largest page; larger limits are served as this
 * @param publicUrl the base URL of every link, ending in a slash; null to take it from the request
 * @param trustedProxies whose forwarding headers name the public base URL when there is no {@code publicUrl}
 */
public record ApiSettings(String title, String description, int defaultLimit, int maxLimit, URI publicUrl,
    TrustedProxies trustedProxies) {

  /** Links from the request itself, with no proxy trusted. */
  public ApiSettings(String title, String description, int defaultLimit, int maxLimit) {
    this(title, description, defaultLimit, maxLimit, null, TrustedProxies.NONE);
  }
}
