package io.urbis.dcat;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import io.urbis.config.CatalogConfig;
import io.urbis.crs.Crs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;

/**
 * The catalog as DCAT-AP.de 2.0 RDF: a {@code dcat:Catalog} of one {@code dcat:Dataset} per collection, with what the
 * configuration says of them (titles, licence, publisher, ...) and what the data tells (extent, time, CRS, last
 * change) and one {@code dcat:Distribution} per way the server offers the data. Every node is an IRI (no blank
 * nodes), so the same metadata always writes the same bytes. DCAT-AP.de 3.0 keeps these classes and properties;
 * moving to it is a matter of the terms it renames ({@link #DCATDE} stays).
 */
public final class DcatCatalog {

  /** The namespace of DCAT-AP.de's own terms. */
  public static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
  static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
  private static final String GEOSPARQL = "http://www.opengis.net/ont/geosparql#";
  private static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";
  private static final Property CONTRIBUTOR_ID = property(DCATDE, "contributorID");
  private static final Property POLITICAL_GEOCODING = property(DCATDE, "politicalGeocodingURI");
  private static final Property LEGAL_BASIS = property(DCATDE, "legalBasis");
  private static final Property ATTRIBUTION = property(DCATDE, "licenseAttributionByText");

  /** Where a page or document of this server is, as an absolute URL: {@code at("collections", id, "items")}. */
  @FunctionalInterface
  public interface Addresses {
    String at(String... segments);
  }

  /**
   * One collection as a dataset of the catalog.
   *
   * @param collection the collection as the caller sees it
   * @param modified when its data last changed, as far as this server knows ({@link ModificationTimes})
   * @param has3dTiles whether the server offers 3D tiles of it
   */
  public record Dataset(Collection collection, Instant modified, boolean has3dTiles) {}

  /**
   * Where one page of the catalog is among all (Hydra paging).
   *
   * @param number the page, from 1
   * @param pages how many pages the catalog has
   * @param datasets how many datasets all pages hold
   */
  public record Page(int number, int pages, int datasets) {}

  /**
   * One way of getting a collection's data, as a distribution.
   *
   * @param download whether {@code url} gives the data as one file (also its {@code dcat:downloadURL})
   */
  private record Access(String fragment, String titleDe, String titleEn, String fileType, String mediaType,
      String url, boolean download) {}

  private final CatalogConfig config;
  private final String serviceTitle;
  private final String serviceDescription;

  /**
   * @param config the catalog metadata of the configuration, its defaults in place
   * @param serviceTitle the service's title, the catalog's when the configuration gives none
   * @param serviceDescription the service's description, likewise
   */
  public DcatCatalog(CatalogConfig config, String serviceTitle, String serviceDescription) {
    this.config = config;
    this.serviceTitle = serviceTitle;
    this.serviceDescription = serviceDescription;
  }

  /**
   * The catalog of a configuration, checked: its collections exist, and every licence that asks users to name the
   * source comes with the text to name it by ({@link Vocabularies#check} checks its IRIs before any source opens).
   *
   * @throws io.urbis.config.ConfigException naming the key and the value that cannot be used
   */
  public static DcatCatalog configured(CatalogConfig config, Set<String> collectionIds, String serviceTitle,
      String serviceDescription) {
    config.check(collectionIds);
    Vocabularies.checkAttribution("catalog", config);
    for (String id : collectionIds) {
      Vocabularies.checkAttribution("catalog.collections." + id, config.forCollection(id));
    }
    return new DcatCatalog(config, serviceTitle, serviceDescription);
  }

  /** One page of the catalog: the catalog itself, the datasets of the page and, when there are more, the paging. */
  public Model page(Addresses addresses, List<Dataset> datasets, Page page) {
    Model model = newModel();
    String catalogIri = addresses.at("catalog");
    Resource catalog = model.createResource(catalogIri, DCAT.Catalog);
    texts(catalog, DCTerms.title, config.title(), serviceTitle);
    texts(catalog, DCTerms.description, config.description(), serviceDescription);
    catalog.addProperty(DCTerms.publisher, agent(model, catalogIri + "#publisher", config.publisher()));
    catalog.addProperty(FOAF.homepage, model.createResource(addresses.at() + "/"));
    catalog.addProperty(DCAT.themeTaxonomy, model.createResource(Vocabularies.THEMES));
    for (Dataset dataset : datasets) {
      catalog.addProperty(DCAT.dataset, describe(model, addresses, dataset));
    }
    if (page.pages() > 1) {
      paging(model, catalog, catalogIri, page);
    }
    return model;
  }

  /** One dataset alone, as a collection's own description ({@code describedby}) and its HTML page embed it. */
  public Model dataset(Addresses addresses, Dataset dataset) {
    Model model = newModel();
    describe(model, addresses, dataset);
    return model;
  }

  /** The IRI of a collection's dataset. */
  public static String datasetIri(Addresses addresses, String collectionId) {
    return addresses.at("collections", collectionId) + "#dataset";
  }

  /** The licence of the collection's data, or null when none is configured. */
  public String license(String collectionId) {
    return config.forCollection(collectionId).license();
  }

  private Resource describe(Model model, Addresses addresses, Dataset entry) {
    Collection collection = entry.collection();
    CatalogConfig own = config.forCollection(collection.id());
    String page = addresses.at("collections", collection.id());
    Resource dataset = model.createResource(datasetIri(addresses, collection.id()), DCAT.Dataset);
    dataset.addProperty(DCTerms.identifier, dataset.getURI());
    texts(dataset, DCTerms.title, own.title(), collection.title() == null ? collection.id() : collection.title());
    texts(dataset, DCTerms.description, own.description(), collection.description() == null
        || collection.description().isBlank() ? "Features of " + collection.id() + ", served by " + serviceTitle
        : collection.description());
    if (own.keywords() != null) {
      keywords(dataset, own.keywords().de(), "de");
      keywords(dataset, own.keywords().en(), "en");
    }
    if (own.themes() != null) {
      own.themes().forEach(theme -> dataset.addProperty(DCAT.theme, model.createResource(theme)));
    }
    dataset.addProperty(DCTerms.publisher, agent(model, page + "#publisher", own.publisher()));
    if (own.contactPoint() != null) {
      dataset.addProperty(DCAT.contactPoint, contact(model, page + "#contact", own.contactPoint()));
    }
    iri(dataset, CONTRIBUTOR_ID, own.contributorID());
    iri(dataset, POLITICAL_GEOCODING, own.politicalGeocoding());
    iri(dataset, DCTerms.accrualPeriodicity, own.updateFrequency());
    if (own.legalBasis() != null) {
      dataset.addProperty(LEGAL_BASIS, own.legalBasis());
    }
    dataset.addProperty(DCAT.landingPage, model.createResource(page + "?f=html"));
    if (own.issued() != null) {
      dataset.addProperty(DCTerms.issued, model.createTypedLiteral(own.issued(), XSDDatatype.XSDdate));
    }
    dataset.addProperty(DCTerms.modified, dateTime(model, entry.modified()));
    spatial(model, dataset, page, collection.spatialExtent());
    temporal(model, dataset, page, collection.temporalExtent());
    Resource crs = model.createResource(Crs.ofStorage(collection.srid()).uri(), DCTerms.Standard);
    dataset.addProperty(DCTerms.conformsTo, crs);
    for (Access access : accesses(addresses, collection, entry.has3dTiles())) {
      dataset.addProperty(DCAT.distribution, distribution(model, page, access, own));
    }
    return dataset;
  }

  /** The ways the server offers a collection's data today. */
  private static List<Access> accesses(Addresses addresses, Collection collection, boolean has3dTiles) {
    String id = collection.id();
    List<Access> accesses = new ArrayList<>(List.of(
        new Access("items-geojson", "Objekte als GeoJSON (OGC API – Features)",
            "Features as GeoJSON (OGC API - Features)", "GEOJSON", "application/geo+json",
            addresses.at("collections", id, "items") + "?f=json", false),
        new Access("items-html", "Objekte als Webseiten", "Features as web pages", "HTML", "text/html",
            addresses.at("collections", id, "items") + "?f=html", false),
        new Access("vector-tiles", "Vektorkacheln (TileJSON)", "Vector tiles (TileJSON)", "JSON",
            "application/json", addresses.at("collections", id, "tiles", "WebMercatorQuad", "tilejson"), false),
        new Access("download-csv", "Alle Objekte als CSV (Geometrie als WKT)", "All features as CSV (geometry as WKT)",
            "CSV", "text/csv", addresses.at("collections", id, "items") + "?f=csv", true),
        new Access("download-gpkg", "Alle Objekte als GeoPackage", "All features as a GeoPackage", "GPKG",
            "application/geopackage+sqlite3", addresses.at("collections", id, "items") + "?f=gpkg", true)));
    if (has3dTiles) {
      accesses.add(new Access("3d-tiles", "3D Tiles 1.1", "3D Tiles 1.1", "JSON", "application/json",
          addresses.at("collections", id, "3dtiles"), false));
    }
    return accesses;
  }

  private static Resource distribution(Model model, String page, Access access, CatalogConfig own) {
    Resource distribution = model.createResource(page + "#" + access.fragment(), DCAT.Distribution);
    distribution.addProperty(DCTerms.title, access.titleDe(), "de");
    distribution.addProperty(DCTerms.title, access.titleEn(), "en");
    distribution.addProperty(DCAT.accessURL, model.createResource(access.url()));
    if (access.download()) {
      distribution.addProperty(DCAT.downloadURL, model.createResource(access.url()));
    }
    distribution.addProperty(DCTerms.format, model.createResource(Vocabularies.FILE_TYPES + "/" + access.fileType()));
    distribution.addProperty(DCAT.mediaType, model.createResource(IANA_MEDIA_TYPES + access.mediaType()));
    iri(distribution, DCTerms.license, own.license());
    if (own.attribution() != null) {
      distribution.addProperty(ATTRIBUTION, own.attribution());
    }
    return distribution;
  }

  private static void spatial(Model model, Resource dataset, String page, SpatialExtent extent) {
    if (extent == null) {
      return;
    }
    String wkt = String.format(Locale.ROOT, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
        extent.minLon(), extent.minLat(), extent.maxLon(), extent.minLat(), extent.maxLon(), extent.maxLat(),
        extent.minLon(), extent.maxLat(), extent.minLon(), extent.minLat());
    Resource location = model.createResource(page + "#spatial", DCTerms.Location);
    location.addProperty(DCAT.bbox, model.createTypedLiteral(wkt, GEOSPARQL + "wktLiteral"));
    dataset.addProperty(DCTerms.spatial, location);
  }

  private static void temporal(Model model, Resource dataset, String page, TemporalExtent extent) {
    if (extent == null || extent.start() == null && extent.end() == null) {
      return;
    }
    Resource period = model.createResource(page + "#temporal", DCTerms.PeriodOfTime);
    if (extent.start() != null) {
      period.addProperty(DCAT.startDate, dateTime(model, extent.start()));
    }
    if (extent.end() != null) {
      period.addProperty(DCAT.endDate, dateTime(model, extent.end()));
    }
    dataset.addProperty(DCTerms.temporal, period);
  }

  private void paging(Model model, Resource catalog, String catalogIri, Page page) {
    Resource view = model.createResource(pageIri(catalogIri, page.number()), model.createResource(HYDRA + "PartialCollectionView"));
    view.addProperty(hydra(model, "first"), model.createResource(pageIri(catalogIri, 1)));
    view.addProperty(hydra(model, "last"), model.createResource(pageIri(catalogIri, page.pages())));
    if (page.number() > 1) {
      view.addProperty(hydra(model, "previous"), model.createResource(pageIri(catalogIri, page.number() - 1)));
    }
    if (page.number() < page.pages()) {
      view.addProperty(hydra(model, "next"), model.createResource(pageIri(catalogIri, page.number() + 1)));
    }
    view.addLiteral(hydra(model, "totalItems"), model.createTypedLiteral(page.datasets()));
    catalog.addProperty(hydra(model, "view"), view);
  }

  /** The address of one page of the catalog. */
  public static String pageIri(String catalogIri, int number) {
    return catalogIri + "?page=" + number;
  }

  private Resource agent(Model model, String iri, CatalogConfig.Agent agent) {
    Resource resource = model.createResource(iri, FOAF.Organization);
    resource.addProperty(FOAF.name, agent == null ? serviceTitle : agent.name());
    if (agent != null && agent.url() != null) {
      resource.addProperty(FOAF.homepage, model.createResource(agent.url()));
    }
    if (agent != null && agent.email() != null) {
      resource.addProperty(FOAF.mbox, model.createResource("mailto:" + agent.email()));
    }
    return resource;
  }

  private static Resource contact(Model model, String iri, CatalogConfig.Agent agent) {
    Resource resource = model.createResource(iri, VCARD4.Organization);
    resource.addProperty(VCARD4.fn, agent.name());
    if (agent.email() != null) {
      resource.addProperty(VCARD4.hasEmail, model.createResource("mailto:" + agent.email()));
    }
    if (agent.url() != null) {
      resource.addProperty(VCARD4.hasURL, model.createResource(agent.url()));
    }
    return resource;
  }

  /** The configured German and English texts, or {@code fallback} (language unknown) when none is configured. */
  private static void texts(Resource subject, Property property, CatalogConfig.Texts texts, String fallback) {
    boolean any = false;
    if (texts != null && texts.de() != null) {
      subject.addProperty(property, texts.de(), "de");
      any = true;
    }
    if (texts != null && texts.en() != null) {
      subject.addProperty(property, texts.en(), "en");
      any = true;
    }
    if (!any && fallback != null) {
      subject.addProperty(property, fallback);
    }
  }

  private static void keywords(Resource dataset, List<String> keywords, String language) {
    if (keywords != null) {
      keywords.forEach(keyword -> dataset.addProperty(DCAT.keyword, keyword, language));
    }
  }

  private static void iri(Resource subject, Property property, String iri) {
    if (iri != null) {
      subject.addProperty(property, subject.getModel().createResource(iri));
    }
  }

  private static Literal dateTime(Model model, Instant instant) {
    return model.createTypedLiteral(instant.truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
  }

  private static Property hydra(Model model, String term) {
    return model.createProperty(HYDRA, term);
  }

  private static Property property(String namespace, String name) {
    return ResourceFactory.createProperty(namespace, name);
  }

  private static Model newModel() {
    Model model = ModelFactory.createDefaultModel();
    model.setNsPrefix("dcat", DCAT.NS);
    model.setNsPrefix("dct", DCTerms.NS);
    model.setNsPrefix("dcatde", DCATDE);
    model.setNsPrefix("foaf", FOAF.NS);
    model.setNsPrefix("vcard", VCARD4.NS);
    model.setNsPrefix("xsd", XSDDatatype.XSD + "#");
    model.setNsPrefix("hydra", HYDRA);
    model.setNsPrefix("gsp", GEOSPARQL);
    return model;
  }
}
