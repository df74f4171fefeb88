package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.candidate.eligibility.DegreeLevel;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code degree} table's queries. Every method needs the caller's session (or transaction), but for those given
 * a {@link SqlClient}: reads that need no session, answering views.
 */
@ApplicationScoped
public class DegreeRepository implements PanacheRepositoryBase<Degree, UUID> {

    /** The degrees on one candidate's file, in the order they were recorded. */
    public Uni<List<Degree>> ofCandidate(UUID candidateId) {
        return list("candidateId = ?1 order by recordedAt, id", candidateId);
    }

    /** What {@link #ofCandidate(UUID)} holds, as the file shows it, through the SQL client. */
    public Uni<List<DegreeView>> viewsOf(SqlClient sql, UUID candidateId) {
        return sql.preparedQuery("select id, level, field, institution, awarded_on, supervised_field_experience"
                + " from degree where candidate_id = $1 order by recorded_at, id")
                .execute(Tuple.of(candidateId)).map(rows -> rows.stream().map(DegreeRepository::degree).toList());
    }

    private static DegreeView degree(Row row) {
        return new DegreeView(row.getUUID("id"), DegreeLevel.valueOf(row.getString("level")), row.getString("field"),
                row.getString("institution"), row.getLocalDate("awarded_on"),
                row.getBoolean("supervised_field_experience"));
    }
}
