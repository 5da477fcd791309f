package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.heatplan.Disclosure.Group;
import io.urbis.heatplan.Disclosure.Status;
import io.urbis.heatplan.Disclosure.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisclosureTest {

  private static Unit unit(long id, int addresses, long... neighbours) {
    return new Unit(id, addresses, neighbours);
  }

  @Test
  void unitsWithEnoughOrNoAddressesStayAsTheyAre() {
    List<Group> groups = Disclosure.groups(List.of(unit(1, 5, 2), unit(2, 0, 1), unit(3, 7)), 5);
    assertEquals(List.of(new Group(1, List.of(1L), 5, Status.NONE), new Group(2, List.of(2L), 0, Status.NONE),
        new Group(3, List.of(3L), 7, Status.NONE)), groups);
  }

  @Test
  void theSmallestGroupMergesWithItsSmallestNeighbourWithAddresses() {
    // 3 (2 addresses) is the smallest; of its neighbours 2 (0), 4 (6) and 5 (4), the one with the fewest addresses
    // among those with any is 5, and 3+5 has 6; then 1 (3) merges with 4 (6), its only neighbour with addresses
    List<Group> groups = Disclosure.groups(List.of(
        unit(1, 3, 2, 4), unit(2, 0, 3), unit(3, 2, 4, 5), unit(4, 6), unit(5, 4)), 5);
    assertEquals(List.of(new Group(1, List.of(1L, 4L), 9, Status.MERGED), new Group(2, List.of(2L), 0, Status.NONE),
        new Group(3, List.of(3L, 5L), 6, Status.MERGED)), groups);
  }

  @Test
  void aGroupWithOnlyEmptyNeighboursTakesTheOneWithTheLowestIdAndIsWithheldWhenNoneIsLeft() {
    // 5 takes 7 (of 7 and 9, both without addresses), still has 2, takes 9, has no neighbour left: withheld
    assertEquals(List.of(new Group(5, List.of(5L, 7L, 9L), 2, Status.WITHHELD)),
        Disclosure.groups(List.of(unit(5, 2, 9, 7), unit(7, 0), unit(9, 0)), 5));
    assertEquals(List.of(new Group(5, List.of(5L, 7L), 6, Status.MERGED), new Group(9, List.of(9L), 0, Status.NONE)),
        Disclosure.groups(List.of(unit(5, 2, 9, 7), unit(7, 4), unit(9, 0)), 5));
  }

  @Test
  void tiesGoToTheLowestIds() {
    // 4 and 2 have 1 address each: 2 goes first and chooses between 3 and 1 (2 addresses each): 1
    List<Group> groups = Disclosure.groups(List.of(unit(1, 2, 2), unit(2, 1, 3), unit(3, 2, 4), unit(4, 1)), 3);
    assertEquals(List.of(new Group(1, List.of(1L, 2L), 3, Status.MERGED),
        new Group(3, List.of(3L, 4L), 3, Status.MERGED)), groups);
  }

  @Test
  void anIsolatedSmallGroupIsWithheld() {
    assertEquals(List.of(new Group(8, List.of(8L), 4, Status.WITHHELD)), Disclosure.groups(List.of(unit(8, 4)), 5));
  }

  @Test
  void badUnitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Disclosure.groups(List.of(unit(1, 1), unit(1, 2)), 5));
    assertThrows(IllegalArgumentException.class, () -> Disclosure.groups(List.of(unit(1, 1, 2)), 5));
  }
}
