package io.urbis.cql2.jts;

import java.util.List;

/** SQL's three-valued logic over TRUE, FALSE and null for unknown. */
final class Truth {

  private Truth() {}

  /**
   * OR ({@code any}) or AND of the values: one decisive value (TRUE for OR, FALSE for AND) decides; otherwise an
   * unknown value makes the result unknown.
   */
  static Boolean combine(boolean any, List<Boolean> values) {
    boolean unknown = false;
    for (Boolean value : values) {
      if (value == null) {
        unknown = true;
      } else if (value == any) {
        return any;
      }
    }
    return unknown ? null : !any;
  }
}
