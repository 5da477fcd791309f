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
}
