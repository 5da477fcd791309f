package io.urbis.cql2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The standard's examples (test resources {@code examples/}): each CQL2-text spelling with its CQL2-JSON form. */
public final class Cql2Examples {

  /** One text spelling and the JSON it must equal. */
  public record Example(String name, String text, String json) {

    @Override
    public String toString() {
      return name;
    }
  }

  private Cql2Examples() {}

  public static List<Example> all() {
    List<Example> examples = new ArrayList<>();
    List<String> index = resource("examples.tsv").lines().skip(1).toList();
    for (String row : index) {
      String[] columns = row.split("\t", -1);
      String jsonFile = columns[2].isEmpty() ? "json/" + columns[0].replace("-alt01", "") + ".json" : columns[2];
      examples.add(new Example(columns[0], resource(columns[1]), resource(jsonFile)));
    }
    return examples;
  }

  private static String resource(String name) {
    try (InputStream in = Cql2Examples.class.getResourceAsStream("examples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource examples/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
