package io.urbis.cql2.json;

import static io.urbis.cql2.ast.Category.ARGUMENT;
import static io.urbis.cql2.ast.Category.INTERVAL_BOUND;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.ArrayLiteral;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.InstantStrings;
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.NumberLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.StringLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads one JSON value as an expression: literals, arrays and the object forms ({@code op}, {@code property}, ...). */
final class JsonExpressionReader {

  private final int maxDepth;
  private final JsonOperationReader operations = new JsonOperationReader(this);
  private int depth;

  JsonExpressionReader(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  Expression expression(JsonNode node, String pointer) {
    if (++depth > maxDepth) {
      throw Cql2SyntaxException.atPointer(pointer, "the filter is nested more than " + maxDepth + " levels deep");
    }
    Expression expression = switch (node.getNodeType()) {
      case BOOLEAN -> new BooleanLiteral(node.booleanValue());
      case NUMBER -> number(node, pointer);
      case STRING -> new StringLiteral(requireNoNul(node.textValue(), pointer));
      case ARRAY -> new ArrayLiteral(elements(node, pointer, ARGUMENT));
      case OBJECT -> object(node, pointer);
      default -> throw Cql2SyntaxException.atPointer(pointer, "expected a CQL2 expression but found " + node);
    };
    depth--;
    return expression;
  }

  /** The expression at {@code pointer}, which must be able to play the role {@code category}. */
  Expression expressionIn(Category category, JsonNode node, String pointer) {
    Expression expression = expression(node, pointer);
    if (!category.admits(expression)) {
      throw Cql2SyntaxException.atPointer(pointer, "expected " + category.description());
    }
    return expression;
  }

  List<Expression> elements(JsonNode array, String pointer, Category category) {
    List<Expression> elements = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      elements.add(expressionIn(category, array.get(i), pointer + "/" + i));
    }
    return elements;
  }

  private Expression object(JsonNode object, String pointer) {
    if (object.has("op")) {
      return operations.operation(object, pointer);
    }
    if (object.has("property")) {
      return property(object.get("property"), pointer + "/property");
    }
    if (object.has("date")) {
      return instant(object.get("date"), pointer + "/date", InstantStrings::date);
    }
    if (object.has("timestamp")) {
      return instant(object.get("timestamp"), pointer + "/timestamp", InstantStrings::timestamp);
    }
    if (object.has("interval")) {
      return interval(object.get("interval"), pointer + "/interval");
    }
    if (object.has("bbox")) {
      return bbox(object.get("bbox"), pointer + "/bbox");
    }
    if (object.has("type")) {
      return new GeometryLiteral(GeoJsonGeometryReader.read(object, pointer));
    }
    throw Cql2SyntaxException.atPointer(pointer, "expected an object with one of the members op, property, date, "
        + "timestamp, interval, bbox or type");
  }

  private static Expression number(JsonNode node, String pointer) {
    try {
      return node.canConvertToExactIntegral() && node.canConvertToLong()
          ? NumberLiteral.of(node.longValue())
          : NumberLiteral.of(node.doubleValue());
    } catch (IllegalArgumentException e) {
      throw Cql2SyntaxException.atPointer(pointer, "the number " + node + " is out of range");
    }
  }

  private static Expression property(JsonNode name, String pointer) {
    try {
      return new Property(text(name, pointer));
    } catch (IllegalArgumentException e) {
      throw Cql2SyntaxException.atPointer(pointer, e.getMessage());
    }
  }

  private static Expression instant(JsonNode value, String pointer, Function<String, Expression> parse) {
    try {
      return parse.apply(text(value, pointer));
    } catch (IllegalArgumentException e) {
      throw Cql2SyntaxException.atPointer(pointer, e.getMessage());
    }
  }

  /** {@code {"interval": [start, end]}}: each an instant string, {@code ".."}, a property or a function. */
  private Expression interval(JsonNode bounds, String pointer) {
    requireArray(bounds, pointer, 2, 2);
    List<Expression> interval = new ArrayList<>(2);
    for (int i = 0; i < 2; i++) {
      JsonNode bound = bounds.get(i);
      String at = pointer + "/" + i;
      interval.add(bound.isTextual() ? instant(bound, at, InstantStrings::intervalBound)
          : expressionIn(INTERVAL_BOUND, bound, at));
    }
    return new Interval(interval.get(0), interval.get(1));
  }

  private static Expression bbox(JsonNode numbers, String pointer) {
    requireArray(numbers, pointer, 4, 6);
    List<Double> coordinates = new ArrayList<>();
    for (int i = 0; i < numbers.size(); i++) {
      JsonNode number = numbers.get(i);
      if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
        throw Cql2SyntaxException.atPointer(pointer + "/" + i, "expected a finite number");
      }
      coordinates.add(number.doubleValue());
    }
    if (coordinates.size() == 5) {
      throw Cql2SyntaxException.atPointer(pointer, "a bbox has 4 or 6 numbers, not 5");
    }
    return new BboxLiteral(coordinates);
  }

  static void requireArray(JsonNode node, String pointer, int min, int max) {
    if (!node.isArray() || node.size() < min || node.size() > max) {
      String count = min == max ? String.valueOf(min) : min + " to " + max;
      String expected = max == Integer.MAX_VALUE ? "a non-empty array" : "an array of " + count + " items";
      throw Cql2SyntaxException.atPointer(pointer, "expected " + expected);
    }
  }

  static String text(JsonNode node, String pointer) {
    if (!node.isTextual()) {
      throw Cql2SyntaxException.atPointer(pointer, "expected a string");
    }
    return requireNoNul(node.textValue(), pointer);
  }

  private static String requireNoNul(String text, String pointer) {
    if (text.indexOf(0) >= 0) {
      throw Cql2SyntaxException.atPointer(pointer, "strings must not contain the NUL character");
    }
    return text;
  }
}
