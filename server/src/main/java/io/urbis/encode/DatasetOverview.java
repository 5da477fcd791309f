package io.urbis.encode;

import java.util.List;

/**
 * The landing page as people see it, in HTML: its links, a map of the vector tiles of every collection the caller
 * sees, and those collections. Its JSON form is the {@link LandingPage} alone, as OGC API clients read it.
 *
 * @param landingPage the landing page
 * @param mapStyle the MapLibre style of the dataset's vector tiles (every collection a layer), or null when there is
 *     no collection to draw
 * @param collections the collections but the layers of heat plans, in the order of the style's layers
 * @param heatPlanLayers the collections that are layers of a heat plan, listed apart, in the order of the style's
 *     layers
 */
public record DatasetOverview(LandingPage landingPage, String mapStyle, List<CollectionEntry> collections,
    List<CollectionEntry> heatPlanLayers) {

  public DatasetOverview {
    collections = List.copyOf(collections);
    heatPlanLayers = List.copyOf(heatPlanLayers);
  }
}
