package io.urbis.sensorthings;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource path of 18-088 clause 9.2: an entity set or entity, then navigation properties (an entity set may be
 * followed by an id), then optionally a property ({@code /name}, its raw value with {@code /$value}) or {@code $ref}.
 * A path naming nothing of the model is a 404, as for any resource that does not exist.
 *
 * @param steps the entity sets and entities walked, the first one an entity set of the service root
 * @param property the property addressed at the end, or null
 * @param rawValue whether {@code $value} follows the property
 * @param reference whether {@code $ref} ends the path
 */
record ResourcePath(List<Step> steps, EntityProperty property, boolean rawValue, boolean reference) {

  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\((\\d{1,18})\\))?");

  /**
   * One entity set or entity of the path.
   *
   * @param type its entity type
   * @param via the navigation property that leads here from the step before, null for the first
   * @param id the entity's id, or null for the whole set (or the one entity a to-one navigation leads to)
   */
  record Step(EntityType type, Navigation via, Long id) {

    boolean single() {
      return id != null || (via != null && via.toOne());
    }
  }

  static ResourcePath parse(String path) {
    String[] segments = path.split("/", -1);
    List<Step> steps = new ArrayList<>();
    Matcher first = SEGMENT.matcher(segments[0]);
    EntityType root = first.matches() ? EntityType.bySetName(first.group(1)).orElse(null) : null;
    if (root == null) {
      throw notFound(path);
    }
    steps.add(new Step(root, null, id(first)));
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      Step last = steps.get(steps.size() - 1);
      boolean end = i == segments.length - 1;
      if (segment.equals("$ref") && end) {
        return new ResourcePath(steps, null, false, true);
      }
      if (!last.single()) {
        throw notFound(path);
      }
      Matcher named = SEGMENT.matcher(segment);
      if (!named.matches()) {
        throw notFound(path);
      }
      Navigation navigation = last.type().navigation(named.group(1)).orElse(null);
      if (navigation != null && !(navigation.toOne() && named.group(2) != null)) {
        steps.add(new Step(navigation.target(), navigation, id(named)));
        continue;
      }
      EntityProperty property = named.group(2) == null ? last.type().property(segment).orElse(null) : null;
      boolean rawValue = i == segments.length - 2 && segments[i + 1].equals("$value");
      if (property == null || !(end || rawValue)) {
        throw notFound(path);
      }
      return new ResourcePath(steps, property, rawValue, false);
    }
    return new ResourcePath(steps, null, false, false);
  }

  private static Long id(Matcher segment) {
    return segment.group(2) == null ? null : Long.valueOf(segment.group(2));
  }

  private static NotFoundException notFound(String path) {
    return new NotFoundException("no SensorThings resource at '" + path + "'");
  }

  Step last() {
    return steps.get(steps.size() - 1);
  }

  EntityType type() {
    return last().type();
  }

  /** Whether the path ends in an entity set (a page of entities) rather than one entity. */
  boolean collection() {
    return property == null && !last().single();
  }

  /** The path without its last step: the entity an entity set at the end belongs to; null for a root set. */
  ResourcePath parent() {
    return steps.size() == 1 ? null : new ResourcePath(steps.subList(0, steps.size() - 1), null, false, false);
  }

  /** The condition (alias {@code t}) that selects the rows of the last step. */
  CompiledSql where(String schema) {
    return where(schema, steps.size() - 1);
  }

  private CompiledSql where(String schema, int index) {
    Step step = steps.get(index);
    CompiledSql belongs = step.via() == null ? CompiledSql.text("TRUE")
        : step.via().condition(schema, CompiledSql.concat("SELECT t.id FROM " + schema + "."
            + steps.get(index - 1).type().table() + " t WHERE ", where(schema, index - 1)));
    return step.id() == null ? belongs : CompiledSql.concat(belongs, " AND t.id = ", CompiledSql.bind(step.id(),
        "bigint"));
  }
}
