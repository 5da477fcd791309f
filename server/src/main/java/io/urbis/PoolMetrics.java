package io.urbis;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.urbis.source.FeatureSource;
import io.urbis.source.postgis.PoolStatistics;
import io.urbis.source.postgis.PostgisFeatureSource;
import java.util.List;

/** Publishes the database connection pools' use, read at scrape time. */
final class PoolMetrics {

  private PoolMetrics() {}

  static void register(PrometheusRegistry registry, List<FeatureSource> sources) {
    List<PostgisFeatureSource> databases = sources.stream()
        .filter(PostgisFeatureSource.class::isInstance).map(PostgisFeatureSource.class::cast).toList();
    GaugeWithCallback.builder()
        .name("urbis_db_pool_connections")
        .help("Database pool connections by state (active, idle, total) and requests waiting for one")
        .labelNames("source", "state")
        .callback(gauge -> databases.forEach(database -> {
          PoolStatistics pool = database.poolStatistics();
          gauge.call(pool.active(), database.label(), "active");
          gauge.call(pool.idle(), database.label(), "idle");
          gauge.call(pool.total(), database.label(), "total");
          gauge.call(pool.waiting(), database.label(), "waiting");
        }))
        .register(registry);
  }
}
