package io.urbis.access;

import java.util.Locale;

/** What a role may do with a collection, each level allowing what the ones before it do. */
public enum Permission {
  NONE,
  READ,
  WRITE;

  /** The level a configuration names: {@code none}, {@code read} or {@code write}; null when it names none. */
  static Permission named(String name) {
    for (Permission permission : values()) {
      if (permission.name().toLowerCase(Locale.ROOT).equals(name)) {
        return permission;
      }
    }
    return null;
  }

  boolean allows(Permission other) {
    return compareTo(other) >= 0;
  }
}
