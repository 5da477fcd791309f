package io.urbis.encode.html;

import io.urbis.encode.LandingPage;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/** The landing page: title, description and the links to the API's resources. */
final class LandingPageView implements HtmlView<LandingPage> {

  @Override
  public PageHead head(LandingPage page) {
    return PageHead.of(Fragments.titleOr(page.title(), "Urbis"), page.links(), Breadcrumbs::home, false);
  }

  @Override
  public void writeBody(Writer out, LandingPage page) throws IOException {
    out.write("<h1>" + Html.escape(head(page).title()) + "</h1>\n");
    if (page.description() != null) {
      out.write("<p class=\"description\">" + Html.escape(page.description()) + "</p>\n");
    }
    out.write(LinkList.html(page.links(), Set.of()));
  }
}
