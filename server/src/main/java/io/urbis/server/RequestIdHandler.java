package io.urbis.server;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), returns it in the
 * response and hands it on to the application as a request header. The access log reads it from the response.
 */
public final class RequestIdHandler extends Handler.Wrapper {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");

  public RequestIdHandler(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String given = request.getHeaders().get(HEADER);
    String id = given != null && SANE_ID.matcher(given).matches() ? given : newId();
    response.getHeaders().put(HEADER, id);
    Request withId = new Request.Wrapper(request) {
      private final HttpFields headers = HttpFields.build(request.getHeaders()).put(HEADER, id).asImmutable();

      @Override
      public HttpFields getHeaders() {
        return headers;
      }
    };
    return super.handle(withId, response, callback);
  }

  private static String newId() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
