package io.urbis.heatplan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A heat plan whose layers follow the data: whoever reads a layer first asks {@link #current()}, which computes the
 * layers again when the data version of an input collection changed since they were computed. One computation runs
 * at a time (single flight): requests that come while it runs wait for it and then read its result, none starts a
 * second one. The layers' version is that of the inputs they were computed from, so ETags and tile caches follow.
 */
public final class LiveHeatPlan {

  private static final Logger LOG = LoggerFactory.getLogger(LiveHeatPlan.class);

  /** The inputs the layers were last computed from, and what came of it. */
  private record Computed(String inputs, String version, HeatPlanSummary summary) {}

  private final HeatPlan plan;
  private final HeatPlanComputation computation;
  private final ReentrantLock computing = new ReentrantLock();
  private volatile Computed computed;

  public LiveHeatPlan(HeatPlan plan, HeatPlanComputation computation) {
    this.plan = plan;
    this.computation = computation;
  }

  public HeatPlan plan() {
    return plan;
  }

  /** Brings the layers up to the data as it is now, if they are not, and returns their version. */
  public String current() {
    Computed last = computed;
    if (last != null && last.inputs().equals(plan.inputs())) {
      return last.version();
    }
    computing.lock();
    try {
      last = computed;
      // read after the lock: a computation that ended while this one waited may have been of these very inputs
      String inputs = plan.inputs();
      if (last != null && last.inputs().equals(inputs)) {
        return last.version();
      }
      long start = System.nanoTime();
      HeatPlanSummary summary = computation.compute(plan, inputs);
      LOG.info("heat plan {} computed in {} ms: {}", plan.id(), (System.nanoTime() - start) / 1_000_000, summary);
      Computed now = new Computed(inputs, digest(inputs), summary);
      computed = now;
      return now.version();
    } finally {
      computing.unlock();
    }
  }

  /** What the layers hold, computing them first if they are not of the data as it is now. */
  public HeatPlanSummary summary() {
    current();
    return computed.summary();
  }

  private static String digest(String inputs) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(StandardCharsets.UTF_8));
      return "hp-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
