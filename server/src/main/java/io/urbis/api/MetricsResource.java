package io.urbis.api;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** {@code /metrics}: Prometheus text exposition of request and connection-pool metrics. */
@Path("/metrics")
public final class MetricsResource {

  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public MetricsResource(PrometheusRegistry registry) {
    this.registry = registry;
  }

  @GET
  public Response scrape() {
    StreamingOutput body = out -> writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    return Response.ok(body, writer.getContentType()).build();
  }
}
