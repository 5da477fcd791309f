package io.urbis.encode.html;

import java.io.IOException;
import java.io.Writer;

/** The HTML page of one kind of document: what its frame shows, and its body. */
interface HtmlView<T> {

  PageHead head(T document);

  void writeBody(Writer out, T document) throws IOException;

  /** The whole page: layout, body, layout. */
  default void write(Writer out, T document) throws IOException {
    PageHead head = head(document);
    Layout.open(out, head);
    writeBody(out, document);
    Layout.close(out, head);
  }
}
