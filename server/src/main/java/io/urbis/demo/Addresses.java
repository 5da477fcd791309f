package io.urbis.demo;

import io.urbis.demo.StreetGrid.Street;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Gives every building the address of the street it faces (the nearest street segment), numbered as German towns
 * number their houses: along the street, odd numbers on its left, even on its right. Like real side wings and rear
 * buildings, some buildings share the address of their neighbour.
 */
final class Addresses {

  static final List<DemoLayer.Column> COLUMNS = List.of(
      new DemoLayer.Column("street", "TEXT"),
      new DemoLayer.Column("house_number", "TEXT"));

  private static final double SHARED_ADDRESS_SHARE = 0.08;

  /** The address of one building. */
  record Address(String street, String houseNumber) {

    /** The values in column order. */
    List<Object> values() {
      return List.of(street, houseNumber);
    }
  }

  /** Where a building stands along its street: how far from the street's start, and on which side. */
  private record Frontage(int building, double position, boolean left) {}

  private Addresses() {}

  /** The addresses of {@code footprints}, in their order. */
  static List<Address> of(List<Polygon> footprints, List<Street> streets, Random random) {
    STRtree index = new STRtree();
    Map<Street, Double> startOffsets = new LinkedHashMap<>();
    Map<String, Double> lengths = new LinkedHashMap<>();
    for (Street street : streets) {
      index.insert(street.line().getEnvelopeInternal(), street);
      double offset = lengths.getOrDefault(street.name(), 0.0);
      startOffsets.put(street, offset);
      lengths.put(street.name(), offset + street.line().getLength());
    }
    Map<String, List<Frontage>> byStreet = new LinkedHashMap<>();
    for (int i = 0; i < footprints.size(); i++) {
      Polygon footprint = footprints.get(i);
      Street street = (Street) index.nearestNeighbour(footprint.getEnvelopeInternal(), footprint,
          (a, b) -> geometryOf(a.getItem()).distance(geometryOf(b.getItem())));
      Coordinate[] ends = street.line().getCoordinates();
      Coordinate centre = footprint.getCentroid().getCoordinate();
      LineSegment segment = new LineSegment(ends[0], ends[ends.length - 1]);
      double position = startOffsets.get(street) + segment.projectionFactor(centre) * segment.getLength();
      boolean left = Orientation.index(segment.p0, segment.p1, centre) == Orientation.LEFT;
      byStreet.computeIfAbsent(street.name(), name -> new ArrayList<>()).add(new Frontage(i, position, left));
    }
    Address[] addresses = new Address[footprints.size()];
    for (Map.Entry<String, List<Frontage>> street : byStreet.entrySet()) {
      for (boolean left : new boolean[] {true, false}) {
        List<Frontage> side = street.getValue().stream().filter(frontage -> frontage.left() == left)
            .sorted(Comparator.comparingDouble(Frontage::position)).toList();
        int number = left ? -1 : 0;
        for (int i = 0; i < side.size(); i++) {
          if (i == 0 || random.nextDouble() >= SHARED_ADDRESS_SHARE) {
            number += 2;
          }
          addresses[side.get(i).building()] = new Address(street.getKey(), Integer.toString(number));
        }
      }
    }
    return List.of(addresses);
  }

  private static Geometry geometryOf(Object item) {
    return item instanceof Street street ? street.line() : (Geometry) item;
  }
}
