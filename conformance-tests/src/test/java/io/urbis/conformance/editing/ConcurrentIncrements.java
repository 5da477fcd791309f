package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.etag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writers that raise the {@code counter} of features by one with PATCH under If-Match, each from the value and ETag
 * it last read or wrote, as the no-lost-update tests run them: every answer must be a 204 or a 412.
 *
 * @param api the server
 * @param items the path of the collection's items
 * @param credentials the headers that let the writers write
 * @param ids the features whose counters are raised, at random
 */
record ConcurrentIncrements(Api api, String items, List<String> credentials, List<String> ids) {

  /**
   * What the writers did.
   *
   * @param accepted the accepted increments of each feature
   * @param refused how many increments were refused with 412
   */
  record Outcome(Map<String, Long> accepted, long refused) {

    long acceptedTotal() {
      return accepted.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** What one writer knows of a counter: its value and version as it last read or wrote it. */
  private record Known(int value, String etag) {}

  /** Runs {@code writers} writers of {@code patches} increments each, side by side, and waits for them. */
  Outcome run(int writers, int patches) throws Exception {
    Map<String, AtomicLong> accepted = new ConcurrentHashMap<>();
    ids.forEach(id -> accepted.put(id, new AtomicLong()));
    AtomicLong refused = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Random random = new Random(w);
        done.add(pool.submit(() -> write(random, patches, accepted, refused)));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Map<String, Long> counts = new HashMap<>();
    accepted.forEach((id, count) -> counts.put(id, count.get()));
    return new Outcome(counts, refused.get());
  }

  private void write(Random random, int patches, Map<String, AtomicLong> accepted, AtomicLong refused) {
    Map<String, Known> known = new HashMap<>();
    for (int i = 0; i < patches; i++) {
      String id = ids.get(random.nextInt(ids.size()));
      Known counter = known.computeIfAbsent(id, this::read);
      Reply reply = api.send("PATCH", items + "/" + id, "{\"properties\": {\"counter\": " + (counter.value() + 1)
          + "}}", headers("Content-Type", MERGE_PATCH, "If-Match", counter.etag()));
      if (reply.status() == 204) {
        accepted.get(id).incrementAndGet();
        known.put(id, new Known(counter.value() + 1, etag(reply)));
      } else {
        assertEquals(412, reply.status(), reply::describe);
        refused.incrementAndGet();
        known.remove(id);
      }
    }
  }

  private Known read(String id) {
    Reply reply = api.get(items + "/" + id, headers("Accept", "application/geo+json"));
    assertEquals(200, reply.status(), reply::describe);
    return new Known(reply.json().at("/properties/counter").asInt(), etag(reply));
  }

  private String[] headers(String... more) {
    List<String> all = new ArrayList<>(credentials);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
