package io.urbis.encode.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.SpatialExtent;
import io.urbis.encode.CollectionDescription;
import io.urbis.encode.CollectionList;
import io.urbis.encode.ConformanceDeclaration;
import io.urbis.encode.Extent;
import io.urbis.encode.FeatureDocument;
import io.urbis.encode.LandingPage;
import io.urbis.encode.Link;
import io.urbis.source.EncodedFeature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlDocumentWriterTest {

  private static final String B = Samples.BASE;

  @Test
  void writesTheFiveDocumentsAndNothingElse() {
    HtmlDocumentWriter writer = new HtmlDocumentWriter();
    for (Class<?> type : List.of(LandingPage.class, ConformanceDeclaration.class, CollectionList.class,
        CollectionDescription.class, FeatureDocument.class)) {
      assertTrue(writer.isWriteable(type, type, new Annotation[0], MediaType.TEXT_HTML_TYPE), type.getName());
    }
    assertFalse(writer.isWriteable(String.class, String.class, new Annotation[0], MediaType.TEXT_HTML_TYPE));
  }

  @Test
  void theLandingPageListsItsLinksOncePerRelation() throws IOException {
    String html = write(new LandingPage("Görlitz " + Samples.HOSTILE, "Synthetic demo data", List.of(
        new Link(B + "/?f=html", "self", "text/html", "This document"),
        new Link(B + "/?f=json", "alternate", "application/json", "This document as JSON"),
        new Link(B + "/collections?f=json", "data", "application/json", "Collections"),
        new Link(B + "/collections?f=html", "data", "text/html", "Collections"),
        new Link(B + "/conformance?f=html", "conformance", "text/html", "Conformance"))));

    assertTrue(html.contains("<h1>Görlitz &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"), html);
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("<li><a href=\"" + B + "/collections?f=html\">Collections</a> "
        + "<a class=\"format\" href=\"" + B + "/collections?f=json\">JSON</a>"));
    assertTrue(html.contains("<a href=\"" + B + "/conformance?f=html\">Conformance</a>"));
    assertTrue(html.contains("<a href=\"" + B + "/?f=json\">This page as JSON</a>"));
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + B + "/assets/urbis/urbis.css\">"));
    assertFalse(html.contains("leaflet"));
  }

  @Test
  void theConformancePageListsTheClasses() throws IOException {
    String uri = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    String html = write(new ConformanceDeclaration(List.of(uri),
        List.of(new Link(B + "/conformance?f=html", "self", "text/html", null))));

    assertTrue(html.contains("<li><a href=\"" + uri + "\">" + uri + "</a></li>"), html);
    assertTrue(html.contains("<li aria-current=\"page\">Conformance</li>"));
  }

  @Test
  void theCollectionsTableLinksEachCollectionPageAndItsItems() throws IOException {
    CollectionDescription roads = roads(Samples.HOSTILE);
    String html = write(new CollectionList(
        List.of(new Link(B + "/collections?f=html", "self", "text/html", null)), List.of(roads)));

    assertTrue(html.contains("<a href=\"" + B + "/collections/roads?f=html\">&lt;script&gt;"), html);
    assertTrue(html.contains("<a class=\"format\" href=\"" + B + "/collections/roads/items?f=json\">GeoJSON</a>"));
    assertTrue(html.contains("14.9, 51.1 – 15, 51.2 (CRS84)"));
    assertFalse(html.contains("<script>"));
  }

  @Test
  void theCollectionPageMapsTheExtent() throws IOException {
    String html = write(roads("Roads"));

    assertTrue(html.contains("<script type=\"application/json\" id=\"extent\">[[14.9,51.1,15.0,51.2]]</script>"), html);
    assertTrue(html.contains("<div id=\"map\""));
    assertTrue(html.contains("<script src=\"" + B + "/assets/urbis/map.js\"></script>"));
    assertTrue(html.contains("<li><a href=\"" + B + "/collections?f=html\">Collections</a></li>"
        + "<li aria-current=\"page\">Roads</li>"));
  }

  @Test
  void theFeaturePageShowsPropertiesEscaped() throws IOException {
    String properties = "{\"name\":\"" + Samples.HOSTILE + "\",\"lanes\":2}";
    String self = B + "/collections/roads/items/7?f=html";
    String html = write(new FeatureDocument(Samples.roads("Roads"),
        EncodedFeature.ofText(7L, "{\"type\":\"Point\",\"coordinates\":[14.9,51.1]}", properties),
        List.of(new Link(self, "self", "text/html", null),
            new Link(B + "/collections/roads/items/7?f=json", "alternate", "application/geo+json", null))));

    String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
    assertTrue(html.contains("<tr><th scope=\"row\">name</th><td>" + escaped + "</td></tr>"), html);
    assertFalse(html.contains("<script>alert"));
    assertTrue(html.contains("\"href\":\"" + self + "\""));
    assertTrue(html.contains("<li><a href=\"" + B + "/collections/roads/items?f=html\">Items</a></li>"
        + "<li aria-current=\"page\">7</li>"));
  }

  private static CollectionDescription roads(String title) {
    String c = B + "/collections/roads";
    return new CollectionDescription("roads", title, "Main roads", List.of(
        new Link(c + "?f=html", "self", "text/html", null),
        new Link(c + "/items?f=html", "items", "text/html", null),
        new Link(c + "/items?f=json", "items", "application/geo+json", null)),
        Extent.of(new SpatialExtent(14.9, 51.1, 15.0, 51.2), null), "feature", null, null);
  }

  private static String write(Object document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new HtmlDocumentWriter().writeTo(document, document.getClass(), document.getClass(), new Annotation[0],
        MediaType.TEXT_HTML_TYPE, new MultivaluedHashMap<>(), out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
