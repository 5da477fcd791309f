package io.urbis.conformance.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts {@link Keycloak} once per test run, when a class that uses it first runs, in the root store, which stops it
 * when the run ends. Such a class is disabled, saying why, when Keycloak cannot run here (no distribution, no Java
 * 21+); a failed start fails every such class with the same message instead of being tried again. A test class asks for
 * {@link Keycloak} as a constructor or method parameter.
 */
public final class KeycloakExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KeycloakExtension.class);

  /** A disabled class is reported as skipped with its reason, which an assumption failing in beforeAll is not. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return Keycloak.missing().map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("Keycloak can run here"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    keycloak(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Keycloak.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return keycloak(context);
  }

  private static Keycloak keycloak(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Start.class, key -> Start.attempt(), Start.class)
        .keycloak();
  }

  /** The outcome of the one start attempt of a run: Keycloak, or why it did not start. */
  private record Start(Keycloak started, RuntimeException failure) implements AutoCloseable {

    static Start attempt() {
      try {
        return new Start(Keycloak.start(), null);
      } catch (RuntimeException e) {
        return new Start(null, e);
      }
    }

    Keycloak keycloak() {
      if (failure != null) {
        throw new IllegalStateException("Keycloak unavailable: " + failure.getMessage(), failure);
      }
      return started;
    }

    @Override
    public void close() {
      if (started != null) {
        started.close();
      }
    }
  }
}
