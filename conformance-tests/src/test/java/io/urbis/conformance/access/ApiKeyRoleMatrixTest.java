package io.urbis.conformance.access;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import org.junit.jupiter.api.DisplayName;

/** The role matrix with anonymous callers and API keys ({@code security.apiKeys}). */
@UrbisTest
@DisplayName("Role matrix with API keys")
class ApiKeyRoleMatrixTest extends RoleMatrix {

  ApiKeyRoleMatrixTest(Api api, Truth truth, Urbis urbis) {
    super(api, truth, urbis, new Credentials.ApiKeys(), "role-matrix-api-keys");
  }
}
