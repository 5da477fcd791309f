package io.urbis.crs;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.io.Proj4FileReader;

/** The proj4j systems of EPSG codes, made once each, as PROJ (and so PostGIS and GDAL) would move their coordinates. */
public final class ProjSystems {

  /**
   * PROJ moves DHDN, the datum of Gauss-Krueger data, with the BETA2007 grid; proj4j's seven parameters land up to a
   * metre away. Where PROJ's data files are installed, the same grid is used.
   */
  private static final String POTSDAM = "+datum=potsdam";
  private static final Proj4FileReader EPSG_DEFINITIONS = new Proj4FileReader();
  private static final CRSFactory FACTORY = new CRSFactory();
  private static final Map<Integer, CoordinateReferenceSystem> SYSTEMS = new ConcurrentHashMap<>();

  private ProjSystems() {}

  /**
   * The system of the EPSG code {@code srid}; EPSG:4326 is longitude first, as proj4j works.
   *
   * @throws IllegalArgumentException when proj4j does not know the code
   */
  public static CoordinateReferenceSystem of(int srid) {
    return SYSTEMS.computeIfAbsent(srid, ProjSystems::create);
  }

  private static CoordinateReferenceSystem create(int srid) {
    try {
      String[] parameters = EPSG_DEFINITIONS.getParameters("EPSG:" + srid);
      String definition = parameters == null ? null : String.join(" ", parameters);
      Optional<Path> grid = ProjData.file("BETA2007.gsb");
      if (definition != null && definition.contains(POTSDAM) && grid.isPresent()) {
        return FACTORY.createFromParameters("EPSG:" + srid,
            definition.replace(POTSDAM, "+ellps=bessel +nadgrids=" + grid.get()));
      }
      return FACTORY.createFromName("EPSG:" + srid);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unsupported coordinate reference system EPSG:" + srid, e);
    }
  }
}
