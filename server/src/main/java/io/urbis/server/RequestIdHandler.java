package io.urbis.server;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), returns it in the
 * response, hands it on to the application as a request header, and writes one access-log line when the response
 * is complete.
 */
public final class RequestIdHandler extends Handler.Wrapper {

  public static final String HEADER = "X-Request-Id";
  private static final Logger ACCESS = LoggerFactory.getLogger("io.urbis.access");
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

  public RequestIdHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String given = request.getHeaders().get(HEADER);
    String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
    long started = System.nanoTime();
    response.getHeaders().put(HEADER, id);
    Request withId = new Request.Wrapper(request) {
      private final HttpFields headers = HttpFields.build(request.getHeaders()).put(HEADER, id).asImmutable();

      @Override
      public HttpFields getHeaders() {
        return headers;
      }
    };
    return super.handle(withId, response, new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        log(request, response, id, started, null);
        super.succeeded();
      }

      @Override
      public void failed(Throwable failure) {
        log(request, response, id, started, failure);
        super.failed(failure);
      }
    });
  }

  private static void log(Request request, Response response, String id, long started, Throwable failure) {
    if (!ACCESS.isInfoEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    String query = request.getHttpURI().getQuery();
    ACCESS.info("id={} method={} path=\"{}{}\" status={} ms={}{}", id, request.getMethod(),
        request.getHttpURI().getPath(), query == null ? "" : "?" + query, response.getStatus(), millis,
        failure == null ? "" : " aborted=\"" + failure.getMessage() + "\"");
  }

  private static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
