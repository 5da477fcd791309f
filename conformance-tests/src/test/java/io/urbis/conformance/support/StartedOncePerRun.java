package io.urbis.conformance.support;

import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts data with a server of its own once per test run, when a class that asks for it first runs, in the root
 * store, which closes it (stopping the server) when the run ends. Use with {@link UrbisExtension}, which provides the
 * environment it needs.
 *
 * @param <T> the data, closed at the end of the run
 */
abstract class StartedOncePerRun<T extends AutoCloseable> implements ParameterResolver {

  private final Class<T> type;
  private final Function<Urbis, T> start;

  StartedOncePerRun(Class<T> type, Function<Urbis, T> start) {
    this.type = type;
    this.start = start;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == type;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(getClass())).getOrComputeIfAbsent(type,
        key -> start.apply(UrbisExtension.environment(context)), type);
  }
}
