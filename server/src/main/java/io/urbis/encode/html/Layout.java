package io.urbis.encode.html;

import java.io.IOException;
import java.io.Writer;

/** The frame of every page: head, header with breadcrumbs, footer with the JSON and API links, scripts. */
final class Layout {

  private static final String OPEN = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>%s · Urbis</title>
      %s<link rel="stylesheet" href="%s/assets/urbis/urbis.css">
      %s</head>
      <body>
      <header><a class="brand" href="%s/?f=html">Urbis</a>%s</header>
      <main>
      """;

  private static final String CLOSE = """
      </main>
      <footer>%s<a href="%s/api?f=html">API definition</a></footer>
      %s</body>
      </html>
      """;

  private Layout() {}

  static void open(Writer out, PageHead head) throws IOException {
    String base = Html.escape(head.base());
    // Leaflet's styles first, so that Urbis' own override them
    String leaflet = !head.withMap() ? ""
        : "<link rel=\"stylesheet\" href=\"" + base + "/assets/leaflet/leaflet.css\">\n";
    String alternate = head.data() == null ? "" : "<link rel=\"alternate\" type=\"" + Html.escape(head.data().type())
        + "\" href=\"" + Html.escape(head.data().href()) + "\">\n";
    out.write(OPEN.formatted(Html.escape(head.title()), leaflet, base, alternate, base, head.crumbs().html()));
  }

  static void close(Writer out, PageHead head) throws IOException {
    String base = Html.escape(head.base());
    String data = head.data() == null ? ""
        : Html.anchor(head.data().href(), "This page as " + Links.formatName(head.data().type())) + " · ";
    String scripts = !head.withMap() ? "" : "<script src=\"" + base + "/assets/leaflet/leaflet.js\"></script>\n"
        + "<script src=\"" + base + "/assets/urbis/map.js\"></script>\n";
    out.write(CLOSE.formatted(data, base, scripts));
  }
}
