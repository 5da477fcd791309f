package io.urbis.importer;

/** What cleaning found wrong with one polygon, and whether the polygon was kept. */
public enum PolygonIssue {
  REPEATED_POINTS("repeated points removed", true),
  TOO_FEW_POINTS("ring with fewer than 3 distinct points dropped", false),
  ZERO_AREA("ring with zero area dropped", false),
  NON_PLANAR("non-planar ring kept (more than 1 cm off its plane)", true);

  private final String description;
  private final boolean kept;

  PolygonIssue(String description, boolean kept) {
    this.description = description;
    this.kept = kept;
  }

  public String description() {
    return description;
  }

  /** Whether the ring stays in the building (repaired or merely reported). */
  public boolean kept() {
    return kept;
  }
}
