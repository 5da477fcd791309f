package io.urbis.conformance.access;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Keycloak;
import io.urbis.conformance.support.KeycloakExtension;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role matrix with anonymous callers and Keycloak's bearer tokens ({@code security.openIdConnect}, roles from
 * {@code realm_access.roles}).
 */
@UrbisTest
@ExtendWith(KeycloakExtension.class)
@DisplayName("Role matrix with Keycloak tokens")
class KeycloakRoleMatrixTest extends RoleMatrix {

  KeycloakRoleMatrixTest(Api api, Truth truth, Urbis urbis, Keycloak keycloak) {
    super(api, truth, urbis, new Credentials.KeycloakTokens(keycloak), "role-matrix-keycloak");
  }
}
