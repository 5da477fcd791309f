package io.urbis.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a CityJSON 1.1 or 2.0 file in two passes, because its shared {@code vertices} may come after the
 * CityObjects (citygml4j writes them last): the first pass checks the file to its end and keeps only transform,
 * CRS and vertices (as ints); the second reads one CityObject at a time. A truncated or foreign file fails in the
 * first pass, before anything is written.
 */
final class CityJsonReader implements BuildingReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  @Override
  public int passes() {
    return 2;
  }

  @Override
  public void read(SourceFile file, BuildingHandler handler) throws ImportException {
    CityJsonHeader header = header(file);
    handler.crs(header.crs());
    PartAssembler assembler = new PartAssembler(handler);
    CityObjectDispatcher dispatcher =
        new CityObjectDispatcher(new CityJsonObjects(header.vertices()), assembler, handler);
    try (InputStream in = file.open(); JsonParser parser = JSON.createParser(in)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (!field.equals("CityObjects")) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String id = parser.currentName();
          parser.nextToken();
          dispatcher.dispatch(id, MAPPER.readTree(parser));
        }
        break;
      }
    } catch (IOException e) {
      throw failure(file, e);
    }
    assembler.finish();
  }

  /** The first pass: what the objects need, and proof that the file is CityJSON and complete. */
  private static CityJsonHeader header(SourceFile file) throws ImportException {
    try (InputStream in = file.open(); JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new ImportException(file.path() + ": not a CityJSON file (no JSON object at the top)");
      }
      CityJsonHeader.Builder header = new CityJsonHeader.Builder(file.path());
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "type" -> header.type(parser.getText());
          case "version" -> header.version(parser.getText());
          case "transform" -> header.transform(MAPPER.readTree(parser));
          case "metadata" -> header.metadata(MAPPER.readTree(parser));
          case "vertices" -> header.vertices(parser);
          default -> parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new ImportException(file.path() + ": not a CityJSON file (content after the top-level object)");
      }
      return header.build();
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  /** One line for the terminal: where the JSON broke, and what that means. */
  static ImportException failure(SourceFile file, IOException e) {
    if (e instanceof StreamReadException parse) {
      JsonLocation where = parse.getLocation();
      String place = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
      String what = parse.getMessage().contains("end-of-input") ? "the file ends early (truncated?)"
          : "not valid JSON: " + ((JsonProcessingException) parse).getOriginalMessage().lines().findFirst()
              .orElse("");
      return new ImportException(file.path() + ": " + what + place, e);
    }
    return new ImportException(file.path() + ": cannot read: " + e.getMessage(), e);
  }
}
