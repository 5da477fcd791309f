package io.urbis.encode.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.encode.FeaturePage;
import io.urbis.query.PageCursor;
import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlFeaturePageWriterTest {

  private static final String LINE = "{\"type\":\"LineString\",\"coordinates\":[[14.9,51.1],[15.0,51.2]]}";

  @Test
  void everyFeatureIsARowLinkingToItsPage() throws IOException {
    String html = write(page(List.of(
        EncodedFeature.ofText(1L, LINE, "{\"name\":\"Berliner Straße\",\"lanes\":2,\"tags\":{\"a\":[1,2]}}"),
        EncodedFeature.ofText(2L, null, "{\"name\":\"Postplatz\",\"lanes\":null}"),
        EncodedFeature.ofText("a b", LINE, "{}")), Paging.NONE));

    assertTrue(html.contains("<a href=\"" + Samples.BASE + "/collections/roads/items/1?f=html\">1</a>"), html);
    assertTrue(html.contains("<a href=\"" + Samples.BASE + "/collections/roads/items/2?f=html\">2</a>"));
    assertTrue(html.contains("<a href=\"" + Samples.BASE + "/collections/roads/items/a%20b?f=html\">a b</a>"));
    assertTrue(html.contains("<td>Berliner Straße</td><td>2</td><td>{&quot;a&quot;:[1,2]}</td>"));
    assertTrue(html.contains("<th>name</th><th>lanes</th><th>tags</th>"));
    assertTrue(html.contains("3 features of 1234 matching"));
  }

  @Test
  void theNextAndPreviousLinksBecomeButtons() throws IOException {
    Paging paging = new Paging(PageCursor.after(3), PageCursor.before(1));
    String html = write(page(List.of(EncodedFeature.ofText(2L, LINE, "{}")), paging));

    String items = Samples.BASE + "/collections/roads/items";
    assertTrue(html.contains("rel=\"next\" href=\"" + items + "?f=html&amp;cursor=next-3\">Next ›</a>"), html);
    assertTrue(html.contains("rel=\"prev\" href=\"" + items + "?f=html&amp;cursor=prev-1\">‹ Previous</a>"));
  }

  @Test
  void aLastPageHasNoNextButton() throws IOException {
    String html = write(page(List.of(EncodedFeature.ofText(2L, LINE, "{}")), Paging.NONE));

    assertFalse(html.contains("rel=\"next\""));
  }

  @Test
  void hostilePropertiesAndTitlesAreEscaped() throws IOException {
    String properties = "{\"name\":\"" + Samples.HOSTILE + "\",\"</script><script>alert(1)</script>\":1}";
    String html = write(new FeaturePage(Samples.roads(Samples.HOSTILE),
        new FakeFeatureStream(List.of(EncodedFeature.ofText(Samples.HOSTILE, LINE, properties)), Paging.NONE),
        Samples::itemsLinks, Instant.EPOCH));

    assertFalse(html.contains("<script>alert"), html);
    assertFalse(html.contains("</script><script>"));
    assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));
  }

  @Test
  void theMapDataHoldsTheFeaturesWithGeometryAndTheirPages() throws IOException {
    String html = write(page(List.of(
        EncodedFeature.ofText(1L, LINE, "{\"name\":\"x\"}"), EncodedFeature.ofText(2L, null, "{}")), Paging.NONE));

    String data = html.substring(html.indexOf("<script type=\"application/json\" id=\"features\">"));
    assertTrue(data.contains("{\"type\":\"Feature\",\"id\":1,\"href\":\"" + Samples.BASE
        + "/collections/roads/items/1?f=html\",\"geometry\":" + LINE + ",\"properties\":{\"name\":\"x\"}}"), data);
    assertFalse(data.contains("\"id\":2"));
    assertTrue(html.contains("<script src=\"" + Samples.BASE + "/assets/leaflet/leaflet.js\"></script>"));
    assertTrue(html.contains("<link rel=\"stylesheet\" href=\"" + Samples.BASE + "/assets/leaflet/leaflet.css\">"));
  }

  @Test
  void theFrameHasBreadcrumbsAndTheGeoJsonAlternate() throws IOException {
    String html = write(page(List.of(), Paging.NONE));

    assertTrue(html.contains("<li><a href=\"" + Samples.BASE + "/collections/roads?f=html\">Roads</a></li>"
        + "<li aria-current=\"page\">Items</li>"), html);
    String geoJson = Samples.BASE + "/collections/roads/items?f=json";
    assertTrue(html.contains("<a href=\"" + geoJson + "\">This page as GeoJSON</a>"));
    assertTrue(html.contains("<a href=\"" + Samples.BASE + "/api?f=html\">API definition</a>"));
  }

  @Test
  void theStreamIsClosedAfterWriting() throws IOException {
    FakeFeatureStream features = new FakeFeatureStream(List.of(EncodedFeature.ofText(1L, LINE, "{}")), Paging.NONE);
    write(new FeaturePage(Samples.roads("Roads"), features, Samples::itemsLinks, Instant.EPOCH));

    assertTrue(features.closed);
  }

  @Test
  void theStreamIsClosedWhenAFeatureCannotBeWritten() {
    FakeFeatureStream features =
        new FakeFeatureStream(List.of(EncodedFeature.ofText(1L, LINE, "{not json")), Paging.NONE);
    FeaturePage page = new FeaturePage(Samples.roads("Roads"), features, Samples::itemsLinks, Instant.EPOCH);

    assertThrows(IOException.class, () -> write(page));
    assertTrue(features.closed);
  }

  private static FeaturePage page(List<EncodedFeature> features, Paging paging) {
    return new FeaturePage(Samples.roads("Roads"), new FakeFeatureStream(features, paging), Samples::itemsLinks,
        Instant.EPOCH);
  }

  private static String write(FeaturePage page) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MultivaluedHashMap<String, Object> headers = new MultivaluedHashMap<>();
    new HtmlFeaturePageWriter().writeTo(page, FeaturePage.class, FeaturePage.class, new Annotation[0],
        MediaType.TEXT_HTML_TYPE, headers, out);
    assertEquals(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"), headers.getFirst("Content-Type"));
    return out.toString(StandardCharsets.UTF_8);
  }
}
