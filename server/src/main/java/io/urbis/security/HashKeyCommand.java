package io.urbis.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code urbis hash-key}: reads an API key from standard input (so it stays out of the shell history and the process
 * list) and prints the SHA-256 that {@code security.apiKeys[].sha256} keeps. One trailing line break, as
 * {@code echo} adds, is not part of the key. Exit statuses: 0 printed, 2 no usable key.
 */
public final class HashKeyCommand {

  static final String USAGE = """
      Usage: openssl rand -hex 32 | tee planning-office.key | urbis hash-key

      Reads an API key from standard input and prints its SHA-256 in hex, for security.apiKeys[].sha256.
      The key itself goes to its holder, who sends it in the X-API-Key header; the configuration keeps
      only the hash. Keys must be long random strings (at least 16 characters; openssl rand -hex 32).
      """;
  static final int MIN_KEY_LENGTH = 16;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  public HashKeyCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Runs {@code args} (starting with "hash-key") and returns the exit status. */
  public int run(String[] args) {
    if (args.length > 1) {
      boolean help = args[1].equals("--help") || args[1].equals("-h");
      (help ? out : err).print(USAGE);
      return help ? 0 : 2;
    }
    String key;
    try {
      key = withoutLineBreak(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      err.println("urbis hash-key: cannot read standard input: " + e.getMessage());
      return 2;
    }
    if (key.length() < MIN_KEY_LENGTH) {
      err.println("urbis hash-key: the key has " + key.length() + " characters; use a long random one (at least "
          + MIN_KEY_LENGTH + "), e.g. from openssl rand -hex 32");
      return 2;
    }
    out.println(ApiKeys.sha256Hex(key));
    return 0;
  }

  private static String withoutLineBreak(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
