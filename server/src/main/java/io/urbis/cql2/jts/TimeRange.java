package io.urbis.cql2.jts;

import io.urbis.cql2.ast.EndpointCondition;
import io.urbis.cql2.ast.EndpointCondition.Endpoint;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.TemporalOperator;
import io.urbis.cql2.ast.Unbounded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The operand of a temporal function as an interval of instants: an instant t is [t, t], a date is midnight UTC,
 * {@code '..'} is the earliest or latest instant, and a missing bound is null (unknown), as NULL is in SQL.
 */
record TimeRange(Instant start, Instant end) {

  /** An evaluated instant or range; null when the value is missing. */
  static TimeRange of(Object value) {
    if (value instanceof TimeRange range) {
      return range;
    }
    Instant instant = ScalarValues.instant(value);
    return instant == null ? null : new TimeRange(instant, instant);
  }

  static TimeRange of(Interval interval, Function<Expression, Object> evaluate) {
    return new TimeRange(bound(interval.start(), Instant.MIN, evaluate), bound(interval.end(), Instant.MAX, evaluate));
  }

  /** The function's endpoint conditions ({@link TemporalOperator}) under three-valued logic. */
  Boolean relate(TemporalOperator operator, TimeRange other) {
    List<Boolean> results = new ArrayList<>();
    for (EndpointCondition condition : operator.conditions()) {
      Instant mine = endpoint(condition.first());
      Instant theirs = other.endpoint(condition.second());
      results.add(mine == null || theirs == null ? null : condition.operator().holdsFor(mine.compareTo(theirs)));
    }
    return Truth.combine(operator.anyConditionSuffices(), results);
  }

  private Instant endpoint(Endpoint endpoint) {
    return endpoint == Endpoint.START ? start : end;
  }

  private static Instant bound(Expression bound, Instant unbounded, Function<Expression, Object> evaluate) {
    return bound instanceof Unbounded ? unbounded : ScalarValues.instant(evaluate.apply(bound));
  }
}
