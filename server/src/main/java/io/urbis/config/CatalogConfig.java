package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code catalog} key of the configuration: what {@code /catalog} (DCAT-AP.de) says of the server and of each
 * collection beyond what Urbis derives from the data (extent, time, CRS, last change, distributions). Every key of
 * a collection falls back to the server's; title and description fall back to the collection's own.
 *
 * <pre>
 * catalog:
 *   title: {de: Geodaten der Stadt Halle (Saale), en: Geodata of the City of Halle (Saale)}
 *   description: {de: ..., en: ...}
 *   keywords: {de: [Stadt, Gebäude], en: [city, buildings]}
 *   themes: [http://publications.europa.eu/resource/authority/data-theme/REGI]
 *   license: http://dcat-ap.de/def/licenses/dl-by-de/2.0
 *   attribution: Stadt Halle (Saale), Fachbereich Vermessung   # where the licence asks users to name the source
 *   publisher: {name: Stadt Halle (Saale), url: https://www.halle.de/, email: geodaten@halle.de}
 *   contactPoint: {name: Fachbereich Vermessung, email: vermessung@halle.de}
 *   contributorID: http://dcat-ap.de/def/contributors/landSachsenAnhalt
 *   politicalGeocoding: http://dcat-ap.de/def/politicalGeocoding/municipalityKey/15002000
 *   updateFrequency: http://publications.europa.eu/resource/authority/frequency/IRREG
 *   legalBasis: Vermessungs- und Geoinformationsgesetz Sachsen-Anhalt
 *   issued: 2024-05-01       # when the data was first published
 *   pageSize: 100            # datasets per page of /catalog
 *   collections:
 *     buildings: {title: {de: Gebäude, en: Buildings}, themes: [...]}
 * </pre>
 *
 * @param title the title in German and English; of the server: its {@code title} when not given
 * @param description the description in German and English; of the server: its {@code description} when not given
 * @param keywords keywords in German and English
 * @param themes IRIs from the EU data theme vocabulary
 * @param license an IRI from {@code http://dcat-ap.de/def/licenses/}
 * @param attribution the text users must name the source with, where the licence asks for one
 * @param publisher who publishes the data
 * @param contactPoint whom to ask about the data
 * @param contributorID the IRI GovData knows the delivering system by ({@code http://dcat-ap.de/def/contributors/})
 * @param politicalGeocoding the IRI of the area the data is about ({@code http://dcat-ap.de/def/politicalGeocoding/})
 * @param updateFrequency an IRI from the EU frequency vocabulary
 * @param legalBasis the law the data is kept under, where there is one
 * @param issued the day the data was first published (ISO 8601, e.g. 2024-05-01)
 * @param pageSize datasets per page of {@code /catalog} (server level only)
 * @param collections the metadata of listed collections, by collection id (server level only)
 */
public record CatalogConfig(
    @JsonProperty("title") Texts title,
    @JsonProperty("description") Texts description,
    @JsonProperty("keywords") Keywords keywords,
    @JsonProperty("themes") List<String> themes,
    @JsonProperty("license") String license,
    @JsonProperty("attribution") String attribution,
    @JsonProperty("publisher") Agent publisher,
    @JsonProperty("contactPoint") Agent contactPoint,
    @JsonProperty("contributorID") String contributorID,
    @JsonProperty("politicalGeocoding") String politicalGeocoding,
    @JsonProperty("updateFrequency") String updateFrequency,
    @JsonProperty("legalBasis") String legalBasis,
    @JsonProperty("issued") String issued,
    @JsonProperty("pageSize") Integer pageSize,
    @JsonProperty("collections") Map<String, CatalogConfig> collections) {

  /** The theme of city data when none is given: "Regions and cities". */
  public static final String DEFAULT_THEME = "http://publications.europa.eu/resource/authority/data-theme/REGI";

  /** Nothing said but the default theme, and 100 datasets per page. */
  public static final CatalogConfig DEFAULTS = new CatalogConfig(null, null, null, List.of(DEFAULT_THEME), null, null,
      null, null, null, null, null, null, null, 100, Map.of());

  /** A text in German and English; either may be missing. */
  public record Texts(@JsonProperty("de") String de, @JsonProperty("en") String en) {}

  /** Keywords in German and English. */
  public record Keywords(@JsonProperty("de") List<String> de, @JsonProperty("en") List<String> en) {}

  /**
   * An organisation or office.
   *
   * @param name its name
   * @param email its e-mail address
   * @param url its web page (or contact form)
   */
  public record Agent(@JsonProperty("name") String name, @JsonProperty("email") String email,
      @JsonProperty("url") String url) {}

  /** This configuration with every missing key taken from {@code fallback}. */
  public CatalogConfig orElse(CatalogConfig fallback) {
    return new CatalogConfig(pick(title, fallback.title), pick(description, fallback.description),
        pick(keywords, fallback.keywords), pick(themes, fallback.themes), pick(license, fallback.license),
        pick(attribution, fallback.attribution), pick(publisher, fallback.publisher),
        pick(contactPoint, fallback.contactPoint), pick(contributorID, fallback.contributorID),
        pick(politicalGeocoding, fallback.politicalGeocoding), pick(updateFrequency, fallback.updateFrequency),
        pick(legalBasis, fallback.legalBasis), pick(issued, fallback.issued), pick(pageSize, fallback.pageSize),
        pick(collections, fallback.collections));
  }

  /**
   * What is said of one collection: its own keys, the others the server's; title and description are the
   * collection's alone (null when not configured: the collection's own title and description then count).
   */
  public CatalogConfig forCollection(String collectionId) {
    CatalogConfig own = collections == null ? null : collections.get(collectionId);
    CatalogConfig server = new CatalogConfig(null, null, keywords, themes, license, attribution, publisher,
        contactPoint, contributorID, politicalGeocoding, updateFrequency, legalBasis, issued, null, null);
    return own == null ? server : own.orElse(server);
  }

  /**
   * Checks the keys that need no vocabulary: the page size, and that every listed collection is published and
   * lists no server-level key.
   *
   * @throws ConfigException naming the key
   */
  public void check(Set<String> collectionIds) {
    if (pageSize != null && pageSize < 1) {
      throw new ConfigException("catalog.pageSize must be at least 1");
    }
    checkIssued("catalog", issued);
    if (collections == null) {
      return;
    }
    for (Map.Entry<String, CatalogConfig> entry : collections.entrySet()) {
      String key = "catalog.collections." + entry.getKey();
      if (!collectionIds.contains(entry.getKey())) {
        throw new ConfigException(key + ": there is no collection '" + entry.getKey() + "'; collections are "
            + collectionIds.stream().sorted().toList());
      }
      CatalogConfig own = entry.getValue();
      if (own != null && (own.pageSize != null || own.collections != null)) {
        throw new ConfigException(key + ": pageSize and collections are keys of catalog itself, not of a collection");
      }
      checkIssued(key, own == null ? null : own.issued);
    }
  }

  private static void checkIssued(String key, String issued) {
    if (issued == null) {
      return;
    }
    try {
      LocalDate.parse(issued);
    } catch (DateTimeParseException e) {
      throw new ConfigException(key + ".issued: '" + issued + "' is not a day such as 2024-05-01");
    }
  }

  private static <T> T pick(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
