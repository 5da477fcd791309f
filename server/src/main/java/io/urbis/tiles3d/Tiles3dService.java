package io.urbis.tiles3d;

import io.urbis.cache.TileBytes;
import io.urbis.cache.TileCache;
import io.urbis.catalog.Collection;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.Property;
import io.urbis.error.NotFoundException;
import io.urbis.source.Extrusion;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 3D Tiles for the collections that have 3D models: 3D surfaces, or 2D footprints with a configured height. Builds
 * the tile index once per collection, audience and data version, and each tile on first request; both are kept in
 * memory until the data changes. Seeding builds many tiles at once into the cache directory.
 *
 * <p>Each collection comes as its caller's audience sees it ({@link Collection#visibility()}): its row filter decides
 * which models the source reads (and so the index, the tileset, subtrees and tiles), its hidden properties are in no
 * property table or schema. Everything kept is kept per audience, so that no audience is served what was built for
 * another.
 */
public final class Tiles3dService {

  private static final Logger LOG = LoggerFactory.getLogger(Tiles3dService.class);
  /**
   * Features whose models seeding reads with one query: enough that the query's round trip and planning vanish
   * (one per tile of about 15 buildings took half the time), few enough that the threads each hold a small part of
   * a large city, and that Wesel's 6,631 buildings spread evenly over the cores.
   */
  private static final int FEATURES_PER_READ = 500;
  /**
   * Raised whenever what a tile holds changes for the same data and settings: its writer, triangulation, its property
   * table (5: footprint areas of extruded footprints) or which features it holds (6: {@link BuildingLevels}).
   */
  private static final int CONTENT_FORMAT = 6;
  /**
   * Raised whenever the tileset or subtrees change for the same data, so that a cache directory seeded before never
   * serves them beside tiles of another tiling: 2 is the loose quadtree with its regions in the subtrees.
   */
  private static final int TILING_FORMAT = 2;
  private static final String TILESET = "tileset-" + TILING_FORMAT;
  private static final String SUBTREE = "subtree-" + TILING_FORMAT;
  private static final Set<GeometryType> SURFACES = EnumSet.of(GeometryType.POLYGON, GeometryType.MULTIPOLYGON,
      GeometryType.POLYHEDRALSURFACE, GeometryType.TIN, GeometryType.TRIANGLE, GeometryType.GEOMETRYCOLLECTION,
      GeometryType.GEOMETRY);

  private final Tiles3dSettings settings;
  private final TileCache cache;
  private final Map<Audience, IndexedVersion> indexes = new ConcurrentHashMap<>();
  private final Map<Audience, TileSchema> schemas = new ConcurrentHashMap<>();

  private record IndexedVersion(String version, TileIndex index) {}

  /** A collection as one audience sees it; the collection id and its visibility, empty for the whole collection. */
  private record Audience(String collectionId, String visibility) {

    static Audience of(Collection collection) {
      return new Audience(collection.id(), collection.visibility());
    }
  }

  public Tiles3dService(Tiles3dSettings settings) {
    this.settings = settings;
    this.cache = new TileCache(settings.cacheBytes(), settings.cacheDirectory());
  }

  /**
   * Whether the collection has 3D tiles: its source reads models, and it is 3D or configured for extrusion by
   * columns its audience sees (a block raised by a hidden height would show it).
   */
  public boolean offers(Collection collection) {
    return collection.source().models().isPresent() && SURFACES.contains(collection.geometryType())
        && (collection.is3d() || isExtrudedByVisibleColumns(collection));
  }

  private boolean isExtrudedByVisibleColumns(Collection collection) {
    Extrusion extrusion = settings.extrusions().get(collection.id());
    return extrusion != null && collection.property(extrusion.heightColumn()).isPresent()
        && (extrusion.baseColumn() == null || collection.property(extrusion.baseColumn()).isPresent());
  }

  /** The tile index, built when the data changed since the last one. */
  public TileIndex index(Collection collection) {
    return indexed(collection).index();
  }

  public TileBytes tileset(Collection collection) {
    IndexedVersion indexed = indexed(collection);
    return cache.get(key(collection, indexed.version(), TILESET, TileId.ROOT),
        () -> TilesetWriter.write(indexed.index().scheme()));
  }

  public TileBytes subtree(Collection collection, TileId root) {
    IndexedVersion indexed = indexed(collection);
    if (!indexed.index().hasSubtree(root)) {
      throw new NotFoundException("There is no subtree " + path(root) + " in the 3D tiles of " + collection.id());
    }
    return cache.get(key(collection, indexed.version(), SUBTREE, root),
        () -> SubtreeWriter.write(indexed.index(), root));
  }

  public TileBytes content(Collection collection, TileId tile) {
    IndexedVersion indexed = indexed(collection);
    if (!indexed.index().hasContent(tile)) {
      throw new NotFoundException("There is no tile " + path(tile) + " with content in the 3D tiles of "
          + collection.id());
    }
    return cache.get(key(collection, indexed.version(), contentKind(collection), tile),
        () -> build(collection, indexed.index(), tile));
  }

  /**
   * The metadata schema the property tables of the collection's tiles refer to (EXT_structural_metadata), as
   * {@code schema.json} serves it to every audience.
   */
  public TileBytes schema(Collection collection) {
    return tileSchema(collection).document();
  }

  /**
   * The metadata schema at {@code file} beside the tileset, where the collection's tiles find it when its audience
   * sees less than the whole collection; any other file is a 404.
   */
  public TileBytes schema(Collection collection, String file) {
    TileSchema schema = tileSchema(collection);
    if (!schema.file().equals(file)) {
      throw new NotFoundException("There is no " + file + " in the 3D tiles of " + collection.id());
    }
    return schema.document();
  }

  /** The tiles with content in batches to seed, each read with one query. */
  public List<List<TileId>> contentBatches(Collection collection) {
    return index(collection).contentBatches(FEATURES_PER_READ);
  }

  /**
   * Builds those of the tiles (with content) that the cache directory lacks, reading their models with one query,
   * and stores them there only. For seeding, which would gain nothing from keeping them in memory too. Returns the
   * bytes of all the tiles, stored before or now.
   */
  public long seedContents(Collection collection, List<TileId> tiles) {
    IndexedVersion indexed = indexed(collection);
    long bytes = 0;
    List<TileId> missing = new ArrayList<>();
    for (TileId tile : tiles) {
      long stored = cache.storedSize(key(collection, indexed.version(), contentKind(collection), tile));
      if (stored >= 0) {
        bytes += stored;
      } else {
        missing.add(tile);
      }
    }
    if (missing.isEmpty()) {
      return bytes;
    }
    TileContents contents = contents(collection, indexed.index());
    Map<String, ModelRow> rows = contents.read(missing);
    for (TileId tile : missing) {
      byte[] glb = contents.build(tile, rows);
      cache.store(key(collection, indexed.version(), contentKind(collection), tile), glb);
      bytes += glb.length;
    }
    return bytes;
  }

  private TileSchema tileSchema(Collection collection) {
    models(collection);
    return schemas.computeIfAbsent(Audience.of(collection), audience -> TileSchema.of(collection, settings));
  }

  /**
   * One index build per collection and audience at a time; requests for others go on meanwhile. The index holds the
   * models the source reads for the audience, within its row filter.
   */
  private IndexedVersion indexed(Collection collection) {
    ModelSource models = models(collection);
    String version = collection.data().version();
    return indexes.compute(Audience.of(collection), (audience, indexed) -> indexed != null
        && indexed.version().equals(version) ? indexed : new IndexedVersion(version, buildIndex(collection, models)));
  }

  private TileIndex buildIndex(Collection collection, ModelSource models) {
    long start = System.nanoTime();
    TileIndex index = BuildingLevels.index(models.bounds(collection, settings.extrusion(collection)),
        settings.geoidOffset());
    LOG.info("3D tiles of {}{}: {} tiles with content on {} levels, indexed in {} ms", collection.id(),
        collection.isWhole() ? "" : " (visibility " + collection.visibility() + ")", index.contentTiles().size(),
        index.scheme().availableLevels(), (System.nanoTime() - start) / 1_000_000);
    return index;
  }

  private byte[] build(Collection collection, TileIndex index, TileId tile) {
    TileContents contents = contents(collection, index);
    return contents.build(tile, contents.read(List.of(tile)));
  }

  /**
   * The key part that names how a tile's content is written: the disk cache outlives the process, and a tile
   * written with other settings (or by an older writer) must not be served for the current ones.
   */
  private String contentKind(Collection collection) {
    return "content-" + CONTENT_FORMAT + "-" + settings.encoding().normals() + "-" + settings.encoding().compressed()
        + "-" + settings.tileProperties(collection).stream().map(Property::name).collect(Collectors.joining(","));
  }

  private TileContents contents(Collection collection, TileIndex index) {
    return new TileContents(collection, index, models(collection), settings.extrusion(collection), settings,
        TilesetWriter.schemaFromContent(tileSchema(collection).file()));
  }

  /**
   * The cache key of a tileset, subtree or tile of the collection at a data version, as its audience sees it. A whole
   * collection's key is what it was before access rules, so that tiles seeded then are still found. A narrowed one's
   * ends in its visibility where a whole one's ends in a tile path, so that no audience reads a tile built for
   * another, in memory or on disk.
   */
  static String key(Collection collection, String version, String kind, TileId tile) {
    String key = collection.id() + "|" + version + "|" + kind + "|" + path(tile);
    return collection.isWhole() ? key : key + "|" + collection.visibility();
  }

  private ModelSource models(Collection collection) {
    Optional<ModelSource> models = collection.source().models();
    if (!offers(collection) || models.isEmpty()) {
      throw new NotFoundException("Collection '" + collection.id() + "' has no 3D tiles: it needs 3D surfaces,"
          + " or a height column configured under tiles3d.extrude." + collection.id());
    }
    return models.get();
  }

  private static String path(TileId tile) {
    return tile.level() + "/" + tile.x() + "/" + tile.y();
  }
}
