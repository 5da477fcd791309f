package io.urbis.catalog;

/**
 * A collection's data as it is now: a version that changes whenever the data does, and the extent of that version.
 * A collection holds one for its whole life while the data under it changes; the two answers always belong together
 * (an extent is never older than the version reported with it).
 */
public interface CurrentData {

  /** A value that changes whenever the data changes; what is built for one value may be reused while it holds. */
  String version();

  /** The extent of the data at {@link #version()}. */
  DataExtent extent();

  /**
   * This server has just changed the data (a committed write): the next {@link #version()} asks the source again
   * instead of trusting what it learnt recently, so that what is built for the version (counts, tiles) is fresh for the
   * very next request.
   */
  default void changed() {}
}
