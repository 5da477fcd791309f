package io.urbis.heatplan;

/** The layers of a heat plan, each a collection {@code <plan id>-<suffix>}. */
public enum HeatPlanLayer {
  BUILDINGS("buildings", "Buildings of the heat plan: the block and street section each belongs to, its type, age"
      + " class and whether its heat demand was estimated"),
  BLOCKS("blocks", "Blocks (Baublöcke): heat demand density per hectare of block area without streets, buildings,"
      + " addresses, final energy by energy carrier and their shares, predominant building type and age class"),
  SECTIONS("sections", "Street sections (streets split at junctions): heat line density of the buildings nearest to"
      + " each section"),
  AREAS("areas", "Candidate areas for heat networks: connected blocks whose heat density, or whose street sections'"
      + " heat line density, reaches the threshold");

  private final String suffix;
  private final String summary;

  HeatPlanLayer(String suffix, String summary) {
    this.suffix = suffix;
    this.summary = summary;
  }

  /** What follows the plan id and a hyphen in the layer's collection id. */
  public String suffix() {
    return suffix;
  }

  /** What the layer is, the first sentence of its description. */
  public String summary() {
    return summary;
  }
}
