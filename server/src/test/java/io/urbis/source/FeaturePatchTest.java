package io.urbis.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeaturePatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The test cases of RFC 7396, Appendix A: original, patch, result. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'a':'b'}               | {'a':'c'}            | {'a':'c'}",
      "{'a':'b'}               | {'b':'c'}            | {'a':'b','b':'c'}",
      "{'a':'b'}               | {'a':null}           | {}",
      "{'a':'b','b':'c'}       | {'a':null}           | {'b':'c'}",
      "{'a':['b']}             | {'a':'c'}            | {'a':'c'}",
      "{'a':'c'}               | {'a':['b']}          | {'a':['b']}",
      "{'a':{'b':'c'}}         | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
      "{'a':[{'b':'c'}]}       | {'a':[1]}            | {'a':[1]}",
      "['a','b']               | ['c','d']            | ['c','d']",
      "{'a':'b'}               | ['c']                | ['c']",
      "{'e':null}              | {'a':1}              | {'e':null,'a':1}",
      "[1,2]                   | {'a':'b','c':null}   | {'a':'b'}",
      "{}                      | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}"})
  void mergesAsRfc7396AppendixA(String original, String patch, String result) {
    FeaturePatch feature = new FeaturePatch(false, null, Map.of("attributes", json(patch)));
    assertEquals(json(result), feature.patched("attributes", json(original)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"{'a':'b'} | {'a':'b'}", "{'a':null} | {}", "3 | 3"})
  void aPropertyWithoutStoredValueTakesThePatchWithoutItsNulls(String patch, String result) {
    FeaturePatch feature = new FeaturePatch(false, null, Map.of("attributes", json(patch)));
    assertEquals(json(result), feature.patched("attributes", NullNode.getInstance()));
    assertEquals(json(result), feature.patched("attributes", null));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
