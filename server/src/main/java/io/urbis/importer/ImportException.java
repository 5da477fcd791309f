package io.urbis.importer;

/** The import cannot go on; the message is one line for the terminal, naming the file or table and the fix. */
public class ImportException extends Exception {

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
