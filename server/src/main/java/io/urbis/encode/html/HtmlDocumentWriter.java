package io.urbis.encode.html;

import io.urbis.encode.CollectionPage;
import io.urbis.encode.CollectionList;
import io.urbis.encode.ConformanceDeclaration;
import io.urbis.encode.DatasetOverview;
import io.urbis.encode.FeatureDocument;
import io.urbis.encode.tiles.TileMapPage;
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
import java.util.Map;

/** Writes the HTML page of the landing page, conformance, collections, a collection and a single feature. */
@Produces("text/html")
public final class HtmlDocumentWriter implements MessageBodyWriter<Object> {

  private static final Map<Class<?>, HtmlView<?>> VIEWS = Map.of(
      DatasetOverview.class, new LandingPageView(),
      ConformanceDeclaration.class, new ConformanceView(),
      CollectionList.class, new CollectionsView(),
      CollectionPage.class, new CollectionView(),
      FeatureDocument.class, new FeatureView(),
      TileMapPage.class, new TileMapView());

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
    return VIEWS.containsKey(type);
  }

  @Override
  public void writeTo(Object document, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
    headers.putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
    Writer out = new BufferedWriter(new OutputStreamWriter(entity, StandardCharsets.UTF_8));
    write(VIEWS.get(document.getClass()), out, document);
    out.flush();
  }

  @SuppressWarnings("unchecked")
  private static <T> void write(HtmlView<T> view, Writer out, Object document) throws IOException {
    view.write(out, (T) document);
  }
}
