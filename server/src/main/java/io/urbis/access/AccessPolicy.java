package io.urbis.access;

import io.urbis.cache.FollowedData;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.CurrentData;
import io.urbis.catalog.Property;
import io.urbis.catalog.RowFilter;
import io.urbis.config.AccessConfig;
import io.urbis.config.ConfigException;
import io.urbis.cql2.Cql2Exception;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.FilterCrs;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Logical;
import io.urbis.cql2.ast.LogicalOperator;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.cql2.text.Cql2TextWriter;
import io.urbis.crs.Crs;
import io.urbis.query.CollectionQueryables;
import io.urbis.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access rules of the configuration, checked against the catalog when the server starts, and the view of the
 * catalog each set of roles gets. A caller gets, per collection, the most its roles give: the highest permission,
 * every property one of its reading roles sees, every row one of them sees. Views are made once per set of roles.
 */
public final class AccessPolicy {

  private final Catalog catalog;
  /** Every collection's rules by role, the defaults filled in for collections the configuration does not list. */
  private final Map<String, Map<String, RoleRule>> rules;
  private final Map<Set<String>, CatalogView> views = new ConcurrentHashMap<>();
  /**
   * The data of each collection narrowed by a row filter, by collection id and visibility: views of several sets of
   * roles that narrow a collection alike share it, so its extent is read once per data version.
   */
  private final Map<String, CurrentData> narrowedData = new ConcurrentHashMap<>();

  private AccessPolicy(Catalog catalog, Map<String, Map<String, RoleRule>> rules) {
    this.catalog = catalog;
    this.rules = rules;
  }

  /**
   * The policy of {@code config} over {@code catalog}.
   *
   * @throws ConfigException naming the key and the fix when a rule names an unknown collection, role level or
   *     property, or its row filter is not CQL2 over the collection's properties
   */
  public static AccessPolicy of(AccessConfig config, Catalog catalog) {
    Map<String, RoleRule> defaults = new LinkedHashMap<>();
    config.defaultRules().forEach((role, rule) -> {
      String at = "access.default." + role;
      require(rule.hiddenProperties() == null && rule.rowFilter() == null, at + ": hiddenProperties and rowFilter"
          + " belong to one collection; write them under access.collections.<collection id>." + role);
      defaults.put(role, new RoleRule(permission(rule, at), Set.of(), null));
    });
    Map<String, Map<String, AccessConfig.Rule>> listed = config.collectionRules();
    for (String id : listed.keySet()) {
      require(catalog.find(id).isPresent(), "access.collections." + id + ": there is no collection '" + id
          + "'; collections are " + catalog.collections().stream().map(Collection::id).toList());
    }
    Map<String, Map<String, RoleRule>> rules = new LinkedHashMap<>();
    for (Collection collection : catalog.collections()) {
      Map<String, AccessConfig.Rule> given = listed.get(collection.id());
      if (given == null) {
        rules.put(collection.id(), defaults);
        continue;
      }
      Map<String, RoleRule> byRole = new LinkedHashMap<>();
      given.forEach((role, rule) -> byRole.put(role,
          check(rule, collection, "access.collections." + collection.id() + "." + role)));
      rules.put(collection.id(), byRole);
    }
    return new AccessPolicy(catalog, rules);
  }

  /** The catalog as the caller sees it. */
  public CatalogView viewOf(Caller caller) {
    return views.computeIfAbsent(caller.roles(), this::view);
  }

  /** The ids of the collections some role may write, in catalog order. */
  public List<String> writableCollections() {
    return rules.entrySet().stream()
        .filter(byRole -> byRole.getValue().values().stream().anyMatch(rule -> rule.permission() == Permission.WRITE))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Whether every caller gets the whole catalog, whatever its credentials; then no response depends on who asks.
   */
  public boolean isOpen() {
    return rules.values().stream().allMatch(byRole -> {
      RoleRule everyone = byRole.get(AccessConfig.EVERY_ROLE);
      return everyone != null && everyone.permission() == Permission.READ && everyone.hidden().isEmpty()
          && everyone.rowFilter() == null && byRole.values().stream()
              .allMatch(rule -> rule.permission() != Permission.WRITE);
    });
  }

  private CatalogView view(Set<String> roles) {
    List<Collection> visible = new ArrayList<>();
    Map<String, Collection> writable = new LinkedHashMap<>();
    StringBuilder key = new StringBuilder();
    for (Collection collection : catalog.collections()) {
      List<RoleRule> applicable = new ArrayList<>();
      rules.get(collection.id()).forEach((role, rule) -> {
        if (role.equals(AccessConfig.EVERY_ROLE) || roles.contains(role)) {
          applicable.add(rule);
        }
      });
      List<RoleRule> reading = applicable.stream().filter(r -> r.permission().allows(Permission.READ)).toList();
      if (reading.isEmpty()) {
        key.append(collection.id()).append(":none\n");
        continue;
      }
      Collection narrowed = narrow(collection, reading);
      visible.add(narrowed);
      List<RoleRule> writing = applicable.stream().filter(r -> r.permission() == Permission.WRITE).toList();
      if (!writing.isEmpty()) {
        Collection written = narrow(collection, writing);
        writable.put(collection.id(), written);
        key.append(collection.id()).append(":write:").append(written.visibility()).append('\n');
      }
      if (!narrowed.isWhole()) {
        key.append(collection.id()).append(":read:").append(narrowed.visibility()).append('\n');
      }
    }
    boolean whole = visible.size() == catalog.collections().size() && key.isEmpty();
    return new CatalogView(new Catalog(visible), writable, whole ? "" : digest(key.toString()));
  }

  /**
   * What the reading roles together see of the collection. Narrowed by a row filter, it shows the extent of the rows
   * the filter lets through (and the CRSs they can be written in), which its source reads when first asked and again
   * whenever the table's data version changes, never that of the whole table.
   */
  private Collection narrow(Collection collection, List<RoleRule> reading) {
    Set<String> hidden = new TreeSet<>(reading.get(0).hidden());
    reading.forEach(rule -> hidden.retainAll(rule.hidden()));
    boolean everyRow = reading.stream().anyMatch(rule -> rule.rowFilter() == null);
    RowFilter rows = everyRow ? null : either(reading.stream().map(RoleRule::rowFilter).distinct().toList());
    if (hidden.isEmpty() && rows == null) {
      return collection;
    }
    List<Property> shown = collection.properties().stream().filter(p -> !hidden.contains(p.name())).toList();
    String visibility = digest(hidden + "\n" + (rows == null ? "" : rows.text()));
    Collection narrowed = collection.narrowed(shown, rows, visibility);
    if (rows == null) {
      return narrowed;
    }
    return narrowed.withData(narrowedData.computeIfAbsent(collection.id() + "\n" + visibility,
        key -> FollowedData.within(collection.data(), () -> collection.source().extent(narrowed))));
  }

  /** Rows any of the filters lets through. */
  private static RowFilter either(List<RowFilter> filters) {
    if (filters.size() == 1) {
      return filters.get(0);
    }
    List<Expression> operands = filters.stream().map(RowFilter::expression).toList();
    Expression or = Logical.of(LogicalOperator.OR, operands);
    return new RowFilter(or, filters.get(0).queryables(), Cql2TextWriter.write(or));
  }

  private static RoleRule check(AccessConfig.Rule rule, Collection collection, String at) {
    Permission permission = permission(rule, at);
    Set<String> hidden = new HashSet<>();
    if (rule.hiddenProperties() != null) {
      for (String name : rule.hiddenProperties()) {
        require(collection.property(name).isPresent(), at + ".hiddenProperties: '" + name + "' is not a property of "
            + collection.id() + "; its properties are " + collection.properties().stream().map(Property::name)
            .toList());
        hidden.add(name);
      }
    }
    return new RoleRule(permission, hidden, rule.rowFilter() == null ? null
        : rowFilter(rule.rowFilter(), collection, at + ".rowFilter"));
  }

  private static RowFilter rowFilter(String text, Collection collection, String at) {
    var queryables = CollectionQueryables.of(collection);
    try {
      Expression expression = FilterCrs.apply(Cql2TextParser.parse(text), Crs.CRS84);
      new Cql2Validator(queryables).validate(expression);
      return new RowFilter(expression, queryables, Cql2TextWriter.write(expression));
    } catch (Cql2Exception e) {
      throw new ConfigException(at + " is not a CQL2 text condition over the properties of " + collection.id()
          + ": " + e.getMessage());
    }
  }

  private static Permission permission(AccessConfig.Rule rule, String at) {
    if (rule == null || rule.access() == null) {
      return Permission.READ;
    }
    Permission permission = Permission.named(rule.access());
    require(permission != null, at + ".access must be none, read or write, got '" + rule.access() + "'");
    return permission;
  }

  /** A short, stable key of the rules' text: caches and ETags carry it, so it tells nothing of the rules. */
  private static String digest(String rules) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(rules.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new ConfigException(message);
    }
  }
}
