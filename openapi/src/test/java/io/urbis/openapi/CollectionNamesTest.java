package io.urbis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CollectionNamesTest {

  @Test
  void keepsPlainIdsAsTheyAre() {
    checkNames("public.buildings_2024-v1", "public.buildings_2024-v1",
        "/collections/public.buildings_2024-v1");
  }

  @Test
  void encodesOtherCharactersInThePathAndReplacesThemInTheKey() {
    checkNames("street trees", "street_trees", "/collections/street%20trees");
    checkNames("Gebäude", "Geb_ude", "/collections/Geb%C3%A4ude");
    checkNames("a{b}/c", "a_b__c", "/collections/a%7Bb%7D%2Fc");
  }

  private static void checkNames(String id, String key, String path) {
    CollectionNames names = CollectionNames.of(id);
    assertEquals(key, names.key());
    assertEquals(path, names.path());
  }
}
