package io.urbis.error;

/** The addressed collection or feature does not exist: 404. */
public class NotFoundException extends UrbisException {

  public NotFoundException(String message) {
    super(404, "NotFound", message);
  }
}
