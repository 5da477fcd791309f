package io.urbis.tiles;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which properties the tiles of each collection carry at which zoom: coarse tiles are smaller with fewer
 * attributes. Configured per collection as "from this zoom level on, these properties"; all properties where
 * nothing is configured. Names that are not properties of the collection are ignored, so only catalog names
 * ever reach a source.
 */
public final class TileProperties {

  public static final TileProperties ALL = new TileProperties(Map.of());

  private final Map<String, NavigableMap<Integer, List<String>>> byCollection;

  public TileProperties(Map<String, Map<Integer, List<String>>> configured) {
    this.byCollection = configured.entrySet().stream().collect(Collectors.toUnmodifiableMap(
        Map.Entry::getKey, entry -> new TreeMap<>(entry.getValue())));
  }

  /** The properties of {@code collection} in tiles of zoom level {@code zoom}, in catalog order. */
  public List<String> forZoom(Collection collection, int zoom) {
    NavigableMap<Integer, List<String>> levels = byCollection.get(collection.id());
    List<String> all = collection.properties().stream().map(Property::name).toList();
    if (levels == null) {
      return all;
    }
    Map.Entry<Integer, List<String>> level = levels.floorEntry(zoom);
    List<String> wanted = level == null ? List.of() : level.getValue();
    return all.stream().filter(wanted::contains).toList();
  }
}
