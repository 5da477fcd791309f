package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.error.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeParameterTest {

  private final DateTimeParameter parameter = new DateTimeParameter();

  @Test
  void anInstantIsAnIntervalOfOneInstant() {
    TimeInterval interval = parameter.parse("2018-02-12T23:20:50Z");
    assertTrue(interval.isInstant());
    assertEquals(Instant.parse("2018-02-12T23:20:50Z"), interval.start());
  }

  @Test
  void offsetsAreNormalisedToUtc() {
    assertEquals(Instant.parse("2018-02-12T22:20:50Z"), parameter.parse("2018-02-12T23:20:50+01:00").start());
  }

  @Test
  void aDateStandsForTheStartOfItsDay() {
    assertEquals(Instant.parse("2018-02-12T00:00:00Z"), parameter.parse("2018-02-12").start());
  }

  @Test
  void aClosedIntervalHasBothEnds() {
    TimeInterval interval = parameter.parse("2018-02-12T00:00:00Z/2018-03-18T12:31:12Z");
    assertEquals(Instant.parse("2018-03-18T12:31:12Z"), interval.end());
  }

  @Test
  void dotsOrNothingOpenOneEnd() {
    assertNull(parameter.parse("../2018-03-18T12:31:12Z").start());
    assertNull(parameter.parse("2018-02-12T00:00:00Z/..").end());
    assertNull(parameter.parse("/2018-03-18T12:31:12Z").start());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-13-01", "2020", "../..", "/", "2020-01-01/2019-01-01", "yesterday",
      "2020-01-01T25:00:00Z", "2020-01-01/2020-02-01/2020-03-01", "2020-01-01T00:00:00"})
  void malformedTimesAreRefused(String text) {
    assertThrows(InvalidParameterException.class, () -> parameter.parse(text));
  }
}
