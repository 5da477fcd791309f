package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The {@code access} key of the configuration: what each role may do with each collection. Without it every caller
 * reads every collection and nobody writes, as before roles existed.
 *
 * <pre>
 * access:
 *   default:            # collections not listed below
 *     "*": read         # every caller, anonymous or not
 *   collections:
 *     buildings:
 *       public: { access: read, hiddenProperties: [heat_demand], rowFilter: "owner_type = 'municipal'" }
 *       planner: write
 * </pre>
 *
 * A role not named for a listed collection gets nothing of it; a caller with several roles gets the most any of them
 * gives. The rules are checked against the catalog when the server starts ({@code io.urbis.access.AccessPolicy}).
 *
 * @param defaults the rules of collections not listed, by role ({@code "*"} for every caller); every caller reads
 *     when not given. Only {@code access} may be set here, as properties and row filters belong to one collection.
 * @param collections the rules of each listed collection, by collection id and role
 */
public record AccessConfig(
    @JsonProperty("default") Map<String, Rule> defaults,
    @JsonProperty("collections") Map<String, Map<String, Rule>> collections) {

  /** The role that stands for every caller, anonymous or authenticated. */
  public static final String EVERY_ROLE = "*";

  /** Every caller reads every collection; nobody writes. */
  public static final AccessConfig OPEN = new AccessConfig(Map.of(EVERY_ROLE, new Rule("read", null, null)), Map.of());

  /**
   * What one role may do with one collection.
   *
   * @param access {@code none}, {@code read} or {@code write} (which reads too); {@code read} when not given
   * @param hiddenProperties properties the role does not see, nor filter or sort by
   * @param rowFilter a CQL2 text condition the rows the role sees meet; all rows when not given
   */
  public record Rule(@JsonProperty("access") String access,
      @JsonProperty("hiddenProperties") List<String> hiddenProperties,
      @JsonProperty("rowFilter") String rowFilter) {

    /** The short form {@code role: read}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Rule of(String access) {
      return new Rule(access, null, null);
    }
  }

  /** The defaults as given, or every caller reads. */
  public Map<String, Rule> defaultRules() {
    return defaults == null ? OPEN.defaults : defaults;
  }

  /** The listed collections' rules, empty when none are. */
  public Map<String, Map<String, Rule>> collectionRules() {
    return collections == null ? Map.of() : collections;
  }
}
