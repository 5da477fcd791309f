package io.urbis.tiles3d;

import io.urbis.demo.DemoCity;
import io.urbis.source.ModelBounds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The certification city of issue 11 ({@code make-city.sh} of the certification bench) as the tiling sees it, without
 * a database: the demo town's buildings (3,466, EPSG:25832) copied onto a 9 by 9 grid of cells 4 km apart, row by row
 * from the town's own place, the first 200,000 of them; each one's box in CRS84 (the box of its corners), its height
 * from the ground to {@code height_m} and its district named as there ("Altstadt", "Altstadt 2", ...).
 */
final class CertificationCity {

  static final int BUILDINGS = 200_000;
  private static final int CELLS_PER_ROW = 9;
  private static final double CELL_METRES = 4000;

  /** A building of the city and its district. */
  record Building(ModelBounds bounds, String district) {}

  private CertificationCity() {}

  /** The city, made from a demo town generated in {@code folder}. */
  static List<Building> buildings(Path folder) throws Exception {
    Path demo = DemoCity.ensure(folder.resolve("demo.gpkg"));
    List<double[]> boxes = new ArrayList<>();
    List<Double> heights = new ArrayList<>();
    List<String> districts = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + demo);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT r.minx, r.miny, r.maxx, r.maxy, b.height_m, b.district"
            + " FROM buildings b JOIN rtree_buildings_geom r ON r.id = b.fid ORDER BY b.fid")) {
      while (rows.next()) {
        boxes.add(new double[] {rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4)});
        heights.add(rows.getDouble(5));
        districts.add(rows.getString(6));
      }
    }
    CRSFactory crs = new CRSFactory();
    CoordinateTransform toLonLat = new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:25832"),
        crs.createFromName("EPSG:4326"));
    List<Building> city = new ArrayList<>(BUILDINGS);
    for (int cell = 0; city.size() < BUILDINGS; cell++) {
      double dx = cell % CELLS_PER_ROW * CELL_METRES;
      double dy = cell / CELLS_PER_ROW * CELL_METRES;
      for (int i = 0; i < boxes.size() && city.size() < BUILDINGS; i++) {
        double[] box = boxes.get(i);
        ProjCoordinate southWest = toLonLat.transform(new ProjCoordinate(box[0] + dx, box[1] + dy),
            new ProjCoordinate());
        ProjCoordinate northEast = toLonLat.transform(new ProjCoordinate(box[2] + dx, box[3] + dy),
            new ProjCoordinate());
        ProjCoordinate southEast = toLonLat.transform(new ProjCoordinate(box[2] + dx, box[1] + dy),
            new ProjCoordinate());
        ProjCoordinate northWest = toLonLat.transform(new ProjCoordinate(box[0] + dx, box[3] + dy),
            new ProjCoordinate());
        ModelBounds bounds = new ModelBounds(Integer.toString(city.size() + 1), Math.min(southWest.x, northWest.x),
            Math.min(southWest.y, southEast.y), Math.max(northEast.x, southEast.x), Math.max(northEast.y, northWest.y),
            0, heights.get(i));
        city.add(new Building(bounds, districts.get(i) + (cell == 0 ? "" : " " + (cell + 1))));
      }
    }
    return city;
  }
}
