package io.urbis.encode.html;

import io.urbis.encode.CollectionEntry;
import io.urbis.encode.DatasetOverview;
import io.urbis.encode.LandingPage;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * The landing page: title, description, a map of every collection the caller sees, those collections with links to
 * their features, maps and 3D views, the layers of heat plans where there are any, and the links to the API's
 * resources.
 */
final class LandingPageView implements HtmlView<DatasetOverview> {

  @Override
  public PageHead head(DatasetOverview overview) {
    LandingPage page = overview.landingPage();
    return PageHead.of(Fragments.titleOr(page.title(), "Urbis"), page.links(), Breadcrumbs::home, false);
  }

  @Override
  public void writeBody(Writer out, DatasetOverview overview) throws IOException {
    LandingPage page = overview.landingPage();
    String base = head(overview).base();
    out.write("<h1>" + Html.escape(head(overview).title()) + "</h1>\n");
    if (page.description() != null) {
      out.write("<p class=\"description\">" + Html.escape(page.description()) + "</p>\n");
    }
    if (overview.mapStyle() != null) {
      out.write(TileMap.element(base, overview.mapStyle(), "Map of the collections"));
    }
    out.write("<h2>Collections</h2>\n");
    out.write(overview.collections().isEmpty() ? "<p class=\"note\">There are no collections to show.</p>\n"
        : entries(overview.collections()));
    if (!overview.heatPlanLayers().isEmpty()) {
      out.write("<h2>Heat plan layers</h2>\n" + entries(overview.heatPlanLayers()));
    }
    out.write("<h2>API</h2>\n" + LinkList.html(page.links(), Set.of()));
    if (overview.mapStyle() != null) {
      out.write(TileMap.scripts(base));
    }
  }

  private static String entries(List<CollectionEntry> collections) {
    StringBuilder html = new StringBuilder("<ul class=\"layers\">\n");
    for (CollectionEntry collection : collections) {
      html.append("<li>").append(TileMap.name(collection)).append(' ').append(Fragments.formats(collection.items()))
          .append("<a class=\"format\" href=\"").append(Html.escape(collection.map())).append("\">Map</a>");
      if (collection.has3dView()) {
        html.append(Viewer3d.link(collection.page()));
      }
      if (collection.description() != null && !collection.description().isBlank()) {
        html.append("<div class=\"description\">").append(Html.escape(collection.description())).append("</div>");
      }
      html.append("</li>\n");
    }
    return html.append("</ul>\n").toString();
  }
}
