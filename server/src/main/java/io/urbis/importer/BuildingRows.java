package io.urbis.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Turns a source building and its parts into one row. BuildingParts are merged into their building: the row's
 * geometry holds the surfaces of the building and all parts at the highest LoD any of them has; the building's
 * own attributes win, a well-known attribute only the parts carry is taken from them (numbers: the largest, e.g.
 * the tallest part's height; text: when all parts agree), and each part's attributes are kept under
 * {@code attributes.parts}.
 */
final class BuildingRows {

  private final GeometryFactory factory;
  private final PolygonCleaner cleaner;
  private final Footprints footprints;
  private final WKBWriter geometryWriter = new WKBWriter(3, true);
  private final WKBWriter footprintWriter = new WKBWriter(2, true);

  BuildingRows(int srid) {
    this.factory = new GeometryFactory(new PrecisionModel(), srid);
    this.cleaner = new PolygonCleaner(factory);
    this.footprints = new Footprints(factory);
  }

  /** The row, or why there is none; and the polygon issues met either way. */
  record Conversion(BuildingRow row, SkipReason skipped, Map<PolygonIssue, Integer> issues) {}

  Conversion convert(SourceBuilding building) {
    Map<PolygonIssue, Integer> issues = new EnumMap<>(PolygonIssue.class);
    List<SourceBuilding> all = Stream.concat(Stream.of(building), building.parts().stream()).toList();
    Optional<String> lod = all.stream().flatMap(b -> b.surfacesByLod().keySet().stream())
        .max(Comparator.comparingDouble(BuildingRows::lodValue));
    if (lod.isEmpty()) {
      boolean unsupported = all.stream().anyMatch(b -> b.unsupportedGeometry() != null);
      return new Conversion(null, unsupported ? SkipReason.UNSUPPORTED_GEOMETRY : SkipReason.NO_GEOMETRY, issues);
    }
    List<Polygon> polygons = new ArrayList<>();
    List<Polygon> ground = new ArrayList<>();
    for (SourceBuilding object : all) {
      for (SourceSurface surface : object.surfacesByLod().getOrDefault(lod.get(), List.of())) {
        PolygonCleaner.Cleaned cleaned = cleaner.clean(surface);
        cleaned.issues().forEach(issue -> issues.merge(issue, 1, Integer::sum));
        if (cleaned.polygon() != null) {
          polygons.add(cleaned.polygon());
          if (surface.ground()) {
            ground.add(cleaned.polygon());
          }
        }
      }
    }
    if (polygons.isEmpty()) {
      return new Conversion(null, SkipReason.NO_VALID_POLYGON, issues);
    }
    MultiPolygon geometry = factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    MultiPolygon footprint = footprints.of(ground.isEmpty() ? polygons : ground);
    ObjectNode attributes = mergedAttributes(building);
    List<Object> wellKnown = takeWellKnown(attributes);
    BuildingRow row = new BuildingRow(building.id(), lod.get(), wellKnown,
        attributes.isEmpty() ? null : attributes.toString(), WKBWriter.toHex(geometryWriter.write(geometry)),
        footprint == null ? null : WKBWriter.toHex(footprintWriter.write(footprint)), polygons.size());
    return new Conversion(row, null, issues);
  }

  private static double lodValue(String lod) {
    try {
      return Double.parseDouble(lod);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ObjectNode mergedAttributes(SourceBuilding building) {
    ObjectNode merged = building.attributes().deepCopy();
    if (building.parts().isEmpty()) {
      return merged;
    }
    for (WellKnownAttribute attribute : WellKnownAttribute.values()) {
      if (!attribute.isAddress() && !merged.has(attribute.key())) {
        fromParts(building.parts(), attribute).ifPresent(value -> merged.set(attribute.key(), value));
      }
    }
    ArrayNode parts = merged.putArray("parts");
    for (SourceBuilding part : building.parts()) {
      parts.addObject().put("id", part.id()).set("attributes", part.attributes());
    }
    return merged;
  }

  private static Optional<JsonNode> fromParts(List<SourceBuilding> parts, WellKnownAttribute attribute) {
    List<JsonNode> values = parts.stream().map(p -> p.attributes().get(attribute.key()))
        .filter(v -> attribute.typed(v) != null).toList();
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (attribute.isNumber()) {
      return values.stream().max(Comparator.comparingDouble(v -> ((Number) attribute.typed(v)).doubleValue()));
    }
    return values.stream().map(JsonNode::asText).distinct().count() == 1 ? Optional.of(values.get(0))
        : Optional.empty();
  }

  /**
   * The well-known values in column order, removed from {@code attributes} when typed; the first address fills
   * the address columns, and the address list leaves the jsonb only when that one address said everything.
   */
  private static List<Object> takeWellKnown(ObjectNode attributes) {
    JsonNode addresses = attributes.get("address");
    JsonNode address = addresses != null && addresses.isArray() ? addresses.get(0) : addresses;
    List<Object> values = new ArrayList<>();
    boolean addressConsumed = address != null && address.isObject();
    for (WellKnownAttribute attribute : WellKnownAttribute.values()) {
      if (attribute.isAddress()) {
        values.add(address == null ? null : attribute.typed(address.get(attribute.key())));
      } else {
        Object value = attribute.typed(attributes.get(attribute.key()));
        values.add(value);
        if (value != null) {
          attributes.remove(attribute.key());
        }
      }
    }
    if (addressConsumed && (!addresses.isArray() || addresses.size() == 1) && onlyWellKnownKeys(address)) {
      attributes.remove("address");
    }
    return values;
  }

  private static boolean onlyWellKnownKeys(JsonNode address) {
    List<String> keys = Stream.of(WellKnownAttribute.values()).filter(WellKnownAttribute::isAddress)
        .map(WellKnownAttribute::key).toList();
    for (var names = address.fieldNames(); names.hasNext(); ) {
      if (!keys.contains(names.next())) {
        return false;
      }
    }
    return true;
  }
}
