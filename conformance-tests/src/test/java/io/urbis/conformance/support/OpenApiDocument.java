package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The served OpenAPI 3.0 document (JSON), with local {@code $ref}s resolved on demand. */
public final class OpenApiDocument {

  private static final Pattern ITEMS_PATH = Pattern.compile("/collections/[^/]+/items");

  private final JsonNode root;
  private final Reply reply;

  private OpenApiDocument(Reply reply) {
    this.reply = reply;
    this.root = reply.json();
  }

  /** Follows the landing page's {@code service-desc} link and reads the JSON document it names. */
  public static OpenApiDocument fetch(Api api) {
    JsonNode landing = api.json("/");
    String href = Links.href(landing, "service-desc")
        .orElseThrow(() -> new AssertionError("the landing page has no service-desc link: " + landing));
    Reply reply = api.get(href, "Accept", MediaTypes.OPENAPI_JSON_30 + ", " + MediaTypes.JSON + ";q=0.5");
    assertEquals(200, reply.status(), reply::describe);
    return new OpenApiDocument(reply);
  }

  public JsonNode root() {
    return root;
  }

  public Reply reply() {
    return reply;
  }

  /** Follows {@code {"$ref": "#/..."}} (also chains of them); other nodes come back unchanged. */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      assertTrue(ref.startsWith("#/") && hops < 20, "unresolvable $ref " + ref);
      current = root.at(ref.substring(1));
      assertFalse(current.isMissingNode(), "dangling $ref " + ref);
    }
    return current;
  }

  /** Path template to path item, sorted. */
  public Map<String, JsonNode> paths() {
    Map<String, JsonNode> paths = new TreeMap<>();
    root.path("paths").properties().forEach(entry -> paths.put(entry.getKey(), resolve(entry.getValue())));
    return paths;
  }

  /** The GET operations of the items resource: {@code /collections/{collectionId}/items} or one per collection. */
  public Map<String, JsonNode> itemsOperations() {
    Map<String, JsonNode> operations = new TreeMap<>();
    paths().forEach((path, item) -> {
      if (ITEMS_PATH.matcher(path).matches() && item.has("get")) {
        operations.put(path, item.get("get"));
      }
    });
    assertFalse(operations.isEmpty(), "the OpenAPI document describes no GET /collections/{collectionId}/items");
    return operations;
  }

  /** The parameter of this name an operation takes (path-level parameters included), resolved. */
  public Optional<JsonNode> parameter(String path, JsonNode operation, String name) {
    List<JsonNode> parameters = new ArrayList<>(Json.elements(operation.get("parameters")));
    parameters.addAll(Json.elements(paths().get(path).get("parameters")));
    return parameters.stream().map(this::resolve).filter(p -> name.equals(p.path("name").asText())).findFirst();
  }

  /** The schema of a parameter, resolved. */
  public JsonNode schema(JsonNode parameter) {
    return resolve(parameter.path("schema"));
  }
}
