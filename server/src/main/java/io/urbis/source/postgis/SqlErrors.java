package io.urbis.source.postgis;

import io.urbis.source.SourceFailureException;
import io.urbis.source.SourceUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Sorts database errors into "try again later" (503) and real faults (500) by SQLSTATE class, and tells the errors
 * that come from what a client sent.
 */
public final class SqlErrors {

  private SqlErrors() {}

  public static RuntimeException translate(String what, SQLException e) {
    if (isUnavailable(e)) {
      return new SourceUnavailableException(what + ": database unavailable", e);
    }
    return new SourceFailureException(what + " failed", e);
  }

  /** A data exception (class 22): a value the client sent cannot be of the column's type. */
  static boolean isDataException(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("22");
  }

  /**
   * PostGIS could not transform a coordinate ({@code transform: Point outside of projection domain (2050)} and the
   * other errors of PROJ it reports as internal errors).
   */
  static boolean isTransformFailure(SQLException e) {
    return "XX000".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().contains("transform:");
  }

  private static boolean isUnavailable(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientConnectionException
        || state == null
        || state.startsWith("08")
        || state.equals("57014")
        || state.startsWith("57P")
        || state.equals("53300");
  }
}
