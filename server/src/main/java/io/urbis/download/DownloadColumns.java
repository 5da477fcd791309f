package io.urbis.download;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.query.FeatureQuery;
import java.util.List;

/**
 * The columns of a download: the id (named as the collection's id column), the properties the caller sees and asked
 * for ({@code properties}), in column order, and the geometry unless {@code skipGeometry}.
 */
record DownloadColumns(String idName, List<Property> properties, boolean withGeometry, boolean is3d) {

  static DownloadColumns of(Collection collection, FeatureQuery query) {
    return new DownloadColumns(collection.idColumn(),
        collection.properties().stream().filter(p -> query.returnables().includes(p.name())).toList(),
        !query.returnables().skipGeometry(), collection.is3d());
  }

  List<String> propertyNames() {
    return properties.stream().map(Property::name).toList();
  }
}
