package io.urbis.api;

import io.urbis.source.FeatureSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code /health} (the process answers) and {@code /ready} (every source answers too), for orchestrators. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

  private final List<FeatureSource> sources;

  public HealthResource(List<FeatureSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @GET
  @Path("health")
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @GET
  @Path("ready")
  public Response ready() {
    boolean allReachable = sources.stream().allMatch(FeatureSource::isReachable);
    Map<String, String> body = Map.of("status", allReachable ? "READY" : "UNAVAILABLE");
    return Response.status(allReachable ? 200 : 503).entity(body).build();
  }
}
