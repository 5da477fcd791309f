package io.urbis.query;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw query parameters of an items request into a {@link FeatureQuery}, rejecting unknown and repeated
 * parameters (OGC 17-069r4, /req/core/query-param-unknown) before anything reaches a source. A parameter named
 * after a property filters on it (7.15.5).
 */
public final class FeatureQueryParser {

  /** Parameters that select the representation, not the features; the API layer reads them itself. */
  private static final Set<String> REPRESENTATION_PARAMETERS = Set.of("f");
  private static final String BBOX = "bbox";
  private static final String CRS = CrsParameter.CRS;
  private static final String BBOX_CRS = CrsParameter.BBOX_CRS;

  private final int defaultLimit;
  private final DateTimeParameter datetime = new DateTimeParameter();
  private final LimitParameter limit;
  private final CursorParameter cursor = new CursorParameter();
  private final OffsetParameter offset = new OffsetParameter();

  public FeatureQueryParser(int defaultLimit, int maximumLimit) {
    this.defaultLimit = Math.min(defaultLimit, maximumLimit);
    this.limit = new LimitParameter(maximumLimit);
  }

  /** Parses the parameters of an items request on {@code collection}, whose properties may be filtered on. */
  public FeatureQuery parse(Map<String, List<String>> parameters, Collection collection) {
    List<PropertyFilter> filters = new ArrayList<>();
    for (String name : parameters.keySet()) {
      if (isStandard(name)) {
        continue;
      }
      Property property = collection.property(name)
          .filter(PropertyFilterParameter::isFilterable)
          .orElseThrow(() -> new InvalidParameterException(name, "unknown parameter"));
      filters.add(single(parameters, new PropertyFilterParameter(property)));
    }
    List<Crs> supported = collection.crs();
    Crs bboxCrs = orDefault(single(parameters, new CrsParameter(BBOX_CRS, supported)), Crs.CRS84);
    String sortbyText = single(parameters, SortbyParameter.NAME);
    List<SortKey> sortby = sortbyText == null ? List.of() : SortbyParameter.parse(sortbyText, collection);
    return new FeatureQuery(
        single(parameters, new BboxParameter(bboxCrs)),
        single(parameters, datetime),
        orDefault(single(parameters, limit), defaultLimit),
        pageStart(single(parameters, cursor), single(parameters, offset), sortby),
        filters,
        orDefault(single(parameters, new CrsParameter(CRS, supported)), Crs.CRS84),
        filter(parameters, collection, supported),
        ReturnablesParameters.parse(single(parameters, ReturnablesParameters.PROPERTIES),
            single(parameters, ReturnablesParameters.SKIP_GEOMETRY), collection),
        sortby);
  }

  /**
   * Keyset cursors follow the id order; a sorted page starts at an offset, the first one at zero. An {@code offset}
   * and a {@code cursor} both say where the page starts, so only one of them may be given.
   */
  private static PageCursor pageStart(PageCursor given, Long offset, List<SortKey> sortby) {
    if (offset != null) {
      if (given != null) {
        throw new InvalidParameterException(OffsetParameter.NAME,
            "give either offset or the cursor of a next/prev link, not both");
      }
      return PageCursor.offset(offset);
    }
    if (sortby.isEmpty()) {
      return given;
    }
    if (given == null) {
      return PageCursor.offset(0);
    }
    if (given.direction() != PageCursor.Direction.OFFSET) {
      throw new InvalidParameterException("cursor", "this cursor belongs to pages without sortby");
    }
    return given;
  }

  private static Filter filter(Map<String, List<String>> parameters, Collection collection, List<Crs> supported) {
    String text = single(parameters, FilterParameter.FILTER);
    String language = single(parameters, FilterParameter.LANGUAGE);
    String crs = single(parameters, FilterParameter.CRS);
    if (text == null) {
      if (language != null || crs != null) {
        throw new InvalidParameterException(FilterParameter.FILTER, "filter-lang and filter-crs need a filter");
      }
      return null;
    }
    return FilterParameter.parse(text, language, crs, supported, CollectionQueryables.of(collection));
  }

  private static String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidParameterException(name, "given more than once");
    }
    return values.get(0);
  }

  /** The output CRS of a single-feature request, whose only other parameter is {@code f}. */
  public Crs parseFeatureCrs(Map<String, List<String>> parameters, Collection collection) {
    for (String name : parameters.keySet()) {
      if (!REPRESENTATION_PARAMETERS.contains(name) && !name.equals(CRS)) {
        throw new InvalidParameterException(name, "unknown parameter");
      }
    }
    // the CRS list follows the collection's extent, which the first reader after a write reads again (two queries):
    // asked only for a crs given, so that reading a feature for its ETag before a write does not wait for that
    if (!parameters.containsKey(CRS)) {
      return Crs.CRS84;
    }
    return orDefault(single(parameters, new CrsParameter(CRS, collection.crs())), Crs.CRS84);
  }

  /** Standard parameters win over properties of the same name, as the API definition documents. */
  private boolean isStandard(String name) {
    return REPRESENTATION_PARAMETERS.contains(name)
        || name.equals(FilterParameter.FILTER)
        || name.equals(FilterParameter.LANGUAGE)
        || name.equals(FilterParameter.CRS)
        || name.equals(ReturnablesParameters.PROPERTIES)
        || name.equals(SortbyParameter.NAME)
        || name.equals(ReturnablesParameters.SKIP_GEOMETRY)
        || name.equals(BBOX)
        || name.equals(CRS)
        || name.equals(BBOX_CRS)
        || name.equals(datetime.name())
        || name.equals(limit.name())
        || name.equals(cursor.name())
        || name.equals(offset.name());
  }

  private static <T> T single(Map<String, List<String>> parameters, QueryParameter<T> parameter) {
    String text = single(parameters, parameter.name());
    return text == null ? null : parameter.parse(text);
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
