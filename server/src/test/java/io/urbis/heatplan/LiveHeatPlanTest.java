package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.urbis.catalog.Collection;
import io.urbis.catalog.CurrentData;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The layers follow the data: computed again when an input's version changed, once however many ask at a time. */
class LiveHeatPlanTest {

  /** Buildings whose data version the test sets. */
  private static final class Versions implements CurrentData {
    volatile String version = "1";

    @Override
    public String version() {
      return version;
    }

    @Override
    public DataExtent extent() {
      return new DataExtent(null, null);
    }
  }

  /** A computation that takes a while and counts how often it runs. */
  private static final class Counting implements HeatPlanComputation {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public List<Collection> layers(HeatPlan plan) {
      return List.of();
    }

    @Override
    public HeatPlanSummary compute(HeatPlan plan, String inputs) {
      runs.incrementAndGet();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new HeatPlanSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  @Test
  void concurrentRequestsAfterAChangeWaitForOneComputation() throws Exception {
    Versions data = new Versions();
    Counting computation = new Counting();
    LiveHeatPlan live = new LiveHeatPlan(plan(data), computation);
    String first = live.current();
    assertEquals(1, computation.runs.get());
    assertEquals(first, live.current(), "unchanged data: the same layers");
    assertEquals(1, computation.runs.get());

    data.version = "2";
    ExecutorService requests = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(requests.submit(live::current));
      }
      for (Future<String> answer : answers) {
        assertNotEquals(first, answer.get(), "every request sees the layers of the new data");
      }
    } finally {
      requests.shutdown();
    }
    assertEquals(2, computation.runs.get(), "one computation for all eight requests");
  }

  private static HeatPlan plan(CurrentData data) {
    Collection buildings = new Collection("buildings", "buildings", "", "buildings", "id", JsonType.INTEGER, "geom",
        GeometryType.POLYGON, 25832, false, List.of(), null, data, null);
    return new HeatPlan(TestPlans.town(), buildings, null, null, null, null, Typology.shipped(), Map.of(), Map.of());
  }
}
