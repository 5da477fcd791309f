package io.urbis.crs;

/**
 * A coordinate a transform cannot take: outside the domain of a projection, where proj4j throws, yields no finite
 * number, or yields one that does not lead back to where it came from.
 */
public final class OutsideDomainException extends RuntimeException {

  OutsideDomainException(String message) {
    super(message);
  }
}
