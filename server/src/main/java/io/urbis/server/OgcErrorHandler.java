package io.urbis.server;

import io.urbis.error.OgcExceptionDocument;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any resource sees the request (an encoded NUL or slash in the path, a
 * malformed URI), as the same OGC exception JSON the API writes, instead of Jetty's HTML page.
 */
public final class OgcErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    String description = message == null || message.isBlank() ? "The request cannot be served" : message;
    byte[] body = new OgcExceptionDocument(OgcExceptionDocument.codeOf(code), description,
        response.getHeaders().get(RequestIdHandler.HEADER)).toJson();
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
