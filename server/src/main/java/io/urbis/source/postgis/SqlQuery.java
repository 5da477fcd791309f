package io.urbis.source.postgis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text with its bind values in order (null for SQL NULL). User input only ever travels in {@code binds}. */
record SqlQuery(String sql, List<Object> binds) {

  SqlQuery {
    binds = Collections.unmodifiableList(new ArrayList<>(binds));
  }
}
