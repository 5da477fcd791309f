package io.urbis.source;

import io.urbis.catalog.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Reads the 3D models of a collection's features, for 3D Tiles. */
public interface ModelSource {

  /**
   * A value that changes whenever the collection's data changes, cheap enough to ask on every request; tiles built
   * for one value are reused while it stays the same.
   */
  String dataVersion(Collection collection);

  /** The bounds of every feature that has a model; {@code extrusion} is null for 3D geometries. */
  List<ModelBounds> bounds(Collection collection, Extrusion extrusion);

  /** The models of the features with the given ids, in any order. */
  void models(Collection collection, List<String> ids, Extrusion extrusion, Consumer<ModelRow> sink);
}
