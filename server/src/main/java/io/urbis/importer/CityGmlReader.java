package io.urbis.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.citygml4j.core.model.building.Building;
import org.citygml4j.core.model.core.AbstractFeature;
import org.citygml4j.xml.CityGMLContext;
import org.citygml4j.xml.CityGMLContextException;
import org.citygml4j.xml.reader.ChunkOptions;
import org.citygml4j.xml.reader.CityGMLInputFactory;
import org.citygml4j.xml.reader.CityGMLReadException;
import org.citygml4j.xml.reader.CityGMLReader;
import org.citygml4j.xml.reader.FeatureInfo;
import org.xmlobjects.gml.model.feature.BoundingShape;

/**
 * Streams CityGML 1.0, 2.0 and 3.0 with citygml4j, one top-level city object at a time (chunking), so memory
 * holds one building with its parts. The CRS is the model's envelope srsName, else the building's; a building
 * whose own geometry names another CRS is skipped, since the table has one SRID.
 */
final class CityGmlReader implements BuildingReader {

  /** Building the context scans the classpath for modules once; it is thread-safe and reusable. */
  private static CityGMLContext context;

  @Override
  public int passes() {
    return 1;
  }

  @Override
  public void read(SourceFile file, BuildingHandler handler) throws ImportException {
    try (InputStream in = file.open()) {
      CityGMLInputFactory factory = context().createCityGMLInputFactory().withChunking(ChunkOptions.defaults());
      try (CityGMLReader reader = factory.createCityGMLReader(in)) {
        SourceCrs crs = null;
        CityGmlBuildings buildings = null;
        while (reader.hasNext()) {
          AbstractFeature feature = reader.next();
          if (crs == null) {
            crs = fileCrs(file, reader, feature);
            handler.crs(crs);
            buildings = new CityGmlBuildings(crs);
          }
          if (feature instanceof Building building) {
            buildings.read(building, handler);
          } else {
            handler.notImported(feature.getClass().getSimpleName());
          }
        }
      }
    } catch (CityGMLReadException e) {
      throw new ImportException(file.path() + ": not valid CityGML: " + rootMessage(e), e);
    } catch (IOException e) {
      throw new ImportException(file.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static synchronized CityGMLContext context() throws ImportException {
    if (context == null) {
      try {
        context = CityGMLContext.newInstance(CityGmlReader.class.getClassLoader());
      } catch (CityGMLContextException e) {
        throw new ImportException("cannot load the CityGML schemas: " + e.getMessage(), e);
      }
    }
    return context;
  }

  private static SourceCrs fileCrs(SourceFile file, CityGMLReader reader, AbstractFeature first)
      throws CityGMLReadException, ImportException {
    String srsName = null;
    if (reader.hasParentInfo()) {
      FeatureInfo model = reader.getParentInfo();
      srsName = srsName(model.getBoundedBy());
    }
    if (srsName == null) {
      srsName = srsName(first.getBoundedBy());
    }
    if (srsName == null && first instanceof Building building) {
      srsName = CityGmlBuildings.firstSrsName(building);
    }
    String named = srsName;
    Optional<SourceCrs> crs = SourceCrs.parse(named);
    return crs.orElseThrow(() -> new ImportException(file.path() + ": unknown CRS "
        + (named == null ? "(no srsName on the model, its envelope or its first building)" : "'" + named + "'")));
  }

  private static String srsName(BoundingShape shape) {
    return shape == null || shape.getEnvelope() == null ? null : shape.getEnvelope().getSrsName();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
