package io.urbis.heatplan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Data protection (WPG § 10, Anlage 1): merges aggregates that cover too few addresses with neighbours, the same for
 * every source. Units with no address identify nobody and stay as they are. While some group has 1 to minimum - 1
 * addresses, the one with the fewest (ties: lowest id) merges with its adjacent group with the fewest addresses among
 * those with any (ties: lowest id), else with its adjacent group of none with the lowest id; a group with too few
 * addresses and no neighbour left is withheld. A group's id is its smallest unit id, so the result depends only on
 * the units, not on their order. Adjacency is symmetric: a unit naming another makes both neighbours.
 */
public final class Disclosure {

  /** One block or section: its id, how many addresses it covers and the ids of the units adjacent to it. */
  public record Unit(long id, int addresses, long[] neighbours) {}

  /** NONE: published as it is; MERGED: several units published together; WITHHELD: geometry only, values null. */
  public enum Status { NONE, MERGED, WITHHELD }

  /** A published aggregate: its id (the smallest unit id), its units in ascending order, their addresses. */
  public record Group(long id, List<Long> unitIds, int addresses, Status status) {}

  private static final Comparator<Merging> FEWEST_ADDRESSES_FIRST =
      Comparator.comparingInt((Merging g) -> g.addresses).thenComparingLong(g -> g.id);

  /** A group while merging: the neighbours are group ids, kept symmetric. */
  private static final class Merging {
    final long id;
    final TreeSet<Long> unitIds = new TreeSet<>();
    final Set<Long> neighbours = new HashSet<>();
    int addresses;
    boolean withheld;

    Merging(long id) {
      this.id = id;
    }
  }

  private Disclosure() {}

  /**
   * The groups that cover the units, in ascending id order.
   *
   * @throws IllegalArgumentException if two units have the same id or a unit names a neighbour that is not a unit
   */
  public static List<Group> groups(List<Unit> units, int minimumAddresses) {
    Map<Long, Merging> groups = initialGroups(units);
    TreeSet<Merging> tooSmall = new TreeSet<>(FEWEST_ADDRESSES_FIRST);
    groups.values().stream().filter(g -> tooSmall(g, minimumAddresses)).forEach(tooSmall::add);
    while (!tooSmall.isEmpty()) {
      Merging smallest = tooSmall.pollFirst();
      if (smallest.neighbours.isEmpty()) {
        smallest.withheld = true;
        continue;
      }
      Merging partner = partnerOf(smallest, groups);
      tooSmall.remove(partner);
      Merging merged = merge(smallest, partner, groups);
      if (tooSmall(merged, minimumAddresses)) {
        tooSmall.add(merged);
      }
    }
    return groups.values().stream().sorted(Comparator.comparingLong(g -> g.id))
        .map(g -> new Group(g.id, List.copyOf(g.unitIds), g.addresses, g.withheld ? Status.WITHHELD
            : g.unitIds.size() > 1 ? Status.MERGED : Status.NONE))
        .toList();
  }

  private static Map<Long, Merging> initialGroups(List<Unit> units) {
    Map<Long, Merging> groups = new HashMap<>();
    for (Unit unit : units) {
      Merging group = new Merging(unit.id());
      group.unitIds.add(unit.id());
      group.addresses = unit.addresses();
      if (groups.put(unit.id(), group) != null) {
        throw new IllegalArgumentException("two units have the id " + unit.id());
      }
    }
    for (Unit unit : units) {
      for (long neighbour : unit.neighbours()) {
        Merging other = groups.get(neighbour);
        if (other == null) {
          throw new IllegalArgumentException("unit " + unit.id() + " names neighbour " + neighbour
              + ", which is not a unit");
        }
        if (neighbour != unit.id()) {
          groups.get(unit.id()).neighbours.add(neighbour);
          other.neighbours.add(unit.id());
        }
      }
    }
    return groups;
  }

  private static boolean tooSmall(Merging group, int minimumAddresses) {
    return group.addresses > 0 && group.addresses < minimumAddresses;
  }

  /** The adjacent group with the fewest addresses among those with any, else the adjacent one of none; ties: id. */
  private static Merging partnerOf(Merging group, Map<Long, Merging> groups) {
    List<Merging> neighbours = new ArrayList<>();
    group.neighbours.forEach(id -> neighbours.add(groups.get(id)));
    return neighbours.stream().filter(n -> n.addresses > 0).min(FEWEST_ADDRESSES_FIRST)
        .orElseGet(() -> neighbours.stream().min(Comparator.comparingLong(n -> n.id)).orElseThrow());
  }

  private static Merging merge(Merging a, Merging b, Map<Long, Merging> groups) {
    Merging merged = new Merging(Math.min(a.id, b.id));
    for (Merging part : List.of(a, b)) {
      merged.unitIds.addAll(part.unitIds);
      merged.addresses += part.addresses;
      merged.neighbours.addAll(part.neighbours);
      groups.remove(part.id);
    }
    merged.neighbours.remove(a.id);
    merged.neighbours.remove(b.id);
    for (long id : merged.neighbours) {
      Set<Long> theirs = groups.get(id).neighbours;
      theirs.remove(a.id);
      theirs.remove(b.id);
      theirs.add(merged.id);
    }
    groups.put(merged.id, merged);
    return merged;
  }
}
