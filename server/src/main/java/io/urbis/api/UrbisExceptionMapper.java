package io.urbis.api;

import io.urbis.error.Causes;
import io.urbis.error.OgcExceptionDocument;
import io.urbis.error.UrbisException;
import io.urbis.server.RequestIdHandler;
import io.urbis.source.SourceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.io.EofException;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: an OGC exception document ({@code code}, {@code description}) with the
 * request id. Client errors are logged at DEBUG; real faults once at ERROR with their stack trace, which the
 * client never sees.
 */
public final class UrbisExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = LoggerFactory.getLogger(UrbisExceptionMapper.class);
  private static final String RETRY_AFTER_SECONDS = "5";

  @Context private HttpHeaders headers;

  @Override
  public Response toResponse(Throwable error) {
    String requestId = headers == null ? null : headers.getHeaderString(RequestIdHandler.HEADER);
    if (error instanceof UrbisException known) {
      LOG.debug("request {}: {} {}", requestId, known.status(), known.getMessage());
      Response.ResponseBuilder response = body(known.status(), known.code(), known.getMessage(), requestId);
      known.headers().forEach(response::header);
      return response.build();
    }
    if (error instanceof SourceUnavailableException unavailable) {
      LOG.warn("request {}: {} ({})", requestId, unavailable.getMessage(), Causes.rootMessage(unavailable));
      return body(503, "ServiceUnavailable", "The data source is unavailable; try again shortly", requestId)
          .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
    if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      int status = web.getResponse().getStatus();
      LOG.debug("request {}: {} {}", requestId, status, web.getMessage());
      return body(status, OgcExceptionDocument.codeOf(status), web.getMessage(), requestId).build();
    }
    if (error instanceof HeaderValueException header && header.getContext() == HeaderValueException.Context.INBOUND) {
      // a request header Jersey reads only when a resource asks (If-None-Match) does not parse
      LOG.debug("request {}: 400 {}", requestId, header.getMessage());
      return body(400, OgcExceptionDocument.codeOf(400), header.getMessage(), requestId).build();
    }
    if (isClientGone(error)) {
      // the client closed the connection mid-response: nothing to answer, nothing wrong on our side
      LOG.debug("request {}: client disconnected ({})", requestId, Causes.rootMessage(error));
      return Response.status(500).build();
    }
    LOG.error("request {} failed", requestId, error);
    return body(500, "ServerError", "Internal error; quote request id " + requestId + " to the operator",
        requestId).build();
  }

  private static Response.ResponseBuilder body(int status, String code, String description, String requestId) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new OgcExceptionDocument(code, description, requestId).toMap());
  }

  static boolean isClientGone(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof EofException) {
        return true;
      }
    }
    return false;
  }
}
