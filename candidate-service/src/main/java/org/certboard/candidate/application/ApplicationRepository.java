package org.certboard.candidate.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** The candidate's most recent application to the program, null when there is none. */
    public Uni<Application> latest(UUID candidateId, String program) {
        return find("candidateId = ?1 and program = ?2 order by submittedAt desc, id", candidateId, program)
                .firstResult();
    }

    /** The candidate's most recent application to each program applied to, by program code. */
    public Uni<List<Application>> latestPerProgram(UUID candidateId) {
        return find("candidateId = ?1 order by program, submittedAt desc, id", candidateId).list()
                .map(all -> List.copyOf(all.stream().collect(Collectors.toMap(a -> a.program, a -> a,
                        (latest, older) -> latest, LinkedHashMap::new)).values()));
    }

    /**
     * Whether an application to the program blocks a new submission to it on {@code today}: one under review, or an
     * approval whose authorisation still runs (authorisedUntil on or after today). An approval whose period has ended
     * no longer authorises anything, so the candidate must apply again. Callers hold the candidate row lock, which serialises
     * submissions (the unique index application_under_review only backs the UNDER_REVIEW part, because validity
     * depends on today's date). Applications to other programs do not count: a person may apply to each.
     */
    public Uni<Boolean> hasOpen(UUID candidateId, String program, LocalDate today) {
        return count("candidateId = ?1 and program = ?2"
                + " and (status = ?3 or (status = ?4 and authorisedUntil >= ?5))", candidateId, program, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, today)
                .map(n -> n > 0);
    }
}
