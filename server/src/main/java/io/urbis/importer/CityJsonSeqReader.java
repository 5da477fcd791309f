package io.urbis.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads CityJSON Text Sequences ({@code .city.jsonl}) in one pass: the first line is a CityJSON object with the
 * transform and CRS, every further line a CityJSONFeature with its own vertices, so only one feature is in memory.
 */
final class CityJsonSeqReader implements BuildingReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public int passes() {
    return 1;
  }

  @Override
  public void read(SourceFile file, BuildingHandler handler) throws ImportException {
    PartAssembler assembler = new PartAssembler(handler);
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
      CityJsonHeader header = header(file, lines.readLine());
      handler.crs(header.crs());
      String line;
      int number = 1;
      while ((line = lines.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          feature(file, number, line, header.vertices(), assembler, handler);
        }
      }
    } catch (IOException e) {
      throw CityJsonReader.failure(file, e);
    }
    assembler.finish();
  }

  /** The first line: the CRS, and the transform (on an empty vertex list that each feature copies). */
  private static CityJsonHeader header(SourceFile file, String first) throws ImportException {
    if (first == null) {
      throw new ImportException(file.path() + ": empty file");
    }
    JsonNode header = parse(file, 1, first);
    CityJsonHeader.Builder builder = new CityJsonHeader.Builder(file.path());
    builder.type(header.path("type").asText());
    builder.version(header.path("version").asText(null));
    if (header.has("transform")) {
      builder.transform(header.get("transform"));
    }
    builder.metadata(header.path("metadata"));
    return builder.build();
  }

  private static void feature(SourceFile file, int number, String line, CityJsonVertices transform,
      PartAssembler assembler, BuildingHandler handler) throws ImportException {
    JsonNode feature = parse(file, number, line);
    if (!feature.path("type").asText().equals("CityJSONFeature")) {
      throw new ImportException(file.path() + ": line " + number + " is not a CityJSONFeature");
    }
    CityJsonVertices vertices = transform.emptyCopy();
    for (JsonNode vertex : feature.path("vertices")) {
      if (vertex.size() != 3 || !vertex.get(0).isInt() || !vertex.get(1).isInt() || !vertex.get(2).isInt()) {
        throw new ImportException(file.path() + ": line " + number + ": a vertex is not three integers");
      }
      vertices.add(vertex.get(0).intValue(), vertex.get(1).intValue(), vertex.get(2).intValue());
    }
    CityObjectDispatcher dispatcher = new CityObjectDispatcher(new CityJsonObjects(vertices), assembler, handler);
    for (Iterator<Map.Entry<String, JsonNode>> objects = feature.path("CityObjects").fields(); objects.hasNext(); ) {
      Map.Entry<String, JsonNode> object = objects.next();
      dispatcher.dispatch(object.getKey(), object.getValue());
    }
  }

  private static JsonNode parse(SourceFile file, int number, String line) throws ImportException {
    try {
      return MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ImportException(file.path() + ": line " + number + " is not valid JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }
  }
}
