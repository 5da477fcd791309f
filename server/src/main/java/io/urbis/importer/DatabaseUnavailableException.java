package io.urbis.importer;

/** The database cannot be reached: a different exit status than a bad file, as for {@code urbis serve}. */
public class DatabaseUnavailableException extends ImportException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
