package io.urbis.cql2.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code a AND b AND ...} or {@code a OR b OR ...}, with at least two operands. */
public record Logical(LogicalOperator operator, List<Expression> operands) implements Expression {

  public Logical {
    Objects.requireNonNull(operator, "operator");
    operands = List.copyOf(operands);
    if (operands.size() < 2) {
      throw new IllegalArgumentException(operator.textName() + " needs at least two operands");
    }
  }

  /**
   * Joins operands with one operator, lifting the operands of nested joins with the same operator: {@code (a AND b)
   * AND c} and {@code {"op":"and","args":[a,{"op":"and","args":[b,c]}]}} are then the same tree.
   */
  public static Expression of(LogicalOperator operator, List<Expression> operands) {
    List<Expression> flat = new ArrayList<>();
    for (Expression operand : operands) {
      if (operand instanceof Logical nested && nested.operator() == operator) {
        flat.addAll(nested.operands());
      } else {
        flat.add(operand);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Logical(operator, flat);
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
