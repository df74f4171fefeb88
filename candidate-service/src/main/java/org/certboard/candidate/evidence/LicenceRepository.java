package org.certboard.candidate.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The {@code licence} table's queries. Every method needs the caller's session (or transaction), but for those given
 * a {@link SqlClient}: reads that need no session, answering views.
 */
@ApplicationScoped
public class LicenceRepository implements PanacheRepositoryBase<Licence, UUID> {

    /** The licences on one candidate's file, in the order they were recorded. */
    public Uni<List<Licence>> ofCandidate(UUID candidateId) {
        return list("candidateId = ?1 order by recordedAt, id", candidateId);
    }

    /** What {@link #ofCandidate(UUID)} holds, as the file shows it, through the SQL client. */
    public Uni<List<LicenceView>> viewsOf(SqlClient sql, UUID candidateId) {
        return sql.preparedQuery("select id, type, number, jurisdiction, issued_on, expires_on, independent_practice"
                + " from licence where candidate_id = $1 order by recorded_at, id")
                .execute(Tuple.of(candidateId)).map(rows -> rows.stream().map(LicenceRepository::licence).toList());
    }

    private static LicenceView licence(Row row) {
        return new LicenceView(row.getUUID("id"), row.getString("type"), row.getString("number"),
                row.getString("jurisdiction"), row.getLocalDate("issued_on"), row.getLocalDate("expires_on"),
                row.getBoolean("independent_practice"));
    }
}
