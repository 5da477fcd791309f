package io.urbis.cql2.ast;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An operator with its CQL2-JSON name ({@code "s_intersects"}); CQL2-text spells it in upper case. */
public interface NamedOperator {

  String jsonName();

  default String textName() {
    return jsonName().toUpperCase(Locale.ROOT);
  }

  /** The operator of this type named {@code name}, ignoring case: CQL2-text keywords are case-insensitive. */
  static <E extends Enum<E> & NamedOperator> Optional<E> find(Class<E> type, String name) {
    return Optional.ofNullable(type.cast(Lookup.BY_NAME.get(type).get(name.toLowerCase(Locale.ROOT))));
  }

  /** Operators by lower-case name, computed once per operator type. */
  final class Lookup {

    private static final ClassValue<Map<String, Object>> BY_NAME = new ClassValue<>() {
      @Override
      protected Map<String, Object> computeValue(Class<?> type) {
        Map<String, Object> byName = new HashMap<>();
        for (Object operator : type.getEnumConstants()) {
          byName.put(((NamedOperator) operator).jsonName().toLowerCase(Locale.ROOT), operator);
        }
        return Map.copyOf(byName);
      }
    };

    private Lookup() {}
  }
}
