package io.urbis.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;

/** What the first pass over a CityJSON file keeps: the CRS and the quantised vertices. */
record CityJsonHeader(SourceCrs crs, CityJsonVertices vertices) {

  /** Collects the top-level members in whatever order the file has them, and checks them at the end. */
  static final class Builder {
    private final Path path;
    private String type;
    private String version;
    private JsonNode transform;
    private String referenceSystem;
    private CityJsonVertices vertices;

    Builder(Path path) {
      this.path = path;
    }

    void type(String value) throws ImportException {
      if (!value.equals("CityJSON")) {
        throw new ImportException(path + ": not a CityJSON file (type is '" + value + "', not 'CityJSON')");
      }
      type = value;
    }

    void version(String value) {
      version = value;
    }

    void transform(JsonNode value) throws ImportException {
      transform = value;
      if (vector(value, "scale") == null || vector(value, "translate") == null) {
        throw new ImportException(path + ": the CityJSON transform needs 'scale' and 'translate', three numbers each");
      }
    }

    void metadata(JsonNode value) {
      referenceSystem = value.path("referenceSystem").asText(null);
    }

    /** Reads {@code [[x,y,z],...]} of integers; the transform may come later, so it is applied when rings are built. */
    void vertices(JsonParser parser) throws IOException, ImportException {
      CityJsonVertices list = new CityJsonVertices();
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        throw new ImportException(path + ": 'vertices' is not an array");
      }
      while (parser.nextToken() == JsonToken.START_ARRAY) {
        int[] xyz = new int[3];
        for (int axis = 0; axis < 3; axis++) {
          if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new ImportException(path + ": vertex " + list.count() + " is not three integers (CityJSON 1.0 "
                + "files without a transform are not supported: convert with cjio upgrade)");
          }
          xyz[axis] = parser.getIntValue();
        }
        if (parser.nextToken() != JsonToken.END_ARRAY) {
          throw new ImportException(path + ": vertex " + list.count() + " has more than three coordinates");
        }
        list.add(xyz[0], xyz[1], xyz[2]);
      }
      vertices = list;
    }

    CityJsonHeader build() throws ImportException {
      if (type == null) {
        throw new ImportException(path + ": not a CityJSON file (no \"type\": \"CityJSON\")");
      }
      if (version != null && !version.startsWith("1.1") && !version.startsWith("2.")) {
        throw new ImportException(path + ": CityJSON version " + version + " is not supported (1.1 and 2.0 are)");
      }
      if (transform == null) {
        throw new ImportException(path + ": no 'transform' (CityJSON 1.1 and 2.0 require one)");
      }
      SourceCrs crs = SourceCrs.parse(referenceSystem).orElseThrow(() -> new ImportException(path
          + ": unknown CRS " + (referenceSystem == null ? "(no metadata.referenceSystem)" : "'" + referenceSystem
          + "'") + "; name an EPSG CRS such as https://www.opengis.net/def/crs/EPSG/0/25832"));
      CityJsonVertices all = vertices == null ? new CityJsonVertices() : vertices;
      all.transform(vector(transform, "scale"), vector(transform, "translate"));
      return new CityJsonHeader(crs, all);
    }

    private static double[] vector(JsonNode transform, String name) {
      JsonNode node = transform.path(name);
      if (!node.isArray() || node.size() != 3) {
        return null;
      }
      double[] values = new double[3];
      for (int i = 0; i < 3; i++) {
        if (!node.get(i).isNumber()) {
          return null;
        }
        values[i] = node.get(i).doubleValue();
      }
      return values;
    }
  }
}
