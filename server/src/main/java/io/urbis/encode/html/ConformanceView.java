package io.urbis.encode.html;

import io.urbis.encode.ConformanceDeclaration;
import java.io.IOException;
import java.io.Writer;

/** The conformance declaration: the URIs of the conformance classes the server implements. */
final class ConformanceView implements HtmlView<ConformanceDeclaration> {

  @Override
  public PageHead head(ConformanceDeclaration declaration) {
    return PageHead.of("Conformance", declaration.links(),
        base -> Breadcrumbs.home(base).then("Conformance", "conformance"), false);
  }

  @Override
  public void writeBody(Writer out, ConformanceDeclaration declaration) throws IOException {
    out.write("<h1>Conformance</h1>\n<p>This server implements these conformance classes:</p>\n<ul class=\"uris\">\n");
    for (String uri : declaration.conformsTo()) {
      out.write("<li>" + Html.anchor(uri, uri) + "</li>\n");
    }
    out.write("</ul>\n");
  }
}
