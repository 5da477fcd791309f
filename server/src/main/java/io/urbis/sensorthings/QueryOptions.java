package io.urbis.sensorthings;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.error.InvalidParameterException;
import io.urbis.error.UrbisException;
import io.urbis.sensorthings.filter.FilterExpression;
import io.urbis.sensorthings.filter.FilterExpression.PropertyPath;
import io.urbis.sensorthings.filter.FilterParser;
import io.urbis.sensorthings.filter.FilterSqlCompiler;
import io.urbis.sensorthings.filter.InvalidFilterException;
import io.urbis.sensorthings.filter.TypedSql;
import io.urbis.sensorthings.filter.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query options of 18-088 clause 9.3 a request gives, parsed and checked against the entity type before any SQL:
 * {@code $top} (at most the server's page size; a larger one is replaced by it, 9.3.3.2), {@code $skip},
 * {@code $count}, {@code $select}, {@code $orderby} and {@code $filter}.
 *
 * @param top entities per page
 * @param skip entities skipped
 * @param count whether {@code @iot.count} is given
 * @param select the names selected (properties, navigation properties, {@code id}); empty for all
 * @param orderBy the SQL of the ordering, ending in the id so pages are stable; terms are properties, JSON members
 *     and paths through navigation properties to one entity, as in {@code $filter}
 * @param filter the SQL condition of {@code $filter}, TRUE without one
 */
record QueryOptions(int top, int skip, boolean count, Set<String> select, CompiledSql orderBy,
    CompiledSql filter) {

  private static final Set<String> OPTIONS = Set.of("$top", "$skip", "$count", "$select", "$orderby", "$filter");
  private static final Set<String> LATER = Set.of("$expand", "$resultFormat");

  /** @param schema the quoted schema of the tables that filters through navigation properties read */
  static QueryOptions parse(EntityType type, String schema, Map<String, List<String>> parameters, int defaultTop,
      int maxTop) {
    for (String name : parameters.keySet()) {
      if (LATER.contains(name)) {
        throw new UrbisException(501, "NotImplemented", name + " is not supported yet");
      }
      if (!OPTIONS.contains(name)) {
        throw new InvalidParameterException(name, "unknown query option; SensorThings takes " + OPTIONS);
      }
      if (parameters.get(name).size() > 1) {
        throw new InvalidParameterException(name, "given more than once");
      }
    }
    int top = Math.min(number(parameters, "$top", defaultTop), maxTop);
    int skip = number(parameters, "$skip", 0);
    String count = single(parameters, "$count", "false");
    if (!count.equals("true") && !count.equals("false")) {
      throw new InvalidParameterException("$count", "must be true or false, got '" + count + "'");
    }
    return new QueryOptions(top, skip, count.equals("true"), select(type, single(parameters, "$select", null)),
        orderBy(type, schema, single(parameters, "$orderby", null)),
        filter(type, schema, single(parameters, "$filter", null)));
  }

  private static String single(Map<String, List<String>> parameters, String name, String fallback) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  private static int number(Map<String, List<String>> parameters, String name, int fallback) {
    String text = single(parameters, name, null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below, as a negative number is
    }
    throw new InvalidParameterException(name, "must be a non-negative integer, got '" + text + "'");
  }

  private static Set<String> select(EntityType type, String text) {
    if (text == null) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim();
      if (!name.equals("id") && type.property(name).isEmpty() && type.navigation(name).isEmpty()) {
        throw new InvalidParameterException("$select", type.entityName() + " has no property '" + name + "'");
      }
      names.add(name);
    }
    return Set.copyOf(names);
  }

  private static CompiledSql orderBy(EntityType type, String schema, String text) {
    List<Object> terms = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",", -1)) {
        String[] words = part.trim().split("\\s+");
        if (words.length > 2 || (words.length == 2 && !words[1].equals("asc") && !words[1].equals("desc"))) {
          throw new InvalidParameterException("$orderby", "expected a property, optionally followed by asc or"
              + " desc, got '" + part.trim() + "'");
        }
        terms.add(sortable(type, schema, words[0]));
        terms.add((words.length == 2 ? " " + words[1].toUpperCase(Locale.ROOT) : "") + ", ");
      }
    }
    terms.add("t.id");
    return CompiledSql.concat(terms.toArray());
  }

  /** The SQL a property path sorts by: its value (an interval's start); geometries do not sort. */
  private static CompiledSql sortable(EntityType type, String schema, String text) {
    try {
      if (!(FilterParser.parse(text) instanceof PropertyPath path)) {
        throw new InvalidParameterException("$orderby", "'" + text + "' is not a property");
      }
      TypedSql value = resolve(type, schema, path, 0, "t");
      if (value.type() == ValueType.GEOMETRY) {
        throw new InvalidParameterException("$orderby", text + " is a geometry and has no order");
      }
      return value.sql();
    } catch (InvalidFilterException e) {
      throw new InvalidParameterException("$orderby", e.getMessage());
    }
  }

  private static CompiledSql filter(EntityType type, String schema, String text) {
    if (text == null) {
      return CompiledSql.text("TRUE");
    }
    try {
      FilterExpression filter = FilterParser.parse(text);
      return new FilterSqlCompiler(path -> resolve(type, schema, path, 0, "t")).where(filter);
    } catch (InvalidFilterException e) {
      throw new InvalidParameterException("$filter", e.getMessage());
    }
  }

  /**
   * A property of the type, {@code id}, a key path into a JSON property ({@code properties/owner}), or any of these
   * behind to-one navigation properties ({@code Datastream/Thing/name}), read from the row {@code alias}.
   */
  private static TypedSql resolve(EntityType type, String schema, PropertyPath path, int from, String alias) {
    List<String> segments = path.segments().subList(from, path.segments().size());
    Navigation navigation = type.navigation(segments.get(0)).orElse(null);
    if (navigation != null && segments.size() > 1) {
      if (!navigation.toOne()) {
        throw new InvalidFilterException(path.position(), segments.get(0) + " is an entity set; a filter can follow"
            + " only navigation properties to one entity: '" + path.text() + "'");
      }
      String target = "n" + (from + 1);
      TypedSql value = resolve(navigation.target(), schema, path, from + 1, target);
      return new TypedSql(navigation.targetValue(schema, alias, target, value.sql()), value.type(),
          value.end() == null ? null : navigation.targetValue(schema, alias, target, value.end()));
    }
    TypedSql own = ownProperty(type, path, segments);
    return new TypedSql(aliased(own.sql(), alias), own.type(), own.end() == null ? null : aliased(own.end(), alias));
  }

  private static TypedSql ownProperty(EntityType type, PropertyPath path, List<String> segments) {
    if (segments.size() == 1 && segments.get(0).equals("id")) {
      return EntityProperty.typed("t.id", ValueType.NUMBER);
    }
    EntityProperty property = type.property(segments.get(0)).orElseThrow(() -> new InvalidFilterException(
        path.position(), type.entityName() + " has no property '" + String.join("/", segments) + "'"));
    if (segments.size() == 1) {
      return property.value();
    }
    if (!property.freeForm()) {
      throw new InvalidFilterException(path.position(), segments.get(0) + " has no members: '" + path.text() + "'");
    }
    List<Object> parts = new ArrayList<>(List.of("(", property.value().sql()));
    for (String key : segments.subList(1, segments.size())) {
      parts.add(" -> ");
      parts.add(CompiledSql.bind(key, "text"));
    }
    parts.add(")");
    return TypedSql.of(CompiledSql.concat(parts.toArray()), ValueType.JSON);
  }

  /** The model's SQL (written over {@code t}) over another alias; the model's text is ours, never a request's. */
  private static CompiledSql aliased(CompiledSql sql, String alias) {
    return new CompiledSql(sql.sql().replaceAll("\\bt\\.", alias + "."), sql.binds());
  }
}
