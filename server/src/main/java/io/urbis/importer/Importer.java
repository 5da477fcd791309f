package io.urbis.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.console.ProgressBar;
import io.urbis.source.postgis.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One import: picks the reader for the file, converts each building to a row, writes the rows, reports. Either
 * the whole file lands (then the summary says what was skipped and why) or nothing does.
 */
public final class Importer {

  private final PrintStream err;
  private final boolean terminal;

  public Importer(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  public ImportSummary run(SourceFile file, DatabaseUrl database, ImportTarget target) throws ImportException {
    BuildingReader reader = readerFor(file);
    ImportSummary summary = new ImportSummary();
    ProgressBar progress = new ProgressBar(err, terminal, "urbis import", "buildings");
    try (BuildingTableWriter writer = BuildingTableWriter.open(database, target)) {
      Rows rows = new Rows(file, reader, writer, summary, progress);
      reader.read(file, rows);
      if (rows.crs == null) {
        throw new ImportException(file.path() + ": no CRS found (no srsName on the model or its geometries)");
      }
      BuildingTableWriter.Outcome outcome = writer.commit(comment(file, reader, rows.crs));
      outcome.alreadyInTable().forEach(id -> report(progress, summary.skipped(id, SkipReason.ALREADY_IN_TABLE)));
      summary.written(outcome.written());
      progress.clear();
      err.println("urbis import: " + file.path().getFileName() + " (" + format(reader) + ", " + rows.crs.label()
          + ") -> " + target.label() + (target.replace() ? " (replaced)" : ""));
      summary.print(err, progress.seconds());
      return summary;
    } finally {
      progress.clear();
    }
  }

  /** The file's format by its name, else by its first character. */
  static BuildingReader readerFor(SourceFile file) throws ImportException {
    String name = file.formatName();
    if (name.endsWith(".jsonl")) {
      return new CityJsonSeqReader();
    }
    if (name.endsWith(".json")) {
      return new CityJsonReader();
    }
    if (name.endsWith(".gml") || name.endsWith(".xml")) {
      return new CityGmlReader();
    }
    try (InputStream in = file.open()) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
      if (c == '{') {
        return new CityJsonReader();
      }
      if (c == '<') {
        return new CityGmlReader();
      }
    } catch (IOException e) {
      throw new ImportException(file.path() + ": cannot read: " + e.getMessage(), e);
    }
    throw new ImportException(file.path() + ": neither CityJSON nor CityGML (name it .city.json, .city.jsonl or .gml)");
  }

  private static String format(BuildingReader reader) {
    return reader instanceof CityGmlReader ? "CityGML" : reader instanceof CityJsonSeqReader ? "CityJSONSeq"
        : "CityJSON";
  }

  /** Machine-readable provenance on the table; the 3D tiles need the vertical CRS the SRID cannot carry. */
  private static String comment(SourceFile file, BuildingReader reader, SourceCrs crs) {
    ObjectNode comment = JsonNodeFactory.instance.objectNode()
        .put("importedBy", "urbis import")
        .put("source", file.path().getFileName().toString())
        .put("format", format(reader))
        .put("crs", "EPSG:" + crs.srid())
        .put("importedAt", Instant.now().toString());
    if (crs.verticalEpsg() != null) {
      comment.put("verticalCrs", "EPSG:" + crs.verticalEpsg());
    }
    return comment.toString();
  }

  private static void report(ProgressBar progress, String line) {
    if (line != null) {
      progress.println("urbis import: " + line);
    }
  }

  /** The reader's side of the import: each building becomes a row or a reported skip. */
  private static final class Rows implements BuildingHandler {
    private final SourceFile file;
    private final BuildingReader reader;
    private final BuildingTableWriter writer;
    private final ImportSummary summary;
    private final ProgressBar progress;
    private final Set<String> ids = new HashSet<>();
    private SourceCrs crs;
    private BuildingRows converter;

    Rows(SourceFile file, BuildingReader reader, BuildingTableWriter writer, ImportSummary summary,
        ProgressBar progress) {
      this.file = file;
      this.reader = reader;
      this.writer = writer;
      this.summary = summary;
      this.progress = progress;
    }

    @Override
    public void crs(SourceCrs fileCrs) throws ImportException {
      crs = fileCrs;
      converter = new BuildingRows(fileCrs.srid());
      writer.begin(fileCrs);
    }

    @Override
    public void building(SourceBuilding building) throws ImportException {
      summary.objectRead("Building");
      building.parts().forEach(part -> summary.objectRead("BuildingPart"));
      summary.buildingRead();
      if (!ids.add(building.id())) {
        skip(building.id(), SkipReason.DUPLICATE_IN_FILE);
        return;
      }
      BuildingRows.Conversion conversion = converter.convert(building);
      if (!conversion.issues().isEmpty()) {
        report(progress, summary.polygonIssues(building.id(), conversion.issues()));
      }
      if (conversion.row() == null) {
        skip(building.id(), conversion.skipped());
        return;
      }
      writer.write(conversion.row());
      summary.polygonsWritten(conversion.row().polygons());
      progress.update(file.bytesRead() / ((double) file.size() * reader.passes()), summary.buildingsRead());
    }

    @Override
    public void skipped(String id, String type, SkipReason reason) {
      summary.objectRead(type);
      summary.buildingRead();
      skip(id, reason);
    }

    private void skip(String id, SkipReason reason) {
      report(progress, summary.skipped(id, reason));
    }

    @Override
    public void notImported(String type) {
      summary.objectRead(type);
    }
  }
}
