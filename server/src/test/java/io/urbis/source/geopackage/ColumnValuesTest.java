package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.source.geopackage.TableColumns.Column;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON values as GeoPackage columns of each declared type store them, and those that do not fit. */
class ColumnValuesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void valuesTakeTheFormTheirColumnsStore() {
    assertEquals(1, stored("BOOLEAN", "true"));
    assertEquals(0, stored("BOOLEAN", "false"));
    assertEquals(-128L, stored("TINYINT", "-128"));
    assertEquals(32767L, stored("SMALLINT", "32767"));
    assertEquals(7L, stored("INTEGER", "7.0"));
    assertEquals(Long.MAX_VALUE, stored("INT", String.valueOf(Long.MAX_VALUE)));
    assertEquals(2.5, stored("DOUBLE", "2.5"));
    assertEquals(3.0, stored("REAL", "3"));
    assertEquals("2024-02-29", stored("DATE", "\"2024-02-29\""));
    assertEquals("2024-05-01T08:30:00.000Z", stored("DATETIME", "\"2024-05-01T10:30:00+02:00\""));
    assertEquals("2024-05-01T08:30:00.123456Z", stored("DATETIME", "\"2024-05-01T08:30:00.123456Z\""));
    assertEquals("Grüße", stored("TEXT(5)", "\"Grüße\""));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) stored("BLOB", "\"AQID\""));
    assertNull(stored("TEXT", "null"));
  }

  @Test
  void valuesThatDoNotFitAreProblemsNamingTheProperty() {
    String[][] misfits = {{"TINYINT", "128"}, {"SMALLINT", "-32769"}, {"MEDIUMINT", "2147483648"},
        {"INTEGER", "1.5"}, {"INTEGER", "1e30"}, {"FLOAT", "1e39"}, {"DOUBLE", "1e400"}, {"DATE", "\"2024-02-30\""},
        {"DATETIME", "\"yesterday\""}, {"TEXT(4)", "\"Grüße\""}, {"BLOB", "\"not base64!\""}, {"BOOLEAN", "1"}};
    for (String[] misfit : misfits) {
      List<String> problems = new ArrayList<>();
      assertNull(ColumnValues.stored(column(misfit[0]), json(misfit[1]), problems), misfit[0] + " " + misfit[1]);
      assertEquals(1, problems.size(), misfit[0] + " " + misfit[1]);
      assertTrue(problems.get(0).startsWith("'value': "), problems.get(0));
    }
  }

  private static Object stored(String declaredType, String json) {
    List<String> problems = new ArrayList<>();
    Object stored = ColumnValues.stored(column(declaredType), json(json), problems);
    assertEquals(List.of(), problems);
    return stored;
  }

  private static Column column(String declaredType) {
    return new Column("value", declaredType, 0, false, null);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
