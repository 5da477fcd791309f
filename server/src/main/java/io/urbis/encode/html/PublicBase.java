package io.urbis.encode.html;

/**
 * The public URL of the landing page, as clients reach it (behind any reverse proxy), found in a page's
 * {@code self} link: what remains after cutting the resource path, the query and the fragment. Assets and
 * breadcrumbs hang below it.
 */
public final class PublicBase {

  private PublicBase() {}

  /**
   * The base without a trailing slash: {@code https://example.org/geo} for
   * {@code https://example.org/geo/collections/roads/items?f=html}. The resource path starts at the first
   * {@code collections} segment, or is a final {@code conformance} or {@code api} segment, so a proxy prefix like
   * {@code /api/features} and a collection named {@code api} both work. Null gives the empty base (root-relative).
   */
  public static String fromSelf(String selfHref) {
    if (selfHref == null) {
      return "";
    }
    String href = cut(cut(selfHref, '#'), '?');
    int pathStart = pathStart(href);
    String path = href.substring(pathStart);
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return href.substring(0, pathStart) + path.substring(0, resourceStart(path));
  }

  private static int resourceStart(String path) {
    String[] segments = path.split("/", -1);
    int position = 0;
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      if (i > 0 && isResource(segments[i], last)) {
        return position - 1;
      }
      position += segments[i].length() + 1;
    }
    return path.length();
  }

  private static boolean isResource(String segment, boolean last) {
    return segment.equals("collections") || last && (segment.equals("conformance") || segment.equals("api"));
  }

  private static int pathStart(String href) {
    int scheme = href.indexOf("://");
    if (scheme < 0) {
      return 0;
    }
    int slash = href.indexOf('/', scheme + 3);
    return slash < 0 ? href.length() : slash;
  }

  private static String cut(String text, char at) {
    int index = text.indexOf(at);
    return index < 0 ? text : text.substring(0, index);
  }
}
