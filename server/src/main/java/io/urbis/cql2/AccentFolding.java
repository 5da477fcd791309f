package io.urbis.cql2;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code ACCENTI} does to a string: every Latin letter with diacritics becomes its base letter and combining marks
 * are dropped. Both backends use this one table, PostGIS as the arguments of {@code translate(text, from, to)} (so no
 * {@code unaccent} extension is needed) and the in-memory evaluator directly, so they agree character for character.
 * The table covers Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional, found by Unicode
 * decomposition (NFD); letters without a decomposition (such as ø, ß, đ) stay as they are.
 */
public final class AccentFolding {

  /** The characters that change; those beyond the length of {@link #TO} are removed, as in SQL translate(). */
  public static final String FROM;

  /** The replacements, position by position. */
  public static final String TO;

  private static final Map<Character, String> REPLACEMENTS = new HashMap<>();

  static {
    StringBuilder from = new StringBuilder();
    StringBuilder to = new StringBuilder();
    addLettersWithDiacritics((char) 0xC0, (char) 0x24F, from, to);
    addLettersWithDiacritics((char) 0x1E00, (char) 0x1EFF, from, to);
    for (char mark = 0x300; mark <= 0x36F; mark++) {
      from.append(mark);
      REPLACEMENTS.put(mark, "");
    }
    FROM = from.toString();
    TO = to.toString();
  }

  private AccentFolding() {}

  public static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      folded.append(REPLACEMENTS.getOrDefault(c, String.valueOf(c)));
    }
    return folded.toString();
  }

  private static void addLettersWithDiacritics(char first, char last, StringBuilder from, StringBuilder to) {
    for (char c = first; c <= last; c++) {
      String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
      if (base.length() == 1 && base.charAt(0) != c) {
        from.append(c);
        to.append(base);
        REPLACEMENTS.put(c, base);
      }
    }
  }
}
