package io.urbis.importer;

import io.urbis.console.ProgressBar;
import io.urbis.source.postgis.DatabaseUrl;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code urbis import FILE --to URL [--table T] [--schema S] [--replace]}: the command line of the importer, its
 * usage text and exit statuses (0 imported, 1 the file or the table refused it, 2 a usage error, 3 no database).
 */
public final class ImportCommand {

  public static final String USAGE = """
      Usage: urbis import FILE [--to URL] [--table NAME] [--schema NAME] [--replace]

      Writes the buildings of a CityJSON (1.1, 2.0; .city.json), CityJSONSeq (.city.jsonl) or CityGML (1.0, 2.0,
      3.0; .gml, also gzipped) file into a PostGIS table, one row per building with its parts merged: id, lod,
      function, roof_type, measured_height, storeys, address columns, other attributes as jsonb, geom
      (MultiPolygonZ in the file's CRS) and geom_footprint (2D). `urbis serve` then publishes the table.

      Options:
        --to URL        postgresql://user@host:5432/database, the password in ~/.pgpass or PGPASSFILE
                        (default: DATABASE_URL, which may hold the password)
        --table NAME    table to write (default buildings)
        --schema NAME   schema of the table (default public; created when missing)
        --replace       replace the table in one transaction; without it, rows are appended and ids
                        already in the table are skipped and named
        --help          this text

      Exit status: 0 imported (skipped buildings are listed with reasons), 1 the file or table could not be
      imported (nothing was changed), 2 wrong arguments, 3 database unreachable.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;
  private final boolean terminal;

  /** The command on the process's streams; the progress bar is drawn only when stderr is a terminal. */
  public ImportCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    this(out, err, environment, ProgressBar.stderrIsTerminal());
  }

  ImportCommand(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.terminal = terminal;
  }

  /** Runs {@code args} (starting with "import") and returns the exit status. */
  public int run(String[] args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, environment);
    } catch (IllegalArgumentException e) {
      err.println("urbis import: " + e.getMessage());
      return 2;
    }
    if (arguments == null) {
      out.print(USAGE);
      return 0;
    }
    try {
      new Importer(err, terminal).run(new SourceFile(arguments.file()), arguments.database(), arguments.target());
      return 0;
    } catch (DatabaseUnavailableException e) {
      err.println("urbis import: " + e.getMessage());
      return 3;
    } catch (ImportException e) {
      err.println("urbis import: " + e.getMessage() + " (nothing was written)");
      return 1;
    }
  }

  /** The parsed arguments; {@link #parse} returns null for {@code --help}. */
  record Arguments(Path file, DatabaseUrl database, ImportTarget target) {

    static Arguments parse(String[] args, Map<String, String> environment) {
      String file = null;
      String to = null;
      String table = "buildings";
      String schema = "public";
      boolean replace = false;
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--help", "-h" -> {
            return null;
          }
          case "--to" -> to = value(args, ++i, "--to");
          case "--table" -> table = value(args, ++i, "--table");
          case "--schema" -> schema = value(args, ++i, "--schema");
          case "--replace" -> replace = true;
          default -> {
            if (args[i].startsWith("--") || file != null) {
              throw new IllegalArgumentException("unexpected argument " + args[i] + "; see urbis import --help");
            }
            file = args[i];
          }
        }
      }
      if (file == null) {
        throw new IllegalArgumentException("which file? urbis import FILE --to postgresql://...; see --help");
      }
      String url = to != null ? to : environment.get("DATABASE_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("no database: give --to postgresql://user:pw@host:5432/db or set "
            + "DATABASE_URL");
      }
      if (!DatabaseUrl.looksLikeOne(url)) {
        throw new IllegalArgumentException("--to needs a postgresql:// URL, got '" + DatabaseUrl.redacted(url) + "'");
      }
      return new Arguments(Path.of(file), DatabaseUrl.parse(url), new ImportTarget(schema, table, replace));
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; see urbis import --help");
      }
      return args[index];
    }
  }
}
