package io.urbis.conformance.sources;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Layer;
import java.util.Set;
import java.util.function.Function;

/**
 * One request {@link SameAnswersTest} sends to both servers.
 *
 * @param layer the collection it reads
 * @param shown the request as the report shows it, without the crs parameter
 * @param base its path and query on a server, without the crs parameter (a feature's path holds the id that
 *     server gives the feature)
 * @param epsg the EPSG code of its {@code crs} parameter, 0 for none (CRS84)
 */
record Request(Layer layer, String shown, Function<Api, String> base, int epsg) {

  /** Geographic CRSs (in degrees, latitude first); CRS84 is code 0 here. */
  private static final Set<Integer> GEOGRAPHIC = Set.of(0, 4326, 4258);
  /** WGS 84 in latitude, longitude order: CRS84 with the axes swapped. */
  static final int WGS84 = 4326;
  /** One millimetre (the last decimal of a server that writes metres to 3 decimals), for projected CRSs. */
  private static final double MILLIMETRE = 1e-3 + 1e-6;

  /** {@code /collections/{layer}/items?query}, followed through every next link. */
  static Request items(Layer layer, String query) {
    String target = layer.items() + "?" + query;
    return new Request(layer, target, api -> target, 0);
  }

  /** The feature with this key, under the id each server gives it. */
  static Request feature(Layer layer, String key) {
    return new Request(layer, layer.items() + "/{" + key + "}", api -> FeaturePages.path(api, layer, key), 0);
  }

  /** The same request with {@code crs=http://www.opengis.net/def/crs/EPSG/0/{code}}. */
  Request in(int code) {
    return new Request(layer, shown, base, code);
  }

  /** The same request without a crs parameter: in CRS84. */
  Request inCrs84() {
    return in(0);
  }

  /** The path and query on the server of {@code api}. */
  String target(Api api) {
    return withCrs(base.apply(api));
  }

  static String crsUri(int code) {
    return "http://www.opengis.net/def/crs/EPSG/0/" + code;
  }

  /** How far apart two ordinates may be: the rounding to 7 decimals in degrees, 1 mm in metres. */
  double tolerance() {
    return GEOGRAPHIC.contains(epsg) ? Geometries.TOLERANCE : MILLIMETRE;
  }

  private String withCrs(String target) {
    return epsg == 0 ? target : target + (target.contains("?") ? "&" : "?") + "crs=" + crsUri(epsg);
  }

  @Override
  public String toString() {
    return withCrs(shown);
  }
}
