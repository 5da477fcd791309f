package io.urbis.conformance.support;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the {@link Urbis} environment once per test run, in the root store, which closes it (server
 * stopped, database dropped) when the run ends. A failed start is remembered too, so every class fails
 * with the same message instead of trying again.
 */
public final class UrbisExtension implements BeforeAllCallback, ParameterResolver {

  /** With {@code -Durbis.skipDb=true} the tests are skipped instead of failing when there is no PostgreSQL. */
  public static final String SKIP_DB = "urbis.skipDb";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UrbisExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Assumptions.assumeFalse(Boolean.getBoolean(SKIP_DB), SKIP_DB + "=true: the conformance tests need PostgreSQL");
    environment(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Api.class || type == Truth.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Urbis urbis = environment(context);
    return parameter.getParameter().getType() == Api.class ? urbis.api() : new Truth(urbis.database());
  }

  private static Urbis environment(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Urbis.Start.class, key -> Urbis.Start.attempt(), Urbis.Start.class)
        .urbis();
  }
}
