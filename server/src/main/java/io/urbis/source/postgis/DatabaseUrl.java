package io.urbis.source.postgis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A {@code postgresql://user:password@host:port/database?options} URL (the libpq form that DATABASE_URL uses),
 * split into what JDBC wants.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String label) {

  /**
   * The text of a location for messages and logs, with the password of a {@code scheme://user:password@host} URL
   * (of any scheme: a mistyped one too) replaced by {@code ***}.
   */
  public static String redacted(String text) {
    int authority = text.indexOf("://");
    int at = text.lastIndexOf('@');
    int colon = authority < 0 ? -1 : text.indexOf(':', authority + 3);
    if (colon < 0 || colon > at) {
      return text;
    }
    return text.substring(0, colon + 1) + "***" + text.substring(at);
  }

  public static boolean looksLikeOne(String text) {
    return text.startsWith("postgresql://") || text.startsWith("postgres://");
  }

  public static DatabaseUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid database URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "a database URL needs a host and a database name: postgresql://user:password@host:5432/database");
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String database = uri.getPath().substring(1);
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String label = "postgresql://" + (user == null ? "" : user + "@") + uri.getHost() + ":" + port + "/" + database;
    return new DatabaseUrl(jdbcUrl, user, password, label);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
