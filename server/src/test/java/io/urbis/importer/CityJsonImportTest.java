package io.urbis.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample city through the whole importer into PostGIS: rows, merged parts, skips and polygon issues. */
class CityJsonImportTest {

  private static ImportTestSupport db;
  private static ImportSummary summary;
  @TempDir static Path folder;

  @BeforeAll
  static void importTheSample() throws Exception {
    db = new ImportTestSupport();
    summary = db.importFile(SampleCityJson.standard().write(folder.resolve("sample.city.json")), "sample", false);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    db.close();
  }

  @Test
  void everyBuildingIsWrittenOrSkippedWithItsReason() throws Exception {
    assertEquals(8, summary.buildingsRead(), "7 buildings and the part without one");
    assertEquals(3, summary.written());
    assertEquals(3, db.count("sample"));
    assertEquals(1, summary.skipped(SkipReason.NO_GEOMETRY));
    assertEquals(1, summary.skipped(SkipReason.NO_VALID_POLYGON));
    assertEquals(1, summary.skipped(SkipReason.UNSUPPORTED_GEOMETRY));
    assertEquals(1, summary.skipped(SkipReason.BAD_VERTEX_INDEX));
    assertEquals(1, summary.skipped(SkipReason.PART_WITHOUT_BUILDING));
    assertEquals(summary.written() + summary.skippedTotal(), summary.buildingsRead());
    assertEquals(1, summary.objects("Road"));
    assertEquals(3, summary.objects("BuildingPart"));
    for (String id : new String[] {"B3", "B4", "B6", "B7", "P9"}) {
      assertTrue(db.errors().contains("skipped " + id + ": "), id + " named in " + db.errors());
    }
  }

  @Test
  void degeneratePolygonsAreDroppedAndRepairsReported() throws Exception {
    assertEquals(2, summary.polygonIssues(PolygonIssue.REPEATED_POINTS), "B5's doubled corner, and the 2-point "
        + "ring whose last point repeated its first");
    assertEquals(1, summary.polygonIssues(PolygonIssue.NON_PLANAR));
    assertEquals(1, summary.polygonIssues(PolygonIssue.TOO_FEW_POINTS));
    assertEquals(1, summary.polygonIssues(PolygonIssue.ZERO_AREA));
    assertEquals(8, ((Number) db.value("SELECT ST_NumGeometries(geom) FROM sample WHERE id = 'B5'")).intValue(),
        "6 box faces, the repaired and the non-planar polygon; the 2-point ring is gone");
    assertEquals(4, ((Number) db.value("SELECT ST_NPoints(ST_GeometryN(geom, 7)) FROM sample WHERE id = 'B5'"))
        .intValue() - 1, "the repeated point removed");
    assertTrue(db.errors().contains("B5: "), db.errors());
  }

  @Test
  void attributesGoToTypedColumnsAndTheRestToJsonb() throws Exception {
    assertEquals("31001_1000", db.value("SELECT function FROM sample WHERE id = 'B1'"));
    assertEquals(10.0, db.value("SELECT measured_height FROM sample WHERE id = 'B1'"));
    assertEquals("Hauptstraße 1, Wesel, Germany",
        db.value("SELECT concat_ws(', ', street || ' ' || house_number, locality, country) FROM sample WHERE id = 'B1'"));
    assertNull(db.value("SELECT attributes FROM sample WHERE id = 'B1'"), "all attributes were well-known");
    assertEquals("2", db.value("SELECT lod FROM sample WHERE id = 'B1'"));
  }

  @Test
  void partsAreMergedIntoTheirBuildingWhateverTheirOrder() throws Exception {
    assertEquals(12, ((Number) db.value("SELECT ST_NumGeometries(geom) FROM sample WHERE id = 'B2'")).intValue());
    assertEquals(8.0, db.value("SELECT measured_height FROM sample WHERE id = 'B2'"), "the tallest part");
    assertEquals(2, db.value("SELECT storeys_above_ground FROM sample WHERE id = 'B2'"));
    assertEquals("P2,P1", db.value("SELECT string_agg(p->>'id', ',') FROM sample, "
        + "jsonb_array_elements(attributes->'parts') p WHERE id = 'B2'"));
    assertEquals(50.0, (Double) db.value("SELECT ST_Area(geom_footprint) FROM sample WHERE id = 'B2'"), 1e-6);
  }

  @Test
  void geometryKeepsHeightsSridAndTheFootprintIsTheGround() throws Exception {
    assertEquals("MULTIPOLYGON", db.value("SELECT GeometryType(geom) FROM sample LIMIT 1"));
    assertEquals(25832, db.value("SELECT ST_SRID(geom) FROM sample WHERE id = 'B1'"));
    assertEquals(3, ((Number) db.value("SELECT ST_NDims(geom) FROM sample WHERE id = 'B1'")).intValue());
    assertEquals(SampleCityJson.Z0 + 10, (Double) db.value("SELECT ST_ZMax(geom) FROM sample WHERE id = 'B1'"),
        1e-9);
    assertEquals(SampleCityJson.X0, (Double) db.value("SELECT ST_XMin(geom_footprint) FROM sample WHERE id = 'B1'"),
        1e-9);
    assertEquals(100.0, (Double) db.value("SELECT ST_Area(geom_footprint) FROM sample WHERE id = 'B5'"), 1e-6);
    assertEquals(2, ((Number) db.value("SELECT count(*) FROM pg_indexes WHERE tablename = 'sample' "
        + "AND indexdef LIKE '%USING gist%'")).intValue());
  }

  @Test
  void theTableRecordsWhereItCameFrom() throws Exception {
    String comment = (String) db.value("SELECT obj_description('sample'::regclass)");
    assertTrue(comment.contains("\"source\":\"sample.city.json\"") && comment.contains("\"crs\":\"EPSG:25832\""),
        comment);
    assertFalse(comment.contains("verticalCrs"), comment);
  }

  @Test
  void aCompoundCrsKeepsItsVerticalCodeInTheComment() throws Exception {
    SampleCityJson city = new SampleCityJson("https://www.opengis.net/def/crs-compound?"
        + "1=https://www.opengis.net/def/crs/EPSG/0/25832&2=https://www.opengis.net/def/crs/EPSG/0/7837");
    city.building("C1", "Building");
    city.solid("C1", city.box(0, 0, 4, 4));
    db.importFile(city.write(folder.resolve("compound.city.json")), "compound", false);
    assertEquals(25832, db.value("SELECT ST_SRID(geom) FROM compound"));
    assertTrue(((String) db.value("SELECT obj_description('compound'::regclass)"))
        .contains("\"verticalCrs\":\"EPSG:7837\""));
  }

  @Test
  void aSequenceFileIsReadLineByLineAndARepeatedIdIsSkipped() throws Exception {
    SampleCityJson city = SampleCityJson.standard();
    var whole = SampleCityJson.JSON.readTree(city.text());
    var header = SampleCityJson.JSON.createObjectNode().put("type", "CityJSON").put("version", "2.0");
    header.set("transform", whole.get("transform"));
    header.set("metadata", whole.get("metadata"));
    header.putObject("CityObjects");
    header.putArray("vertices");
    var feature = SampleCityJson.JSON.createObjectNode().put("type", "CityJSONFeature").put("id", "B1");
    feature.set("CityObjects", whole.get("CityObjects"));
    feature.set("vertices", whole.get("vertices"));
    var again = feature.deepCopy();
    again.with("CityObjects").retain("B1");
    Path file = Files.writeString(folder.resolve("sample.city.jsonl"), header + "\n" + feature + "\n" + again + "\n");

    ImportSummary sequence = db.importFile(file, "sequence", false);

    assertEquals(3, sequence.written());
    assertEquals(1, sequence.skipped(SkipReason.DUPLICATE_IN_FILE));
    assertEquals(3, db.count("sequence"));
  }
}
