package io.urbis.dcat;

import io.urbis.config.CatalogConfig;
import io.urbis.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;

/**
 * The controlled vocabularies the catalog metadata must use, as this server ships them (resources in
 * {@code io/urbis/dcat/}, each saying where it comes from): licences and contributors of DCAT-AP.de, the EU data
 * themes, frequencies and file types. The server refuses to start on a value that is not in its vocabulary, as a
 * portal would refuse the catalog.
 */
public final class Vocabularies {

  /** The resources, loaded together: what a validator would import to check the catalog. */
  public static final List<String> RESOURCES = List.of("licenses.ttl", "contributors.ttl", "data-theme.ttl",
      "frequency.ttl", "file-type.ttl");

  static final String LICENSES = "http://dcat-ap.de/def/licenses";
  static final String CONTRIBUTORS = "http://dcat-ap.de/def/contributors";
  static final String THEMES = "http://publications.europa.eu/resource/authority/data-theme";
  static final String FREQUENCIES = "http://publications.europa.eu/resource/authority/frequency";
  static final String FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type";
  private static final String REQUIRES_ATTRIBUTION = "urn:urbis:dcat:requiresAttribution";
  /** The political geocoding schemes of DCAT-AP.de 2.0, by the IRI their keys start with. */
  private static final Pattern POLITICAL_GEOCODING = Pattern.compile("http://dcat-ap\\.de/def/politicalGeocoding/"
      + "(municipalityKey|regionalKey|municipalAssociationKey|districtKey|governmentDistrictKey|stateKey)/\\d+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s:]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern WEB_PAGE = Pattern.compile("https?://[^\\s]+");

  private static final Model MODEL = load();

  private Vocabularies() {}

  /** Every shipped vocabulary in one model. */
  public static Model model() {
    return ModelFactory.createDefaultModel().add(MODEL);
  }

  /** Whether users of data under {@code license} must name its source ({@code dcatde:licenseAttributionByText}). */
  static boolean requiresAttribution(String license) {
    return MODEL.contains(MODEL.getResource(license), MODEL.createProperty(REQUIRES_ATTRIBUTION),
        MODEL.createTypedLiteral(true));
  }

  /** The page that tells a licence's terms, or the licence's IRI when the vocabulary names none. */
  public static String homepage(String license) {
    Resource page = MODEL.getResource(license).getPropertyResourceValue(
        MODEL.createProperty("http://xmlns.com/foaf/0.1/homepage"));
    return page == null ? license : page.getURI();
  }

  /** A licence's name as the vocabulary gives it (German), or its IRI. */
  public static String label(String license) {
    Statement label = MODEL.getResource(license).getProperty(SKOS.prefLabel);
    return label == null ? license : label.getString();
  }

  /**
   * Checks the configuration's IRIs against the vocabularies, at the server's level and each collection's.
   *
   * @throws ConfigException naming the key and the IRI that is not in its vocabulary
   */
  public static void check(CatalogConfig catalog) {
    checkLevel("catalog", catalog);
    if (catalog.collections() != null) {
      catalog.collections().forEach((id, own) -> {
        if (own != null) {
          checkLevel("catalog.collections." + id, own);
        }
      });
    }
  }

  private static void checkLevel(String key, CatalogConfig level) {
    if (level.license() != null) {
      inScheme(key + ".license", level.license(), LICENSES);
    }
    if (level.themes() != null) {
      level.themes().forEach(theme -> inScheme(key + ".themes", theme, THEMES));
    }
    if (level.updateFrequency() != null) {
      inScheme(key + ".updateFrequency", level.updateFrequency(), FREQUENCIES);
    }
    if (level.contributorID() != null) {
      inScheme(key + ".contributorID", level.contributorID(), CONTRIBUTORS);
    }
    if (level.politicalGeocoding() != null && !POLITICAL_GEOCODING.matcher(level.politicalGeocoding()).matches()) {
      throw new ConfigException(key + ".politicalGeocoding: " + level.politicalGeocoding() + " is no key of DCAT-AP.de's"
          + " political geocoding; use e.g. http://dcat-ap.de/def/politicalGeocoding/municipalityKey/15002000"
          + " (a municipality key, here Halle (Saale)) or .../regionalKey/, .../districtKey/, .../stateKey/");
    }
    checkAgent(key + ".publisher", level.publisher());
    checkAgent(key + ".contactPoint", level.contactPoint());
  }

  /**
   * Checks that a licence which asks users to name the source comes with the text to name it by, for a collection
   * whose keys are resolved (its own, else the server's).
   */
  public static void checkAttribution(String key, CatalogConfig resolved) {
    if (resolved.license() != null && requiresAttribution(resolved.license())
        && (resolved.attribution() == null || resolved.attribution().isBlank())) {
      throw new ConfigException(key + ".attribution: the licence " + resolved.license() + " asks users to name the"
          + " source; give the text they name it by (dcatde:licenseAttributionByText)");
    }
  }

  private static void checkAgent(String key, CatalogConfig.Agent agent) {
    if (agent == null) {
      return;
    }
    if (agent.name() == null || agent.name().isBlank()) {
      throw new ConfigException(key + ".name is missing");
    }
    if (agent.email() != null && !EMAIL.matcher(agent.email()).matches()) {
      throw new ConfigException(key + ".email: '" + agent.email() + "' is not an e-mail address");
    }
    if (agent.url() != null && !WEB_PAGE.matcher(agent.url()).matches()) {
      throw new ConfigException(key + ".url: '" + agent.url() + "' is not an http or https URL");
    }
  }

  private static void inScheme(String key, String iri, String scheme) {
    Resource schemeResource = MODEL.getResource(scheme);
    if (!MODEL.contains(MODEL.getResource(iri), SKOS.inScheme, schemeResource)) {
      throw new ConfigException(key + ": " + iri + " is not in the vocabulary " + scheme + "; use one of "
          + members(schemeResource));
    }
  }

  private static Set<String> members(Resource scheme) {
    Set<String> members = new TreeSet<>();
    MODEL.listSubjectsWithProperty(SKOS.inScheme, scheme).forEachRemaining(r -> members.add(r.getURI()));
    return members;
  }

  private static Model load() {
    Model model = ModelFactory.createDefaultModel();
    for (String name : RESOURCES) {
      try (InputStream in = Vocabularies.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("the vocabulary " + name + " is missing from the jar");
        }
        RDFDataMgr.read(model, in, Lang.TURTLE);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the vocabulary " + name, e);
      }
    }
    return model;
  }
}
