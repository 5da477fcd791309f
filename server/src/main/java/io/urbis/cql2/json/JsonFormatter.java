package io.urbis.cql2.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.In;
import io.urbis.cql2.ast.InstantStrings;
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
import java.util.List;

/** Formats each node type as its CQL2-JSON object, array or scalar. */
final class JsonFormatter implements ExpressionVisitor<JsonNode> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public JsonNode visit(Logical logical) {
    return operation(logical.operator().jsonName(), logical.operands());
  }

  @Override
  public JsonNode visit(Not not) {
    return operation("not", List.of(not.operand()));
  }

  @Override
  public JsonNode visit(Comparison comparison) {
    return operation(comparison.operator().jsonName(), List.of(comparison.left(), comparison.right()));
  }

  @Override
  public JsonNode visit(Like like) {
    return operation("like", List.of(like.value(), like.pattern()));
  }

  @Override
  public JsonNode visit(Between between) {
    return operation("between", List.of(between.value(), between.low(), between.high()));
  }

  @Override
  public JsonNode visit(In in) {
    ObjectNode operation = operation("in", List.of(in.value()));
    ((ArrayNode) operation.get("args")).add(array(in.list()));
    return operation;
  }

  @Override
  public JsonNode visit(IsNull isNull) {
    return operation("isNull", List.of(isNull.operand()));
  }

  @Override
  public JsonNode visit(Fold fold) {
    return operation(fold.folding().jsonName(), List.of(fold.operand()));
  }

  @Override
  public JsonNode visit(Arithmetic arithmetic) {
    return operation(arithmetic.operator().jsonName(), List.of(arithmetic.left(), arithmetic.right()));
  }

  @Override
  public JsonNode visit(Property property) {
    return NODES.objectNode().put("property", property.name());
  }

  @Override
  public JsonNode visit(StringLiteral literal) {
    return NODES.textNode(literal.value());
  }

  @Override
  public JsonNode visit(NumberLiteral literal) {
    Number value = literal.value();
    return value instanceof Long whole ? NODES.numberNode(whole) : NODES.numberNode(value.doubleValue());
  }

  @Override
  public JsonNode visit(BooleanLiteral literal) {
    return NODES.booleanNode(literal.value());
  }

  @Override
  public JsonNode visit(DateLiteral literal) {
    return NODES.objectNode().put("date", InstantStrings.format(literal));
  }

  @Override
  public JsonNode visit(TimestampLiteral literal) {
    return NODES.objectNode().put("timestamp", InstantStrings.format(literal));
  }

  /** Interval bounds are bare strings in CQL2-JSON, not {@code {"date": ...}} objects. */
  @Override
  public JsonNode visit(Interval interval) {
    ArrayNode bounds = NODES.arrayNode().add(intervalBound(interval.start())).add(intervalBound(interval.end()));
    ObjectNode object = NODES.objectNode();
    object.set("interval", bounds);
    return object;
  }

  @Override
  public JsonNode visit(Unbounded unbounded) {
    return NODES.textNode(InstantStrings.format(unbounded));
  }

  @Override
  public JsonNode visit(GeometryLiteral literal) {
    return GeoJsonGeometryWriter.write(literal.geometry());
  }

  @Override
  public JsonNode visit(BboxLiteral literal) {
    ArrayNode numbers = NODES.arrayNode();
    literal.coordinates().forEach(numbers::add);
    ObjectNode object = NODES.objectNode();
    object.set("bbox", numbers);
    return object;
  }

  @Override
  public JsonNode visit(ArrayLiteral literal) {
    return array(literal.elements());
  }

  @Override
  public JsonNode visit(SpatialPredicate predicate) {
    return operation(predicate.operator().jsonName(), List.of(predicate.first(), predicate.second()));
  }

  @Override
  public JsonNode visit(TemporalPredicate predicate) {
    return operation(predicate.operator().jsonName(), List.of(predicate.first(), predicate.second()));
  }

  @Override
  public JsonNode visit(ArrayPredicate predicate) {
    return operation(predicate.operator().jsonName(), List.of(predicate.first(), predicate.second()));
  }

  @Override
  public JsonNode visit(FunctionCall call) {
    return operation(call.name(), call.arguments());
  }

  private ObjectNode operation(String op, List<Expression> arguments) {
    ObjectNode operation = NODES.objectNode().put("op", op);
    operation.set("args", array(arguments));
    return operation;
  }

  private ArrayNode array(List<Expression> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(item -> array.add(item.accept(this)));
    return array;
  }

  private JsonNode intervalBound(Expression bound) {
    boolean literal = bound instanceof DateLiteral || bound instanceof TimestampLiteral || bound instanceof Unbounded;
    return literal ? NODES.textNode(InstantStrings.format(bound)) : bound.accept(this);
  }
}
