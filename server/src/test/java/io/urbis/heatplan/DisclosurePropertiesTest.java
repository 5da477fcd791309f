package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.heatplan.Disclosure.Group;
import io.urbis.heatplan.Disclosure.Status;
import io.urbis.heatplan.Disclosure.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The data-protection rule's guarantees, over random adjacency graphs of units. */
class DisclosurePropertiesTest {

  /** Units with ids drawn from a sparse range, 0 to 9 addresses and random (possibly one-sided) neighbours. */
  @Provide
  Arbitrary<List<Unit>> units() {
    return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.longs())
        .as(DisclosurePropertiesTest::randomUnits);
  }

  private static List<Unit> randomUnits(int count, long seed) {
    Random random = new Random(seed);
    List<Long> ids = new ArrayList<>();
    Set<Long> taken = new HashSet<>();
    while (ids.size() < count) {
      long id = 1 + random.nextInt(1000);
      if (taken.add(id)) {
        ids.add(id);
      }
    }
    double density = random.nextDouble() * 4 / count;
    List<Unit> units = new ArrayList<>();
    for (long id : ids) {
      long[] neighbours = ids.stream().filter(other -> other != id && random.nextDouble() < density)
          .mapToLong(Long::longValue).toArray();
      units.add(new Unit(id, random.nextInt(3) == 0 ? 0 : random.nextInt(10), neighbours));
    }
    return units;
  }

  @Property
  void everyGroupWithAddressesReachesTheMinimumOrIsWithheld(@ForAll("units") List<Unit> units,
      @ForAll @IntRange(min = 1, max = 12) int minimum) {
    for (Group group : Disclosure.groups(units, minimum)) {
      assertTrue(group.addresses() == 0 || group.addresses() >= minimum || group.status() == Status.WITHHELD,
          group.toString());
    }
  }

  @Property
  void groupsPartitionTheUnitsAndSumTheirAddresses(@ForAll("units") List<Unit> units,
      @ForAll @IntRange(min = 1, max = 12) int minimum) {
    Map<Long, Unit> byId = byId(units);
    Set<Long> covered = new HashSet<>();
    for (Group group : Disclosure.groups(units, minimum)) {
      assertEquals(group.unitIds().get(0), group.id(), "a group's id is its smallest unit id");
      assertEquals(group.unitIds().stream().sorted().toList(), group.unitIds());
      assertEquals(group.unitIds().stream().mapToInt(id -> byId.get(id).addresses()).sum(), group.addresses());
      for (long id : group.unitIds()) {
        assertTrue(covered.add(id), "unit " + id + " is in two groups");
      }
      assertEquals(group.unitIds().size() > 1 && group.status() != Status.WITHHELD, group.status() == Status.MERGED);
    }
    assertEquals(byId.keySet(), covered);
  }

  @Property
  void groupsAreConnectedAndWithheldOnesAreWholeComponents(@ForAll("units") List<Unit> units,
      @ForAll @IntRange(min = 1, max = 12) int minimum) {
    Map<Long, Set<Long>> adjacency = symmetricAdjacency(units);
    for (Group group : Disclosure.groups(units, minimum)) {
      Set<Long> members = new HashSet<>(group.unitIds());
      assertEquals(members, reachable(group.id(), adjacency, members), "group " + group.id() + " is connected");
      if (group.status() == Status.WITHHELD) {
        assertEquals(members, reachable(group.id(), adjacency, adjacency.keySet()),
            "withheld group " + group.id() + " has no neighbour outside it");
      }
    }
  }

  @Property
  void theResultDoesNotDependOnTheOrderOfUnitsOrNeighbours(@ForAll("units") List<Unit> units,
      @ForAll @IntRange(min = 1, max = 12) int minimum, @ForAll long seed) {
    Random random = new Random(seed);
    List<Unit> shuffled = new ArrayList<>();
    for (Unit unit : units) {
      List<Long> neighbours = new ArrayList<>();
      for (long n : unit.neighbours()) {
        neighbours.add(n);
      }
      Collections.shuffle(neighbours, random);
      shuffled.add(new Unit(unit.id(), unit.addresses(), neighbours.stream().mapToLong(Long::longValue).toArray()));
    }
    Collections.shuffle(shuffled, random);
    assertEquals(Disclosure.groups(units, minimum), Disclosure.groups(shuffled, minimum));
  }

  private static Map<Long, Unit> byId(List<Unit> units) {
    Map<Long, Unit> byId = new HashMap<>();
    units.forEach(u -> byId.put(u.id(), u));
    return byId;
  }

  private static Map<Long, Set<Long>> symmetricAdjacency(List<Unit> units) {
    Map<Long, Set<Long>> adjacency = new HashMap<>();
    units.forEach(u -> adjacency.put(u.id(), new HashSet<>()));
    for (Unit unit : units) {
      for (long n : unit.neighbours()) {
        adjacency.get(unit.id()).add(n);
        adjacency.get(n).add(unit.id());
      }
    }
    return adjacency;
  }

  /** The units reachable from start through units of within. */
  private static Set<Long> reachable(long start, Map<Long, Set<Long>> adjacency, Set<Long> within) {
    Set<Long> seen = new HashSet<>(List.of(start));
    Deque<Long> queue = new ArrayDeque<>(seen);
    while (!queue.isEmpty()) {
      for (long next : adjacency.get(queue.pop())) {
        if (within.contains(next) && seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }
}
