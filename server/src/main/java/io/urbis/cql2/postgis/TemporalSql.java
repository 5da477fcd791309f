package io.urbis.cql2.postgis;

import static io.urbis.cql2.postgis.CompiledSql.concat;
import static io.urbis.cql2.postgis.CompiledSql.text;

import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.ValueKind;
import io.urbis.cql2.ast.EndpointCondition;
import io.urbis.cql2.ast.EndpointCondition.Endpoint;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.TemporalPredicate;
import io.urbis.cql2.ast.Unbounded;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Temporal functions as comparisons of operand endpoints. Operands that are all dates are compared as dates; once a
 * timestamp takes part, dates become midnight UTC, never a time in the session's time zone.
 */
final class TemporalSql {

  private final Cql2Validator validator;
  private final Function<Expression, CompiledSql> compiler;

  TemporalSql(Cql2Validator validator, Function<Expression, CompiledSql> compiler) {
    this.validator = validator;
    this.compiler = compiler;
  }

  CompiledSql compile(TemporalPredicate predicate) {
    boolean datesOnly = instants(predicate.first()).stream().allMatch(this::isDate)
        && instants(predicate.second()).stream().allMatch(this::isDate);
    List<CompiledSql> conditions = new ArrayList<>();
    for (EndpointCondition condition : predicate.operator().conditions()) {
      conditions.add(concat(endpoint(predicate.first(), condition.first(), datesOnly),
          " " + condition.operator().textName() + " ", endpoint(predicate.second(), condition.second(), datesOnly)));
    }
    String joiner = predicate.operator().anyConditionSuffices() ? " OR " : " AND ";
    return concat("(", CompiledSql.join(joiner, conditions), ")");
  }

  /** A date as a timestamptz at midnight UTC, independent of the session's TimeZone. */
  static CompiledSql asTimestamp(CompiledSql date) {
    return concat("(CAST(", date, " AS timestamp) AT TIME ZONE 'UTC')");
  }

  /** Compiles an instant; a date becomes a timestamp unless the whole comparison is in dates. */
  CompiledSql instant(Expression instant, boolean datesOnly) {
    CompiledSql compiled = compiler.apply(instant);
    return isDate(instant) && !datesOnly ? asTimestamp(compiled) : compiled;
  }

  private CompiledSql endpoint(Expression operand, Endpoint endpoint, boolean datesOnly) {
    if (!(operand instanceof Interval interval)) {
      return instant(operand, datesOnly);
    }
    Expression bound = endpoint == Endpoint.START ? interval.start() : interval.end();
    if (bound instanceof Unbounded) {
      String infinity = endpoint == Endpoint.START ? "'-infinity'" : "'infinity'";
      return text("CAST(" + infinity + " AS " + (datesOnly ? "date" : "timestamptz") + ")");
    }
    return instant(bound, datesOnly);
  }

  private static List<Expression> instants(Expression operand) {
    List<Expression> instants = new ArrayList<>();
    if (operand instanceof Interval interval) {
      for (Expression bound : List.of(interval.start(), interval.end())) {
        if (!(bound instanceof Unbounded)) {
          instants.add(bound);
        }
      }
    } else {
      instants.add(operand);
    }
    return instants;
  }

  private boolean isDate(Expression instant) {
    return validator.kindOf(instant) == ValueKind.DATE;
  }
}
