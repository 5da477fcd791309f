package io.urbis.server;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets the application abort a response whose head and first bytes Jetty has sent. Jersey's Jetty container ends
 * every response it has begun as a complete one (with the last chunk), or, when writing fails, leaves the request
 * open for good. An abort closes the connection at once, so that nothing more is sent and the client sees the
 * transfer end early, and fails the request's callback, which finishes the request (access log, graceful shutdown).
 */
public final class AbortableResponses extends Handler.Wrapper {

  private static final String CALLBACK = AbortableResponses.class.getName() + ".callback";

  public AbortableResponses(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    request.setAttribute(CALLBACK, callback);
    return super.handle(request, response, callback);
  }

  /** Cuts the response to {@code request} off and finishes the request, failed with {@code cause}. */
  public static void abort(Request request, Throwable cause) {
    request.getConnectionMetaData().getConnection().getEndPoint().close(cause);
    ((Callback) request.getAttribute(CALLBACK)).failed(cause);
  }
}
