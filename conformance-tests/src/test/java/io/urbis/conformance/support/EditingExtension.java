package io.urbis.conformance.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link EditedData} once per test run, when a class that asks for it first runs, in the root store, which
 * stops its server when the run ends. Use with {@link UrbisExtension}, which provides the environment it needs.
 */
public final class EditingExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EditingExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EditedData.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EditedData.class,
        key -> EditedData.start(UrbisExtension.environment(context)), EditedData.class);
  }
}
