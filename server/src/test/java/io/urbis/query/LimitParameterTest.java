package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitParameterTest {

  private final LimitParameter parameter = new LimitParameter(1000);

  @Test
  void aLimitWithinTheMaximumIsKept() {
    assertEquals(250, parameter.parse("250"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1001", "99999999999999999999", "2147483648"})
  void aLimitAboveTheMaximumIsServedAsTheMaximum(String text) {
    assertEquals(1000, parameter.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "abc", "1.5", "", "1e3", "10 OR 1=1"})
  void aLimitThatIsNotAPositiveIntegerIsRefused(String text) {
    assertThrows(InvalidParameterException.class, () -> parameter.parse(text));
  }
}
