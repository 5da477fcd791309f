package io.urbis.cache;

import io.urbis.catalog.CurrentData;
import io.urbis.catalog.DataExtent;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collection's data version, asked of its source at most once a second (tile requests come in bursts, and the
 * database's own change counters lag by about that much anyway), and its extent, read again once per change of
 * that version: what the catalog shows and tiles are built with follows the data without a restart.
 *
 * <p>A version is published only with the extent read after it was seen, so whoever keys something by the version
 * builds it with an extent at least that new. While one caller reads a new version and extent, the others go on with
 * the last pair instead of waiting, unless this server changed the data since that pair was read ({@link #changed()}):
 * then they wait for the new one. When the source cannot be asked, the last pair stays until it can.
 */
public final class FollowedData implements CurrentData {

  private static final Logger LOG = LoggerFactory.getLogger(FollowedData.class);
  private static final long RECHECK_NANOS = 1_000_000_000L;

  /** A version and its extent, checked at a time, after {@code changes} writes of this server. */
  private record Known(String version, DataExtent extent, long checkedAtNanos, long changes) {}

  private final Supplier<String> versions;
  private final Supplier<DataExtent> extents;
  private final long recheckNanos;
  private final ReentrantLock refreshing = new ReentrantLock();
  private final AtomicLong changes = new AtomicLong();
  private volatile Known known;

  /**
   * Follows data whose version {@code versions} tells and whose extent {@code extents} reads; both are first asked
   * when the version or extent is first wanted.
   */
  public FollowedData(Supplier<String> versions, Supplier<DataExtent> extents) {
    this(versions, extents, RECHECK_NANOS);
  }

  /**
   * The data of some of a table's rows, whose version is that of the whole table's {@code table} (asked at every call,
   * as {@code table} already keeps it for a second) and whose extent {@code extents} reads again whenever that version
   * changes: a collection narrowed by a row filter shows its rows' extent, never the table's.
   */
  public static FollowedData within(CurrentData table, Supplier<DataExtent> extents) {
    return new FollowedData(table::version, extents, 0);
  }

  /** Asks for the version when it is {@code recheckNanos} old. */
  FollowedData(Supplier<String> versions, Supplier<DataExtent> extents, long recheckNanos) {
    this.versions = versions;
    this.extents = extents;
    this.recheckNanos = recheckNanos;
  }

  @Override
  public String version() {
    return current().version();
  }

  @Override
  public DataExtent extent() {
    return current().extent();
  }

  @Override
  public void changed() {
    changes.incrementAndGet();
  }

  private Known current() {
    Known last = known;
    if (isFresh(last)) {
      return last;
    }
    boolean outdated = last == null || last.changes() != changes.get();
    if (!outdated && !refreshing.tryLock()) {
      return last;
    }
    if (outdated) {
      refreshing.lock();
    }
    try {
      return refreshed(known);
    } finally {
      refreshing.unlock();
    }
  }

  private boolean isFresh(Known last) {
    return last != null && last.changes() == changes.get()
        && System.nanoTime() - last.checkedAtNanos() < recheckNanos;
  }

  private Known refreshed(Known last) {
    if (isFresh(last)) {
      return last;
    }
    // a write that ends while the version is read may not be in it: counted before, it is asked again next time
    long changesBefore = changes.get();
    try {
      String version = versions.get();
      DataExtent extent = last != null && last.version().equals(version) ? last.extent() : extents.get();
      known = new Known(version, extent, System.nanoTime(), changesBefore);
    } catch (RuntimeException e) {
      if (last == null) {
        throw e;
      }
      LOG.debug("data version not read, the last one stays: {}", e.getMessage());
      known = new Known(last.version(), last.extent(), System.nanoTime(), changesBefore);
    }
    return known;
  }
}
