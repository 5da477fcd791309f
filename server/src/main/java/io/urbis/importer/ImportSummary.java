package io.urbis.importer;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.stream.Collectors;

/**
 * What an import read, wrote and skipped, with reasons. Each skipped building and each building with polygon
 * issues is named on its own line as it happens, up to {@value #LINES_PER_KIND} per kind so a bad file does not
 * flood the terminal; the counts at the end cover all of them.
 */
public final class ImportSummary {

  static final int LINES_PER_KIND = 10;

  private final Map<String, Long> objectTypes = new TreeMap<>();
  private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
  private final Map<PolygonIssue, Long> polygonIssues = new EnumMap<>(PolygonIssue.class);
  private final Map<Object, Integer> linesShown = new HashMap<>();
  private long buildingsRead;
  private long written;
  private long polygons;

  void objectRead(String type) {
    objectTypes.merge(type, 1L, Long::sum);
  }

  void buildingRead() {
    buildingsRead++;
  }

  void polygonsWritten(int count) {
    polygons += count;
  }

  void written(long count) {
    written = count;
  }

  /** Counts the skip; returns the line naming it, or null once enough of this kind were named. */
  String skipped(String id, SkipReason reason) {
    skipped.merge(reason, 1L, Long::sum);
    return shown(reason) ? "skipped " + id + ": " + reason.description() : null;
  }

  /** Counts the polygon issues of one building; returns a line naming it, or null once enough were named. */
  String polygonIssues(String id, Map<PolygonIssue, Integer> issues) {
    StringBuilder line = new StringBuilder();
    for (Map.Entry<PolygonIssue, Integer> issue : issues.entrySet()) {
      polygonIssues.merge(issue.getKey(), (long) issue.getValue(), Long::sum);
      if (shown(issue.getKey())) {
        line.append(line.length() == 0 ? id + ": " : "; ").append(issue.getValue()).append(' ')
            .append(issue.getKey().description());
      }
    }
    return line.length() == 0 ? null : line.toString();
  }

  private boolean shown(Object kind) {
    return linesShown.merge(kind, 1, Integer::sum) <= LINES_PER_KIND;
  }

  public long buildingsRead() {
    return buildingsRead;
  }

  public long written() {
    return written;
  }

  public long skipped(SkipReason reason) {
    return skipped.getOrDefault(reason, 0L);
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  public long polygonIssues(PolygonIssue issue) {
    return polygonIssues.getOrDefault(issue, 0L);
  }

  public long objects(String type) {
    return objectTypes.getOrDefault(type, 0L);
  }

  void print(PrintStream out, double seconds) {
    out.println("  CityObjects read: " + number(objectTypes.values().stream().mapToLong(Long::longValue).sum())
        + " " + objectTypes.entrySet().stream().map(e -> e.getKey() + " " + number(e.getValue()))
            .collect(Collectors.joining(", ", "(", ")")));
    out.println("  buildings (parts merged): read " + number(buildingsRead) + ", written " + number(written)
        + ", skipped " + number(skippedTotal()));
    skipped.forEach((reason, count) -> out.println("    skipped, " + reason.description() + ": " + number(count)));
    out.println("  polygons written: " + number(polygons));
    polygonIssues.forEach((issue, count) -> out.println("    " + issue.description() + ": " + number(count)));
    linesShown.forEach((kind, count) -> {
      if (count > LINES_PER_KIND) {
        out.println("    (" + number(count - LINES_PER_KIND) + " more lines for '" + description(kind)
            + "' not shown)");
      }
    });
    out.printf(Locale.ROOT, "  time: %.1f s, %s buildings/s%n", seconds,
        number(Math.round(buildingsRead / Math.max(seconds, 1e-3))));
  }

  private static String description(Object kind) {
    return kind instanceof SkipReason reason ? reason.description() : ((PolygonIssue) kind).description();
  }

  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
