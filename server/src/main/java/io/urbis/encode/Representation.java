package io.urbis.encode;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The formats Urbis writes, each with the {@code f} value that names it and the media types that select it in
 * {@code Accept}. The first media type is the one responses are labelled with.
 */
public enum Representation {
  JSON("json", "JSON", List.of("application/json")),
  GEOJSON("json", "GeoJSON", List.of("application/geo+json", "application/json")),
  HTML("html", "HTML", List.of("text/html", "application/xhtml+xml")),
  JSON_SCHEMA("json", "JSON Schema", List.of("application/schema+json", "application/json")),
  OPENAPI_JSON("json", "OpenAPI 3.0 (JSON)", List.of("application/vnd.oai.openapi+json;version=3.0",
      "application/vnd.oai.openapi+json", "application/json")),
  OPENAPI_YAML("yaml", "OpenAPI 3.0 (YAML)", List.of("application/vnd.oai.openapi;version=3.0",
      "application/vnd.oai.openapi", "application/yaml", "text/yaml")),
  RDF_XML("rdf", "RDF/XML", List.of("application/rdf+xml")),
  TURTLE("ttl", "Turtle", List.of("text/turtle")),
  JSON_LD("jsonld", "JSON-LD", List.of("application/ld+json")),
  CSV("csv", "CSV", List.of("text/csv")),
  GEOPACKAGE("gpkg", "GeoPackage", List.of("application/geopackage+sqlite3"));

  private final String formatName;
  private final String title;
  private final List<MediaType> mediaTypes;

  Representation(String formatName, String title, List<String> mediaTypes) {
    this.formatName = formatName;
    this.title = title;
    this.mediaTypes = mediaTypes.stream().map(MediaType::valueOf).toList();
  }

  /** The value of the {@code f} parameter that selects this representation. */
  public String formatName() {
    return formatName;
  }

  public String title() {
    return title;
  }

  public MediaType mediaType() {
    return mediaTypes.get(0);
  }

  List<MediaType> acceptedMediaTypes() {
    return mediaTypes;
  }
}
