package io.urbis.conformance.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link SensorThingsData} once per test run, when a class that asks for it first runs, in the root store, which
 * stops its server when the run ends. Use with {@link UrbisExtension}, which provides the environment it needs.
 */
public final class SensorThingsExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SensorThingsExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SensorThingsData.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SensorThingsData.class,
        key -> SensorThingsData.start(UrbisExtension.environment(context)), SensorThingsData.class);
  }
}
