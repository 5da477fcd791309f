package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.encode.CollectionDescription;
import io.urbis.encode.Extent;
import io.urbis.encode.Link;
import io.urbis.tiles3d.TileIndex;
import io.urbis.tiles3d.TilingScheme;
import io.urbis.tiles3d.Tiles3dService;
import java.util.ArrayList;
import java.util.List;

/**
 * What OGC API - 3D GeoVolumes (draft 22-029, /req/core/collections) adds to a collection with 3D tiles: a link to
 * the tileset and a 3D bounding box (CRS84h, heights above the ellipsoid).
 */
final class GeoVolumes {

  static final String CRS84H = "http://www.opengis.net/def/crs/OGC/0/CRS84h";

  private GeoVolumes() {}

  /** The description with the tileset link and the 3D extent, when the collection has 3D tiles. */
  static CollectionDescription describe(CollectionDescription d, Collection collection, Tiles3dService tiles,
      LinkBuilder links) {
    if (!tiles.offers(collection)) {
      return d;
    }
    List<Link> all = new ArrayList<>(d.links());
    all.add(new Link(links.path("collections", collection.id(), "3dtiles"), Link.GEOVOLUMES_REL,
        Tiles3dResource.TILESET_TYPE, "3D Tiles"));
    return new CollectionDescription(d.id(), d.title(), d.description(), all, extent3d(d.extent(), collection, tiles),
        d.itemType(), d.crs(), d.storageCrs());
  }

  /**
   * The extent with heights: those of the tiles' models. A collection whose rows a filter narrows takes its box from
   * the models too, which the source reads within the filter.
   */
  private static Extent extent3d(Extent extent, Collection collection, Tiles3dService tiles) {
    SpatialExtent box = collection.spatialExtent();
    if (box == null) {
      return extent;
    }
    TileIndex index = tiles.index(collection);
    TilingScheme scheme = index.scheme();
    double[] bbox;
    if (collection.rowFilter() == null) {
      bbox = new double[] {box.minLon(), box.minLat(), scheme.minHeight(), box.maxLon(), box.maxLat(),
          scheme.maxHeight()};
    } else if (index.contentTiles().isEmpty()) {
      return extent;
    } else {
      bbox = new double[] {scheme.west(), scheme.south(), scheme.minHeight(), scheme.east(), scheme.north(),
          scheme.maxHeight()};
    }
    return new Extent(new Extent.Spatial(List.of(bbox), CRS84H), extent == null ? null : extent.temporal());
  }
}
