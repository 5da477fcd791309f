package io.urbis.source;

import io.urbis.catalog.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Reads the 3D models of a collection's features, for 3D Tiles. */
public interface ModelSource {

  /** The bounds of every feature that has a model; {@code extrusion} is null for 3D geometries. */
  List<ModelBounds> bounds(Collection collection, Extrusion extrusion);

  /**
   * The models of the features with the given ids, in any order: those of one tile, or of a batch of tiles when
   * seeding, which is why a source should read them all with one query.
   */
  void models(Collection collection, List<String> ids, Extrusion extrusion, Consumer<ModelRow> sink);
}
