package io.urbis.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CityGML through citygml4j: a small CityGML 2.0 file written here, and the four original Wesel tiles (CityGML
 * 1.0, gzipped; shared data) compared row by row with the CityJSON conversion of the same buildings.
 */
class CityGmlImportTest {

  private static final String SAMPLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0"
          xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml"
          xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0">
        <gml:boundedBy><gml:Envelope srsName="EPSG:25833+7837" srsDimension="3">
          <gml:lowerCorner>0 0 0</gml:lowerCorner><gml:upperCorner>20 10 10</gml:upperCorner></gml:Envelope></gml:boundedBy>
        <core:cityObjectMember>
          <bldg:Building gml:id="G1">
            <gen:stringAttribute name="Gemeinde"><gen:value>14626110</gen:value></gen:stringAttribute>
            <bldg:function>31001_1000</bldg:function>
            <bldg:roofType>1000</bldg:roofType>
            <bldg:measuredHeight uom="m">3</bldg:measuredHeight>
            <bldg:storeysAboveGround>1</bldg:storeysAboveGround>
            <bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
              <gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">
                500000 5600000 100 500000 5600010 100 500010 5600010 100 500010 5600000 100 500000 5600000 100
              </gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
            </gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:GroundSurface></bldg:boundedBy>
            <bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
              <gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">
                500000 5600000 103 500010 5600000 103 500010 5600010 103 500000 5600010 103 500000 5600000 103
              </gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
            </gml:surfaceMember><gml:surfaceMember>
              <gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">
                500000 5600000 103 500001 5600000 103 500000 5600000 103 500000 5600000 103
              </gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
            </gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:RoofSurface></bldg:boundedBy>
            <bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="G1-P1">
              <bldg:measuredHeight uom="m">7</bldg:measuredHeight>
              <bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>
                <gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">
                  500010 5600000 107 500020 5600000 107 500020 5600010 107 500010 5600010 107 500010 5600000 107
                </gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
              </gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>
            </bldg:BuildingPart></bldg:consistsOfBuildingPart>
            <bldg:address><core:Address><core:xalAddress><xAL:AddressDetails><xAL:Country>
              <xAL:CountryName>Germany</xAL:CountryName><xAL:Locality Type="Town"><xAL:LocalityName>Görlitz</xAL:LocalityName>
              <xAL:Thoroughfare Type="Street"><xAL:ThoroughfareNumber>5</xAL:ThoroughfareNumber>
              <xAL:ThoroughfareName>Obermarkt</xAL:ThoroughfareName></xAL:Thoroughfare>
              <xAL:PostalCode><xAL:PostalCodeNumber>02826</xAL:PostalCodeNumber></xAL:PostalCode>
              </xAL:Locality></xAL:Country></xAL:AddressDetails></core:xalAddress></core:Address></bldg:address>
          </bldg:Building>
        </core:cityObjectMember>
        <core:cityObjectMember>
          <bldg:Building gml:id="G2">
            <bldg:lod2MultiSurface><gml:MultiSurface srsName="EPSG:4326"><gml:surfaceMember>
              <gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">
                14.9 51.1 0 14.9 51.2 0 15.0 51.2 0 14.9 51.1 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
            </gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>
          </bldg:Building>
        </core:cityObjectMember>
        <core:cityObjectMember>
          <bldg:Building gml:id="G3"><bldg:function>no geometry</bldg:function></bldg:Building>
        </core:cityObjectMember>
      </core:CityModel>
      """;

  private static ImportTestSupport db;
  private static ImportSummary summary;
  @TempDir static Path folder;

  @BeforeAll
  static void importTheSample() throws Exception {
    db = new ImportTestSupport();
    summary = db.importFile(Files.writeString(folder.resolve("sample.gml"), SAMPLE), "gml_sample", false);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    db.close();
  }

  @Test
  void theBuildingWithItsPartSurfacesAttributesAndAddress() throws Exception {
    assertEquals(3, summary.buildingsRead());
    assertEquals(1, summary.written());
    assertEquals(1, summary.skipped(SkipReason.UNKNOWN_CRS), "G2 names another CRS");
    assertEquals(1, summary.skipped(SkipReason.NO_GEOMETRY));
    assertEquals(1, summary.polygonIssues(PolygonIssue.TOO_FEW_POINTS));
    assertEquals(3, ((Number) db.value("SELECT ST_NumGeometries(geom) FROM gml_sample")).intValue());
    assertEquals(25833, db.value("SELECT ST_SRID(geom) FROM gml_sample"));
    assertEquals(107.0, db.value("SELECT ST_ZMax(geom) FROM gml_sample"));
    assertEquals(100.0, (Double) db.value("SELECT ST_Area(geom_footprint) FROM gml_sample"), 1e-6);
    assertEquals("31001_1000|1000|3|1|Obermarkt|5|02826|Görlitz|Germany", db.value("SELECT concat_ws('|', function,"
        + " roof_type, measured_height, storeys_above_ground, street, house_number, postal_code, locality, country) "
        + "FROM gml_sample"));
    assertEquals("14626110", db.value("SELECT attributes->>'Gemeinde' FROM gml_sample"));
    assertEquals(7.0, db.value("SELECT (attributes#>>'{parts,0,attributes,measuredHeight}')::float8 FROM gml_sample"));
    assertTrue(((String) db.value("SELECT obj_description('gml_sample'::regclass)")).contains("EPSG:7837"));
  }

  @Test
  void aTruncatedCityGmlFileChangesNothing() throws Exception {
    Path cut = Files.writeString(folder.resolve("cut.gml"), SAMPLE.substring(0, SAMPLE.length() * 2 / 3));
    assertEquals(1, db.command(cut.toString(), "--table", "gml_sample", "--replace"));
    assertTrue(db.errors().contains("not valid CityGML") && db.errors().contains("nothing was written"), db.errors());
    assertEquals(1, db.errors().strip().lines().count(), db.errors());
    assertEquals(1, db.count("gml_sample"));
  }

  @Test
  void theOriginalWeselTilesGiveTheSameRowsAsTheirCityJsonConversion() throws Exception {
    // the conversion quantised coordinates to millimetres through a float transform: equal within 1e-6 (footprint unions 1e-5), not bitwise
    Optional<Path> tiles = SharedData.folder().map(d -> d.resolve("nrw_wesel_lod2/citygml_original"))
        .filter(Files::isDirectory);
    Optional<Path> cityJson = SharedData.file("nrw_wesel_lod2/wesel_lod2.city.json");
    assumeTrue(tiles.isPresent() && cityJson.isPresent(), "shared data nrw_wesel_lod2 not found");
    List<Path> files;
    try (Stream<Path> listed = Files.list(tiles.get())) {
      files = listed.filter(f -> f.toString().endsWith(".gml.gz")).sorted().toList();
    }
    long written = 0;
    for (Path tile : files) {
      written += db.importFile(tile, "wesel_gml", false).written();
    }
    assertEquals(476, written, "191 + 88 + 70 + 127 buildings (PROVENANCE.md)");
    db.importFile(cityJson.get(), "wesel_json", false);
    assertEquals(476L, db.value("SELECT count(*) FROM wesel_gml g JOIN wesel_json j USING (id) "
        + "WHERE ST_NumGeometries(g.geom) = ST_NumGeometries(j.geom) AND ST_NPoints(g.geom) = ST_NPoints(j.geom) "
        + "AND ST_HausdorffDistance(g.geom_footprint, j.geom_footprint) < 1e-5 "
        + "AND ST_HausdorffDistance(g.geom, j.geom) < 1e-6 AND g.measured_height = j.measured_height "
        + "AND g.function = j.function AND g.street IS NOT DISTINCT FROM j.street"));
  }
}
