package io.urbis.encode.html;

import io.urbis.catalog.Collection;
import io.urbis.encode.FeatureDocument;
import io.urbis.source.EncodedFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/** One feature: a map of its geometry and a table of its properties. */
final class FeatureView implements HtmlView<FeatureDocument> {

  @Override
  public PageHead head(FeatureDocument document) {
    Collection collection = document.collection();
    String id = String.valueOf(document.feature().id());
    String title = id + " · " + Fragments.titleOr(collection.title(), collection.id());
    return PageHead.of(title, document.links(),
        base -> Breadcrumbs.collection(base, collection.id(), collection.title()).then("Items", "items").then(id, id),
        document.feature().geometryJson() != null);
  }

  @Override
  public void writeBody(Writer out, FeatureDocument document) throws IOException {
    EncodedFeature feature = document.feature();
    Collection collection = document.collection();
    out.write("<h1>" + Html.escape(feature.id()) + "</h1>\n<p class=\"subtitle\">Feature of "
        + Html.escape(Fragments.titleOr(collection.title(), collection.id())) + "</p>\n");
    if (feature.geometryJson() != null) {
      MapData map = new MapData();
      map.add(feature, Links.selfHref(document.links()));
      out.write(Fragments.map());
      out.write(map.html());
    } else {
      out.write("<p class=\"note\">This feature has no geometry.</p>\n");
    }
    out.write(Fragments.propertyTable(PropertyValues.read(feature.propertiesJson())));
    out.write("<h2>Links</h2>\n" + LinkList.html(document.links(), Set.of()));
  }
}
