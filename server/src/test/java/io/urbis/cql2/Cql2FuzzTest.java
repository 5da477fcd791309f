package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.json.Cql2JsonParser;
import io.urbis.cql2.json.Cql2JsonWriter;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.cql2.postgis.PropertyResolver;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.cql2.text.Cql2TextWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * 100,000 generated and mutated inputs for both parsers. Each must end in a tree or a {@link Cql2Exception} quickly,
 * never in another exception or a stack overflow; a tree must survive its writer, and when it fits the queryables
 * its SQL must hold no user text. The seed is fixed so failures replay; set {@code -Dcql2.fuzz.seed} to explore.
 */
class Cql2FuzzTest {

  private static final long SEED = Long.getLong("cql2.fuzz.seed", 21_065L);
  /** Bounds that catch a hang or a blow-up, with room for a busy CI machine; a typical input takes microseconds. */
  private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);
  private static final Duration ALL_ALLOWED = Duration.ofMinutes(3);
  /** Filters of our own to mutate when the shared examples are not there. */
  private static final List<String> OWN_SEEDS = List.of(
      "city = 'Toronto' AND floors > 5",
      "NOT (name LIKE 'Stra%e' OR depth BETWEEN 1 AND 10.5)",
      "S_INTERSECTS(geometry, BBOX(-10, 40, 10.5, 52))",
      "S_WITHIN(location, POLYGON((7 51, 8 51, 8 52, 7 52, 7 51)))",
      "T_DURING(event_time, INTERVAL('2020-01-01T00:00:00Z', '..'))",
      "CASEI(owner) IN (CASEI('müller'), CASEI('ß'))",
      "A_CONTAINS(values, ('a', 'b')) AND swimming_pool = true",
      "(windSpeed + 2) * 3 > taxes / 4 AND updated >= DATE('2020-02-29')");
  private static final List<Cql2Examples.Example> EXAMPLES = corpus();

  private static final Map<String, QueryableType> TYPES = new TreeMap<>(Map.ofEntries(
      Map.entry("city", QueryableType.STRING), Map.entry("name", QueryableType.STRING),
      Map.entry("owner", QueryableType.STRING), Map.entry("material", QueryableType.STRING),
      Map.entry("beamMode", QueryableType.STRING), Map.entry("road_class", QueryableType.STRING),
      Map.entry("etat_vol", QueryableType.STRING), Map.entry("cityName", QueryableType.STRING),
      Map.entry("id", QueryableType.STRING), Map.entry("eo:instrument", QueryableType.STRING),
      Map.entry("landsat:wrs_path", QueryableType.STRING), Map.entry("geophys:SURVEY_NAME", QueryableType.STRING),
      Map.entry("windSpeed", QueryableType.NUMBER), Map.entry("balance", QueryableType.NUMBER),
      Map.entry("depth", QueryableType.NUMBER), Map.entry("floors", QueryableType.INTEGER),
      Map.entry("taxes", QueryableType.NUMBER), Map.entry("eo:cloud_cover", QueryableType.NUMBER),
      Map.entry("landsat:wrs_row", QueryableType.INTEGER), Map.entry("value", QueryableType.NUMBER),
      Map.entry("foo", QueryableType.NUMBER), Map.entry("bar", QueryableType.NUMBER),
      Map.entry("swimming_pool", QueryableType.BOOLEAN), Map.entry("updated", QueryableType.DATE),
      Map.entry("built", QueryableType.DATE), Map.entry("event_time", QueryableType.TIMESTAMP),
      Map.entry("starts_at", QueryableType.TIMESTAMP), Map.entry("ends_at", QueryableType.TIMESTAMP),
      Map.entry("updated_at", QueryableType.TIMESTAMP), Map.entry("touchdown", QueryableType.TIMESTAMP),
      Map.entry("liftOff", QueryableType.TIMESTAMP), Map.entry("geometry", QueryableType.GEOMETRY),
      Map.entry("footprint", QueryableType.GEOMETRY), Map.entry("location", QueryableType.GEOMETRY),
      Map.entry("road", QueryableType.GEOMETRY), Map.entry("layer:ids", QueryableType.ARRAY),
      Map.entry("values", QueryableType.ARRAY)));
  private static final List<String> NAMES = List.copyOf(TYPES.keySet());

  /** Column names by position, so no property name ever reaches SQL. */
  private static final PropertyResolver RESOLVER = new PropertyResolver() {
    @Override
    public String sqlExpression(String property) {
      int index = NAMES.indexOf(property);
      if (index < 0) {
        throw new IllegalArgumentException("not a queryable");
      }
      return "t.c" + index;
    }

    @Override
    public String geometryExpression(String property, int srid) {
      return sqlExpression(property);
    }

    @Override
    public String sqlType(String property) {
      return "text[]";
    }
  };

  private static final PostgisSqlCompiler COMPILER = new PostgisSqlCompiler(new Queryables(TYPES), RESOLVER);

  private final FuzzInputs inputs = new FuzzInputs(SEED);
  private final Statistics statistics = new Statistics();

  @Test
  void everyInputEndsInATreeOrACql2Exception() {
    assertTimeoutPreemptively(ALL_ALLOWED, () -> {
      for (int i = 0; i < 40_000; i++) {
        checkText(inputs.mutated(example(i).text()));
      }
      for (int i = 0; i < 20_000; i++) {
        checkText(inputs.randomTokens());
      }
      for (int i = 0; i < 3_000; i++) {
        checkText(inputs.extreme());
      }
      for (int i = 0; i < 10_000; i++) {
        checkText(inputs.withNastyStrings(example(i).text()));
      }
      for (int i = 0; i < 27_000; i++) {
        checkJson(i % 3 == 0 ? inputs.mutated(example(i).json()) : inputs.mutatedJson(example(i).json()));
      }
    });
    assertEquals(100_000, statistics.inputs);
    assertTrue(statistics.parsed > 10_000 && statistics.compiled > 5_000, statistics::toString);
    assertTrue(statistics.slowest.compareTo(SLOWEST_ALLOWED) < 0, statistics::toString);
  }

  /**
   * The standard's examples when the shared data is there; otherwise a few filters of our own, so the fuzz always
   * has valid inputs to mutate.
   */
  private static List<Cql2Examples.Example> corpus() {
    List<Cql2Examples.Example> examples = Cql2Examples.all();
    if (!examples.isEmpty()) {
      return examples;
    }
    return OWN_SEEDS.stream()
        .map(text -> new Cql2Examples.Example(text, text, Cql2JsonWriter.write(Cql2TextParser.parse(text))))
        .toList();
  }

  private static Cql2Examples.Example example(int i) {
    return EXAMPLES.get(i % EXAMPLES.size());
  }

  private void checkText(String text) {
    Expression parsed = outcome(text, Cql2TextParser::parse);
    if (parsed != null) {
      checkRoundTrip(text, parsed, Cql2TextWriter::write, Cql2TextParser::parse, Cql2TextParser.MAX_LENGTH);
      checkCompiled(text, parsed);
    }
  }

  private void checkJson(String json) {
    Expression parsed = outcome(json, Cql2JsonParser::parse);
    if (parsed != null) {
      checkRoundTrip(json, parsed, Cql2JsonWriter::write, Cql2JsonParser::parse, Cql2JsonParser.MAX_LENGTH);
      checkCompiled(json, parsed);
    }
  }

  /** The parsed tree, or null after a Cql2Exception; anything else fails the test with the input. */
  private Expression outcome(String input, Function<String, Expression> parser) {
    statistics.inputs++;
    long start = System.nanoTime();
    try {
      Expression parsed = parser.apply(input);
      statistics.parsed++;
      return parsed;
    } catch (Cql2Exception expected) {
      return null;
    } catch (Throwable unexpected) {
      return fail("unexpected " + unexpected + " for input: " + abbreviated(input), unexpected);
    } finally {
      statistics.timed(System.nanoTime() - start, input);
    }
  }

  /**
   * A tree written out reads back equal, unless CQL2-text cannot spell it (a string ending in a backslash) or the
   * written form (which quotes every property) outgrows the length limit the input just met.
   */
  private static void checkRoundTrip(String input, Expression parsed, Function<Expression, String> writer,
      Function<String, Expression> parser, int maxLength) {
    String written;
    try {
      written = writer.apply(parsed);
    } catch (IllegalArgumentException unspellable) {
      assertTrue(unspellable.getMessage().contains("backslash"), unspellable::getMessage);
      return;
    }
    if (written.length() <= maxLength) {
      assertEquals(parsed, parser.apply(written), () -> "round trip of " + abbreviated(input) + " via " + written);
    }
  }

  private void checkCompiled(String input, Expression parsed) {
    try {
      SqlTextCheck.assertNoUserText(COMPILER.compile(parsed), input);
      statistics.compiled++;
    } catch (Cql2ValidationException expected) {
      statistics.invalid++;
    } catch (RuntimeException unexpected) {
      fail("unexpected " + unexpected + " compiling " + abbreviated(input), unexpected);
    }
  }

  private static String abbreviated(String input) {
    return input.length() > 300 ? input.substring(0, 300) + "... (" + input.length() + " characters)" : input;
  }

  /** Counts, and the slowest input, reported when an assertion fails. */
  private static final class Statistics {
    int inputs;
    int parsed;
    int compiled;
    int invalid;
    Duration slowest = Duration.ZERO;
    String slowestInput = "";

    void timed(long nanos, String input) {
      if (nanos > slowest.toNanos()) {
        slowest = Duration.ofNanos(nanos);
        slowestInput = abbreviated(input);
      }
    }

    @Override
    public String toString() {
      return inputs + " inputs, " + parsed + " parsed, " + compiled + " compiled, " + invalid + " invalid; slowest "
          + slowest.toMillis() + " ms: " + slowestInput;
    }
  }
}
