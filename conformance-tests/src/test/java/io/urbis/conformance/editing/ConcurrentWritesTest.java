package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.planner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.UrbisExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No lost update: {@value #WRITERS} writers send {@value #PATCHES} PATCH requests each, with If-Match, to the
 * {@value EditedData#COUNTERS} counters of {@code editing.counters}, each raising a counter by one from the value it
 * last read. Every answer is a 204 or a 412, and each counter ends at exactly the number of its accepted increments.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: concurrent writers lose no update")
class ConcurrentWritesTest {

  private static final int WRITERS = 8;
  private static final int PATCHES = 500;
  private static final int COUNTERS = Integer.parseInt(EditedData.COUNTERS);
  private static final String ITEMS = "/collections/editing.counters/items";

  private final EditedData data;
  private final Api api;

  ConcurrentWritesTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("8 writers x 500 PATCH with If-Match on 50 counters: each ends at the sum of its accepted increments")
  void noLostUpdate() throws Exception {
    List<String> ids = IntStream.rangeClosed(1, COUNTERS).mapToObj(Integer::toString).toList();
    ConcurrentIncrements.Outcome outcome = new ConcurrentIncrements(api, ITEMS, List.of(planner()), ids)
        .run(WRITERS, PATCHES);
    assertEquals((long) WRITERS * PATCHES, outcome.acceptedTotal() + outcome.refused());
    assertTrue(outcome.refused() > 0, "writers met each other: some increments came too late");
    Map<String, Long> stored = new HashMap<>();
    data.database().rows("SELECT id, counter FROM editing.counters").forEach(row ->
        stored.put(row.get(0), Long.parseLong(row.get(1))));
    for (String id : ids) {
      assertEquals(outcome.accepted().get(id), stored.get(id), "counter " + id);
    }
  }
}
