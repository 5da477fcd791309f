package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypologyTest {

  private final Typology typology = Typology.shipped();

  @Test
  void yearsFallIntoTheTabulaAgeClasses() {
    assertEquals("-1859", typology.ageClassOf(1700));
    assertEquals("1860-1918", typology.ageClassOf(1860));
    assertEquals("1958-1968", typology.ageClassOf(1968));
    assertEquals("1969-1978", typology.ageClassOf(1969));
    assertEquals("2016-", typology.ageClassOf(2030));
    assertEquals(Typology.UNKNOWN, typology.ageClassOf(null));
    assertEquals(12, typology.ageClasses().size());
  }

  @Test
  void everyYearHasExactlyOneAgeClass() {
    for (int year = 1500; year <= 2100; year++) {
      int holding = year;
      assertEquals(1, typology.ageClasses().stream().filter(a -> a.holds(holding)).count(), "year " + year);
    }
  }

  @Test
  void specificDemandIsHeatingPlusHotWaterOfTheTabulaExampleBuilding() {
    // DE.N.MFH.05.Gen.ReEx.001.001: q_h_nd 140.2, q_w_nd 15
    assertEquals(155.2, typology.specificDemand("MFH", "1958-1968"), 1e-9);
    // DE.N.SFH.01.Gen.ReEx.001.001: q_h_nd 282.7, q_w_nd 10
    assertEquals(292.7, typology.specificDemand("EFH", "-1859"), 1e-9);
    // DE.N.AB.06.Gen.ReEx.001.001: q_h_nd 121.7, q_w_nd 15
    assertEquals(136.7, typology.specificDemand("GMH", "1969-1978"), 1e-9);
  }

  @Test
  void cellsTheSourceLacksTakeTheirFallbackType() {
    assertEquals(typology.specificDemand("EFH", "-1859"), typology.specificDemand("RH", "-1859"));
    assertEquals(typology.specificDemand("MFH", "2016-"), typology.specificDemand("GMH", "2016-"));
    assertEquals(typology.specificDemand("MFH", "1984-1994"), typology.specificDemand("NWG", "1984-1994"));
    assertEquals(typology.specificDemand("MFH", "1919-1948"), typology.specificDemand("unknown", "1919-1948"));
  }

  @Test
  void unknownAgeClassIsTheMeanOfTheType() {
    for (String type : typology.buildingTypes()) {
      double mean = typology.ageClasses().stream()
          .mapToDouble(a -> typology.specificDemand(type, a.key())).average().orElseThrow();
      assertEquals(mean, typology.specificDemand(type, Typology.UNKNOWN), 1e-9, type);
    }
  }

  @Test
  void overridesReplaceCellsAndTheUnknownMean() {
    Typology overridden = typology.withOverrides(Map.of("MFH", Map.of("1958-1968", 140.0)));
    assertEquals(140.0, overridden.specificDemand("MFH", "1958-1968"));
    assertEquals(typology.specificDemand("MFH", "1969-1978"), overridden.specificDemand("MFH", "1969-1978"));
    assertEquals(typology.specificDemand("MFH", Typology.UNKNOWN) + (140.0 - 155.2) / 12,
        overridden.specificDemand("MFH", Typology.UNKNOWN), 1e-9);
    assertEquals(99.0, typology.withOverrides(Map.of("NWG", Map.of(Typology.UNKNOWN, 99.0)))
        .specificDemand("NWG", Typology.UNKNOWN));
    assertEquals(155.2, typology.specificDemand("MFH", "1958-1968"), 1e-9, "the shipped typology is unchanged");
  }

  @Test
  void overridesNameWhatTheTypologyDoesNotKnow() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> typology.withOverrides(Map.of("XYZ", Map.of("1958-1968", 1.0)))).getMessage().contains("'XYZ'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> typology.withOverrides(Map.of("MFH", Map.of("1950", 1.0)))).getMessage().contains("'1950'"));
    assertThrows(IllegalArgumentException.class, () -> typology.withOverrides(Map.of("MFH", Map.of("2016-", -1.0))));
    assertThrows(IllegalArgumentException.class, () -> typology.specificDemand("XYZ", "2016-"));
    assertThrows(IllegalArgumentException.class, () -> typology.efficiency("steam"));
  }

  @Test
  void carriersAndEfficienciesComeFromTheResource() {
    assertEquals(List.of("gas", "oil", "district_heating", "electricity", "heat_pump", "biomass", "coal", "solar",
        "other", "unknown"), typology.carriers());
    assertEquals(1 / 1.095, typology.efficiency("gas"), 1e-12);
    assertEquals(3.4, typology.efficiency("heat_pump"));
    assertEquals(1.0, typology.efficiency("unknown"));
    assertEquals(0.96, typology.floorAreaFactor());
  }

  @Test
  void defaultBuildingTypesCoverTheDemoAndAlkisFunctions() {
    Map<String, String> defaults = typology.defaultBuildingTypes();
    assertEquals("MFH", defaults.get("residential"));
    assertEquals("NWG", defaults.get("commercial"));
    assertEquals("EFH", defaults.get("1010"));
    assertEquals("EFH", defaults.get("31001_1010"));
    assertTrue(typology.buildingTypes().containsAll(defaults.values()));
    assertTrue(typology.source().contains("Deutsche Wohngebäudetypologie"));
  }
}
