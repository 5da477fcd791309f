package io.urbis.source.postgis;

import io.urbis.error.UrbisException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a failed write answers: what the table refuses of the values sent (its constraints, its column types) is the
 * client's to fix, a 409 or 400 naming no column, as it may be hidden from the client; anything else as for reads.
 */
final class WriteErrors {

  private WriteErrors() {}

  static RuntimeException translate(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("23505")) {
      return new UrbisException(409, "Conflict", "The feature conflicts with a stored one: a value the collection"
          + " keeps unique, such as the id, is taken");
    }
    if (state.equals("23502")) {
      return new UrbisException(400, "InvalidRequestBody", "The feature lacks a value the collection requires");
    }
    if (state.startsWith("23")) {
      return new UrbisException(400, "InvalidRequestBody", "The feature breaks a rule of the collection's table"
          + " (a check or reference constraint)");
    }
    if (SqlErrors.isDataException(e)) {
      // messages of class 22 name a type and the value sent, such as: value too long for type character varying(8)
      return new UrbisException(400, "InvalidRequestBody", "A value does not fit its property: "
          + primaryMessage(e));
    }
    return SqlErrors.translate(what, e);
  }

  private static String primaryMessage(SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    return server == null || server.getMessage() == null ? "out of range or malformed" : server.getMessage();
  }
}
