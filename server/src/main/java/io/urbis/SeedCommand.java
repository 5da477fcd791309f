package io.urbis;

import io.urbis.api.VectorTiles;
import io.urbis.config.CommandLine;
import io.urbis.config.ConfigException;
import io.urbis.config.UrbisConfig;
import io.urbis.console.ProgressBar;
import io.urbis.seed.SeedSummary;
import io.urbis.seed.TileSeeder;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileMatrixSets;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code urbis seed [SOURCE...] [--config FILE] [--tms ID] [--zoom Z|FROM-TO] [--3d]}: builds tiles into the
 * configured cache directory ahead of the first request. Exit statuses: 0 seeded, 1 some tiles could not be built,
 * 2 a usage error, 3 a source could not be opened.
 */
final class SeedCommand {

  static final String USAGE = """
      Usage: urbis seed [SOURCE...] [--config FILE] [--tms ID] [--zoom Z|FROM-TO] [--3d]

      Builds tiles ahead of time into the directory named by tiles.cacheDirectory in the configuration;
      `urbis serve` with the same configuration then serves them from there. Sources as for `urbis serve`.

      Options:
        --zoom Z|FROM-TO  vector tiles of every collection on these zoom levels (tile matrices), e.g. 12-16,
                          within each tile set's limits
        --tms ID          their tile matrix set (default WebMercatorQuad)
        --3d              every 3D tileset, subtree and tile of the collections with 3D tiles
        --config FILE     YAML configuration; it must set tiles.cacheDirectory
        --help            this text

      Exit status: 0 seeded, 1 some tiles could not be built (the others are seeded), 2 wrong arguments,
      3 a source could not be opened.
      """;

  private static final Logger LOG = LoggerFactory.getLogger(SeedCommand.class);

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  SeedCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /** Runs {@code args} (starting with "seed") and returns the exit status. */
  int run(String[] args) {
    Arguments arguments;
    UrbisConfig config;
    try {
      arguments = Arguments.parse(args);
      if (arguments.serve().help()) {
        out.print(USAGE);
        return 0;
      }
      config = arguments.serve().resolve(environment);
      if (config.tiles().cacheDirectory() == null) {
        throw new ConfigException("tiles.cacheDirectory is not set: name the directory to seed in the"
            + " configuration file (--config)");
      }
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("urbis seed: " + e.getMessage());
      return 2;
    }
    Publication publication = null;
    try {
      publication = Publication.open(config);
      TileSeeder seeder = new TileSeeder(new ProgressBar(err, ProgressBar.stderrIsTerminal(), "urbis seed",
          "tiles"), Runtime.getRuntime().availableProcessors());
      seeder.planVectorTiles(new VectorTiles(publication.tiles()), publication.catalog().collections(),
          arguments.tileMatrixSet(), arguments.zooms());
      if (arguments.with3d()) {
        seeder.plan3dTiles(publication.tiles3d(), publication.catalog().collections());
      }
      SeedSummary summary = seeder.run();
      out.println("urbis seed: " + summary.line() + " in " + config.tiles().cacheDirectory());
      return summary.failed() == 0 ? 0 : 1;
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("urbis seed: " + e.getMessage());
      return 2;
    } catch (SourceOpeningException e) {
      err.println("urbis seed: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      err.println("urbis seed: " + e.getMessage());
      LOG.debug("seeding failed", e);
      return 1;
    } finally {
      if (publication != null) {
        publication.close();
      }
    }
  }

  /** The seed options; the rest (sources, --config) as {@code urbis serve} reads them. */
  record Arguments(CommandLine serve, TileMatrixSet tileMatrixSet, List<TileMatrix> zooms, boolean with3d) {

    static Arguments parse(String[] args) {
      List<String> rest = new ArrayList<>(List.of("seed"));
      String tms = TileMatrixSets.WEB_MERCATOR_QUAD.id();
      String zoom = null;
      boolean with3d = false;
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--tms" -> tms = CommandLine.value(args, ++i, "--tms");
          case "--zoom" -> zoom = CommandLine.value(args, ++i, "--zoom");
          case "--3d" -> with3d = true;
          case "--port", "--host" -> throw new ConfigException(args[i] + " is an option of urbis serve; see"
              + " urbis seed --help");
          default -> rest.add(args[i]);
        }
      }
      CommandLine serve = CommandLine.parse(rest.toArray(String[]::new));
      String setId = tms;
      TileMatrixSet set = TileMatrixSets.find(setId).orElseThrow(() -> new ConfigException("--tms: there is no"
          + " tile matrix set '" + setId + "'"));
      List<TileMatrix> zooms = zoom == null ? List.of() : zooms(set, zoom);
      if (!serve.help() && zooms.isEmpty() && !with3d) {
        throw new ConfigException("nothing to seed: give --zoom (vector tiles) and/or --3d; see urbis seed --help");
      }
      return new Arguments(serve, set, zooms, with3d);
    }

    /** {@code 14} or {@code 12-16}: tile matrices the set has, or a usage error naming the ones it has. */
    private static List<TileMatrix> zooms(TileMatrixSet set, String text) {
      String[] bounds = text.split("-", 2);
      int from = zoomNumber(bounds[0], text);
      int to = bounds.length == 1 ? from : zoomNumber(bounds[1], text);
      if (from > to) {
        throw new ConfigException("--zoom " + text + ": the first zoom level is above the last");
      }
      List<TileMatrix> matrices = new ArrayList<>();
      for (int z = from; z <= to; z++) {
        int level = z;
        matrices.add(set.tileMatrix(Integer.toString(z)).orElseThrow(() -> new ConfigException("--zoom " + text
            + ": " + set.id() + " has no tile matrix " + level + "; it has " + set.tileMatrices().get(0).id()
            + " to " + set.tileMatrices().get(set.tileMatrices().size() - 1).id())));
      }
      return matrices;
    }

    private static int zoomNumber(String text, String option) {
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException("--zoom needs a zoom level or a range such as 12-16, got '" + option + "'");
      }
    }
  }
}
