package io.urbis.cql2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Generated and mutated CQL2 inputs, from a seed, so a failure can be replayed. */
final class FuzzInputs {

  static final List<String> NASTY_STRINGS = List.of("'; DROP TABLE x; --", "\"", "\\x", "\\'", "%_\\%", "$1", "?",
      "E'\\\\'", "🌍 Ωμέγα", "\u202Ereversed", "a'b''c", "*/ /*", "\\\\", "NULL", "\u00A0\t\n", ":name", "$$");

  private static final List<String> TOKENS = List.of("(", ")", ",", "=", "<>", "<", "<=", ">", ">=", "+", "-", "*",
      "/", "%", "^", "div", "AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE", "CASEI(",
      "ACCENTI(", "DATE('2020-01-01')", "TIMESTAMP('2020-01-01T00:00:00Z')", "INTERVAL(", "'..'", "BBOX(", "POINT(",
      "POLYGON((", "Z", "EMPTY", "S_INTERSECTS(", "T_DURING(", "A_CONTAINS(", "f(", "name", "\"value\"", "geometry",
      "1", "-2.5", "1e308", "99999999999999999999", ".5", "'x'", "'it''s'", "'", "\"", "\\", "..", ":", "'2020-01-01'");

  private static final String ALPHABET = "()'\",=<>!+-*/%^_\\:.;#@ \t\nabcZ019éΩ\u0000\u00A0\uD83C\uDF0D";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");

  private final Random random;

  FuzzInputs(long seed) {
    this.random = new Random(seed);
  }

  /** Deletions, duplications, random characters and tokens, truncation. */
  String mutated(String text) {
    StringBuilder mutated = new StringBuilder(text);
    for (int i = 0, n = 1 + random.nextInt(4); i < n && mutated.length() > 0; i++) {
      int at = random.nextInt(mutated.length());
      int end = Math.min(mutated.length(), at + 1 + random.nextInt(12));
      switch (random.nextInt(6)) {
        case 0 -> mutated.delete(at, end);
        case 1 -> mutated.insert(at, mutated.substring(at, end));
        case 2 -> mutated.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> mutated.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 4 -> mutated.insert(at, " " + TOKENS.get(random.nextInt(TOKENS.size())) + " ");
        default -> mutated.setLength(at);
      }
    }
    return mutated.toString();
  }

  String randomTokens() {
    StringBuilder text = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
      text.append(TOKENS.get(random.nextInt(TOKENS.size()))).append(random.nextBoolean() ? " " : "");
    }
    return text.toString();
  }

  /** Nesting far beyond the limits, huge numbers, unterminated literals and overlong input. */
  String extreme() {
    int n = 50 + random.nextInt(random.nextInt(10) == 0 ? 30_000 : 1_000);
    return switch (random.nextInt(12)) {
      case 0 -> "(".repeat(n) + "a = 1" + ")".repeat(random.nextInt(n + 1));
      case 1 -> "NOT ".repeat(n) + "a = 1";
      case 2 -> "a = " + "-".repeat(n) + "1";
      case 3 -> "f(".repeat(n) + ")".repeat(n) + " = 1";
      case 4 -> "A_CONTAINS(x, " + "(".repeat(n) + ")".repeat(n) + ")";
      case 5 -> "a = " + "9".repeat(n);
      case 6 -> "a = 1e" + n;
      case 7 -> "a = '" + "x".repeat(n);
      case 8 -> "a IN (" + "1,".repeat(n) + "1)";
      case 9 -> "S_INTERSECTS(g, POLYGON" + "(".repeat(n % 50) + "0 0" + ")".repeat(n % 50) + ")";
      case 10 -> "a = 1" + " + 1".repeat(n);
      default -> "CASEI(".repeat(n) + "x" + ")".repeat(n) + " = 'a'";
    };
  }

  /** An example with each string literal replaced by a hostile one, escaped so it stays one literal. */
  String withNastyStrings(String text) {
    Matcher literals = STRING_LITERAL.matcher(text);
    StringBuilder replaced = new StringBuilder();
    while (literals.find()) {
      String nasty = NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size()));
      literals.appendReplacement(replaced, Matcher.quoteReplacement("'" + nasty.replace("'", "''") + "'"));
    }
    return literals.appendTail(replaced).toString();
  }

  /** An example's JSON tree with one node replaced, removed or renamed. */
  String mutatedJson(String json) throws Exception {
    JsonNode root = JSON.readTree(json);
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ArrayNode array && !array.isEmpty()) {
      int index = random.nextInt(array.size());
      if (random.nextBoolean()) {
        array.remove(index);
      } else {
        array.set(index, randomJson(3));
      }
    } else if (target instanceof ObjectNode object && object.size() > 0) {
      String field = object.fieldNames().next();
      object.set(random.nextBoolean() ? field : "op", randomJson(3));
    }
    return root.toString();
  }

  private void collectContainers(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collectContainers(child, containers));
    }
  }

  private JsonNode randomJson(int depth) {
    return switch (depth <= 0 ? random.nextInt(4) : random.nextInt(8)) {
      case 0 -> NODES.numberNode(random.nextBoolean() ? random.nextGaussian() * 1e300 : random.nextInt());
      case 1 -> NODES.textNode(NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.nullNode();
      case 4 -> NODES.arrayNode().add(randomJson(depth - 1)).add(randomJson(depth - 1));
      case 5 -> NODES.objectNode().put("property", NASTY_STRINGS.get(random.nextInt(NASTY_STRINGS.size())));
      case 6 -> deepJson(50 + random.nextInt(500));
      default -> operation(depth);
    };
  }

  private JsonNode operation(int depth) {
    List<String> ops = List.of("and", "or", "not", "=", "like", "between", "in", "isNull", "casei", "s_intersects",
        "t_after", "a_contains", "+", "div", "interval", "date", "f", "");
    ObjectNode operation = NODES.objectNode().put("op", ops.get(random.nextInt(ops.size())));
    ArrayNode args = operation.putArray("args");
    for (int i = 0, n = random.nextInt(4); i < n; i++) {
      args.add(randomJson(depth - 1));
    }
    return operation;
  }

  private JsonNode deepJson(int depth) {
    JsonNode node = NODES.booleanNode(true);
    for (int i = 0; i < depth; i++) {
      node = random.nextBoolean() ? NODES.arrayNode().add(node)
          : NODES.objectNode().put("op", "not").set("args", NODES.arrayNode().add(node));
    }
    return node;
  }
}
