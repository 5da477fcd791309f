package io.urbis.tiles;

import io.urbis.error.InvalidParameterException;
import io.urbis.error.NotFoundException;
import java.util.regex.Pattern;

/**
 * A tile as a URL addresses it, parsed and checked against its tile matrix set before any source sees it:
 * malformed or negative numbers are a 400, a matrix the set does not have or a row or column beyond it a 404.
 */
public record TileAddress(TileMatrixSet tileMatrixSet, TileMatrix tileMatrix, long row, long col) {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
  private static final Pattern NEGATIVE = Pattern.compile("-\\d{1,30}");

  public static TileAddress parse(TileMatrixSet set, String matrixId, String rowText, String colText) {
    requireNumber("tileMatrix", matrixId);
    TileMatrix matrix = set.tileMatrix(matrixId).orElseThrow(() -> new NotFoundException(
        "Tile matrix set " + set.id() + " has no tile matrix '" + matrixId + "'"));
    long row = index("tileRow", rowText);
    long col = index("tileCol", colText);
    if (!matrix.contains(row, col)) {
      throw new NotFoundException("Tile matrix " + matrix.id() + " of " + set.id() + " has rows 0 to "
          + (matrix.matrixHeight() - 1) + " and columns 0 to " + (matrix.matrixWidth() - 1));
    }
    return new TileAddress(set, matrix, row, col);
  }

  public TileEnvelope envelope() {
    return tileMatrix.envelope(row, col);
  }

  /** The tile with the buffer of {@link TileRequest#BUFFER} units around it: what a feature must touch to be in it. */
  public TileEnvelope bufferedEnvelope() {
    return envelope().expandedBy((double) TileRequest.BUFFER / TileRequest.EXTENT);
  }

  private static long index(String parameter, String text) {
    requireNumber(parameter, text);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException tooLarge) {
      // digits only, so it is a row or column far beyond any matrix
      return Long.MAX_VALUE;
    }
  }

  private static void requireNumber(String parameter, String text) {
    if (NEGATIVE.matcher(text).matches()) {
      throw new InvalidParameterException(parameter, "must not be negative");
    }
    if (!DIGITS.matcher(text).matches()) {
      throw new InvalidParameterException(parameter, "must be a whole number, not '" + abbreviated(text) + "'");
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
