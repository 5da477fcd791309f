package io.urbis.api;

import io.urbis.error.InvalidParameterException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters a resource does not declare with {@code @QueryParam} (OGC 17-069r4,
 * /req/core/query-param-unknown), so a typo never passes silently and never leaks into links.
 */
public final class UnknownParameterFilter implements ContainerRequestFilter {

  /** Declared parameters per resource method, read by reflection once. */
  private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null || method.isAnnotationPresent(ParsesItsOwnParameters.class)) {
      return;
    }
    Set<String> known = declared.computeIfAbsent(method, UnknownParameterFilter::declaredQueryParameters);
    for (String name : request.getUriInfo().getQueryParameters().keySet()) {
      if (!known.contains(name)) {
        throw new InvalidParameterException(name, "unknown parameter; this resource takes " + known);
      }
    }
  }

  private static Set<String> declaredQueryParameters(Method method) {
    Set<String> names = new HashSet<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof QueryParam query) {
          names.add(query.value());
        }
      }
    }
    return Set.copyOf(names);
  }
}
