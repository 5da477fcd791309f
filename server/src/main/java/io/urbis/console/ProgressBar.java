package io.urbis.console;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long command (import, seeding) on stderr: a bar redrawn in place on a terminal, otherwise (a log,
 * CI) a line every {@value #LOG_INTERVAL_SECONDS} seconds. Other messages go through {@link #println} so they do
 * not mix with it.
 */
public final class ProgressBar {

  private static final int LOG_INTERVAL_SECONDS = 10;
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean terminal;
  private final String command;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastShown = started;
  private boolean barShown;

  /** A bar of {@code command} (e.g. "urbis import") counting {@code unit} (e.g. "buildings"). */
  public ProgressBar(PrintStream err, boolean terminal, String command, String unit) {
    this.err = err;
    this.terminal = terminal;
    this.command = command;
    this.unit = unit;
  }

  /** Whether stderr is a terminal: {@code System.console()} alone says yes for pipes on Java 22 and later. */
  public static boolean stderrIsTerminal() {
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

  /** {@code fraction} of the work done, {@code count} units handled so far. */
  public void update(double fraction, long count) {
    long now = System.nanoTime();
    long interval = terminal ? REDRAW_NANOS : LOG_INTERVAL_SECONDS * 1_000_000_000L;
    if (now - lastShown < interval) {
      return;
    }
    lastShown = now;
    double seconds = (now - started) / 1e9;
    String counts = String.format(Locale.ROOT, "%3.0f%% %,d %s, %,d/s", fraction * 100, count, unit,
        Math.round(count / seconds));
    if (terminal) {
      int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + counts + "   ");
      err.flush();
      barShown = true;
    } else {
      err.println(command + ": " + counts);
    }
  }

  public void println(String message) {
    clear();
    err.println(message);
  }

  public void clear() {
    if (barShown) {
      err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      barShown = false;
    }
  }

  public double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }
}
