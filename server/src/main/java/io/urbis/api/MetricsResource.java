package io.urbis.api;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.urbis.security.Caller;
import io.urbis.security.Operators;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code /metrics}: Prometheus text exposition of request and connection-pool metrics, for operators only (route
 * names, traffic and pool sizes tell an attacker what to aim at).
 */
@Path("/metrics")
public final class MetricsResource {

  private final PrometheusRegistry registry;
  private final Operators operators;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public MetricsResource(PrometheusRegistry registry, Operators operators) {
    this.registry = registry;
    this.operators = operators;
  }

  @GET
  public Response scrape(@Context ContainerRequestContext request) {
    operators.require(Caller.from(request));
    StreamingOutput body = out -> writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    return Response.ok(body, writer.getContentType()).build();
  }
}
