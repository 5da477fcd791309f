package io.urbis.encode;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as OGC API documents carry it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {

  /** The link to a collection's 3D Tiles tileset: "[ogc-rel:3d-geovolumes]" of OGC API - 3D GeoVolumes (22-029). */
  public static final String GEOVOLUMES_REL = "http://www.opengis.net/def/rel/ogc/1.0/3d-geovolumes";
}
