package io.urbis.importer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The building attributes that get a typed column of their own, so they are filterable and sortable with their
 * type; everything else goes into the {@code attributes} jsonb column. Fixed columns, rather than columns derived
 * from each file's attributes, keep the table's schema the same across imports, so appending another file works.
 */
enum WellKnownAttribute {
  FUNCTION("function", "text", "function"),
  ROOF_TYPE("roof_type", "text", "roofType"),
  MEASURED_HEIGHT("measured_height", "double precision", "measuredHeight"),
  STOREYS_ABOVE_GROUND("storeys_above_ground", "integer", "storeysAboveGround"),
  STOREYS_BELOW_GROUND("storeys_below_ground", "integer", "storeysBelowGround"),
  YEAR_OF_CONSTRUCTION("year_of_construction", "integer", "yearOfConstruction"),
  STREET("street", "text", "ThoroughfareName"),
  HOUSE_NUMBER("house_number", "text", "ThoroughfareNumber"),
  POSTAL_CODE("postal_code", "text", "PostalCode"),
  LOCALITY("locality", "text", "Locality"),
  COUNTRY("country", "text", "Country");

  private final String column;
  private final String sqlType;
  private final String key;

  WellKnownAttribute(String column, String sqlType, String key) {
    this.column = column;
    this.sqlType = sqlType;
    this.key = key;
  }

  String column() {
    return column;
  }

  String sqlType() {
    return sqlType;
  }

  /** The CityJSON attribute name, or for the address columns the key in a CityJSON address object. */
  String key() {
    return key;
  }

  boolean isAddress() {
    return ordinal() >= STREET.ordinal();
  }

  boolean isNumber() {
    return !sqlType.equals("text");
  }

  /** The value in this column's type, or null when the JSON value has no such form (it then stays in jsonb). */
  Object typed(JsonNode value) {
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    if (!isNumber()) {
      return value.asText();
    }
    try {
      double number = value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText().trim());
      if (sqlType.equals("integer")) {
        return number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE ? (Object) (int) number : null;
      }
      return Double.isFinite(number) ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
