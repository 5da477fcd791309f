package io.urbis.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.catalog.DataExtent;
import io.urbis.catalog.SpatialExtent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FollowedDataTest {

  private final AtomicReference<String> version = new AtomicReference<>("v1");
  private final AtomicInteger versionReads = new AtomicInteger();
  private final AtomicInteger extentReads = new AtomicInteger();

  private String readVersion() {
    versionReads.incrementAndGet();
    String current = version.get();
    if (current == null) {
      throw new IllegalStateException("the source is down");
    }
    return current;
  }

  /** An extent that tells how many times extents were read: its west edge is the count. */
  private DataExtent readExtent() {
    int reads = extentReads.incrementAndGet();
    return new DataExtent(new SpatialExtent(reads, 0, 10, 10), null);
  }

  @Test
  void nothingIsReadUntilAskedAndAskingAgainWithinTheSecondReadsNothing() {
    FollowedData data = new FollowedData(this::readVersion, this::readExtent);
    assertEquals(0, versionReads.get());
    assertEquals("v1", data.version());
    assertEquals(1.0, data.extent().spatial().minLon());
    version.set("v2");
    assertEquals("v1", data.version(), "the version is asked at most once a second");
    assertEquals(1, versionReads.get());
    assertEquals(1, extentReads.get());
  }

  @Test
  void theExtentIsReadOncePerChangeOfTheVersion() {
    FollowedData data = new FollowedData(this::readVersion, this::readExtent, 0);
    data.extent();
    data.extent();
    assertEquals(1, extentReads.get(), "the same version keeps its extent");
    version.set("v2");
    assertEquals(2.0, data.extent().spatial().minLon());
    assertEquals("v2", data.version());
    data.extent();
    assertEquals(2, extentReads.get());
    assertEquals(5, versionReads.get());
  }

  @Test
  void whenTheSourceCannotBeAskedTheLastPairStays() {
    FollowedData data = new FollowedData(this::readVersion, this::readExtent, 0);
    assertEquals("v1", data.version());
    version.set(null);
    assertEquals("v1", data.version());
    assertEquals(1.0, data.extent().spatial().minLon());
    version.set("v2");
    assertEquals("v2", data.version());
  }

  @Test
  void whenTheSourceCannotBeAskedAtFirstTheFailureIsTold() {
    version.set(null);
    FollowedData data = new FollowedData(this::readVersion, this::readExtent);
    assertThrows(IllegalStateException.class, data::extent);
  }

  @Test
  void aChangeOfThisServerIsSeenAtOnceNotAfterTheSecond() {
    FollowedData data = new FollowedData(this::readVersion, this::readExtent);
    assertEquals("v1", data.version());
    version.set("v2");
    data.changed();
    assertEquals("v2", data.version());
    assertEquals(2.0, data.extent().spatial().minLon());
    assertEquals("v2", data.version(), "and then kept for the second again");
    assertEquals(2, versionReads.get());
  }

  @Test
  void aChangeWhileTheVersionIsReadIsAskedForAgain() {
    AtomicReference<FollowedData> followed = new AtomicReference<>();
    // the write ends while the source tells the version it had before the write
    FollowedData data = new FollowedData(() -> {
      String before = readVersion();
      if (versionReads.get() == 1) {
        version.set("v2");
        followed.get().changed();
      }
      return before;
    }, this::readExtent);
    followed.set(data);
    assertEquals("v1", data.version());
    assertEquals("v2", data.version());
  }
}
