package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.config.CatalogConfig;
import io.urbis.dcat.DcatCatalog;
import io.urbis.dcat.ModificationTimes;
import io.urbis.dcat.RdfDocuments;
import io.urbis.dcat.Vocabularies;
import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import io.urbis.tiles3d.Tiles3dService;
import java.util.ArrayList;
import java.util.List;

/**
 * The collections as datasets of the DCAT-AP.de catalog, for {@code /catalog}, and the catalog's links and JSON-LD
 * of one collection, for its own document and page.
 */
public final class CatalogDatasets {

  private final DcatCatalog catalog;
  private final ModificationTimes times;
  private final Tiles3dService tiles3d;
  private final int pageSize;

  /**
   * @param catalog what the configuration says of the catalog
   * @param tiles3d which collections have 3D tiles (a distribution of their own)
   * @param pageSize datasets per page of {@code /catalog}
   */
  public CatalogDatasets(DcatCatalog catalog, Tiles3dService tiles3d, int pageSize) {
    this.catalog = catalog;
    this.times = new ModificationTimes();
    this.tiles3d = tiles3d;
    this.pageSize = pageSize;
  }

  /** The datasets of a catalog configured with {@code config} (its defaults in place), unchecked. */
  public static CatalogDatasets of(CatalogConfig config, String serviceTitle, String serviceDescription,
      Tiles3dService tiles3d) {
    return new CatalogDatasets(new DcatCatalog(config, serviceTitle, serviceDescription), tiles3d,
        config.pageSize());
  }

  DcatCatalog catalog() {
    return catalog;
  }

  int pageSize() {
    return pageSize;
  }

  DcatCatalog.Dataset dataset(Collection collection) {
    return new DcatCatalog.Dataset(collection, times.of(collection), tiles3d.offers(collection));
  }

  /** The collection's dataset as JSON-LD, as its HTML page embeds it. */
  String jsonLd(Collection collection, LinkBuilder links) {
    return RdfDocuments.jsonLd(catalog.dataset(links::path, dataset(collection)));
  }

  /**
   * The collection's {@code license} link (OGC API - Common), where a licence is configured, and its
   * {@code describedby} links to its dataset in each serialisation of the catalog.
   */
  List<Link> links(Collection collection, LinkBuilder links) {
    List<Link> all = new ArrayList<>();
    String license = catalog.license(collection.id());
    if (license != null) {
      all.add(new Link(Vocabularies.homepage(license), "license", "text/html", Vocabularies.label(license)));
    }
    for (Representation representation : RdfDocuments.OFFERED) {
      all.add(links.link("describedby", representation, "The dataset (DCAT-AP.de) as " + representation.title(),
          "catalog", collection.id()));
    }
    return all;
  }
}
