package org.certboard.candidate;

import org.certboard.devstack.testing.TestDatabase;

/** Queries about one candidate's rows, for assertions that nothing (or exactly something) was written. */
public final class Database {
    private Database() {
    }

    /** Every row the service writes for a candidate, in all its tables, including the outbox. */
    public static long rowsAbout(String candidateId) {
        return TestDatabase.count("select (select count(*) from licence where candidate_id::text = ?)"
                + " + (select count(*) from degree where candidate_id::text = ?)"
                + " + (select count(*) from experience where candidate_id::text = ?)"
                + " + (select count(*) from application where candidate_id::text = ?)"
                + " + (select count(*) from outbox_event where subject = ?)",
                candidateId, candidateId, candidateId, candidateId, candidateId);
    }

    public static long outboxEvents(String candidateId, String type) {
        return TestDatabase.count("select count(*) from outbox_event where subject = ? and type = ?", candidateId, type);
    }
}
