package io.urbis.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens that passed are known again until their expiry, never beyond, and never more of them than fit. */
class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Caller ALICE = new Caller("alice", Set.of("planner"));
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  private final VerifiedTokens verified = new VerifiedTokens();

  @Test
  void aTokenIsKnownUntilItsExpiryNeverAtOrBeyondIt() {
    verified.put(TOKEN, ALICE, NOW.plusSeconds(60), NOW);
    assertAll(() -> assertEquals(Optional.of(ALICE), verified.caller(TOKEN, NOW)),
        () -> assertEquals(Optional.of(ALICE), verified.caller(TOKEN, NOW.plusSeconds(59))));
    assertEquals(Optional.empty(), verified.caller(TOKEN, NOW.plusSeconds(60)));
    assertEquals(Optional.empty(), verified.caller(TOKEN, NOW.plusSeconds(59)), "an expired entry is gone");
  }

  @Test
  void aLongLivedTokenIsKnownNoLongerThanTheProvidersKeysAreKept() {
    verified.put(TOKEN, ALICE, NOW.plus(Duration.ofHours(10)), NOW);
    assertEquals(Optional.of(ALICE), verified.caller(TOKEN, NOW.plus(VerifiedTokens.LIFETIME).minusSeconds(1)));
    assertEquals(Optional.empty(), verified.caller(TOKEN, NOW.plus(VerifiedTokens.LIFETIME)));
  }

  @Test
  void aTokenAcceptedWithinTheClockSkewAfterItsExpiryIsNotRemembered() {
    verified.put(TOKEN, ALICE, NOW.minusSeconds(20), NOW);
    assertEquals(Optional.empty(), verified.caller(TOKEN, NOW.minusSeconds(30)));
    assertEquals(0, verified.size());
  }

  @Test
  void onlyTheVeryTokenIsKnown() {
    verified.put(TOKEN, ALICE, NOW.plusSeconds(60), NOW);
    assertAll(() -> assertEquals(Optional.empty(), verified.caller(TOKEN.substring(0, TOKEN.length() - 1) + "X", NOW)),
        () -> assertEquals(Optional.empty(), verified.caller(TOKEN + "x", NOW)),
        () -> assertEquals(Optional.empty(), verified.caller(TOKEN.substring(1), NOW)));
  }

  @Test
  void aFullCacheDropsExpiredEntriesFirstAndNeverGrowsBeyondItsCapacity() {
    VerifiedTokens small = new VerifiedTokens(10);
    for (int i = 0; i < 5; i++) {
      small.put("short-" + i, ALICE, NOW.plusSeconds(10), NOW);
      small.put("long-" + i, ALICE, NOW.plusSeconds(3600), NOW);
    }
    Instant later = NOW.plusSeconds(20);
    small.put("new", ALICE, later.plusSeconds(3600), later);
    assertEquals(6, small.size(), "the five expired entries made room");
    for (int i = 0; i < 5; i++) {
      assertEquals(Optional.of(ALICE), small.caller("long-" + i, later));
    }
    for (int i = 0; i < 100; i++) {
      small.put("more-" + i, ALICE, later.plusSeconds(3600), later);
      assertTrue(small.size() <= 10, small.size() + " entries");
    }
    assertEquals(Optional.of(ALICE), small.caller("more-99", later), "the newest is kept");
  }
}
