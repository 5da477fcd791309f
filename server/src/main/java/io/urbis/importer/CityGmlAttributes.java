package io.urbis.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import org.citygml4j.core.model.building.AbstractBuilding;
import org.citygml4j.core.model.construction.HeightProperty;
import org.citygml4j.core.model.construction.HeightStatusValue;
import org.citygml4j.core.model.core.AbstractGenericAttribute;
import org.citygml4j.core.model.core.AbstractGenericAttributeProperty;
import org.citygml4j.core.model.core.AddressProperty;
import org.citygml4j.core.model.generics.GenericAttributeSet;
import org.xmlobjects.gml.model.basictypes.Code;
import org.xmlobjects.gml.model.basictypes.Measure;
import org.xmlobjects.xal.model.Address;
import org.xmlobjects.xal.model.types.ThoroughfareNameOrNumber;
import java.util.Optional;

/**
 * A CityGML building's attributes under the names CityJSON gives them (function, roofType, measuredHeight,
 * storeysAboveGround, yearOfConstruction, generic attributes by their own names, xAL addresses as CityJSON
 * address objects), so both formats fill the same columns.
 */
final class CityGmlAttributes {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CityGmlAttributes() {}

  static ObjectNode of(AbstractBuilding building) {
    ObjectNode attributes = JSON.objectNode();
    if (building.getCreationDate() != null) {
      attributes.put("creationDate", building.getCreationDate().toString());
    }
    if (!building.getNames().isEmpty()) {
      attributes.put("name", building.getNames().get(0).getValue());
    }
    putCodes(attributes, "function", building.getFunctions());
    putCodes(attributes, "usage", building.getUsages());
    if (building.getClassifier() != null) {
      attributes.put("class", building.getClassifier().getValue());
    }
    if (building.getRoofType() != null) {
      attributes.put("roofType", building.getRoofType().getValue());
    }
    measuredHeight(building.getHeights()).ifPresent(h -> attributes.put("measuredHeight", h));
    if (building.getStoreysAboveGround() != null) {
      attributes.put("storeysAboveGround", building.getStoreysAboveGround());
    }
    if (building.getStoreysBelowGround() != null) {
      attributes.put("storeysBelowGround", building.getStoreysBelowGround());
    }
    if (building.getDateOfConstruction() != null) {
      attributes.put("yearOfConstruction", building.getDateOfConstruction().getYear());
    }
    generic(attributes, building.getGenericAttributes());
    ArrayNode addresses = JSON.arrayNode();
    for (AddressProperty property : building.getAddresses()) {
      if (property.getObject() != null && property.getObject().getXALAddress() != null
          && property.getObject().getXALAddress().getObject() != null) {
        addresses.add(address(property.getObject().getXALAddress().getObject()));
      }
    }
    if (!addresses.isEmpty()) {
      attributes.set("address", addresses);
    }
    return attributes;
  }

  /** CityGML 2's measuredHeight arrives as a height with status "measured"; otherwise the first height. */
  private static Optional<Double> measuredHeight(List<HeightProperty> heights) {
    return heights.stream().map(HeightProperty::getObject).filter(h -> h != null && h.getValue() != null)
        .sorted((a, b) -> Boolean.compare(b.getStatus() == HeightStatusValue.MEASURED,
            a.getStatus() == HeightStatusValue.MEASURED))
        .map(h -> h.getValue().getValue()).findFirst();
  }

  private static void putCodes(ObjectNode attributes, String name, List<Code> codes) {
    if (codes.size() == 1) {
      attributes.put(name, codes.get(0).getValue());
    } else if (codes.size() > 1) {
      ArrayNode values = attributes.putArray(name);
      codes.forEach(code -> values.add(code.getValue()));
    }
  }

  private static void generic(ObjectNode target, List<AbstractGenericAttributeProperty> properties) {
    for (AbstractGenericAttributeProperty property : properties) {
      AbstractGenericAttribute<?> attribute = property.getObject();
      if (attribute == null || attribute.getName() == null) {
        continue;
      }
      Object value = attribute.getValue();
      if (attribute instanceof GenericAttributeSet set) {
        generic(target.putObject(set.getName()), set.getValue());
      } else if (value instanceof Number number) {
        target.put(attribute.getName(), number.doubleValue() == Math.rint(number.doubleValue())
            && value instanceof Integer ? number.intValue() : number.doubleValue());
      } else if (value instanceof Measure measure) {
        target.put(attribute.getName(), measure.getValue());
      } else if (value instanceof Code code) {
        target.put(attribute.getName(), code.getValue());
      } else if (value != null) {
        target.put(attribute.getName(), value.toString());
      }
    }
  }

  /** The xAL address as CityJSON writes one: ThoroughfareName, ThoroughfareNumber, PostalCode, Locality, Country. */
  private static ObjectNode address(Address xal) {
    ObjectNode address = JSON.objectNode();
    if (xal.getCountry() != null && !xal.getCountry().getNameElements().isEmpty()) {
      address.put("Country", xal.getCountry().getNameElements().get(0).getContent());
    }
    if (xal.getLocality() != null && !xal.getLocality().getNameElements().isEmpty()) {
      address.put("Locality", xal.getLocality().getNameElements().get(0).getContent());
    }
    if (xal.getThoroughfare() != null) {
      for (ThoroughfareNameOrNumber part : xal.getThoroughfare().getNameElementOrNumber()) {
        putFirst(address, "ThoroughfareName", part.getNameElement(), n -> n.getContent());
        putFirst(address, "ThoroughfareNumber", part.getNumber(), n -> n.getContent());
      }
    }
    if (xal.getPostCode() != null && !xal.getPostCode().getIdentifiers().isEmpty()) {
      address.put("PostalCode", xal.getPostCode().getIdentifiers().get(0).getContent());
    }
    return address;
  }

  private static <T> void putFirst(ObjectNode address, String key, T element, Function<T, String> content) {
    if (element != null && !address.has(key)) {
      address.put(key, content.apply(element));
    }
  }
}
