package io.urbis.query;

import io.urbis.catalog.Property;
import io.urbis.error.InvalidParameterException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A query parameter named after a property: its value is parsed as the property's JSON type. */
final class PropertyFilterParameter implements QueryParameter<PropertyFilter> {

  private final Property property;

  PropertyFilterParameter(Property property) {
    this.property = property;
  }

  /** Objects and arrays have no single value to compare with. */
  static boolean isFilterable(Property property) {
    return switch (property.type()) {
      case OBJECT, ARRAY -> false;
      default -> true;
    };
  }

  @Override
  public String name() {
    return property.name();
  }

  @Override
  public PropertyFilter parse(String text) {
    try {
      return new PropertyFilter(property.name(), value(text));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidParameterException(name(), "'" + text + "' is not a " + property.type().schemaType()
          + (property.type().schemaFormat() == null ? "" : " (" + property.type().schemaFormat() + ")"));
    }
  }

  private Object value(String text) {
    return switch (property.type()) {
      case INTEGER -> Long.parseLong(text.trim());
      case NUMBER -> finite(text);
      case BOOLEAN -> bool(text);
      case DATE -> LocalDate.parse(text.trim());
      case DATE_TIME -> OffsetDateTime.parse(text.trim());
      default -> text;
    };
  }

  private static Double finite(String text) {
    Double value = Numbers.parseFinite(text);
    if (value == null) {
      throw new NumberFormatException(text);
    }
    return value;
  }

  private static Boolean bool(String text) {
    return switch (text.trim()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new NumberFormatException(text);
    };
  }
}
