package io.urbis.testdata;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.FeatureQuery;
import io.urbis.query.FeatureQueryParser;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * A collection as it was seen before features came far outside its extent: its CRS list, drawn from the old extent,
 * still offers CRSs the new features cannot be written in. Requests on it reach the source as the API parses them.
 */
public final class StaleCrsList {

  private final Collection collection;

  /** {@code collection} with {@code oldExtent} as its extent. */
  public StaleCrsList(Collection collection, SpatialExtent oldExtent) {
    Collection c = collection;
    this.collection = new Collection(c.id(), c.title(), c.description(), c.table(), c.idColumn(), c.idType(),
        c.geometryColumn(), c.geometryType(), c.srid(), c.is3d(), c.properties(), c.temporalProperty(),
        new FixedData(oldExtent), c.source());
  }

  public Collection collection() {
    return collection;
  }

  /** Reads the whole page the query parameters (name, value, ...) ask for; the number of its features. */
  public int page(String... parameters) {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      map.put(parameters[i], List.of(parameters[i + 1]));
    }
    FeatureQuery query = new FeatureQueryParser(10, 10_000).parse(map, collection);
    int features = 0;
    try (FeatureStream stream = collection.source().query(collection, query)) {
      for (EncodedFeature feature = stream.next(); feature != null; feature = stream.next()) {
        features++;
      }
    }
    return features;
  }

  /** Asserts that {@code request} is refused as the 400 of {@code parameter}, which named {@code crs}. */
  public static void assertRefused(String parameter, Crs crs, Executable request) {
    InvalidParameterException refused = assertThrows(InvalidParameterException.class, request);
    assertTrue(refused.getMessage().startsWith("Parameter '" + parameter + "': coordinates lie outside the domain of "
        + crs.uri()), refused.getMessage());
  }
}
