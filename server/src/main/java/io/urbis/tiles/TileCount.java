package io.urbis.tiles;

/** How many features of a collection have the centre of their bounding box in one tile of a tile matrix. */
public record TileCount(long row, long col, long count) {}
