package io.urbis.sensorthings.filter;

import io.urbis.sensorthings.filter.FilterExpression.PropertyPath;

/** The properties a filter may name, from the entity type's fixed model; never from the filter's text. */
public interface FilterProperties {

  /** The typed SQL of the path; throws {@link InvalidFilterException} naming the path when there is none. */
  TypedSql resolve(PropertyPath path);
}
