package org.certboard.renewal.certification;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.platform.clock.BoardTime;
import org.certboard.renewal.certification.CertificationRepository.Holding;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The pool keeps every statement prepared on its connection, and a rolling update migrates the database while the
 * old pods still run: the certification reads those pods prepared must survive a column the new release adds, as
 * V2 and V15 added some. A prepared {@code select *} does not ("cached plan must not change result type").
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "renewal"))
class CertificationColumnsTest {
    private static final int ROUNDS = 20;

    @Inject
    CertificationRepository certifications;
    @Inject
    BoardTime time;

    @Test
    void theLockAndTheClockClaimSurviveAColumnAddedUnderThem() throws Throwable {
        List<Holding> holdings = List.of(new Holding(UUID.randomUUID(), "CCM"));
        readRounds(holdings);
        alter("add column added_by_the_next_release text");
        try {
            assertThatCode(() -> readRounds(holdings)).doesNotThrowAnyException();
        } finally {
            alter("drop column added_by_the_next_release");
        }
    }

    /** One after the other, so that the rounds after the change run on the connections that prepared them before. */
    private void readRounds(List<Holding> holdings) throws Throwable {
        for (int i = 0; i < ROUNDS; i++) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> certifications
                    .lockLiveOrNewestLapsed(holdings).chain(() -> certifications.claimDue(time.today().minusYears(100),
                            1))));
        }
    }

    private static void alter(String change) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("alter table certification " + change);
        }
    }
}
