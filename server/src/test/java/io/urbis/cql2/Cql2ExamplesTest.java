package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.urbis.cql2.Cql2Examples.Example;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.json.Cql2JsonParser;
import io.urbis.cql2.json.Cql2JsonWriter;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.cql2.text.Cql2TextWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 120 text spellings of the standard's 109 examples against their CQL2-JSON forms, and both writers. */
class Cql2ExamplesTest {

  static List<Example> examples() {
    return Cql2Examples.all();
  }

  @Test
  void allExamplesArePresent() {
    assumeFalse(examples().isEmpty(), "shared CQL2 examples not found beside the repository");
    assertEquals(120, examples().size());
    assertEquals(109, examples().stream().map(Example::json).distinct().count());
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("examples")
  void textAndJsonParseToTheSameTree(Example example) {
    assertEquals(Cql2JsonParser.parse(example.json()), Cql2TextParser.parse(example.text()));
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("examples")
  void writtenTextParsesBackToTheSameTree(Example example) {
    Expression parsed = Cql2TextParser.parse(example.text());
    assertEquals(parsed, Cql2TextParser.parse(Cql2TextWriter.write(parsed)));
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("examples")
  void writtenJsonParsesBackToTheSameTree(Example example) {
    Expression parsed = Cql2JsonParser.parse(example.json());
    assertEquals(parsed, Cql2JsonParser.parse(Cql2JsonWriter.write(parsed)));
  }

  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("examples")
  void textWrittenAsJsonParsesToTheSameTree(Example example) {
    Expression parsed = Cql2TextParser.parse(example.text());
    assertEquals(parsed, Cql2JsonParser.parse(Cql2JsonWriter.write(parsed)));
    assertEquals(parsed, Cql2TextParser.parse(Cql2TextWriter.write(Cql2JsonParser.parse(example.json()))));
  }
}
