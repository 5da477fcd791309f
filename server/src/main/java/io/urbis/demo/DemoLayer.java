package io.urbis.demo;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature table of the demo GeoPackage, ready to write.
 *
 * @param table the table name
 * @param title the gpkg_contents identifier
 * @param description the gpkg_contents description
 * @param geometryType the GeoPackage geometry type name (POLYGON, LINESTRING, ...)
 * @param columns the attribute columns, after the id and geometry columns
 * @param features the rows, in id order
 */
record DemoLayer(
    String table, String title, String description, String geometryType, List<Column> columns, List<Row> features) {

  /** An attribute column and its GeoPackage data type (TEXT, INTEGER, REAL, DATE, ...). */
  record Column(String name, String type) {}

  /** A feature: its geometry and one value per column, in column order (null allowed). */
  record Row(Geometry geometry, List<Object> values) {}

  DemoLayer {
    columns = List.copyOf(columns);
    features = List.copyOf(features);
  }

  Envelope envelope() {
    Envelope envelope = new Envelope();
    features.forEach(feature -> envelope.expandToInclude(feature.geometry().getEnvelopeInternal()));
    return envelope;
  }
}
