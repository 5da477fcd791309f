package io.urbis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@code urbis check URL}: the container health check, with no curl needed in the runtime image. */
final class HealthCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private HealthCheck() {}

  /** Whether the URL answers 200 within the timeout. */
  static boolean isHealthy(String url) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
