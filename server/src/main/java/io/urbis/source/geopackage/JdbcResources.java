package io.urbis.source.geopackage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closing JDBC resources where a failure to close must not hide the outcome of the work done with them. */
final class JdbcResources {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcResources.class);

  private JdbcResources() {}

  /** Closes each resource in order (null ones are skipped); failures are logged at DEBUG. */
  static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        LOG.debug("closing {} failed", resource.getClass().getSimpleName(), e);
      }
    }
  }
}
