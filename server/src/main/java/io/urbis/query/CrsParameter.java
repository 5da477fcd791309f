package io.urbis.query;

import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import java.util.List;

/**
 * {@code crs}, {@code bbox-crs} or {@code filter-crs}: a CRS URI from the collection's list (OGC 18-058r1,
 * /req/crs/fc-crs-valid-value), which holds only CRSs all its features can be written in.
 */
public final class CrsParameter implements QueryParameter<Crs> {

  public static final String CRS = "crs";
  public static final String BBOX_CRS = "bbox-crs";
  public static final String FILTER_CRS = "filter-crs";

  private final String name;
  private final List<Crs> supported;

  public CrsParameter(String name, List<Crs> supported) {
    this.name = name;
    this.supported = List.copyOf(supported);
  }

  /**
   * The 400 for coordinates that cannot be moved between {@code crs}, which {@code parameter} named, and the CRS of
   * the data: a projection has a domain, and data can come to lie outside it after the collection's list was drawn.
   */
  public static InvalidParameterException outsideDomain(String parameter, Crs crs) {
    return new InvalidParameterException(parameter, "coordinates lie outside the domain of " + crs.uri()
        + ", so they cannot be transformed between it and the data's CRS; the collection's crs lists the CRSs "
        + "all its features can be written in");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Crs parse(String text) {
    return Crs.parse(text)
        .filter(supported::contains)
        .orElseThrow(() -> new InvalidParameterException(name, "'" + text + "' is not a CRS of this collection "
            + "(none Urbis knows, or one not all its features can be written in); use one of "
            + supported.stream().map(Crs::uri).toList()));
  }
}
