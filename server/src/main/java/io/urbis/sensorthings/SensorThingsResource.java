package io.urbis.sensorthings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.api.ParsesItsOwnParameters;
import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.error.NotFoundException;
import io.urbis.sensorthings.SensorThingsStore.Row;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SensorThings API 1.1 (OGC 18-088) read paths at {@code /v1.1}, and at {@code /v1.0} for clients of 1.0
 * (OGC 15-078r6, whose read paths 1.1 keeps): the service root (9.2.1), entity sets and
 * entities, navigation, properties and their {@code $value}, {@code $ref} (9.2.2 to 9.2.7), with the query options of
 * {@link QueryOptions}.
 */
@Path("{version: v1\\.[01]}")
public final class SensorThingsResource {

  /** 18-088 Annex A conformance classes served so far; the service root lists exactly these. */
  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
      "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SensorThingsStore store;
  private final int defaultTop;
  private final int maxTop;

  /**
   * @param defaultTop entities per page when {@code $top} is not given
   * @param maxTop the server's page size limit
   */
  SensorThingsResource(SensorThingsStore store, int defaultTop, int maxTop) {
    this.store = store;
    this.defaultTop = defaultTop;
    this.maxTop = maxTop;
  }

  /**
   * 18-088 9.2.1: the entity sets with their URLs and the conformance classes; a 1.0 root (15-078r6 9.2.1) has the
   * entity sets alone.
   */
  @GET
  public Response serviceRoot(@PathParam("version") String version, @Context UriInfo uri) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode sets = root.putArray("value");
    for (EntityType type : EntityType.values()) {
      sets.addObject().put("name", type.setName()).put("url", root(uri, version) + "/" + type.setName());
    }
    if (version.equals("v1.1")) {
      CONFORMANCE.forEach(root.putObject("serverSettings").putArray("conformance")::add);
    }
    return json(root);
  }

  @GET
  @Path("{path: .+}")
  @ParsesItsOwnParameters
  public Response resource(@PathParam("version") String version, @PathParam("path") String path,
      @Context UriInfo uri) {
    ResourcePath resource = ResourcePath.parse(path);
    QueryOptions options = QueryOptions.parse(resource.type(), store.schema(), uri.getQueryParameters(), defaultTop,
        maxTop);
    String root = root(uri, version);
    if (resource.collection()) {
      return json(page(resource, options, uri, root));
    }
    Row row = store.one(resource.type(), resource.where(store.schema()))
        .orElseThrow(() -> new NotFoundException("no SensorThings entity at '" + path + "'"));
    if (resource.reference()) {
      return json(JSON.createObjectNode().put("@iot.selfLink", selfLink(root, resource.type(), row.id())));
    }
    if (resource.property() == null) {
      return json(entity(resource.type(), row, options.select(), root));
    }
    JsonNode value = parse(row.json()).get(resource.property().name());
    if (!resource.rawValue()) {
      ObjectNode property = JSON.createObjectNode();
      property.set(resource.property().name(), value);
      return json(property);
    }
    if (value.isNull()) {
      return Response.noContent().build();
    }
    return Response.ok(value.isTextual() ? value.textValue() : value.toString(), MediaType.TEXT_PLAIN_TYPE).build();
  }

  /** 18-088 9.3.3: {@code @iot.count}, {@code @iot.nextLink} when there is more, then the page. */
  private ObjectNode page(ResourcePath resource, QueryOptions options, UriInfo uri, String root) {
    ResourcePath parent = resource.parent();
    if (parent != null && store.one(parent.type(), parent.where(store.schema())).isEmpty()) {
      throw new NotFoundException("no SensorThings entity at '" + uri.getPath() + "' without its last segment");
    }
    EntityType type = resource.type();
    CompiledSql where = CompiledSql.concat("(", resource.where(store.schema()), ") AND ",
        options.filter());
    List<Row> rows = store.page(type, where, options.orderBy(), options.top() + 1, options.skip());
    ObjectNode page = JSON.createObjectNode();
    if (options.count()) {
      page.put("@iot.count", store.count(type, where));
    }
    // $top=0 asks for the count alone: a next page of nothing would lead back here.
    if (options.top() > 0 && rows.size() > options.top()) {
      page.put("@iot.nextLink", nextLink(uri, (long) options.skip() + options.top()));
    }
    ArrayNode value = page.putArray("value");
    for (Row row : rows.subList(0, Math.min(rows.size(), options.top()))) {
      value.add(resource.reference()
          ? JSON.createObjectNode().put("@iot.selfLink", selfLink(root, type, row.id()))
          : entity(type, row, options.select(), root));
    }
    return page;
  }

  /** An entity with {@code @iot.id}, {@code @iot.selfLink}, its properties and navigation links (9.2.2). */
  private static ObjectNode entity(EntityType type, Row row, Set<String> select, String root) {
    ObjectNode entity = JSON.createObjectNode();
    String self = selfLink(root, type, row.id());
    if (selected(select, "id")) {
      entity.put("@iot.id", row.id());
      entity.put("@iot.selfLink", self);
    }
    JsonNode values = parse(row.json());
    for (EntityProperty property : type.properties()) {
      if (selected(select, property.name())) {
        entity.set(property.name(), values.get(property.name()));
      }
    }
    for (Navigation navigation : type.navigations()) {
      if (selected(select, navigation.propertyName())) {
        entity.put(navigation.propertyName() + "@iot.navigationLink", self + "/" + navigation.propertyName());
      }
    }
    return entity;
  }

  private static boolean selected(Set<String> select, String name) {
    return select.isEmpty() || select.contains(name);
  }

  private static String selfLink(String root, EntityType type, long id) {
    return root + "/" + type.setName() + "(" + id + ")";
  }

  /** The request URL with {@code $skip} moved on; the other options stay as the client wrote them. */
  private static String nextLink(UriInfo uri, long skip) {
    String raw = uri.getRequestUri().getRawQuery();
    String kept = raw == null ? "" : Arrays.stream(raw.split("&"))
        .filter(part -> !part.startsWith("$skip=") && !part.startsWith("%24skip="))
        .map(part -> part + "&").collect(Collectors.joining());
    String url = uri.getRequestUri().toString();
    int query = url.indexOf('?');
    return (query < 0 ? url : url.substring(0, query)) + "?" + kept + "$skip=" + skip;
  }

  private static String root(UriInfo uri, String version) {
    return uri.getBaseUriBuilder().path(version).build().toString();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response json(JsonNode document) {
    return Response.ok(document.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
