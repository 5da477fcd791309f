package io.urbis.cql2.text;

import io.urbis.cql2.Cql2ValidationException;
import io.urbis.cql2.QueryableType;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.ExpressionRewriter;
import io.urbis.cql2.ast.InstantStrings;
import io.urbis.cql2.ast.NumberLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.StringLiteral;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The draft CQL text that GDAL's OAPIF driver (3.x) writes under {@code filter-lang=cql-text} for
 * {@code ogr2ogr -where}, read into the CQL2 model: CQL2 text plus the draft forms GDAL uses where CQL2 has others.
 *
 * <ul>
 *   <li>{@code name ILIKE 'a%'} is {@code CASEI(name) LIKE CASEI('a%')};
 *   <li>a date or timestamp compared with a DATE or TIMESTAMP queryable is a quoted string, as GDAL writes it:
 *       {@code '2000-01-01T'} (a date), {@code '2000-01-01T12Z'}, {@code '2000-01-01T12:30Z'},
 *       {@code '2000-01-01T12:30:00Z'}, or as CQL2 writes instants; it is that DATE or TIMESTAMP literal;
 *   <li>{@code 0} and {@code 1} compared with a BOOLEAN queryable are FALSE and TRUE (OGR keeps booleans as integers).
 * </ul>
 *
 * Anything else is read as CQL2 text is; {@code filter-lang=cql2-text} never accepts these forms.
 */
public final class DraftCqlText {

  /** A date, then optionally 'T' alone (GDAL's date) or 'T', the hour, minutes, seconds as far as given, and 'Z'. */
  private static final Pattern INSTANT =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:T|T(\\d{2})(?::(\\d{2})(?::(\\d{2}(?:\\.\\d{1,9})?))?)?Z)?");

  private DraftCqlText() {}

  /** Parses {@code text}, reading the draft's literals by the type of the queryable they are compared with. */
  public static Expression parse(String text, Queryables queryables) {
    return new TypedLiterals(queryables).rewrite(Cql2TextParser.parse(text, true));
  }

  /** Reads literals compared with a queryable as that queryable's type where the draft wrote them otherwise. */
  private static final class TypedLiterals extends ExpressionRewriter {

    private final Queryables queryables;

    TypedLiterals(Queryables queryables) {
      this.queryables = queryables;
    }

    @Override
    public Expression visit(Comparison comparison) {
      Expression left = rewrite(comparison.left());
      Expression right = rewrite(comparison.right());
      return new Comparison(comparison.operator(), typed(left, right), typed(right, left));
    }

    private Expression typed(Expression operand, Expression other) {
      QueryableType type = other instanceof Property property
          ? queryables.typeOf(property.name()).orElse(null)
          : null;
      if (operand instanceof StringLiteral string && (type == QueryableType.DATE || type == QueryableType.TIMESTAMP)) {
        return instant(string);
      }
      if (operand instanceof NumberLiteral number && number.value() instanceof Long bit && (bit == 0 || bit == 1)
          && type == QueryableType.BOOLEAN) {
        return new BooleanLiteral(bit == 1);
      }
      return operand;
    }

    /** The instant a string stands for; a string of another form stays one, which validation then refuses. */
    private static Expression instant(StringLiteral string) {
      Matcher matcher = INSTANT.matcher(string.value());
      if (!matcher.matches()) {
        return string;
      }
      String date = matcher.group(1);
      String hour = matcher.group(2);
      try {
        if (hour == null) {
          return InstantStrings.date(date);
        }
        return InstantStrings.timestamp(date + "T" + hour + ":" + orZero(matcher.group(3)) + ":"
            + orZero(matcher.group(4)) + "Z");
      } catch (IllegalArgumentException e) {
        throw new Cql2ValidationException(e.getMessage());
      }
    }

    private static String orZero(String digits) {
      return digits == null ? "00" : digits;
    }
  }
}
