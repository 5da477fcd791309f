package io.urbis.encode;

import io.urbis.error.InvalidParameterException;
import io.urbis.error.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Chooses the representation of a response, in one place for every resource: {@code f} wins over
 * {@code Accept}; without either, the first offered representation is served.
 */
public final class ContentNegotiation {

  private ContentNegotiation() {}

  /**
   * @param format the {@code f} parameter, or null
   * @param acceptable the {@code Accept} media types, most preferred first (as JAX-RS sorts them)
   * @param offered what the resource can write, preferred first
   */
  public static Representation select(String format, List<MediaType> acceptable, List<Representation> offered) {
    if (format != null) {
      return offered.stream()
          .filter(r -> r.formatName().equals(format))
          .findFirst()
          .orElseThrow(() -> new InvalidParameterException("f", "'" + format + "' is not offered here; use one of "
              + offered.stream().map(Representation::formatName).distinct().toList()));
    }
    if (acceptable.isEmpty()) {
      return offered.get(0);
    }
    for (MediaType wanted : acceptable) {
      if (wanted.isWildcardType() && wanted.isWildcardSubtype()) {
        return offered.get(0);
      }
      for (Representation representation : offered) {
        if (representation.acceptedMediaTypes().stream().anyMatch(wanted::isCompatible)) {
          return representation;
        }
      }
    }
    throw new NotAcceptableException("none of the requested media types is offered; available: "
        + offered.stream().map(r -> r.mediaType().toString()).toList());
  }
}
