package io.urbis.editing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.urbis.catalog.Collection;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.crs.Crs;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeaturePatch;
import io.urbis.source.WriteRules;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the body of a create (POST), replace (PUT) or update (PATCH, RFC 7396 JSON Merge Patch) request into what an
 * editor writes, checked against the collection as the caller sees it and the rules of its store: a GeoJSON feature
 * (OGC 20-002, /req/features/geojson-create-replace) whose properties are properties of the collection with values of
 * their types, whose geometry fits the collection ({@link BodyGeometry}), with every property the store requires. All
 * problems of a body are named in one 400; a property hidden from the caller is unknown, as one that does not exist.
 * GeoJSON's foreign members (links, bbox, ...) are not stored and are ignored.
 */
public final class FeatureBodies {

  /** The largest body taken, 8 MiB: a detailed 3D building is some hundred kilobytes. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Collection collection;
  private final WriteRules rules;
  private final Crs crs;

  /**
   * @param collection the collection as the caller sees it
   * @param rules what its store requires
   * @param crs the CRS of the body's coordinates ({@code Content-Crs}), one of the collection's
   */
  public FeatureBodies(Collection collection, WriteRules rules, Crs crs) {
    this.collection = collection;
    this.rules = rules;
    this.crs = crs;
  }

  /** The body as JSON; a 400 when it is not one JSON value. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || json.isMissingNode()) {
        throw new InvalidBodyException(List.of("the body is empty; send a GeoJSON feature"));
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new InvalidBodyException(List.of("not JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw new IllegalStateException("reading bytes in memory", e);
    }
  }

  /**
   * A feature to create: its id when it gives one, its geometry, and its properties with a value; a property without
   * one (absent or null, as editing clients send properties nobody filled in) takes the store's default.
   */
  public FeatureContent created(JsonNode body) {
    BodyProblems problems = new BodyProblems();
    requireFeature(body, true, problems);
    String id = requestedId(body.get("id"), problems);
    if (id == null && !rules.idAssigned()) {
      problems.add("/id", "the collection does not assign ids: give the feature an id");
    }
    Map<String, JsonNode> properties = properties(body.get("properties"), problems);
    properties.values().removeIf(JsonNode::isNull);
    for (Property property : collection.properties()) {
      if (rules.requiredOnCreate(property.name()) && !properties.containsKey(property.name())) {
        required(property, problems);
      }
    }
    Geometry geometry = geometry(body.get("geometry"), problems);
    problems.throwIfAny();
    return new FeatureContent(id, geometry, properties);
  }

  /**
   * A replacement of feature {@code featureId}: every property the caller sees, null where the body has no value, and
   * the geometry (none when the body has none). The properties hidden from the caller are not named, so they keep their
   * values.
   */
  public FeatureContent replacement(JsonNode body, String featureId) {
    BodyProblems problems = new BodyProblems();
    requireFeature(body, true, problems);
    requireSameId(body.get("id"), featureId, problems);
    Map<String, JsonNode> properties = properties(body.get("properties"), problems);
    for (Property property : collection.properties()) {
      properties.putIfAbsent(property.name(), NullNode.getInstance());
      requireValue(property, properties.get(property.name()), problems);
    }
    Geometry geometry = geometry(body.get("geometry"), problems);
    problems.throwIfAny();
    return new FeatureContent(null, geometry, properties);
  }

  /**
   * The changes a JSON Merge Patch makes to feature {@code featureId}: the geometry when it names one (replaced whole,
   * or removed by null), and each property it names. Its id, if any, must be the feature's (OGC 20-002,
   * /req/features/update-json-merge-patch B); {@code "properties": null} removes every value the caller sees.
   */
  public FeaturePatch patch(JsonNode body, String featureId) {
    BodyProblems problems = new BodyProblems();
    requireFeature(body, false, problems);
    requireSameId(body.get("id"), featureId, problems);
    JsonNode given = body.get("properties");
    Map<String, JsonNode> properties = new HashMap<>();
    if (given != null && given.isNull()) {
      collection.properties().forEach(property -> properties.put(property.name(), NullNode.getInstance()));
    } else {
      properties.putAll(properties(given, problems));
    }
    properties.forEach((name, value) -> requireValue(collection.property(name).orElseThrow(), value, problems));
    boolean replacesGeometry = body.has("geometry");
    Geometry geometry = replacesGeometry ? geometry(body.get("geometry"), problems) : null;
    problems.throwIfAny();
    return new FeaturePatch(replacesGeometry, geometry, properties);
  }

  /** A GeoJSON Feature; a patch may leave out its type. */
  private static void requireFeature(JsonNode body, boolean typeRequired, BodyProblems problems) {
    if (!body.isObject()) {
      problems.add("", "expected a GeoJSON Feature object, got " + PropertyValues.shortly(body));
      problems.throwIfAny();
    }
    JsonNode type = body.get("type");
    if ((type != null || typeRequired) && (type == null || !"Feature".equals(type.asText(null)))) {
      problems.add("/type", "expected \"Feature\" (one feature per request)");
    }
  }

  /** The id a created feature asks for: a string or a number, a whole number where ids are integers. */
  private String requestedId(JsonNode id, BodyProblems problems) {
    if (id == null || id.isNull()) {
      return null;
    }
    Optional<String> text = idText(id);
    if (text.isEmpty()) {
      problems.add("/id", "expected " + (collection.idType() == JsonType.INTEGER ? "an integer" : "a string")
          + ", got " + PropertyValues.shortly(id));
    }
    return text.orElse(null);
  }

  private Optional<String> idText(JsonNode id) {
    if (collection.idType() != JsonType.INTEGER) {
      return id.isTextual() || id.isNumber() ? Optional.of(id.asText()) : Optional.empty();
    }
    try {
      return id.isIntegralNumber() || id.isTextual()
          ? Optional.of(Long.toString(Long.parseLong(id.asText()))) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A replace or update names the feature in its URL; an id in the body must not say otherwise. */
  private void requireSameId(JsonNode id, String featureId, BodyProblems problems) {
    if (id != null && !id.isNull() && !idText(id).map(featureId::equals).orElse(false)) {
      problems.add("/id", "the feature's id is " + featureId + " and cannot be changed, got "
          + PropertyValues.shortly(id));
    }
  }

  /** The named properties checked against the collection's; absent or null properties are none. */
  private Map<String, JsonNode> properties(JsonNode given, BodyProblems problems) {
    Map<String, JsonNode> properties = new HashMap<>();
    if (given == null || given.isNull()) {
      return properties;
    }
    if (!given.isObject()) {
      problems.add("/properties", "expected an object, got " + PropertyValues.shortly(given));
      return properties;
    }
    for (Iterator<Map.Entry<String, JsonNode>> members = given.fields(); members.hasNext(); ) {
      Map.Entry<String, JsonNode> member = members.next();
      String pointer = "/properties/" + member.getKey();
      Optional<Property> property = collection.property(member.getKey());
      if (property.isEmpty()) {
        problems.add(pointer, "not a property of the collection " + collection.id());
        continue;
      }
      JsonNode value = PropertyValues.checked(member.getValue(), property.get().type(), pointer, problems);
      if (value != null) {
        properties.put(member.getKey(), value);
      }
    }
    return properties;
  }

  private void requireValue(Property property, JsonNode value, BodyProblems problems) {
    if (value.isNull() && rules.notNull().contains(property.name())) {
      required(property, problems);
    }
  }

  private static void required(Property property, BodyProblems problems) {
    problems.add("/properties/" + property.name(), "required: the collection's features all have a value");
  }

  /** The geometry in the storage CRS, or null: none given, or not usable (a problem then). */
  private Geometry geometry(JsonNode given, BodyProblems problems) {
    if (given == null || given.isNull()) {
      if (rules.geometryRequired()) {
        problems.add("/geometry", "required: the collection's features all have a geometry");
      }
      return null;
    }
    return BodyGeometry.read(given, collection, crs, "/geometry", problems);
  }
}
