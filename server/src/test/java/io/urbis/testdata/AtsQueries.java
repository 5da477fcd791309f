package io.urbis.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The counted queries of the CQL2 abstract test suite in the shared data ({@code cql2-ats/verification.tsv}): their
 * counts were checked against the data with GDAL, and equal the standard's except for the rows PROVENANCE.md marks.
 */
public final class AtsQueries {

  /** The suite's folder beside the repository, when there. */
  public static final Optional<Path> FOLDER = SharedData.folder().map(folder -> folder.resolve("cql2-ats"))
      .filter(Files::isDirectory);
  /** Where a template row leaves the geometry property open. */
  public static final String GEOMETRY_PLACEHOLDER = "{queryable}";

  /** One query: its line in queries.tsv, the collection, the CQL2 text and the count it must give. */
  public record Query(String line, String collection, String filter, int expected) {

    @Override
    public String toString() {
      return "line " + line + ", " + collection.replace("ne_110m_", "") + ": " + filter;
    }
  }

  private AtsQueries() {}

  /** Every counted query, or one placeholder row naming the missing data (the tests then skip in their set-up). */
  public static List<Query> all() throws IOException {
    if (FOLDER.isEmpty()) {
      return List.of(new Query("-", "-", "shared data missing", 0));
    }
    return Files.readAllLines(FOLDER.get().resolve("verification.tsv")).stream().skip(1)
        .map(line -> line.split("\t", -1))
        .map(columns -> new Query(columns[0], columns[3], columns[4], Integer.parseInt(columns[6])))
        .toList();
  }
}
