package io.urbis.cql2.postgis;

import static io.urbis.cql2.postgis.CompiledSql.bind;
import static io.urbis.cql2.postgis.CompiledSql.concat;
import static io.urbis.cql2.postgis.CompiledSql.join;
import static io.urbis.cql2.postgis.CompiledSql.text;

import io.urbis.crs.Crs;
import io.urbis.cql2.AccentFolding;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.ValueKind;
import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArrayLiteral;
import io.urbis.cql2.ast.ArrayPredicate;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Between;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.DateLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.ExpressionVisitor;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.Folding;
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.In;
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.IsNull;
import io.urbis.cql2.ast.Like;
import io.urbis.cql2.ast.Logical;
import io.urbis.cql2.ast.Not;
import io.urbis.cql2.ast.NumberLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.ast.StringLiteral;
import io.urbis.cql2.ast.TemporalPredicate;
import io.urbis.cql2.ast.TimestampLiteral;
import io.urbis.cql2.ast.Unbounded;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/** One short SQL translation per node type; see {@link PostgisSqlCompiler} for the semantics. */
final class SqlFormatter implements ExpressionVisitor<CompiledSql> {

  private final Cql2Validator validator;
  private final PropertyResolver resolver;
  private final TemporalSql temporal;

  SqlFormatter(Cql2Validator validator, PropertyResolver resolver) {
    this.validator = validator;
    this.resolver = resolver;
    this.temporal = new TemporalSql(validator, this::compile);
  }

  @Override
  public CompiledSql visit(Logical logical) {
    String operator = " " + logical.operator().textName() + " ";
    return concat("(", join(operator, compileAll(logical.operands())), ")");
  }

  @Override
  public CompiledSql visit(Not not) {
    return concat("(NOT ", compile(not.operand()), ")");
  }

  /** Strings order by code point ({@code COLLATE "C"}), as the in-memory evaluator does. */
  @Override
  public CompiledSql visit(Comparison comparison) {
    boolean datesAsTimestamps = mixesDatesAndTimestamps(List.of(comparison.left(), comparison.right()));
    String collation = comparison.operator().orders() && kindOf(comparison.left()) == ValueKind.STRING
        ? " COLLATE \"C\""
        : "";
    return concat("(", comparable(comparison.left(), datesAsTimestamps), " ", comparison.operator().textName(), " ",
        comparable(comparison.right(), datesAsTimestamps), collation, ")");
  }

  @Override
  public CompiledSql visit(Like like) {
    return concat("(", compile(like.value()), " LIKE ", compile(like.pattern()), " ESCAPE E'\\\\')");
  }

  @Override
  public CompiledSql visit(Between between) {
    return concat("(", compile(between.value()), " BETWEEN ", compile(between.low()), " AND ",
        compile(between.high()), ")");
  }

  @Override
  public CompiledSql visit(In in) {
    List<Expression> all = new ArrayList<>(in.list());
    all.add(in.value());
    boolean datesAsTimestamps = mixesDatesAndTimestamps(all);
    List<CompiledSql> items = in.list().stream().map(item -> comparable(item, datesAsTimestamps))
        .collect(Collectors.toList());
    return concat("(", comparable(in.value(), datesAsTimestamps), " IN (", join(", ", items), "))");
  }

  @Override
  public CompiledSql visit(IsNull isNull) {
    return concat("(", compile(isNull.operand()), " IS NULL)");
  }

  /** ACCENTI binds its translation table: the SQL stays ASCII and the table cannot drift from the evaluator's. */
  @Override
  public CompiledSql visit(Fold fold) {
    CompiledSql operand = compile(fold.operand());
    return fold.folding() == Folding.CASEI
        ? concat("lower(", operand, ")")
        : concat("translate(", operand, ", ", bind(AccentFolding.FROM, "text"), ", ", bind(AccentFolding.TO, "text"),
            ")");
  }

  @Override
  public CompiledSql visit(Arithmetic arithmetic) {
    CompiledSql left = numeric(arithmetic.left());
    CompiledSql right = numeric(arithmetic.right());
    CompiledSql divisor = concat("NULLIF(", right, ", 0)");
    return switch (arithmetic.operator()) {
      case ADD -> concat("(", left, " + ", right, ")");
      case SUBTRACT -> concat("(", left, " - ", right, ")");
      case MULTIPLY -> concat("(", left, " * ", right, ")");
      case DIVIDE -> concat("(", left, " / ", divisor, ")");
      case MODULO -> concat("mod(", left, ", ", divisor, ")");
      case INTEGER_DIVIDE -> concat("div(", left, ", ", divisor, ")");
      case POWER -> concat("power(", left, ", ", right, ")");
    };
  }

  @Override
  public CompiledSql visit(Property property) {
    return text(resolver.sqlExpression(property.name()));
  }

  @Override
  public CompiledSql visit(StringLiteral literal) {
    return bind(literal.value(), "text");
  }

  @Override
  public CompiledSql visit(NumberLiteral literal) {
    String type = literal.value() instanceof Long ? "bigint" : "double precision";
    return bind(literal.value(), type);
  }

  @Override
  public CompiledSql visit(BooleanLiteral literal) {
    return bind(literal.value(), "boolean");
  }

  @Override
  public CompiledSql visit(DateLiteral literal) {
    return bind(literal.value(), "date");
  }

  @Override
  public CompiledSql visit(TimestampLiteral literal) {
    return bind(literal.value().atOffset(ZoneOffset.UTC), "timestamptz");
  }

  @Override
  public CompiledSql visit(Interval interval) {
    throw new IllegalStateException("validation admits intervals only in temporal functions");
  }

  @Override
  public CompiledSql visit(Unbounded unbounded) {
    throw new IllegalStateException("validation admits '..' only in intervals");
  }

  @Override
  public CompiledSql visit(GeometryLiteral literal) {
    return geometry(literal.geometry(), literal.crs());
  }

  @Override
  public CompiledSql visit(BboxLiteral literal) {
    return geometry(literal.toGeometry(), literal.crs());
  }

  @Override
  public CompiledSql visit(ArrayLiteral literal) {
    return concat("ARRAY[", join(", ", compileAll(literal.elements())), "]");
  }

  /** Compared in the CRS of the literal operand (the filter's CRS); two properties meet in CRS84. */
  @Override
  public CompiledSql visit(SpatialPredicate predicate) {
    String function = SqlOperators.functionName(predicate.operator());
    int srid = literalCrs(predicate.first()).or(() -> literalCrs(predicate.second())).orElse(Crs.CRS84).srid();
    return concat(function, "(", spatialOperand(predicate.first(), srid), ", ",
        spatialOperand(predicate.second(), srid), ")");
  }

  @Override
  public CompiledSql visit(TemporalPredicate predicate) {
    return temporal.compile(predicate);
  }

  @Override
  public CompiledSql visit(ArrayPredicate predicate) {
    String operator = SqlOperators.arrayOperator(predicate.operator());
    return concat("(", arrayOperand(predicate.first(), predicate.second()), " ", operator, " ",
        arrayOperand(predicate.second(), predicate.first()), ")");
  }

  @Override
  public CompiledSql visit(FunctionCall call) {
    throw new IllegalStateException("validation admits no functions");
  }

  CompiledSql compile(Expression expression) {
    return expression.accept(this);
  }

  private List<CompiledSql> compileAll(List<Expression> expressions) {
    return expressions.stream().map(this::compile).collect(Collectors.toList());
  }

  private ValueKind kindOf(Expression expression) {
    return validator.kindOf(expression);
  }

  private boolean mixesDatesAndTimestamps(List<Expression> operands) {
    Set<ValueKind> kinds = operands.stream().map(this::kindOf).collect(Collectors.toCollection(
        () -> EnumSet.noneOf(ValueKind.class)));
    return kinds.contains(ValueKind.DATE) && kinds.contains(ValueKind.TIMESTAMP);
  }

  private CompiledSql comparable(Expression operand, boolean datesAsTimestamps) {
    return temporal.instant(operand, !datesAsTimestamps);
  }

  /** Arithmetic in numeric, so integers stay exact and nothing overflows as easily as in bigint or float8. */
  private CompiledSql numeric(Expression operand) {
    return operand instanceof NumberLiteral literal
        ? bind(literal.value(), "numeric")
        : concat("CAST(", compile(operand), " AS numeric)");
  }

  private static CompiledSql geometry(Geometry geometry, Crs crs) {
    return concat("ST_GeomFromText(", bind(new WKTWriter().write(geometry), "text"), ", " + crs.srid() + ")");
  }

  private CompiledSql spatialOperand(Expression operand, int srid) {
    return operand instanceof Property property
        ? text(resolver.geometryExpression(property.name(), srid))
        : compile(operand);
  }

  private static Optional<Crs> literalCrs(Expression operand) {
    if (operand instanceof GeometryLiteral literal) {
      return Optional.of(literal.crs());
    }
    return operand instanceof BboxLiteral literal ? Optional.of(literal.crs()) : Optional.empty();
  }

  /** An array literal compared with an array queryable takes the queryable's type; an empty one needs it. */
  private CompiledSql arrayOperand(Expression operand, Expression other) {
    CompiledSql compiled = compile(operand);
    return operand instanceof ArrayLiteral && other instanceof Property property
        ? concat("CAST(", compiled, " AS ", resolver.sqlType(property.name()), ")")
        : compiled;
  }
}
