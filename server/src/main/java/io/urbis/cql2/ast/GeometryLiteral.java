package io.urbis.cql2.ast;

import io.urbis.crs.Crs;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry literal (WKT in CQL2-text, GeoJSON in CQL2-JSON) in {@code crs}, east (or longitude) first whatever that
 * CRS's own axis order: CRS84 as parsed, another CRS once {@code filter-crs} has named it. Equality is JTS exact
 * equality of the x/y coordinates and the same CRS. The geometry is copied on the way in; callers must not change
 * the one they get.
 */
public record GeometryLiteral(Geometry geometry, Crs crs) implements Expression {

  public GeometryLiteral {
    geometry = geometry.copy();
    Objects.requireNonNull(crs, "crs");
  }

  /** A literal in CRS84, as CQL2 reads coordinates without {@code filter-crs}. */
  public GeometryLiteral(Geometry geometry) {
    this(geometry, Crs.CRS84);
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
