package io.urbis.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.CurrentData;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.FixedData;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.config.ConfigException;
import io.urbis.security.Caller;
import io.urbis.source.FeatureSource;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  private static final Catalog CATALOG = new Catalog(List.of(collection("buildings"), collection("streets"),
      collection("drafts")));

  private static final AccessConfig CITY = new AccessConfig(Map.of("*", Rule.of("read")), Map.of(
      "buildings", Map.of(
          "public", new Rule("read", List.of("heat_demand", "owner"), "owner_type = 'municipal'"),
          "energy", new Rule("read", List.of("owner"), null),
          "planner", Rule.of("write")),
      "drafts", Map.of("planner", Rule.of("write"))));

  @Test
  void withoutRulesEveryCallerReadsTheWholeCatalog() {
    AccessPolicy policy = AccessPolicy.of(AccessConfig.OPEN, CATALOG);
    CatalogView view = policy.viewOf(Caller.ANONYMOUS);
    assertTrue(policy.isOpen());
    assertTrue(view.isWhole());
    assertEquals(CATALOG.collections(), view.catalog().collections());
    assertFalse(view.mayWrite("buildings"));
    assertSame(view, policy.viewOf(new Caller("someone", Set.of("public"))), "one view per set of roles");
  }

  @Test
  void publicSeesMunicipalBuildingsWithoutHiddenPropertiesAndNoDrafts() {
    AccessPolicy policy = AccessPolicy.of(CITY, CATALOG);
    CatalogView view = policy.viewOf(Caller.ANONYMOUS);
    assertFalse(policy.isOpen());
    assertEquals(List.of("buildings", "streets"), ids(view));
    Collection buildings = view.catalog().find("buildings").orElseThrow();
    assertEquals(List.of("owner_type", "height"), names(buildings));
    assertEquals("\"owner_type\" = 'municipal'", buildings.rowFilter().text());
    assertFalse(buildings.isWhole());
    assertTrue(view.catalog().find("streets").orElseThrow().isWhole());
    assertFalse(view.mayWrite("buildings"));
  }

  @Test
  void aCallerGetsTheMostItsRolesGive() {
    AccessPolicy policy = AccessPolicy.of(CITY, CATALOG);
    Collection energy = policy.viewOf(new Caller("e", Set.of("energy"))).catalog().find("buildings").orElseThrow();
    assertEquals(List.of("owner_type", "heat_demand", "height"), names(energy));
    assertNull(energy.rowFilter(), "a reading role without a row filter sees every row");
    CatalogView both = policy.viewOf(new Caller("b", Set.of("energy", "planner")));
    assertEquals(CATALOG.collections().get(0).properties(), both.catalog().find("buildings").orElseThrow()
        .properties());
    assertTrue(both.mayWrite("buildings") && both.mayWrite("drafts"));
    assertEquals(List.of("buildings", "streets", "drafts"), ids(both));
  }

  @Test
  void whatACallerMayChangeIsWhatItsWritingRolesGiveNotWhatItReads() {
    AccessConfig config = new AccessConfig(null, Map.of("buildings", Map.of(
        "energy", Rule.of("read"),
        "caretaker", new Rule("write", List.of("owner"), "owner_type = 'municipal'"))));
    CatalogView view = AccessPolicy.of(config, CATALOG).viewOf(new Caller("c", Set.of("energy", "caretaker")));
    Collection read = view.catalog().find("buildings").orElseThrow();
    Collection written = view.writable("buildings").orElseThrow();
    assertTrue(read.isWhole(), "energy reads every row and property");
    assertEquals(List.of("owner_type", "heat_demand", "height"), names(written));
    assertEquals("\"owner_type\" = 'municipal'", written.rowFilter().text());
    assertTrue(view.writable("streets").isEmpty());
  }

  @Test
  void rowFiltersOfSeveralRolesAreJoinedWithOr() {
    AccessConfig config = new AccessConfig(null, Map.of("buildings", Map.of(
        "north", new Rule(null, null, "height > 10"), "south", new Rule(null, null, "height < 5"))));
    Collection both = AccessPolicy.of(config, CATALOG).viewOf(new Caller("x", Set.of("north", "south"))).catalog()
        .find("buildings").orElseThrow();
    assertTrue(both.rowFilter().text().contains(" OR "), both.rowFilter().text());
  }

  @Test
  void visibilityTellsAudiencesApartAndNothingOfTheRules() {
    AccessPolicy policy = AccessPolicy.of(CITY, CATALOG);
    CatalogView anonymous = policy.viewOf(Caller.ANONYMOUS);
    CatalogView energy = policy.viewOf(new Caller("e", Set.of("energy")));
    assertNotEquals(anonymous.visibility(), energy.visibility());
    String key = anonymous.catalog().find("buildings").orElseThrow().visibility();
    assertTrue(key.matches("[0-9a-f]{16}"), key);
    assertEquals(key, AccessPolicy.of(CITY, CATALOG).viewOf(Caller.ANONYMOUS).catalog().find("buildings")
        .orElseThrow().visibility(), "the same rules give the same key after a restart");
  }

  @Test
  void aRowFilteredCollectionShowsTheExtentOfItsRowsReadWhenFirstAskedAndOncePerVersion() {
    AtomicReference<String> version = new AtomicReference<>("v1");
    DataExtent tableExtent = new DataExtent(new SpatialExtent(6, 51, 9, 53), null);
    DataExtent rowsExtent = new DataExtent(new SpatialExtent(7, 52, 7.1, 52.1), null);
    CurrentData table = new CurrentData() {
      @Override
      public String version() {
        return version.get();
      }

      @Override
      public DataExtent extent() {
        return tableExtent;
      }
    };
    List<Collection> read = new ArrayList<>();
    // a source that only tells the extent of a collection's rows, and notes which collection it was asked of
    FeatureSource source = (FeatureSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {FeatureSource.class}, (proxy, method, args) -> {
          if (!method.getName().equals("extent")) {
            throw new UnsupportedOperationException(method.getName());
          }
          read.add((Collection) args[0]);
          return rowsExtent;
        });
    AccessPolicy policy = AccessPolicy.of(CITY, new Catalog(List.of(collection("buildings", table, source),
        collection("drafts"))));

    Collection narrowed = policy.viewOf(Caller.ANONYMOUS).catalog().find("buildings").orElseThrow();
    assertTrue(read.isEmpty(), "nothing is read before it is asked");
    assertEquals(rowsExtent.spatial(), narrowed.spatialExtent());
    assertEquals("v1", narrowed.data().version());
    assertEquals(narrowed.rowFilter(), read.get(0).rowFilter(), "the source reads the rows of the row filter");
    assertSame(narrowed.data(), policy.viewOf(new Caller("guest", Set.of("public", "guest"))).catalog()
        .find("buildings").orElseThrow().data(), "views narrowing alike share one");
    narrowed.spatialExtent();
    assertEquals(1, read.size(), "once per version");

    version.set("v2");
    assertEquals("v2", narrowed.data().version(), "the table's version, at once");
    narrowed.spatialExtent();
    assertEquals(2, read.size(), "read again for the new version");
    assertSame(table, policy.viewOf(new Caller("e", Set.of("energy"))).catalog().find("buildings").orElseThrow()
        .data(), "without a row filter, the whole table's data");
  }

  @Test
  void unknownNamesAreRefusedAtStartNamingTheKey() {
    assertRefused("access.collections.nowhere", new AccessConfig(null, Map.of("nowhere", Map.of("public",
        Rule.of("read")))));
    assertRefused("access.collections.buildings.public.hiddenProperties: 'secret'", new AccessConfig(null,
        Map.of("buildings", Map.of("public", new Rule("read", List.of("secret"), null)))));
    assertRefused("access.collections.buildings.public.access must be none, read or write", new AccessConfig(null,
        Map.of("buildings", Map.of("public", Rule.of("admin")))));
    assertRefused("access.collections.buildings.public.rowFilter", new AccessConfig(null,
        Map.of("buildings", Map.of("public", new Rule("read", null, "nonsense = 1")))));
    assertRefused("access.collections.buildings.public.rowFilter", new AccessConfig(null,
        Map.of("buildings", Map.of("public", new Rule("read", null, "height >")))));
    assertRefused("access.default.public: hiddenProperties and rowFilter belong to one collection",
        new AccessConfig(Map.of("public", new Rule("read", List.of("owner"), null)), null));
  }

  private static void assertRefused(String expected, AccessConfig config) {
    ConfigException e = assertThrows(ConfigException.class, () -> AccessPolicy.of(config, CATALOG));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  private static List<String> ids(CatalogView view) {
    return view.catalog().collections().stream().map(Collection::id).toList();
  }

  private static List<String> names(Collection collection) {
    return collection.properties().stream().map(Property::name).toList();
  }

  private static Collection collection(String id) {
    return collection(id, FixedData.NONE, null);
  }

  private static Collection collection(String id, CurrentData data, FeatureSource source) {
    return new Collection(id, id, "", id, "id", JsonType.INTEGER, "geom", GeometryType.POLYGON, 25832, false,
        List.of(new Property("owner_type", JsonType.STRING), new Property("heat_demand", JsonType.NUMBER),
            new Property("owner", JsonType.STRING), new Property("height", JsonType.NUMBER)),
        null, data, source);
  }
}
