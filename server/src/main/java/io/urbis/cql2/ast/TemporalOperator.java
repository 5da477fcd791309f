package io.urbis.cql2.ast;

import static io.urbis.cql2.ast.ComparisonOperator.EQUAL;
import static io.urbis.cql2.ast.ComparisonOperator.GREATER_OR_EQUAL;
import static io.urbis.cql2.ast.ComparisonOperator.GREATER_THAN;
import static io.urbis.cql2.ast.ComparisonOperator.LESS_OR_EQUAL;
import static io.urbis.cql2.ast.ComparisonOperator.LESS_THAN;
import static io.urbis.cql2.ast.EndpointCondition.Endpoint.END;
import static io.urbis.cql2.ast.EndpointCondition.Endpoint.START;

import java.util.List;
import java.util.Locale;

/**
 * The temporal comparison functions of OGC 21-065 clause 7.8, each defined as conditions on the endpoints of its two
 * operands (an instant t is the interval [t, t]; '..' is unbounded). The SQL compiler and the in-memory evaluator
 * both read these definitions, so they cannot disagree about what a function means.
 */
public enum TemporalOperator implements NamedOperator {
  T_AFTER(false, new EndpointCondition(START, GREATER_THAN, END)),
  T_BEFORE(false, new EndpointCondition(END, LESS_THAN, START)),
  T_CONTAINS(false, new EndpointCondition(START, LESS_THAN, START), new EndpointCondition(END, GREATER_THAN, END)),
  T_DISJOINT(true, new EndpointCondition(START, GREATER_THAN, END), new EndpointCondition(END, LESS_THAN, START)),
  T_DURING(false, new EndpointCondition(START, GREATER_THAN, START), new EndpointCondition(END, LESS_THAN, END)),
  T_EQUALS(false, new EndpointCondition(START, EQUAL, START), new EndpointCondition(END, EQUAL, END)),
  T_FINISHEDBY(false, new EndpointCondition(START, LESS_THAN, START), new EndpointCondition(END, EQUAL, END)),
  T_FINISHES(false, new EndpointCondition(START, GREATER_THAN, START), new EndpointCondition(END, EQUAL, END)),
  T_INTERSECTS(false, new EndpointCondition(START, LESS_OR_EQUAL, END),
      new EndpointCondition(END, GREATER_OR_EQUAL, START)),
  T_MEETS(false, new EndpointCondition(END, EQUAL, START)),
  T_METBY(false, new EndpointCondition(START, EQUAL, END)),
  T_OVERLAPPEDBY(false, new EndpointCondition(START, GREATER_THAN, START), new EndpointCondition(START, LESS_THAN, END),
      new EndpointCondition(END, GREATER_THAN, END)),
  T_OVERLAPS(false, new EndpointCondition(START, LESS_THAN, START), new EndpointCondition(END, GREATER_THAN, START),
      new EndpointCondition(END, LESS_THAN, END)),
  T_STARTEDBY(false, new EndpointCondition(START, EQUAL, START), new EndpointCondition(END, GREATER_THAN, END)),
  T_STARTS(false, new EndpointCondition(START, EQUAL, START), new EndpointCondition(END, LESS_THAN, END));

  private final boolean anyConditionSuffices;
  private final List<EndpointCondition> conditions;
  private final String jsonName;

  TemporalOperator(boolean anyConditionSuffices, EndpointCondition... conditions) {
    this.anyConditionSuffices = anyConditionSuffices;
    this.conditions = List.of(conditions);
    String lower = name().toLowerCase(Locale.ROOT);
    this.jsonName = lower.endsWith("by") ? lower.substring(0, lower.length() - 2) + "By" : lower;
  }

  /** As the CQL2-JSON schema spells it: {@code t_finishedBy}, {@code t_metBy}, ... */
  @Override
  public String jsonName() {
    return jsonName;
  }

  /** True when the conditions are alternatives (OR), false when all must hold (AND). */
  public boolean anyConditionSuffices() {
    return anyConditionSuffices;
  }

  public List<EndpointCondition> conditions() {
    return conditions;
  }
}
