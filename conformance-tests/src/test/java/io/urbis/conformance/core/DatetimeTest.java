package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.KeySets;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Times;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code datetime} on the buildings' {@code construction_date} (a date). Every bound is midnight UTC, where "a date
 * is its first instant" and "a date is its whole day" select the same rows, so either reading of a date passes.
 * Features without a temporal geometry (all streets) match any datetime (/req/core/fc-time-response C).
 */
@UrbisTest
@DisplayName("Parameter datetime")
class DatetimeTest {

  private static final String COLUMN = Layer.BUILDINGS_TEMPORAL_COLUMN;
  private static final String BETWEEN = COLUMN + " BETWEEN ?::date AND ?::date";

  private final Api api;
  private final Truth truth;

  DatetimeTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/fc-time-definition")
  void fcTimeDefinition() {
    ItemsParameters.assertDefinition(api, "datetime", (openApi, parameter, schema) -> {
      assertEquals("string", schema.path("type").asText(), "datetime schema type");
      ItemsParameters.assertNotExploded(parameter, false);
    });
  }

  @Test
  @DisplayName("/conf/core/fc-time-response")
  void fcTimeResponse() {
    String date = truth.column("SELECT " + COLUMN + "::text FROM buildings WHERE id = 42").get(0);
    List<Selection> cases = List.of(
        Selection.datetime(Layer.BUILDINGS, Times.midnight(date), COLUMN + " = ?::date", date),
        Selection.datetime(Layer.BUILDINGS, "1970-01-01T00:00:00Z/1980-01-01T00:00:00Z", BETWEEN,
            "1970-01-01", "1980-01-01"),
        Selection.datetime(Layer.BUILDINGS, "1970-01-01T00:00:00.000Z/1980-01-01T00:00:00.000Z", BETWEEN,
            "1970-01-01", "1980-01-01"),
        Selection.datetime(Layer.BUILDINGS, "1990-01-01T02:00:00+02:00/1995-06-01T00:00:00Z", BETWEEN,
            "1990-01-01", "1995-06-01"),
        Selection.datetime(Layer.BUILDINGS, "../1960-01-01T00:00:00Z", COLUMN + " <= ?::date", "1960-01-01"),
        Selection.datetime(Layer.BUILDINGS, "/1960-01-01T00:00:00Z", COLUMN + " <= ?::date", "1960-01-01"),
        Selection.datetime(Layer.BUILDINGS, "2010-01-01T00:00:00Z/..", COLUMN + " >= ?::date", "2010-01-01"),
        Selection.datetime(Layer.BUILDINGS, "2010-01-01T00:00:00Z/", COLUMN + " >= ?::date", "2010-01-01"),
        Selection.datetime(Layer.BUILDINGS, "1800-01-01T00:00:00Z/1900-01-01T00:00:00Z", BETWEEN,
            "1800-01-01", "1900-01-01"),
        Selection.datetime(Layer.BIG_BUILDINGS, "1970-01-01T00:00:00Z/1980-01-01T00:00:00Z", BETWEEN,
            "1970-01-01", "1980-01-01"),
        Selection.datetime(Layer.STREETS, "1970-01-01T00:00:00Z/1980-01-01T00:00:00Z", "true"));
    assertFalse(truth.keys(cases.get(0)).isEmpty(), "the fixture has buildings of " + date);
    assertAll(cases.stream().map(selection -> () -> KeySets.assertSelects(api, truth, selection)));
  }
}
