package io.urbis.importer;

import java.util.List;

/**
 * One polygon of a city object as the file gives it, before any cleaning: rings as flat x,y,z arrays without the
 * closing point (CityJSON's form; GML readers drop the repeated last point).
 *
 * @param rings the exterior ring first, then the holes
 * @param ground whether the surface is semantically a GroundSurface, which the footprint is made of
 */
public record SourceSurface(List<double[]> rings, boolean ground) {}
