package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.cql2.postgis.CompiledSql;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Asserts that compiled SQL holds no user text: once the few literals the compiler itself writes are removed, only
 * identifiers, numbers the compiler wrote, operators and {@code ?} remain. A user string could only get in through
 * a quote, a backslash, a semicolon or a non-ASCII character, and none survives this.
 */
final class SqlTextCheck {

  private static final List<String> COMPILER_LITERALS = List.of("'-infinity'", "'infinity'", "'UTC'", "E'\\\\'",
      "\"C\"");
  private static final Pattern SQL_CHARACTERS = Pattern.compile("[A-Za-z0-9_ ?(),.<>=+\\-*/%\\[\\]@&]*");

  private SqlTextCheck() {}

  static void assertNoUserText(CompiledSql compiled, String input) {
    String sql = compiled.sql();
    for (String literal : COMPILER_LITERALS) {
      sql = sql.replace(literal, "");
    }
    assertTrue(SQL_CHARACTERS.matcher(sql).matches(), () -> "user text in SQL for " + input + ": " + compiled);
    assertTrue(!sql.contains("--") && !sql.contains("/*"), () -> "comment in SQL for " + input + ": " + compiled);
    assertEquals(compiled.binds().size(), compiled.sql().chars().filter(c -> c == '?').count(), compiled::toString);
  }
}
