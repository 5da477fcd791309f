package io.urbis.source;

import java.util.Set;

/**
 * What a writing client expects of the feature it writes, from its {@code If-Match} header (RFC 9110 13.1.1): any
 * current version ({@code *}), one of some versions, or nothing at all (no header). A feature that does not exist
 * meets no expectation but {@link #NONE}: a write expecting something of it fails its precondition (412) rather than
 * find nothing (404), as OGC 20-002 /req/create-replace-delete/put-rid-exception B asks.
 *
 * @param any whether any current version will do
 * @param versions the feature versions ({@link EncodedFeature#version()}) one of which the feature must have
 */
public record ExpectedVersion(boolean any, Set<String> versions) {

  /** No {@code If-Match}: the write goes ahead whatever the version. */
  public static final ExpectedVersion NONE = new ExpectedVersion(false, Set.of());
  /** {@code If-Match: *}: the write goes ahead when the feature exists. */
  public static final ExpectedVersion ANY = new ExpectedVersion(true, Set.of());

  public ExpectedVersion {
    versions = Set.copyOf(versions);
  }

  /** Whether the client expects anything, so that an absent feature fails the precondition. */
  public boolean isConditional() {
    return any || !versions.isEmpty();
  }

  /** Whether a feature of version {@code current} meets the expectation. */
  public boolean admits(String current) {
    return !isConditional() || any || versions.contains(current);
  }
}
