package io.urbis.heatplan;

import io.urbis.config.AccessConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access rules heat plans add by themselves: the personal properties of each plan's buildings layer are hidden
 * from every role but its {@code protection.personalDataRoles}, and no role writes a layer (they are computed). A
 * layer the access configuration names keeps the rules written there.
 */
public final class HeatPlanAccess {

  private HeatPlanAccess() {}

  /**
   * {@code config} with rules for every plan's layers it does not name: each role of the defaults reads them as the
   * defaults say (write is read), the buildings layer without the personal properties; each personal data role reads
   * the buildings layer with them (with the permission the defaults give it, or that of every caller).
   */
  public static AccessConfig withPersonalDataRules(AccessConfig config, List<HeatPlan> plans) {
    Map<String, Map<String, AccessConfig.Rule>> collections = new LinkedHashMap<>(config.collectionRules());
    Map<String, AccessConfig.Rule> defaults = config.defaultRules();
    for (HeatPlan plan : plans) {
      for (HeatPlanLayer layer : HeatPlanLayer.values()) {
        String id = plan.layerId(layer);
        if (collections.containsKey(id)) {
          continue;
        }
        List<String> hidden = layer == HeatPlanLayer.BUILDINGS ? plan.personalProperties() : null;
        Map<String, AccessConfig.Rule> byRole = new LinkedHashMap<>();
        defaults.forEach((role, rule) -> byRole.put(role, new AccessConfig.Rule(access(rule), hidden, null)));
        if (layer == HeatPlanLayer.BUILDINGS) {
          AccessConfig.Rule everyCaller = defaults.get(AccessConfig.EVERY_ROLE);
          for (String role : plan.config().protection().personalDataRoles()) {
            AccessConfig.Rule given = defaults.getOrDefault(role, everyCaller);
            byRole.put(role, new AccessConfig.Rule(given == null ? "none" : access(given), null, null));
          }
        }
        collections.put(id, byRole);
      }
    }
    return new AccessConfig(config.defaultRules(), collections);
  }

  /** The rule's permission, but never write: the layers are computed. */
  private static String access(AccessConfig.Rule rule) {
    return rule == null || rule.access() == null || "write".equals(rule.access()) ? "read" : rule.access();
  }
}
