package io.urbis.cql2;

import io.urbis.testdata.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The standard's examples (shared test data, cql2-ats/examples): each CQL2-text spelling with its CQL2-JSON form. */
public final class Cql2Examples {

  /** One text spelling and the JSON it must equal. */
  public record Example(String name, String text, String json) {

    @Override
    public String toString() {
      return name;
    }
  }

  private Cql2Examples() {}

  /** The examples from the shared CQL2 test data beside the repository, or none when it is not there. */
  public static List<Example> all() {
    Optional<Path> folder = SharedData.folder().map(shared -> shared.resolve("cql2-ats/examples"))
        .filter(Files::isDirectory);
    if (folder.isEmpty()) {
      return List.of();
    }
    List<Example> examples = new ArrayList<>();
    List<String> index = read(folder.get(), "examples.tsv").lines().skip(1).toList();
    for (String row : index) {
      String[] columns = row.split("\t", -1);
      String jsonFile = columns[2].isEmpty() ? "json/" + columns[0].replace("-alt01", "") + ".json" : columns[2];
      examples.add(new Example(columns[0], read(folder.get(), columns[1]), read(folder.get(), jsonFile)));
    }
    return examples;
  }

  private static String read(Path folder, String name) {
    try {
      return Files.readString(folder.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
