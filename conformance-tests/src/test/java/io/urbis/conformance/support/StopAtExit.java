package io.urbis.conformance.support;

/**
 * Runs a stop action when closed, or from a shutdown hook should the JVM be stopped before that: what the tests start
 * (servers, a database) must not outlive them.
 */
final class StopAtExit implements AutoCloseable {

  private final Runnable stop;
  private final Thread shutdownHook;

  StopAtExit(String name, Runnable stop) {
    this.stop = stop;
    this.shutdownHook = new Thread(stop, name + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  @Override
  public void close() {
    stop.run();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and runs the hook itself
    }
  }
}
