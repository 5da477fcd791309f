package io.urbis.sensorthings.filter;

import static io.urbis.cql2.postgis.CompiledSql.bind;
import static io.urbis.cql2.postgis.CompiledSql.concat;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.error.UrbisException;
import io.urbis.sensorthings.filter.FilterExpression.Arithmetic;
import io.urbis.sensorthings.filter.FilterExpression.Comparison;
import io.urbis.sensorthings.filter.FilterExpression.ComparisonOperator;
import io.urbis.sensorthings.filter.FilterExpression.FunctionCall;
import io.urbis.sensorthings.filter.FilterExpression.Literal;
import io.urbis.sensorthings.filter.FilterExpression.Logical;
import io.urbis.sensorthings.filter.FilterExpression.Negation;
import io.urbis.sensorthings.filter.FilterExpression.Not;
import io.urbis.sensorthings.filter.FilterExpression.PropertyPath;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Compiles a {@link FilterExpression} to a PostgreSQL boolean expression with every literal a bind value, checking the
 * operand types on the way (a type mismatch is a 400 saying where, never an SQL error).
 *
 * <p>A time interval (an Observation's phenomenonTime) compares with an instant as a whole: it is before the
 * instant when it ends before it, after when it starts after it, equal when both ends are the instant. A JSON value
 * (result, {@code properties/...}) compares as jsonb with the other operand turned into jsonb, so a row whose value
 * has another JSON type simply does not match.
 */
public final class FilterSqlCompiler {

  /** The function of 18-088 Table 22 that {@link FilterFunctions} does not compile yet (a time of day type). */
  private static final Set<String> LATER_FUNCTIONS = Set.of("time");
  private static final Pattern SRID_PREFIX = Pattern.compile("(?i)^\\s*SRID=4326;");
  private static final Map<ComparisonOperator, String> SQL_COMPARISON = Map.of(ComparisonOperator.EQ, " = ",
      ComparisonOperator.NE, " <> ", ComparisonOperator.GT, " > ", ComparisonOperator.GE, " >= ",
      ComparisonOperator.LT, " < ", ComparisonOperator.LE, " <= ");
  private static final Map<ComparisonOperator, ComparisonOperator> MIRRORED = Map.of(ComparisonOperator.EQ,
      ComparisonOperator.EQ, ComparisonOperator.NE, ComparisonOperator.NE, ComparisonOperator.GT,
      ComparisonOperator.LT, ComparisonOperator.GE, ComparisonOperator.LE, ComparisonOperator.LT,
      ComparisonOperator.GT, ComparisonOperator.LE, ComparisonOperator.GE);

  private final FilterProperties properties;

  public FilterSqlCompiler(FilterProperties properties) {
    this.properties = properties;
  }

  /** The WHERE condition of {@code filter}; it must be a boolean expression. */
  public CompiledSql where(FilterExpression filter) {
    TypedSql condition = compile(filter);
    return switch (condition.type()) {
      case BOOLEAN -> condition.sql();
      case JSON -> concat("(", condition.sql(), " = 'true'::jsonb)");
      default -> throw new InvalidFilterException(filter.position(),
          "expected a condition that is true or false, found " + condition.type().label());
    };
  }

  TypedSql compile(FilterExpression expression) {
    if (expression instanceof Literal literal) {
      return literal(literal);
    }
    if (expression instanceof PropertyPath path) {
      return properties.resolve(path);
    }
    if (expression instanceof Comparison comparison) {
      return TypedSql.of(comparison(comparison), ValueType.BOOLEAN);
    }
    if (expression instanceof Logical logical) {
      return TypedSql.of(concat("(", where(logical.left()), " " + logical.operator().name() + " ",
          where(logical.right()), ")"), ValueType.BOOLEAN);
    }
    if (expression instanceof Not not) {
      return TypedSql.of(concat("(NOT ", where(not.operand()), ")"), ValueType.BOOLEAN);
    }
    if (expression instanceof Arithmetic arithmetic) {
      return TypedSql.of(arithmetic(arithmetic), ValueType.NUMBER);
    }
    if (expression instanceof Negation negation) {
      return TypedSql.of(concat("(-", number(negation.operand()), ")"), ValueType.NUMBER);
    }
    FunctionCall call = (FunctionCall) expression;
    if (FilterFunctions.defines(call.name())) {
      return FilterFunctions.compile(call, this::compile);
    }
    return function(call);
  }

  private CompiledSql comparison(Comparison comparison) {
    TypedSql left = compile(comparison.left());
    TypedSql right = compile(comparison.right());
    ComparisonOperator operator = comparison.operator();
    if (left.type() == ValueType.NULL || right.type() == ValueType.NULL) {
      return nullComparison(comparison, left.type() == ValueType.NULL ? right : left);
    }
    if (right.type() == ValueType.INTERVAL && left.type() != ValueType.INTERVAL) {
      return intervalComparison(MIRRORED.get(operator), right, left, comparison);
    }
    if (left.type() == ValueType.INTERVAL) {
      return intervalComparison(operator, left, right, comparison);
    }
    if (left.type() == ValueType.JSON || right.type() == ValueType.JSON) {
      return concat("(", asJson(left, comparison), SQL_COMPARISON.get(operator), asJson(right, comparison), ")");
    }
    if (left.type() != right.type() || left.type() == ValueType.GEOMETRY) {
      throw mismatch(comparison, left, right);
    }
    return concat("(", left.sql(), SQL_COMPARISON.get(operator), right.sql(), ")");
  }

  private static CompiledSql nullComparison(Comparison comparison, TypedSql other) {
    return switch (comparison.operator()) {
      case EQ -> concat("(", other.sql(), " IS NULL)");
      case NE -> concat("(", other.sql(), " IS NOT NULL)");
      default -> throw new InvalidFilterException(comparison.position(),
          "null can only be compared with eq and ne");
    };
  }

  private static CompiledSql intervalComparison(ComparisonOperator operator, TypedSql interval, TypedSql instant,
      Comparison comparison) {
    if (instant.type() != ValueType.DATE_TIME) {
      throw mismatch(comparison, interval, instant);
    }
    CompiledSql start = interval.sql();
    CompiledSql end = interval.end();
    CompiledSql value = instant.sql();
    return switch (operator) {
      case EQ -> concat("(", start, " = ", value, " AND ", end, " = ", value, ")");
      case NE -> concat("(", start, " <> ", value, " OR ", end, " <> ", value, ")");
      case LT -> concat("(", end, " < ", value, ")");
      case LE -> concat("(", end, " <= ", value, ")");
      case GT -> concat("(", start, " > ", value, ")");
      case GE -> concat("(", start, " >= ", value, ")");
    };
  }

  private static CompiledSql asJson(TypedSql value, Comparison comparison) {
    return switch (value.type()) {
      case JSON -> value.sql();
      case NUMBER, STRING, BOOLEAN -> concat("to_jsonb(", value.sql(), ")");
      default -> throw new InvalidFilterException(comparison.position(),
          "a JSON value cannot be compared with " + value.type().label());
    };
  }

  private CompiledSql arithmetic(Arithmetic arithmetic) {
    CompiledSql left = number(arithmetic.left());
    CompiledSql right = number(arithmetic.right());
    // Division by zero gives null (no match) rather than an SQL error.
    return switch (arithmetic.operator()) {
      case ADD -> concat("(", left, " + ", right, ")");
      case SUB -> concat("(", left, " - ", right, ")");
      case MUL -> concat("(", left, " * ", right, ")");
      case DIV -> concat("(", left, " / NULLIF(", right, ", 0))");
      case MOD -> concat("mod(", left, ", NULLIF(", right, ", 0))");
    };
  }

  /** An arithmetic operand as numeric; a JSON value that is not a number counts as null. */
  private CompiledSql number(FilterExpression operand) {
    TypedSql value = compile(operand);
    return switch (value.type()) {
      case NUMBER -> concat("CAST(", value.sql(), " AS numeric)");
      case JSON -> concat("(CASE WHEN jsonb_typeof(", value.sql(), ") = 'number' THEN CAST(", value.sql(),
          " AS numeric) END)");
      default -> throw new InvalidFilterException(operand.position(),
          "arithmetic needs numbers, not " + value.type().label());
    };
  }

  private static TypedSql literal(Literal literal) {
    return switch (literal.type()) {
      case NUMBER -> TypedSql.of(bind(literal.value(), "numeric"), ValueType.NUMBER);
      case STRING -> TypedSql.of(bind(literal.value(), "text"), ValueType.STRING);
      case BOOLEAN -> TypedSql.of(bind(literal.value(), "boolean"), ValueType.BOOLEAN);
      case NULL -> TypedSql.of(CompiledSql.text("NULL"), ValueType.NULL);
      case DATE_TIME -> TypedSql.of(bind(literal.value(), "timestamptz"), ValueType.DATE_TIME);
      case DATE -> TypedSql.of(bind(literal.value(), "date"), ValueType.DATE);
      case GEOGRAPHY -> TypedSql.of(concat("ST_GeomFromText(", bind(wkt(literal), "text"), ", 4326)"),
          ValueType.GEOMETRY);
      case DURATION -> throw new InvalidFilterException(literal.position(), "durations are not supported yet");
    };
  }

  /** Checked here, so a bad geometry is a 400 saying where rather than an SQL error. */
  private static String wkt(Literal literal) {
    // OData's geography literals may name their SRID, which can only be 4326 here (CRS84).
    String text = SRID_PREFIX.matcher((String) literal.value()).replaceFirst("");
    try {
      new WKTReader().read(text);
      return text;
    } catch (ParseException e) {
      throw new InvalidFilterException(literal.position(), "not a WKT geometry: " + e.getMessage());
    }
  }

  private static TypedSql function(FunctionCall call) {
    if (LATER_FUNCTIONS.contains(call.name())) {
      throw new UrbisException(501, "NotImplemented",
          "$filter at position " + call.position() + ": the function " + call.name() + " is not supported yet");
    }
    throw new InvalidFilterException(call.position(), "unknown function '" + call.name() + "'");
  }

  private static InvalidFilterException mismatch(Comparison comparison, TypedSql left, TypedSql right) {
    return new InvalidFilterException(comparison.position(), left.type().label() + " cannot be compared with "
        + right.type().label());
  }
}
