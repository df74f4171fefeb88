package org.certboard.devstack.scenario;

/**
 * Where the scenarios get the bearer token of whoever acts: each person as themselves, staff, the test vendor's
 * service account and operations. Backed by {@link org.certboard.devstack.testing.TestTokens} (tests, no provider)
 * or by the local Keycloak ({@link org.certboard.devstack.KeycloakTokens}).
 */
public interface TokenSource {
    /** Board staff. */
    String staff();

    /** The test vendor's service account (client credentials). */
    String vendor();

    /** Operations: the sandbox clock. */
    String admin();

    /** The person who signs in with {@code email}, holding the role candidate; made known to the provider if new. */
    String candidate(String email);
}
