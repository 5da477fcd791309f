package io.urbis.conformance.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One selection of features two ways: as items query parameters for the server and as an SQL condition on the
 * fixture table for {@link Truth}.
 *
 * @param layer the collection
 * @param query the query string without limit, e.g. {@code bbox=1,2,3,4}; empty for all features
 * @param condition the SQL condition selecting the same rows
 * @param binds values for the {@code ?} in the condition
 */
public record Selection(Layer layer, String query, String condition, List<Object> binds) {

  public Selection {
    binds = List.copyOf(binds);
  }

  public static Selection all(Layer layer) {
    return new Selection(layer, "", "true", List.of());
  }

  /** {@code bbox} with 4 or 6 numbers in CRS84 (west > east crosses the antimeridian). */
  public static Selection bbox(Layer layer, double... bbox) {
    String numbers = Arrays.stream(bbox).mapToObj(n -> BigDecimal.valueOf(n).toPlainString())
        .collect(Collectors.joining(","));
    return new Selection(layer, "bbox=" + numbers, Truth.intersects(bbox), List.of());
  }

  /** {@code datetime} (percent-encoded here) with the SQL condition it must mean. */
  public static Selection datetime(Layer layer, String datetime, String condition, Object... binds) {
    return new Selection(layer, "datetime=" + Api.encode(datetime), condition, List.of(binds));
  }

  /** Both selections at once (same layer). */
  public Selection and(Selection other) {
    List<Object> both = new ArrayList<>(binds);
    both.addAll(other.binds);
    String joined = query.isEmpty() ? other.query : other.query.isEmpty() ? query : query + "&" + other.query;
    return new Selection(layer, joined, "(" + condition + ") AND (" + other.condition + ")", both);
  }

  /** The items URL of the first page. */
  public String target(int limit) {
    return layer.items() + "?limit=" + limit + (query.isEmpty() ? "" : "&" + query);
  }

  @Override
  public String toString() {
    return layer.items() + (query.isEmpty() ? "" : "?" + query);
  }
}
