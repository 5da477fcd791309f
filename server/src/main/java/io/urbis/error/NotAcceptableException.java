package io.urbis.error;

/** None of the representations the client accepts is offered: 406. */
public class NotAcceptableException extends UrbisException {

  public NotAcceptableException(String message) {
    super(406, "NotAcceptable", message);
  }
}
