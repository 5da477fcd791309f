package io.urbis.encode;

import java.util.List;

/**
 * A collection as the HTML pages that list collections for people show it: where its page, features, map and 3D
 * view are.
 *
 * @param id the collection id, which is also its layer in the vector tiles of the dataset
 * @param title its title, or null
 * @param description its description, or null
 * @param page its HTML page
 * @param items its features, one link per format
 * @param map the HTML map of its vector tiles
 * @param has3dView whether it has 3D tiles, which its page shows in a 3D view
 */
public record CollectionEntry(String id, String title, String description, String page, List<Link> items,
    String map, boolean has3dView) {

  public CollectionEntry {
    items = List.copyOf(items);
  }
}
