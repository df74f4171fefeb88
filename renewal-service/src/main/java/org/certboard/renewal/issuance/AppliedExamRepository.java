package org.certboard.renewal.issuance;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.certboard.platform.sql.NativeSelect;

/** The passes applied, by booking: a pass published twice under different event ids is applied once. */
@ApplicationScoped
public class AppliedExamRepository {

    /** A booking's pass, applied to a certification; {@code outcome}: ISSUED, RENEWED or IGNORED. */
    public record AppliedExam(UUID bookingId, UUID certificationId, String outcome) {
    }

    /** Which of these bookings' passes are applied already, in one statement. */
    public Uni<Set<UUID>> appliedAmong(List<UUID> bookingIds) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select booking_id from applied_exam where booking_id = any(cast(:bookings as uuid[]))", UUID.class)
                .setParameter("bookings", bookingIds.toArray(UUID[]::new)).getResultList())
                .map(HashSet::new);
    }

    /** Records the passes applied, in one statement whatever their number. */
    public Uni<Void> record(List<AppliedExam> applied, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into applied_exam (booking_id, certification_id, outcome, applied_at)
                select booking_id, certification_id, outcome, cast(:at as timestamptz)
                from unnest(cast(:bookings as uuid[]), cast(:certifications as uuid[]), cast(:outcomes as text[]))
                    as t(booking_id, certification_id, outcome)""")
                .setParameter("bookings", applied.stream().map(AppliedExam::bookingId).toArray(UUID[]::new))
                .setParameter("certifications", applied.stream().map(AppliedExam::certificationId)
                        .toArray(UUID[]::new))
                .setParameter("outcomes", applied.stream().map(AppliedExam::outcome).toArray(String[]::new))
                .setParameter("at", at)
                .executeUpdate())
                .replaceWithVoid();
    }
}
