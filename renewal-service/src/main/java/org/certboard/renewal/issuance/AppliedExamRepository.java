package org.certboard.renewal.issuance;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.certboard.platform.sql.NativeSelect;

/** The passes applied, by booking: a pass published twice under different event ids is applied once. */
@ApplicationScoped
public class AppliedExamRepository {

    public Uni<Boolean> applied(UUID bookingId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select count(*) from applied_exam where booking_id = ?1", Long.class)
                .setParameter(1, bookingId).getSingleResult()).map(seen -> seen > 0);
    }

    /** {@code outcome}: ISSUED, RENEWED or IGNORED. */
    public Uni<Void> record(UUID bookingId, UUID certificationId, String outcome, Instant at) {
        // flushed first: native statements do not flush the session, and the row refers to a new certification
        return Panache.getSession().chain(session -> session.flush().chain(() -> session.createNativeQuery(
                "insert into applied_exam (booking_id, certification_id, outcome, applied_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, bookingId).setParameter(2, certificationId)
                .setParameter(3, outcome).setParameter(4, at)
                .executeUpdate())).replaceWithVoid();
    }
}
