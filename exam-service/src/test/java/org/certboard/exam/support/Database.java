package org.certboard.exam.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.certboard.devstack.testing.TestDatabase;

/** Test set-up written straight to the exam database. */
public final class Database {
    private Database() {
    }

    /** Authorises candidates for CCM directly (fast set-up); the event path is covered by the broker tests. */
    public static void authorise(Collection<UUID> candidates, LocalDate until) {
        authorise(candidates, "CCM", until);
    }

    /** Authorises candidates for a program directly. */
    public static void authorise(Collection<UUID> candidates, String program, LocalDate until) {
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into authorisation (candidate_id, program, application_id, status, authorised_until,"
                        + " decided_at) values (?, ?, ?, 'APPROVED', ?, ?)")) {
            for (UUID candidate : candidates) {
                insert.setObject(1, candidate);
                insert.setString(2, program);
                insert.setObject(3, UUID.randomUUID());
                insert.setObject(4, until);
                insert.setObject(5, java.sql.Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds a candidate to an account directly, as CandidateRegistered would (EventFlowTest covers the event path). */
    public static void bindAccount(UUID candidate, String subject) {
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into candidate_account (candidate_id, subject) values (?, ?)")) {
            insert.setObject(1, candidate);
            insert.setString(2, subject);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
