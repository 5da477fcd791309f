package io.urbis.encode.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.SpatialExtent;
import io.urbis.encode.CollectionDescription;
import io.urbis.encode.CollectionPage;
import io.urbis.encode.CollectionEntry;
import io.urbis.encode.CollectionList;
import io.urbis.encode.ConformanceDeclaration;
import io.urbis.encode.DatasetOverview;
import io.urbis.encode.Extent;
import io.urbis.encode.FeatureDocument;
import io.urbis.encode.LandingPage;
import io.urbis.encode.Link;
import io.urbis.encode.tiles.TileMapPage;
import io.urbis.source.EncodedFeature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlDocumentWriterTest {

  private static final String B = Samples.BASE;

  @Test
  void writesTheSixDocumentsAndNothingElse() {
    HtmlDocumentWriter writer = new HtmlDocumentWriter();
    for (Class<?> type : List.of(DatasetOverview.class, ConformanceDeclaration.class, CollectionList.class,
        CollectionPage.class, FeatureDocument.class, TileMapPage.class)) {
      assertTrue(writer.isWriteable(type, type, new Annotation[0], MediaType.TEXT_HTML_TYPE), type.getName());
    }
    assertFalse(writer.isWriteable(String.class, String.class, new Annotation[0], MediaType.TEXT_HTML_TYPE));
    // the landing page's HTML is the overview of the dataset; the landing page alone is JSON
    assertFalse(writer.isWriteable(LandingPage.class, LandingPage.class, new Annotation[0], MediaType.TEXT_HTML_TYPE));
  }

  @Test
  void theLandingPageListsItsLinksOncePerRelation() throws IOException {
    String html = write(new DatasetOverview(landingPage("Görlitz " + Samples.HOSTILE), null, List.of(), List.of()));

    assertTrue(html.contains("<h1>Görlitz &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"), html);
    assertFalse(html.contains("<script"));
    assertTrue(html.contains("<li><a href=\"" + B + "/collections?f=html\">Collections</a> "
        + "<a class=\"format\" href=\"" + B + "/collections?f=json\">JSON</a>"));
    assertTrue(html.contains("<a href=\"" + B + "/conformance?f=html\">Conformance</a>"));
    assertTrue(html.contains("<a href=\"" + B + "/?f=json\">This page as JSON</a>"));
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + B + "/assets/urbis/urbis.css\">"));
    assertFalse(html.contains("leaflet"));
    assertFalse(html.contains("tile-map"), "no collection, no map");
    assertTrue(html.contains("<p class=\"note\">There are no collections to show.</p>"));
  }

  @Test
  void theLandingPageMapsTheCollectionsAndLinksTheirFeaturesMapsAnd3dViews() throws IOException {
    String html = write(new DatasetOverview(landingPage("City"), B + "/tiles/WebMercatorQuad/style",
        List.of(entry("buildings", Samples.HOSTILE, true), entry("roads", "Roads", false)), List.of()));

    assertTrue(html.contains("<div id=\"tile-map\" class=\"tile-map\" role=\"region\" aria-label=\"Map of the "
        + "collections\" data-style=\"" + B + "/tiles/WebMercatorQuad/style\"></div>"), html);
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + B + "/assets/maplibre/maplibre-gl.css\">"));
    assertTrue(html.contains("<script src=\"" + B + "/assets/maplibre/maplibre-gl.js\"></script>\n"
        + "<script src=\"" + B + "/assets/urbis/tiles-map.js\"></script>\n</main>"), "scripts after the legend");
    String buildings = B + "/collections/buildings";
    assertTrue(html.contains("<li><span class=\"layer-swatch\" data-layer=\"buildings\"></span><a href=\""
        + buildings + "?f=html\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a> "
        + "<a class=\"format\" href=\"" + buildings + "/items?f=html\">HTML</a>"
        + "<a class=\"format\" href=\"" + buildings + "/items?f=json\">GeoJSON</a>"
        + "<a class=\"format\" href=\"" + buildings + "/tiles/WebMercatorQuad?f=html\">Map</a>"
        + "<a class=\"format\" href=\"" + buildings + "?f=html#view3d\">3D view</a>"
        + "<div class=\"description\">Description of buildings</div></li>"), html);
    assertTrue(html.contains("<span class=\"layer-swatch\" data-layer=\"roads\"></span>"));
    assertFalse(html.contains("roads?f=html#view3d"), "roads have no 3D tiles");
    assertFalse(html.contains("Heat plan"), "no heat plan layers, no section for them");
    assertNoInlineScriptOrStyle(html);
  }

  @Test
  void heatPlanLayersAreListedApartWhenThereAreAny() throws IOException {
    String html = write(new DatasetOverview(landingPage("City"), B + "/tiles/WebMercatorQuad/style",
        List.of(entry("buildings", "Buildings", false)), List.of(entry("heat_supply", "Heat supply", false))));

    String section = html.substring(html.indexOf("<h2>Heat plan layers</h2>"));
    assertTrue(section.startsWith("<h2>Heat plan layers</h2>\n<ul class=\"layers\">\n<li><span class=\"layer-swatch\""
        + " data-layer=\"heat_supply\"></span><a href=\"" + B + "/collections/heat_supply?f=html\">Heat supply</a>"),
        html);
    assertFalse(section.contains("data-layer=\"buildings\""));
  }

  @Test
  void theMapOfATileSetListsEveryCollectionOfTheSet() throws IOException {
    String html = write(new TileMapPage("City", B, B + "/tiles/WebMercatorQuad/style?collections=roads,buildings",
        List.of(new Link(B + "/tiles/WebMercatorQuad?f=html", "self", "text/html", null)),
        List.of(entry("roads", "Roads", false), entry("buildings", null, false))));

    assertTrue(html.contains("data-style=\"" + B + "/tiles/WebMercatorQuad/style?collections=roads,buildings\""),
        html);
    assertTrue(html.contains("<ul class=\"layers\">\n"
        + "<li><span class=\"layer-swatch\" data-layer=\"roads\"></span><a href=\"" + B
        + "/collections/roads?f=html\">Roads</a></li>\n"
        + "<li><span class=\"layer-swatch\" data-layer=\"buildings\"></span><a href=\"" + B
        + "/collections/buildings?f=html\">buildings</a></li>\n</ul>"), html);
    assertNoInlineScriptOrStyle(html);
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
    String html = write(new CollectionPage(roads("Roads"), null));

    assertTrue(html.contains("<script type=\"application/json\" id=\"extent\">[[14.9,51.1,15.0,51.2]]</script>"), html);
    assertTrue(html.contains("<div id=\"map\""));
    assertTrue(html.contains("<script src=\"" + B + "/assets/urbis/map.js\"></script>"));
    assertTrue(html.contains("<li><a href=\"" + B + "/collections?f=html\">Collections</a></li>"
        + "<li aria-current=\"page\">Roads</li>"));
  }

  @Test
  void theCollectionPageEmbedsItsCatalogEntryAsAJsonLdDataBlock() throws IOException {
    String jsonLd = "{\"@id\":\"" + B + "/collections/roads#dataset\",\"title\":\"</script><script>x()\"}";
    String html = write(new CollectionPage(roads("Roads"), jsonLd));

    assertTrue(html.contains("<script type=\"application/ld+json\">{\"@id\":\"" + B + "/collections/roads#dataset\","
        + "\"title\":\"\\u003c/script>\\u003cscript>x()\"}</script>"), html);
    assertNoInlineScriptOrStyle(html);
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

  private static LandingPage landingPage(String title) {
    return new LandingPage(title, "Synthetic demo data", List.of(
        new Link(B + "/?f=html", "self", "text/html", "This document"),
        new Link(B + "/?f=json", "alternate", "application/json", "This document as JSON"),
        new Link(B + "/collections?f=json", "data", "application/json", "Collections"),
        new Link(B + "/collections?f=html", "data", "text/html", "Collections"),
        new Link(B + "/conformance?f=html", "conformance", "text/html", "Conformance")));
  }

  private static CollectionEntry entry(String id, String title, boolean has3dView) {
    String c = B + "/collections/" + id;
    return new CollectionEntry(id, title, "Description of " + id, c + "?f=html",
        List.of(new Link(c + "/items?f=html", "items", "text/html", null),
            new Link(c + "/items?f=json", "items", "application/geo+json", null)),
        c + "/tiles/WebMercatorQuad?f=html", has3dView);
  }

  /**
   * What a strict Content-Security-Policy ({@code script-src 'self'; style-src 'self'}) lets a page do: scripts
   * from files, data blocks (JSON, JSON-LD), no style elements or attributes, no event handler attributes.
   */
  private static void assertNoInlineScriptOrStyle(String html) {
    Matcher script = Pattern.compile("<script([^>]*)>").matcher(html);
    while (script.find()) {
      assertTrue(script.group(1).contains(" src=\"") || script.group(1).contains("type=\"application/json\"")
          || script.group(1).equals(" type=\"application/ld+json\""), script.group());
    }
    assertFalse(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=").matcher(html).find(), html);
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
