package io.urbis.server;

import io.urbis.security.Authentication;
import java.net.URI;
import java.util.Set;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.AsyncRequestLogWriter;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The Jetty server around the Jersey application, with its cross-cutting handlers from the outside in: graceful
 * shutdown, request ids and access log, CORS, gzip.
 */
public final class UrbisServer {

  private static final long STOP_TIMEOUT_MILLIS = 10_000;
  private static final String ACCESS_LOG_FORMAT = "%{yyyy-MM-dd'T'HH:mm:ss.SSSXXX|UTC}t access id=%{"
      + RequestIdHandler.HEADER + "}o method=%m path=\"%U%q\" status=%s ms=%{ms}T bytes=%O client=%a";

  private final Server server;
  private final ServerConnector connector;

  public UrbisServer(String host, int port, ResourceConfig application) {
    this.server = JettyHttpContainerFactory.createServer(URI.create("http://localhost:" + port + "/"), application,
        false);
    // createServer binds every interface whatever host the URI names: set the host on the connector
    this.connector = (ServerConnector) server.getConnectors()[0];
    connector.setHost(host);
    connector.setPort(port);
    server.setHandler(new GracefulHandler(new RequestIdHandler(cors(gzip(new AbortableResponses(
        server.getHandler()))))));
    server.setRequestLog(accessLog());
    server.setErrorHandler(new OgcErrorHandler());
    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
    // Urbis stops the server itself, then closes the sources: Jetty's own hook would race that
    server.setStopAtShutdown(false);
  }

  /** One key=value line per request with its id, written by a background thread so requests never wait on it. */
  private static RequestLog accessLog() {
    AsyncRequestLogWriter writer = new AsyncRequestLogWriter(null);
    return new CustomRequestLog(writer, ACCESS_LOG_FORMAT);
  }

  private static Handler gzip(Handler application) {
    CompressionHandler compression = new CompressionHandler();
    compression.putCompression(new GzipCompression());
    compression.setHandler(application);
    return compression;
  }

  private static Handler cors(Handler next) {
    CrossOriginHandler cors = new CrossOriginHandler();
    cors.setAllowedOriginPatterns(Set.of("*"));
    // writes too (OGC API - Features Part 4): whether the caller may is for the access rules to say
    cors.setAllowedMethods(Set.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"));
    // a web map in another origin sends its token or key; the browser asks first whether it may
    cors.setAllowedHeaders(Set.of("Content-Type", "Authorization", Authentication.API_KEY_HEADER, "If-Match",
        "Content-Crs"));
    cors.setExposedHeaders(Set.of("ETag", "Link", "Location", RequestIdHandler.HEADER));
    cors.setHandler(next);
    return cors;
  }

  public void start() throws Exception {
    server.start();
  }

  /** The port actually bound (useful when 0 asked for a free one). */
  public int port() {
    return connector.getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  public void stop() throws Exception {
    server.stop();
  }
}
