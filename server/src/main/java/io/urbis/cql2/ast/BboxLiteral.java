package io.urbis.cql2.ast;

import io.urbis.crs.Crs;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code BBOX(west, south, east, north)} or with elevations {@code BBOX(west, south, min, east, north, max)}, in
 * {@code crs} (CRS84 unless {@code filter-crs} names another), east first whatever that CRS's axis order. In a
 * geographic CRS a box whose west edge is east of its east edge crosses the antimeridian.
 */
public record BboxLiteral(List<Double> coordinates, Crs crs) implements Expression {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  public BboxLiteral {
    coordinates = List.copyOf(coordinates);
    if (coordinates.size() != 4 && coordinates.size() != 6) {
      throw new IllegalArgumentException("a bbox has 4 or 6 numbers, not " + coordinates.size());
    }
    Objects.requireNonNull(crs, "crs");
  }

  /** A box in CRS84, as CQL2 reads coordinates without {@code filter-crs}. */
  public BboxLiteral(List<Double> coordinates) {
    this(coordinates, Crs.CRS84);
  }

  public double west() {
    return coordinates.get(0);
  }

  public double south() {
    return coordinates.get(1);
  }

  public double east() {
    return coordinates.get(coordinates.size() / 2);
  }

  public double north() {
    return coordinates.get(coordinates.size() / 2 + 1);
  }

  public boolean crossesAntimeridian() {
    return crs.geographic() && west() > east();
  }

  /** The box as a polygon, or as two polygons either side of the antimeridian when it crosses it. */
  public Geometry toGeometry() {
    if (!crossesAntimeridian()) {
      return GEOMETRIES.toGeometry(new Envelope(west(), east(), south(), north()));
    }
    Geometry eastern = GEOMETRIES.toGeometry(new Envelope(west(), 180, south(), north()));
    Geometry western = GEOMETRIES.toGeometry(new Envelope(-180, east(), south(), north()));
    return GEOMETRIES.buildGeometry(List.of(eastern, western));
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
