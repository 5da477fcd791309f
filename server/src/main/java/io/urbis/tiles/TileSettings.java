package io.urbis.tiles;

/**
 * What the tile resources take from the configuration.
 *
 * @param cacheControl the {@code Cache-Control} header of tiles and tile metadata
 * @param properties the properties per collection and zoom
 */
public record TileSettings(String cacheControl, TileProperties properties) {

  public static final TileSettings DEFAULTS = new TileSettings("max-age=60", TileProperties.ALL);
}
