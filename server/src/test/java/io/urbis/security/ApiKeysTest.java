package io.urbis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** API keys kept as SHA-256 hashes: the right key names its holder, any other key nobody. */
class ApiKeysTest {

  private static final String PLANNING_KEY = "3f1c9a0e7b2d4c6f8a1b3d5e7f9a0c2e";
  private static final ApiKeys KEYS = new ApiKeys(List.of(
      new ApiKeys.Entry("planning-office", ApiKeys.sha256(PLANNING_KEY), Set.of("planner")),
      new ApiKeys.Entry("energy-office", ApiKeys.sha256("9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d"), Set.of("energy"))));

  @Test
  void theRightKeyNamesItsHolderAndRoles() {
    assertEquals(Optional.of(new Caller("planning-office", Set.of("planner"))), KEYS.caller(PLANNING_KEY));
  }

  @Test
  void anyOtherKeyNamesNobody() {
    String sameButLast = PLANNING_KEY.substring(0, PLANNING_KEY.length() - 1) + "0";
    for (String wrong : List.of(sameButLast, "", PLANNING_KEY + " ", PLANNING_KEY.toUpperCase(),
        ApiKeys.sha256Hex(PLANNING_KEY))) {
      assertEquals(Optional.empty(), KEYS.caller(wrong), wrong);
    }
    assertEquals(Optional.empty(), ApiKeys.NONE.caller(PLANNING_KEY));
  }

  @Test
  void theHashIsTheSha256OfTheKeysUtf8Bytes() {
    // FIPS 180-2 example: SHA-256("abc")
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.sha256Hex("abc"));
    assertEquals(ApiKeys.sha256Hex("abc"), HexFormat.of().formatHex(ApiKeys.sha256("abc")));
  }

  @Test
  void hashKeyPrintsTheHashOfStandardInputWithoutItsLineBreak() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = hashKey(PLANNING_KEY + "\n", out, new ByteArrayOutputStream());
    assertEquals(0, status);
    assertEquals(ApiKeys.sha256Hex(PLANNING_KEY) + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void hashKeyRefusesAShortKey() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, hashKey("secret\n", out, err));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("openssl rand -hex 32"));
  }

  private static int hashKey(String input, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new HashKeyCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new String[] {"hash-key"});
  }
}
