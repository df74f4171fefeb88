package org.certboard.exam.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.devstack.testing.LogCapture.statementsOf;
import static org.certboard.platform.testing.Deliveries.delivered;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.exam.support.Database;
import org.certboard.platform.inbox.IncomingEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** A poll's registrations and claims bind their accounts in one statement, each candidate once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class CandidateAccountsTest {

    @Inject
    CandidateAccounts accounts;

    @Test
    void aPollOfRegistrationsAndClaimsBindsItsAccountsInOneStatement() {
        Instant at = Instant.now();
        List<IncomingEvent> events = new ArrayList<>();
        List<UUID> registered = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID person = UUID.randomUUID();
            registered.add(person);
            events.add(delivered(new CandidateRegistered(person, "account-" + person, "Reg", "Person " + i, at)));
        }
        UUID paper = UUID.randomUUID();
        events.add(delivered(new CandidateRegistered(paper, null, "Paper", "Applicant", at)));
        events.add(delivered(new CandidateClaimed(paper, "claimed-" + paper, at)));
        UUID bound = UUID.randomUUID();
        Database.bindAccount(bound, "first-" + bound);
        events.add(delivered(new CandidateClaimed(bound, "second-" + bound, at)));

        List<String> statements = statementsOf(() -> apply(events));

        assertThat(statements).as("statements of a poll of 30 registrations and 2 claims").singleElement()
                .satisfies(sql -> assertThat(sql).contains("insert into candidate_account", "unnest"));
        for (UUID person : registered) {
            assertThat(subjectOf(person)).isEqualTo("account-" + person);
        }
        assertThat(subjectOf(paper)).isEqualTo("claimed-" + paper);
        assertThat(subjectOf(bound)).as("a candidate already bound keeps its account").isEqualTo("first-" + bound);
    }

    @Test
    void aPollWithoutAccountsWritesNothing() {
        UUID paper = UUID.randomUUID();
        List<IncomingEvent> events = List.of(delivered(new CandidateRegistered(paper, null, "Paper", "Only",
                Instant.now())));

        assertThat(statementsOf(() -> apply(events))).isEmpty();
        assertThat(TestDatabase.count("select count(*) from candidate_account where candidate_id = ?", paper))
                .isZero();
    }

    private static String subjectOf(UUID candidate) {
        return TestDatabase.text("select subject from candidate_account where candidate_id = ?", candidate);
    }

    private void apply(List<IncomingEvent> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> accounts.apply(events)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
