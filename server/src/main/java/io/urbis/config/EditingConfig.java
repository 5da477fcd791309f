package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Set;

/**
 * The {@code editing} key of the configuration: how writes to collections (OGC API - Features Part 4) are taken. Who
 * may write is the access rules' to say ({@code access.collections.<id>.<role>: write}).
 *
 * <pre>
 * editing:
 *   requireIfMatch: false      # every collection, unless listed below
 *   collections:
 *     buildings:
 *       requireIfMatch: true   # PUT, PATCH and DELETE without If-Match are a 428
 * </pre>
 *
 * @param requireIfMatch whether replacing, updating and deleting features needs {@code If-Match}, so that no client
 *     overwrites a change it has not seen; false when not given
 * @param collections the settings of listed collections, by collection id
 */
public record EditingConfig(
    @JsonProperty("requireIfMatch") Boolean requireIfMatch,
    @JsonProperty("collections") Map<String, CollectionEditing> collections) {

  /** If-Match is asked for nowhere. */
  public static final EditingConfig DEFAULTS = new EditingConfig(false, Map.of());

  /** @param requireIfMatch as {@link EditingConfig#requireIfMatch}, for this collection; the default when not given */
  public record CollectionEditing(@JsonProperty("requireIfMatch") Boolean requireIfMatch) {}

  /** Whether writes to the collection need {@code If-Match}. */
  public boolean requiresIfMatch(String collectionId) {
    CollectionEditing listed = collections == null ? null : collections.get(collectionId);
    if (listed != null && listed.requireIfMatch() != null) {
      return listed.requireIfMatch();
    }
    return Boolean.TRUE.equals(requireIfMatch);
  }

  /**
   * Checks that every listed collection is published.
   *
   * @throws ConfigException naming the key of an unknown collection
   */
  public void check(Set<String> collectionIds) {
    if (collections == null) {
      return;
    }
    for (String id : collections.keySet()) {
      if (!collectionIds.contains(id)) {
        throw new ConfigException("editing.collections." + id + ": there is no collection '" + id
            + "'; collections are " + collectionIds.stream().sorted().toList());
      }
    }
  }
}
