package io.urbis.importer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Import progress on stderr: a bar redrawn in place on a terminal, otherwise (a log, CI) a line every
 * {@value #LOG_INTERVAL_SECONDS} seconds. Other messages go through {@link #println} so they do not mix with it.
 */
final class ProgressBar {

  private static final int LOG_INTERVAL_SECONDS = 10;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastShown = started;
  private boolean barShown;

  ProgressBar(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Whether stderr is a terminal: {@code System.console()} alone says yes for pipes on Java 22 and later. */
  static boolean stderrIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** {@code fraction} of the file read, {@code buildings} handled so far. */
  void update(double fraction, long buildings) {
    long now = System.nanoTime();
    long interval = terminal ? REDRAW_NANOS : LOG_INTERVAL_SECONDS * 1_000_000_000L;
    if (now - lastShown < interval) {
      return;
    }
    lastShown = now;
    double seconds = (now - started) / 1e9;
    String counts = String.format(Locale.ROOT, "%3.0f%% %s buildings, %s/s", fraction * 100,
        ImportSummary.number(buildings), ImportSummary.number(Math.round(buildings / seconds)));
    if (terminal) {
      int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + counts + "   ");
      err.flush();
      barShown = true;
    } else {
      err.println("urbis import: " + counts);
    }
  }

  void println(String message) {
    clear();
    err.println(message);
  }

  void clear() {
    if (barShown) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      barShown = false;
    }
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
