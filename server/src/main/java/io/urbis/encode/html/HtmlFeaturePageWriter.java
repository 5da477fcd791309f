package io.urbis.encode.html;

import io.urbis.encode.FeaturePage;
import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Streams a page of features as HTML: the top of the page goes out before the first feature is read, a table
 * row follows each feature, and the map data, gathered on the way, closes the page together with the paging
 * links. The stream is closed whatever happens.
 */
@Produces("text/html")
public final class HtmlFeaturePageWriter implements MessageBodyWriter<FeaturePage> {

  private static final int FLUSH_EVERY = 100;

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
    return type == FeaturePage.class;
  }

  @Override
  public void writeTo(FeaturePage page, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
    headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
    try (FeatureStream features = page.features()) {
      Writer out = new BufferedWriter(new OutputStreamWriter(entity, StandardCharsets.UTF_8));
      // self and alternate do not depend on the neighbouring pages, which are known only at the end
      ItemsView view = new ItemsView(page.collection(), page.links().apply(Paging.NONE));
      view.writeTop(out);
      out.flush();
      MapData map = new MapData();
      long returned = 0;
      for (EncodedFeature feature = features.next(); feature != null; feature = features.next()) {
        view.writeRow(out, feature);
        map.add(feature, view.featureHref(feature.id()));
        if (++returned % FLUSH_EVERY == 0) {
          out.flush();
        }
      }
      ItemsView.Counts counts = new ItemsView.Counts(returned, features.numberMatched(), page.timeStamp());
      view.writeBottom(out, counts, page.links().apply(features.paging()), map);
      out.flush();
    }
  }
}
