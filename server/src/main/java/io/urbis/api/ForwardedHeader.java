package io.urbis.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code Forwarded} header of RFC 7239: comma-separated elements of {@code name=value} pairs joined by
 * semicolons, a value a token or a quoted string ({@code for=192.0.2.60;proto=https;host="example.org:8443"}).
 * Each proxy appends its element, so the first one is the closest to the client and names the address it used.
 */
final class ForwardedHeader {

  private ForwardedHeader() {}

  /** The pairs of the first element, names in lower case (they are case-insensitive); empty without a header. */
  static Map<String, String> firstElement(String header) {
    Map<String, String> pairs = new HashMap<>();
    if (header == null) {
      return pairs;
    }
    StringBuilder name = new StringBuilder();
    StringBuilder value = new StringBuilder();
    StringBuilder current = name;
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < header.length()) {
          value.append(header.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          value.append(c);
        }
      } else if (c == '"' && current == value) {
        quoted = true;
      } else if (c == '=' && current == name) {
        current = value;
      } else if (c == ';' || c == ',') {
        add(pairs, name, value);
        current = name;
        if (c == ',') {
          return pairs;
        }
      } else if (!Character.isWhitespace(c)) {
        current.append(c);
      }
    }
    add(pairs, name, value);
    return pairs;
  }

  private static void add(Map<String, String> pairs, StringBuilder name, StringBuilder value) {
    if (!name.isEmpty() && !value.isEmpty()) {
      pairs.putIfAbsent(name.toString().toLowerCase(Locale.ROOT), value.toString());
    }
    name.setLength(0);
    value.setLength(0);
  }
}
