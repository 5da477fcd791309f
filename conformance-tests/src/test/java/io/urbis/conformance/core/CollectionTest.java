package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Feature collection {root}/collections/{collectionId}")
class CollectionTest {

  private static final List<String> SAME_AS_IN_COLLECTIONS = List.of("id", "title", "description", "extent", "itemType");

  private final Api api;

  CollectionTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/core/sfc-md-op")
  void sfcMdOp() {
    assertAll(CollectionsTest.byId(api.json("/collections")).keySet().stream().map(id -> () -> {
      Reply reply = api.get("/collections/" + Api.encode(id), "Accept", MediaTypes.JSON);
      assertEquals(200, reply.status(), reply::describe);
      assertEquals(MediaTypes.JSON, reply.mediaType(), id);
    }));
  }

  @Test
  @DisplayName("/conf/core/sfc-md-success")
  void sfcMdSuccess() {
    Map<String, JsonNode> entries = CollectionsTest.byId(api.json("/collections"));
    assertAll(entries.entrySet().stream().map(entry -> () -> {
      String path = "/collections/" + Api.encode(entry.getKey());
      JsonNode collection = api.json(path);
      SAME_AS_IN_COLLECTIONS.forEach(member -> assertEquals(entry.getValue().path(member), collection.path(member),
          path + ": " + member + " differs from its entry in /collections"));
      Set<String> links = linkKeys(collection);
      linkKeys(entry.getValue()).forEach(link -> assertTrue(links.contains(link),
          path + ": the link " + link + " of /collections is missing"));
      Links.assertRelTypeAndHref(collection, path);
    }));
  }

  /** rel, type and absolute href of every link, so that relative and absolute hrefs compare equal. */
  private Set<String> linkKeys(JsonNode document) {
    return Links.all(document).stream()
        .map(link -> link.path("rel").asText() + " " + MediaTypes.essence(link.path("type").asText()) + " "
            + api.uri(link.path("href").asText()))
        .collect(Collectors.toSet());
  }
}
