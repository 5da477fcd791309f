package io.urbis.api;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.error.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code collections} parameter of dataset tiles (OGC 20-057, collections-selection): collection ids or their
 * URLs, comma-separated, drawn in the order given. Parsed against the catalog before any source is asked.
 */
final class CollectionsSelection {

  private static final String NAME = "collections";
  private static final String URL_PART = "/collections/";

  private CollectionsSelection() {}

  /** The selected collections, or every collection when the parameter is absent. */
  static List<Collection> parse(Catalog catalog, String parameter) {
    if (parameter == null) {
      return catalog.collections();
    }
    List<Collection> selected = new ArrayList<>();
    for (String item : parameter.split(",", -1)) {
      String id = item.contains(URL_PART) ? item.substring(item.lastIndexOf(URL_PART) + URL_PART.length()) : item;
      Collection collection = catalog.find(id.strip()).orElseThrow(() -> new InvalidParameterException(NAME,
          "there is no collection '" + id.strip() + "'"));
      if (selected.contains(collection)) {
        throw new InvalidParameterException(NAME, "collection '" + collection.id() + "' is listed twice");
      }
      selected.add(collection);
    }
    return selected;
  }
}
