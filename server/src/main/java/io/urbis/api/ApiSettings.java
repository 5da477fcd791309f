package io.urbis.api;

/**
 * What the API layer takes from the configuration.
 *
 * @param title the service title on the landing page and in the API definition
 * @param description a sentence about the service
 * @param defaultLimit items per page when the client gives no limit
 * @param maxLimit the largest page; larger limits are served as this
 */
public record ApiSettings(String title, String description, int defaultLimit, int maxLimit) {}
