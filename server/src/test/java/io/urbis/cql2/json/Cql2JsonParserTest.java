package io.urbis.cql2.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.text.Cql2TextParser;
import org.junit.jupiter.api.Test;

class Cql2JsonParserTest {

  private static void checkSameAsText(String text, String json) {
    assertEquals(Cql2TextParser.parse(text), Cql2JsonParser.parse(json));
  }

  private static void checkError(String json, String message) {
    assertEquals(message, assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse(json)).getMessage());
  }

  @Test
  void readsOperatorsAndLiterals() {
    checkSameAsText("a = 1 AND b LIKE 'x%' AND NOT c IS NULL",
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"a\"},1]},"
            + "{\"op\":\"like\",\"args\":[{\"property\":\"b\"},\"x%\"]},"
            + "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"c\"}]}]}]}");
    checkSameAsText("x IN (1, 'a', TRUE)", "{\"op\":\"in\",\"args\":[{\"property\":\"x\"},[1,\"a\",true]]}");
    checkSameAsText("T_AFTER(d, DATE('2020-01-01'))",
        "{\"op\":\"t_after\",\"args\":[{\"property\":\"d\"},{\"date\":\"2020-01-01\"}]}");
  }

  @Test
  void operatorNamesIgnoreCase() {
    checkSameAsText("S_INTERSECTS(g, BBOX(0, 0, 1, 1))",
        "{\"op\":\"S_Intersects\",\"args\":[{\"property\":\"g\"},{\"bbox\":[0,0,1,1]}]}");
    checkSameAsText("T_FINISHEDBY(a, b)",
        "{\"op\":\"t_finishedby\",\"args\":[{\"property\":\"a\"},{\"property\":\"b\"}]}");
  }

  @Test
  void intervalBoundsAreBareStrings() {
    checkSameAsText("T_DURING(t, INTERVAL('..', '2020-01-01T00:00:00Z'))",
        "{\"op\":\"t_during\",\"args\":[{\"property\":\"t\"},{\"interval\":[\"..\",\"2020-01-01T00:00:00Z\"]}]}");
  }

  @Test
  void readsGeoJsonGeometriesWithElevation() {
    Expression filter = Cql2JsonParser.parse("{\"op\":\"s_within\",\"args\":[{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[0,0,5],[1,0,5],[1,1,5],[0,0,5]]]},{\"property\":\"g\"}]}");
    GeometryLiteral polygon = (GeometryLiteral) ((SpatialPredicate) filter).first();
    assertEquals(5.0, polygon.geometry().getCoordinate().getZ());
    checkSameAsText("S_INTERSECTS(g, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1)))",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"g\"},{\"type\":\"GeometryCollection\",\"geometries\":"
            + "[{\"type\":\"Point\",\"coordinates\":[1,2]},"
            + "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}]}]}");
  }

  @Test
  void errorsNameTheJsonPointer() {
    checkError("{\"op\":\"and\",\"args\":[true]}", "at /args: 'and' needs at least 2 arguments");
    checkError("{\"op\":\"between\",\"args\":[{\"property\":\"a\"},1]}",
        "at /args: 'between' needs 3 arguments, not 2");
    checkError("{\"op\":\"=\",\"args\":[1,{\"op\":\"and\",\"args\":[true,false]}]}",
        "at /args/1: expected a scalar value");
    checkError("{\"op\":\"t_after\",\"args\":[{\"interval\":[\"..\",\"2020\"]},{\"date\":\"2020-01-01\"}]}",
        "at /args/0/interval/1: '2020' is not a timestamp of the form YYYY-MM-DDTHH:MM:SS[.S]Z");
    checkError("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"g\"},{\"type\":\"Point\",\"coordinates\":[1]}]}",
        "at /args/1/coordinates: a position needs at least two numbers");
    checkError("{\"op\":\"in\",\"args\":[{\"property\":\"a\"},[]]}", "at /args/1: expected a non-empty array");
    checkError("{\"op\":\"date\",\"args\":[]}", "at /args: 'date' is neither a CQL2 operator nor a function name");
    checkError("{\"foo\":1}", "at the top level: expected an object with one of the members op, property, date, "
        + "timestamp, interval, bbox or type");
    checkError("{\"property\":\"x\"}", "at the top level: expected a predicate");
  }

  @Test
  void invalidJsonIsASyntaxError() {
    assertTrue(assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse("[1,2")).getMessage()
        .startsWith("at line 1, column 5: not valid JSON"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse("{\"op\":\"=\",\"op\":\"<\",\"args\":[1,1]}"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse("true false"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse(""));
    assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse("{\"op\":\"=\",\"args\":[1,1e999]}"));
  }

  @Test
  void deepNestingIsASyntaxError() {
    String deep = "{\"op\":\"not\",\"args\":[".repeat(500) + "true" + "]}".repeat(500);
    assertTrue(assertThrows(Cql2SyntaxException.class, () -> Cql2JsonParser.parse(deep)).getMessage()
        .contains("nested more than 100 levels"));
  }
}
