package io.urbis.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.building.Building;
import org.citygml4j.core.model.building.BuildingPart;
import org.citygml4j.core.model.building.BuildingPartProperty;
import org.citygml4j.core.model.construction.AbstractConstructionSurface;
import org.citygml4j.core.model.construction.AbstractFillingSurfaceProperty;
import org.citygml4j.core.model.construction.GroundSurface;
import org.citygml4j.core.model.core.AbstractCityObject;
import org.citygml4j.core.model.core.AbstractSpace;
import org.citygml4j.core.model.core.AbstractSpaceBoundaryProperty;
import org.citygml4j.core.model.common.GeometryInfo;
import org.xmlobjects.gml.model.geometry.AbstractGeometry;
import org.xmlobjects.gml.model.geometry.GeometryProperty;
import org.xmlobjects.gml.model.geometry.primitives.AbstractRingProperty;
import org.xmlobjects.gml.model.geometry.primitives.LinearRing;
import org.xmlobjects.gml.model.geometry.primitives.Polygon;
import org.xmlobjects.gml.visitor.GeometryWalker;

/**
 * Maps a citygml4j building (with its nested parts) to {@link SourceBuilding}s: polygons of the building, its
 * boundary surfaces (GroundSurface marks the footprint) and their openings, by LoD; attributes under CityJSON's
 * names via {@link CityGmlAttributes}. A polygon referenced twice (a solid's xlink to a boundary surface's
 * polygon, once resolved) counts once.
 */
final class CityGmlBuildings {

  private final SourceCrs crs;

  CityGmlBuildings(SourceCrs crs) {
    this.crs = crs;
  }

  void read(Building building, BuildingHandler handler) throws ImportException {
    if (!sameCrs(building)) {
      handler.skipped(building.getId(), "Building", SkipReason.UNKNOWN_CRS);
      return;
    }
    List<SourceBuilding> parts = new ArrayList<>();
    collectParts(building.getBuildingParts(), parts);
    handler.building(source(building).withParts(parts));
  }

  /** The parts, and (CityGML 2 only) the parts of parts, flattened. */
  private static void collectParts(List<BuildingPartProperty> properties, List<SourceBuilding> parts) {
    for (BuildingPartProperty property : properties) {
      BuildingPart part = property.getObject();
      if (part != null) {
        parts.add(source(part));
        if (part.hasDeprecatedProperties()) {
          collectParts(part.getDeprecatedProperties().getConsistsOfBuildingParts(), parts);
        }
      }
    }
  }

  private static SourceBuilding source(AbstractBuilding building) {
    Map<String, List<SourceSurface>> surfaces = new LinkedHashMap<>();
    collect(building, false, surfaces, Collections.newSetFromMap(new IdentityHashMap<>()));
    ObjectNode attributes = CityGmlAttributes.of(building);
    return new SourceBuilding(building.getId(), attributes, surfaces, null, List.of());
  }

  /** Boundary surfaces first, so their polygons keep the GroundSurface mark when a solid points to them too. */
  private static void collect(AbstractCityObject object, boolean ground, Map<String, List<SourceSurface>> surfaces,
      Set<Polygon> seen) {
    if (object instanceof AbstractSpace space) {
      for (AbstractSpaceBoundaryProperty boundary : space.getBoundaries()) {
        if (boundary.getObject() != null) {
          collect(boundary.getObject(), boundary.getObject() instanceof GroundSurface, surfaces, seen);
        }
      }
    }
    if (object instanceof AbstractConstructionSurface surface) {
      for (AbstractFillingSurfaceProperty filling : surface.getFillingSurfaces()) {
        if (filling.getObject() != null) {
          collect(filling.getObject(), false, surfaces, seen);
        }
      }
    }
    GeometryInfo info = object.getGeometryInfo();
    for (int lod : info.getLods()) {
      List<SourceSurface> list = surfaces.computeIfAbsent(String.valueOf(lod), k -> new ArrayList<>());
      for (GeometryProperty<?> property : info.getGeometries(lod)) {
        if (property.getObject() != null) {
          property.getObject().accept(new PolygonCollector(ground, list, seen));
        }
      }
    }
  }

  /** Whether every geometry that names a CRS names the file's (most name none and inherit it). */
  private boolean sameCrs(AbstractBuilding building) {
    Optional<String> other = srsNames(building).stream()
        .filter(name -> SourceCrs.parse(name).map(c -> c.srid() != crs.srid()).orElse(true)).findFirst();
    return other.isEmpty();
  }

  static String firstSrsName(AbstractBuilding building) {
    List<String> names = srsNames(building);
    return names.isEmpty() ? null : names.get(0);
  }

  private static List<String> srsNames(AbstractBuilding building) {
    List<String> names = new ArrayList<>();
    building.accept(new org.citygml4j.core.visitor.ObjectWalker() {
      @Override
      public void visit(AbstractGeometry geometry) {
        if (geometry.getSrsName() != null) {
          names.add(geometry.getSrsName());
        }
      }
    });
    return names;
  }

  /** Adds each polygon of a geometry once, its rings as flat x,y,z without the closing point. */
  private static final class PolygonCollector extends GeometryWalker {
    private final boolean ground;
    private final List<SourceSurface> surfaces;
    private final Set<Polygon> seen;

    PolygonCollector(boolean ground, List<SourceSurface> surfaces, Set<Polygon> seen) {
      this.ground = ground;
      this.surfaces = surfaces;
      this.seen = seen;
    }

    @Override
    public void visit(Polygon polygon) {
      if (!seen.add(polygon) || polygon.getExterior() == null) {
        return;
      }
      List<double[]> rings = new ArrayList<>();
      rings.add(ring(polygon.getExterior()));
      for (AbstractRingProperty interior : polygon.getInterior()) {
        rings.add(ring(interior));
      }
      surfaces.add(new SourceSurface(rings, ground));
    }

    private static double[] ring(AbstractRingProperty property) {
      if (!(property.getObject() instanceof LinearRing ring)) {
        return new double[0];
      }
      List<Double> values = ring.toCoordinateList3D();
      int n = values.size() / 3;
      boolean closed = n > 1 && values.get(0).equals(values.get((n - 1) * 3))
          && values.get(1).equals(values.get((n - 1) * 3 + 1)) && values.get(2).equals(values.get((n - 1) * 3 + 2));
      double[] flat = new double[(closed ? n - 1 : n) * 3];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = values.get(i);
      }
      return flat;
    }
  }
}
