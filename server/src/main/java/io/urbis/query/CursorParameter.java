package io.urbis.query;

import io.urbis.error.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code cursor}: the opaque token of a {@code next} or {@code prev} link. It is base64url text of the direction
 * and key, so clients must not build it but the server can read it back without state.
 */
public final class CursorParameter implements QueryParameter<PageCursor> {

  private static final int MAX_LENGTH = 1024;

  @Override
  public String name() {
    return "cursor";
  }

  @Override
  public PageCursor parse(String text) {
    String plain = decode(text);
    if (plain.length() < 2 || plain.charAt(1) != ':') {
      throw invalid();
    }
    String value = plain.substring(2);
    return switch (plain.charAt(0)) {
      case 'a' -> new PageCursor(PageCursor.Direction.AFTER, value, 0);
      case 'b' -> new PageCursor(PageCursor.Direction.BEFORE, value, 0);
      case 'o' -> PageCursor.offset(parseOffset(value));
      default -> throw invalid();
    };
  }

  /** The token for a cursor, as links carry it. */
  public static String format(PageCursor cursor) {
    String plain =
        switch (cursor.direction()) {
          case AFTER -> "a:" + cursor.key();
          case BEFORE -> "b:" + cursor.key();
          case OFFSET -> "o:" + cursor.offset();
        };
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private String decode(String text) {
    if (text.length() > MAX_LENGTH) {
      throw invalid();
    }
    try {
      return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private long parseOffset(String value) {
    try {
      long offset = Long.parseLong(value);
      if (offset < 0) {
        throw invalid();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private InvalidParameterException invalid() {
    return new InvalidParameterException(name(), "not a cursor this server issued; follow the next/prev links");
  }
}
