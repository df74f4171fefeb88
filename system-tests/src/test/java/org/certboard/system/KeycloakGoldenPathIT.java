package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Ports;
import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.GoldenPath;
import org.certboard.devstack.scenario.TokenSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The golden path through a real OpenID provider: the services verify tokens against the local Keycloak's JWKS
 * (realm imported from deploy/local/keycloak), and every step carries a token Keycloak issued: the candidate signs in
 * with a password (their user made through the admin API), staff and admin are the realm's demo users, the vendor
 * uses client credentials. Runs in a failsafe execution (and JVM) of its own, after the other system tests have
 * stopped their stack. The distribution, its build step and its data are kept in target/keycloak between runs (the
 * data is dropped when the realm file has changed); every run signs up a new candidate.
 */
class KeycloakGoldenPathIT {
    private static LocalStack stack;

    @BeforeAll
    static void startWithKeycloak() {
        Path home = SystemStack.root().resolve("system-tests/target/keycloak");
        stack = SystemStack.start(options -> options.withProvider(new LocalStack.Provider(home, Ports.free(), true)));
    }

    @Test
    void aCandidateIsCertifiedAndRenewsWithTokensFromKeycloak() {
        Board board = SystemStack.board(stack);
        GoldenPath.Outcome outcome = new GoldenPath(board, line -> System.out.println("[keycloak golden path] " + line))
                .play("Lillian", "Wald");

        assertThat(outcome.certification().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(outcome.renewedExpiresOn()).isEqualTo(outcome.sitting().date().plusYears(10));
        assertThat(outcome.verification().path("name").asText()).isEqualTo("Lillian Wald-Seacole");

        // the profile is bound to the Keycloak account that registered it
        Candidate candidate = outcome.candidate();
        assertThat(board.as(candidate).get(Service.CANDIDATE, "/candidates/me").expect(200).text("id"))
                .isEqualTo(candidate.id());
        // another person signed in at the same provider learns nothing of it
        TokenSource tokens = stack.tokens();
        String stranger = tokens.candidate("someone.else+" + candidate.id().substring(0, 8) + "@example.org");
        assertThat(board.anonymous().as(stranger).get(Service.CANDIDATE, "/candidates/" + candidate.id()).status())
                .isEqualTo(404);
        // any valid address signs in and registers (issue 21): Keycloak refuses an apostrophe in a user name, so the
        // user name is a digest of the address, and the token carries the address as its verified email
        String apostrophe = "o'brien+" + candidate.id().substring(0, 8) + "@example.org";
        assertThat(board.anonymous().as(tokens.candidate(apostrophe)).post(Service.CANDIDATE, "/candidates",
                Map.of("givenName", "Mary", "familyName", "O'Brien", "email", apostrophe, "dateOfBirth", "1984-03-09"))
                .expect(201).text("email")).isEqualTo(apostrophe);
        // and without a token nothing but verification answers
        assertThat(board.anonymous().get(Service.CANDIDATE, "/candidates/" + candidate.id()).status()).isEqualTo(401);
        assertThat(board.anonymous().post(Service.EXAM, "/results", Map.of("bookingId", outcome.bookingId(),
                "scaledScore", 700)).status()).isEqualTo(401);
        // roles come from the provider's realm roles: the vendor's service account may not list candidates, staff may
        assertThat(board.vendor().get(Service.CANDIDATE, "/candidates").status()).isEqualTo(403);
        assertThat(board.staff().get(Service.CANDIDATE, "/candidates").status()).isEqualTo(200);
    }
}
