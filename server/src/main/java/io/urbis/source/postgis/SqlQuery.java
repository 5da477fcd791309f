package io.urbis.source.postgis;

import java.util.List;

/** SQL text with its bind values in order. User input only ever travels in {@code binds}. */
record SqlQuery(String sql, List<Object> binds) {

  SqlQuery {
    binds = List.copyOf(binds);
  }
}
