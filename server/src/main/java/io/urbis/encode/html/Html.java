package io.urbis.encode.html;

/** Escapes text for HTML element content and quoted attribute values; every value a page shows goes through it. */
public final class Html {

  private Html() {}

  /** The text with {@code & < > " '} replaced by character references; null becomes the empty string. */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** An anchor element; both the target and the text are escaped. */
  static String anchor(String href, Object text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  /**
   * JSON text made safe inside a {@code <script type="application/json">} element: every {@code <} becomes the
   * JSON escape {@code \u003c}, so neither {@code </script>} nor {@code <!--} can end or bend the element. A
   * {@code <} can only occur inside JSON strings, where the escape means the same character.
   */
  static String scriptJson(String json) {
    return json.replace("<", "\\u003c");
  }
}
