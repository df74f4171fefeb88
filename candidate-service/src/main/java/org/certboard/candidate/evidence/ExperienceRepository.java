package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.eligibility.ExperienceRole;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code experience} table's queries. Every method needs the caller's session (or transaction), but for those given
 * a {@link SqlClient}: reads that need no session, answering views.
 */
@ApplicationScoped
public class ExperienceRepository implements PanacheRepositoryBase<Experience, UUID> {

    /** The jobs on one candidate's file, by start date. */
    public Uni<List<Experience>> ofCandidate(UUID candidateId) {
        return list("candidateId = ?1 order by startDate, id", candidateId);
    }

    /** What {@link #ofCandidate(UUID)} holds, as the file shows it, through the SQL client. */
    public Uni<List<ExperienceView>> viewsOf(SqlClient sql, UUID candidateId) {
        return sql.preparedQuery("select id, employer, role, start_date, end_date, hours_per_week,"
                + " supervised_by_certified_case_manager, self_employed"
                + " from experience where candidate_id = $1 order by start_date, id")
                .execute(Tuple.of(candidateId)).map(rows -> rows.stream().map(ExperienceRepository::job).toList());
    }

    private static ExperienceView job(Row row) {
        return new ExperienceView(row.getUUID("id"), row.getString("employer"),
                ExperienceRole.valueOf(row.getString("role")), row.getLocalDate("start_date"),
                row.getLocalDate("end_date"), row.getBigDecimal("hours_per_week"),
                row.getBoolean("supervised_by_certified_case_manager"), row.getBoolean("self_employed"));
    }
}
