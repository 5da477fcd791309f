package io.urbis.conformance.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CQL2 filters, valid and mutated, sent to the running server (OGC 19-079r2, /conf/filter): every one ends in a
 * page (200) or a 400 with an OGC exception that leaks nothing of the database — never a 500, never a hang. The
 * parser itself takes 100,000 inputs in the server's unit tests; these go through HTTP, SQL and the GeoPackage
 * evaluator too.
 */
@UrbisTest
@DisplayName("CQL2 filters through the API")
class FilterFuzzTest {

  private static final long SEED = 19_079L;
  private static final int MUTATIONS = 600;
  private static final List<String> VALID = List.of(
      "floors > 3",
      "name LIKE 'Geb%' AND residential = true",
      "NOT (height BETWEEN 10 AND 20.5) OR floors IN (1, 2, 3)",
      "S_INTERSECTS(geom, BBOX(6.9, 50.9, 7.0, 51.0))",
      "S_WITHIN(geom, POLYGON((6.9 50.9, 7.1 50.9, 7.1 51.1, 6.9 51.1, 6.9 50.9)))",
      "construction_date > DATE('1960-01-01') AND T_BEFORE(last_survey, TIMESTAMP('2021-01-01T00:00:00Z'))",
      "CASEI(name) LIKE CASEI('gebäude 1%')",
      "ACCENTI(name) = ACCENTI('Gebaude 12')",
      "floors * 3 + 1 > height / 2",
      "floors = floors AND name <> 'x'");
  private static final List<String> HOSTILE = List.of("'; DROP TABLE buildings; --", "\"", "\\", "%", "_", "''",
      "ü", "\u0000", "(", ")", ",", "1e999", "-", "NULL", "geom", "S_INTERSECTS(", "'", "/*", "*/");

  private final Api api;

  FilterFuzzTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/filter/filter-param: valid filters select, mutated ones are refused cleanly")
  void everyFilterEndsInAPageOrAnOgcException() {
    Random random = new Random(SEED);
    int pages = 0;
    for (String filter : VALID) {
      Reply reply = api.get(items(filter));
      assertTrue(reply.status() == 200, () -> api.source().label() + " " + reply.describe());
      pages++;
    }
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < MUTATIONS; i++) {
      String filter = mutate(VALID.get(random.nextInt(VALID.size())), random);
      Reply reply = api.get(items(filter));
      if (reply.status() == 200) {
        pages++;
      } else {
        OgcExceptions.assertException(reply, 400);
        refused.add(filter);
      }
    }
    assertTrue(pages > VALID.size() && refused.size() > MUTATIONS / 4,
        "the mutations should both pass and fail: " + pages + " pages, " + refused.size() + " refused");
  }

  private static String items(String filter) {
    return Layer.BUILDINGS.items() + "?limit=5&filter=" + Api.encode(filter);
  }

  /** Deletes, duplicates or replaces a span, or splices in a hostile token. */
  private static String mutate(String filter, Random random) {
    int at = random.nextInt(filter.length());
    int span = 1 + random.nextInt(Math.min(8, filter.length() - at));
    return switch (random.nextInt(4)) {
      case 0 -> filter.substring(0, at) + filter.substring(at + span);
      case 1 -> filter.substring(0, at + span) + filter.substring(at);
      case 2 -> filter.substring(0, at) + HOSTILE.get(random.nextInt(HOSTILE.size())) + filter.substring(at + span);
      default -> filter.substring(0, at) + HOSTILE.get(random.nextInt(HOSTILE.size())) + filter.substring(at);
    };
  }
}
