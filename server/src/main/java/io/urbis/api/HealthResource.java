package io.urbis.api;

import io.urbis.security.Caller;
import io.urbis.security.Operators;
import io.urbis.source.FeatureSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health} (the process answers) and {@code /ready} (every source answers too), for orchestrators and load
 * balancers, who need no credentials. Only operators see which sources {@code /ready} asked and the version: the
 * sources' labels name database hosts and files.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

  private static final String READY = "READY";

  private final List<FeatureSource> sources;
  private final Operators operators;

  public HealthResource(List<FeatureSource> sources, Operators operators) {
    this.sources = List.copyOf(sources);
    this.operators = operators;
  }

  @GET
  @Path("health")
  @SameForEveryCaller
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @GET
  @Path("ready")
  public Response ready(@Context ContainerRequestContext request) {
    List<SourceReadiness> states = sources.stream()
        .map(source -> new SourceReadiness(source.label(), readiness(source.isReachable()))).toList();
    boolean allReachable = states.stream().allMatch(state -> state.status().equals(READY));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", readiness(allReachable));
    if (operators.include(Caller.from(request))) {
      body.put("version", Version.of());
      body.put("sources", states);
    }
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    // the answer differs by caller and by the moment: no cache may keep it
    return Response.status(allReachable ? 200 : 503).entity(body).cacheControl(noStore).build();
  }

  /** One source in the operators' {@code /ready}: its label and whether it answered. */
  record SourceReadiness(String source, String status) {}

  private static String readiness(boolean reachable) {
    return reachable ? READY : "UNAVAILABLE";
  }
}
