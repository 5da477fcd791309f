package io.urbis.encode.html;

import io.urbis.encode.CollectionDescription;
import io.urbis.encode.CollectionPage;
import io.urbis.encode.Json;
import io.urbis.encode.Link;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/** One collection: description, extent with a map of it, links to its items. */
final class CollectionView implements HtmlView<CollectionPage> {

  static final String EXTENT_ELEMENT_ID = "extent";

  @Override
  public PageHead head(CollectionPage page) {
    CollectionDescription collection = page.collection();
    return PageHead.of(title(collection), collection.links(),
        base -> Breadcrumbs.collection(base, collection.id(), collection.title()), hasBbox(collection));
  }

  @Override
  public void writeBody(Writer out, CollectionPage page) throws IOException {
    CollectionDescription collection = page.collection();
    out.write("<h1>" + Html.escape(title(collection)) + "</h1>\n");
    if (collection.description() != null) {
      out.write("<p class=\"description\">" + Html.escape(collection.description()) + "</p>\n");
    }
    List<Link> items = collection.links().stream().filter(l -> "items".equals(l.rel())).toList();
    if (!items.isEmpty()) {
      out.write("<p class=\"items\">Items: " + Fragments.formats(items) + "</p>\n");
    }
    out.write(Fragments.extent(collection.extent()));
    if (hasBbox(collection)) {
      out.write(Fragments.map());
      String boxes = Json.MAPPER.writeValueAsString(collection.extent().spatial().bbox());
      out.write(Fragments.mapData(EXTENT_ELEMENT_ID, boxes));
    }
    out.write(Viewer3d.html(collection.links()));
    if (collection.crs() != null && !collection.crs().isEmpty()) {
      out.write("<h2>Coordinate reference systems</h2>\n<ul class=\"uris\">\n");
      for (String crs : collection.crs()) {
        out.write("<li>" + Html.escape(crs) + "</li>\n");
      }
      out.write("</ul>\n");
    }
    String others = LinkList.html(collection.links(), Set.of("items"));
    if (!others.isEmpty()) {
      out.write("<h2>Links</h2>\n" + others);
    }
    if (page.jsonLd() != null) {
      out.write(Fragments.jsonLd(page.jsonLd()));
    }
  }

  private static String title(CollectionDescription collection) {
    return Fragments.titleOr(collection.title(), collection.id());
  }

  private static boolean hasBbox(CollectionDescription collection) {
    return collection.extent() != null && collection.extent().spatial() != null
        && collection.extent().spatial().bbox() != null && !collection.extent().spatial().bbox().isEmpty();
  }
}
