package io.urbis.cql2.json;

import static io.urbis.cql2.ast.Category.ARGUMENT;
import static io.urbis.cql2.ast.Category.ARRAY;
import static io.urbis.cql2.ast.Category.CHARACTER;
import static io.urbis.cql2.ast.Category.NULL_OPERAND;
import static io.urbis.cql2.ast.Category.NUMERIC;
import static io.urbis.cql2.ast.Category.PATTERN;
import static io.urbis.cql2.ast.Category.PREDICATE;
import static io.urbis.cql2.ast.Category.SCALAR;
import static io.urbis.cql2.ast.Category.SPATIAL;
import static io.urbis.cql2.ast.Category.TEMPORAL;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArithmeticOperator;
import io.urbis.cql2.ast.ArrayOperator;
import io.urbis.cql2.ast.ArrayPredicate;
import io.urbis.cql2.ast.Between;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.ComparisonOperator;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.Folding;
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.In;
import io.urbis.cql2.ast.IsNull;
import io.urbis.cql2.ast.Like;
import io.urbis.cql2.ast.Logical;
import io.urbis.cql2.ast.LogicalOperator;
import io.urbis.cql2.ast.NamedOperator;
import io.urbis.cql2.ast.Not;
import io.urbis.cql2.ast.SpatialOperator;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.ast.TemporalOperator;
import io.urbis.cql2.ast.TemporalPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code {"op": name, "args": [...]}}: the built-in operators by name, anything else as a function call. */
final class JsonOperationReader {

  private final JsonExpressionReader expressions;

  JsonOperationReader(JsonExpressionReader expressions) {
    this.expressions = expressions;
  }

  Expression operation(JsonNode object, String pointer) {
    String op = JsonExpressionReader.text(object.get("op"), pointer + "/op");
    Arguments args = new Arguments(op, object.path("args"), pointer + "/args");
    return switch (op.toLowerCase(Locale.ROOT)) {
      case "and" -> Logical.of(LogicalOperator.AND, args.all(2, PREDICATE));
      case "or" -> Logical.of(LogicalOperator.OR, args.all(2, PREDICATE));
      case "not" -> new Not(args.each(PREDICATE).get(0));
      case "like" -> like(args.each(CHARACTER, PATTERN));
      case "between" -> between(args.each(NUMERIC, NUMERIC, NUMERIC));
      case "in" -> in(args);
      case "isnull" -> new IsNull(args.each(NULL_OPERAND).get(0));
      case "casei" -> new Fold(Folding.CASEI, args.each(CHARACTER).get(0));
      case "accenti" -> new Fold(Folding.ACCENTI, args.each(CHARACTER).get(0));
      default -> binaryOrFunction(op, args);
    };
  }

  private static Expression like(List<Expression> operands) {
    return new Like(operands.get(0), operands.get(1));
  }

  private static Expression between(List<Expression> operands) {
    return new Between(operands.get(0), operands.get(1), operands.get(2));
  }

  /** {@code {"op": "in", "args": [value, [item, ...]]}}. */
  private Expression in(Arguments args) {
    args.requireCount(2);
    Expression value = args.at(0, SCALAR);
    JsonNode list = args.node(1);
    JsonExpressionReader.requireArray(list, args.pointer(1), 1, Integer.MAX_VALUE);
    return new In(value, expressions.elements(list, args.pointer(1), SCALAR));
  }

  private Expression binaryOrFunction(String op, Arguments args) {
    Optional<ComparisonOperator> comparison = NamedOperator.find(ComparisonOperator.class, op);
    if (comparison.isPresent()) {
      List<Expression> operands = args.each(SCALAR, SCALAR);
      return new Comparison(comparison.get(), operands.get(0), operands.get(1));
    }
    Optional<ArithmeticOperator> arithmetic = NamedOperator.find(ArithmeticOperator.class, op);
    if (arithmetic.isPresent()) {
      List<Expression> operands = args.each(NUMERIC, NUMERIC);
      return new Arithmetic(arithmetic.get(), operands.get(0), operands.get(1));
    }
    Optional<SpatialOperator> spatial = NamedOperator.find(SpatialOperator.class, op);
    if (spatial.isPresent()) {
      List<Expression> operands = args.each(SPATIAL, SPATIAL);
      return new SpatialPredicate(spatial.get(), operands.get(0), operands.get(1));
    }
    Optional<TemporalOperator> temporal = NamedOperator.find(TemporalOperator.class, op);
    if (temporal.isPresent()) {
      List<Expression> operands = args.each(TEMPORAL, TEMPORAL);
      return new TemporalPredicate(temporal.get(), operands.get(0), operands.get(1));
    }
    Optional<ArrayOperator> array = NamedOperator.find(ArrayOperator.class, op);
    if (array.isPresent()) {
      List<Expression> operands = args.each(ARRAY, ARRAY);
      return new ArrayPredicate(array.get(), operands.get(0), operands.get(1));
    }
    return function(op, args);
  }

  private Expression function(String name, Arguments args) {
    List<Expression> arguments = args.all(0, ARGUMENT);
    try {
      return new FunctionCall(name, arguments);
    } catch (IllegalArgumentException e) {
      throw Cql2SyntaxException.atPointer(args.pointer,
          "'" + name + "' is neither a CQL2 operator nor a function name");
    }
  }

  /** The {@code args} member of one operation, read with the role each argument plays. */
  private final class Arguments {

    private final String op;
    private final JsonNode args;
    private final String pointer;

    Arguments(String op, JsonNode args, String pointer) {
      this.op = op;
      this.args = args;
      this.pointer = pointer;
      if (!args.isArray()) {
        throw Cql2SyntaxException.atPointer(pointer, "expected an array of arguments for '" + op + "'");
      }
    }

    List<Expression> all(int minimum, Category category) {
      if (args.size() < minimum) {
        throw Cql2SyntaxException.atPointer(pointer, "'" + op + "' needs at least " + minimum + " arguments");
      }
      return expressions.elements(args, pointer, category);
    }

    /** Exactly one argument per role given, each read once. */
    List<Expression> each(Category... roles) {
      requireCount(roles.length);
      List<Expression> operands = new ArrayList<>(roles.length);
      for (int i = 0; i < roles.length; i++) {
        operands.add(at(i, roles[i]));
      }
      return operands;
    }

    void requireCount(int count) {
      if (args.size() != count) {
        throw Cql2SyntaxException.atPointer(pointer,
            "'" + op + "' needs " + count + " arguments, not " + args.size());
      }
    }

    Expression at(int index, Category category) {
      return expressions.expressionIn(category, args.get(index), pointer(index));
    }

    JsonNode node(int index) {
      return args.get(index);
    }

    String pointer(int index) {
      return pointer + "/" + index;
    }
  }
}
