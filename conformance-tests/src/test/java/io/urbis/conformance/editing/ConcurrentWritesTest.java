package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.etag;
import static io.urbis.conformance.editing.Writes.planner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
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
  private static final String ITEMS = "/collections/editing.counters/items/";

  private final EditedData data;
  private final Api api;

  ConcurrentWritesTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  /** What one writer knows of a counter: its value and version as it last read or wrote it. */
  private record Known(int value, String etag) {}

  /** What one writer saw: how many of its increments were accepted and refused with 412. */
  private record Tally(long accepted, long refused) {}

  @Test
  @DisplayName("8 writers x 500 PATCH with If-Match on 50 counters: each ends at the sum of its accepted increments")
  void noLostUpdate() throws Exception {
    AtomicLongArray accepted = new AtomicLongArray(COUNTERS + 1);
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<Tally>> tallies = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        long seed = w;
        tallies.add(writers.submit(() -> write(new Random(seed), accepted)));
      }
      long acceptedTotal = 0;
      long refusedTotal = 0;
      for (Future<Tally> tally : tallies) {
        acceptedTotal += tally.get().accepted();
        refusedTotal += tally.get().refused();
      }
      assertEquals((long) WRITERS * PATCHES, acceptedTotal + refusedTotal);
      assertTrue(refusedTotal > 0, "writers met each other: some increments came too late");
    } finally {
      writers.shutdownNow();
    }
    Map<Integer, Long> stored = new HashMap<>();
    data.database().rows("SELECT id, counter FROM editing.counters").forEach(row ->
        stored.put(Integer.parseInt(row.get(0)), Long.parseLong(row.get(1))));
    for (int id = 1; id <= COUNTERS; id++) {
      assertEquals(accepted.get(id), stored.get(id), "counter " + id);
    }
  }

  /** One writer's {@value #PATCHES} increments, each of a random counter from what the writer knows of it. */
  private Tally write(Random random, AtomicLongArray accepted) {
    Map<Integer, Known> known = new HashMap<>();
    long acceptedHere = 0;
    long refused = 0;
    for (int i = 0; i < PATCHES; i++) {
      int id = 1 + random.nextInt(COUNTERS);
      Known counter = known.computeIfAbsent(id, this::read);
      Reply reply = api.send("PATCH", ITEMS + id, "{\"properties\": {\"counter\": " + (counter.value() + 1) + "}}",
          planner("Content-Type", MERGE_PATCH, "If-Match", counter.etag()));
      if (reply.status() == 204) {
        accepted.incrementAndGet(id);
        acceptedHere++;
        known.put(id, new Known(counter.value() + 1, etag(reply)));
      } else {
        assertEquals(412, reply.status(), reply::describe);
        refused++;
        known.remove(id);
      }
    }
    return new Tally(acceptedHere, refused);
  }

  private Known read(int id) {
    Reply reply = api.get(ITEMS + id, "Accept", "application/geo+json");
    assertEquals(200, reply.status(), reply::describe);
    return new Known(reply.json().at("/properties/counter").asInt(), etag(reply));
  }
}
