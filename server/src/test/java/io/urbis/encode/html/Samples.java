package io.urbis.encode.html;

import io.urbis.catalog.Collection;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.encode.Link;
import io.urbis.query.Paging;
import java.util.ArrayList;
import java.util.List;

/** Documents and links as the API builds them, behind a proxy at https://maps.example.org/ogc. */
final class Samples {

  static final String BASE = "https://maps.example.org/ogc";
  static final String HOSTILE = "<script>alert('x')</script>";

  private Samples() {}

  static Collection roads(String title) {
    return new Collection("roads", title, "Main roads", "roads", "fid", JsonType.INTEGER, "geom",
        GeometryType.LINESTRING, 4326, false,
        List.of(new Property("name", JsonType.STRING), new Property("lanes", JsonType.INTEGER),
            new Property("tags", JsonType.OBJECT)),
        null, new FixedData(new SpatialExtent(14.9, 51.1, 15.0, 51.2)), null);
  }

  /** Links of an items page: self, alternate, collection, and next/prev when the paging has them. */
  static List<Link> itemsLinks(Paging paging) {
    String items = BASE + "/collections/roads/items";
    List<Link> links = new ArrayList<>(List.of(
        new Link(items + "?f=html", "self", "text/html", "This page"),
        new Link(items + "?f=json", "alternate", "application/geo+json", "This page as GeoJSON"),
        new Link(BASE + "/collections/roads?f=html", "collection", "text/html", "The collection")));
    if (paging.next() != null) {
      links.add(new Link(items + "?f=html&cursor=next-" + paging.next().key(), "next", "text/html", "Next page"));
    }
    if (paging.prev() != null) {
      links.add(new Link(items + "?f=html&cursor=prev-" + paging.prev().key(), "prev", "text/html", "Previous page"));
    }
    return links;
  }
}
