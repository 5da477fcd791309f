package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorParameterTest {

  private final CursorParameter parameter = new CursorParameter();

  @Test
  void everyCursorReadsBackAsItWasWritten() {
    checkRoundTrip(PageCursor.after(42L));
    checkRoundTrip(PageCursor.before("p'17"));
    checkRoundTrip(PageCursor.offset(3000));
  }

  private void checkRoundTrip(PageCursor cursor) {
    assertEquals(cursor, parameter.parse(CursorParameter.format(cursor)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxx", "!!", "eDox", "bzotMQ", "b286YWJj", ""})
  void tokensThisServerDidNotIssueAreRefused(String token) {
    assertThrows(InvalidParameterException.class, () -> parameter.parse(token));
  }
}
