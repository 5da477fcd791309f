package io.urbis.query;

import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import java.util.List;

/** {@code crs} or {@code bbox-crs}: a CRS URI from the collection's list (OGC 18-058r1, /req/crs/fc-crs-valid-value). */
public final class CrsParameter implements QueryParameter<Crs> {

  private final String name;
  private final List<Crs> supported;

  public CrsParameter(String name, List<Crs> supported) {
    this.name = name;
    this.supported = List.copyOf(supported);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Crs parse(String text) {
    return Crs.parse(text)
        .filter(supported::contains)
        .orElseThrow(() -> new InvalidParameterException(name, "'" + text + "' is not a CRS of this collection; "
            + "use one of " + supported.stream().map(Crs::uri).toList()));
  }
}
