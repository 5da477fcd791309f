package io.urbis.sensorthings.filter;

/**
 * The {@code $filter} is not OData, or does not fit the entity type; the message starts with where
 * ("at position 17: ...").
 */
public final class InvalidFilterException extends RuntimeException {

  public InvalidFilterException(int position, String problem) {
    super("at position " + position + ": " + problem);
  }
}
