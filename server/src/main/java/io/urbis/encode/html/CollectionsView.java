package io.urbis.encode.html;

import io.urbis.encode.CollectionDescription;
import io.urbis.encode.CollectionList;
import io.urbis.encode.Link;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The collections: one table row each, with title, description, item links (and the 3D view of those with 3D
 * tiles) and extent.
 */
final class CollectionsView implements HtmlView<CollectionList> {

  @Override
  public PageHead head(CollectionList list) {
    return PageHead.of("Collections", list.links(),
        base -> Breadcrumbs.home(base).then("Collections", "collections"), false);
  }

  @Override
  public void writeBody(Writer out, CollectionList list) throws IOException {
    String base = PublicBase.fromSelf(Links.selfHref(list.links()));
    out.write("<h1>Collections</h1>\n<table class=\"collections\">\n"
        + "<tr><th>Collection</th><th>Description</th><th>Items</th><th>Extent</th></tr>\n");
    for (CollectionDescription collection : list.collections()) {
      out.write(row(collection, base));
    }
    out.write("</table>\n");
  }

  private static String row(CollectionDescription collection, String base) {
    String page = Links.htmlPage(collection.links()).map(Link::href)
        .orElse(base + "/collections/" + Links.encodeSegment(collection.id()) + "?f=html");
    String title = Fragments.titleOr(collection.title(), collection.id());
    List<Link> items = collection.links().stream().filter(l -> "items".equals(l.rel())).toList();
    return "<tr><td>" + Html.anchor(page, title) + "<div class=\"id\">" + Html.escape(collection.id()) + "</div></td>"
        + "<td class=\"description\">" + Html.escape(collection.description()) + "</td>"
        + "<td>" + Fragments.formats(items) + view3d(collection, page) + "</td>"
        + "<td class=\"extent\">" + Html.escape(Fragments.bbox(collection.extent())) + "</td></tr>\n";
  }

  /** A link to the 3D view on the collection's page, when it has 3D tiles. */
  private static String view3d(CollectionDescription collection, String page) {
    return Viewer3d.tileset(collection.links()).isEmpty() ? "" : Viewer3d.link(page);
  }
}
