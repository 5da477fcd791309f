package io.urbis.access;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog as one audience sees it: only the collections it may read, each without the properties hidden from it
 * and holding only the rows its row filter lets through. Resources, the OpenAPI builder, tile and 3D builders and
 * CQL2 see only this, so no endpoint can forget a rule. Callers whose roles give the same rules share one view.
 *
 * @param catalog the collections the audience reads, narrowed by its rules
 * @param writable the collections the audience may also write, by id, each as its writing roles alone shape it: a
 *     role that reads more than another role writes must not widen what the caller may change
 * @param visibility a key of the rules that shaped this view, empty when it is the whole catalog read-only;
 *     documents built from the view (collection lists, the OpenAPI document) are cached and tagged with it
 */
public record CatalogView(Catalog catalog, Map<String, Collection> writable, String visibility) {

  /** The request property {@link CatalogViews} puts the view in. */
  static final String PROPERTY = CatalogView.class.getName();

  public CatalogView {
    writable = Map.copyOf(writable);
  }

  /** Whether the audience may create, replace, update and delete features of the collection. */
  public boolean mayWrite(String collectionId) {
    return writable.containsKey(collectionId);
  }

  /**
   * The collection as the audience's writing roles shape it (the properties they see and the rows their row filters
   * let through): what a write may name and touch; empty when the audience may not write it.
   */
  public Optional<Collection> writable(String collectionId) {
    return Optional.ofNullable(writable.get(collectionId));
  }

  /** Whether this is the whole catalog, read-only: what every caller saw before access rules existed. */
  public boolean isWhole() {
    return visibility.isEmpty();
  }

  /** The view {@link CatalogViews} chose for this request. */
  public static CatalogView of(ContainerRequestContext request) {
    if (request.getProperty(PROPERTY) instanceof CatalogView view) {
      return view;
    }
    // no silent fall-back to the whole catalog: a request that was not given a view must not reach any data
    throw new IllegalStateException("the request has no catalog view: CatalogViews is not registered");
  }
}
