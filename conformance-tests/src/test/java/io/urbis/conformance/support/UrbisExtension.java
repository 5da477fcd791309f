package io.urbis.conformance.support;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Starts the {@link Urbis} environment once per test run, in the root store, which closes it (servers stopped,
 * database dropped) when the run ends. A failed start is remembered too, so every class fails with the same message
 * instead of trying again.
 *
 * <p>An {@link UrbisTest} class runs once per {@link Source}: each run is a class template invocation named
 * {@code ... [postgis]} or {@code ... [geopackage]} whose constructor may ask for that source's {@link Api} and the
 * {@link Truth}. Anything may ask for the {@link Urbis} environment (both servers, the GeoPackage file).
 */
public final class UrbisExtension implements BeforeAllCallback, ClassTemplateInvocationContextProvider,
    ParameterResolver {

  /** With {@code -Durbis.skipDb=true} the tests are skipped instead of failing when there is no PostgreSQL. */
  public static final String SKIP_DB = "urbis.skipDb";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UrbisExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Assumptions.assumeFalse(Boolean.getBoolean(SKIP_DB), SKIP_DB + "=true: the conformance tests need PostgreSQL");
    environment(context);
  }

  @Override
  public boolean supportsClassTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
    return Source.selected().stream().map(source -> new OnSource(source, context.getDisplayName()));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Urbis.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return environment(context);
  }

  /** The environment of the run, started by the first class that asks. */
  static Urbis environment(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Urbis.Start.class, key -> Urbis.Start.attempt(), Urbis.Start.class)
        .urbis();
  }

  /**
   * One run of a test class against one source. Its failures and skips say which source they were on: surefire names
   * the runs of a class template by index only ({@code fcBboxResponse()[2]}), so every message starts with
   * {@code [geopackage]} or {@code [postgis]} (the type of failure and its stack trace stay as they were).
   */
  private record OnSource(Source source, String classDisplayName) implements ClassTemplateInvocationContext,
      ParameterResolver, TestExecutionExceptionHandler {

    @Override
    public String getDisplayName(int invocationIndex) {
      return classDisplayName + " " + source.label();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(this);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == Api.class || type == Truth.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      Urbis urbis = environment(context);
      return parameter.getParameter().getType() == Api.class ? urbis.api(source) : new Truth(urbis.database());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
      String label = source.label() + " ";
      String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
      if (message.startsWith(label)) {
        throw failure;
      }
      Throwable labelled;
      if (failure instanceof TestAbortedException) {
        labelled = new TestAbortedException(label + message, failure);
      } else if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined()
          && assertion.isActualDefined()) {
        labelled = new AssertionFailedError(label + message, assertion.getExpected(), assertion.getActual(), failure);
      } else if (failure instanceof AssertionError) {
        labelled = new AssertionFailedError(label + message, failure);
      } else {
        labelled = new IllegalStateException(label + failure, failure);
      }
      labelled.setStackTrace(failure.getStackTrace());
      throw labelled;
    }
  }
}
