package io.urbis.encode.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.encode.Link;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkListTest {

  private static final String OGC_DATA = "http://www.opengis.net/def/rel/ogc/1.0/data";

  @Test
  void oneLinePerTargetLinkingItsHtmlFormFirst() {
    checkList(List.of(
        new Link("/collections?f=json", "data", "application/json", "Collections"),
        new Link("/collections?f=html", "data", "text/html", "Collections"),
        new Link("/collections?f=json", OGC_DATA, "application/json", "Collections"),
        new Link("/collections?f=html", OGC_DATA, "text/html", "Collections")),
        "<li><a href=\"/collections?f=html\">Collections</a> <a class=\"format\" href=\"/collections?f=json\">JSON</a>"
            + " <span class=\"rel\">data</span></li>");
  }

  @Test
  void untitledLinksAreNamedByTheirRelations() {
    checkList(List.of(new Link("/x?f=json", "describedby", "application/json", null)),
        "<li><a href=\"/x?f=json\">describedby</a> <span class=\"rel\">describedby</span></li>");
  }

  @Test
  void theFrameLinksAndTheLinksShownElsewhereAreLeftOut() {
    assertEquals("", LinkList.html(List.of(new Link("/a", "self", "text/html", null),
        new Link("/b", "alternate", "application/json", null), new Link("/c", "items", "text/html", null)),
        Set.of("items")));
  }

  @Test
  void hostileTitlesAreEscaped() {
    checkList(List.of(new Link("/x\"><script>", "license", "text/html", "<b>MIT</b>")),
        "<li><a href=\"/x&quot;&gt;&lt;script&gt;\">&lt;b&gt;MIT&lt;/b&gt;</a> <span class=\"rel\">license</span></li>");
  }

  private static void checkList(List<Link> links, String expectedItem) {
    assertEquals("<ul class=\"links\">\n" + expectedItem + "\n</ul>\n", LinkList.html(links, Set.of()));
  }
}
