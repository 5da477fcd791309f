package io.urbis.sensorthings.filter;

import java.util.List;

/**
 * A parsed OData {@code $filter} expression (OGC 18-088 9.3.3.4, OData 4.01 URL conventions 5.1.1): the typed model
 * that {@link FilterSqlCompiler} turns into SQL. Positions are 1-based character offsets in the {@code $filter} text,
 * so a later check can say where the problem is.
 */
public sealed interface FilterExpression {

  /** Where the expression starts in the {@code $filter} text. */
  int position();

  /** A literal value: a number, string, boolean, null or date/time. */
  record Literal(LiteralType type, Object value, int position) implements FilterExpression {}

  /** A property, or a path through a JSON property ({@code properties/owner}) or navigation properties. */
  record PropertyPath(List<String> segments, int position) implements FilterExpression {
    public PropertyPath {
      segments = List.copyOf(segments);
    }

    public String text() {
      return String.join("/", segments);
    }
  }

  record Comparison(ComparisonOperator operator, FilterExpression left, FilterExpression right, int position)
      implements FilterExpression {}

  record Logical(LogicalOperator operator, FilterExpression left, FilterExpression right, int position)
      implements FilterExpression {}

  record Not(FilterExpression operand, int position) implements FilterExpression {}

  record Arithmetic(ArithmeticOperator operator, FilterExpression left, FilterExpression right, int position)
      implements FilterExpression {}

  /** Unary minus of an expression that is not a number literal. */
  record Negation(FilterExpression operand, int position) implements FilterExpression {}

  /** A function call such as {@code substringof('a', name)} or {@code geo.intersects(location, geography'...')}. */
  record FunctionCall(String name, List<FilterExpression> arguments, int position) implements FilterExpression {
    public FunctionCall {
      arguments = List.copyOf(arguments);
    }
  }

  enum LiteralType { NUMBER, STRING, BOOLEAN, NULL, DATE_TIME, DATE, GEOGRAPHY, DURATION }

  enum ComparisonOperator { EQ, NE, GT, GE, LT, LE }

  enum LogicalOperator { AND, OR }

  enum ArithmeticOperator { ADD, SUB, MUL, DIV, MOD }
}
