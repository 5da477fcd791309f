package io.urbis.importer;

import java.util.List;

/**
 * One row of the building table, ready to copy: geometries as hex EWKB, which PostGIS reads as geometry input.
 *
 * @param wellKnown the typed values in {@link WellKnownAttribute} order, null where absent
 * @param attributesJson the remaining attributes as a JSON object text, or null when none remain
 * @param geometryHex the MultiPolygonZ of all surfaces at {@code lod}, with SRID
 * @param footprintHex the 2D MultiPolygon footprint with SRID, or null when no footprint could be derived
 * @param polygons how many polygons {@code geometryHex} holds
 */
public record BuildingRow(String id, String lod, List<Object> wellKnown, String attributesJson, String geometryHex,
    String footprintHex, int polygons) {}
