package org.certboard.candidate.application;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.platform.domain.Refusal;


import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The application table's queries. Every method needs the caller's session (or transaction). */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** The application, or a 404 problem; locked until the transaction ends when {@code lock} says so. */
    public Uni<Application> require(UUID id, LockModeType lock) {
        return findById(id, lock).onItem().ifNull()
                .failWith(() -> Refusal.notFound("application", id));
    }

    /** The candidate an application belongs to; null when there is no such application. */
    public Uni<UUID> candidateOf(UUID applicationId) {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select candidateId from Application where id = :id", UUID.class)
                .setParameter("id", applicationId).getSingleResultOrNull());
    }

    /** The candidate's most recent application, null when there is none. */
    public Uni<Application> latest(UUID candidateId) {
        return find("candidateId = ?1 order by submittedAt desc, id", candidateId)
                .firstResult();
    }

    /**
     * Whether an application blocks a new submission on {@code today}: one under review, or an approval whose
     * authorisation still runs (authorisedUntil on or after today). An approval whose period has ended no longer
     * authorises anything, so the candidate must apply again. Callers hold the candidate row lock, which serialises
     * submissions (the unique index application_under_review only backs the UNDER_REVIEW part, because validity
     * depends on today's date).
     */
    public Uni<Boolean> hasOpen(UUID candidateId, LocalDate today) {
        return count("candidateId = ?1 and (status = ?2 or (status = ?3 and authorisedUntil >= ?4))",
                candidateId, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, today).map(n -> n > 0);
    }
}
