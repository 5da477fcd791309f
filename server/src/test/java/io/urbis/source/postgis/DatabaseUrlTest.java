package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void aLibpqUrlSplitsIntoJdbcUrlUserAndPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://city:s%40cret@db.example:6543/gis?sslmode=require");
    assertEquals("jdbc:postgresql://db.example:6543/gis?sslmode=require", url.jdbcUrl());
    assertEquals("city", url.user());
    assertEquals("s@cret", url.password());
  }

  @Test
  void theLabelNeverShowsThePassword() {
    assertFalse(DatabaseUrl.parse("postgresql://city:secret@localhost/gis").label().contains("secret"));
  }

  @Test
  void thePortDefaultsTo5432() {
    assertEquals("jdbc:postgresql://localhost:5432/gis", DatabaseUrl.parse("postgres://localhost/gis").jdbcUrl());
  }

  @Test
  void aUrlWithoutDatabaseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://localhost"));
  }

  @Test
  void aRedactedLocationHidesThePasswordOfAUrlOfAnyScheme() {
    assertEquals("foo://user:***@host/db", DatabaseUrl.redacted("foo://user:secret@host/db"));
    assertEquals("postgresql://city:***@db:5432/gis", DatabaseUrl.redacted("postgresql://city:s3:cr@t@db:5432/gis"));
    assertEquals("mysql://u:***@h", DatabaseUrl.redacted("mysql://u:a/b@h"));
  }

  @Test
  void aRedactedLocationWithoutPasswordIsUnchanged() {
    for (String location : new String[] {"postgresql://city@db:5432/gis", "postgresql://db:5432/gis",
        "/data/city.gpkg", "ftp://x", "C:\\data\\a@b.gpkg"}) {
      assertEquals(location, DatabaseUrl.redacted(location));
    }
  }
}
