package io.urbis.download;

import io.urbis.source.EncodedFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.io.WKTWriter;

/**
 * The selection as CSV (RFC 4180, UTF-8): a header of the id, the visible properties and {@code geometry}, then one
 * record per feature with the geometry as WKT in the coordinates and axis order of the GeoJSON. Written straight to
 * the response as the source delivers the features, so a client that disconnects ends the reading with the next
 * write.
 */
final class CsvDownload {

  private static final String LINE_BREAK = "\r\n";
  static final String GEOMETRY_COLUMN = "geometry";

  private final DownloadColumns columns;

  CsvDownload(DownloadColumns columns) {
    this.columns = columns;
  }

  void write(WholeSelection features, OutputStream output) throws IOException {
    Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    List<String> header = new ArrayList<>();
    header.add(columns.idName());
    header.addAll(columns.propertyNames());
    if (columns.withGeometry()) {
      header.add(GEOMETRY_COLUMN);
    }
    writeRecord(out, header);
    WKTWriter wkt = new WKTWriter(columns.is3d() ? 3 : 2);
    for (EncodedFeature encoded = features.next(); encoded != null; encoded = features.next()) {
      DownloadFeature feature = DownloadFeature.of(encoded);
      List<String> record = new ArrayList<>(header.size());
      record.add(String.valueOf(feature.id()));
      for (String property : columns.propertyNames()) {
        record.add(feature.text(property));
      }
      if (columns.withGeometry()) {
        record.add(feature.geometry() == null ? null : wkt.write(feature.geometry()));
      }
      writeRecord(out, record);
    }
    out.flush();
  }

  private static void writeRecord(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write(LINE_BREAK);
  }

  /** A field, enclosed in double quotes (doubled inside) where it holds a comma, a quote or a line break. */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    boolean quoted = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
    return quoted ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }
}
