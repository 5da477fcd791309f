package io.urbis.cql2.ast;

import org.locationtech.jts.geom.Geometry;

/**
 * A geometry literal (WKT in CQL2-text, GeoJSON in CQL2-JSON) in CRS84, longitude first. Equality is JTS exact
 * equality of the x/y coordinates. The geometry is copied on the way in; callers must not change the one they get.
 */
public record GeometryLiteral(Geometry geometry) implements Expression {

  public GeometryLiteral {
    geometry = geometry.copy();
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
