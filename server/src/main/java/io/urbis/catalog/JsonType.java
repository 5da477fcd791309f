package io.urbis.catalog;

/** The JSON Schema type a column's values take in GeoJSON properties. */
public enum JsonType {
  STRING("string"),
  INTEGER("integer"),
  NUMBER("number"),
  BOOLEAN("boolean"),
  DATE("string"),
  DATE_TIME("string"),
  OBJECT("object"),
  ARRAY("array");

  private final String schemaType;

  JsonType(String schemaType) {
    this.schemaType = schemaType;
  }

  /** The JSON Schema {@code type} keyword value. */
  public String schemaType() {
    return schemaType;
  }

  /** The JSON Schema {@code format} keyword value, or null when the type has none. */
  public String schemaFormat() {
    return switch (this) {
      case DATE -> "date";
      case DATE_TIME -> "date-time";
      default -> null;
    };
  }

  public boolean isTemporal() {
    return this == DATE || this == DATE_TIME;
  }
}
