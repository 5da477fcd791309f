package io.urbis.source;

import io.urbis.catalog.Collection;
import java.util.List;

/**
 * Changes the features of a source's collections (OGC API - Features Part 4: create, replace, update, delete). Each
 * call is one transaction: it locks the feature, compares its version with what the caller expects, writes, and
 * records who changed what in the source's audit trail; or it changes nothing at all.
 *
 * <p>Every call takes the collection as the caller sees it ({@code CatalogView}): only its visible properties are
 * written, hidden ones keep their stored values, and a feature outside its row filter is absent, as when reading.
 * Bodies arrive validated against that collection ({@link FeatureContent}, {@link FeaturePatch}: known properties of
 * the right JSON types, the geometry in the storage CRS); what only the store can tell (a key taken, a value out of
 * its column's range) is the editor's to refuse.
 *
 * <p>Failures are {@code io.urbis.error} exceptions with their HTTP status: {@code NotFoundException} (404) for a
 * feature that does not exist or lies outside the row filter, {@code PreconditionFailedException} (412) when the
 * expected version does not hold, {@code UrbisException} 403 when the written feature would lie outside the row
 * filter, 409 when a created feature's id is taken, 400 when a value does not fit its column.
 * {@link SourceUnavailableException} and {@link SourceFailureException} as for reads.
 */
public interface FeatureEditor {

  /**
   * Makes the collections ready to be written, when the server starts: checks that they can be written (tables, not
   * read-only views; the database user's privileges) and creates the audit trail where there is none.
   *
   * @param writable the whole collections some caller may write, all of this source
   * @throws io.urbis.config.ConfigException naming the collection or audit trail and the fix when they cannot be
   *     written
   */
  void open(List<Collection> writable);

  /** What the collection's store requires of a written feature beyond the JSON types of its properties. */
  WriteRules rules(Collection collection);

  /**
   * Adds a feature.
   *
   * @param feature its id ({@code null}: the store assigns one) and content; properties it does not name take their
   *     default values
   * @param caller who writes, as the audit trail names it
   */
  WrittenFeature create(Collection collection, FeatureContent feature, String caller);

  /**
   * Replaces the feature's geometry and the properties {@code feature} names (the API names every visible one); the
   * properties hidden from the caller keep their values. The id in {@code feature} is ignored.
   */
  WrittenFeature replace(Collection collection, String featureId, FeatureContent feature, ExpectedVersion expected,
      String caller);

  /** Changes what {@code patch} names (RFC 7396 JSON Merge Patch) and keeps everything else. */
  WrittenFeature update(Collection collection, String featureId, FeaturePatch patch, ExpectedVersion expected,
      String caller);

  /** Removes the feature. */
  void delete(Collection collection, String featureId, ExpectedVersion expected, String caller);
}
