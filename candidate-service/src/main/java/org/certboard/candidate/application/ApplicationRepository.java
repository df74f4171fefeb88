package org.certboard.candidate.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.candidate.persistence.Rows;
import org.certboard.events.Actor;
import org.certboard.platform.domain.Refusal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The application table's queries. Every method needs the caller's session (or transaction), but for those given a
 * {@link SqlClient}: reads that need no session, answering views.
 */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {
    private static final ChecksColumn CHECKS = new ChecksColumn();

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

    /** The candidate's most recent application to each program applied to, by program code; through the SQL client. */
    public Uni<List<ApplicationView>> latestPerProgram(SqlClient sql, UUID candidateId) {
        return sql.preparedQuery("select distinct on (program) id, program, status, pathway, checks, submitted_on,"
                + " authorised_until, decided_at, decision_reason, submitted_by_subject, submitted_by_role,"
                + " decided_by_subject, decided_by_role"
                + " from application where candidate_id = $1 order by program, submitted_at desc, id")
                .execute(Tuple.of(candidateId)).map(rows -> rows.stream().map(row -> ApplicationView.of(
                        row.getUUID("id"), candidateId, row.getString("program"),
                        ApplicationStatus.valueOf(row.getString("status")), row.getString("pathway"),
                        CHECKS.convertToEntityAttribute(row.getString("checks")), row.getLocalDate("submitted_on"),
                        row.getLocalDate("authorised_until"), Rows.instant(row, "decided_at"),
                        row.getString("decision_reason"), actor(row, "submitted_by"), actor(row, "decided_by")))
                        .toList());
    }

    private static Actor actor(Row row, String column) {
        String subject = row.getString(column + "_subject");
        return subject == null ? null : new Actor(subject, row.getString(column + "_role"));
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
