package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.error.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OffsetParameterTest {

  private final OffsetParameter parameter = new OffsetParameter();

  @Test
  void anOffsetIsTheNumberOfFeaturesToSkip() {
    assertEquals(0, parameter.parse("0"));
    assertEquals(250, parameter.parse("250"));
    assertEquals(7, parameter.parse("+007"));
  }

  @Test
  void anOffsetBeyondEveryTableIsKeptAsTheLargestOne() {
    assertEquals(Long.MAX_VALUE, parameter.parse("99999999999999999999999"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "abc", "1.5", "", " ", "1e3", "0x10", "10 OR 1=1", "-0"})
  void anOffsetThatIsNotAWholeNumberOfAtLeastZeroIsRefused(String text) {
    InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> parameter.parse(text));
    assertEquals("Parameter 'offset': '" + text + "' is not an integer of at least 0", error.getMessage());
  }
}
