package io.urbis.error;

/** A query parameter is malformed, out of range or not known: 400 (OGC 17-069r4, 7.5 and 7.6). */
public class InvalidParameterException extends UrbisException {

  public InvalidParameterException(String parameter, String problem) {
    super(400, "InvalidParameterValue", "Parameter '" + parameter + "': " + problem);
  }
}
