package io.urbis.encode.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesMarkupAndQuotes() {
    assertEquals("&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
        Html.escape("<script>alert(\"x\" & 'y')</script>"));
  }

  @Test
  void nullIsEmpty() {
    assertEquals("", Html.escape(null));
  }

  @Test
  void scriptJsonCannotCloseItsElement() {
    assertEquals("{\"a\":\"\\u003c/script>\\u003c!--\"}", Html.scriptJson("{\"a\":\"</script><!--\"}"));
  }
}
