package io.urbis.cql2;

import io.urbis.crs.AxisSwap;
import io.urbis.crs.Crs;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.ExpressionRewriter;
import io.urbis.cql2.ast.GeometryLiteral;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads the geometry literals of a filter in the CRS that {@code filter-crs} names (OGC 19-079r2,
 * /req/filter/filter-crs-param): each literal is tagged with it, and where the CRS names latitude or northing first
 * (EPSG:4326) its axes are swapped into the east-first order the model keeps, as a {@code bbox-crs} box is.
 */
public final class FilterCrs {

  private FilterCrs() {}

  /** The filter with every geometry literal, written in {@code crs}'s axis order, placed in {@code crs}. */
  public static Expression apply(Expression filter, Crs crs) {
    return crs.equals(Crs.CRS84) ? filter : new Placement(crs).rewrite(filter);
  }

  private static final class Placement extends ExpressionRewriter {

    private final Crs crs;

    Placement(Crs crs) {
      this.crs = crs;
    }

    @Override
    public Expression visit(GeometryLiteral literal) {
      Geometry geometry = literal.geometry();
      if (crs.northFirst()) {
        geometry = geometry.copy();
        geometry.apply(AxisSwap.INSTANCE);
      }
      return new GeometryLiteral(geometry, crs);
    }

    /** {@code BBOX(south, west, north, east)} in a north-first CRS. */
    @Override
    public Expression visit(BboxLiteral literal) {
      List<Double> coordinates = new ArrayList<>(literal.coordinates());
      if (crs.northFirst()) {
        int half = coordinates.size() / 2;
        swap(coordinates, 0, 1);
        swap(coordinates, half, half + 1);
      }
      return new BboxLiteral(coordinates, crs);
    }

    private static void swap(List<Double> values, int first, int second) {
      values.set(first, values.set(second, values.get(first)));
    }
  }
}
