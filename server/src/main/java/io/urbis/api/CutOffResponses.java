package io.urbis.api;

import io.urbis.error.Causes;
import io.urbis.server.AbortableResponses;
import io.urbis.server.RequestIdHandler;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streamed response that fails after part of it was sent (a feature of a large page that cannot be written in the
 * requested CRS, a database gone mid-page) can no longer become an error response, and Jersey would end it as if
 * it were complete: a chunked body with its last chunk, a 200 the client takes for the whole page. It is aborted
 * instead ({@link AbortableResponses}), so the client sees the transfer cut off, and the failure is logged with the
 * request id. A client that went away mid-response has its request finished the same way (Jersey would leave it
 * open). A failure before anything was sent (page writers buffer their first 32 KiB) goes on to become its error
 * response.
 */
public final class CutOffResponses implements WriterInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CutOffResponses.class);

  /** Jetty's request, which Jersey's container provides per request (a singleton cannot hold it itself). */
  @Inject private Provider<Request> requests;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    SentBytes sent = new SentBytes(context.getOutputStream());
    context.setOutputStream(sent);
    try {
      context.proceed();
    } catch (IOException | RuntimeException e) {
      if (sent.count == 0) {
        throw e;
      }
      Request request = requests.get();
      String id = request.getHeaders().get(RequestIdHandler.HEADER);
      if (UrbisExceptionMapper.isClientGone(e)) {
        LOG.debug("request {}: client disconnected after {} bytes of the response", id, sent.count);
      } else {
        LOG.warn("request {}: failed after {} bytes of the response were sent, which is cut off: {}", id, sent.count,
            Causes.rootMessage(e));
      }
      AbortableResponses.abort(request, e);
    }
  }

  /** Counts the bytes that pass to the container, which has sent the response's head once any did. */
  private static final class SentBytes extends FilterOutputStream {

    private long count;

    SentBytes(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }
}
